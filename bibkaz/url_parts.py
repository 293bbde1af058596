"""A URL's parts, whatever text a document hands over as a URL.

``urllib.parse.urlsplit`` raises ValueError on a host with an unpaired bracket
("http://[x.org/a"), which a converted or hostile document can contain; one
such link must not cost the document its extraction (a fuzzed document did).
"""

from __future__ import annotations

from urllib.parse import SplitResult, urlsplit


def split_url(url: str) -> SplitResult:
    """``urlsplit(url)``; brackets that make it fail are read as escaped characters instead."""
    try:
        return urlsplit(url)
    except ValueError:
        return urlsplit(url.replace("[", "%5B").replace("]", "%5D"))

"""DOIs and URLs: the forms references print them in, reduced to one form."""

from __future__ import annotations

import re

DOI_RE = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>]+)", re.I)
URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"]+", re.I)
_TRAIL = ".,;:)]}>'\"’”"


def _strip_trailing(s: str) -> str:
    """Trailing punctuation is the sentence's, but a ")" closing a "(" inside the
    URL or DOI belongs to it (Wikipedia URLs, Elsevier DOIs)."""
    while s and s[-1] in _TRAIL:
        if s[-1] == ")" and s.count("(") >= s.count(")"):
            break
        if s[-1] == "]" and s.count("[") >= s.count("]"):
            break
        s = s[:-1]
    return s


def clean_doi(text: str) -> str:
    """"https://doi.org/10.1080/X." / "doi: 10.1080/X" / "<10.1/x>" → "10.1080/X"."""
    m = DOI_RE.search(text.replace("\u200b", ""))
    if not m:
        return ""
    return _strip_trailing(m.group(1))


def clean_url(text: str) -> str:
    """"<https://x.org/a>." → "https://x.org/a"; "www.x.org" → "http://www.x.org"."""
    m = URL_RE.search(text)
    if not m:
        return ""
    url = _strip_trailing(m.group(0))
    if url.lower().startswith("www."):
        url = "http://" + url
    return url


def doi_from_url(url: str) -> str:
    """The DOI inside a doi.org link, else ""."""
    if re.match(r"https?://(dx\.)?doi\.org/", url, re.I):
        return clean_doi(url)
    return ""

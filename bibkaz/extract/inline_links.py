"""Bare URLs and DOIs in running text, each a reference of its own.

Trailing punctuation and angle brackets are the sentence's, not the link's.
E-mail addresses and social-media handles are not links. The target of a
Markdown or HTML link ("[the package](https://…)") is not a bare link: the
author linked words, and most such links are navigation, not sources; nor is
a URL that is only the words of such a link ("[https://x.gov](https://x.gov)").
A doi.org address without a DOI ("https://doi.org/DOIunavailable") is a
template's placeholder, not a reference.
"""

from __future__ import annotations

import re

from dataclasses import dataclass
from urllib.parse import urlsplit

from bibkaz.extract.text import Paragraph
from bibkaz.parse.normalise.identifiers import DOI_RE, URL_RE, clean_doi, clean_url, doi_from_url


@dataclass(frozen=True)
class InlineLink:
    kind: str  # inline-url | inline-doi
    value: str
    line: int


#: What stands right before a URL that is a link's target: "[words](", "href=\"", "src='".
_LINK_TARGET = re.compile(r"(?:\]\(|(?:href|src)=[\"']?)$")
#: What stands right after a URL that is a Markdown link's words: "](".
_LINK_WORDS = re.compile(r"[.,;:]?\]\(")


def names_a_work(url: str) -> bool:
    """False for a doi.org address that holds no DOI."""
    host = urlsplit(url if "://" in url else "http://" + url).netloc.lower()
    return not (host.endswith("doi.org") and not doi_from_url(url))


def find_links(paras: list[Paragraph]) -> list[InlineLink]:
    found: list[InlineLink] = []
    seen: set[str] = set()
    for p in paras:
        spans: list[tuple[int, int]] = []
        for m in URL_RE.finditer(p.text):
            if m.start() and p.text[m.start() - 1] == "@":
                continue
            if _LINK_TARGET.search(p.text, max(0, m.start() - 6), m.start()):
                continue  # the target of a Markdown or HTML link: a hyperlink on words, not a bare link
            if _LINK_WORDS.match(p.text, m.end()) or _LINK_WORDS.search(m.group(0)):
                continue  # the words of a Markdown link that are a URL themselves
            url = clean_url(m.group(0))
            if not names_a_work(url):
                continue
            spans.append((m.start(), m.end()))
            doi = doi_from_url(url)
            kind, value = ("inline-doi", doi) if doi else ("inline-url", url)
            if value and value.lower() not in seen:
                seen.add(value.lower())
                found.append(InlineLink(kind, value, p.line_at(m.start())))
        for m in DOI_RE.finditer(p.text):
            if any(a <= m.start() < b for a, b in spans):
                continue
            doi = clean_doi(m.group(0))
            if doi and doi.lower() not in seen:
                seen.add(doi.lower())
                found.append(InlineLink("inline-doi", doi, p.line_at(m.start())))
    return found

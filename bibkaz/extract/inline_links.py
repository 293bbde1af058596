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
from bisect import bisect_left
from dataclasses import dataclass
from typing import Iterator

from bibkaz.extract.text import Paragraph, sentence_around
from bibkaz.parse.normalise.identifiers import DOI_RE, URL_RE, clean_doi, clean_url, doi_from_url, join_broken_urls
from bibkaz.url_parts import account_page, split_url


@dataclass(frozen=True)
class InlineLink:
    kind: str  # inline-url | inline-doi
    value: str
    line: int


#: What stands right before a URL that is a link's target: "[words](", "href=\"", "src='".
_LINK_TARGET = re.compile(r"(?:\]\(|(?:href|src)=[\"']?)$")
#: What stands right after a URL that is a Markdown link's words: "](".
_LINK_WORDS = re.compile(r"[.,;:]?\]\(")
#: A DOI as the words of a link, right before its target in angle brackets, as a web page's
#: "<a href=…/record/57467>10.5281/zenodo.57467</a>" reads as text: the target is the DOI's landing
#: page, the same work as the DOI.
_DOI_AS_WORDS = re.compile(r"\b10\.\d{4,9}/\S+\s*<$")


def names_a_work(url: str) -> bool:
    """False for a doi.org address that holds no DOI (a template's "https://doi.org/DOIunavailable"),
    but a short DOI ("https://doi.org/10/cj8t6n", shortdoi.org's) names one."""
    parts = split_url(url if "://" in url else "http://" + url)
    return not (parts.netloc.lower().endswith("doi.org") and not doi_from_url(url) and not _SHORT_DOI.match(parts.path))


#: The path of a short DOI's address.
_SHORT_DOI = re.compile(r"^/10/[a-z0-9]{3,12}/?$", re.I)


def _may_hold_url(text: str) -> bool:
    """False when URL_RE cannot match: it needs "http" or "www." in some case (no letter of those
    matches anything but its two ASCII cases under re.I). Most paragraphs hold no link, and the
    case-blind pattern scans them ~3x slower than str.lower and a substring test."""
    low = text.lower()
    return "http" in low or "www." in low


def _whole_link(p: Paragraph, m: re.Match[str]) -> tuple[str, int]:
    """The link ``m`` found, and where it ends, with its rest from the next line when a line break cut it
    (a PDF conversion breaks long links at "/" or "."): the paragraph joined the lines with a space."""
    end = m.end()
    if end >= len(p.text) or p.text[end] != " " or not _line_starts_at(p, end + 1):
        return m.group(0), end
    rest = p.text.find(" ", end + 1)
    rest = len(p.text) if rest < 0 else rest
    piece = p.text[end + 1:rest]
    if not _looks_like_address(m.group(0), piece):
        return m.group(0), end
    joined = join_broken_urls(f"{m.group(0)} {piece}")
    return (joined, rest) if " " not in joined else (m.group(0), end)


def _line_starts_at(p: Paragraph, offset: int) -> bool:
    """Whether one of the paragraph's lines starts at ``offset`` (its starts are sorted: a bisection,
    not a scan of every line for every link of a long paragraph)."""
    i = bisect_left(p.line_starts, offset)
    return i < len(p.line_starts) and p.line_starts[i] == offset


def _looks_like_address(url: str, piece: str) -> bool:
    """Whether the next line's first word may be the rest of a link (join_broken_urls decides): in prose
    a link at a line's end is followed by ordinary words far more often than in a reference, so the
    piece must be a host's rest (after a cut at a dot) or hold "/", "#", "=", "&" or a dot inside."""
    bare = piece.rstrip(".,;:)]")
    if not bare or "<" in bare or '"' in bare:
        return False
    return (url.endswith((".", "-")) or any(c in bare for c in "/#=&_") or "." in bare
            or _IDENTIFIER.fullmatch(bare) is not None)


#: A document's identifier in an address ("1dS0SqGoBIFwLB5G3HiL…"): letters and digits mixed, no word of prose.
_IDENTIFIER = re.compile(r"(?=[A-Za-z]*\d)(?=\d*[A-Za-z])[A-Za-z\d]{12,}")


def find_links(paras: list[Paragraph]) -> list[InlineLink]:
    found: list[InlineLink] = []
    seen: set[str] = set()
    for p in paras:
        spans: list[tuple[int, int]] = []
        for m in URL_RE.finditer(p.text) if _may_hold_url(p.text) else ():
            if m.start() and p.text[m.start() - 1] == "@":
                continue
            if _LINK_TARGET.search(p.text, max(0, m.start() - 6), m.start()):
                continue  # the target of a Markdown or HTML link: a hyperlink on words, not a bare link
            if _LINK_WORDS.match(p.text, m.end()) or _LINK_WORDS.search(m.group(0)):
                continue  # the words of a Markdown link that are a URL themselves
            if m.start() and p.text[m.start() - 1] == "<" and _DOI_AS_WORDS.search(p.text, max(0, m.start() - 120), m.start()):
                continue  # the landing page of a DOI given as the link's words: the DOI is the work
            link, end = _whole_link(p, m)
            url = clean_url(link)
            if not names_a_work(url):
                continue
            spans.append((m.start(), end))
            doi = doi_from_url(url)
            kind, value = ("inline-doi", doi) if doi else ("inline-url", url)
            if value and value.lower() not in seen:
                seen.add(value.lower())
                found.append(InlineLink(kind, value, p.line_at(m.start())))
        if "10." in p.text:
            # a DOI in the address of words that cite it ("[Moen (1997)](https://doi.org/10.1086/262077)")
            # is the linked words' work (find_hyperlinks), which names its authors and year
            spans.extend(m.span("url") for m, _, _ in _cited_links(p.text))
        # DOI_RE opens with \b, so it is tried at every position; every DOI holds "10."
        for m in DOI_RE.finditer(p.text) if "10." in p.text else ():
            if any(a <= m.start() < b for a, b in spans):
                continue
            doi = clean_doi(m.group(0))
            if doi and doi.lower() not in seen:
                seen.add(doi.lower())
                found.append(InlineLink("inline-doi", doi, p.line_at(m.start())))
    return found


@dataclass(frozen=True)
class Hyperlink:
    """A Markdown link on words: "[the AI Executive Order](https://www.whitehouse.gov/…)"."""

    words: str
    url: str
    line: int
    sentence: str


#: "[words](url)" but not an image "![alt](src)"; words without brackets, one level of nesting at most.
_MD_LINK = re.compile(r"(?<!!)\[(?P<words>[^\[\]]{2,300})\]\((?P<url>https?://[^\s()]+(?:\([^\s()]*\))?[^\s()]*)(?:\s+\"[^\"]*\")?\)")
#: Words that ask the reader to do something; the link behind them is navigation, not a source.
_CALL_TO_ACTION = re.compile(
    r"^(?:here|this|click here|read more|learn more|more|link|website|site|home|contact us|email us|sign up|"
    r"subscribe|register|apply|join us|view|see more|this page|our website|listen|print|share|"
    # an offer to the reader: "Sign up for the mailing list", "Subscribe to the newsletter"
    r"(?:sign up|subscribe|register) (?:for|to)\b.*|"
    # a page's own file: "Download PDF (450KB)"
    r"download(?:\s+(?:the\s+)?(?:pdf|full report|report|file|document))?(?:\s*\([\d.,]+\s*[kmg]?b\))?)$", re.I)


#: A hashtag or a handle as the link's words ("#opendata", "@Etalab"): an embedded post's own markup, which
#: links to a feed or an account, not a source the post's writer cites.
_TAG_OR_HANDLE = re.compile(r"[#@][^\W_][\w.]*")
#: "our UX guide", "what we learned": the author's own pages, not a source they cite.
_OWN = re.compile(r"\b(?:our|we|us)\b", re.I)
#: Code hosts, whose two-segment addresses are a project's home page (its issues and files go deeper).
_CODE_HOSTS = frozenset({"github.com", "gitlab.com", "bitbucket.org", "codeberg.org", "sourceforge.net"})
#: Words of a page's own furniture: editing, sharing, legal pages, feeds ("Privacy", not the "Privacy Rule"
#: or "Privacy Act" a text cites).
_FURNITURE = re.compile(r"\b(?:edit this page|retweet|tweet this|share (?:this|on)|terms of (?:use|service)|"
                        r"privacy(?!\s+(?:rule|act|law|regulations?|directive|shield|framework|impact|assessment|"
                        r"principles|standards?|notices?\s+(?:for|of|in))\b)|"
                        r"cookies?|licen[cs]e|file (?:a )?bugs?|report an? (?:issue|bug)|rss|atom feed)\b", re.I)

#: Pages that present people or what an organisation offers ("/about/people/adam-lynn/", "/install/",
#: "/funds/", "/donate"), which a post links to name them, not to cite a source.
#: The page is the section itself ("/about/", "/install") or one entry of a list of people or
#: funds ("/people/adam-lynn/"); deeper pages ("/about/offices/…/ai-inventory/") and files
#: ("/downloads/report.pdf") are content.
_NOT_A_WORK = re.compile(
    r"/(?:(?:about|people|person|teams?|staff|bios?|install|downloads?|donate|join|contact|careers|jobs|funds|"
    r"programs|signup|sign-up|login|subscribe|membership)/?"
    r"|(?:people|person|teams?|staff|bios?|funds|programs|faculty|board|leadership)/[^/]+/?"
    r"|about/[^/]*(?:staff|board|team|people|leadership|mission|history|contact)[^/]*/?)$", re.I)


def find_hyperlinks(paras: list[Paragraph]) -> list[Hyperlink]:
    """Markdown links on words that may cite a source, each place they stand (a page linked twice is
    found twice): not a site's home page, an account, a code project's home, a call to action or the
    page's own furniture ("Edit this page", "Privacy", the licence)."""
    found: list[Hyperlink] = []
    for p in paras:
        for m, words, url in _cited_links(p.text):
            found.append(Hyperlink(words, url, p.line_at(m.start()), sentence_around(p.text, m.start(), m.end())))
    return found


def _cited_links(text: str) -> Iterator[tuple[re.Match[str], str, str]]:
    """The Markdown links of ``text`` whose words may cite the page they point at: each match, its
    words (emphasis marks dropped) and its cleaned address."""
    # _MD_LINK opens with a look-behind, so it is tried at every position; every match holds "]("
    for m in _MD_LINK.finditer(text) if "](" in text else ():
        words = " ".join(m.group("words").replace("*", "").replace("_", " ").split()).strip(" .,:;")
        url = clean_url(m.group("url"))
        if _cites(words, url):
            yield m, words, url


def _cites(words: str, url: str) -> bool:
    """Whether words linked to ``url`` may cite it: not a call to action, the address itself, the
    author's own pages or the page's furniture; not a site's home page, a page about people or an
    organisation's offer, an account or a code project's home."""
    if (not words or _CALL_TO_ACTION.match(words) or URL_RE.fullmatch(words) or _OWN.search(words)
            or _FURNITURE.search(words) or _TAG_OR_HANDLE.fullmatch(words)):
        return False
    parts = split_url(url)
    if not parts.path.strip("/") and not parts.query:
        return False  # a site's home page names an organisation, not a work
    if _NOT_A_WORK.search(parts.path):
        return False  # a page about people or an organisation's offer: named, not cited
    segments = parts.path.strip("/").count("/") + 1
    host = (parts.hostname or "").removeprefix("www.")
    if account_page(url) or host in _CODE_HOSTS and segments < 3:
        return False  # an account ("Connect with us on X") or a project's home page, not a post or an issue
    return names_a_work(url)


#: An anchor at the end of an address, or a line anchor into a source file ("#L10", "#L10-L20").
_ANCHOR = re.compile(r"#(?:L\d+(?:-L?\d+)?)?$")


def page_of(url: str) -> str:
    """The work an address names, for telling two links apart: a line anchor into a source file
    ("#L10") points into the same file; any other anchor names a part of its own (a dated entry)."""
    return _ANCHOR.sub("", url).lower().rstrip("/")

"""A page's bibliography kept as BibTeX in a script block, and its citations as keys: Distill's.

A Distill article cites with ``<dt-cite key="radford2015unsupervised">`` (template v1) or
``<d-cite key="nostrand2015interpretive,graeber2015utopia">`` (v2) and keeps the works in
``<script type="text/bibliography">`` as BibTeX; the template's script numbers the works in the
order they are first cited and prints "[1]" and the reference list in the browser. The saved
page has neither: read as text, a Distill article cited nothing (the deconvolution article's
thirteen works, none found). Here the reader does what the browser does: each citation is
written as its words and its numbers ("Radford, et al., 2015 [1]", "[2, 3]"), and the works
follow the text as a numbered "References" list, one line each, written from the BibTeX record
(:func:`bibkaz.formats.bibtex.reader.read_records_text`) in the order a reference list states
its parts, which the parser reads: "Donahue, J., Krähenbühl, P., Darrell, T. (2016). Adversarial
Feature Learning. arXiv preprint arXiv:1605.09782. https://arxiv.org/pdf/1605.09782.pdf".

A citation element is a custom element (a name with a hyphen) ending in "cite", with a ``key``;
keys no block defines are left as the element's words. A bibliography the page loads from a
file (``<d-bibliography src="bibliography.bib">``) is not read: the reader has the page alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from bibkaz.formats.bibtex.reader import read_records_text
from bibkaz.model import InputError, Name, Record

_BIBLIOGRAPHY_TYPE = "text/bibliography"


@dataclass(frozen=True)
class PageCitations:
    """``calls``: each citation element and the text it is read as; ``entries``: the works in number order."""

    calls: dict[etree._Element, str]
    entries: tuple[str, ...]


def page_citations(root: etree._Element) -> PageCitations:
    """The page's keyed citations and the BibTeX works they cite; empty when it has none."""
    records: dict[str, Record] = {}
    for script in root.iter("script"):
        if str(script.get("type", "")).strip().lower() == _BIBLIOGRAPHY_TYPE and script.text:
            try:
                for key, record in read_records_text(script.text):
                    records.setdefault(key, record)
            except InputError:
                continue  # a malformed block cites nothing rather than failing the page
    if not records:
        return PageCitations({}, ())
    numbers: dict[str, int] = {}
    calls: dict[etree._Element, str] = {}
    for element in root.iter():
        if not (isinstance(element.tag, str) and "-" in element.tag and element.tag.endswith("cite")):
            continue
        keys = [k.strip() for k in str(element.get("key", "")).split(",") if k.strip() in records]
        if not keys:
            continue
        cited = [numbers.setdefault(k, len(numbers) + 1) for k in keys]
        words = " ".join("".join(element.itertext()).split())
        mark = "[" + ", ".join(str(n) for n in cited) + "]"
        calls[element] = f"{words} {mark}" if words else mark
    entries = tuple(entry_line(records[key]) for key in sorted(numbers, key=numbers.__getitem__))
    return PageCitations(calls, entries)


def _name(name: Name) -> str:
    if name.literal:
        return name.literal
    initials = " ".join(f"{part[0]}." for part in name.given.replace("-", " ").split() if part[:1].isalpha())
    return ", ".join(p for p in (name.full_family, initials) if p)


def entry_line(record: Record) -> str:
    """One work as a reference list's line: writers (year). Title. Container, volume(issue), pages.
    Publisher. DOI or address."""
    parts: list[str] = []
    writers = ", ".join(_name(n) for n in record.authors or record.editors)
    year = record.date[:4]
    if writers:
        parts.append(f"{writers} ({year})." if year else f"{writers}.")
    elif year:
        parts.append(f"({year}).")
    if record.title:
        parts.append(_closed(record.title))
    where = record.container_title
    if record.volume:
        where += f", {record.volume}" + (f"({record.issue})" if record.issue else "")
    if record.pages:
        where += f", {record.pages}"
    if where.strip(", "):
        parts.append(_closed(where.strip(", ")))
    if record.publisher:
        parts.append(_closed(record.publisher))
    if record.doi:
        parts.append(f"https://doi.org/{record.doi}")
    elif record.url:
        parts.append(record.url)
    return " ".join(parts)


def _closed(part: str) -> str:
    """A part ended as a sentence: its own "?" or "!" kept, one full stop otherwise."""
    part = part.strip()
    return part if part.endswith(("?", "!", ".")) else part + "."

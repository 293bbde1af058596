"""Joining author-date citations to reference-list entries.

A citation names family names (or an organisation) and a year with an optional
suffix; an entry matches when its first author's family name (diacritics and
case folded) is the first name cited, every further cited name is among its
authors, and the year (and suffix, when either side has one) agree. "et al."
needs only the first. Among several matches, the one entry that opens with the
cited name is taken (the others only mention it). A citation that matches none,
or several equally, stays unresolved with the reason, so nothing is dropped
silently.
"""

from __future__ import annotations

import re

from typing import Mapping, Sequence

from bibkaz.extract.author_date import AuthorDate
from bibkaz.model import Mention, RawReference, Record
from bibkaz.parse.normalise.text import fold


def _family(name_text: str) -> str:
    return fold(name_text).replace(" ", "")


def _forms(name: str) -> tuple[str, ...]:
    """A name and, for an organisation given with its short form ("NRCS (Natural Resources
    Conservation Service)", "Natural Resources Conservation Service (NRCS)"), each of the two:
    the text cites it by either ("NRCS 1997")."""
    family = _family(name)
    head, bracket, rest = name.partition("(")
    short = rest.split(")")[0]
    if not bracket or not head.strip() or not short.strip():
        return (family,)
    return (family, _family(head), _family(short))


def _authors(record: Record) -> list[tuple[str, ...]]:
    return [_forms(n.literal or n.full_family) for n in record.authors or record.editors]


def _matches(cite: AuthorDate, record: Record, authors: list[tuple[str, ...]] | None = None,
             opening: str = "") -> bool:
    """Whether ``cite`` names ``record``; ``opening`` is the entry's first words, which count for the
    first name where the parser read the names otherwise ("USGS (US Geological Survey). 2023c." cited
    as "USGS 2023c")."""
    authors = _authors(record) if authors is None else authors
    if not authors:
        return False
    if not cite.page_only:
        if record.year != cite.year:
            return False
        if (cite.suffix or record.year_suffix) and cite.suffix != record.year_suffix:
            return False
    wanted = [_family(n) for n in cite.names]
    if not any(a == wanted[0] or a.endswith(wanted[0]) or len(a) >= 3 and wanted[0].endswith(a)
               for a in authors[0]) and not _opens_with(opening, cite.names[0]):
        return False  # (a narrative citation may give the whole name: "Dale H. Yamamoto (2013)")
    return all(any(a == w or a.endswith(w) for forms in authors for a in forms) for w in wanted[1:])


_ET_AL = re.compile(r"\bet\.? al\b|\band others\b|\bu\. a\.")


def _count_fits(cite: AuthorDate, count: int) -> bool:
    """Whether an entry's number of authors fits the citation's names: all of them named, or "et al."
    for three or more."""
    if _ET_AL.search(cite.text):
        return count >= 3
    return count == len(cite.names)


def _opens_with(opening: str, name: str) -> bool:
    """Whether an entry's first words are ``name`` as a whole word ("USGS (…", not "USGSA")."""
    return len(name) >= 3 and opening.startswith(name) and not opening[len(name):len(name) + 1].isalnum()


def _opening(text: str) -> str:
    return text.lstrip(" •*-–0123456789.[]()")[:80]


_NOTE_KINDS = ("footnote", "endnote")
_NOT_WORD = re.compile(r"\W+")


def _same_work(ref: RawReference, rec: Record) -> tuple[str, ...]:
    """What makes two entries one work: its parsed title and date (the same entry printed twice may give its
    link otherwise: "[url](url)" and "<url>"), or, without a title, its words."""
    if rec.title:
        return (_NOT_WORD.sub(" ", rec.title).strip().casefold(), rec.year, rec.year_suffix)
    return (_NOT_WORD.sub(" ", ref.text).strip().casefold(),)


def link_author_date(
    doc_id: str, cites: Sequence[AuthorDate], records: Mapping[RawReference, Record]
) -> list[Mention]:
    """One Mention per citation, linked to its entry or unresolved with a reason."""
    candidates = [(ref, rec) for ref, rec in records.items() if ref.kind == "reference-list" and ref.document == doc_id]
    listed = bool(candidates)
    if not listed:
        # no reference list: "Dale H. Yamamoto (2013)" names the work a note cites in full
        candidates = [(ref, rec) for ref, rec in records.items() if ref.kind in _NOTE_KINDS and ref.document == doc_id]
    # Each entry's folded names once, and the entries of each year: a citation with a year
    # is compared with that year's entries only (all of them, cited names against every
    # entry's names, made a document with thousands of both quadratic).
    prepared = [(ref, rec, _authors(rec)) for ref, rec in candidates]
    by_year: dict[str, list[tuple[RawReference, Record, list[tuple[str, ...]]]]] = {}
    for item in prepared:
        by_year.setdefault(item[1].year, []).append(item)
    out = []
    for cite in cites:
        pool = prepared if cite.page_only else by_year.get(cite.year, [])
        hits = [(ref, rec, authors) for ref, rec, authors in pool if _matches(cite, rec, authors, _opening(ref.text))]
        if len(hits) > 1:
            # "Cooper 2025" is the one entry by Cooper alone, "Cooper et al. 2025" one by three or more
            counted = [hit for hit in hits if _count_fits(cite, len(hit[2]))]
            hits = counted if len(counted) == 1 else hits
        if len(hits) > 1 and len({_same_work(ref, rec) for ref, rec, _ in hits}) == 1:
            hits = hits[:1]  # one entry listed twice (a book's bibliography, then its chapter's): the first
        if len(hits) > 1:
            # an entry opens with its first author; one that only mentions the name (a table row
            # or a note the finder took for an entry) gives way to it
            opening = [hit for hit in hits if _family(_opening(hit[0].text)).startswith(_family(cite.names[0]))]
            hits = opening if len(opening) == 1 else hits
        if cite.page_only and len(hits) != 1:
            continue  # "(Article 5)" is no citation: without a year only a clear match counts
        label = f"{' & '.join(cite.names)} {cite.year or 'n.d.'}{cite.suffix}"
        reference, reason = None, ""
        if len(hits) == 1:
            reference = hits[0][0]
        elif hits:
            reason = f"{label} matches {len(hits)} reference-list entries"
        elif not listed:
            reason = f"no reference list for {label}"
        else:
            reason = f"no reference-list entry for {label}"
        out.append(
            Mention(
                doc_id, "author-date", cite.text, cite.line, marker=label, locator=cite.locator.replace("–", "-"),
                sentence=cite.sentence, authors=cite.names, year=cite.year + cite.suffix,
                reference=reference, reason=reason,
            )
        )
    return out

"""The works a table or figure names in its "Source:" line.

Reports credit the data behind a table or figure in a line under it:
"Source: CRS analysis of data from SSA, Annual Statistical Supplement, 2024,
and earlier editions; and General Accounting Office, Social Security: …,
November 1993." Each part between semicolons names one work (a report, a
data set, a statistical series) and is a reference of its own; the analyst's
own work ("CRS analysis of data from") is the lead-in, not a source, and a
vague part ("various SSA responses to questions for the record", "CRS
calculations") names nothing one could find.

The line runs on over the lines below it until a blank line, a "Notes:" line
or the next table or figure caption.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_OPENING = re.compile(r"^\s*(?:data\s+)?sources?\s*(?:of\s+data)?\s*:\s*", re.I)
_STOP = re.compile(r"^\s*(?:(?:notes?|(?:table|figure|chart|exhibit)\s+[\w.-]+|abbreviations?)\s*[:.]|[a-z]\.\s)", re.I)
#: "CRS analysis of data from", "Compiled by GAO from", "Adapted from", "Based on data in".
_LEAD = re.compile(
    r"^(?:(?:[A-Z]{2,6}|the\s+authors?'?s?|author'?s?)\s+)?(?:own\s+)?"
    r"(?:analysis|analyses|calculations?|compilation|computations?|estimates?|tabulations?|presentation|"
    r"compiled|adapted|calculated|prepared|constructed|based)\b[^;]*?"
    r"\b(?:of|from|on|using|with)\s+(?:(?:unpublished\s+)?data\s+(?:from|in|of|provided\s+by)\s+)?",
    re.I)
#: "data from", "unpublished data in", "emissions data from": whose data, before the work that holds it.
_DATA_FROM = re.compile(r"^(?:(?:[a-z]+\s+){0,2}data\s+(?:from|in|of|provided\s+by)\s+)", re.I)
#: A part that names no work one could find (also "DOE data", "agency statistics": whose data, not which).
_VAGUE = re.compile(r"^(?:various|numerous|several|other|multiple|internal|unpublished|CRS|GAO|CBO)\b"
                    r"|\b(?:analysis|calculations?|estimates?|interviews?|communications?)(?:\s+of\s+data)?\.?$"
                    r"|\b(?:table|figure|chart)\s+[A-Z]?-?\d"
                    r"|^(?:\S+\s+){0,2}(?:data|statistics|figures|information)\.?$"
                    # whose data, however many bodies hold it ("Oil and Gas Journal and Global Insight data")
                    r"|\bdata\.?$"
                    # who drew the table, not what it draws on ("Prepared by CRS", "Compiled by the authors")
                    r"|^(?:prepared|compiled|created|produced|drawn|designed|developed|graphic)\s+by\s+[^,]{1,60}$", re.I)
#: A body's name and nothing else ("Federal Highway Administration (FHWA)", "Congressional Research
#: Service"): who holds the data, not a work one could find.
_BODY_ONLY = re.compile(
    r"^(?:the\s+)?(?:(?:[A-Z][\w&’'.-]*|of|and|for|the|on|&)\s+){0,8}"
    r"(?:Administration|Service|Office|Agency|Bureau|Department|Institute|Council|Commission|Board|Center|Centre"
    r"|Foundation|Association|Survey|Organization|Organisation|Authority|Corporation|Company|Inc\.?)"
    r"(?:\s+\([A-Z]{2,8}\))?\.?$")
#: A table's notes run on the source's own line ("Source: FHWA. Notes: TEA-21 = …"): they are no source.
_NOTES_INLINE = re.compile(r"(?<=[.;])\s+(?:notes?|abbreviations?)\s*:\s", re.I)
#: A part that is only a code section ("IRC §§529, 530") cites a provision, not a source of data.
_SECTIONS_ONLY = re.compile(r"^[A-Z][\w.]*\s*§")
#: Parts of fewer words than this are names of nothing ("CRS"); of more, a sentence of commentary.
_MIN_WORDS = 2
_MAX_WORDS = 35
_MAX_LINES = 12
#: "IRS Revenue Procedure 2024-40, IRS Revenue Procedure 2025-32, and P.L. 119-21": documents
#: named by their numbers, listed with commas and "and"; each piece a few words ending in a number.
_LIST_JOIN = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
_NUMBERED_DOCUMENT = re.compile(r"^[^,;]{2,60}?\b\d+[-–]\d+$")


def opens_source_line(text: str) -> bool:
    """Whether a line is a table's or figure's "Source:" line (which no running footer is)."""
    return bool(_OPENING.match(text))


def _documents(part: str) -> list[str]:
    """A part that lists documents by number, one piece per document; any other part whole."""
    pieces = [piece.strip() for piece in _LIST_JOIN.split(part)]
    if len(pieces) >= 2 and all(_NUMBERED_DOCUMENT.match(piece) for piece in pieces):
        return pieces
    return [part]


@dataclass(frozen=True)
class SourcePart:
    text: str
    line: int


def _source_text(lines: list[str], start: int, body: set[int]) -> tuple[str, list[tuple[int, int]]]:
    """The text of the source line at index ``start`` and its run-on lines, with (offset, line number) marks."""
    parts: list[str] = []
    marks: list[tuple[int, int]] = []
    length = 0
    for i in range(start, min(len(lines), start + _MAX_LINES)):
        text = lines[i].strip()
        if i > start and (not text or _STOP.match(text) or _OPENING.match(text) or (i + 1) not in body):
            break
        if i == start:
            text = _OPENING.sub("", text)
        marks.append((length, i + 1))
        parts.append(text)
        length += len(text) + 1
    return " ".join(parts), marks


def find_source_parts(lines: list[str], body: set[int]) -> list[SourcePart]:
    """Every work named in the "Source:" lines among the body lines (1-based numbers), once."""
    found: list[SourcePart] = []
    seen: set[str] = set()
    for number in sorted(body):
        if not _OPENING.match(lines[number - 1]):
            continue
        text, marks = _source_text(lines, number - 1, body)
        notes = _NOTES_INLINE.search(text)
        if notes is not None:
            text = text[: notes.start()]
        offset = 0
        for raw in text.split(";"):
            part = raw.strip()
            lead = len(raw) - len(raw.lstrip())
            part = re.sub(r"^and\s+", "", part)
            part = _LEAD.sub("", part)
            part = _DATA_FROM.sub("", part).strip(" .,")
            at = next(line for start, line in reversed(marks) if start <= offset + lead)
            offset += len(raw) + 1
            for piece in _documents(part):
                words = len(piece.split())
                if (not _MIN_WORDS <= words <= _MAX_WORDS or _VAGUE.search(piece) or _SECTIONS_ONLY.match(piece)
                        or _BODY_ONLY.match(piece)):
                    continue
                key = " ".join(piece.lower().split())
                if key in seen:
                    continue
                seen.add(key)
                found.append(SourcePart(piece + ".", at))
    return found

"""From the line finder's labels to notes, reference-list entries and body lines.

The finder says where each entry and note starts and which lines continue
it; this module only assembles them: an entry's text is its lines joined
(a word broken by a hyphen at a line end is joined back), a note keeps the
number it opens with (or the next one, when the number was lost), and a note
continued after a page break — after the next page's running text — is
joined to the note it continues. Page furniture is dropped everywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bibkaz.extract.finder import labels as L
from bibkaz.extract.finder.lines import Line

#: Openings whose number is the entry's or note's own label.
_NUMBERED = frozenset({"md-note", "bracket", "sup", "alone", "dot", "paren", "dash", "space", "glued"})
_HYPHEN_BREAK = re.compile(r"(\w)- (\w)")


@dataclass(frozen=True)
class Entry:
    """A note or a reference-list entry: its number ("" if none), text and lines (1-based)."""

    label: str
    text: str
    line: int
    end_line: int


@dataclass(frozen=True)
class Zones:
    notes: tuple[Entry, ...]
    references: tuple[Entry, ...]
    body_lines: frozenset[int]
    #: Notes stand among the running text (page-end footnotes), not after it (endnotes).
    footnotes: bool


def _join(parts: list[str]) -> str:
    text = " ".join(p for p in parts if p)
    return _HYPHEN_BREAK.sub(lambda m: m.group(1) + m.group(2) if m.group(2).islower() else m.group(0), text)


class _Builder:
    def __init__(self) -> None:
        self.label = ""
        self.parts: list[str] = []
        self.line = 0
        self.end = 0

    def entry(self) -> Entry:
        return Entry(self.label, _join(self.parts), self.line, self.end)


def _start(line: Line, label: str) -> _Builder:
    b = _Builder()
    numbered = line.marker in _NUMBERED
    b.label = label
    b.parts = [line.rest if numbered or line.marker == "bullet" else line.stripped]
    b.line = b.end = line.number
    return b


def read_zones(lines: list[Line], labels: list[str]) -> Zones:
    notes: list[_Builder] = []
    refs: list[_Builder] = []
    body: set[int] = set()
    open_ref: _Builder | None = None
    text_after_note = False
    for line, label in zip(lines, labels):
        if label == L.FURNITURE:
            continue
        if label == L.REF_START or (label == L.REF_CONT and open_ref is None):
            own = str(line.value) if line.marker in _NUMBERED and line.value is not None else ""
            open_ref = _start(line, own)
            refs.append(open_ref)
            continue
        if label == L.REF_CONT and open_ref is not None:
            open_ref.parts.append(line.stripped)
            open_ref.end = line.number
            continue
        open_ref = None
        if label == L.NOTE_CONT and not notes:
            label = L.TEXT  # nothing to continue: a note never starts unnumbered in the middle of the text
        if label == L.NOTE_START:
            if line.marker in _NUMBERED and line.value is not None:
                number = line.value
            else:
                number = int(notes[-1].label) + 1 if notes else 1
            notes.append(_start(line, str(number)))
            continue
        if label == L.NOTE_CONT:
            notes[-1].parts.append(line.stripped)
            notes[-1].end = line.number
            continue
        body.add(line.number)
        if notes and label == L.TEXT:
            text_after_note = True
    return Zones(
        tuple(b.entry() for b in notes if b.parts != [""]),
        tuple(b.entry() for b in refs if b.parts != [""]),
        frozenset(body),
        text_after_note,
    )

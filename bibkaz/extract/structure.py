"""The notes and calls a reader found in a file's structure, as the extract stage's zones and calls.

A Word file keeps its footnotes in their own part, tied to their reference marks by id; a web page
links each call to its note. The readers hand that over as ``Document.notes`` and ``Document.calls``
(:mod:`bibkaz.read.note_marks`). Where a document carries them they replace what the line finder and
the call finders would guess from the text: a numbered paragraph ("3. The agency shall …") is no
note however much it looks like one, a raised "2" not linked to a note is no call, and no digit glued
to a word needs to be read as one. The finder still finds reference lists and the running text.
A plain text or Markdown document carries neither and is read as before, untouched.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from bibkaz.extract.calls import Call
from bibkaz.extract.text import Paragraph, sentence_around
from bibkaz.extract.zones import Entry, Zones
from bibkaz.model import Document

_LETTER = re.compile(r"[^\W\d_]")


def carries_structure(document: Document, lines: list[str]) -> bool:
    """Whether ``document`` holds notes from its reader that stand where they say in ``lines``:
    each note's first line opens with its number, each call's mark stands at its column. Lines the
    extract stage rewrote before reading (a page's two columns unfolded) fail this and are read as
    text is."""
    if not document.notes:
        return False
    for note in document.notes:
        if not 0 < note.line <= note.end_line <= len(lines) or not lines[note.line - 1].lstrip().startswith(note.label):
            return False
    return all(0 < call.line <= len(lines) and lines[call.line - 1].startswith(call.mark, call.column)
               for call in document.calls)


def note_lines(document: Document) -> frozenset[int]:
    """The lines the reader's notes fill."""
    return frozenset(n for note in document.notes for n in range(note.line, note.end_line + 1))


def structured_zones(zones: Zones, document: Document, lines: list[str]) -> Zones:
    """``zones`` with the reader's notes for the finder's: the finder's reference entries that are
    not on a note's lines stay; lines the finder took for notes and the reader did not (numbered
    paragraphs) are running text again."""
    in_notes = note_lines(document)
    # a note of figures alone ("5.03-2.49 = 2.54", a worked sum) cites nothing: left out, as the finder leaves it
    notes = tuple(entry for entry in (_entry(note.label, note.line, note.end_line, lines) for note in document.notes)
                  if _LETTER.search(entry.text))
    references = tuple(e for e in zones.references if not any(n in in_notes for n in range(e.line, e.end_line + 1)))
    guessed = {n for e in zones.notes for n in range(e.line, e.end_line + 1)}
    return Zones(notes, references, frozenset((zones.body_lines | guessed) - in_notes), zones.footnotes)


def _entry(label: str, first: int, last: int, lines: list[str]) -> Entry:
    """A note's entry: its lines joined, the number it opens with left out."""
    text = " ".join(line.strip() for line in lines[first - 1:last] if line.strip())
    own = re.match(rf"{re.escape(label)}\.?(?:\s+|$)", text)
    return Entry(label, text[own.end():] if own else text, first, last)


def structured_calls(document: Document, body: list[Paragraph], lines: list[str]) -> list[Call]:
    """The reader's calls outside its notes, each with the sentence it stands in (its paragraph's, or
    its line's where the finder took the line for something else than running text)."""
    in_notes = note_lines(document)
    firsts = [p.first_line for p in body]
    out: list[Call] = []
    for mark in document.calls:
        if mark.line in in_notes:
            continue
        i = bisect_right(firsts, mark.line) - 1
        paragraph = body[i] if i >= 0 else None
        index = mark.line - paragraph.first_line if paragraph is not None else -1
        if paragraph is not None and index < len(paragraph.line_starts):
            line = lines[mark.line - 1]
            start = paragraph.line_starts[index] + mark.column - (len(line) - len(line.lstrip()))
            sentence = sentence_around(paragraph.text, start, start + len(mark.mark))
        else:
            sentence = sentence_around(lines[mark.line - 1], mark.column, mark.column + len(mark.mark))
        out.append(Call(int(mark.label), mark.line, mark.mark, sentence, "superscript"))
    return out

"""Where a reader's notes and calls end up in the text it writes, kept as data (issue 14, item 4).

The Word and HTML readers know for certain which marks are note calls (a Word footnote reference, a
link to a page's note) and which lines are notes (a Word footnote part, a page's footnote list). The
text they write goes through later steps that move lines about (blank lines collapsed, running
footers dropped), so positions cannot be counted while writing. Instead each call and each note is
wrapped in private-use characters no document holds, and :func:`take_marks` reads them off the
finished text: the text without them (byte for byte what the reader wrote before), and each note's
lines and each call's line and column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bibkaz.model import CallMark, NoteSpan

_CALL_OPEN, _CALL_CLOSE, NOTE_OPEN, _NOTE_CLOSE = "\ue030", "\ue031", "\ue032", "\ue033"
_MARKS = re.compile("[\ue030-\ue033]")
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_LABEL = re.compile(r"\d{1,4}")


@dataclass(frozen=True)
class MarkedText:
    """A reader's text with its notes and calls as data."""

    text: str
    notes: tuple[NoteSpan, ...]
    calls: tuple[CallMark, ...]


def marked_call(number: int) -> str:
    """A call written as its note's number in superscript digits, marked as a call."""
    return _CALL_OPEN + str(number).translate(_SUPERSCRIPT) + _CALL_CLOSE


def marked_note(text: str) -> str:
    """A note's text ("3 …", "3. …": its number first), marked as one note whatever lines it fills."""
    return NOTE_OPEN + text + _NOTE_CLOSE


def unmarked(text: str) -> str:
    """``text`` without marks: what a reader that hands no structure on writes."""
    return _MARKS.sub("", text) if not text.isascii() else text


def take_marks(text: str) -> MarkedText:
    """The text without its marks, and the notes and calls they marked.

    A note whose text was dropped on the way (an empty note, a note on a running footer's line) or
    does not open with its number is left out; so is a call whose mark was cut apart.
    """
    if text.isascii() or not _MARKS.search(text):
        return MarkedText(text, (), ())
    lines_out: list[str] = []
    notes: list[NoteSpan] = []
    calls: list[CallMark] = []
    note_start: tuple[int, str] | None = None
    for number, line in enumerate(text.split("\n"), start=1):
        if line.isascii() or not _MARKS.search(line):
            lines_out.append(line)
            continue
        out: list[str] = []
        width, pos = 0, 0
        call: tuple[int, int] | None = None  # (column, index in out) of an open call
        for m in _MARKS.finditer(line):
            out.append(line[pos:m.start()])
            width += m.start() - pos
            pos = m.end()
            mark = m.group(0)
            if mark == _CALL_OPEN:
                call = (width, len(out))
            elif mark == _CALL_CLOSE and call is not None:
                shown = "".join(out[call[1]:])
                value = shown.translate(_FROM_SUPERSCRIPT)
                if value.isascii() and value.isdigit():
                    calls.append(CallMark(str(int(value)), number, call[0], shown))
                call = None
            elif mark == NOTE_OPEN:
                label = _LABEL.match(line, pos)
                note_start = (number, str(int(label.group(0)))) if label else None
            elif mark == _NOTE_CLOSE and note_start is not None:
                notes.append(NoteSpan(note_start[1], note_start[0], number))
                note_start = None
        out.append(line[pos:])
        lines_out.append("".join(out))
    return MarkedText("\n".join(lines_out), tuple(notes), tuple(calls))


_FROM_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")

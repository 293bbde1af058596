"""A paper's first page: the affiliations its byline's raised marks point to are no notes.

A journal paper (JORS, F1000Research) opens with its authors, each name marked
with a raised number ("Carl Boettiger¹, Scott Chamberlain²"), and under them
the affiliations those numbers point to, each line opened by the same raised
number in the notes' small size ("¹ Department of Environmental Science, …").
Read as the PDF draws them they are a call and its note, and the extract stage
took each affiliation for a cited work (five on the two such papers of the dev
part). Here the marks go, from the byline and from the affiliations, on the
first page only, and only above the page's running text: a real note stands
under the text that calls it, and its call is in a sentence, not in a line of
names set larger than the text.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Sequence

from bibkaz.read.numbers import number
from bibkaz.read.pdf_layout import PageLine

_RAISED = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_DIGITS = str.maketrans(_RAISED, "0123456789")
#: A line opened by a raised number, and the raised numbers inside a line (a name's marks, "²,³").
_OPENING_MARK = re.compile(rf"^(\s*)([{_RAISED}]+)\s*")
_MARKS = re.compile(rf"(?<=\S)[{_RAISED}]+(?:,[{_RAISED}]+)*")
#: A line of running text has this many words at least.
_TEXT_WORDS = 6


def _marks(text: str) -> set[int]:
    """The numbers a line's raised marks give, each digit too: a mark drawn twice (a PDF's fake
    bold, "Szöcs²²") is still mark 2."""
    runs = [m for run in _MARKS.findall(text) for m in run.split(",") if m]
    return {number(m.translate(_DIGITS), 0) for m in runs} | {int(d.translate(_DIGITS)) for m in runs for d in m}


def unmark_affiliations(lines: Sequence[PageLine | None], body: float) -> list[PageLine | None]:
    """The first page's lines with its byline's marks and its affiliations' opening numbers gone.

    Affiliations are lines opened by a raised number, set smaller than the body (``body``, the size
    most of the document is set in), before the page's first line of running text in the body's
    size; the byline is a line above them set at the body's size or larger whose raised marks hold
    every affiliation's number. Without such a byline nothing changes.
    """
    out = list(lines)
    byline: int | None = None
    affiliations: list[int] = []
    for i, line in enumerate(out):
        if line is None:
            continue
        if abs(line.size - body) < 0.05 * body and len(line.text.split()) >= _TEXT_WORDS \
                and not _OPENING_MARK.match(line.text) and not line.top_zone:  # a running head is no text
            break  # the running text starts: notes from here on are notes
        if _OPENING_MARK.match(line.text) and line.size < 0.9 * body and byline is not None:
            affiliations.append(i)
        elif not affiliations and line.size >= body and _marks(line.text):
            byline = i
    if byline is None or not affiliations:
        return out
    marks = _marks(out[byline].text)  # type: ignore[union-attr]
    numbers = {number(_OPENING_MARK.match(out[i].text).group(2).translate(_DIGITS), -1) for i in affiliations}  # type: ignore[union-attr]
    if not numbers <= marks:
        return out
    out[byline] = replace(out[byline], text=_MARKS.sub("", out[byline].text))  # type: ignore[arg-type, union-attr]
    for i in affiliations:
        out[i] = replace(out[i], text=_OPENING_MARK.sub(r"\1", out[i].text, count=1))  # type: ignore[arg-type, union-attr]
    return out

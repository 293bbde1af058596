"""Two-column pages of a layout-keeping PDF conversion, read one column after the other.

``pdftotext -layout`` (and copying from some PDF viewers) keeps a two-column
article's columns side by side: each text line holds a line of the left column,
a gutter of spaces, and a line of the right column. Read line by line, every
sentence, note and reference entry is cut in two and interleaved with another
one. A page where many lines have prose on both sides of one gutter is read as
its left column, then its right column; lines that cross the gutter (a title, a
running head) stay in the left stream where they stood. Tables are not columns:
both sides of the gutter must hold prose (several words a line), which a table's
short cells do not.

The unfolded text keeps, for each of its lines, the number of the line it came
from, so everything found in it is reported at the line of the file the user holds.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

#: A gutter: at least this many spaces with text on both sides.
_GUTTER = re.compile(r"(?<=\S)( {3,})(?=\S)")
#: A page is two columns when this share of its non-blank lines (and at least _MIN_SPLIT lines)
#: have prose on both sides of one gutter.
_MIN_SHARE = 0.3
_MIN_SPLIT = 8
#: Prose, not table cells: the median line of each column has at least this many words.
_MIN_WORDS = 4
#: The columns' gutter is this far into the line at least (a hanging indent is no gutter).
_MIN_LEFT = 25
#: A layout conversion's page has some 50–90 lines; a longer run without a form feed is no
#: page of one (and is not searched: the search is per line and per candidate gutter).
_MAX_PAGE_LINES = 300
#: Gutter places tried on a page: the most frequent ones.
_CANDIDATES = 12
#: Prose is words of letters; a table's cells are figures, dates and amounts.
_LETTER_SHARE = 0.7
#: A table row has a gutter inside a column's part of the line; prose seldom does (after a
#: list number, "1.    Weiser MD, …", it is an entry's hanging indent, not a cell).
_MAX_CELLS = 0.2
_LIST_NUMBER = re.compile(r"^\d{1,3}\.?\s+")
#: Set text fills its column: the median left line reaches this share of the gutter's place.
_FILL = 0.6


@dataclass(frozen=True)
class Unfolded:
    text: str
    #: The 1-based line of the original text each line of ``text`` came from.
    origin: tuple[int, ...]


def _gutter(lines: list[str]) -> int | None:
    """The column where a page's right column starts, or None for a page of one column."""
    if len(lines) > _MAX_PAGE_LINES:
        return None
    gappy = [line for line in lines if "   " in line.strip()]
    if len(gappy) < _MIN_SPLIT:
        return None
    edges: Counter[int] = Counter()
    for line in gappy:
        edges.update(m.end() for m in _GUTTER.finditer(line) if m.start() >= _MIN_LEFT)
    if not edges:
        return None
    # the right column's left edge: the gutter most lines have there (the leftmost of equals,
    # so that a list number at the column's edge stays with its entry)
    candidates = sorted(c for c, _ in edges.most_common(_CANDIDATES))
    best = max(candidates, key=lambda c: sum(1 for line in gappy if _gap_at(line, c)))
    split = [line for line in gappy if _gap_at(line, best)]
    nonblank = sum(1 for line in lines if line.strip())
    if len(split) < max(_MIN_SPLIT, _MIN_SHARE * nonblank):
        return None
    parts = [_cut(line, best) for line in split]
    if not (_prose([left for left, _ in parts], best) and _prose([right for _, right in parts], None)):
        return None
    return best


def _median(values: list[float]) -> float:
    return sorted(values)[len(values) // 2]


def _prose(parts: list[str], width: int | None) -> bool:
    """Whether one side of a gutter is a column of prose, not a table's cells: lines of several
    words, mostly words of letters, one cell a line (seldom a gutter inside), and (for the left
    column, whose width is known) lines that fill the column as set text does."""
    words = [part.split() for part in parts]
    if _median([len(w) for w in words]) < _MIN_WORDS:
        return False
    tokens = [t for w in words for t in w]
    if sum(any(ch.isalpha() for ch in t) for t in tokens) < _LETTER_SHARE * len(tokens):
        return False
    cells = sum(bool(_GUTTER.search(_LIST_NUMBER.sub("", part.strip()))) for part in parts)
    if cells > _MAX_CELLS * len(parts):
        return False
    return width is None or _median([len(part.rstrip()) for part in parts]) >= _FILL * width


def _gap_at(line: str, column: int) -> re.Match[str] | None:
    """The gutter of ``line`` that spans the place just before ``column`` (give or take a space)."""
    for m in _GUTTER.finditer(line):
        if m.start() <= column - 2 and m.end() >= column - 1:
            return m
    return None


def _cut(line: str, column: int) -> tuple[str, str]:
    """A line's left and right column parts ("" where a column has nothing on this line)."""
    m = _gap_at(line, column)
    if m is not None:
        return line[: m.start()], line[m.end():]
    text = line.rstrip()
    if not text.strip():
        return "", ""
    indent = len(text) - len(text.lstrip())
    if indent >= column - 2:
        return "", text.strip()
    return text, ""  # left column only, or a line across the gutter


def unfold_columns(text: str) -> Unfolded | None:
    """``text`` with each two-column page read column by column, or None when no page has two."""
    lines = text.split("\n")
    # pages of a layout conversion start with a form feed
    starts = [0] + [i for i, line in enumerate(lines) if line.startswith("\f") and i]
    bounds = list(zip(starts, starts[1:] + [len(lines)]))
    out: list[str] = []
    origin: list[int] = []
    unfolded = False
    for a, b in bounds:
        page = lines[a:b]
        column = _gutter(page)
        if column is None:
            out.extend(page)
            origin.extend(range(a + 1, b + 1))
            continue
        unfolded = True
        rights: list[tuple[str, int]] = []
        for n, line in enumerate(page, a + 1):
            left, right = _cut(line, column)
            out.append(left)
            origin.append(n)
            rights.append((right, n))  # nothing on the right of a line: a blank in that column
        out.extend(r for r, _ in rights)
        origin.extend(n for _, n in rights)
    if not unfolded:
        return None
    return Unfolded("\n".join(out), tuple(origin))

"""Glyphs with position and size → one page's lines in reading order.

Pure geometry, no PDF library: :mod:`bibkaz.read.pdf` hands in the glyphs of a
page (text, left and right edge, baseline, font size; PDF coordinates, y up).
The steps, each a function:

1. rows: glyphs sharing a baseline (within a quarter of their size);
2. fragments: a row cut where the horizontal gap is wider than a word space
   could be (two columns, a sidebar, table cells);
3. superscripts: a fragment of smaller glyphs raised above a host fragment's
   baseline is put into the host as Unicode superscript digits ("¹²"), because
   the extract stage reads them as note calls and note numbers; this is what
   a text conversion loses (it glues "text.12" and the finder has to guess);
   a lone raised letter after a word, a table note's call, is written as a
   modifier letter ("Hussein Iᵇ", not "Hussein Ib");
4. reading order: a gutter that few fragments cross splits the page into
   columns; fragments that cross it (titles, footnotes across the page) cut
   the page into bands, each band read left column first;
5. lines: indentation from the column's left edge and a blank line where the
   vertical gap is wider than the page's usual leading or the size drops
   (where footnotes start), two where it spans more than :data:`WIDE_GAP`
   lines before text no smaller (a section's break: BDJ's supplements under
   its references were read as four more references with one), as
   ``pdftotext -layout`` gives them, since the finder was trained on such text.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from operator import attrgetter
from typing import NamedTuple, Sequence

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
#: A raised letter that calls a table's lettered note, as Unicode's modifier letters write it ("q" has none).
_RAISED_LETTERS = dict(zip("abcdefghijklmnoprstuvwxyz", "ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ"))
#: Where a link annotation's words open and close, its URL between LINK_CLOSE and LINK_END: marks
#: (private-use characters) that :func:`bibkaz.read.pdf_links.render_links` writes out once it
#: knows whether the line is running text or a note or reference entry.
LINK_OPEN, LINK_CLOSE, LINK_END = "\ue000", "\ue001", "\ue002"
#: Glyphs a superscript call is made of: digits and the separators of "1,2" or "3–5".
_CALL_CHARS = frozenset("0123456789,–-")
#: A gap wider than this many times the font size ends a fragment (no word space is this wide).
SPLIT_GAP = 1.5
#: A side of a gutter narrower than this share of the other, beside a side cut into cells, is a table's column.
NARROW_SIDE = 0.6
#: The share of a side's baselines holding two or more fragments above which the side is a table's cells.
CELL_ROWS = 0.2
#: Where the size changes (the smaller under this share of the larger), a gap wider than this many
#: times the larger size ends a fragment too: a GAO side head's first line (14 pt) set a wide word
#: space before the 11 pt text beside it was read as that paragraph's first words. Only before a
#: word: a contents line's page number ("Bibliography   41") stays on its line.
SIZE_CHANGE, SIZE_SPLIT_GAP = 0.85, 0.6
#: A gap wider than this many times the font size is a word space. Gaps between letters of a word
#: (loose boxes, which span the advance) stay under 0.06 of the size and word spaces mostly over 0.2
#: in the dev PDFs; PeerJ's and BMC's tight justified lines set word spaces of 0.14-0.18 ("ofthe",
#: "aplanfor"), read as glued words at 0.18. No gap of 0.14-0.18 fell inside a word there.
SPACE_GAP = 0.14
#: Ligature glyphs some fonts map to one code point; spelled out so words match.
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st",
                            "\u00ad": "-", "\x02": "-"})


class Glyph(NamedTuple):
    """One character as drawn: a space glyph only marks a word boundary."""

    text: str
    x0: float
    x1: float
    base: float  # baseline, PDF user space (y grows upwards)
    size: float
    link: str = ""  # the URL of a link annotation that ends on this glyph
    opens: bool = False  # a link annotation's words start on this glyph


@dataclass(frozen=True)
class Fragment:
    """Glyphs on one baseline with no wide gap between them; ``sup`` marks raised glyphs."""

    glyphs: tuple[Glyph, ...]
    sup: tuple[bool, ...]
    x0: float
    x1: float
    base: float
    size: float

    def text(self) -> str:
        """The glyphs with word spaces where the gaps (or space glyphs) say so."""
        out: list[str] = []
        prev: Glyph | None = None
        space = False
        for k, (glyph, raised) in enumerate(zip(self.glyphs, self.sup)):
            if glyph.text.isspace():
                space = True
                continue
            if prev is not None and (space or glyph.x0 - prev.x1 > SPACE_GAP * self.size):
                out.append(" ")
            char = glyph.text.translate(_LIGATURES)
            if glyph.opens:
                out.append(LINK_OPEN)
            if raised and char.isdigit():
                char = char.translate(_SUPERSCRIPT)
            elif raised and char in _RAISED_LETTERS and self._letter_call(k):
                char = _RAISED_LETTERS[char]
            out.append(char)
            if glyph.link:
                out.append(f"{LINK_CLOSE}{glyph.link}{LINK_END}")
            prev, space = glyph, False
        return "".join(out)

    def _letter_call(self, k: int) -> bool:
        """Glyph ``k``, a raised letter, is a table note's call: one letter alone, raised at a word's end
        ("King Kalakauaᵃ", "Hussein Iᵇ", CRS's lettered table notes "a. King Kalakaua was unable …"),
        not an ordinal's or an abbreviation's letters ("21ˢᵗ", "Mᵐᵉ": two raised letters) nor a letter
        of another line printed over this one (GAO's tab titles: "Oicl hnologies")."""
        before = self.glyphs[k - 1] if k else None
        after = self.glyphs[k + 1] if k + 1 < len(self.glyphs) else None
        return (before is not None and not self.sup[k - 1] and (before.text.isalpha() or before.text in ".,”’)")
                and (after is None or not after.text.isalnum()))


@dataclass(frozen=True)
class PageLine:
    """One line of a page as the reader emits it, with what furniture detection needs."""

    text: str
    base: float
    size: float
    top_zone: bool  # in the page's top tenth
    bottom_zone: bool  # in the page's bottom tenth


def _mode(values: Sequence[float]) -> float:
    """The most frequent value (the first of equals), 0 for none: cheaper than Counter on short lists."""
    counts: dict[float, int] = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else 0.0


def _size_of(glyphs: Sequence[Glyph]) -> float:
    """The size most glyphs are set in (the reader rounds sizes to a tenth of a point)."""
    return _mode([g.size for g in glyphs if g.text != " "])


#: How far before a glyph a word-space glyph at the same place sorts: PDFium puts the space it
#: generates at the next glyph's left edge, a few millionths of a point to either side, and a
#: space sorted after "b" split "binomial" into "b inomial" (JOSS papers set by XeLaTeX).
_SPACE_FIRST = 0.05


def x_order(glyph: Glyph) -> float:
    """A glyph's place in its row from the left, a word space before the glyph it stands at."""
    return glyph.x0 - _SPACE_FIRST if glyph.text == " " else glyph.x0


def rows(glyphs: Sequence[Glyph]) -> list[list[Glyph]]:
    """Glyphs grouped by baseline, top row first (whitespace glyphs kept as word marks)."""
    out: list[list[Glyph]] = []
    ref = 0.0
    for glyph in sorted(glyphs, key=lambda g: -g.base):
        tol = 0.25 * max(glyph.size, 1.0)
        if out and abs(glyph.base - ref) <= tol:
            out[-1].append(glyph)
        else:
            out.append([glyph])
            ref = glyph.base
    return out


#: Margin line numbers are set at most this share of the size of the text they number.
LINE_NUMBER_SIZE = 0.7
#: Numbered lines: at least this many on a page, and this share of its rows.
MIN_NUMBERED_LINES, MIN_NUMBERED_SHARE = 10, 0.4


def _leading_number(row: Sequence[Glyph]) -> tuple[list[Glyph], float] | None:
    """A row's opening run of digits, when set smaller than the rest of the row (and apart from it):
    (the digits, the right edge they end at); None otherwise."""
    first = min((g for g in row if g.text != " "), key=x_order, default=None)
    if first is None or not first.text.isdecimal():
        return None  # most rows: no sorting needed to say so
    ink = [g for g in sorted(row, key=x_order) if g.text != " "]
    run: list[Glyph] = []
    for glyph in ink:
        if not glyph.text.isdecimal():  # not "²" or "①": no number int() reads
            break
        run.append(glyph)
    if not run or len(run) > 4:
        return None
    rest = ink[len(run):]
    size = max(g.size for g in run)
    if rest and (rest[0].x0 - run[-1].x1 < 0.5 * size or size > LINE_NUMBER_SIZE * _size_of(rest)):
        return None
    return run, run[-1].x1  # the right edge: numbers are set right-aligned (or left-aligned, see below)


def without_line_numbers(page_rows: list[list[Glyph]]) -> list[list[Glyph]]:
    """The rows without the line numbers a draft prints in its margin (JOSS and arXiv drafts: "96"
    set at half the text's size before each line), which read as the lines' first words ("96 Datta,
    V., …") and as numbers of entries that have none.

    Numbers are margin line numbers when they stand in one column (their right or their left edges
    within a point), on at least :data:`MIN_NUMBERED_LINES` rows and :data:`MIN_NUMBERED_SHARE` of the
    page's rows, mostly rising down the page, each smaller than the text after it. A note's number
    is raised, so not on its line's baseline, and its notes fill only a page's foot.
    """
    found = [(r, hit) for r, row in enumerate(page_rows) if (hit := _leading_number(row)) is not None]
    if len(found) < max(MIN_NUMBERED_LINES, MIN_NUMBERED_SHARE * len(page_rows)):
        return page_rows
    # one column: right edges within a point of each other (right-aligned numbers), else left edges
    columns = []
    for side in (lambda run, right: right, lambda run, right: run[0].x0):
        edge = _mode([round(side(run, right)) for _, (run, right) in found])
        columns.append([(r, run) for r, (run, right) in found if abs(side(run, right) - edge) <= 1.0])
    column = max(columns, key=len)
    values = [int("".join(g.text for g in run)) for _, run in column]
    rising = sum(1 for a, b in zip(values, values[1:]) if b > a)
    body = _size_of([g for row in page_rows for g in row])
    if len(column) < max(MIN_NUMBERED_LINES, MIN_NUMBERED_SHARE * len(page_rows)) \
            or rising < 0.8 * (len(values) - 1) or max(g.size for _, run in column for g in run) > LINE_NUMBER_SIZE * body:
        return page_rows
    out = [list(row) for row in page_rows]
    for r, run in column:
        drop = {id(g) for g in run}
        out[r] = [g for g in out[r] if id(g) not in drop]
    return [row for row in out if any(g.text != " " for g in row)]


def fragments(row: Sequence[Glyph], channels: Sequence[float] = ()) -> list[Fragment]:
    """A row cut at gaps too wide for a word space, and at any gap across one of the page's
    ``channels`` (:func:`gutter_channels`)."""
    ordered = sorted(row, key=x_order)
    groups: list[list[Glyph]] = []
    last: Glyph | None = None
    for glyph in ordered:
        if glyph.text == " ":
            if groups:
                groups[-1].append(glyph)
            continue
        gap = glyph.x0 - last.x1 if last is not None else 0.0
        if last is None or gap > SPLIT_GAP * max(glyph.size, last.size) or (
                glyph.text.isalpha() and gap > SIZE_SPLIT_GAP * max(glyph.size, last.size)
                and min(glyph.size, last.size) < SIZE_CHANGE * max(glyph.size, last.size)) or (
                gap > SPACE_GAP * max(glyph.size, last.size) and any(last.x1 < x < glyph.x0 for x in channels)):
            groups.append([])
        groups[-1].append(glyph)
        last = glyph
    return [_fragment(g) for g in groups]


#: A gap at least this many times the size, at one x in at least :data:`CHANNEL_ROWS` rows, and in
#: :data:`CHANNEL_SHARE` times as many rows as glyphs cross that x, is a gutter's channel.
CHANNEL_GAP, CHANNEL_ROWS, CHANNEL_SHARE = 0.8, 6, 3
#: Each side of a channel's gap is a run of text at least this share of the page's text width: a
#: column's line, not a table's cell (CRS R48910's comparison table was read column by column).
COLUMN_SPAN = 0.3


_left = attrgetter("x0")


def gutter_channels(page_rows: Sequence[Sequence[Glyph]]) -> list[float]:
    """The x of each narrow gutter: two columns set so close that their lines' ends and starts are
    less than :data:`SPLIT_GAP` sizes apart, which no single row tells from a wide word space.

    The Survey of Current Business sets 11 pt columns 12 pt apart: each row of the two columns
    was one fragment ("N JULY, the Bureau of Economic Analysis (BEA) accounts.⁴ BEA's strategic"),
    so no gutter was found and the columns' lines were read interleaved (its notes lost, 0 of 13
    linked). Many rows open a gap at the same x between two runs of text a column wide, and few
    cross it; a justified paragraph's word spaces do not line up so, and a table's cells are narrower.
    """
    spans: list[list[tuple[float, float]]] = []  # each row's runs of text between its wide gaps
    for row in page_rows:
        ink = sorted((g for g in row if g.text != " "), key=_left)
        if not ink:
            continue
        # (a gap wider than the larger size's share, written out: the page's every pair of glyphs)
        wide = [(a.x1, b.x0) for a, b in zip(ink, ink[1:])
                if b.x0 - a.x1 > CHANNEL_GAP * (a.size if a.size > b.size else b.size)]
        edges = [ink[0].x0, *(x for gap in wide for x in gap), max(g.x1 for g in ink)]
        spans.append(list(zip(edges[::2], edges[1::2])))
    if not spans:
        return []
    least = COLUMN_SPAN * (max(row[-1][1] for row in spans) - min(row[0][0] for row in spans))
    # the gaps between two runs of text each a column's width: a table's cells are narrower
    gaps = [[(a[1], b[0]) for a, b in zip(row, row[1:]) if a[1] - a[0] >= least and b[1] - b[0] >= least]
            for row in spans]
    candidates = sorted({round((lo + hi) / 2) for row in gaps for lo, hi in row})
    found: list[tuple[int, float]] = []
    for x in candidates:
        opened = sum(1 for row in gaps if any(lo < x < hi for lo, hi in row))
        if opened < CHANNEL_ROWS:
            continue
        crossed = sum(1 for row in spans if any(x0 < x < x1 for x0, x1 in row))
        if opened >= CHANNEL_SHARE * crossed:
            found.append((opened, float(x)))
    channels: list[float] = []
    for opened, x in sorted(found, reverse=True):  # the most open first, one x to a channel
        if all(abs(x - c) > 2 * SPLIT_GAP * 10 for c in channels):
            channels.append(x)
    return channels


def _raised_in_row(glyph: Glyph, base: float, size: float) -> bool:
    """A call's glyph that :func:`rows` put on its host's row: smaller and raised, but by less than
    the row's tolerance (a quarter of the size). CRS sets its boxed text at 9 pt with 6 pt calls
    raised 2 pt ("(GAO).²²"), which read as "(GAO).22" and left the note unlinked; its tables' lettered
    notes are called alike ("King Hussein Iᵇ", read as "Hussein Ib")."""
    return ((glyph.text in _CALL_CHARS or glyph.text in _RAISED_LETTERS) and glyph.size <= 0.85 * size
            and 0.15 * size <= glyph.base - base <= 0.75 * size)


def _fragment(glyphs: Sequence[Glyph], sup: Sequence[bool] | None = None) -> Fragment:
    ink = [g for g in glyphs if g.text != " "]
    while glyphs and glyphs[-1].text == " ":
        glyphs = glyphs[:-1]
    size = _size_of(ink)
    base = _mode([g.base for g in ink if g.size == size])
    if sup is None:
        sup = [_raised_in_row(g, base, size) for g in glyphs]
    return Fragment(tuple(glyphs), tuple(sup), min(g.x0 for g in ink), max(g.x1 for g in ink), base, size)


def _is_raised(small: Fragment, host: Fragment) -> bool:
    """``small`` sits raised on ``host``'s line: smaller (or merely raised digits) and close by."""
    rise = small.base - host.base
    if not 0.15 * host.size <= rise <= 0.75 * host.size:
        return False
    if not host.x0 - 3 * host.size <= small.x0 <= host.x1 + host.size:
        return False
    ink = "".join(g.text for g in small.glyphs if not g.text.isspace())
    if len(ink) > 8:
        return False
    return small.size <= 0.85 * host.size or (rise >= 0.25 * host.size and set(ink) <= _CALL_CHARS)


def attach_superscripts(frags: list[Fragment]) -> list[Fragment]:
    """Raised small fragments merged into the fragment whose line they are raised on."""
    hosts_for: dict[int, int] = {}
    for i, small in enumerate(frags):
        best: tuple[float, int] | None = None
        for j, host in enumerate(frags):
            if i != j and j not in hosts_for and _is_raised(small, host):
                rise = small.base - host.base
                if best is None or rise < best[0]:
                    best = (rise, j)
        if best is not None:
            hosts_for[i] = best[1]
    if not hosts_for:
        return frags
    added: dict[int, list[tuple[Glyph, bool]]] = {}
    for i, j in hosts_for.items():
        added.setdefault(j, []).extend((g, True) for g in frags[i].glyphs)
    out: list[Fragment] = []
    for j, frag in enumerate(frags):
        if j in hosts_for:
            continue
        if j in added:
            pairs = sorted([*zip(frag.glyphs, frag.sup), *added[j]], key=lambda p: x_order(p[0]))
            merged = _fragment([p[0] for p in pairs], [p[1] for p in pairs])
            frag = Fragment(merged.glyphs, merged.sup, merged.x0, merged.x1, frag.base, frag.size)
        out.append(frag)
    return out


def _size_of_fragments(frags: Sequence[Fragment]) -> float:
    """The body size: the size most of the page's characters are set in."""
    sizes: Counter[float] = Counter()
    for f in frags:
        sizes[f.size] += len(f.glyphs)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def find_gutter(frags: Sequence[Fragment]) -> float | None:
    """The x of a column gutter: few fragments cross it, many lie on each side; None if none.

    Candidates are the gaps between fragments in the middle of the text's width
    with lines of text on both sides (at least three a fifth of the text's width
    wide: a table's narrow cells are no column); the best is the one crossed by
    the fewest fragments.
    """
    if len(frags) < 8:
        return None
    left = min(f.x0 for f in frags)
    right = max(f.x1 for f in frags)
    width = right - left
    if width <= 0:
        return None
    best: tuple[int, float, float] | None = None
    for x in sorted({f.x1 + 1 for f in frags} | {f.x0 - 1 for f in frags}):
        if not left + 0.25 * width <= x <= left + 0.75 * width:
            continue
        crossing = sum(1 for f in frags if f.x0 < x < f.x1)
        on_left = sum(1 for f in frags if f.x1 <= x)
        on_right = sum(1 for f in frags if f.x0 >= x)
        if on_left < 4 or on_right < 4 or crossing > 0.25 * len(frags):
            continue
        # a column is lines of text, not a table's narrow cells: each side holds some wide lines
        if sum(1 for f in frags if f.x1 <= x and f.x1 - f.x0 >= 0.2 * width) < 3 \
                or sum(1 for f in frags if f.x0 >= x and f.x1 - f.x0 >= 0.2 * width) < 3:
            continue
        # the two sides must share baselines (columns side by side), not follow each other
        left_bases = [f.base for f in frags if f.x1 <= x]
        right_bases = [f.base for f in frags if f.x0 >= x]
        if max(right_bases) < min(left_bases) or max(left_bases) < min(right_bases):
            continue
        clearance = min(min(x - f.x1 for f in frags if f.x1 <= x), min(f.x0 - x for f in frags if f.x0 >= x))
        if best is None or (crossing, -clearance) < (best[0], -best[1]):
            best = (crossing, clearance, x)
    return best[2] if best and not _table_column(frags, best[2]) else None


def _table_column(frags: Sequence[Fragment], gutter: float) -> bool:
    """The gutter is a table's first column's edge, not a page's: the side beside it is much narrower
    than the other (under :data:`NARROW_SIDE` of it), and the wider side is itself cut into cells (more
    than :data:`CELL_ROWS` of its baselines hold two or more fragments). Read as columns, a table's
    rows came apart: the names of a CRS table's memorials, then all their citations (R45741)."""
    left = [f for f in frags if f.x1 <= gutter]
    right = [f for f in frags if f.x0 >= gutter]
    left_width = gutter - min(f.x0 for f in left)
    right_width = max(f.x1 for f in right) - gutter
    if min(left_width, right_width) >= NARROW_SIDE * max(left_width, right_width):
        return False
    wide = right if right_width > left_width else left
    per_base = Counter(round(f.base) for f in wide)
    return sum(1 for n in per_base.values() if n >= 2) > CELL_ROWS * len(per_base) \
        and _columns_beside(frags, gutter) is None


#: Three columns of a page are as wide as each other within this share (a page number under the last
#: one widens it).
EQUAL_COLUMNS = 0.75


def _columns_beside(frags: Sequence[Fragment], gutter: float) -> float | None:
    """The gutter of the wider side when that side is two columns, each as wide as the narrower side
    (their text, within :data:`EQUAL_COLUMNS`): a page set in three columns, not a table whose wide side is cut
    into cells. A journal's three-column reference list (Royal Society Open Science) was taken for
    a table's first column and read row by row across all three columns ("Best P, Manktelow R, Taylor
    B. 2014 Online   606–616. (doi:…)   eclinm.2018.12.005)")."""
    left = [f for f in frags if f.x1 <= gutter]
    right = [f for f in frags if f.x0 >= gutter]
    if not left or not right:
        return None
    narrow, wide = (left, right) if gutter - min(f.x0 for f in left) < max(f.x1 for f in right) - gutter else (right, left)
    inner = find_gutter(wide)
    if inner is None:
        return None
    parts = [narrow, [f for f in wide if f.x1 <= inner], [f for f in wide if f.x0 >= inner]]
    widths = [max(f.x1 for f in part) - min(f.x0 for f in part) for part in parts]  # the text's, not the gaps'
    if min(widths) < EQUAL_COLUMNS * max(widths):
        return None
    return inner if _column_lines(parts) else None


#: Three columns of a page hold as many lines as each other within this share; and each holds a line
#: on this share of the baselines of all three (set on one grid), or shares at most
#: :data:`FEW_SHARED` of its baselines with any other (each column its own leading).
EQUAL_LINES, ALL_BASELINES, FEW_SHARED = 0.75, 0.9, 0.65


def _column_lines(parts: Sequence[Sequence[Fragment]]) -> bool:
    """Whether three sides hold lines as columns of running text do, not as a table's cells: about as
    many lines each, and either all on one grid of baselines (a journal's reference list) or each on its
    own (the Federal Register's columns). A table's cells wrap unevenly: its rows share a baseline, the
    lines under it fall on some columns only (CRS R45741's memorials: 22, 21 and 15 lines, 71 to 80 % of
    them shared), and read down its columns its rows came apart."""
    bases = [{round(f.base) for f in part} for part in parts]
    if min(map(len, bases)) < EQUAL_LINES * max(map(len, bases)):
        return False
    grid = set().union(*bases)
    if all(len(b) >= ALL_BASELINES * len(grid) for b in bases):
        return True
    return all(len(a & b) <= FEW_SHARED * min(len(a), len(b)) for i, a in enumerate(bases) for b in bases[i + 1:])


#: Side heads: at least this many body lines open at the text's left edge, and the heads' lines are
#: at most this share of them (a narrower left column of running text is no margin).
MIN_EDGE_LINES, MAX_HEAD_SHARE = 5, 0.35
#: Side heads are set at least this many times the body's size (GAO: 13.9 or 17 pt beside 11 pt).
HEAD_SIZE = 1.1
#: A margin holding more than this many lines of words not set as heads is no margin: a CRS table's
#: first two columns left of its description column (R45741) were read as side heads.
MAX_MARGIN_WORDS = 2


def side_heads(frags: Sequence[Fragment]) -> tuple[float, list[list[Fragment]]]:
    """Headings set in the left margin beside the text (GAO reports: "Study of Prenatal / Infant
    Formula / Advertising Included / in Our Review", 17 pt, left of the 11 pt text), each as a
    block of its lines, top to bottom, after the x of the text's left edge; none when the page has
    no such margin.

    Read as a column they came before all of the text beside them, so a reference cut by the page
    break lost its end to them (GAO-06-282's Romero-Gwynn entry); read row by row they came
    between a paragraph's lines. A head is a run of lines wholly left of the edge most body lines
    open at (a body size's width clear of it), set larger than the body (:data:`HEAD_SIZE`: a
    table's label column is set as its cells), with words, beside one column of text (see
    :func:`reading_blocks`).
    """
    body = _size_of_fragments(frags)
    edges = Counter(round(f.x0) for f in frags if abs(f.size - body) < 0.5)
    if not edges:
        return 0.0, []
    edge, count = edges.most_common(1)[0]
    if count < MIN_EDGE_LINES:
        return 0.0, []
    margin = [f for f in frags if f.x1 <= edge - body and sum(c.isalpha() for c in f.text()) >= 3]
    heads = sorted((f for f in margin if f.size >= HEAD_SIZE * body), key=lambda f: -f.base)
    # words in the margin in the text's size are a table's columns (the edge is a column of cells)
    if not heads or len(margin) - len(heads) > MAX_MARGIN_WORDS \
            or len(heads) > MAX_HEAD_SHARE * sum(1 for f in frags if f.x0 >= edge - 1):
        return 0.0, []
    blocks: list[list[Fragment]] = []
    for frag in heads:
        if blocks and blocks[-1][-1].base - frag.base <= 1.6 * frag.size:
            blocks[-1].append(frag)
        else:
            blocks.append([frag])
    return float(edge), blocks


def _place_heads(blocks: list[list[Fragment]], heads: Sequence[list[Fragment]],
                 edge: float) -> list[tuple[list[Fragment], float]]:
    """Each side head as a block of its own before the first fragment, in reading order, whose
    baseline lies below the head's cap height: the paragraph it stands beside. Each block comes with
    the left edge its lines are indented from: the text's own edge for the text, so a paragraph, a
    note or an entry is indented alike on every page (with the heads' margin as its edge, GAO's
    last bibliography entry and a note read 34 spaces in were missed by the finder)."""
    placed = [(block, edge) for block in blocks]
    for head in heads:
        top = head[0].base + 0.75 * head[0].size
        for b, (block, left) in enumerate(placed):
            at = next((i for i, f in enumerate(block) if f.base <= top), None)
            if at is not None:
                parts = [(block[:at], left), (head, min(f.x0 for f in head)), (block[at:], left)]
                placed[b:b + 1] = [part for part in parts if part[0]]
                break
        else:
            placed.append((head, min(f.x0 for f in head)))
    return placed


def reading_order(frags: Sequence[Fragment]) -> list[list[Fragment]]:
    """Fragments as blocks in reading order: bands between spanning fragments, left column first,
    headings in the left margin (:func:`side_heads`) before the paragraph they stand beside.

    Each block is a list of fragments top to bottom; fragments on one baseline in
    one column (table cells) are joined into one line by :func:`page_lines`.
    """
    return [block for block, _ in reading_blocks(frags)]


def reading_blocks(frags: Sequence[Fragment]) -> list[tuple[list[Fragment], float]]:
    """:func:`reading_order`'s blocks, each with the left edge its lines are indented from."""
    edge, heads = side_heads(frags)
    if heads:
        placed = {id(f) for head in heads for f in head}
        text = [f for f in frags if id(f) not in placed]
        # beside one column of text only: on a page of columns (GAO's Highlights page) a larger
        # line left of the text's edge is the left column's own
        if text and find_gutter(text) is None:
            return _place_heads(_column_order(text), heads, edge)
    return [(block, min(f.x0 for f in block)) for block in _column_order(frags)]


#: A page's foot with this many lines on each side of the gutter is set in two columns (a journal's
#: reference list opening under both columns of its last page of text, Frontiers' "References" at
#: 7 pt under 9 pt text), not notes running across the page.
FOOT_COLUMN_LINES = 3


def _column_order(frags: Sequence[Fragment]) -> list[list[Fragment]]:
    """Blocks of :func:`reading_order` before side heads are placed."""
    gutter = find_gutter(frags)
    ordered = sorted(frags, key=lambda f: (-f.base, f.x0))
    if gutter is None:
        return [ordered]
    body = _size_of_fragments(frags)
    three = _columns_beside(frags, gutter) is not None  # a side is two columns itself: read down each
    blocks: list[list[Fragment]] = []
    band_left: list[Fragment] = []
    band_right: list[Fragment] = []

    def flush() -> None:
        # notes at the page's foot, under both columns, are read after both columns
        bottoms = [min((f.base for f in side if f.size >= 0.9 * body), default=None) for side in (band_left, band_right)]
        lowest = min((b for b in bottoms if b is not None), default=None)
        foot = [f for f in band_left + band_right if lowest is not None and f.size < 0.9 * body and f.base < lowest]
        for side in (band_left, band_right):
            rest = [f for f in side if f not in foot]
            if rest:
                blocks.extend(_column_order(rest) if three and find_gutter(rest) is not None else [rest])
            side.clear()
        feet = [[f for f in foot if f.x1 <= gutter], [f for f in foot if f.x0 >= gutter]]
        if all(len(side) >= FOOT_COLUMN_LINES for side in feet):
            blocks.extend(feet)  # set in the page's two columns itself: each read down
        elif foot:
            blocks.append(sorted(foot, key=lambda f: (-f.base, f.x0)))

    for frag in ordered:
        if frag.x1 <= gutter:
            band_left.append(frag)
        elif frag.x0 >= gutter:
            band_right.append(frag)
        else:
            flush()
            blocks.append([frag])
    flush()
    return blocks


def _join_rows(block: Sequence[Fragment]) -> list[list[Fragment]]:
    """Fragments of one block on the same baseline, left to right, as one line."""
    lines: list[list[Fragment]] = []
    for frag in block:
        if lines and abs(lines[-1][0].base - frag.base) <= 0.25 * max(frag.size, 1.0):
            lines[-1].append(frag)
        else:
            lines.append([frag])
    return [sorted(line, key=lambda f: f.x0) for line in lines]


def _leading(lines: Sequence[Sequence[Fragment]]) -> float:
    """The page's usual distance between consecutive baselines (0 when unknown)."""
    steps = Counter(round(a[0].base - b[0].base) for a, b in zip(lines, lines[1:]) if a[0].base > b[0].base)
    return float(steps.most_common(1)[0][0]) if steps else 0.0


def _continues(last: PageLine | None, first: Sequence[Fragment], leading: float) -> bool:
    """A block's first line follows the last line emitted at the usual leading, in the same size."""
    if last is None:
        return False
    gap = last.base - first[0].base
    size = max(f.size for f in first)
    return abs(size - last.size) < 0.5 and 0 < gap <= max(1.35 * leading, 1.6 * size)


#: A vertical gap wider than this many lines is a section's break: two blank lines, as pdftotext
#: -layout gives it (the finder was trained on that text and tells one blank line from two).
WIDE_GAP = 2.5


def page_lines(glyphs: Sequence[Glyph], height: float) -> list[PageLine | None]:
    """One page's lines in reading order; None stands for a blank line (a paragraph or block break)."""
    frags: list[Fragment] = []
    page_rows = without_line_numbers(rows(glyphs))
    channels = gutter_channels(page_rows)
    for row in page_rows:
        frags.extend(fragments(row, channels))
    frags = attach_superscripts(frags)
    out: list[PageLine | None] = []
    for block, col_left in reading_blocks(frags):
        lines = _join_rows(block)
        if not lines:
            continue
        leading = _leading(lines)
        if out and not _continues(out[-1], lines[0], leading):
            out.append(None)
            last = out[-2]
            first_size = max(f.size for f in lines[0])
            if last is not None and first_size >= 0.9 * last.size \
                    and last.base - lines[0][0].base > WIDE_GAP * max(leading, last.size):
                out.append(None)
        prev: list[Fragment] | None = None
        for line in lines:
            size = max(f.size for f in line)
            if prev is not None:
                gap = prev[0].base - line[0].base
                smaller = size < 0.9 * max(f.size for f in prev)
                if gap > max(1.35 * leading, 1.6 * size) or smaller:
                    out.append(None)
                    if gap > WIDE_GAP * max(leading, size) and not smaller:
                        out.append(None)
            indent = int(max(0.0, line[0].x0 - col_left) / max(size * 0.5, 1.0))
            text = "   ".join(f.text() for f in line)
            base = line[0].base
            out.append(PageLine(" " * min(indent, 40) + text, base, size,
                                top_zone=base > 0.9 * height, bottom_zone=base < 0.1 * height))
            prev = line
    return out

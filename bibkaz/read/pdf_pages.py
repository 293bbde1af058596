"""Pages of lines → one document text: running heads and page numbers dropped,
words hyphenated at a line end joined, web addresses cut at a line end whole,
calls set side by side apart, a note that runs over a page break whole again, a
form feed before each page.

Kept apart from the PDF library (:mod:`bibkaz.read.pdf`) so it is tested on
plain data. Furniture is what sits in a page's top or bottom tenth and repeats,
digits aside, on many pages ("Congressional Research Service 12"), or is a bare
page number there. Dropping it is measured in bench/pdf_vs_text.py
(docs/benchmarks.md); ``keep_furniture`` leaves it for the finder.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Sequence

from bibkaz.read.pdf_front import unmark_affiliations
from bibkaz.read.pdf_layout import PageLine
from bibkaz.read.numbers import number
from bibkaz.read.pdf_links import render_links

_DIGITS = re.compile(r"\d+")
_ROMAN = re.compile(r"^[ivxlc]{1,6}$")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?[-–—(\[]?\s*(?:\d{1,4}|[ivxlcdm]{1,7})\s*[-–—)\]]?(?:\s+of\s+\d{1,4})?$",
                          re.IGNORECASE)
#: A word broken at a line end: lower-case letters, a hyphen, the end (not a URL or a path).
_BROKEN = re.compile(r"(?:^|\s)([^\s/.:@]*[a-z])-$")
_REST = re.compile(r"^(\s*)([a-z][^\s]*)(\s*)(.*)$")
#: A note cut by the page's foot says so ("… which compared (continued...)").
_CONTINUED = re.compile(r"\s*\(\s*continued\s*(?:\.\.\.|…)?\s*\)\s*$", re.IGNORECASE)
#: A note opens with its number, raised ("²¹ IRS, …") or not ("21 IRS, …").
_NOTE_NUMBER = re.compile(r"^\s*(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\d{1,3}\s)")
#: A heading over a document's notes or reference list: the lines after it are entries.
_REFERENCES_HEADING = re.compile(r"^\s*(?:\d{1,2}\.?\s+)?(?:references|bibliography|works cited|literature cited|"
                                 r"sources|notes|endnotes|footnotes|citations|references cited)\s*:?\s*$", re.I)


@dataclass(frozen=True)
class PagedText:
    """A document's text and the 1-based page of each of its lines."""

    text: str
    pages: tuple[int, ...]


def _shape(text: str) -> str:
    """A line with its numbers taken out: "Service 12" and "Service" (roman-numbered pages) are one shape."""
    words = _DIGITS.sub(" ", text).lower().split()
    while words and _ROMAN.match(words[-1]):
        words.pop()
    return " ".join(words)


def furniture(pages: Sequence[Sequence[PageLine | None]]) -> set[tuple[int, int]]:
    """(page index, line index) of each running head, footer and page number.

    A line atop two pages in a row is a running head too, when 0.4 of the pages do not have it: a
    section's own ("Appendix IV: Studies in Literature Review" over a GAO report's appendix), which
    cut an entry running over the page break in two. It stays on the section's first page, where
    it is the section's heading ("Bibliography"). Not at the foot, where short notes repeat
    ("Ibid."), nor a short line ("Notes" heading two pages).
    """
    if len(pages) < 2:
        return set()
    seen: Counter[str] = Counter()
    heads: dict[str, set[int]] = {}  # the pages each line atop a page stands on
    for p, lines in enumerate(pages):
        seen.update({_shape(line.text) for line in lines if line and (line.top_zone or line.bottom_zone)})
        for line in lines:
            if line and line.top_zone:
                heads.setdefault(_shape(line.text), set()).add(p)
    section_heads = {shape for shape, on in heads.items()
                     if len(shape) >= MIN_EXTENDED_SHAPE and any(p + 1 in on for p in on)}
    needed = max(2, int(0.4 * len(pages)))
    running = tuple(shape for shape, n in seen.items() if n >= needed and len(shape) >= MIN_EXTENDED_SHAPE)
    out: set[tuple[int, int]] = set()
    for p, lines in enumerate(pages):
        for i, line in enumerate(lines):
            if line is None or not (line.top_zone or line.bottom_zone):
                continue
            shape = _shape(line.text)
            if seen[shape] >= needed or _PAGE_NUMBER.match(line.text.strip()) or _extends(shape, running) \
                    or _part_of(shape, running) \
                    or (line.top_zone and shape in section_heads and p - 1 in heads[shape]):
                out.add((p, i))
    return out




#: A running head or footer this long (numbers out) is the site's own words, not a word or two.
MIN_EXTENDED_SHAPE = 12


def _extends(shape: str, running: Sequence[str]) -> bool:
    """The line is a running head or footer with more after it: a CRS In Focus's last page writes
    "https://crsreports.congress.gov | IF12255 · VERSION 6 · UPDATED" where the other pages have
    the address alone; left in, the address alone was read as a cited web page."""
    return any(shape.startswith(r) and not shape[len(r):len(r) + 1].isalnum() for r in running)


def _part_of(shape: str, running: Sequence[str]) -> bool:
    """The line is a piece of a running head or footer, words whole: a journal sets "Frontiers in
    Computer Science", the page number and "frontiersin.org" on one line of its foot, and on a page of
    two columns the reader cuts it at the gutter into "Frontiers in Computer Science   18" and
    "frontiersin.org"; each piece stands on too few pages to count as furniture alone, and the first
    was read inside the reference list it fell into (an entry lost at each such page foot)."""
    return len(shape) >= MIN_EXTENDED_SHAPE and any(
        shape != r and f" {shape} " in f" {r} " for r in running)


def vocabulary(lines: Sequence[str]) -> Counter[str]:
    """Lower-cased words (hyphenated compounds whole) with their counts, to judge a broken word by.

    The two halves of a word broken at a line end are not counted: a half ("ments", "self") counts
    where the document writes it as a word of its own."""
    words: Counter[str] = Counter()
    broken_before = False
    for line in lines:
        found = _WORD.findall(line)
        broken = bool(_BROKEN.search(line))
        start = 1 if broken_before and _REST.match(line) else 0  # the tail of the word broken above
        words.update(w.lower() for w in found[start:len(found) - 1 if broken else len(found)])
        broken_before = broken
    return words


#: Endings a typesetter breaks a word before, which a document may also hold as a word of their own
#: (a half of another broken word, "less"): a tail that is one of them is no word of a compound.
_SUFFIXES = frozenset({"ment", "ments", "tion", "tions", "sion", "sions", "ness", "ities", "ance", "ances",
                       "ence", "ences", "able", "ible", "ings", "ship", "ships", "less", "ful", "ized", "ised",
                       "izing", "ising", "ally", "ingly", "ered", "ering"})
#: The shortest half of a compound kept whole: "self-", "cost-", "half-"; not "co-", "re-", "dis-".
_COMPOUND_HALF = 4


def _compound(head: str, tail: str, words: Counter[str]) -> bool:
    """"self-" / "reported": both halves are words the document uses on their own, and it never
    writes them joined: a compound ("self-reported", "cost-benefit", "life-cycle", "state-owned"),
    not a word the typesetter broke ("develop-" / "ment")."""
    return (len(head) >= _COMPOUND_HALF and len(tail) >= _COMPOUND_HALF and tail not in _SUFFIXES
            and words[head] > 0 and words[tail] > 0)


#: A bulleted item's mark opening its line ("•", "›", "▪", "–"), then a space. Not a number or a
#: letter: a numbered note hangs too (CBO's "12. For an analysis …, www.cbo.gov/" / "publication/…"),
#: and the extract stage does not join an address a note's lines break. Taking every line set
#: further in than the one above as hanging found three works more over the 155 dev PDFs but left
#: CBO's notes' addresses apart (its fields 69.5 → 65.7 %, two spurious works more elsewhere).
_ITEM_MARK = re.compile(r"^\s*[•›▪◦‣∙·*\-–—]\s")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def hanging_lines(lines: Sequence[str | None]) -> set[int]:
    """Indexes of the lines that hang under a list item: after a line opened by an item's mark, each
    line set further in than the mark, until one is not ("  • Towards a greener grid. https://…/" /
    "    grid"). A paragraph set in from the column's edge (CBO's text beside its side heads) is no
    item: no mark opens it."""
    out: set[int] = set()
    item: int | None = None  # the indent of the open item's mark
    for i, line in enumerate(lines):
        if line is None or not line.strip():
            item = None
            continue
        indent = _indent(line)
        if item is not None and indent > item:
            out.add(i)
            continue
        item = indent if _ITEM_MARK.match(line) else None
    return out


def join_hyphens(lines: list[str], words: Counter[str] | None = None) -> list[str]:
    """"exam-" / "ple of" → "example" / "of": the word whole on the first line.

    Only a lower-case letter before the hyphen and a lower-case word after it:
    "Franco-" / "German" and URLs broken at a hyphen stay as they are. The hyphen
    stays when the document writes the compound with one elsewhere
    ("revenue-maximizing") and not without, or writes it nowhere else but uses
    both halves as words (:func:`_compound`: "self-reported", which read as
    "selfreported" where pdftotext keeps "self-"); a word hyphenated by the
    typesetter loses it.

    Not when the next line hangs under a list item (:func:`hanging_lines`): the extract stage
    reads the item's lines as one entry and joins a word broken there itself
    (``bibkaz.extract.zones``), and the entry keeps the shape the finder was trained on.
    """
    words = words if words is not None else Counter()
    out: list[str | None] = list(lines)
    hanging = hanging_lines(out)
    for i in range(len(out) - 1):
        line, after = out[i], out[i + 1]
        if line is None or after is None or i + 1 in hanging:
            continue
        broken = _BROKEN.search(line)
        m = _REST.match(after) if broken else None
        if not broken or not m:
            continue
        head = broken.group(1).lower()
        tail = _WORD.match(m.group(2))
        tail_word = tail.group(0).lower() if tail else m.group(2).lower()
        joined = words[head + tail_word]
        keep = words[f"{head}-{tail_word}"] > joined or (not joined and _compound(head, tail_word, words))
        out[i] = line[:-1] + ("-" if keep else "") + m.group(2)
        out[i + 1] = m.group(1) + m.group(4) if m.group(4) else None  # a word alone: its line goes
    return [line for line in out if line is not None]


#: A web address that a line ends in, cut where a typesetter breaks one: after "/", "-", "_", "=", "?",
#: "&" or "#" (an address ending in "." ends a sentence).
_CUT_URL = re.compile(r"(?:https?://|www\.)\S*[/\-_=?&#]$")
#: The rest of the address opening the next line: no space, lower case or a digit first, and a mark
#: of an address in it (a path, a file's suffix); after a cut at a hyphen any lower-case word goes on.
_URL_REST = re.compile(r"^(\s*)([a-z0-9][^\s]*)(\s*)(.*)$")
_PATHLIKE = re.compile(r"[/._=?&#]\w")


def join_broken_urls(lines: list[str]) -> list[str]:
    """"… https://oui.doleta.gov/unemploy/" / "claims_arch.asp. …" → the address whole on the first line.

    A PDF sets a long address over two lines with no hyphen added; read as two lines, the extract
    stage took the first part for a cited page and lost the rest (a CRS report's Census address, a
    manual's GitHub one). The rest must look like part of an address: a lower-case or digit start
    and a path or a file's suffix in it, or any lower-case word after an address cut at its own
    hyphen ("…/visit-the-" / "memorial), is located …").

    Not when the next line hangs under a list item (:func:`hanging_lines`): the item's lines are one
    entry to the extract stage, whose parser joins an address broken inside a reference
    (``bibkaz.parse.normalise.identifiers.join_broken_urls``); joined here (and the item's words
    broken by a hyphen, :func:`join_hyphens`), a report's bulleted two-line entries became one long
    line each and the finder, trained on pdftotext's hanging lines, passed over sixteen of them
    (the Turing Institute's references: 61 of 95 found, 77 with the lines kept).
    """
    out: list[str | None] = list(lines)
    hanging = hanging_lines(out)
    for i in range(len(out) - 1):
        line, after = out[i], out[i + 1]
        if line is None or after is None or i + 1 in hanging:
            continue
        cut = _CUT_URL.search(line.rstrip())
        m = _URL_REST.match(after) if cut else None
        if not cut or not m or not (_PATHLIKE.search(m.group(2)) or line.rstrip().endswith("-")):
            continue
        out[i] = line.rstrip() + m.group(2)
        out[i + 1] = m.group(1) + m.group(4) if m.group(4) else None  # the address's rest alone: its line goes
    return [line for line in out if line is not None]


_RAISED_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_TO_DIGITS = str.maketrans(_RAISED_DIGITS, "0123456789")
#: A note's raised number opening its line, and a raised run after a word or a mark (a call).
_NOTE_OPENING = re.compile(rf"^\s*([{_RAISED_DIGITS}]+)")
_RAISED_RUN = re.compile(rf"(?<=\S)[{_RAISED_DIGITS}]{{2,6}}")


def note_numbers(lines: Sequence[str]) -> set[int]:
    """The numbers of the notes among ``lines``: each opened by its raised number."""
    return {number(m.group(1).translate(_TO_DIGITS), 0) for line in lines if (m := _NOTE_OPENING.match(line))} - {0}


def split_adjacent_calls(line: str, notes: set[int]) -> str:
    """Two calls set side by side with nothing between ("auditing;³³³⁴") as a list of calls
    ("auditing;³³,³⁴"): the PDF draws them apart, but no gap or glyph tells where one ends.
    The page's notes tell: a run that is no note's number and reads as consecutive note numbers
    is split there (a CIO Council paper: six notes lost their calls, read as 3334, 3637, 4243)."""
    def split(m: re.Match[str]) -> str:
        run = m.group(0)
        if int(run.translate(_TO_DIGITS)) in notes:
            return run
        for cut in range(1, len(run)):
            head, tail = run[:cut], run[cut:]
            a, b = int(head.translate(_TO_DIGITS)), int(tail.translate(_TO_DIGITS))
            if tail[0] != "⁰" and b == a + 1 and a in notes and b in notes:
                return f"{head},{tail}"
        return run
    return _RAISED_RUN.sub(split, line) if notes else line


def _foot_continuation(lines: list[PageLine | None], size: float) -> tuple[int, int]:
    """(start, end) of the lines at the top of a page's foot notes, in the notes' size, that come
    before the first numbered note: the rest of a note the page before cut off. (0, 0) if none."""
    end = len(lines)
    while end and lines[end - 1] is None:
        end -= 1
    start = end
    while start and (lines[start - 1] is None or abs(lines[start - 1].size - size) < 0.3):  # type: ignore[union-attr]
        start -= 1
    while start < end and lines[start] is None:
        start += 1
    stop = start
    while stop < end and (lines[stop] is None or not _NOTE_NUMBER.match(lines[stop].text)):  # type: ignore[union-attr]
        stop += 1
    return (start, stop) if stop > start else (0, 0)


def join_continued_notes(pages: list[list[PageLine | None]]) -> list[list[PageLine | None]]:
    """A note ending "(continued...)" at a page's foot gets the unnumbered lines that open the next
    page's notes, so it is one note again; the marker goes."""
    for p in range(len(pages) - 1):
        lines = pages[p]
        last = max((i for i, line in enumerate(lines) if line is not None), default=-1)
        if last < 0 or not _CONTINUED.search(lines[last].text):  # type: ignore[union-attr]
            continue
        marker = lines[last]
        start, stop = _foot_continuation(pages[p + 1], marker.size)  # type: ignore[union-attr]
        if not stop:
            continue
        rest = [line for line in pages[p + 1][start:stop] if line is not None]
        cut = _CONTINUED.sub("", marker.text)  # type: ignore[union-attr]
        head = [replace(marker, text=cut)] if cut.strip() else []  # type: ignore[arg-type]
        pages[p] = lines[:last] + head + rest + lines[last + 1:]
        pages[p + 1] = pages[p + 1][:start] + pages[p + 1][stop:]
    return pages


def _body_size(pages: Sequence[Sequence[PageLine | None]]) -> float:
    """The size most of the document's characters are set in."""
    sizes: Counter[float] = Counter()
    for lines in pages:
        for line in lines:
            if line is not None:
                sizes[line.size] += len(line.text.strip())
    return sizes.most_common(1)[0][0] if sizes else 0.0


def assemble(pages: Sequence[Sequence[PageLine | None]], keep_furniture: bool = False) -> PagedText:
    """One text for all pages; a form feed opens each page after the first.

    Link marks become "words <url>" in notes (set smaller than the body, at a
    page's foot) and in the entries under a references or notes heading, and
    Markdown links elsewhere (:func:`bibkaz.read.pdf_links.render_links`).
    """
    drop = set() if keep_furniture else furniture(pages)
    words = vocabulary([line.text for lines in pages for line in lines if line is not None])
    body = _body_size(pages)
    texts: list[str] = []
    numbers: list[int] = []
    under_heading = False
    kept_lines = join_continued_notes([[line for i, line in enumerate(lines) if (p, i) not in drop]
                                       for p, lines in enumerate(pages)])
    if kept_lines:
        kept_lines[0] = unmark_affiliations(kept_lines[0], body)
    last_size = 0.0  # the size of the last line of the page before
    for p, lines in enumerate(kept_lines):
        kept = list(lines)
        while kept and kept[0] is None:
            kept.pop(0)
        # a page that opens in another size than the page before closed in starts a new block: a
        # JORS paper's "How to cite this article" (8 pt) under the last reference (10 pt) of the
        # page before was read as that reference's end
        new_block = bool(p and kept and last_size and abs(kept[0].size - last_size) >= 0.1 * last_size)  # type: ignore[union-attr]
        last_size = next((line.size for line in reversed(kept) if line is not None), last_size)
        page_text: list[str] = []
        entries: list[bool] = []
        for line in kept:
            if line is None:  # two blank lines at most: a section's break (pdf_layout.WIDE_GAP)
                if page_text and (page_text[-1] != "" or (len(page_text) > 1 and page_text[-2] != "")):
                    page_text.append("")
                    entries.append(False)
                continue
            if _REFERENCES_HEADING.match(line.text):
                under_heading = True
            page_text.append(line.text)
            entries.append(under_heading or line.size < 0.9 * body)
        page_text = join_broken_urls(join_hyphens(render_links(page_text, entries), words))
        page_notes = note_numbers(page_text)
        page_text = [split_adjacent_calls(line, page_notes) for line in page_text]
        if p:
            page_text = (["\f", *page_text] if new_block else
                         ["\f" + (page_text[0] if page_text else "")] + page_text[1:])
        texts.extend(page_text)
        numbers.extend([p + 1] * max(len(page_text), 0))
    return PagedText("\n".join(texts), tuple(numbers))

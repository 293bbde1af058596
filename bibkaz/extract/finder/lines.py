"""A document's non-blank lines with what every feature needs to know about them.

Computed once per document, in one pass each, so every feature module is a
cheap look-up: blank lines around, indentation, how often a line's shape
repeats (running heads recur on every page), the number a line opens with and
whether it continues the sequence of the numbered lines before it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, fields
from functools import lru_cache
from itertools import accumulate

import numpy as np

from bibkaz.extract.text import SUPERSCRIPT_DIGITS, superscript_value

_DIGITS = re.compile(r"\d+")

#: How a line opens with a number: (class, pattern); the first that matches wins.
#: Group "n" is the number, group "rest" the text after the marker.
OPENINGS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("md-note", re.compile(r"^\[\^(?P<n>\w{1,8})\]:\s*(?P<rest>.*)$")),
    ("bracket", re.compile(r"^\[(?P<n>\d{1,3})\]\s*(?P<rest>.*)$")),
    ("sup", re.compile(r"^(?P<n>[" + SUPERSCRIPT_DIGITS + r"]{1,3})\s*(?P<rest>.*)$")),
    ("alone", re.compile(r"^(?P<n>\d{1,3})\.?(?P<rest>)$")),
    ("dot", re.compile(r"^(?P<n>\d{1,3})\.\s+(?P<rest>\S.*)$")),
    ("paren", re.compile(r"^\(?(?P<n>\d{1,3})\)\s*(?P<rest>\S.*)$")),
    ("dash", re.compile(r"^(?P<n>\d{1,3})\s?[-–—]\s*(?P<rest>\S.*)$")),
    ("space", re.compile(r"^(?P<n>\d{1,3})\s+(?P<rest>\S.*)$")),
    ("glued", re.compile(r"^(?P<n>\d{1,3})(?P<rest>[A-Z“\"‘'*_][^\d].*)$")),
)
_BULLET = re.compile(r"^(?:[-•*▪·◦‣–]|\\-)\s+(?P<rest>\S.*)$")


#: The first characters any opening can start with: other lines skip the patterns.
_OPENING_CHARS = frozenset("0123456789[(" + SUPERSCRIPT_DIGITS + "-•*▪·◦‣–\\")


def opening(text: str) -> tuple[str, int | None, str]:
    """(marker class, number or None, text after the marker) for a stripped line."""
    if not text or text[0] not in _OPENING_CHARS:
        return "none", None, text
    for name, pattern in OPENINGS:
        m = pattern.match(text)
        if m:
            raw = m.group("n")
            if name == "sup":
                value: int | None = superscript_value(raw)
            elif raw.isdigit():
                value = int(raw)
            else:
                value = None
            return name, value, m.group("rest").strip()
    m = _BULLET.match(text)
    if m:
        return "bullet", None, m.group("rest").strip()
    return "none", None, text


@dataclass(frozen=True)
class Line:
    """One non-blank line and its surroundings."""

    number: int  # 1-based line number in the document
    text: str  # the line as it stands (trailing white space removed)
    stripped: str
    indent: int
    blank_before: int
    blank_after: int
    page_break_before: bool  # a form feed (PDF page break) since the previous line
    marker: str  # opening class (see OPENINGS), "bullet" or "none"
    value: int | None  # the number the line opens with
    rest: str  # the text after the marker
    repeats: int  # how many lines of the document share this line's shape
    continues: bool  # its number is one more than the number of a recent numbered line
    followed: bool  # a later line (within a window) opens with this number + 1
    called: bool  # its number stands as a note call ("text.¹", "text[1]", "text.1") in an earlier line
    position: float  # 0..1 through the document
    to_break: int  # non-blank lines until the next page break (-1: no page break follows)
    from_break: int  # non-blank lines since the last page break (-1: none before)
    width: float = 0.0  # its length over the document's typical full line (0: lines are not wrapped to a width)
    continues_far: bool = False  # its number is one more than a number an earlier line opened with, however far


#: How far (in non-blank lines) a numbered line looks for its predecessor and successor.
_WINDOW = 60


#: A line's shape is its first this many characters.
_SHAPE_CHARS = 60


def line_shape(text: str) -> str:
    """One line's shape, as :func:`_shapes` gives it for every line (what ``repeats`` counts)."""
    return _DIGITS.sub("#", text.lower())[:_SHAPE_CHARS]


def _shapes(texts: list[str], joined: str, has_digit: list[bool] | None = None, low: str | None = None) -> list[str]:
    """Each line's shape (lower-cased, runs of digits as "#", its first 60 characters), from the
    document's stripped lines and them joined with newlines: lower-casing runs once over the document
    (a newline is no cased letter, so even the Greek final sigma is lowered as at the end of a line),
    and the digit pattern only on the lines ``has_digit`` says hold a digit (a character
    ``str.isdigit`` takes, which every ``\\d`` is; all lines when not given): scanning every line for
    digits cost twice what lower-casing and cutting the others does. Line by line when a line holds
    a newline itself (no document's lines do: they are split at newlines). ``low``: ``joined`` lower-cased,
    when made already."""
    shapes = (joined.lower() if low is None else low).split("\n")
    if len(shapes) != len(texts):
        return [line_shape(text) for text in texts]
    sub = _DIGITS.sub
    if has_digit is None:
        return [sub("#", shape)[:_SHAPE_CHARS] for shape in shapes]
    return [sub("#", shape)[:_SHAPE_CHARS] if digit else shape[:_SHAPE_CHARS] for shape, digit in zip(shapes, has_digit)]


def _class_of(c: str) -> int:
    """A character's class: 1 a letter, 2 a capital, 4 a digit, 8 white space, 16 a small letter (as
    str.isalpha, isupper, isdigit, isspace and islower say), 32 a character other than ASCII that has
    another case than its own ("é", "Σ", the Kelvin sign; not "“" or "—")."""
    return (c.isalpha() | (c.isupper() << 1) | (c.isdigit() << 2) | (c.isspace() << 3) | (c.islower() << 4)
            | ((not c.isascii() and not c.lower() == c == c.upper()) << 5))


#: For ASCII characters: their class (:func:`_class_of`).
_ASCII_CLASS = np.array([_class_of(chr(c)) for c in range(128)], dtype=np.uint8)


def character_classes(joined: str) -> np.ndarray:
    """Each character's class (:func:`_class_of`), for the whole document at once (read-only): the lines
    (which lines hold a digit) and the content features (letters, capitals, digits, words, case) both
    read them (:class:`JoinedLines`)."""
    if joined.isascii():
        classes = _ASCII_CLASS[np.frombuffer(joined.encode("ascii"), dtype=np.uint8)]
    else:
        codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
        classes = _ASCII_CLASS[np.minimum(codes, 127)]
        wide = codes >= 128
        others, where = np.unique(codes[wide], return_inverse=True)
        classes[wide] = np.array([_class_of(chr(c)) for c in others.tolist()], dtype=np.uint8)[where]
    classes.flags.writeable = False
    return classes


@dataclass(frozen=True)
class JoinedLines:
    """A document's stripped lines joined with newlines, what the line reader and the content features
    both read of them. Made once per document (:func:`joined_lines`): each had joined the lines,
    lower-cased them and found where each starts again, five times in all, as much as a small
    feature module costs."""

    text: str  # the lines joined with newlines
    low: str  # ``text.lower()``
    starts: list[int]  # where each line starts in ``text``
    start_array: np.ndarray  # the same, as an array (read-only)
    classes: np.ndarray  # each character's class (:func:`character_classes`)


@lru_cache(maxsize=2)
def joined_lines(texts: tuple[str, ...]) -> JoinedLines:
    """:class:`JoinedLines` of a document's stripped lines, kept for the last documents asked (the lines and the content features ask for the same document in turn)."""
    text = "\n".join(texts)
    starts = list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0)) if texts else []
    start_array = np.array(starts, dtype=np.intp)
    start_array.flags.writeable = False
    return JoinedLines(text, text.lower(), starts, start_array, character_classes(text))


def _digit_lines(joined: JoinedLines) -> list[bool]:
    """Whether each line (none of them empty) holds a digit, as ``str.isdigit`` says (superscript
    digits and every ``\\d`` are digits), from the classes of the lines joined with newlines."""
    if not joined.starts:
        return []
    return (np.add.reduceat(joined.classes & 4, joined.start_array, dtype=np.intp) > 0).tolist()


#: The fields of a Line, in order (for :func:`_new_line`).
_FIELDS = tuple(field.name for field in fields(Line))
_new_object = object.__new__


def _new_line(values: tuple) -> Line:
    """``Line(*values)`` without the frozen dataclass's __init__, which sets each of its 19 fields
    through ``object.__setattr__`` and cost more than all the rest of reading a document's lines.
    The instance is the same (its __dict__ holds the same fields: equality, repr and replace()
    see no difference)."""
    line = _new_object(Line)
    line.__dict__.update(zip(_FIELDS, values))
    return line


def _non_blank(lines: list[str]) -> tuple[list[int], list[str], list[int], list[bool]]:
    """The non-blank lines' numbers (1-based), texts (trailing white space removed), blank lines
    before each and whether a page break (a form feed) came since the previous one. Without a form
    feed in the document, a blank line is one that is empty or white space only (``str.isspace``
    and ``strip`` know the same white space), and the blanks before a line are the numbers between."""
    if not any("\f" in line for line in lines):
        numbers = [number for number, line in enumerate(lines, start=1) if line and not line.isspace()]
        befores = [b - a - 1 for a, b in zip([0, *numbers], numbers)]
        return numbers, [lines[number - 1].rstrip() for number in numbers], befores, [False] * len(numbers)
    numbers, texts, befores, page_breaks = [], [], [], []
    blanks = 0
    page_break = False
    for number, line in enumerate(lines, start=1):
        if "\f" in line:
            page_break = True
            line = line.replace("\f", "")
        if not line.strip():
            blanks += 1
            continue
        numbers.append(number)
        texts.append(line.rstrip())
        befores.append(blanks)
        page_breaks.append(page_break)
        blanks, page_break = 0, False
    return numbers, texts, befores, page_breaks


def _page_distances(page_breaks: list[bool]) -> tuple[list[int], list[int]]:
    """For each line, the non-blank lines until the next page break after it and since the last one
    at or before it (-1: none)."""
    n = len(page_breaks)
    if not any(page_breaks):
        return [-1] * n, [-1] * n
    to_break, from_break = [-1] * n, [-1] * n
    last = -1
    for i, page_break in enumerate(page_breaks):
        if page_break:
            last = i
        if last >= 0:
            from_break[i] = i - last
    following = -1
    for i in range(n - 1, -1, -1):
        if following >= 0:
            to_break[i] = following - i
        if page_breaks[i]:
            following = i
    return to_break, from_break


def document_lines(lines: list[str]) -> list[Line]:
    """The non-blank lines of ``lines`` (blank ones become counts on their neighbours). Each field is
    made for all lines at once, column by column, and the lines are then built from the columns."""
    numbers, texts, befores, page_breaks = _non_blank(lines)
    n = len(numbers)
    stripped = [t.strip() for t in texts]
    if n:
        joined = joined_lines(tuple(stripped))
        has_digit = _digit_lines(joined)
        line_shapes = _shapes(stripped, joined.text, has_digit, joined.low)
    else:
        has_digit, line_shapes = [], []
    shapes = Counter(line_shapes)
    # most lines open with no marker's first character: their opening is made here, without a call
    openings = [opening(t) if t[:1] in _OPENING_CHARS else ("none", None, t) for t in stripped]
    markers, opened, rests = zip(*openings) if openings else ((), (), ())
    values = [v if m not in ("none", "bullet", "md-note") else None for m, v in zip(markers, opened)]
    # a call matters only before the last line that opens with a number (``called`` below)
    numbered = [i for i, v in enumerate(opened) if v is not None]
    first_call = _first_calls(stripped, has_digit, numbered[-1]) if numbered else {}
    lengths = list(map(len, stripped))
    typical = _typical_width(lengths)
    total = max(len(lines), 1)
    to_break, from_break = _page_distances(page_breaks)
    return list(map(_new_line, zip(
        numbers, texts, stripped, [len(t) - k for t, k in zip(texts, lengths)], befores,
        [b - a - 1 for a, b in zip(numbers, numbers[1:])] + [1], page_breaks, markers, opened, rests,
        list(map(shapes.__getitem__, line_shapes)), _continues(values), _followed(values),
        [v is not None and first_call.get(v, n) < i for i, v in enumerate(opened)],
        [number / total for number in numbers], to_break, from_break,
        [k / typical for k in lengths] if typical else [0.0] * n, _continues(values, window=len(values)),
    )))


#: A note call: superscript digits, a number in brackets, or one or two digits glued to a word
#: and followed by a space, punctuation or the line's end ("text.¹", "text[1]", "text.1"), each
#: after a character that is not white space. Every branch opens with its first character, then
#: looks behind it: the engine then skips to the characters a call can start with instead of trying
#: the look-behinds at every position of the document.
_CALL = re.compile(
    "[" + SUPERSCRIPT_DIGITS + r"\[\d](?:"
    r"(?<=\S[" + SUPERSCRIPT_DIGITS + "])[" + SUPERSCRIPT_DIGITS + "]{0,2}"
    r"|(?<=\S\[)\d{1,3}\]"
    r"|(?<=[a-z.,;:”\"’)]\d)\d?(?=[\s.,;:]|$)"
    # a long report's three-digit calls ("benefits.112"), after a word only (not "14,486" or "3.112")
    r"|(?:(?<=[a-z]\d)|(?<=[a-z][.,;:”\"’)]\d)|(?<=[a-z][.,;:”\"’)][.,;:”\"’)]\d))\d\d(?=[\s.,;:]|$))")


def _first_calls(texts: list[str], has_digit: list[bool] | None = None, before: int | None = None) -> dict[int, int]:
    """For each number called in the lines before line ``before`` (all lines when not given), the index
    of the first line that calls it (``texts``: the stripped lines). Only the lines holding a digit
    (``has_digit``: every call holds a superscript digit or a ``\\d``, both ``str.isdigit``; all lines
    when not given) are searched, each on its own: four lines in ten hold a digit, and the pattern
    scanned every character of the others when it ran over the whole document."""
    first: dict[int, int] = {}
    finditer = _CALL.finditer
    for line in range(len(texts) if before is None else before):
        if has_digit is None or has_digit[line]:
            for m in finditer(texts[line]):
                raw = m.group()
                first.setdefault(superscript_value(raw[1:-1] if raw[0] == "[" else raw), line)
    return first


#: A document's lines are wrapped to a width when this many of them are at least _FULL long.
_WRAPPED_LINES = 12
_FULL = 30


def _typical_width(lengths: list[int]) -> float:
    """The length of a full line of a document wrapped to a width (a PDF conversion: the 75th
    percentile of its longer lines), or 0 when too few lines are long enough to say. Why: a page's
    footnotes are set smaller, so their lines hold more characters than the body's, and table rows
    and headings fewer; a length against this width carries over from one document to another
    where the bare length (len=) does not."""
    full = sorted(n for n in lengths if n >= _FULL)
    if len(full) < _WRAPPED_LINES:
        return 0.0
    return float(full[(3 * len(full)) // 4])


def _continues(values: list[int | None], window: int = _WINDOW) -> list[bool]:
    """Does each numbered line carry the number after one of the numbered lines within ``window``
    before it?"""
    last_seen: dict[int, int] = {}  # value → index of its last occurrence
    out = []
    for i, v in enumerate(values):
        ok = v is not None and (v - 1) in last_seen and i - last_seen[v - 1] <= window
        out.append(bool(ok))
        if v is not None:
            last_seen[v] = i
    return out


def _followed(values: list[int | None]) -> list[bool]:
    """Does a later numbered line (within the window) carry this number + 1?"""
    next_seen: dict[int, int] = {}
    out = [False] * len(values)
    for i in range(len(values) - 1, -1, -1):
        v = values[i]
        if v is not None:
            j = next_seen.get(v + 1)
            out[i] = j is not None and j - i <= _WINDOW
            next_seen[v] = i
    return out

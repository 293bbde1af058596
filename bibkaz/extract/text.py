"""Line and sentence helpers shared by the extractors.

Extractors work on the document's lines (1-based, as editors show them) and
report line numbers; citations are searched in paragraph text, so a citation
wrapped over two lines is still found.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from bibkaz.limits import MAX_PARAGRAPH_CHARS

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_TO_INT = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")


def superscript_value(text: str) -> int:
    return int(text.translate(_SUP_TO_INT))


@dataclass(frozen=True)
class Paragraph:
    """Consecutive non-blank lines joined with spaces, and where they stood."""

    text: str
    first_line: int
    line_starts: tuple[int, ...]  # offset in text where each line begins

    def line_at(self, offset: int) -> int:
        return self.first_line + bisect_right(self.line_starts, offset) - 1


def paragraphs(lines: list[str], keep: set[int] | None = None) -> list[Paragraph]:
    """Split lines (1-based numbers in ``keep`` only, if given) into paragraphs.

    A paragraph longer than MAX_PARAGRAPH_CHARS is cut at a line break into
    several, which bounds what each citation search has to scan.
    """
    out: list[Paragraph] = []
    buf: list[str] = []
    starts: list[int] = []
    first = 0
    pos = 0

    def flush() -> None:
        nonlocal buf, starts, pos
        if buf:
            out.append(Paragraph(" ".join(buf), first, tuple(starts)))
        buf, starts, pos = [], [], 0

    for number, line in enumerate(lines, start=1):
        stripped = line.strip() if keep is None or number in keep else ""
        if not stripped:
            flush()
            continue
        if buf and pos + len(stripped) > MAX_PARAGRAPH_CHARS:
            flush()
        if not buf:
            first = number
        starts.append(pos)
        buf.append(stripped)
        pos += len(stripped) + 1
    flush()
    return out


#: A sentence break: its group "gap", after a full stop, question or exclamation mark or ellipsis
#: (taken by the match, not looked behind for: a pattern that opens with a character class is
#: scanned for quickly; one opening with a look-behind is tried at every position).
_SENTENCE_END = re.compile(r"[.!?…](?P<gap>[\"”’']?[\d⁰¹²³⁴⁵⁶⁷⁸⁹]{0,3}\s+)(?=[A-Z“\"‘(\[])")


@lru_cache(maxsize=4)
def _sentence_ends(text: str) -> tuple[list[int], list[int]]:
    """Start and end offsets of every sentence break in ``text``, found once per paragraph.

    Callers ask for the sentence around each of thousands of calls in one
    paragraph; scanning from the paragraph's start each time was quadratic.
    """
    found = list(_SENTENCE_END.finditer(text))
    return [m.start("gap") for m in found], [m.end() for m in found]


#: The longest "sentence" kept with a citation (see sentence_around).
MAX_SENTENCE_CHARS = 600


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` that contains [start, end): what a reviewer needs to see.

    It begins after the last break that ends before ``start`` (a break needs the
    character after it, so one ending exactly at ``start`` does not count) and
    ends at the first break starting at or after ``end``.
    """
    starts, ends = _sentence_ends(text)
    i = bisect_left(ends, start) - 1
    left = ends[i] if i >= 0 else 0
    j = bisect_left(starts, end)
    right = starts[j] + 1 if j < len(starts) else len(text)
    if right - left > MAX_SENTENCE_CHARS:
        # No sentence is this long: text without sentence breaks. Keep a window around the
        # citation, so thousands of citations in it do not each hold a copy of the whole text.
        half = MAX_SENTENCE_CHARS // 2
        left, right = max(left, start - half), min(right, end + half)
    return text[left:right].strip()

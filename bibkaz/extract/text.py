"""Line and sentence helpers shared by the extractors.

Extractors work on the document's lines (1-based, as editors show them) and
report line numbers; citations are searched in paragraph text, so a citation
wrapped over two lines is still found.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

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
    """Split lines (1-based numbers in ``keep`` only, if given) into paragraphs."""
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
        if (keep is not None and number not in keep) or not line.strip():
            flush()
            continue
        if not buf:
            first = number
        starts.append(pos)
        stripped = line.strip()
        buf.append(stripped)
        pos += len(stripped) + 1
    flush()
    return out


_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’']?[\d⁰¹²³⁴⁵⁶⁷⁸⁹]{0,3}\s+(?=[A-Z“\"‘(\[])")


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` that contains [start, end): what a reviewer needs to see."""
    left = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        left = m.end()
    m = _SENTENCE_END.search(text, end)
    right = m.start() + 1 if m else len(text)
    return text[left:right].strip()

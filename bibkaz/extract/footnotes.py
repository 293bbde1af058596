"""Footnotes at page ends, as a PDF converted to text leaves them.

A footnote starts on a line that begins with a superscript number ("¹ Rachel
Vanderhill, …") and runs to the next blank line. Page by page, footnote blocks
and body text interleave; we take every such line wherever it stands, in order.
Numbers must not go backwards, which keeps a stray "² km" line from counting.
"""

from __future__ import annotations

import re

from bibkaz.extract.lists import Entry
from bibkaz.extract.text import SUPERSCRIPT_DIGITS, superscript_value

_FOOTNOTE = re.compile(r"^\s*(?P<s>[" + SUPERSCRIPT_DIGITS + r"]{1,3})\s*(?P<text>\S.*)$")


def find_footnotes(lines: list[str], skip: set[int]) -> list[Entry]:
    """Footnote entries outside the lines in ``skip`` (back-matter sections)."""
    entries: list[Entry] = []
    last = 0
    number = 1
    while number <= len(lines):
        if number in skip:
            number += 1
            continue
        m = _FOOTNOTE.match(lines[number - 1])
        if not m or superscript_value(m.group("s")) <= last:
            number += 1
            continue
        label = superscript_value(m.group("s"))
        parts = [m.group("text").strip()]
        end = number
        while end + 1 <= len(lines) and lines[end].strip() and not _FOOTNOTE.match(lines[end]) and end + 1 not in skip:
            end += 1
            parts.append(lines[end - 1].strip())
        entries.append(Entry(str(label), " ".join(parts), number, end))
        last = label
        number = end + 1
    return entries

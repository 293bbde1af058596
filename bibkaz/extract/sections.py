"""Back-matter headings: where notes and reference lists begin.

A heading is a line that is only one of the known names (any case, optional
Markdown "#", bold "**" or a trailing colon). A section runs to the next such
heading or the end of the document; the list extractors decide where the list
itself ends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NOTE_HEADINGS = ("notes", "endnotes", "footnotes", "end notes", "notes and references", "references and notes")
REFERENCE_HEADINGS = (
    "references", "reference list", "bibliography", "select bibliography", "works cited", "works consulted",
    "sources", "literature", "literature cited", "cited works", "cited literature", "citations", "further reading",
    "sources and further reading", "list of references",
)
_HEADING = re.compile(
    r"^\s*(?:#{1,6}\s*)?(?:\*\*|__)?\s*(?:\d+\.?\s+)?(?P<name>"
    + "|".join(re.escape(h) for h in sorted(NOTE_HEADINGS + REFERENCE_HEADINGS, key=len, reverse=True))
    + r")\s*:?\s*(?:\*\*|__)?\s*$",
    re.I,
)


@dataclass(frozen=True)
class Section:
    """A back-matter section: lines ``start``..``end`` (1-based, inclusive), heading excluded."""

    name: str
    kind: str  # "notes" or "references"
    heading_line: int
    start: int
    end: int


def find_sections(lines: list[str]) -> list[Section]:
    heads: list[tuple[int, str]] = []
    for number, line in enumerate(lines, start=1):
        m = _HEADING.match(line)
        if m:
            heads.append((number, m.group("name").lower()))
    sections = []
    for i, (number, name) in enumerate(heads):
        end = heads[i + 1][0] - 1 if i + 1 < len(heads) else len(lines)
        kind = "notes" if name in NOTE_HEADINGS else "references"
        sections.append(Section(name, kind, number, number + 1, end))
    return sections

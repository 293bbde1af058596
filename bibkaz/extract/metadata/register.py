"""A Federal Register document's head: its title and the agency that issues it.

Every rule, proposed rule and notice in the Federal Register opens the same way,
whatever the agency: the department and agency, the CFR part, the docket and RIN
lines, the document's title, then labelled paragraphs "AGENCY:", "ACTION:",
"SUMMARY:". The page's running head ("Federal Register / Vol. 85, No. 152 /
Thursday, August 6, 2020 / Proposed Rules") and the section name over the first
column ("Proposed Rules") are the journal's, not the document's: read by the
general title rules they gave "Vol. 85, No. 152" as the title and "Proposed
Rules" as a writer. The document names no writer: the official who signs it at
its end signs for the agency.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bibkaz.extract.metadata.found import Found

#: The labelled paragraph that names the issuing agency, and the one after it.
_AGENCY = re.compile(r"^AGENCY:\s*(?P<agency>.*)$")
_ACTION = re.compile(r"^ACTION:")
#: Lines of the head above the title: a docket or product number in brackets (opened or closed), a RIN, a
#: CFR part ("14 CFR Part 39"), a department in capitals.
_ABOVE_TITLE = re.compile(r"^(?:\[|RIN\b|\d+\s+CFR\b|[A-Z][A-Z ,.&'-]{6,}$)|\]$")
_HEAD_REACH = 120  # lines: the first page's first column
_TITLE_LINES = 4
#: The agency's name ends where its abbreviation or its department begins: "Federal Aviation
#: Administration (FAA), DOT." → "Federal Aviation Administration".
_AGENCY_END = re.compile(r"[(,;]")


@dataclass(frozen=True)
class RegisterHead:
    """The title (text, first and last line index) and the issuing agency of a Federal Register document."""

    title: str
    start: int
    end: int
    agency: Found[str] | None


def register_head(lines: list[str]) -> RegisterHead | None:
    """The head of a Federal Register document: the lines over its "AGENCY:" paragraph up to its docket,
    RIN or CFR lines are the title; the agency is that paragraph's first name. None unless an "AGENCY:"
    line is followed by an "ACTION:" line within a few lines, as in every such document."""
    if "AGENCY:" not in "\n".join(lines[:_HEAD_REACH]):
        return None  # no line opens "AGENCY:" (one look at the top, not a pattern a line)
    for i in range(min(len(lines), _HEAD_REACH)):
        m = _AGENCY.match(lines[i].strip()) if "AGENCY:" in lines[i] else None
        if not m:
            continue
        action = next((k for k in range(i + 1, min(len(lines), i + 6)) if _ACTION.match(lines[k].strip())), None)
        if action is None:
            return None
        title = _title_above(lines, i)
        if title is None:
            return None
        agency_text = " ".join(" ".join(l.split()) for l in [m.group("agency"), *lines[i + 1 : action]] if l.strip())
        agency = _AGENCY_END.split(agency_text, maxsplit=1)[0].strip().rstrip(".")
        return RegisterHead(title[0], title[1], title[2], Found(agency, i + 1) if agency else None)
    return None


def _title_above(lines: list[str], agency: int) -> tuple[str, int, int] | None:
    """The title's text and lines: the lines right over "AGENCY:", up to a blank line or a head line. A page
    that sets each of the head's lines as a paragraph of its own ("RIN 3170-AA37" / blank / "Amendments to …" /
    blank / "AGENCY:", an HTML version) has its title over the blank line right above "AGENCY:"."""
    over = agency
    if over > 0 and not lines[over - 1].strip() and over > 1 and lines[over - 2].strip():
        over -= 1  # (one blank line between the title and "AGENCY:")
    start = over
    for k in range(over - 1, max(-1, over - 1 - _TITLE_LINES), -1):
        s = " ".join(lines[k].split())
        if not s or _ABOVE_TITLE.search(s):
            break
        start = k
    if start == over:
        return None
    text = " ".join(" ".join(lines[k].split()) for k in range(start, over))
    return text, start, over - 1

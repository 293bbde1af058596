"""When the document was published, as it states it; never when it was read.

A dateline in the title block ("Updated April 13, 2026", "Published: 3 May
2023", a date alone on a line), a "last edited on …" line (wiki pages), or the
year of the document's own suggested citation in a running footer. Lines that
say when the text was accessed or retrieved give ``accessed`` only: a reader's
date is not the document's.
"""

from __future__ import annotations

import re

from bibkaz.extract.metadata.found import Found
from bibkaz.parse.normalise.dates import parse_date

ACCESS = re.compile(r"\b(?:accessed|retrieved|downloaded|visited|viewed|consulted)\b", re.I)
_DATELINE = re.compile(
    r"^(?:(?:first\s+)?(?:published|posted|updated|last updated|released|issued|date|dated|revised)\b\s*:?\s*(?:on\s+)?)?"
    r"(?P<date>[^\n]{4,40}?\d{4})\s*[,.]?(?:\s+by\s+\S.*)?$",
    re.I,
)
_EDITED = re.compile(r"^[\s•*·-]*(?:this page was |this article was |page )?(?:last (?:edited|modified|updated)|page (?:last )?(?:updated|modified))\b[^\d]{0,12}(?P<date>.{4,40}?\d{4})", re.I)
_ACCESSED_AT = re.compile(r"\b(?:accessed|copied|downloaded|saved)\b.*?\bat\b\s+(?P<date>.*\d{4})|\b(?:accessed|retrieved)(?: on)?:?\s+(?P<date2>.*?\d{4})", re.I)


def _full(text: str) -> str:
    """ISO date of ``text`` only when the text is a date and little else (no sentence with a year)."""
    date, _ = parse_date(text.strip())
    if not date:
        return ""
    letters = re.sub(r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?|\d+|[,./\-–:\s]", "", text)
    return date if len(letters) <= 3 else ""


def dateline(lines: list[str], start: int, stop: int) -> Found[str] | None:
    """A date line in the title block (indices ``start``..``stop``)."""
    for i in range(start, min(stop, len(lines))):
        s = " ".join(lines[i].split()).strip("*_ ")
        if not s or len(s.split()) > 8 and not re.search(r"\d{4} by ", s) or ACCESS.search(s):
            continue
        m = _DATELINE.match(s)
        if m:
            date = _full(m.group("date"))
            if date:
                return Found(date, i + 1)
    return None


def last_edited(lines: list[str]) -> Found[str] | None:
    """"This page was last edited on 24 February 2020" (the version a reader cites)."""
    for i, line in enumerate(lines):
        m = _EDITED.search(line)
        if m:
            date, _ = parse_date(m.group("date"))
            if date:
                return Found(date, i + 1)
    return None


def accessed(lines: list[str], stop: int) -> Found[str] | None:
    """"The following text has been accessed from URL at Fri Aug 9 … 2019" in the first lines."""
    for i in range(min(stop, len(lines))):
        m = _ACCESSED_AT.search(lines[i])
        if m:
            stamp = re.sub(r"\b\d{1,2}:\d\d(?::\d\d)?\b|\b[A-Z]{2,4}\b", " ", m.group("date") or m.group("date2"))
            date, _ = parse_date(" ".join(stamp.split()))
            if date:
                return Found(date, i + 1)
    return None

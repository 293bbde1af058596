"""Whether a line states a date: its shape (day, month, year) and the label before it."""

from __future__ import annotations

import re

from bibkaz.extract.metadata.tagger.lines import TopLine
from bibkaz.parse.normalise.dates import parse_date

_MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_ISO = re.compile(r"\b(?:19|20)\d\d-\d\d(?:-\d\d)?\b")
_LABEL = re.compile(r"\b(published|posted|updated|revised|released|issued|date|last modified|modified|accessed|"
                    r"retrieved|created|effective|received|accepted|version)\b", re.I)
_COPYRIGHT = re.compile(r"©|\(c\)|\bcopyright\b", re.I)


def features(line: TopLine) -> list[str]:
    t = line.text[:300]
    out = []
    years = _YEAR.findall(t)
    if not years:
        return out
    out.append("dates.year" if len(years) == 1 else "dates.years")
    if _MONTH.search(t):
        out.append("dates.month")
    if _ISO.search(t):
        out.append("dates.iso")
    date = parse_date(t)[0]
    if date:
        out.append(f"dates.precision={len(date)}")
        if len(t.split()) <= 5:
            out.append("dates.alone")
    m = _LABEL.search(t)
    if m:
        out.append(f"dates.label={m.group(1).lower().split()[-1]}")
    if _COPYRIGHT.search(t):
        out.append("dates.copyright")
    return out

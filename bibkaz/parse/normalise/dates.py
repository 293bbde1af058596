"""Dates in the many ways references print them, reduced to ISO 8601.

"n.d." gives "" (no date is better than an invented one). A season keeps only
its year: ISO has no seasons and CSL's season field is rarely honoured.
"""

from __future__ import annotations

import re
from functools import lru_cache

MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)(?P<suffix>[a-z])?(?![\d])"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"

_FORMS = (
    # 2022-09-26, 2022/09/26
    re.compile(r"(?P<year>1[5-9]\d\d|20\d\d)[-/.](?P<m>[01]?\d)[-/.](?P<day>[0-3]?\d)(?!\d)"),
    # 5/13/2014 (US) or 13/5/2014 (day first, told apart when the day is over 12); 12.01.2021 (day first)
    re.compile(r"(?<!\d)(?P<a>[0-3]?\d)[/.](?P<b>[0-3]?\d)[/.](?P<year>1[5-9]\d\d|20\d\d)(?!\d)"),
    # (2019, 4 11): APA's year, month day as word processors' citation tools print them
    re.compile(r"(?P<year>1[5-9]\d\d|20\d\d),\s+(?P<m>1[0-2]|0?[1-9])\s+(?P<day>[0-3]?\d)(?![\d.,/–-])"),
    # 2022, September 26 / 2022a, September 10 (APA)
    re.compile(_YEAR + r",?\s+" + _MONTH + r"(?:\s+" + _DAY + r")?(?![\w])", re.I),
    # 11 January 2022 / 29-30 April 2022
    re.compile(_DAY + r"(?:\s*[-–]\s*[0-3]?\d)?\s+" + _MONTH + r",?\s+" + _YEAR, re.I),
    # May 10, 2022 / April 29-30, 2022 / September 2022
    re.compile(_MONTH + r"(?:\s+" + _DAY + r"(?:\s*[-–]\s*[0-3]?\d)?)?,?\s+" + _YEAR, re.I),
    # bare year, possibly with a suffix: 2020, (2022b)
    re.compile(r"(?<![\d/])" + _YEAR),
)
_NO_DATE = re.compile(r"\b(n\.\s?d\.|no date|undated)", re.I)
_FOUR_DIGITS = re.compile(r"\d{4}")


def _iso(year: int, month: int = 0, day: int = 0) -> str:
    if not 1 <= month <= 12:
        return f"{year:04d}"
    if not 1 <= day <= 31:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


@lru_cache(maxsize=65536)
def parse_date(text: str) -> tuple[str, str]:
    """Return (ISO date, year suffix) for the first date in ``text``.

    "(2022a, September 10)" → ("2022-09-10", "a"); "5/13/2014" → ("2014-05-13", "");
    "n.d." → ("", "").
    """
    # (Four digits first: most dates have them, and then "n.d." is not looked for.)
    if not text or (not _FOUR_DIGITS.search(text) and _NO_DATE.search(text)):
        return "", ""
    for i, form in enumerate(_FORMS):
        m = form.search(text)
        if not m:
            continue
        g = m.groupdict()
        year = int(g["year"])
        suffix = g.get("suffix") or ""
        if g.get("m"):
            return _iso(year, int(g["m"]), int(g["day"])), ""
        if i == 1:
            a, b = int(g["a"]), int(g["b"])
            # day first when the day is over 12, and always with dots: "12.01.2021" is German and
            # European numeric form ("zuletzt aufgerufen am 12.01.2021"), which the US never uses
            month, day = (b, a) if a > 12 or ("." in m.group(0) and b <= 12) else (a, b)
            return _iso(year, month, day), ""
        month = MONTHS[g["month"].lower()] if g.get("month") else 0
        day = int(g["day"]) if g.get("day") else 0
        return _iso(year, month, day), suffix
    return "", ""


def find_year(text: str) -> str:
    """The first plausible publication year in ``text`` (with no suffix), or ""."""
    m = _FORMS[-1].search(text)
    return m.group("year") if m else ""

"""Whether a page's text shows a given calendar day, in any of the forms pages print dates.

A page's machine-readable record (schema.org JSON-LD) states dates the reader never sees: a CMS
stamps every page it serves with ``datePublished`` (WordPress's Yoast writes one for a product page
or an "About us"), a news site states its instants in UTC (``2020-02-25T02:25:54Z`` for a story its
page dates "February 24, 2020"), and a story updated later shows only its update. What the page
prints is the date a reader cites, so the JSON-LD reader (:mod:`bibkaz.read.html_json_ld`) asks
here which of the dates it holds the page shows.

The forms: "January 28, 2020", "Jan. 28th 2020", "28 January 2020", "28. Januar 2020", "6 de mayo
de 2022", "1er mars 2020", "2020-01-28", "2020/1/28", "01/28/2020" (US), "28/01/2020" and
"28.01.2020" (day first). Month names are English and those of the languages most web pages are
written in after it (German, French, Spanish, Italian, Portuguese, Dutch): a page dated in its
own language shows its date as much as an English one does (measured: of 29 pages whose
``WebPage`` date their annotators read off the page, 24 print it in German, French or Spanish).
Two-digit years are not read, nor an ISO date inside an address ("…/news/2019-10-18-statement").
"""

from __future__ import annotations

import re
from functools import lru_cache

#: Each month's names and abbreviations, English first; a trailing "." is allowed after any. The
#: abbreviations that are English words ("set", "out", "ago") are left out.
_MONTH_NAMES: tuple[tuple[str, ...], ...] = (
    ("january", "jan", "januar", "jän", "janvier", "janv", "enero", "ene", "gennaio", "janeiro", "januari"),
    ("february", "feb", "februar", "février", "fevrier", "févr", "fevr", "febrero", "febbraio", "fevereiro",
     "fev", "februari"),
    ("march", "mar", "märz", "maerz", "mrz", "mars", "marzo", "março", "marco", "maart", "mrt"),
    ("april", "apr", "avril", "avr", "abril", "abr", "aprile"),
    ("may", "mai", "mayo", "maggio", "maio", "mei"),
    ("june", "jun", "juni", "juin", "junio", "giugno", "junho"),
    ("july", "jul", "juli", "juillet", "juil", "julio", "luglio", "julho"),
    ("august", "aug", "août", "aout", "agosto", "augustus"),
    ("september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre", "setembro"),
    ("october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "outubro"),
    ("november", "nov", "novembre", "noviembre", "novembro"),
    ("december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dic", "dicembre",
     "dezembro"),
)


#: How far a printed day reaches before its year ("the 28th of September, " and a mark before it)
#: and after it ("-09-28" and the mark after it).
_BEFORE_YEAR, _AFTER_YEAR = 40, 8
#: The places the year is printed that are looked round (a long report cites a year a few hundred times).
_MOST_YEARS = 400


@lru_cache(maxsize=256)
def _day_pattern(year: int, month: int, day: int) -> re.Pattern[str]:
    """One day's printed forms as one pattern (no nested quantifiers: each part is a fixed word,
    an optional mark or a run of spaces)."""
    names = "|".join(sorted(_MONTH_NAMES[month - 1], key=len, reverse=True))
    d = rf"0?{day}" if day < 10 else str(day)
    m = rf"0?{month}" if month < 10 else str(month)
    forms = (
        rf"(?<!\w)(?:{names})\.?\s+{d}(?:st|nd|rd|th)?,?\s+{year}",  # January 28, 2020
        rf"(?<!\d){d}(?:st|nd|rd|th|er)?\.?\s+(?:of\s+|de\s+)?(?:{names})\.?,?\s+(?:de\s+)?{year}",  # 28 January 2020
        rf"(?<![\w/.-]){year}[-/.]{m}[-/.]{d}(?![\w/-])",  # 2020-01-28, not in an address
        rf"(?<![\d/.]){m}/{d}/{year}",  # 01/28/2020
        rf"(?<![\d/.]){d}[./]{m}[./]{year}",  # 28.01.2020
    )
    return re.compile(r"(?:" + "|".join(forms) + r")(?!\d)", re.I)


def shows_day(text: str, iso: str) -> bool:
    """Whether ``text`` prints the day ``iso`` ("2020-01-28"); False for a year or month alone."""
    parts = iso[:10].split("-")
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return False
    year, month, day = (int(p) for p in parts)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return False
    # the pattern is tried only round each place the year is printed (scanned whole, five forms'
    # alternation costs 2 µs a character, 0.4 s for a long page's text), and round the first
    # _MOST_YEARS of them: a page prints its own date over its text, and a line of nothing but
    # years (20,000 characters of "2020 2020 …") would cost 0.1 ms a place
    pattern, key = _day_pattern(year, month, day), str(year)
    at = text.find(key)
    for _ in range(_MOST_YEARS):
        if at == -1:
            return False
        if pattern.search(text, max(0, at - _BEFORE_YEAR), at + len(key) + _AFTER_YEAR):
            return True
        at = text.find(key, at + len(key))
    return False

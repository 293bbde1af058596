"""Seasons and impossible months in date parts (CSL-JSON and CSL 1.0.2, "Date-part" and "Seasons").

CSL-JSON writes a season as a month number: 13–16 and 21–24 are spring,
summer, autumn and winter (citeproc-js reads 13–24 round the four seasons). CSL prints them with
the locale's ``season-01`` … ``season-04`` terms where the month would go
("Spring 1999–Summer 2001"). citeproc-py 0.11 asked the locale for a month term
"month-21", found none and printed nothing; a month outside 1–12 that is no
season ("60", "-1") prints nothing, as in citeproc-js.
"""

from __future__ import annotations

from functools import wraps
from typing import Any


def season_of(month: int) -> int | None:
    """1–4 for a CSL-JSON season month (13–24, counted round the four seasons as citeproc-js
    counts them: 13 and 17 and 21 are spring), else None."""
    return (month - 1) % 4 + 1 if 13 <= month <= 24 else None


def install(model: Any) -> None:
    """Wrap ``Date_Part.process`` so a month part renders seasons and drops impossible months."""
    process = model.Date_Part.process
    if getattr(process, "_bibkaz_seasons", False):
        return

    @wraps(process)
    def month_or_season(self, date, context=None):  # type: ignore[no-untyped-def]
        if self.get("name") != "month":
            return process(self, date, context)
        try:
            month = int(date.month)
        except (AttributeError, TypeError, ValueError, model.VariableError):
            return process(self, date, context)
        if 1 <= month <= 12:
            return process(self, date, context)
        try:
            process(self, date, context)  # for its side effect: the style's date-part attributes merged in
        except Exception:  # citeproc-py has no term for "month-21"; what it printed is replaced anyway
            pass
        season = season_of(month)
        if season is None:
            return None
        term = (context if context is not None else self).get_single_term(name=f"season-{season:02}")
        return str(term) if term is not None else None

    month_or_season._bibkaz_seasons = True  # type: ignore[attr-defined]
    model.Date_Part.process = month_or_season

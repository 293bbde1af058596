"""Seasons and impossible months in date parts (CSL-JSON and CSL 1.0.2, "Date-part" and "Seasons").

CSL-JSON writes a season as a month number: 13–16 and 21–24 are spring,
summer, autumn and winter (citeproc-js reads 13–24 round the four seasons). CSL prints them with
the locale's ``season-01`` … ``season-04`` terms where the month would go
("Spring 1999–Summer 2001"). citeproc-py 0.11 asked the locale for a month term
"month-21", found none and printed nothing; a month outside 1–12 that is no
season ("60", "-1") prints nothing, as in citeproc-js.

Date ranges and localized dates (CSL 1.0.2, "Date Ranges" and "Localized Date
Formats"): the delimiter between the two dates of a range is the
``range-delimiter`` of the ``cs:date-part`` for the largest part that differs
(year, else month, else day; en dash by default), where citeproc-py always
printed an en dash. A localized date's parts are joined with the ``delimiter``
of the locale's ``cs:date`` (the style's ``cs:date`` calling it may not set one),
where citeproc-py used the calling element's and so printed "2January1999".
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
    _install_ranges(model)


def _part(date: Any, name: str) -> Any:
    """A part of a citeproc-py date, None when absent (its dates raise VariableError, not AttributeError)."""
    return date[name] if name in date else None


def _largest_difference(begin: Any, end: Any) -> str:
    """"year", "month" or "day": the largest part in which the two dates of a range differ."""
    for part in ("year", "month"):
        if _part(begin, part) != _part(end, part):
            return part
    return "day"


def _range_delimiter(date: Any, context: Any, part: str) -> str | None:
    """The ``range-delimiter`` a ``cs:date-part`` named ``part`` sets: the calling style's first
    (it may override a localized date's parts), then the date's own; None when neither does."""
    for element in (context, date):
        if element is None:
            continue
        for child in element.iterchildren():
            if child.get("name") == part and child.get("range-delimiter") is not None:
                return str(child.get("range-delimiter"))
    return None


def _install_ranges(model: Any) -> None:
    """Wrap ``Date.render_date_range`` and ``Date.render_single_date`` (see the module docstring)."""
    render_range = model.Date.render_date_range
    render_single = model.Date.render_single_date

    @wraps(render_single)
    def single_date(self, date, show_parts=None, context=None):  # type: ignore[no-untyped-def]
        delimiter = self.get("delimiter")
        if delimiter is None or context is None or context is self or not self.is_locale_date():
            return render_single(self, date, show_parts, context)
        parts = self.parts(date, show_parts, context) if context != self else self.parts(date, show_parts)
        return self.join(parts) if parts else None

    @wraps(render_range)
    def date_range(self, date_range, show_parts=None, context=None):  # type: ignore[no-untyped-def]
        end = date_range.get("end") if hasattr(date_range, "get") else None
        if end is None or end.is_nil():
            return render_range(self, date_range, show_parts, context)
        begin = date_range.begin
        caller = context if context is not None and context is not self else None
        delimiter = _range_delimiter(self, caller, _largest_difference(begin, end))
        own_join = self.is_locale_date() and self.get("delimiter") is not None
        if delimiter is None and not own_join:
            return render_range(self, date_range, show_parts, context)
        # citeproc-py's own steps, with the range delimiter and the locale date's join
        shown = [p for p in (show_parts or ["year", "month", "day"])]
        same_parts = []
        for part in ("year", "month", "day"):
            if part not in shown or _part(begin, part) != _part(end, part):
                break
            shown.remove(part)
            same_parts.append(part)
        same = self.render_single_date(end, same_parts, context) if same_parts else None
        first = self.render_single_date(begin, shown, context)
        last = self.render_single_date(end, shown, context)
        if not first:
            return None
        dash = delimiter if delimiter is not None else self.unicode_character("EN DASH")
        diff = first.rstrip() + dash + (last or "")
        joiner = self if own_join else context
        return joiner.join([diff, same.rstrip()]) if same else diff

    model.Date.render_single_date = single_date
    model.Date.render_date_range = date_range

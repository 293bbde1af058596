"""The year suffix of a style that never prints it: "Doe 1965a" from a style without ``year-suffix``.

CSL 1.0.2 ("Disambiguation", step 3): when ``cs:text variable="year-suffix"``
appears nowhere in the style, the suffix is appended to the first year the
entry or cite renders through ``cs:date``. citeproc-py 0.11 only prints the
suffix where the style names the variable, so such styles (common among the
CSL test suite's fixtures, and in older house styles) printed "(Doe 1965,
1965)". :func:`install` wraps ``Date.process`` (which knows the item) and
``Date_Part.process`` (which renders the year) to append it once per rendering
of an entry or cite.
"""

from __future__ import annotations

from functools import wraps
from typing import Any

#: Per-entry key in citeproc-py's ``layout.repressed``: the suffix was printed.
_DONE = "bibkaz:implicit-year-suffix"
#: The suffix waiting for the year part of the date being rendered (one thread renders at a time).
_PENDING: list[Any] = [None]


def implicit(root: Any) -> bool:
    """Whether the style (``root``, a ``cs:style``) prints no ``year-suffix`` of its own."""
    cached = getattr(root, "bibkaz_implicit_suffix", None)
    if cached is None:
        # a style printing citation-label gets the suffix there (citeproc-js), not after a date
        cached = not root.xpath('//cs:text[@variable="year-suffix" or @variable="citation-label"]', namespaces=root.nsmap)
        root.bibkaz_implicit_suffix = cached
    return bool(cached)


def install(model: Any, layout_of: Any) -> None:
    date_process = model.Date.process
    part_process = model.Date_Part.process
    if getattr(date_process, "_bibkaz_fix", False):
        return

    @wraps(date_process)
    def process(self, item, variable=None, show_parts=None, context=None, **kwargs):  # type: ignore[no-untyped-def]
        suffix = item.reference.get("year_suffix") if hasattr(item, "reference") else None
        layout = layout_of(self, context) if suffix else None
        # A localized date (form="text") lives in the locale: the style it renders for is the context's.
        style_root = (context if context is not None else self).get_root()
        if layout is None or _PENDING[0] is not None or layout.repressed.get(_DONE) or not implicit(style_root):
            return date_process(self, item, variable=variable, show_parts=show_parts, context=context, **kwargs)
        _PENDING[0] = suffix
        try:
            text = date_process(self, item, variable=variable, show_parts=show_parts, context=context, **kwargs)
        finally:
            if _PENDING[0] is None:
                layout.repressed[_DONE] = True
            _PENDING[0] = None
        return text

    @wraps(part_process)
    def year_process(self, date, context=None):  # type: ignore[no-untyped-def]
        text = part_process(self, date, context)
        if _PENDING[0] is not None and self.get("name") == "year" and text:
            text = str(text) + str(_PENDING[0])
            _PENDING[0] = None
        return text

    process._bibkaz_fix = True  # type: ignore[attr-defined]
    model.Date.process = process
    model.Date_Part.process = year_process

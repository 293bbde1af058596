"""Ordinal suffixes as CSL 1.0.2 ("Ordinal Suffixes") chooses them, and citeproc-js with it.

citeproc-py 0.11 asks for ``ordinal-NN`` with the whole number, then the last
digit, then ``ordinal``; it reads no ``match`` attribute beyond skipping some
terms, and no gender. So English 111–113 printed "111st", "112nd", "113rd"
(``ordinal-11`` to ``-13`` match the last two digits: "112th"), and French
printed the feminine "1ʳᵉ" for every first (an issue, a volume and a day are
masculine: "1ᵉʳ").

The rules, in order of precedence, for a number n:

1. ``ordinal-NN`` with ``match="whole-number"``, NN = n;
2. ``ordinal-NN`` matching the last two digits (the default for 10–99, or
   ``match="last-two-digits"`` on 00–09);
3. ``ordinal-0N`` matching the last digit (the default for 00–09);
4. ``ordinal``.

At each step a term with the ``gender-form`` of the number's term wins (the
``gender`` of the variable's term: "edition" is feminine in French; a day takes
its month's gender), then one without a gender form; a step with neither is
skipped. When a style's own ``cs:locale`` defines any ordinal term, the locale
files' ordinal terms are not used at all (CSL: they replace the whole set;
suite fixture ``number_SeparateOrdinalNamespaces``).
"""

from __future__ import annotations

import re
import threading
from functools import wraps
from typing import Any

_NAME = re.compile(r"ordinal(?:-(\d\d))?$")
#: A number part that starts with a zero: printed as typed, not as a number (citeproc-js)
_ZERO_LED = re.compile(r"0[0-9]*")


class _Day(threading.local):
    #: The month of the date whose day is being rendered (a day's ordinal takes its month's gender).
    month: int | None = None


_DAY = _Day()


def _text(term: Any) -> str:
    single = term.find("cs:single", term.nsmap)
    return str((single.text if single is not None else term.text) or "")


def _locales(context: Any) -> tuple[Any, list[Any]]:
    root = context.get_root()
    locales = getattr(root, "locales", None)
    return root, (list(locales) if locales is not None else [root])


def _ordinal_terms(context: Any) -> list[tuple[int | None, str, str | None, str]]:
    """(NN or None for ``ordinal``, match, gender form, text) of the ordinal terms in force; kept on
    the root. The style's own locales' terms when they define any (first locale first), else
    those of the first locale file that has ordinals: en-US's "st" must not fill German's gaps."""
    root, locales = _locales(context)
    kept = root.__dict__.get("_bibkaz_ordinals")
    if kept is not None:
        return kept
    own: list[tuple[int | None, str, str | None, str]] = []
    files: list[list[tuple[int | None, str, str | None, str]]] = []
    for locale in locales:
        terms = locale.find("cs:terms", locale.nsmap)
        rows = []
        for term in terms.iterfind("cs:term", terms.nsmap) if terms is not None else ():
            named = _NAME.match(term.get("name", ""))
            if not named or term.get("form") not in (None, "long"):
                continue
            number = int(named.group(1)) if named.group(1) else None
            default = "last-digit" if number is not None and number < 10 else "last-two-digits"
            rows.append((number, term.get("match", default), term.get("gender-form"), _text(term)))
        if locale.getparent() is not None:
            own += rows
        elif rows:
            files.append(rows)
    kept = root.__dict__["_bibkaz_ordinals"] = own or (files[0] if files else [])
    return kept


def _gender(context: Any, name: str | None) -> str | None:
    if not name:
        return None
    try:
        term = context.get_term(name)
    except (IndexError, AttributeError):
        return None
    return term.get("gender") if term is not None else None


def suffix(number: int, context: Any, gender: str | None) -> str | None:
    """The ordinal suffix of ``number`` (the rules of the module docstring), None when no term fits."""
    terms = _ordinal_terms(context)
    steps = ((lambda nn, match: match == "whole-number" and nn == number),
             (lambda nn, match: match == "last-two-digits" and nn == number % 100),
             (lambda nn, match: match == "last-digit" and nn is not None and nn < 10 and nn == number % 10),
             None)
    for step in steps:
        fitting = [(form, text) for nn, match, form, text in terms
                   if (nn is None if step is None else nn is not None and step(nn, match))]
        for form, text in fitting:
            if gender is not None and form == gender:
                return text
        for form, text in fitting:
            if form is None:
                return text
    return None


def install(model: Any) -> None:
    """Replace citeproc-py's ``to_ordinal``; record a date's month while its parts render."""
    if getattr(model.to_ordinal, "_bibkaz_fix", False):
        return
    original = model.to_ordinal

    @wraps(original)
    def to_ordinal(number, context):  # type: ignore[no-untyped-def]
        if isinstance(context, model.Date_Part) or isinstance(context, model.Date):
            month = _DAY.month
            gender = _gender(context, f"month-{month:02}") if month else None
        else:
            gender = _gender(context, context.get("variable"))
        found = suffix(int(number), context, gender)
        if found is None:
            return original(number, context)
        return str(number) + context.preformat(found)

    to_ordinal._bibkaz_fix = True  # type: ignore[attr-defined]
    model.to_ordinal = to_ordinal

    format_number = model.Number.format_number

    @wraps(format_number)
    def zeros_as_typed(self, number):  # type: ignore[no-untyped-def]
        # citeproc-js formats a number part only when it reads /^[1-9][0-9]*$/ ("outputNumericField");
        # "02", "007" and "0" print as typed in every form: IEEE's "vol. 00, no. 02", "02 ed."
        if _ZERO_LED.fullmatch(str(number).strip()):
            return str(number).strip()
        return format_number(self, number)

    model.Number.format_number = zeros_as_typed

    process = model.Date_Part.process

    @wraps(process)
    def date_part_process(self, date, context=None):  # type: ignore[no-untyped-def]
        before = _DAY.month
        try:  # citeproc-py's dates raise VariableError (not AttributeError) for a missing part
            month = date["month"] if "month" in date else None
        except TypeError:
            month = None
        _DAY.month = month if isinstance(month, int) and 1 <= month <= 12 else None
        try:
            return process(self, date, context)
        finally:
            _DAY.month = before

    model.Date_Part.process = date_part_process

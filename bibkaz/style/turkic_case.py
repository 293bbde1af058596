"""Upper and lower case of a Turkish or Azerbaijani item's text: "i" ↔ "İ", "ı" ↔ "I".

CSL 1.0.2 applies ``text-case`` in the item's language; citeproc-js cases with
``toLocaleUpperCase(lang)``, so a Turkish title "ic and ıd" prints "İC AND ID"
(suite fixture ``textcase_LocaleUnicode``). Python's ``str.upper`` knows no locale
and prints "IC". The dotted and dotless i are the only letters whose case the
language changes; they are mapped before Python's casing runs.
"""

from __future__ import annotations

from typing import Any

LANGUAGES = frozenset({"tr", "az"})
_UPPER = str.maketrans({"i": "\u0130"})
_LOWER = str.maketrans({"I": "\u0131", "\u0130": "i"})


def _mapped(text: Any, table: dict[int, str]) -> Any:
    """``text`` (a str subclass, or citeproc-py's list of them) with ``table`` applied, its type kept."""
    if isinstance(text, str):
        out = str(text).translate(table)
        return text if out == str(text) else (out if type(text) is str else type(text)(out))
    if isinstance(text, list):
        return type(text)(_mapped(part, table) for part in text)
    return text


def prepared(text: Any, text_case: str | None, language: str | None) -> Any:
    """``text`` ready for ``text_case`` in ``language``: Turkic i's mapped, anything else as it is."""
    if (language or "")[:2].lower() not in LANGUAGES:
        return text
    if text_case == "uppercase":
        return _mapped(text, _UPPER)
    if text_case == "lowercase":
        return _mapped(text, _LOWER)
    return text

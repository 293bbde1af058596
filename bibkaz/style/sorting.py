"""Sort keys from macros compare the text, not the quotation marks around it.

citeproc-py sorts by a macro's rendered output with its quotes, so a quoted
article title (“Estimating …”) sorts after every unquoted book title: “ is
U+201C, above all letters. citeproc-js builds sort keys without the quotes a
style puts around a title, so MLA lists Imai's “Estimating …” (2013) before his
*FindIt* (2018), and the "———" of subsequent-author-substitute falls on the
second. We drop the locale's quote marks from macro sort keys.

Names in a macro's sort key are the names alone: citeproc-js leaves out the
"et al." term and the role label ("editor"), so MLA sorts "Falk, Gene, et al.,
Farm Bill" before "Falk, Gene, Temporary Assistance", and "Wilson, Greg, editor"
among Wilson's own works by title, and "———" falls where citeproc-js puts it.

Keys are compared as citeproc-js compares them (``localeCompare`` with
``sensitivity: "base"``, ``ignorePunctuation`` and ``numeric``, on keys whose
spaces became a separator that sorts before letters): case and accents do not
count, punctuation is skipped ("Human Capital: Key…" before "Human Capital
Management…"), and numbers compare by value ("Report 9" before "Report 10").
:func:`collation_key` turns a key into a string that Python's ordering sorts
that way.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import wraps
from typing import Any

from bibkaz.style import quotes, richtext

_NUMBER = re.compile(r"\d+")
#: Punctuation between two digits ends a number: ICU's numeric collation reads "10/10" as 10, 10
#: and "2.1" before "10.1", not as 1010 and 21.
_BETWEEN_DIGITS = re.compile(r"(?<=\d)[^\w\s]+(?=\d)")


class _Punctuation(dict):  # type: ignore[type-arg]
    """``str.translate`` table dropping every punctuation character (categories P*), built as met."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.category(chr(code)).startswith("P") else code
        self[code] = kept
        return kept


_PUNCTUATION = _Punctuation()


def _number_break(match: re.Match[str]) -> str:
    """A separator for punctuation between digits; symbols ("1+2") stay as they are."""
    return "\x01" if all(_PUNCTUATION[ord(ch)] is None for ch in match.group(0)) else match.group(0)


def collation_key(text: str) -> str:
    """``text`` as a string whose code-point order is citeproc-js's sort order (see the module docstring)."""
    words = []
    for word in richtext.strip(text).replace(quotes.GUARD, "").split():  # markup in fields does not sort
        kept = (ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.category(ch).startswith("M"))
        words.append(_BETWEEN_DIGITS.sub(_number_break, "".join(kept)).translate(_PUNCTUATION).casefold())
    key = "".join(f"{w}\x01" for w in words)
    return _NUMBER.sub(lambda m: m.group(0).lstrip("0").rjust(12, "0"), key)


#: A tag of citeproc-py's HTML formatter (``<i>``, ``</i>``, ``<span style="…">``); in HTML output a
#: "<" typed in a field is escaped, so every "<" of a key is markup.
_HTML_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")


def _plain(element: Any, key: str) -> str:
    """A key rendered for HTML output as the text a reader sees: tags and character references
    out. citeproc-js sorts on plain text; with the tags kept, an italic title's "<i>" (with the
    slash of "</i>" dropped as punctuation) sorted before every letter, so in HTML a book
    substituted for its missing author came before "Doe, J." and descending keys the other way
    round (suite fixture ``sort_SeparateAuthorsAndOthers``), and "&#38;" sorted as "38"."""
    if getattr(element.get_formatter(), "__name__", "") != "citeproc.formatter.html":
        return key
    return html.unescape(_HTML_TAG.sub("", key)) if ("<" in key or "&" in key) else key


def _quote_marks(element: Any) -> str:
    """The locale's one-character quotation marks, found once per key element and formatter (the
    terms never change once the style is loaded; a formatter's ``preformat`` makes them)."""
    own = element.__dict__
    formatter = element.get_formatter()
    kept = own.get("_bibkaz_quote_marks")
    if kept is None or kept[0] is not formatter:
        kept = own["_bibkaz_quote_marks"] = (formatter, _found_quote_marks(element))
    return kept[1]


def _found_quote_marks(element: Any) -> str:
    marks = []
    for term in ("open-quote", "close-quote", "open-inner-quote", "close-inner-quote"):
        try:
            marks.append(str(element.get_single_term(term)))
        except Exception:  # a locale without the term: nothing to strip for it
            continue
    return "".join(dict.fromkeys(m for m in marks if len(m) == 1))


def _part(date: Any, part: str) -> Any:
    try:  # citeproc-py's dates raise VariableError, not AttributeError, for a part they lack
        return date[part] if date is not None and part in date else None
    except Exception:
        return None


def _date_part_key(date: Any, part: str, shown: tuple[str, ...]) -> str:
    value = _part(date, part) if part in shown else None
    try:
        number = int(value) if value is not None else 0
    except (TypeError, ValueError):
        number = 0
    if part != "year":
        return f"{number:02d}"
    return f"0{9999 - abs(number):04d}" if number < 0 else f"1{number:04d}"


def date_sort_key(value: Any, shown: tuple[str, ...]) -> str | None:
    """A date in a macro sort key as citeproc-js writes it (``dateAsSortKey``): year, month, day
    of the start and of the end, zero-padded, years before the common era counted down
    ("100 BC" before "44 BC" before "54 AD"); None for a date without a year."""
    from citeproc.source import LiteralDate

    if value is None or isinstance(value, LiteralDate):  # a literal date sorts as its text
        return None if value is None else str(value.text)
    begin, end = (_part(value, "begin"), _part(value, "end")) if "begin" in value else (value, None)
    if _part(begin, "year") in (None, 0):
        return None
    return " ".join(_date_part_key(d, part, shown) for d in (begin, end) for part in ("year", "month", "day"))


def _shown_parts(date_element: Any) -> tuple[str, ...]:
    if date_element.get("date-parts"):
        return tuple(date_element.get("date-parts").split("-"))
    names = tuple(str(p.get("name")) for p in date_element.iterchildren() if p.get("name"))
    return names or ("year", "month", "day")


#: Depth of macro sort-key rendering under way (citeproc-py renders keys one item at a time, in one thread).
_SORTING = [0]


def install(model: Any) -> None:
    """Wrap ``Key.sort_keys`` so keys rendered from a macro lose the locale's quotation marks,
    "et al.", the "and" before a last name and the labels of names."""
    sort_keys = model.Key.sort_keys
    et_al = model.Name.et_al
    label_render = model.Label.render

    @wraps(et_al)
    def no_et_al_in_keys(self):  # type: ignore[no-untyped-def]
        return "" if _SORTING[0] else et_al(self)

    @wraps(label_render)
    def no_name_label_in_keys(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        if _SORTING[0] and isinstance(self.getparent(), model.Names):
            return None
        return label_render(self, *args, **kwargs)

    @wraps(sort_keys)
    def unquoted_sort_keys(self, items, context):  # type: ignore[no-untyped-def]
        if "macro" not in self.attrib:
            keys = sort_keys(self, items, context)
            if self.get("variable", "").replace("-", "_") in model.DATES:
                return keys
            # text keys (citeproc-py's fields are MixedString, a list) collate; numbers stay numbers
            return [key if key is None or not isinstance(key, (str, list)) else collation_key(_plain(self, str(key)))
                    for key in keys]
        _SORTING[0] += 1
        try:
            keys = sort_keys(self, items, context)
        finally:
            _SORTING[0] -= 1
        table = str.maketrans("", "", _quote_marks(self))
        # citeproc-py compares str(key.lower()); a plain str keeps that working for every key type.
        return [None if key is None else collation_key(_plain(self, str(key)).translate(table)) for key in keys]

    date_process = model.Date.process

    @wraps(date_process)
    def date_as_key(self, item, *args, **kwargs):  # type: ignore[no-untyped-def]
        if not _SORTING[0]:
            return date_process(self, item, *args, **kwargs)
        try:
            value = item.reference[self.get("variable", "").replace("-", "_")]
        except (KeyError, model.VariableError):
            return None
        key = date_sort_key(value, _shown_parts(self))
        return None if key is None else model.String(key)

    model.Date.process = date_as_key

    name_process = model.Name.process

    @wraps(name_process)
    def no_and_in_keys(self, item, variable, context=None, sort_options=None, **kwargs):  # type: ignore[no-untyped-def]
        # citeproc-js sorts names name by name: "Colaresi, Rasler, and Thompson" before
        # "Colaresi and Thompson" (R < T), not by the text "and Thompson".
        if _SORTING[0]:
            sort_options = {"and": None, **(sort_options or {})}
        return name_process(self, item, variable, context=context, sort_options=sort_options, **kwargs)

    model.Key.sort_keys = unquoted_sort_keys
    model.Name.process = no_and_in_keys
    model.Name.et_al = no_et_al_in_keys
    model.Label.render = no_name_label_in_keys

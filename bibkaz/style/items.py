"""Adjust CSL-JSON items before citeproc-py sees them, where citeproc-py lacks a
rule that CSL processors (citeproc-js, pandoc) apply to the data.

These are rendering decisions, not data fixes, so they live here and never
change bibkaz's CSL-JSON export (bibkaz/formats/csl.py):

- Particles and suffixes typed inside the family or given name ("van der Vlist",
  "John, III") are split off as citeproc-js splits them (:mod:`bibkaz.style.name_parts`).
- Particles ending in a hyphen or apostrophe ("al-", "d'") are followed by no
  space: citeproc-py always puts one ("al- Farabi"); :data:`richtext.GLUE` after
  the particle removes it when the output is written (the particle stays a
  particle, so demoting and sorting treat it as citeproc-js does).
- A literal name's "|"-separated institution units print joined with ", ", as citeproc-js prints them.
- A straight apostrophe between letters becomes a typographic one
  ("Asia's" → "Asia’s"), as citeproc-js and pandoc print it.
- Given names typed as run-together initials ("M.G.") are spaced ("M. G."),
  as citeproc-js prints them whether or not the style initialises.
- Straight quotes become the locale's outer quotes (:func:`bibkaz.style.quotes.typographic`), and
  outer quotes typed inside outer quotes the inner ones (:func:`bibkaz.style.quotes.nested`);
  punctuation typed after a closing quote is guarded (:func:`bibkaz.style.quotes.guarded`), so
  punctuation-in-quote leaves it where it was typed: citeproc-js moves only what the style prints
  after a quote ("the “Next Generation Fund”, which provides …").
- Rich-text tags in fields ("<i>Homo sapiens</i>") are read as markup
  (:mod:`bibkaz.style.richtext`), the rest of the field text is escaped for the output markup: citeproc-py's formatters escape
  the locale's terms but not the item's fields, so a title with "&" or "<"
  made invalid HTML, and "*" in a title turned into Markdown emphasis.
- Variables typed in the note ("original-date: 1850") are set (:mod:`bibkaz.style.note_fields`).
- Year suffixes ("2022a", "2022b") are the processor's to assign, in the order
  of the sorted bibliography; an incoming ``year-suffix`` (from a parsed
  "Umarov 2022a") may not match this bibliography, so it is dropped and
  :mod:`bibkaz.style.disambiguate` computes fresh ones from the citations
  (:func:`year_suffixes` here is the older same-author-and-year rule).
"""

from __future__ import annotations

import re
from typing import Any, Callable, Collection, Iterable

from bibkaz.style import name_parts, narrow_spaces, note_fields, quotes, richtext

_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")
#: In a name, an apostrophe after a letter is one, at a word's end too ("abbé d'" → "abbé d’"), as citeproc-js prints it.
_NAME_APOSTROPHE = re.compile(r"(?<=\w)'")
_BARE_INITIALS = re.compile(r"^(?:[A-Z]\.){2,}$")
#: Fields holding identifiers or addresses, where an apostrophe must stay as typed.
VERBATIM = {"id", "type", "URL", "DOI", "ISBN", "ISSN", "PMID", "PMCID"}
_NAME_FIELDS = ("author", "editor", "translator", "container-author", "collection-editor", "director")


Escape = Callable[[str], str]
#: CSL's number variables: printed as numbers, so tags in them are text, not markup.
_NUMERIC = {"chapter-number", "collection-number", "edition", "issue", "number", "number-of-pages",
            "number-of-volumes", "page", "page-first", "volume", "citation-number"}


def _same(text: str) -> str:
    return text


def _institution_units(literal: str) -> str:
    """A literal name's "|"-separated units as citeproc-js prints them in a style without
    institution parts: each trimmed, empty ones dropped, joined with ", " ("| FEDERAL
    COMMUNICATIONS COMMISSION | STATE OF U.S. BROADBAND" → "FEDERAL …, STATE OF …")."""
    units = [unit.strip() for unit in literal.split("|")]
    return ", ".join(unit for unit in units if unit) or literal


def _name(name: dict[str, Any], escape: Escape) -> dict[str, Any]:
    name = name_parts.parse(name)
    out = dict(name)
    if isinstance(out.get("literal"), str) and "|" in out["literal"]:
        out["literal"] = _institution_units(out["literal"])
    for key in ("non-dropping-particle", "dropping-particle"):
        particle = out.get(key)
        if not isinstance(particle, str):
            continue
        particle = particle.replace("'", "\u2019")  # "’t Hooft", "d’Alembert": typographic, as citeproc-js
        if particle.endswith(" "):
            particle = particle.rstrip()  # "de’ Frinkle": the space citeproc-py puts there anyway
        elif particle[-1:] in ("-", "\u2019") and out.get("family"):
            particle += richtext.GLUE  # "al-Farabi", "d’Alembert": no space after the particle
        out[key] = particle
    given = out.get("given")
    if isinstance(given, str) and not any(out.get(k) for k in ("family", "literal")):
        out = {k: v for k, v in out.items() if k != "given"} | {"family": given}  # "Banksy": a mononym, never initialised
    if out.pop("comma-suffix", False) and isinstance(out.get("suffix"), str) and out["suffix"]:
        out["suffix"] = richtext.COMMA_SUFFIX + out["suffix"]  # "John Doe, Jr." (see richtext.COMMA_SUFFIX)
    if isinstance(out.get("given"), str) and _BARE_INITIALS.match(out["given"]):
        out["given"] = out["given"].replace(".", ". ").strip()
    return {k: richtext.encode(_NAME_APOSTROPHE.sub("\u2019", v), escape, cased=False) if isinstance(v, str) else v
            for k, v in out.items()}


_ISO_DATE = re.compile(r"^-?\d{1,4}(?:-\d{1,2}){0,2}$")


def _date(value: dict[str, Any], escape: Escape) -> dict[str, Any]:
    """A CSL-JSON date as citeproc-js reads it: empty parts ("2000", "", "") end the date, and a date
    whose parts are all missing prints its ``raw`` text as a literal ("Bogus Date")."""
    out = dict(value)
    parts = []
    for date in value.get("date-parts") or []:
        kept = []
        for part in date if isinstance(date, list) else []:
            if part in ("", None, 0, "0"):
                break
            kept.append(part)
        if kept:
            parts.append(kept)
        elif parts and isinstance(date, list) and date:
            parts.append(date)  # [[1987], [0]]: an open range ("1987–"), citeproc-py prints it so
    raw = value.get("raw").strip() if isinstance(value.get("raw"), str) else ""
    if parts:
        out["date-parts"] = parts
    elif _ISO_DATE.match(raw):  # "2019-05": a raw date citeproc-js parses
        out["date-parts"] = [[int(p) for p in raw.split("-")]]
    else:
        out.pop("date-parts", None)
        if raw and "literal" not in value:
            out["literal"] = escape(raw)
    return out


def prepare(item: dict[str, Any], escape: Escape | None = None, unescaped: Collection[str] = VERBATIM,
            outer: tuple[str, str] = quotes.ENGLISH, inner: tuple[str, str] = quotes.ENGLISH_INNER) -> dict[str, Any]:
    """A copy of ``item`` as citeproc-py should see it (see the module docstring).

    ``escape`` is the output formatter's escaping (none for plain text); fields in
    ``unescaped`` keep their text as is; ``outer``: the locale's outer quotes, which
    straight quotes typed in a field become; ``inner``: its inner quotes, which outer quotes
    typed inside outer quotes become.
    """
    esc = escape or _same
    out: dict[str, Any] = {}
    item = note_fields.apply(item)  # "original-date: 1850" typed in the note (Zotero's Extra)
    if item.get("journalAbbreviation") and not item.get("container-title-short"):
        # Zotero's name for the short container title, which citeproc-js reads as container-title-short
        item = dict(item, **{"container-title-short": item["journalAbbreviation"]})
    for field, value in item.items():
        if field == "year-suffix":
            continue
        if field in _NAME_FIELDS and isinstance(value, list):
            value = [_name(n, esc) if isinstance(n, dict) else n for n in value]
        elif isinstance(value, dict) and ("date-parts" in value or "raw" in value):
            value = _date(value, esc)
        elif isinstance(value, str) and field not in ("id", "type"):
            if field not in VERBATIM:
                # punctuation typed after a quote inside the field stays there (guarded), as in citeproc-js
                typed = quotes.typographic(_APOSTROPHE.sub("\u2019", value), outer)
                value = quotes.guarded(narrow_spaces.narrowed(quotes.nested(typed, outer, inner)))
            if field in _NUMERIC:
                value = esc(value)  # citeproc-js reads no markup in number fields ("1<sup>er</sup>" stays text)
            elif field not in unescaped:
                value = richtext.encode(value, esc)
        out[field] = value
    return out


def prepare_text(text: str, escape: Escape | None = None, outer: tuple[str, str] = quotes.ENGLISH) -> str:
    """Text a citation adds to a cite (its prefix, suffix), read as field text is: typographic
    quotes and apostrophes, rich-text tags as markup, the rest escaped for the output
    (citeproc-js parses affixes of cites as it parses fields: "'quote', " → "“quote”, ")."""
    return richtext.encode(quotes.guarded(quotes.typographic(_APOSTROPHE.sub("\u2019", text), outer)), escape or _same)


def _who(item: dict[str, Any]) -> tuple[str, ...]:
    for field in ("author", "editor"):
        if item.get(field):
            return tuple((n.get("literal") or n.get("family", "")).casefold() for n in item[field])
    return ("", str(item.get("title", "")).casefold())


def _year(item: dict[str, Any]) -> str:
    parts = (item.get("issued") or {}).get("date-parts") or [[]]
    return str(parts[0][0]) if parts[0] else ""


def year_suffixes(items_in_order: Iterable[dict[str, Any]]) -> dict[str, str]:
    """id → "a", "b", … for items that share their names and year with another item.

    ``items_in_order`` is the sorted bibliography, so letters follow it, as the
    CSL specification asks. Undated works share "n.d." and get suffixes too.
    """
    groups: dict[tuple[tuple[str, ...], str], list[str]] = {}
    for item in items_in_order:
        groups.setdefault((_who(item), _year(item)), []).append(str(item["id"]))
    return lettered(groups.values())


def lettered(groups: Iterable[list[str]]) -> dict[str, str]:
    """id → "a", "b", … within each group of more than one id (ids in bibliography order)."""
    out: dict[str, str] = {}
    for ids in groups:
        if len(ids) > 1:
            for n, ident in enumerate(ids):
                out[ident] = letters(n)
    return out


def letters(n: int) -> str:
    """0 → "a", 25 → "z", 26 → "aa" (CSL's rule after "z")."""
    return chr(ord("a") + n) if n < 26 else letters(n // 26 - 1) + chr(ord("a") + n % 26)

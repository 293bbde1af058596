"""Locale tags for citeproc-py: accept what users type, refuse what citeproc-py lacks.

citeproc-py silently falls back to en-US when a locale file is missing, so
"--locale de_DE" or a typo would give English terms without a word. We normalise
the tag ("de_de" → "de-DE", "de" → its primary dialect "de-DE") and raise with the
closest known tags otherwise.
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz import process

from bibkaz.model import UsageError


@lru_cache(maxsize=1)
def known_locales() -> dict[str, str]:
    """Lower-cased tag → tag as citeproc-py's locale files spell it."""
    from citeproc import LANGUAGE_NAMES

    return {tag.lower(): tag for tag in LANGUAGE_NAMES}


def resolve_locale(tag: str) -> str:
    """The citeproc-py locale for ``tag``; UsageError naming the closest tags if none."""
    from citeproc import PRIMARY_DIALECTS

    wanted = tag.strip().replace("_", "-")
    known = known_locales()
    if wanted.lower() in known:
        return known[wanted.lower()]
    if wanted.lower() in PRIMARY_DIALECTS:
        return PRIMARY_DIALECTS[wanted.lower()]
    hints = [hit[0] for hit in process.extract(wanted, list(known.values()), limit=4)]
    raise UsageError(f"unknown locale {tag!r}; closest: {', '.join(hints)}")


#: en-US short month names as the CSL locales repository spells them today (and
#: citeproc-js, Zotero and citation-js ship them); citeproc-py 0.11 bundles an older
#: en-US file with "June", "July", "Sept.", so MLA entries read "Sept. 2017" where
#: every other processor prints "Sep. 2017".
CURRENT_TERMS: dict[str, dict[tuple[str, str], str]] = {
    "en-US": {("month-06", "short"): "Jun.", ("month-07", "short"): "Jul.", ("month-09", "short"): "Sep."},
}


def update_terms(style: object) -> None:
    """Bring the loaded locale files of ``style`` up to :data:`CURRENT_TERMS` (style-defined terms win)."""
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    for locale in getattr(style.root, "locales", None) or ():  # type: ignore[attr-defined]
        current = CURRENT_TERMS.get(str(locale.get(xml_lang, "")))
        if not current or locale.getparent() is not None and locale.getparent() is style.root:  # type: ignore[attr-defined]
            continue
        for term in locale.iter("{http://purl.org/net/xbiblio/csl}term"):
            text = current.get((term.get("name"), term.get("form", "long")))
            if text is not None:
                term.text = text

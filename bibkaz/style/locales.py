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

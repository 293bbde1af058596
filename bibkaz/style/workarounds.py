"""Fixes for citeproc-py 0.11 bugs that change what a reader sees.

Each fix is small, named after the CSL rule it restores, and checked against
pandoc's citeproc by bench/format_compare.py (see docs/parts/format-decisions.md).

1. ``initialize="false"`` on ``cs:name`` is ignored: Chicago and MLA inherit
   ``initialize-with=". "`` from the style element and print "Cooley, A." where
   the style asks for "Cooley, Alexander". :func:`install` wraps
   ``citeproc.model.Name.initialize`` so such names keep their given names and
   only bare initials get the mark ("James T Kirk" → "James T. Kirk", CSL 1.0.2).
2. The locale option ``punctuation-in-quote`` is read but never applied
   (the code is commented out upstream): en-US styles print “Title”. instead of
   “Title.” :func:`punctuation_in_quote` moves the period or comma inside the
   locale's closing quote after rendering.
"""

from __future__ import annotations

import re
from functools import wraps

_INITIAL = re.compile(r"^(\w)\.?$")


def _keep_given(given: str, mark: str) -> str:
    """Given names unchanged, except bare initials which get ``mark`` (CSL initialize="false")."""
    words = []
    for word in given.split():
        m = _INITIAL.match(word)
        words.append(m.group(1) + mark.rstrip() if m and word[0].isupper() else word)
    return " ".join(words)


def install() -> None:
    """Patch citeproc-py in place; idempotent, so importing bibkaz.style twice is harmless."""
    from citeproc import model

    original = model.Name.initialize
    if getattr(original, "_bibkaz_fix", False):
        return

    @wraps(original)
    def initialize(self, given, mark, context):  # type: ignore[no-untyped-def]
        if self.get("initialize", "true").lower() == "false":
            return _keep_given(str(given), mark)
        return original(self, given, mark, context)

    initialize._bibkaz_fix = True  # type: ignore[attr-defined]
    model.Name.initialize = initialize


def punctuation_in_quote(text: str, close_quotes: tuple[str, ...]) -> str:
    """Move "." and "," that follow a closing quote inside it: “Title”. → “Title.”

    A title that already ends in "?" or "!" swallows the period (“Why?”. → “Why?”),
    as the Chicago Manual and pandoc's citeproc do.
    """
    for quote in filter(None, close_quotes):
        q = re.escape(quote)
        text = re.sub(rf"([?!]){q}\.", rf"\1{quote}", text)
        text = re.sub(rf"([?!.,]){q}([.,])", rf"\1{quote}", text)
        text = re.sub(rf"{q}([.,])", rf"\1{quote}", text)
    return text

"""Punctuation-in-quote (CSL 1.0.2 locale option) as citeproc-js applies it: “Title.” not “Title”.

citeproc-py 0.11 reads the option and never applies it, so bibkaz moves marks after
rendering. citeproc-js moves the run of periods, commas, exclamation and question
marks that the style prints after a closing quote inside it; colons and semicolons
stay outside (suite fixture ``punctuation_FullMontyQuotesIn``: “exclamation!” colon,
“period.”: colon, “comma,.” period). The first mark moved meets the quoted text's
own last mark by the same table as any seam (:data:`bibkaz.style.seams.MERGE`):
“Why?” + "." → “Why?”, “Why?” + "," → “Why?,”, “colon:” + "!" → “colon!”.

A ’ is a closing quote only after an open ‘ it closes; otherwise it is an apostrophe
("Hawks’, Jon." stays), as citeproc-js tells them apart.

Marks typed after a quote in a cite's affix are not the style's: :mod:`bibkaz.style.quotes`
guards them (``GUARD``) and they stay where they were typed.
"""

from __future__ import annotations

import re

from bibkaz.style import seams

_MOVED = "[.,!?]+"
#: English close-inner-quote, which is also the apostrophe (“Farmers’”, "abbé d’")
APOSTROPHE = "\u2019"
_OPEN_SINGLE = "\u2018"


def _closes_single_quote(before: str) -> bool:
    """Whether a ’ after ``before`` closes a ‘ (an apostrophe between letters, "Don’t", closes nothing)."""
    opened = before.rfind(_OPEN_SINGLE)
    if opened < 0:
        return False
    return not re.search(r"\u2019(?!\w)", before[opened:])


def punctuation_in_quote(text: str, close_quotes: tuple[str, ...]) -> str:
    """``text`` with the marks after each of ``close_quotes`` moved inside it (none when the
    locale does not ask: ``close_quotes`` is then empty)."""
    quotes = [q for q in close_quotes if q]
    if not quotes:
        return text
    text = seams.apply_erase(text)  # seams decided before marks move ("colon:" + "!" → "colon!")

    def move(m: re.Match[str]) -> str:
        quote, markup, run = m.group(1), m.group(2), m.group(3)
        if quote == APOSTROPHE and not _closes_single_quote(m.string[: m.start()]):
            return m.group(0)  # "Hawks’, Jon": an apostrophe, not a quotation mark
        kept = seams.merged(m.string[: m.start()], run[0])
        if kept is not None:
            run = kept + run[1:]
        return f"{run}{quote}{markup}"

    # Outer quote first, then the inner one: a mark moved inside “… ‘The One’” goes on inside ‘The One.’
    for quote in quotes:
        text = seams.apply_erase(re.sub("(" + re.escape(quote) + r")((?:</[a-z]+>|\*)*)(" + _MOVED + ")", move, text))
    return text

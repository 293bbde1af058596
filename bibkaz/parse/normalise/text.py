"""Cleaning of free-text fields (titles, containers, publishers)."""

from __future__ import annotations

import re

_EDGE = " \t\n.,;:/–—-"
_QUOTES = "\"'“”‘’«»„"
# Compiled once: clean_field runs on every field of every parsed reference.
_ITALIC_TAG = re.compile(r"</?i(?:talic)?>")
_EMPHASIS = re.compile(r"(?<!\w)[*_]{1,2}(?=\S)|(?<=\S)[*_]{1,2}(?!\w)")
_ABBREV_INSIDE = re.compile(r"\b[A-Z][a-z]{0,6}\.\s\S")
_ABBREV_END = re.compile(r"\b[A-Z][a-z]{0,6}$")
_NOT_FOLDED = re.compile(r"[^a-z0-9 ]+")
#: The letters re.IGNORECASE matches to an ASCII letter that str.lower() does not make that
#: letter (dotted and dotless i, long s): see folded.
_IGNORECASE_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


def folded(s: str) -> str:
    """``s`` in lower case as re.IGNORECASE compares letters, for the cheap substring tests
    that let a costly case-blind search be skipped when its keyword cannot be there."""
    if "İ" in s or "ı" in s or "ſ" in s:
        return s.translate(_IGNORECASE_FOLD).lower()
    return s.lower()


def any_word(s: str, words: tuple[str, ...]) -> bool:
    """Does any of ``words`` (lower case) occur in ``s`` as a case-blind search would find it?"""
    low = folded(s)
    return any(w in low for w in words)


#: The quote that opens a quoted word for each closing one.
_OPENER = {"'": "'", "’": "‘", "”": "“", '"': '"', "»": "«"}


def clean_field(text: str) -> str:
    """Strip markup and the punctuation a style puts around a field.

    "*International Affairs*," → "International Affairs"; "“Why No Kazakh
    Novorossiya?”" → "Why No Kazakh Novorossiya?" (a closing ? or ! belongs to
    the title and stays).
    """
    s = _ITALIC_TAG.sub("", text) if "<" in text else text
    s = _EMPHASIS.sub("", s) if ("*" in s or "_" in s) else s
    s = " ".join(s.split())
    for _ in range(3):
        s = s.strip(_EDGE)
        if s and s[0] not in _QUOTES and (s[-1] not in _QUOTES or _closes_quoted_word(s)):
            # No quote at either edge: the rest of this round and every later
            # round leave ``s`` as it is (it is already stripped of _EDGE).
            break
        if len(s) >= 2 and s[0] in _QUOTES and s[-1] in _QUOTES:
            s = s[1:-1]
        s = s.strip(_EDGE + _QUOTES) if s[:1] in _QUOTES or s[-1:] in _QUOTES else s
    # A name ending in an abbreviation keeps its dot when it is made of abbreviations
    # ("Proc. IEEE PES Eur. Conf. Smart Grid Technol.", "U.S."); other fields lose it.
    if _keeps_final_dot(text, s):
        s += "."
    return s


def _closes_quoted_word(s: str) -> bool:
    """Whether the quote ending ``s`` closes words quoted inside it ("keras: R Interface
    to 'Keras'", "On the “Right to Be Forgotten”"): it is part of the field, not the
    style's quotes around it."""
    opener = _OPENER.get(s[-1])
    at = s.rfind(" " + opener, 0, len(s) - 1) if opener else -1
    return at >= 0 and at + 2 < len(s) - 1


def _keeps_final_dot(text: str, s: str) -> bool:
    """Whether the cleaned ``s`` of ``text`` ends in an abbreviation among abbreviations.

    Cheapest tests first; the regexes are only run where they can match. ``s``
    has no whitespace but single spaces (it was re-joined on ``split()``, which
    splits on exactly what ``\\s`` matches), so ``\\s\\S`` inside it needs ". ";
    and _ABBREV_END (at most 7 letters anchored at the end, its ``\\b`` looking
    one character further back) gives the same answer on the last 8 characters.
    """
    return (
        text.rstrip(" ,;*_\"'”’").endswith(".")
        and _ABBREV_END.search(s[-8:]) is not None
        and ". " in s
        and _ABBREV_INSIDE.search(s) is not None
    )


def fold(text: str) -> str:
    """Lower-case ASCII letters and digits only: for comparisons, never for output."""
    from anyascii import anyascii

    return _NOT_FOLDED.sub(" ", anyascii(text).lower()).strip()

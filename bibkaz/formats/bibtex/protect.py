"""Brace the words of a title that a style must never lower-case.

BibTeX styles that change case (APA's sentence case, for one) lower-case every
word not in braces. Proper nouns and acronyms must survive: "{Kazakhstan}",
"{CSTO}". Which capitalised words are proper nouns is decided from (a) their
shape (acronyms, inner capitals, digits), (b) the title itself when it is in
sentence case (a capital mid-title then marks a proper noun), and (c) a set of
known proper nouns: a shipped list of place names plus every word the library
capitalises mid-title in its sentence-case titles.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Iterable

_WORD = re.compile(r"[^\W\d_][\w'’\-]*|\d[\w\-]*", re.UNICODE)
_SMALL = {"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "on", "or",
          "over", "per", "the", "to", "up", "via", "vs", "with", "without", "is", "are", "be", "its"}


@lru_cache(maxsize=1)
def _gazetteer() -> frozenset[str]:
    text = resources.files("bibkaz.data").joinpath("proper_nouns.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _core(word: str) -> str:
    return re.sub(r"['’]s$", "", word)


def is_sentence_case(title: str) -> bool:
    """True when most words after the first are lower-case (so capitals are meaningful)."""
    words = [w for w in _WORD.findall(title)[1:] if w[0].isalpha() and w.lower() not in _SMALL]
    if len(words) < 2:
        return False
    lower = sum(1 for w in words if w[0].islower())
    return lower / len(words) >= 0.5


def _starts(title: str) -> set[int]:
    """Positions where a capital is required anyway: title start, after ": ", "? ", ". "."""
    starts = {0}
    for m in re.finditer(r"[:?!.—–]\s+|^\W*", title):
        starts.add(m.end())
    return starts


def proper_nouns_from(titles: Iterable[str]) -> frozenset[str]:
    """Words capitalised mid-title in sentence-case titles: the library's own proper nouns."""
    found: set[str] = set()
    for title in titles:
        if not is_sentence_case(title):
            continue
        starts = _starts(title)
        for m in _WORD.finditer(title):
            w = m.group(0)
            if m.start() not in starts and w[0].isupper():
                found.add(_core(w))
    return frozenset(found)


def needs_braces(word: str, at_start: bool, sentence_case: bool, known: frozenset[str]) -> bool:
    core = _core(word)
    if sum(1 for c in core if c.isupper()) >= 2 or (core[:1].islower() and any(c.isupper() for c in core)):
        return True  # CSTO, EU, iPhone, McDonald
    if not core[:1].isupper():
        return False
    if core in _gazetteer() or core in known:
        return True
    return sentence_case and not at_start


def protect_title(title: str, known: frozenset[str] = frozenset()) -> str:
    """Return ``title`` (already LaTeX-escaped) with proper nouns in braces.

    Braces go around whole words only, so "{Kazakhstan}’s" keeps its kerning.
    """
    sentence_case = is_sentence_case(title)
    starts = _starts(title)
    out: list[str] = []
    last = 0
    for m in _WORD.finditer(title):
        word = m.group(0)
        if word.startswith("\\") or title[max(0, m.start() - 1)] == "\\":
            continue
        if needs_braces(word, m.start() in starts, sentence_case, known):
            core = _core(word)
            out.append(title[last : m.start()])
            out.append("{" + core + "}" + word[len(core) :])
            last = m.end()
    out.append(title[last:])
    return "".join(out)

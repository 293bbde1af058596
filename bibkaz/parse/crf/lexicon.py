"""Small word lists the features consult (lexicons/*.txt, hand-compiled).

A CRF learns most cues from the training data itself; lists help for words the
data rarely shows (a given name, a place, a month in another language). They are
plain text, one or more lower-case words per line, ``#`` starting a comment, so
anyone can extend them without touching code.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_DIR = Path(__file__).with_name("lexicons")
NAMES = ("months", "given-names", "journal-words", "publisher-words", "places")


@lru_cache(maxsize=None)
def lexicon(name: str) -> frozenset[str]:
    """The words of ``lexicons/<name>.txt``, lower case."""
    words: set[str] = set()
    with open(_DIR / f"{name}.txt", encoding="utf-8") as fh:
        for line in fh:
            line = line.split("#", 1)[0]
            words.update(w.lower() for w in line.split())
    return frozenset(words)

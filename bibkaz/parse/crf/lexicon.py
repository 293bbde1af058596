"""Small word lists the features consult (lexicons/*.txt, hand-compiled).

A CRF learns most cues from the training data itself; lists help for words the
data rarely shows (a given name, a place, a month in another language). They are
plain text, one or more lower-case words per line, ``#`` starting a comment, so
anyone can extend them without touching code.
"""

from __future__ import annotations

import re
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


@lru_cache(maxsize=1)
def _outlets() -> dict[str, str]:
    """lexicons/news-outlets.txt as {folded name: "N" or "M"}, the first row winning."""
    kinds: dict[str, str] = {}
    with open(_DIR / "news-outlets.txt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or "\t" not in line:
                continue
            kind, name = line.rstrip("\n").split("\t", 1)
            kinds.setdefault(_fold_outlet(name), kind)
    return kinds


def _fold_outlet(name: str) -> str:
    """A container's name as the outlet list is looked up: lower case, without the
    punctuation around it and without a leading "The"."""
    name = name.strip().strip(".,;:()[]\"“”'‘’*_ ").lower()
    return name[4:] if name.startswith("the ") else name


@lru_cache(maxsize=4096)
def news_outlet(container: str) -> str:
    """"article-newspaper" or "article-magazine" when ``container`` is wholly a news outlet's
    name in lexicons/news-outlets.txt ("The Hill,", "Reuters.", "The New Yorker"), else ""."""
    kind = _outlets().get(_fold_outlet(container))
    if kind is None:
        return ""
    return "article-newspaper" if kind == "N" else "article-magazine"


_HOST = re.compile(r"^\s*<?(?:https?\s*:\s*//)?(?:www\d?\.)?([^/\s:?#>]+)", re.I)


@lru_cache(maxsize=4096)
def news_site(url: str) -> str:
    """"article-newspaper" or "article-magazine" when ``url``'s host (or the domain it is under:
    "edition.cnn.com" → "cnn.com") is a news outlet's address in lexicons/news-outlets.txt."""
    match = _HOST.match(url)
    if not match:
        return ""
    host = match.group(1).lower().rstrip(".")
    kinds = _outlets()
    parts = host.split(".")
    for start in range(max(len(parts) - 1, 1)):
        kind = kinds.get(".".join(parts[start:]))
        if kind:
            return "article-newspaper" if kind == "N" else "article-magazine"
    return ""

"""Small lexicons the rule parser consults (data files in bibkaz/data)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def periodicals() -> tuple[tuple[str, str], ...]:
    text = resources.files("bibkaz.data").joinpath("periodicals.txt").read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if line and not line.startswith("#") and "\t" in line:
            kind, name = line.split("\t", 1)
            rows.append((kind, name.strip()))
    return tuple(rows)


@lru_cache(maxsize=1)
def _periodical_index() -> tuple[dict[str, str], dict[str, tuple[int, str]]]:
    """The periodicals by lower-case name (and "the " + name), and the one-word ones by that
    word with their place in the list: the first row that matches wins, as in a scan."""
    whole: dict[str, str] = {}
    words: dict[str, tuple[int, str]] = {}
    for at, (kind, name) in enumerate(periodicals()):
        low = name.lower()
        whole.setdefault(low, kind)
        whole.setdefault(f"the {low}", kind)
        if " " not in name:
            words.setdefault(low, (at, kind))
    return whole, words


def periodical_kind(container: str) -> str:
    """"article-newspaper", "article-magazine" or "" for a container name.

    Whole names win over words ("Wall Street Journal" is a newspaper although
    "Journal" alone would also say so; "Foreign Policy" is a magazine).
    """
    whole, by_word = _periodical_index()
    c = container.strip().lower()
    kind = whole.get(c)
    if kind is None:
        found = [by_word[w] for w in set(c.replace("/", " ").split()) if w in by_word]
        if not found:
            return ""
        kind = min(found)[1]
    return "article-newspaper" if kind == "N" else "article-magazine"

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


def periodical_kind(container: str) -> str:
    """"article-newspaper", "article-magazine" or "" for a container name.

    Whole names win over words ("Wall Street Journal" is a newspaper although
    "Journal" alone would also say so; "Foreign Policy" is a magazine).
    """
    c = container.strip().lower()
    for kind, name in periodicals():
        if c == name.lower() or c == f"the {name.lower()}":
            return "article-newspaper" if kind == "N" else "article-magazine"
    words = set(c.replace("/", " ").split())
    for kind, name in periodicals():
        if " " not in name and name.lower() in words:
            return "article-newspaper" if kind == "N" else "article-magazine"
    return ""

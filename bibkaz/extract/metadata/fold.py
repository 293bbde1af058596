"""A document's text folded to small letters, for the page-wide checks of the record's finders.

Many finders look for a few words anywhere in a document ("last edited", "prepared by", "published")
before they read its lines one by one; most documents hold none, and the line scan is skipped. A
case-blind pattern (``re.IGNORECASE``) tried at every character of a page is several times slower
than ``str.find`` or a plain pattern on the folded text, which finds the same places.
"""

from __future__ import annotations

from functools import lru_cache


def fold(text: str) -> str:
    """``text`` in small letters as a case-blind pattern of ASCII words sees it: "İ", "ı" and "ſ" read
    as i, i and s (what ``re.IGNORECASE`` matches them with; ``str.lower`` keeps the last two and
    writes the first as two characters; "K", the Kelvin sign, it lowers to k as the pattern does)."""
    low = text.replace("İ", "i").lower()
    if "ı" in low or "ſ" in low:
        low = low.replace("ı", "i").replace("ſ", "s")
    return low


@lru_cache(maxsize=8)
def folded(text: str) -> str:
    """:func:`fold` of a whole document, cached: several finders fold the same one."""
    return fold(text)


def holds_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether folded ``text`` holds one of ``words`` (given in small letters)."""
    low = folded(text)
    return any(word in low for word in words)



def lines_holding(lines: list[str], words: tuple[str, ...], lowered: str | None = None) -> list[int]:
    """The indices, in order, of the lines whose folded text (:func:`fold`) holds one of ``words`` (given
    as folded text spells them); with ``lowered`` (the lines joined by newlines, ``str.lower``-ed: a
    finder that compares ``line.lower()``), the lines whose ``str.lower`` holds one.

    Why: many finders try a pattern on only the lines holding one of a few words. Lowering and testing
    each line in turn is a Python loop over the whole document; ``str.find`` on the joined text finds
    the same lines in C. A line holding a newline itself (the joined text then splits otherwise) is
    looked at line by line."""
    low = lowered if lowered is not None else folded("\n".join(lines))
    if low.count("\n") != len(lines) - 1:
        spell = str.lower if lowered is not None else fold
        return [i for i, line in enumerate(lines) if any(word in spell(line) for word in words)]
    hits = []
    for word in words:
        at = low.find(word)
        while at >= 0:
            hits.append(at)
            at = low.find(word, at + 1)
    return line_indices(low, hits)


def line_indices(text: str, positions: list[int]) -> list[int]:
    """The indices, in order and once each, of the lines of ``text`` (split at newlines) holding ``positions``."""
    out: list[int] = []
    line_no, pos = 0, 0
    for at in sorted(positions):
        line_no += text.count("\n", pos, at)
        pos = at
        if not out or out[-1] != line_no:
            out.append(line_no)
    return out

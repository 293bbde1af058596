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

"""How the tagger compares text: lower-case words of letters or of digits, accents taken off."""

from __future__ import annotations

import re
import unicodedata

_WORDS = re.compile(r"[a-z]+|[0-9]+")


def words(text: str) -> list[str]:
    """Lower-case words of letters or of digits, accents taken off ("Verhulst¹" is "verhulst", "1"): how a
    gold value and a line, or two lines, are compared."""
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c)).lower()
    return _WORDS.findall(t)

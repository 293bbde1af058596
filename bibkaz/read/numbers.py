"""Numbers a reader takes from a file's own text or markup, which may hold anything.

``str.isdigit`` is true of "²", "①" and a run of 5,000 digits, and ``int`` refuses all three (a
superscript or circled digit is no decimal one; Python converts at most 4,300 digits): a list's
``start="²"``, a PDF line opened by a small "¹" in the margin or an anchor "<a id="fn2">²</a>"
failed the whole file. A number here is one to nine decimal digits of any script ("12", "١٢").
"""

from __future__ import annotations

#: No list, note or page a reader numbers runs past this many digits.
MAX_DIGITS = 9


def is_number(text: str) -> bool:
    """Whether ``text`` is a number :func:`number` reads: one to nine decimal digits."""
    return text.isdecimal() and len(text) <= MAX_DIGITS


def number(text: str, default: int) -> int:
    """``text`` as a number, or ``default`` when it is none (see :func:`is_number`)."""
    return int(text) if is_number(text) else default

"""Page ranges whose pages carry letters, as citeproc-js reads them (CSL 1.0.2, "Appendix V: Page Range Formats").

CSL formats ranges of numbers; citeproc-js extends this to pages that share a
letter prefix and prints every other "range" as it was typed:

- both pages with the same prefix ("N110 - N5", "n11564-n1568"): the numbers are
  formatted, the prefix printed before the first page, and before the last one
  only when the range is "expanded" ("N110–N115", minimal "n11564–8", Chicago
  "8n11564–68");
- pages with different prefixes, a prefix on one page only, or words
  ("N110 - 5", "110 - N6", "3-B", "Michaelson-Morely"): printed as typed, with a
  hyphen and without the spaces around it ("N110-5");
- numbers, roman numerals: the usual page-range-format (citeproc-py's code).

A hyphen typed with a backslash ("327\\-30", "3\\-B") is no range: citeproc-js prints it
as a plain hyphen, formats nothing around it, and counts the field as one number
(:mod:`bibkaz.style.plurals`).

Fields reach citeproc-py escaped for the output, so the "&" that separates pages
("213 & 235") arrives as "&amp;" in HTML; it is read back before the fields are
split (citeproc-py split the entity itself: "213 &amp; amp; 235").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

_RANGE = re.compile(r"^\s*(\S(?:.*?\S)?)\s*[-\u2013]\s*(\S(?:.*?\S)?)\s*$")
_PREFIXED = re.compile(r"^(.*?\D)(\d+)$")
_ROMAN = re.compile(r"^[ivxlcdm]+$", re.I)


@dataclass(frozen=True)
class LetteredRange:
    """A range citeproc-py must not format itself: ``prefix`` and two numbers, or text as typed."""

    first: str
    last: str
    prefix: str | None  # None: print as typed


def lettered(item: str) -> LetteredRange | None:
    """The range in ``item`` when its pages carry letters (see the module); None for plain ranges,
    roman numerals and single pages."""
    m = _RANGE.match(item)
    if not m:
        return None
    first, last = m.group(1), m.group(2)
    if "-" in first or "-" in last or "\u2013" in first or "\u2013" in last:
        return None
    if (first.isdigit() and last.isdigit()) or (_ROMAN.match(first) and _ROMAN.match(last)):
        return None
    a, b = _PREFIXED.match(first), _PREFIXED.match(last)
    if a and b and a.group(1) == b.group(1):
        return LetteredRange(a.group(2), b.group(2), a.group(1))
    return LetteredRange(first, last, None)


def render(rng: LetteredRange, format_last: Callable[[str, str], str], delimiter: str, expanded: bool) -> str:
    """``rng`` as citeproc-js prints it: ``format_last(first, last)`` gives the last page's number
    under the style's page-range-format."""
    if rng.prefix is None:
        return f"{rng.first}-{rng.last}"
    last = format_last(rng.first, rng.last)
    return f"{rng.prefix}{rng.first}{delimiter}{rng.prefix if expanded else ''}{last}"


def split_items(value: str) -> list[list[str]]:
    """``value`` cut as citeproc-py cuts it: comma-separated parts, each cut at "&"."""
    return [part.split("&") for part in value.split(",")]


def escaped_hyphens(value: str) -> str | None:
    """``value`` with its backslash-escaped hyphens printed as hyphens ("327\\-30" → "327-30");
    None when it has none (the range is then formatted as usual)."""
    if "\\-" not in value and "\\\u2013" not in value:
        return None
    return value.replace("\\\u2013", "-").replace("\\-", "-")

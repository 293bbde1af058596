"""Page ranges."""

from __future__ import annotations

import re

# A range never starts inside a run of digits (a match there implies one at the run's
# start), so "(?<!\d)" changes no result; it stops the search from retrying the
# run at every digit, which made a long run of digits quadratic.
_RANGE = re.compile(r"((?:[A-Za-z]|(?<!\d))\d+[A-Za-z]?)\s*(?:[-‐‑‒–—]+|to)\s*([A-Za-z]?\d+[A-Za-z]?)")
_SINGLE = re.compile(r"[A-Za-z]?\d+[A-Za-z]?")
#: A page number with a thousands separator, as Bluebook prints the Federal Register's ("88 Fed.
#: Reg. 55,694"): one number, not pages 55 and 694.
_THOUSANDS = re.compile(r"(?<![\d,])(\d{1,3}),(\d{3})(?![\d,])")


def normalise_pages(text: str) -> str:
    """"pp. 975–993." → "975-993"; "p. 12" → "12"; "975-93" → "975-993" (expanded); "55,694" → "55694"."""
    if "," in text:
        text = _THOUSANDS.sub(r"\1\2", text)
    m = _RANGE.search(text)
    if m:
        start, end = m.group(1), m.group(2)
        if start.isdigit() and end.isdigit() and len(end) < len(start) and int(end) < int(start):
            end = start[: len(start) - len(end)] + end
        return f"{start}-{end}"
    m = _SINGLE.search(text)
    return m.group(0) if m else ""

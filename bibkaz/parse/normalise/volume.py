"""Volume and issue, which styles print in many shapes."""

from __future__ import annotations

import re

_PATTERNS = (
    re.compile(r"vol(?:ume)?\.?\s*(\w+)\s*,?\s*(?:no|nr|issue|iss|num)\.?\s*(\w+(?:[-–/]\w+)?)", re.I),
    re.compile(r"^\s*(\d+)\s*\(\s*([\w\s/–-]+?)\s*\)"),
    re.compile(r"^\s*(\d+)\s*[.:]\s*(\d+)\s*$"),
    re.compile(r"(?:no|nr|issue)\.?\s*(\w+)", re.I),
)
_WHOLE_WORD = re.compile(r"^\s*(?:vol(?:ume)?\.?\s*)?(\w+)\s*$", re.I)


def split_volume_issue(text: str) -> tuple[str, str]:
    """"17(4)," → ("17", "4"); "vol. 5, no. 1" → ("5", "1"); "65" → ("65", "");
    "no. 3" → ("", "3")."""
    s = text.strip(" ,.;:")
    # _PATTERNS[0] needs "vol" (v, o and l have no other case forms under re.I).
    m = _PATTERNS[0].search(s) if "vol" in s.lower() else None
    if m:
        return m.group(1), m.group(2).replace("–", "-")
    m = _PATTERNS[1].search(s)
    if m:
        return m.group(1), m.group(2).strip().replace("–", "-")
    m = _PATTERNS[2].search(s)
    if m:
        return m.group(1), m.group(2)
    m = _WHOLE_WORD.match(s)
    if m:
        return m.group(1), ""
    m = _PATTERNS[3].search(s)
    if m:
        return "", m.group(1)
    return s, ""

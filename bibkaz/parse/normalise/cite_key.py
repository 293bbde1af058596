"""A reference list's citation key in front of an entry: "[RFC4120] IETF, …", "[SP800-63] NIST
Special Publication …", and the Markdown a converted page leaves of it,
"[[EO13985]](references.md#ref-EO13985){:name="ref-EO13985"} Executive Order 13985, …".

IETF, NIST and W3C documents label their references by such keys rather than numbers. The key
names the entry within the citing document, not the work, and the model, which learnt keys only
as numbers ("[12]"), read it into the first author's name or the series. A number in brackets
stays: the model reads those (and the finder uses them).
"""

from __future__ import annotations

import re

#: "[KEY]" or "[[KEY]](target){:attributes}" at the start, then the entry. The key is one word
#: of letters, digits and ".:_/-" with a digit or two capitals ("RFC4120", "SP800-63A",
#: "FEDRAMP", "Smith2019"), so "[Internet]" or "[Anonymous]" is not taken for one.
_KEY = re.compile(
    r"^\s*\[\[?(?P<key>[A-Za-z][A-Za-z0-9.:_/-]{1,30})\]\]?(?:\([^()\s]*\))?(?:\{:[^{}]*\})?\s+(?=\S)"
)


def _is_key(key: str) -> bool:
    return any(c.isdigit() for c in key) or sum(c.isupper() for c in key) >= 2


def without_cite_key(text: str) -> str:
    """``text`` without the citation key it opens with (see the module docstring)."""
    if not text.lstrip().startswith("["):
        return text
    m = _KEY.match(text)
    if m is None or not _is_key(m.group("key")):
        return text
    return text[m.end():]

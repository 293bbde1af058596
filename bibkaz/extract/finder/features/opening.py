"""How a line opens: a note or list number in its many forms, a bullet, a name.

Why: an entry or a note starts with a marker ("1.", "[1]", "1)", "1-", "¹",
a number alone on its line, a number glued to the first word, "- ", "• ") or,
in unnumbered lists, with an author's name ("Family, I.", "———.", "World Bank
(2021)"). Whether the number continues the sequence of the numbered lines
before it tells a note number from a figure that starts a sentence.
"""

from __future__ import annotations

import re

from bibkaz.extract.finder.lines import Line

_NAME_OPENINGS = (
    ("family-initial", re.compile(r"^[A-Z\u00C0-\u024F][\w’'`\-]+(?:\s[A-Z\u00C0-\u024F][\w’'\-]+){0,2},\s(?:[A-Z]\.|[A-Z]\b)")),
    ("family-given", re.compile(r"^[A-Z\u00C0-\u024F][\w’'`\-]+(?:\s[A-Z\u00C0-\u024F][\w’'\-]+){0,2},\s[A-Z][a-z]+")),
    ("particle", re.compile(r"^(?:van|von|de|di|da|du|del|der|al|el|la|le)\s[A-Z][\w’'\-]+,\s")),
    ("given-family", re.compile(r"^(?:[A-Z][a-z]+|[A-Z]\.)(?:\s[A-Z]\.)*\s[A-Z][\w’'\-]+(?:\s(?:and|&)\s|,\s)")),
    ("dashes", re.compile(r"^[—–_-]{2,}")),
    ("org-year", re.compile(r"^[A-Z][\w&.,’'\s-]{1,60}?\s?[.(]\s?(?:1[5-9]\d\d|20\d\d|n\.d\.)")),
    ("initials", re.compile(r"^(?:[A-Z]\.\s?){1,3}\s?[A-Z][\w’'\-]+")),
    ("quote", re.compile(r"^[“\"‘]")),
    ("url", re.compile(r"^(?:<?https?://|www\.)")),
    ("access", re.compile(r"^(?:accessed|retrieved|available (?:at|from|online)|viewed|last visited|doi:)", re.I)),
    ("ibid", re.compile(r"^(?:\*?ibid|id\.|ibidem|op\.\s?cit)", re.I)),
    ("see", re.compile(r"^(?:see|cf\.|for|on|as|this|the|in)\b", re.I)),
)


#: The ASCII characters each name pattern can start with (a pattern opens with a character
#: class or a few alternative words; the case-insensitive ones with both cases). A line's
#: ``rest`` is tried only against the patterns its first character allows; a line opening
#: with any other character (non-ASCII: "Ä", "—", "“", "ſ" under re.I) is tried against all.
_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_FIRST_CHARS = {
    "family-initial": _UPPER, "family-given": _UPPER, "particle": "vdael", "given-family": _UPPER,
    "dashes": "_-", "org-year": _UPPER, "initials": _UPPER, "quote": '"', "url": "<hw",
    "access": "arvldARVLD", "ibid": "*ioIO", "see": "scfoatiSCFOATI",
}
_BY_FIRST = {chr(c): tuple((name, p) for name, p in _NAME_OPENINGS if chr(c) in _FIRST_CHARS[name]) for c in range(128)}


def _first_class(text: str) -> str:
    if not text:
        return "empty"
    c = text[0]
    if c.isupper():
        return "upper"
    if c.islower():
        return "lower"
    if c.isdigit():
        return "digit"
    return "punct"


def observe(lines: list[Line]) -> list[list[str]]:
    out = []
    for line in lines:
        f = [f"mark={line.marker}"]
        if line.value is not None:
            f.append("num=1" if line.value == 1 else ("num<10" if line.value < 10 else "num<100" if line.value < 100 else "num>=100"))
            f.append(f"seq={'c' if line.continues else '-'}{'f' if line.followed else '-'}")
            f.append(f"mark-seq={line.marker}:{int(line.continues)}{int(line.followed)}")
            f.append(f"called={int(line.called)}")
            if line.continues_far and not line.continues:
                f.append(f"seq-far={int(line.called)}")
        rest = line.rest
        f.append(f"first={_first_class(rest)}")
        for name, pattern in _BY_FIRST.get(rest[:1], _NAME_OPENINGS) if rest else ():
            if pattern.match(rest):
                f.append(f"opens={name}")
        if line.marker == "bullet":
            f.append(f"bullet-first={_first_class(rest)}")
        out.append(f)
    return out

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
#: What a line's ``rest`` must hold for a name pattern to match it (each pattern holds the string
#: literally: ", " or "&" or " and " in a name list, a year's "1" or "20" or "n.d.", an initial's
#: dot after one letter), tested before the pattern: most lines fail these at once.
_HOLDS = {
    "family-initial": lambda rest: "," in rest,
    "family-given": lambda rest: "," in rest,
    "particle": lambda rest: "," in rest,
    "given-family": lambda rest: "," in rest or "&" in rest or "and" in rest,
    "org-year": lambda rest: "1" in rest or "20" in rest or "n.d." in rest,
    "initials": lambda rest: rest[1:2] == ".",
}
_BY_FIRST = {chr(c): tuple((name, p, _HOLDS.get(name)) for name, p in _NAME_OPENINGS if chr(c) in _FIRST_CHARS[name])
             for c in range(128)}
#: Every pattern, for a line opening with a character other than ASCII.
_ALL = tuple((name, p, _HOLDS.get(name)) for name, p in _NAME_OPENINGS)


_OPENS = {name: f"opens={name}" for name, _ in _NAME_OPENINGS}


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


#: Each feature string made once: by the line's marker, first character's class, and where its
#: number stands in the sequence (continues, followed, called).
_MARK = {marker: f"mark={marker}" for marker in ("none", "bullet", "md-note", "bracket", "sup", "alone", "dot",
                                                 "paren", "dash", "space", "glued")}
_FIRST = {kind: f"first={kind}" for kind in ("empty", "upper", "lower", "digit", "punct")}
_BULLET_FIRST = {kind: f"bullet-first={kind}" for kind in _FIRST}
_SEQ = {(c, f): f"seq={'c' if c else '-'}{'f' if f else '-'}" for c in (False, True) for f in (False, True)}
_MARK_SEQ = {(m, c, f): f"mark-seq={m}:{int(c)}{int(f)}" for m in _MARK for c in (False, True) for f in (False, True)}


#: "first=…" and "bullet-first=…" by a text's first character, for the ASCII ones (others are
#: classed by :func:`_first_class`).
_FIRST_OF = {chr(c): _FIRST[_first_class(chr(c))] for c in range(128)}
_BULLET_FIRST_OF = {chr(c): _BULLET_FIRST[_first_class(chr(c))] for c in range(128)}


def observe(lines: list[Line]) -> list[list[str]]:
    out = []
    mark = _MARK
    first_of, by_first = _FIRST_OF.get, _BY_FIRST.get
    for line in lines:
        marker, value = line.marker, line.value
        f = [mark[marker] if marker in mark else f"mark={marker}"]
        if value is not None:
            continues, followed = line.continues, line.followed
            f.append("num=1" if value == 1 else ("num<10" if value < 10 else "num<100" if value < 100 else "num>=100"))
            f.append(_SEQ[continues, followed])
            f.append(_MARK_SEQ.get((marker, continues, followed)) or f"mark-seq={marker}:{int(continues)}{int(followed)}")
            f.append("called=1" if line.called else "called=0")
            if line.continues_far and not continues:
                f.append("seq-far=1" if line.called else "seq-far=0")
        rest = line.rest
        head = rest[:1]
        f.append(first_of(head) or _FIRST[_first_class(rest)])
        if head:
            for name, pattern, holds in by_first(head, _ALL):
                if (holds is None or holds(rest)) and pattern.match(rest):
                    f.append(_OPENS[name])
        if marker == "bullet":
            f.append(_BULLET_FIRST_OF.get(head) or _BULLET_FIRST[_first_class(rest)])
        out.append(f)
    return out

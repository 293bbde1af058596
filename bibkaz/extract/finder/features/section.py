"""The heading a line stands under: notes, references, or something else.

Why: a "Notes" or "References" heading changes what every line after it is
likely to be, until the next heading. Which words make such a heading is a
feature here, not a decision: the model weighs it against what the lines
below look like (a "Sources" heading over a table is no reference list).
"""

from __future__ import annotations

import re

from bibkaz.extract.finder.features.vocabulary import ids, names_of
from bibkaz.extract.finder.lines import Line

NOTE_HEADINGS = ("notes", "endnotes", "footnotes", "end notes", "notes and references", "references and notes")
REFERENCE_HEADINGS = (
    "references", "reference list", "bibliography", "select bibliography", "works cited", "works consulted",
    "sources", "literature", "literature cited", "cited works", "cited literature", "citations", "further reading",
    "sources and further reading", "list of references", "selected bibliography", "selected references",
    "references cited", "source", "bibliographie", "literatur", "referencias", "bibliografía",
    "bibliography and references", "references and bibliography", "sources and references",
    "references and sources", "works cited and consulted", "resources and references", "references and resources",
    "references and further reading", "further reading and references", "sources cited", "key sources", "selected sources", "selected readings", "recommended reading",
)
_HEADING = re.compile(
    r"^\s*(?:#{1,6}\s*)?(?:\*\*|__|\*)?\s*(?:[\dIVX]+(?:\\?\.)?\s+)?(?P<name>"
    + "|".join(re.escape(h) for h in sorted(NOTE_HEADINGS + REFERENCE_HEADINGS, key=len, reverse=True))
    + r")\s*:?\s*(?:\*\*|__|\*)?\s*:?\s*$",
    re.I,
)
_MARKUP_HEADING = re.compile(r"^(?:#{1,6}\s+\S|\*\*[^*]{2,80}\*\*\s*:?$|__[^_]{2,80}__$|[=-]{3,}$)")


#: What may follow a heading's name: white space (as \s matches it in an ASCII line), colons,
#: bold or italic marks. An ASCII line that, without them, does not end with a heading's name is
#: no heading, and skips the pattern (which is slow on long lines). Other lines always try it
#: (under re.I "ſ" matches "s", "K" the Kelvin sign matches "k").
_TAIL = "".join(c for c in map(chr, range(128)) if c.isspace()) + ":*_"
_NAMES = tuple(NOTE_HEADINGS + REFERENCE_HEADINGS)


#: MediaWiki's section edit link, which a page copied from a browser keeps after each heading.
EDIT_LINK = "[edit]"


def heading_kind(text: str) -> str:
    """"notes", "references", or "" for a line that is no back-matter heading."""
    if text.rstrip().endswith(EDIT_LINK):
        text = text.rstrip()[: -len(EDIT_LINK)]
    if text.isascii() and not text.rstrip(_TAIL).lower().endswith(_NAMES):
        return ""
    m = _HEADING.match(text)
    if not m:
        return ""
    return "notes" if m.group("name").lower() in NOTE_HEADINGS else "references"


#: A Markdown heading's marks ("### "); a line that is only bold ("**Books**") ranks below every one of them.
_HASHES = re.compile(r"#{1,6}(?=\s)")
_BOLD_ONLY = re.compile(r"(?:\*\*[^*]{2,80}\*\*|__[^_]{2,80}__)\s*:?$")
_BOLD_RANK = 7


def heading_rank(text: str) -> int:
    """How deep a Markdown heading stands: its number of "#", 7 for a line that is only bold, 0 when the
    line says nothing of its depth (plain text, where a heading is known by its shape alone).

    Why: a reference list divided into parts ("## References", then "### Books", "**Reports**") is one
    list; a heading deeper than the one that opened it is a part of it, not the next section."""
    m = _HASHES.match(text)
    if m:
        return m.end()
    return _BOLD_RANK if _BOLD_ONLY.match(text) else 0


def _looks_heading(line: Line) -> bool:
    text = line.stripped
    if text[0] in _MARKUP_FIRST and _MARKUP_HEADING.match(text):
        return True
    # the cheap tests first: most lines fail one of them, and are not split into words
    if text[-1] in ".,;" or not text[0].isupper() or line.blank_before <= 0:
        return False
    words = text.split()
    return 1 <= len(words) <= 10 and sum(w[0].isupper() for w in words if w[0].isalpha()) >= max(1, len(words) // 2)


#: The characters a markup heading (_MARKUP_HEADING) starts with.
_MARKUP_FIRST = frozenset("#*_=-")


#: Where a line's "under=" feature stands among those :func:`observe` gives it (the mark-under
#: conjunction reads it there: bibkaz/extract/finder/features/__init__.py).
UNDER_AT = -2
_KINDS = ("notes", "references", "other", "none")
_UNDER = ids({kind: f"under={kind}" for kind in _KINDS})
_HEADING_WORD = ids({kind: f"heading-word={kind}" for kind in _KINDS})
#: "under-{kind}-since=…" by kind and the lines since the heading (capped at 41: "40+").
_SINCE = {kind: ids(tuple(f"under-{kind}-since={'0-5' if since <= 5 else '6-40' if since <= 40 else '40+'}"
                          for since in range(42))) for kind in _KINDS}
_HEADING_SHAPE = ids(("heading-shape",))[0]


#: The longest heading name: an ASCII line is no heading unless its last this many characters
#: (white space, colons and marks after them left out) end with a name.
_LONGEST_NAME = max(map(len, _NAMES))


def observe(lines: list[Line]) -> list[list[str]]:
    """Each line's heading features (:func:`observe_ids`, by name)."""
    return names_of(observe_ids(lines))


def observe_ids(lines: list[Line]) -> list[list[int]]:
    """Each line's heading features, as ids (vocabulary.py). An ASCII line is tested for a heading's name at its end on its
    last characters alone, lower-cased, before :func:`heading_kind` is asked (the test heading_kind
    makes first, without lower-casing the whole line): most lines end with no name."""
    out = []
    under = "none"
    since = 0
    rank = 0  # the depth of the heading that opened the notes or references (heading_rank)
    names, longest, tail = _NAMES, -_LONGEST_NAME, _TAIL
    for line in lines:
        text = line.stripped
        if text.isascii() and not text.endswith(EDIT_LINK) and not text.rstrip(tail)[longest:].lower().endswith(names):
            kind = ""
        else:
            kind = heading_kind(text)
        looks_heading = _looks_heading(line)
        f = []
        if kind:
            f.append(_HEADING_WORD[kind])
        if looks_heading:
            f.append(_HEADING_SHAPE)
        f.append(_UNDER[under])
        f.append(_SINCE[under][since if since < 41 else 41])
        out.append(f)
        if kind:
            under, since, rank = kind, 0, heading_rank(text)
        elif looks_heading and line.marker == "none" and len(text) < 60:
            if under in ("notes", "references") and 0 < rank < heading_rank(text):
                since = 0  # a part of the list: "### Books" under "## References" opens it again
            else:
                under, since = "other", 0
        else:
            since += 1
    return out

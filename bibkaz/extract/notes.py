"""What a note says: one or more references, a Chicago "Ibid.", a short note, or a comment.

Chicago notes cite a work in full once, then "Ibid., 312." (the work of the
note before) or a short form "Cooley, 'Great Games,' 45." (an earlier full
note by the same author whose title starts the same way). Those later notes
add citations, not works. A note citing several works separates them with ";".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bibkaz.extract.lists import looks_like_reference
from bibkaz.parse.normalise.text import fold

_IBID = re.compile(r"^\s*(?:\*?ibid\.?\*?|ibidem|id\.)(?:,?\s*(?:at\s*)?(?P<loc>[^.]*))?\.?\s*$", re.I)
_SHORT = re.compile(
    r"^\s*(?P<author>[A-Z\u00C0-\u024F][\w’'\-]+(?:\s(?:and|&)\s[A-Z][\w’'\-]+)?(?:\set\sal\.)?),\s*"
    r"(?P<title>[“\"‘'*][^”\"’'*]{2,120}[,.]?[”\"’'*]|[A-Z][^,.]{2,80})"
    r"(?:,?\s*(?P<loc>(?:pp?\.\s*)?\d[\d\-–, ]*))?\.?\s*$"
)


@dataclass(frozen=True)
class NoteKind:
    kind: str  # "references" | "ibid" | "short" | "comment"
    parts: tuple[str, ...] = ()
    locator: str = ""
    author: str = ""
    title: str = ""


def split_works(text: str) -> list[str]:
    """Split a note on ";" at bracket depth 0 when every part is itself a reference."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "([{“":
            depth += 1
        elif ch in ")]}”" and depth:
            depth -= 1
        elif ch == ";" and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    parts = [p.strip() for p in parts if p.strip()]
    if len(parts) > 1 and all(looks_like_reference(p) for p in parts):
        return parts
    return [text.strip()]


def classify_note(text: str) -> NoteKind:
    m = _IBID.match(text)
    if m:
        return NoteKind("ibid", locator=(m.group("loc") or "").strip(" ,."))
    m = _SHORT.match(text)
    if m and not looks_like_reference(text):
        return NoteKind(
            "short", locator=(m.group("loc") or "").strip(" ,."), author=m.group("author"),
            title=m.group("title").strip("“”\"‘’'*,. "),
        )
    if looks_like_reference(text) or re.search(r"[“\"*]", text) or re.search(r"https?://|www\.", text):
        return NoteKind("references", tuple(split_works(text)))
    return NoteKind("comment")


def short_note_matches(author: str, title: str, full_text: str) -> bool:
    """Does a short note ("Cooley", "Great Games") name this full note's work?"""
    family = fold(author.split()[0])
    folded = fold(full_text)
    title_words = fold(title).split()[:4]
    return bool(family) and family in folded.split() and " ".join(title_words) in folded

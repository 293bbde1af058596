"""The record's values cut from the tagged top lines: a title from its block of lines, the writers from
their lines split into people, a date read from its line, a publisher's name from its line.

Each field is taken only when its best line is likely enough (:data:`THRESHOLDS`), and only when the
line's text gives a value of the field's kind (a date that reads as one, names that read as people): the
tagger may abstain, since a missing field is better than a wrong one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bibkaz.extract.metadata.found import Found
from bibkaz.extract.metadata.people import clean_marks, inverted_list, is_person, name_list, person
from bibkaz.extract.metadata.tagger.model import TaggedLine
from bibkaz.extract.metadata.tagger.text import words
from bibkaz.model import Name
from bibkaz.parse.normalise.dates import parse_date

#: How likely a line must be to give its field. A title is asked of every document (the likeliest line is
#: taken unless even it is unlikely); the others are taken only from a line more likely theirs than not.
THRESHOLDS = {"title": 0.2, "author": 0.5, "date": 0.5, "publisher": 0.5}
#: A writers' line's lead-in: "By", "Written by", "Authors:".
_BY = re.compile(r"^(?:by|written by|posted by|authors?|created by|von|par|por)\b[:\s]*", re.I)
#: Where a writers' line goes on with its date or site: " | ", " · ", " — ", " - " (tried only where a run of
#: spaces starts, so a long run is not tried again from each of its spaces).
_AFTER_NAMES = re.compile(r"(?<!\s)\s+(?:[|·•—–]|-)\s+")
#: A publisher line's furniture round the name.
_COPYRIGHT = re.compile(r"^(?:copyright\s*)?(?:©|\(c\))?\s*(?:copyright\s*)?(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?[,.]?\s*)?",
                        re.I)
_PUBLISHED_BY = re.compile(r"^(?:published by|publisher:?|issued by|a report (?:of|by) (?:the )?)\s*", re.I)
#: A handle standing for a writer in a site's front matter ("emileigh", "christine-cawthorne").
_HANDLE = re.compile(r"^[a-z][a-z0-9_.-]{1,39}$")


@dataclass(frozen=True)
class TaggedRecord:
    """What the tagger found, each value with the (1-based) line it came from."""

    title: Found[str] | None
    authors: Found[tuple[Name, ...]] | None
    date: Found[str] | None
    publisher: Found[str] | None


def _goes_on(line: TaggedLine, held: set[str]) -> bool:
    """Whether a neighbour of the title line is more of the title: tagged so, no repeat of words the title
    has (a <title> over its heading, "Title - Site" over "Title"), and no writers' line."""
    w = words(line.line.text)
    text = line.line.text
    if not w or "title" not in line.label.split("+") or sum(x in held for x in w) >= 0.5 * len(w):
        return False
    return not (is_person(text) or name_list(text) or people(text, False))


def title(tagged: list[TaggedLine], least: float = THRESHOLDS["title"]) -> Found[str] | None:
    """The likeliest title line with its neighbours that are likely too (a title over two or three lines),
    joined (a word broken at a hyphen mended); None when no line is likely at all."""
    if not tagged:
        return None
    best = max(range(len(tagged)), key=lambda k: (tagged[k].p("title"), -k))
    top = tagged[best].p("title")
    if top < least:
        return None
    start = end = best
    held = set(words(tagged[best].line.text))
    while start > 0 and best - start < 5 and _goes_on(tagged[start - 1], held):
        start -= 1
        held |= set(words(tagged[start].line.text))
    while end + 1 < len(tagged) and end - start < 5 and _goes_on(tagged[end + 1], held):
        end += 1
        held |= set(words(tagged[end].line.text))
    text = ""
    for t in tagged[start:end + 1]:
        part = t.line.text.strip()
        text = text[:-1] + part if text.endswith("-") and part[:1].islower() else f"{text} {part}".strip()
    text = _without_site(text, tagged)
    return Found(text, tagged[start].line.index + 1) if text else None


#: Between a page's title and its site's name in a <title> ("Civil Wars - Our World in Data").
_SEPARATOR = re.compile(r"(?<!\s)\s+[-|–—·:]\s+")


def _without_site(text: str, tagged: list[TaggedLine]) -> str:
    """A "Title - Site" line's title, when one side is printed alone on another top line and the other side
    is (a heading under its <title>) or names the site (printed alone too)."""
    parts = _SEPARATOR.split(text)
    if len(parts) < 2:
        return text
    alone = {" ".join(words(t.line.text)) for t in tagged if t.line.text.strip() != text}
    for k in range(1, len(parts)):
        head = text[: text.index(parts[k], len(parts[0]))].rstrip(" -|–—·:")
        tail = text[len(head):].strip(" -|–—·:")
        if " ".join(words(head)) in alone:
            return head
        if " ".join(words(tail)) in alone and len(words(head)) >= 1:
            return head
    return text


def people(text: str, key: bool) -> tuple[Name, ...]:
    """The people a writers' line names ("By Jane Smith and Ali Khan | March 3, 2021"), () if it reads otherwise."""
    s = _BY.sub("", text.strip()).strip()
    s = _AFTER_NAMES.split(s, maxsplit=1)[0].strip(" ,;:")
    s = clean_marks(s)
    if not s or len(s) > 300:
        return ()
    if is_person(s):
        return (person(s),)
    names = name_list(s) or inverted_list(s)
    if names:
        return names
    if key and _HANDLE.match(s):
        return (Name(literal=s),)
    return ()


def authors(tagged: list[TaggedLine], least: float = THRESHOLDS["author"]) -> Found[tuple[Name, ...]] | None:
    """The writers of the first run of likely writers' lines (gaps of up to four lines between them: a
    paper's affiliations), each line split into people; None when a likely line names nobody."""
    picked = [t for t in tagged if t.p("author") >= least]
    if not picked:
        return None
    run = [picked[0]]
    for t in picked[1:]:
        if t.line.rank - run[-1].line.rank > 5:
            break
        run.append(t)
    names: list[Name] = []
    for t in run:
        for n in people(t.line.text, bool(t.line.key)):
            if n not in names:
                names.append(n)
    return Found(tuple(names), run[0].line.index + 1) if names else None


def date(tagged: list[TaggedLine], least: float = THRESHOLDS["date"]) -> Found[str] | None:
    """The date of the likeliest date line, as ISO."""
    picked = [t for t in tagged if t.p("date") >= least]
    for t in sorted(picked, key=lambda t: -t.p("date")):
        value = parse_date(t.line.text[:300])[0]
        if value:
            return Found(value, t.line.index + 1)
    return None


def publisher(tagged: list[TaggedLine], least: float = THRESHOLDS["publisher"]) -> Found[str] | None:
    """The body's name on the likeliest publisher line, its copyright mark, year and "Published by" off."""
    picked = [t for t in tagged if t.p("publisher") >= least]
    for t in sorted(picked, key=lambda t: -t.p("publisher")):
        s = _PUBLISHED_BY.sub("", _COPYRIGHT.sub("", t.line.text.strip()))
        cut = s.lower().find("all rights reserved")  # "© 2021 X. All rights reserved.": the name before it
        s = (s[:cut] if cut >= 0 else s).strip(" .,;:|")
        if s and len(s.split()) <= 15:
            return Found(s, t.line.index + 1)
    return None


def tagged_record(tagged: list[TaggedLine], thresholds: dict[str, float] | None = None) -> TaggedRecord:
    """Every field the tagged lines give (each at its threshold: :data:`THRESHOLDS` unless given)."""
    least = {**THRESHOLDS, **(thresholds or {})}
    return TaggedRecord(title(tagged, least["title"]), authors(tagged, least["author"]), date(tagged, least["date"]),
                        publisher(tagged, least["publisher"]))

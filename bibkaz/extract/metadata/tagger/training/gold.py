"""Line labels from a gold record: which top lines state the title, the writers, the date, the publisher.

The corpus's golds give each document's record as values, not lines, so each line is labelled by what it
holds of them (distant supervision, as the finder's corpus labels are found): a block of lines spelling
the title, a line made mostly of the writers' names, a line whose date is the gold's at its precision, a
line made mostly of the publisher's name. A line may hold two fields ("By Jane Smith · March 3, 2021"): its
label joins them ("author+date").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bibkaz.extract.metadata.tagger.lines import TopLine
from bibkaz.extract.metadata.tagger.text import words
from bibkaz.parse.normalise.dates import parse_date

FIELDS = ("title", "author", "date", "publisher")
OTHER = "other"
#: Words a writers' line holds besides the names ("By Jane Smith and Ali Khan", "Authors: …").
_NAME_FILLER = frozenset({"by", "and", "written", "author", "authors", "dr", "prof", "phd", "md", "et", "al", "with",
                          "posted", "the", "of", "jr", "sr", "ii", "iii", "creator", "creators", "contributors", "name"})
#: Words a publisher's line holds besides the name ("© 2021 X. All rights reserved.", "Published by X").
_BODY_FILLER = frozenset({"copyright", "c", "published", "by", "all", "rights", "reserved", "publisher", "site", "name",
                          "the", "inc", "ltd", "llc", "a", "an", "of"})


@dataclass(frozen=True)
class GoldRecord:
    title: tuple[str, ...]
    names: tuple[tuple[str, ...], ...]  # each writer's words, family first
    date: str
    publishers: tuple[tuple[str, ...], ...]


def gold_record(gold: dict[str, Any]) -> GoldRecord | None:
    """The gold record's fields as words (None when the gold has no record)."""
    r = gold.get("record") or {}
    if not r:
        return None
    names = []
    for a in r.get("authors") or []:
        fam, comma, given = a.partition(",")
        if not comma:
            continue  # a body as writer ("U.S. Government Accountability Office"): the rules name it, not a line
        names.append(tuple(words(fam)) + tuple(words(given)))
    pubs = [r.get("publisher") or ""] + list(gold.get("publisher_also") or [])
    m = re.match(r"^(?P<a>[^()]+?)\s*\((?P<b>[^()]+)\)$", pubs[0])
    if m:
        pubs += [m.group("a"), m.group("b")]
    return GoldRecord(tuple(words(r.get("title") or "")), tuple(n for n in names if n),
                      (r.get("date") or "").strip(), tuple(tuple(words(p)) for p in pubs if words(p)))


def _contiguous(part: list[str], whole: tuple[str, ...]) -> bool:
    n = len(part)
    return any(list(whole[i:i + n]) == part for i in range(len(whole) - n + 1))


def _title_lines(lines: list[TopLine], title: tuple[str, ...]) -> set[int]:
    """Ranks of lines that spell the title: whole on one line and nothing more (a "Title - Site" line is
    not the title: its value would be wrong), or a run of consecutive lines each a piece of it that together
    give most of it."""
    if not title:
        return set()
    out: set[int] = set()
    k = 0
    while k < len(lines):
        w = words(lines[k].text)
        if w and tuple(w) == title:
            out.add(k)
            k += 1
            continue
        run: list[int] = []
        got: list[str] = []
        j = k
        while j < len(lines):
            w = words(lines[j].text)
            if not w or not _contiguous(got + w, title):
                break
            run.append(j)
            got += w
            j += 1
        if run and len(got) >= 0.8 * len(title) and (len(run) > 1 or len(got) >= 0.8 * len(title)):
            out.update(run)
            k = j
        else:
            k += 1
    return out


def _is_author_line(w: list[str], names: tuple[tuple[str, ...], ...]) -> bool:
    if not w or len(w) > 60:
        return False
    name_words = {x for n in names for x in n}
    families = {n[0] for n in names}
    if not families & set(w):
        return False
    held = sum(1 for x in w if x in name_words or x in _NAME_FILLER or x.isdigit() or len(x) == 1)
    return held >= 0.7 * len(w)


def _is_date_line(line: TopLine, gold_date: str) -> bool:
    w = words(line.text)
    if not gold_date or not w or len(w) > 25:
        return False
    date = parse_date(line.text[:300])[0]
    if not date:
        return False
    if len(gold_date) == 4 and len(w) > 8:
        return False  # a year alone is everywhere: only a short line stating it
    return date.startswith(gold_date) if len(date) >= len(gold_date) else False


def _is_publisher_line(w: list[str], publishers: tuple[tuple[str, ...], ...]) -> bool:
    if not w or len(w) > 30:
        return False
    for p in publishers:
        if _contiguous(list(p), tuple(w)):
            rest = [x for x in w if x not in p and x not in _BODY_FILLER and not x.isdigit()]
            if len(rest) <= max(1, len(p) // 2):
                return True
    return False


def line_labels(lines: list[TopLine], gold: GoldRecord) -> list[str]:
    """One label per top line: "title", "author", "date", "publisher", joined by "+" when a line holds two,
    or "other"."""
    title = _title_lines(lines, gold.title)
    out = []
    for k, line in enumerate(lines):
        w = words(line.text)
        got = []
        if k in title:
            got.append("title")
        if gold.names and k not in title and _is_author_line(w, gold.names):
            got.append("author")
        if _is_date_line(line, gold.date) and k not in title:
            got.append("date")
        if gold.publishers and k not in title and _is_publisher_line(w, gold.publishers):
            got.append("publisher")
        out.append("+".join(got) or OTHER)
    return out

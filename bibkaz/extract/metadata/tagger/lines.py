"""The lines the own-record tagger reads: a document's first non-blank lines, each with its markup taken off.

A record's fields stand at a document's top (front matter, HTML meta lines, a cover, a heading and its
byline): the tagger reads the first :data:`TOP_LINES` non-blank lines only, so its cost does not grow with
the document and a date or name deep in the text is never offered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: How many non-blank lines from the top the tagger reads.
TOP_LINES = 60
#: A front matter's (YAML or TOML) or a meta dump's "key: value" / "key = value" ("title: …", "citation_author: …", "og:site_name: …").
_KEY = re.compile(r"^\s*(?:-\s+)?(?P<key>[A-Za-z][\w.:-]{0,40}?)\s*(?::|(?<=\w)\s=)\s+(?P<value>\S.*)$")
#: A heading's or emphasis' marks at a line's ends ("# ", "**", "__"), an HTML heading tag, a bullet.
_LEAD_MARKS = re.compile(r"^(?:#{1,6}\s+|[*_]{1,3}(?=\S)|<h[1-6][^>]{0,80}>|[-•·*]\s+|>\s+)")
_TRAIL_MARKS = re.compile(r"(?:(?<!\s)\s+#{1,6}|(?<=\S)[*_]{1,3}|</h[1-6]>|¶)$")
_QUOTES = "\"'“”‘’"
#: A TOML or JSON list's brackets round a value ("authors = [\"The Rust Security Team\"]").
_BRACKETS = "[]"


@dataclass(frozen=True)
class TopLine:
    """One non-blank top line: where it stands, its text as printed, and its words without markup."""

    index: int  # 0-based line number in the document
    rank: int  # 0-based rank among the non-blank lines read
    raw: str
    text: str  # markup and a key taken off: what a value is cut from
    key: str  # the "key:" the line opens with, folded ("" when none)
    heading: int  # Markdown/HTML heading level, 0 when none
    blank_before: bool
    blank_after: bool
    in_front_matter: bool


#: Labels printed in capitals that still open a field ("Title: …", "Authors: …", "Published: …").
_LABELS = frozenset({"title", "subtitle", "author", "authors", "by", "date", "published", "updated", "publisher",
                     "source", "written by", "posted", "posted on", "organization", "organisation", "editor", "editors"})


def _is_key(key: str) -> bool:
    """Whether a line's "word:" opening is a key (front matter's "title:", "og:site_name:", a form's "Author:")
    and not a title's first part ("COVID-19: the response", "Introduction: …")."""
    if key.lower().startswith(("http", "https")):
        return False
    return key.islower() or any(c in key for c in "_.:") or key.lower() in _LABELS


def _strip_marks(s: str) -> str:
    for _ in range(3):
        t = _TRAIL_MARKS.sub("", _LEAD_MARKS.sub("", s)).strip()
        if t == s:
            break
        s = t
    return s


def _heading_level(s: str) -> int:
    m = re.match(r"^(#{1,6})\s", s)
    if m:
        return len(m.group(1))
    m = re.match(r"^<h([1-6])", s, re.I)
    return int(m.group(1)) if m else 0


def top_lines(lines: list[str], limit: int = TOP_LINES) -> list[TopLine]:
    """The first ``limit`` non-blank lines of ``lines`` (a document's lines as read)."""
    out: list[TopLine] = []
    front = lines[:1] and lines[0].strip() in ("---", "+++")
    in_front = bool(front)
    n = len(lines)
    for i, raw in enumerate(lines):
        if len(out) >= limit:
            break
        s = raw.strip()
        if not s:
            continue
        if i > 0 and s in ("---", "+++") and in_front:
            in_front = False
            continue
        if s in ("---", "+++") and i == 0:
            continue
        key, value = "", s
        m = _KEY.match(s) if len(s) < 2000 else None
        if m and _is_key(m.group("key")):
            key, value = m.group("key").lower(), m.group("value")
        text = _strip_marks(value[:1000]).strip().strip(_BRACKETS).strip().strip(_QUOTES).strip()
        out.append(TopLine(
            index=i, rank=len(out), raw=raw, text=text, key=key, heading=_heading_level(s),
            blank_before=i == 0 or not lines[i - 1].strip(), blank_after=i + 1 >= n or not lines[i + 1].strip(),
            in_front_matter=in_front and i > 0,
        ))
    return out

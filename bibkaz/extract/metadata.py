"""The document's own record: title, authors, date, publisher or site, as its text states them.

Nothing is invented: a field is filled only when a line says it — a byline ("by
Reid Standish on 5/13/2014"), a title/author block at the top, "Policy Brief
presented at …", "Published by …", "Subscribe to receive updates from …". The
title is the best-scoring line near the top: repeated (PDF title pages repeat
it), set in capitals, next to an author line, or simply the first short line.
"""

from __future__ import annotations

import re

from bibkaz.model import Name, Record
from bibkaz.parse.normalise.dates import parse_date
from bibkaz.parse.normalise.names import looks_like_organisation, parse_names

_TOP = 40  # lines examined for the title block
_CHROME = re.compile(
    r"^(?:top of page|bottom of page|search|menu|home|skip to (?:main )?content|share|print|log ?in|sign ?up|"
    r"subscribe|previous post:?|next post:?|post image for .*|photo(?: credits?)?:.*|image:.*|advertisement|"
    r"co-funded by.*|comments?|\d+ views.*)$",
    re.I,
)
_BYLINE = re.compile(
    r"^(?:written\s+)?by\s+(?P<names>[A-Z][^\d]{2,120}?)(?:\s+(?:on|\||·|-|—|,)\s+(?P<date>.*\d{4}.*))?\s*$", re.I
)
_PERSON = re.compile(r"^(?:(?:Dr|Prof|Professor)\.?\s)?[A-Z][a-z\u00C0-\u024F’'\-]+(?:\s(?:[A-Z]\.|[A-Z][a-z\u00C0-\u024F’'\-]+)){1,3}$")
_PRESENTED = re.compile(r"^(?P<genre>[A-Z][\w ]{2,40}?)\s+(?:presented|prepared|written)\s+(?:at|for)\s+(?:the\s*)?(?P<event>.*)$", re.I)
_DATELINE = re.compile(r"^(?:published|posted|updated|date)?:?\s*(?:on\s+)?(?P<date>[^\n]{4,40}\d{4})\s*,?$", re.I)
_SITE = (
    re.compile(r"subscribe to (?:receive )?(?:updates|posts|emails|the newsletter) from (?P<site>[A-Z][\w.&' -]{1,60}?)\s*$", re.I),
    re.compile(r"(?:published|first published) by (?P<site>[A-Z][\w.&' -]{1,60}?)[.,]?\s*$"),
    re.compile(r"©\s*(?:\d{4}\s*)?(?P<site>[A-Z][\w.&' -]{1,60}?)[.,]?\s*(?:all rights reserved)?\.?$", re.I),
    re.compile(r"contributors to (?P<site>[A-Z][\w&.-]{1,40})[’']s (?:online )?(?:digital )?publication"),
)
_STOP = {"the", "a", "an", "of", "in", "and", "to", "for", "on", "at", "by", "or"}


def _is_person_line(line: str) -> bool:
    s = line.strip()
    if not _PERSON.match(s) or looks_like_organisation(s):
        return False
    return not any(w.lower() in _STOP for w in s.split())


def _score(lines: list[str], i: int, first_content: int) -> int:
    s = lines[i].strip()
    words = s.split()
    if not s or _CHROME.match(s) or len(words) < 3 or len(words) > 30:
        return -99
    score = 0
    if s.endswith(".") and not s.endswith(".."):
        score -= 3
    if any(lines[j].strip() == s or lines[j].strip().endswith(s) for j in range(len(lines)) if j != i and j < _TOP * 2):
        score += 3
    letters = [c for c in s if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) > 0.8:
        score += 2
    near = [lines[j].strip() for j in range(max(0, i - 3), min(len(lines), i + 4)) if j != i and lines[j].strip()]
    if any(_is_person_line(n) or _BYLINE.match(n) for n in near[:4]):
        score += 2
    if i == first_content:
        score += 2
    if s[0].islower() or words[0].lower() in {"of", "by", "and"}:
        score -= 3
    return score


def _title_case(s: str) -> str:
    """ALL-CAPS titles become Title Case (small words lower) so styles can recase them."""
    letters = [c for c in s if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) / len(letters) < 0.8:
        return s
    out = []
    for k, w in enumerate(s.split()):
        lw = w.lower()
        if k and lw in _STOP:
            out.append(lw)
        elif len(w) <= 4 and w.isalpha() and w.isupper() and lw not in {"war", "new", "age", "why", "how", "what"} and k:
            out.append(w)  # acronyms such as CSTO, NATO stay
        else:
            out.append(lw[:1].upper() + lw[1:])
    return " ".join(out)


def find_metadata(lines: list[str]) -> Record | None:
    """The document's own Record, or None when the text states no title."""
    top = lines[:_TOP]
    content = [i for i, l in enumerate(top) if l.strip() and not _CHROME.match(l.strip())]
    if not content:
        return None
    first_content = content[0]
    scored = sorted(((_score(top, i, first_content), -i, i) for i in content), reverse=True)
    best_score, _, title_at = scored[0]
    if best_score < 1:
        return None
    raw_title = re.sub(r"^#{1,6}\s*|\*\*|__", "", top[title_at].strip())
    title = re.sub(r"(?<!\.)\.\.$", "", _title_case(raw_title)).strip()
    values: dict[str, object] = {"title": title}
    web_cues = 0
    # Authors: a byline anywhere near the top, or a name line next to the title.
    for line in lines[: _TOP * 2]:
        m = _BYLINE.match(line.strip())
        if m:
            values["authors"] = parse_names(m.group("names"))
            if m.group("date"):
                values["date"] = parse_date(m.group("date"))[0]
            values["type"] = "post-weblog"
            break
    if "authors" not in values:
        for j in range(max(0, title_at - 3), min(len(top), title_at + 4)):
            if j != title_at and _is_person_line(top[j]):
                name = re.sub(r"^(?:Dr|Prof|Professor)\.?\s", "", top[j].strip())
                values["authors"] = (Name(family=name.split()[-1], given=" ".join(name.split()[:-1])),)
                break
    for line in top:
        m = _PRESENTED.match(line.strip())
        if m:
            idx = top.index(line)
            values["genre"] = m.group("genre").strip()
            values["type"] = "report" if "brief" in m.group("genre").lower() or "paper" in m.group("genre").lower() else "speech"
            event_lines = [m.group("event")] + [l.strip() for l in top[idx + 1 : idx + 8] if l.strip()]
            event = next((e for e in event_lines if e and not e.startswith(("“", '"'))), "")
            values["event"] = event.strip(" ,")
            for extra in event_lines[1:]:
                d, _ = parse_date(extra)
                if d and "date" not in values:
                    values["date"] = d
                    values["event_date"] = d
                    place = re.sub(r"^.*?\d{4}\s*,?\s*", "", extra).strip(" ,")
                    nxt = event_lines[event_lines.index(extra) + 1] if event_lines.index(extra) + 1 < len(event_lines) else ""
                    values["event_place"] = place or (nxt if re.match(r"^[A-Z][\w .,]+$", nxt) and len(nxt) < 40 else "")
            break
    if "date" not in values:
        for line in top[: title_at + 6]:
            m = _DATELINE.match(line.strip())
            if m and len(line.split()) <= 8:
                d, _ = parse_date(m.group("date"))
                if d:
                    values["date"] = d
                    break
    for line in lines:
        s = line.strip()
        if re.match(r"^(?:top of page|\d+ views|comments?|share|search)\b", s, re.I):
            web_cues += 1
        for pattern in _SITE:
            m = pattern.search(s)
            if m and "container_title" not in values:
                values["container_title"] = m.group("site").strip()
    if "type" not in values:
        values["type"] = "webpage" if web_cues or "container_title" in values else "document"
    if values.get("type") in ("report", "speech") and "container_title" in values:
        values["publisher"] = values.pop("container_title")
    return Record(**values)  # type: ignore[arg-type]

"""A line's markup: a front matter's or meta dump's key, a heading's level, bold, a table's or list's marks."""

from __future__ import annotations

import re

from bibkaz.extract.metadata.tagger.lines import TopLine

#: Parts of keys that name a field ("citation_author", "og:title", "dc.date", "article:published_time").
_KEY_PARTS = ("title", "author", "creator", "date", "published", "updated", "modified", "publisher", "site", "journal",
              "description", "url", "tags", "categor", "name", "by")


def features(line: TopLine) -> list[str]:
    out = []
    if line.key:
        out.append("markup.key")
        part = next((p for p in _KEY_PARTS if p in line.key), "")
        out.append(f"markup.key={part or 'other'}")
        if len(line.key) <= 14 and re.fullmatch(r"[a-z]+", line.key):
            out.append(f"markup.keyword={line.key}")
    if line.heading:
        out.append(f"markup.h{min(line.heading, 3)}")
    raw = line.raw.strip()
    if raw.startswith(("**", "__")) and raw.endswith(("**", "__")):
        out.append("markup.bold")
    if raw.startswith("|") or raw.count("|") >= 2:
        out.append("markup.table")
    if raw.startswith(("- ", "* ", "• ")):
        out.append("markup.bullet")
    if raw.startswith("<"):
        out.append("markup.tag")
    if "](" in raw or "http" in raw:
        out.append("markup.link")
    if raw.startswith(("![", "<img")):
        out.append("markup.image")
    if line.raw[:1] in " \t" and len(line.raw) - len(line.raw.lstrip()) >= 8:
        out.append("markup.indented")
    return out

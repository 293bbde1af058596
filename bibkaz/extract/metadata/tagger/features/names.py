"""Whether a line reads as people's names: a person, a list of people, "By …", name-shaped words."""

from __future__ import annotations

import re

from bibkaz.extract.metadata.people import is_person, name_list
from bibkaz.extract.metadata.tagger.lines import TopLine

_BY = re.compile(r"^(?:by|written by|posted by|authors?|created by|prepared by|von|par|por)\b[:\s]", re.I)
_NAME_WORD = re.compile(r"^[A-Z][a-z'’-]+,?$")
_INITIAL = re.compile(r"^[A-Z]\.$")
_ORCID = re.compile(r"\b\d{4}-\d{4}-\d{4}-\d{3}[\dX]\b")
_MARK = re.compile(r"[A-Za-z][\d,*†‡§]+(?:\s|$)")


def features(line: TopLine) -> list[str]:
    t = line.text[:300]
    out = []
    if _BY.match(t):
        out.append("names.by")
        t = _BY.sub("", t, count=1).strip()
    if len(t) <= 200:
        if is_person(t):
            out.append("names.person")
        elif name_list(t):
            out.append("names.list")
    tokens = t.split()
    if tokens:
        share = sum(bool(_NAME_WORD.match(w) or _INITIAL.match(w)) for w in tokens) / len(tokens)
        if share >= 0.75:
            out.append("names.shaped")
    if any(_INITIAL.match(w) for w in tokens):
        out.append("names.initial")
    if " and " in t or " & " in t:
        out.append("names.and")
    if _ORCID.search(t):
        out.append("names.orcid")
    if _MARK.search(t):
        out.append("names.marks")
    return out

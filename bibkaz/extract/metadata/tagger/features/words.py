"""A line's words: a body's words (a publisher or an affiliation), labels, the first and last word."""

from __future__ import annotations

import re

from bibkaz.extract.metadata.tagger.lines import TopLine
from bibkaz.parse.normalise.names import looks_like_organisation

_BODY = re.compile(r"\b(university|universit[äé]t?|college|school|department|dept|institute|institut|center|centre|"
                   r"office|agency|ministry|bureau|commission|council|board|service|administration|foundation|"
                   r"association|society|press|publishing|publications|inc|llc|ltd|gmbh|corporation|company|"
                   r"laboratory|group|program|programme|government|federal|national|committee|organization|"
                   r"organisation|bank|fund|network|project|team)\b", re.I)
_AFFILIATION = re.compile(r"\b(university|department|dept|school|faculty|laboratory|college|hospital)\b", re.I)
_LABEL = re.compile(r"^(abstract|summary|introduction|contents|table of contents|keywords|key words|executive summary|"
                    r"acknowledg\w*|background|overview|foreword|preface|note|notes|disclaimer)\b", re.I)
_COPYRIGHT = re.compile(r"©|\(c\)|\bcopyright\b|\ball rights reserved\b", re.I)
_PUBLISHED_BY = re.compile(r"\b(published by|publisher|issued by|prepared by|prepared for|a report of|a report by)\b",
                           re.I)
_WORD = re.compile(r"[a-z]+")


def features(line: TopLine) -> list[str]:
    t = line.text[:300]
    out = []
    if _BODY.search(t):
        out.append("words.body")
    if _AFFILIATION.search(t):
        out.append("words.affiliation")
    if len(t) <= 120 and looks_like_organisation(t):
        out.append("words.body_name")
    if _LABEL.match(t):
        out.append("words.label")
    if _COPYRIGHT.search(t):
        out.append("words.body_copyright")
    if _PUBLISHED_BY.search(t):
        out.append("words.body_published_by")
    tokens = _WORD.findall(t.lower())
    if tokens:
        if len(tokens[0]) <= 12:
            out.append(f"words.first={tokens[0]}")
        if len(tokens[-1]) <= 12:
            out.append(f"words.last={tokens[-1]}")
    return out

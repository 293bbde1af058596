"""Reports cited by their number in running text: "see CRS Report R47447, Bank Capital Requirements."

Government and think-tank reports cite their series' products inline, by
product type and number, then title and byline, with no note and no list:
"For background, see CRS Report RL30857, Speakers of the House: Elections,
1913-2025, by Valerie Heitshusen." Such a citation is a reference of its
own. Only the form "<series> <product> <number>, <title>" is read (the
number is what makes it a citation: "a CRS report" or "CRS Reports" in a
disclaimer is none). A title ends at ", by", at a semicolon, or at a full
stop that ends a sentence (not the one in "U.S." or an initial).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bibkaz.extract.text import Paragraph

#: "<series> <product> <number>,": the number has a digit and no spaces.
OPENING_PATTERN = (
    r"\b(?:CRS|Congressional Research Service|CBO|GAO)\s+"
    r"(?:Report|In\s+Focus|Insight|Legal\s+Sidebar|Testimony|Video|Podcast|Working\s+Paper|Product)\s+"
    r"(?:No\.\s*)?(?P<number>[A-Z]{0,4}-?\d[\w.-]*\d),\s+(?=\S)"
)
_OPENING = re.compile(OPENING_PATTERN)
#: The series' names, one of which every match of OPENING_PATTERN holds as written.
_SERIES = ("CRS", "Congressional Research Service", "CBO", "GAO")
#: Where a title or a byline ends: a semicolon, a closing parenthesis, or a full stop after a word
#: of two letters or more (an initial or "U.S." does not end it) before a space or the paragraph end, or
#: the bullet of the next item of a bulleted list of products (a list read as running text).
_END = re.compile(r";|\)|(?<=[a-z\d]{2})[.](?=\s|$)|(?<=[a-z]{2}[”\"])[.]?(?=\s|$)|\s*[•▪◦●]")
_BY = re.compile(r",\s+(?:by|coordinated by|edited by)\s+")
#: What joins one listed report to the next: "; and ", ", ", " and ".
_JOINER = re.compile(r"(?:[;,]?\s*(?:and|or)?\s*)$")
#: A citation longer than this is prose that happened to follow a number.
_MAX_CHARS = 400


@dataclass(frozen=True)
class ReportCitation:
    text: str
    number: str
    line: int


def _end(text: str, start: int) -> int:
    """Where the title or byline that starts at ``start`` ends (a ")" closing its own "(" does not end it)."""
    for m in _END.finditer(text, start):
        if m.group(0) == ")" and text.count("(", start, m.start()) > text.count(")", start, m.start()):
            continue
        return m.start()
    return len(text)


def split_at_reports(text: str) -> list[str]:
    """An entry that lists several numbered reports, one part per report.

    "CRS Report R1, Title One; CRS Report R2, Title Two; and CRS In Focus IF3,
    Title Three." is three works in one paragraph (CRS products' "For Further
    Reading"). Each opening starts a part; what stands before the first one
    ("For more, see") stays with it; joining words and stops between parts go.
    One opening or none: the entry as it is.
    """
    starts = [m.start() for m in _OPENING.finditer(text)]
    if len(starts) < 2:
        return [text]
    starts[0] = 0
    parts = [text[a:b] for a, b in zip(starts, starts[1:] + [len(text)])]
    return [p for p in (_JOINER.sub("", part).strip() for part in parts) if p]



def find_report_citations(paras: list[Paragraph]) -> list[ReportCitation]:
    """Every "<series> <product> <number>, <title>[, by <names>]" in the paragraphs, once per number."""
    found: list[ReportCitation] = []
    seen: set[str] = set()
    for p in paras:
        # every opening holds a series' name: most paragraphs hold none, and the pattern (opening with
        # \b) is tried at every character of those it scans
        if not any(map(p.text.__contains__, _SERIES)):
            continue
        for m in _OPENING.finditer(p.text):
            number = m.group("number")
            if number in seen:
                continue
            end = _end(p.text, m.end())
            by = _BY.search(p.text, m.end(), end + 1)
            if by:
                end = _end(p.text, by.end())
            text = p.text[m.start():end].strip().rstrip(",.")
            title = text[m.end() - m.start():]
            if len(text) > _MAX_CHARS or len(title.split()) < 2:
                continue
            seen.add(number)
            found.append(ReportCitation(text + ".", number, p.line_at(m.start())))
    return found

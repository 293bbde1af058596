"""Cutting a note into segments: at ";" outside brackets, at sentence ends, and before each listed report.

A sentence ends at ". ", "? " or "! " before a capital, a quote or a bracket,
except after an abbreviation a citation is full of ("U.S.", "Rep.", "vol.",
"No.", "H.R.", "et al.", an initial): a reference is not cut in its middle.
A numbered report listed after another ("CRS In Focus IF1, Title, and CRS
Report R2, Title") starts a segment of its own, as it would after a ";" (laws
and bills listed by number are not cut apart: measured, it added more spurious
works than it found; docs/decisions.md, ninth session).
Segments keep their offsets so the cited text is taken from the note as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bibkaz.extract.report_citations import OPENING_PATTERN

_ABBREVIATIONS = frozenset(
    "u.s us rep sen no nos vol vols pp p ed eds h.r s.res h.res inc corp co ltd jr sr dr mr mrs ms st "
    "dept gov govt cong sess doc rept res art sec ch fig al op cit id ibid cf e.g i.e v vs jan feb mar apr "
    "jun jul aug sep sept oct nov dec univ assn ass'n int'l nat'l admin stat supp ct app fed reg c.f.r u.s.c "
    "pub l p.l n.d trans rev para paras approx est".split()
)
#: A sentence may open with a code's citation: "… any combination of these. 42 U.S.C. § 5195c(e). Federal …".
_CODE_CITATION = r"\d+\s+(?:U\.\s?S\.\s?C\.|C\.\s?F\.\s?R\.|Stat\.|Fed\.\s?Reg\.|FR\s+\d)"
#: A second work named after ", and": its author's name (capitalised words, initials) and a comma before
#: its quoted title ("…, July 26, 2007, and Kevin A. Hassett, “Art Laffer, …”").
_NAMED_WORK = r"(?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]+,\s+[“\"]"
#: What a segment holds once it names a whole work: a closing quotation mark or a year.
_CITES_A_WORK = re.compile(r"[”\"]|\b(?:1[5-9]|20)\d\d\b")
_BREAK = re.compile(r"(?<=[.?!])[”\"’']?\s+(?=[A-Z“\"‘(\[]|" + _CODE_CITATION + r")|;\s+|(?P<listed>,\s+(?:and\s+)?|\s+and\s+)(?="
                    + OPENING_PATTERN + r")|(?P<named>,\s+and\s+)(?=" + _NAMED_WORK + ")")


@dataclass(frozen=True)
class Segment:
    text: str
    start: int
    end: int
    after_semicolon: bool  # the segment follows a ";" (else a sentence end or the note's start)


def _abbreviation_before(text: str, dot: int) -> bool:
    """Is the full stop at ``dot`` the end of an abbreviation? (Walks back over the word: linear.)"""
    start = dot
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_.'’"):
        start -= 1
    word = text[start:dot].lower()
    if not word:
        return False
    # an initial is one letter; one digit ends a page or a number ("p. ITA-5. ITA, Budget …"), unless it
    # opens the note as a list number does ("^ 1. Emma T and …")
    single = len(word) == 1 and (word.isalpha() or not text[:start].strip(" ^*-•"))
    return word in _ABBREVIATIONS or single or bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", word))


def _never_closed(text: str) -> str:
    """``text`` with every "(" or "[" that no bracket closes blanked out: a writer who forgot to close
    one ("…national cemeteries (VA, Guidelines …, 2007, http://…pdf. At the state level, … See …")
    would otherwise keep every later sentence and citation of the note in one segment."""
    opened: list[int] = []
    for i, c in enumerate(text):
        if c in "([":
            opened.append(i)
        elif c in ")]" and opened:
            opened.pop()
    if not opened:
        return text
    chars = list(text)
    for i in opened:
        chars[i] = " "
    return "".join(chars)


def segments(text: str) -> list[Segment]:
    out: list[Segment] = []
    start = 0
    after_semicolon = False
    depth = 0
    last = 0
    counted = _never_closed(text) if "(" in text or "[" in text else text
    for m in _BREAK.finditer(text):
        # brackets opened and not closed before this break: not a break
        depth += (sum(counted.count(c, last, m.start()) for c in "([")
                  - sum(counted.count(c, last, m.start()) for c in ")]"))
        last = m.start()
        if depth > 0:
            continue
        if m.group("named") is not None and not _CITES_A_WORK.search(text, start, m.start()):
            continue  # "Ann Lee, Bo Smith, and Cy Dunn, “Title,” …": the authors of one work
        semicolon = m.group(0).startswith(";") or m.group("listed") is not None or m.group("named") is not None
        if not semicolon:
            dot = m.start() - 1
            while dot >= 0 and text[dot] in "”\"’'":
                dot -= 1
            if text[dot] == "." and _abbreviation_before(text, dot):
                continue
        piece = text[start:m.start() + (0 if semicolon else 0)].strip()
        if piece:
            out.append(Segment(piece, start, m.start(), after_semicolon))
        start = m.end()
        after_semicolon = semicolon
    piece = text[start:].strip()
    if piece:
        out.append(Segment(piece, start, len(text), after_semicolon))
    return out

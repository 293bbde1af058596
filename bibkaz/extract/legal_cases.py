"""Court cases named in running text: "(United States v. Florida)", "in Rasul v. Bush, the Court".

Legal writing cites a case by its name, the parties on either side of "v."
(the reporter citation and the link are often lost when a page is copied or a
PDF converted). A case named in the text is a reference of its own
(type legal_case) and the place it is named a citation of it. The parties are
runs of capitalised words (with "of", "the", "&", "Inc." and the like); a
sentence's first word ("In", "See", "Under") is not part of a party's name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bibkaz.extract.text import Paragraph, sentence_around

_WORD = r"[A-Z][\w.'’&-]*"
_JOIN = r"(?:of|the|and|for|de|del|la|ex\s+rel\.|&)"
#: A company's form after a comma: "Nestlé USA, Inc.", "CACI Premier Tech., Inc."
_FORM = r"(?:,\s+(?:Inc\.|Co\.|Corp\.|Ltd\.|LLC|L\.L\.C\.|N\.A\.|P\.C\.|L\.P\.))"
#: More words than this on one side is prose that happens to hold "v.".
_MAX_PARTY_WORDS = 8
#: The pattern reads a party's words up to a bound (its name, a few leading words of the
#: sentence): unbounded, a long run of capitalised words with no "v." was read to its end from
#: every word it holds (a fuzzed 42 KB line took 4 CPU s, twice as long a line four times that).
_PARTY = rf"{_WORD}(?:\s+(?:{_JOIN}|{_WORD})){{0,{_MAX_PARTY_WORDS + 4}}}{_FORM}?"
_CASE = re.compile(rf"(?<![\w.])(?P<first>{_PARTY})\s+v\.\s+(?P<second>{_PARTY})")
#: Abbreviations a party's name may end with; any other full stop at its end is the sentence's.
_ABBREVIATIONS = frozenset({"Inc", "Co", "Corp", "Ltd", "Tech", "Bros", "Ass'n", "Dep't", "Sec'y", "Cnty", "Univ",
                            "Nat'l", "Int'l", "Comm'n", "Bd", "Dist", "Ct", "N.A", "L.L.C", "P.C", "L.P", "U.S"})
#: Capitalised words that open a sentence or a clause, not a party's name.
_LEAD = frozenset({"In", "See", "Under", "After", "Before", "But", "And", "As", "Both", "Unlike", "Like", "Since",
                   "While", "When", "Although", "Following", "Also", "Cf.", "E.g.,", "The", "Then", "Citing", "Compare",
                   "Accord", "Contra", "Thus", "Here", "There", "This", "That", "Per", "From", "With"})


_WORD_START = re.compile(r"\S+")


@dataclass(frozen=True)
class CaseName:
    name: str
    line: int
    marker: str
    sentence: str


def _until_full_stop(party: str) -> str:
    """The party up to the word a sentence's full stop ends ("Doe. Finally" → "Doe")."""
    words = party.split()
    for k, word in enumerate(words):
        if word.endswith(".") and word[:-1] not in _ABBREVIATIONS and not re.fullmatch(r"(?:[A-Z]\.)+", word):
            return " ".join(words[:k] + [word[:-1]])
    return party


def _trim(party: str) -> str:
    words = party.split()
    while words and words[0] in _LEAD:
        words = words[1:]
    return " ".join(words)


def find_case_names(paras: list[Paragraph]) -> list[CaseName]:
    """Every case named in the paragraphs, in order (a case named twice is found twice)."""
    found: list[CaseName] = []
    for p in paras:
        for m in _CASE.finditer(p.text) if "v." in p.text else ():
            first, second = _trim(m.group("first")), _until_full_stop(m.group("second").rstrip(","))
            if not first or not second or max(len(first.split()), len(second.split())) > _MAX_PARTY_WORDS:
                continue
            name = f"{first} v. {second}"
            # where the kept first word stands (the party may be spaced or wrapped other than its name)
            words = [w.start() for w in _WORD_START.finditer(m.group("first"))]
            start = m.start("first") + words[len(words) - len(first.split())]
            found.append(CaseName(name, p.line_at(start), name, sentence_around(p.text, start, m.end())))
    return found

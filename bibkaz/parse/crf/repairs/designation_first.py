"""A report's designation that opens the reference, before a comma, is its series and number.

Standards bodies and agencies list their own documents by designation first: "NIST SP 800-57,
Recommendation for Key Management – Part 1: General. March 2007.", "FIPS 180-3, Secure Hash
Standard. October 2008.", "Draft NIST SP 800-128, Guide for …", "CRS Report R47105, Taxing
Unemployment Insurance (UI) Benefits: …". The model read the designation as the title's first
words. A title run that opens with a body's initials (perhaps after "Draft"), a few more initials
or words of a series' name, and a number closed by a comma, with a title of two words or more
after it, has the designation as its series (collection-title, as "CRS Report R41234" is
elsewhere) and the rest as its title; so has a designation that is one token ("M-21-07,
Completing the Transition …", read as the author) or a kind of document and its number ("Binding
Operational Directive 20-01, Develop and Publish …").
"""

from __future__ import annotations

import re
from typing import Sequence

_INITIALS = re.compile(r"^[A-Z]{2,8}$")
#: Words a designation's series name may hold between the initials and the number.
_SERIES_WORDS = frozenset({"Report", "Special", "Publication", "Internal", "Technical", "Note", "Paper"})
#: The number: a digit inside, closed by the comma ("800-57,", "180-3,", "R47105,", "800-61rev1,").
_NUMBER = re.compile(r"^[A-Z]{0,3}\d[\w./-]*,$")
_MAX_WORDS = 5
#: A designation that is one token: "M-21-07,", "GAO-24-105833,".
_NUMBERED = re.compile(r"^[A-Z]{1,5}-\d[\w.-]*\d,$")
#: A number cut by a hyphen or a dot: "20-01,", "13-111,", "4.1,".
_SPLIT_NUMBER = re.compile(r"^\d+[-.]\d[\w.-]*,$")
#: The kinds of document such a designation names by its last word.
_KINDS = frozenset({"Directive", "Memorandum", "Order", "Circular", "Bulletin", "Instruction", "Notice", "Letter",
                    "Guidance", "Publication", "Report", "Paper", "Standard", "Specification", "Rule"})
#: What the model reads a designation as: the title's first words, or an author ("M-21-07,").
_READ_AS = frozenset({"title", "author"})


def repair(tokens: Sequence[str], labels: list[str]) -> list[str]:
    """Designation, then title after its comma → collection-title, title."""
    n = min(len(tokens), len(labels))
    start = 1 if n and tokens[0] == "Draft" else 0
    if n < start + 3:
        return labels
    end = _designation_end(tokens, start, n)
    if end < 0 or any(lab not in _READ_AS for lab in labels[:end + 1]) or end + 2 >= n \
            or labels[end + 1] != "title" or labels[end + 2] != "title":
        return labels
    out = list(labels)
    out[:end + 1] = ["collection-title"] * (end + 1)
    return out


def _designation_end(tokens: Sequence[str], start: int, n: int) -> int:
    """The index of the designation's last token (its number, closed by a comma), or -1."""
    if _NUMBERED.match(tokens[start]):
        return start  # "M-21-07, Completing the Transition …"
    if _INITIALS.match(tokens[start]):
        end = next((k for k in range(start + 1, min(n, start + _MAX_WORDS)) if _NUMBER.match(tokens[k])), -1)
        if end > 0 and all(_INITIALS.match(t) or t in _SERIES_WORDS for t in tokens[start + 1:end]):
            return end  # "NIST SP 800-57,", "FIPS 180-3,", "CRS Report R47105,"
        return -1
    # "Binding Operational Directive 20-01, Develop and Publish …": a kind of document in capitalised
    # words and a number with a hyphen or a dot
    end = next((k for k in range(start + 1, min(n, start + _MAX_WORDS)) if _SPLIT_NUMBER.match(tokens[k])), -1)
    if end > 0 and all(t[:1].isupper() and t.isalpha() for t in tokens[start:end]) and tokens[end - 1] in _KINDS:
        return end
    return -1

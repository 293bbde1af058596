"""A reference with no title whose author run holds one: the title is in the run.

Vancouver-style web citations and hand-written lists read "Kitzes J. Reproducible Workflows;
2016. Available from: http://…", "Wickes E. Comment on ”Metadata”; 2015. Available from: …",
"Pritchard, Adam, 'Markdown Cheatsheet' (2013) <https://…>". The model ran the author on
through the title and left the reference without one. When no token is labelled title, the
reference opens with an author run and gives a link, the run ends at a quoted span (which is the title), or,
in Vancouver form, after the first name's initials ("Kitzes J."), and the rest of the run is
the title; so is a second sentence in the run ("SIL. English wordlists. 2015 [Online]. Available:
http://…"). Without a link, only a body's acronym and one comma-ended run after it ("NTIA, BEAD
Restructuring Policy Notice, June 6, 2025"): the run is the title.
"""

from __future__ import annotations

import re
from typing import Sequence

_OPEN_QUOTE = re.compile(r"^['\"“‘”]\w")
_CLOSE_QUOTE = re.compile(r"\w[.,;:?!]?['\"”’][.,;:]?$")
#: Vancouver initials after a family name: "J.", "AM.", "E.", "SA."
_INITIALS = re.compile(r"^[A-Z]{1,3}\.$")


def repair(tokens: Sequence[str], labels: list[str]) -> list[str]:
    """Author-run tokens after the first name (Vancouver) or inside quotes → title, in a reference with no title."""
    if "title" in labels or not labels or labels[0] != "author":
        return labels
    end = 0
    while end < len(labels) and labels[end] == "author":
        end += 1
    if "url" not in labels:
        return _after_acronym(tokens, labels, end)  # (in AnyStyle's data a titleless author run is a name list)
    out = list(labels)
    if end >= 4 and _INITIALS.match(tokens[1]) and tokens[0][:1].isupper() and not tokens[0].endswith(","):
        out[2:end] = ["title"] * (end - 2)
        return out
    quote = next((i for i in range(1, end) if _OPEN_QUOTE.match(tokens[i])), -1)
    if quote > 0:
        close = next((k for k in range(quote, end) if _CLOSE_QUOTE.search(tokens[k])), -1)
        if close < 0:
            return labels
        out[quote:close + 1] = ["title"] * (close + 1 - quote)
        return out
    stop = next((k for k in range(end - 2) if tokens[k].endswith(".") and len(tokens[k]) > 3), -1)
    if stop >= 0 and tokens[stop + 1][:1].isupper():
        # "SIL. English wordlists. 2015 [Online]. Available: http://…": the first sentence names the
        # body, the second the page
        out[stop + 1:end] = ["title"] * (end - stop - 1)
        return out
    return _after_acronym(tokens, labels, end)


#: A body named by its acronym alone, first in a Chicago note: "NTIA,", "SSA,", "CBO,", "3GPP,".
_ACRONYM = re.compile(r"^(?=(?:\d*[A-Z]){2})[A-Z0-9][A-Z0-9&]{1,7},$")
#: Words before the acronym that name the office's department: "Commerce OIG,".
_MAX_HEAD = 3


def _after_acronym(tokens: Sequence[str], labels: list[str], end: int) -> list[str]:
    """"NTIA, BEAD Restructuring Policy Notice, June 6, 2025, pp. 8-13.", "SSA, SSA Weekly
    Operational Report Meeting, April 25, 2025.": a body's acronym, then one comma-ended run of
    three words or more, read as one author run before the date. No person's name follows an
    acronym that way; the run is the title. So are several parts after it ("FHWA, Funding
    Federal-aid Highways; Appendix K, Historical Federal Fuel Tax Rates,", "3GPP, 5G; NG-RAN;
    Architecture Description,") when none of their words is a given name (lexicon) or a dotted
    initial, and an office's acronym after its department's name heads the run as well ("Commerce
    OIG, ITA Did Not Effectively Resolve Foreign Trade Barriers,")."""
    head = next((k for k in range(min(end, _MAX_HEAD)) if _ACRONYM.match(tokens[k])), -1)
    if head < 0 or any(not t[:1].isupper() for t in tokens[:head]):
        return labels
    start = head + 1
    if end - start < 3 or not tokens[end - 1].endswith(","):
        return labels
    rest = tokens[start:end]
    if all(_INITIALS.match(t) for t in rest):
        return labels
    if any(t.endswith((",", ";")) for t in rest[:-1]) and not _no_names(rest):
        return labels
    out = list(labels)
    out[start:end] = ["title"] * (end - start)
    return out


def _no_names(words: Sequence[str]) -> bool:
    """No word a person's name is made of: a given name the lexicon knows or a dotted initial."""
    from bibkaz.parse.crf.lexicon import lexicon

    given = lexicon("given-names")
    return not any(w.strip(",;").lower() in given or re.fullmatch(r"[A-Z]\.,?", w) for w in words)

"""A rule's kind before its Federal Register citation is its genre, not the journal.

CRS notes cite agency rules as 'EPA, "Title," proposed rule, 89 Federal Register 5318, January 26,
2024.' The model labelled "proposed rule," a journal like the "Federal Register" after it, and
the record's container became "proposed rule". The kind of rule (proposed, final, interim final,
direct final rule; notice of proposed rulemaking) is the document's genre, as real.jsonl labels
"Notice of Proposed Rulemaking" (bench/real_strings/README.md).
"""

from __future__ import annotations

import re
from typing import Sequence

_KIND = re.compile(r"^(?:(?:interim|direct|temporary)\s+)?(?:final|proposed|interim)\s+rules?[,.;]?$"
                   r"|^notice\s+of\s+proposed\s+rulemaking[,.;]?$", re.I)
_REGISTER = re.compile(r"^(?:Federal|Fed\.)$")
_MOVABLE = ("journal", "container-title", "title")
_CLOSED = re.compile(r"[”\"][.,;:]?$|,[”\"]$")


def repair(tokens: Sequence[str], labels: list[str]) -> list[str]:
    """The rule-kind words before "<volume> Federal Register" → genre."""
    if "volume" not in labels:
        return labels
    n = len(labels)
    for v in range(1, n - 1):
        if labels[v] != "volume" or not tokens[v].isdigit() or not _REGISTER.match(tokens[v + 1]):
            continue
        for size in (4, 3, 2):  # "interim final rule,", "final rule,", "notice of proposed rulemaking,"
            start = v - size
            if start < 0:
                continue
            kinds = {labels[k] for k in range(start, v)}
            if not _KIND.match(" ".join(tokens[start:v])) or len(kinds) != 1 or not kinds <= set(_MOVABLE):
                continue
            if kinds == {"title"} and start > 0 and labels[start - 1] == "title" and not _CLOSED.search(tokens[start - 1]):
                continue  # words inside a title ("… the final rule") stay the title's
            out = list(labels)
            for k in range(start, v):
                out[k] = "genre"
            return out
    return labels

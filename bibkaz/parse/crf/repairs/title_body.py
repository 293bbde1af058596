"""A body named after an unquoted title, before the date, is the work's publisher.

CRS notes cite think-tank and agency reports "Given Family, Title, Body, Date, URL":
"Jeff Davis, Why Not a Ten-Year Surface Transportation Bill? (Executive Summary), Eno
Center for Transportation, February 26, 2015, p. 1."; "Baruch Feigenbaum and Jay Derr,
Annual Surface Transportation Infrastructure Report: 2025, Reason Foundation, March
2025, https://…". With no quotes or italics to end the title, the model ran it on through
the body's name. When a reference opens with its authors (or editors: "Robert Braden, ed., …"), and its title run ends in a
comma right before the date (or the series: "…, Network Working Group, RFC 3439, …"), and the last comma-separated piece of that run is a body's
name (capitalised words with a body word: "Center", "Foundation", "Institute" …), that
piece is the publisher.
"""

from __future__ import annotations

import re
from typing import Sequence

#: Lower-case words a body's name may hold between its capitalised ones.
_LINKS = frozenset({"of", "for", "and", "on", "the", "&", "in"})
#: A body's acronym after its name: "(IETF)", "(LBNL)".
_ACRONYM = re.compile(r"^\([A-Z][A-Za-z&.]{1,9}\),?$")
#: A body's acronym standing as a word of its name.
_ACRONYM_WORD = re.compile(r"[A-Z]{2,6}")
#: Capitalised words that open a phrase of the title, not a body's name ("…, Before the Senate
#: Committee on Finance": the hearing a testimony was given at).
_PHRASE_OPENERS = frozenset({"before", "to", "for", "in", "at", "on", "by", "from", "with", "under", "and", "or"})
#: At most this many words in the body's name.
_MAX_WORDS = 10


def _body_name(words: Sequence[str]) -> bool:
    from bibkaz.parse.normalise.names import looks_like_organisation

    if not 2 <= len(words) <= _MAX_WORDS or words[0].lower() in _LINKS | _PHRASE_OPENERS:
        return False
    for w in words:
        bare = w.rstrip(",")
        if not (bare[:1].isupper() or bare in _LINKS or _ACRONYM.match(w)):
            return False
        if any(c.isdigit() for c in bare) or bare.endswith((".", "?", "!", ":", ";")):
            return False
    bare = [w.rstrip(",") for w in words]
    # a body and its office by their acronyms ("USDA ERS", "DOE EERE"): no person's name
    return looks_like_organisation(" ".join(bare)) or all(_ACRONYM_WORD.fullmatch(w) for w in bare)


def repair(tokens: Sequence[str], labels: list[str]) -> list[str]:
    """The body's name ending an unquoted title run right before the date → publisher."""
    if not labels or labels[0] not in ("author", "editor") or "publisher" in labels or "title" not in labels:
        return labels
    start = labels.index("title")
    if any(lab not in ("author", "editor") for lab in labels[:start]):
        return labels
    end = start
    while end < len(labels) and labels[end] == "title":
        end += 1
    if end >= len(labels) or labels[end] not in ("date", "collection-title") or not tokens[end - 1].endswith(","):
        return labels
    if tokens[start][:1] in "\"“‘'*_":
        return labels  # a quoted or italic title ends where its marks do
    cut = max((i for i in range(start, end - 1) if tokens[i].endswith(",")), default=-1)
    if cut < start + 1 or not _body_name(tokens[cut + 1:end]):
        return labels
    out = list(labels)
    out[cut + 1:end] = ["publisher"] * (end - cut - 1)
    return out

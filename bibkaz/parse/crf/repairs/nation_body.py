"""A country's body named after the country's abbreviation: the whole name is the author.

Notes and lists cite a federal body as "U.S. Energy Information Administration, [Crude Oil
Production](…), 2016", "U.S. Geological Survey, [The National Petroleum Reserve …](…), 2001". The
model, which learnt that a token ending in a full stop closes an author's name (most names end
in an initial), read "U.S." alone as the author and the body's own words as the start of the
title, which then began "Energy Information Administration, Crude Oil Production". Where the
author is the country's abbreviation alone and the title run opens with capitalised words closed
by a comma or a full stop that name a body (normalise/names), those words are the author's — but
only where a title is left after them ("U.S. Digital Services Playbook, available at: …" is a
title, not a body). A body's acronym in brackets before its name ("(NIEHS) National Institute of
Environmental Sciences. Endocrine disruptor factsheet. 2010 [Online]. …") is read the same way.
"""

from __future__ import annotations

import re
from typing import Sequence

from bibkaz.parse.normalise.names import looks_like_organisation

#: A country's abbreviation before its bodies' names.
_NATIONS = frozenset({"U.S.", "U.K.", "US", "UK", "EU", "UN", "E.U.", "U.N."})
#: A body's acronym in brackets before its name, as some lists print it: "(NIEHS) National Institute of
#: Environmental Sciences.", "(NLM) National Library of Medicine.".
_BRACKETED_ACRONYM = re.compile(r"^\([A-Z][A-Z/&-]{1,12}\)$")
#: Lower-case words a body's name may hold ("Department of the Interior").
_SMALL = frozenset({"of", "and", "the", "for", "on", "&"})
#: A body's name is short.
_MAX_WORDS = 9


def repair(tokens: Sequence[str], labels: list[str]) -> list[str]:
    """"U.S." alone as the author, then a body's name in the title run → the author."""
    n = min(len(tokens), len(labels))
    if n < 4 or labels[0] != "author" or labels[1] != "title" \
            or not (tokens[0] in _NATIONS or _BRACKETED_ACRONYM.match(tokens[0])):
        return labels
    stop = next((k for k in range(1, min(n, _MAX_WORDS + 1)) if tokens[k].endswith((",", "."))), -1)
    if stop < 1 or stop + 1 >= n or labels[stop + 1] != "title" or any(lab != "title" for lab in labels[1:stop + 1]):
        return labels
    words = [t.rstrip(",.") for t in tokens[1:stop + 1]]
    if not all(w[:1].isupper() or w in _SMALL for w in words) or any(not w.replace("-", "").isalpha() for w in words):
        return labels
    if not looks_like_organisation(" ".join(words)):
        return labels
    out = list(labels)
    out[1:stop + 1] = ["author"] * stop
    return out

"""A news outlet's name is the periodical; a site named by its domain is a site.

Notes and Wikipedia lists cite news by outlet: '"Title". The New Yorker. Retrieved …',
'…,” PennLive, March 1, 2013, https://…'. Whether such a name is a newspaper (labelled
journal, as the training data labels newspapers, magazines and wires) or a web site's name
(container-title) is a matter of knowing the outlet, which a CRF with a few neighbours'
words cannot; the model reads the same slot either way. A container-title run that is
wholly a name in lexicons/news-outlets.txt is the journal; a journal run that is one
domain name ("Earthtimes.org.", "latimes.com") is the site's name (container-title).

An unsigned story in a Chicago note opens with its outlet: "Defense Daily, “GD Submits
Prototype Proposal …,” May 6, 2021." The model reads a name before a quoted title as its
author, as it is for signed stories; when that name is wholly an outlet's, it is the journal.
"""

from __future__ import annotations

import re
from typing import Sequence

from bibkaz.parse.crf.lexicon import news_outlet

#: Quotes that open a quoted title.
_OPENING_QUOTES = ("“", '"', "‘", "'", "«")
_DOMAIN = re.compile(r"^\(?(?:www\.)?[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.(?:com|org|net|gov|edu|info|io|"
                     r"co\.uk|org\.uk|ac\.uk|gov\.uk|int|eu|ca|au|de|fr|in)\)?[.,;:]?$", re.I)


def repair(tokens: Sequence[str], labels: list[str]) -> list[str]:
    """container-title runs naming a news outlet → journal; a journal that is a domain → container-title;
    an opening author run naming an outlet before a quoted title → journal."""
    out = _outlet_first(tokens, labels)
    labels = out
    i, n = 0, min(len(tokens), len(labels))
    while i < n:
        lab = labels[i]
        j = i
        while j + 1 < n and labels[j + 1] == lab:
            j += 1
        if lab == "container-title" and j - i < 6 and news_outlet(" ".join(tokens[i : j + 1])):
            out = out if out is not labels else list(labels)
            out[i : j + 1] = ["journal"] * (j + 1 - i)
        elif lab == "journal" and i == j and _DOMAIN.match(tokens[i]):
            out = out if out is not labels else list(labels)
            out[i] = "container-title"
        i = j + 1
    return out


def _outlet_first(tokens: Sequence[str], labels: list[str]) -> list[str]:
    """"Outlet, “Title,” date": the opening author run → journal when it is wholly an outlet's
    name, a quoted title follows it and no periodical is named elsewhere."""
    n = min(len(tokens), len(labels))
    if n < 3 or labels[0] != "author":
        return labels
    j = 0
    while j + 1 < n and labels[j + 1] == "author":
        j += 1
    if j >= 5 or j + 1 >= n or labels[j + 1] != "title" or not tokens[j + 1].startswith(_OPENING_QUOTES):
        return labels
    if "journal" in labels or "container-title" in labels or not news_outlet(" ".join(tokens[: j + 1])):
        return labels
    return ["journal"] * (j + 1) + list(labels[j + 1 :])

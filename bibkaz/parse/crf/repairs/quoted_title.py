"""A quoted title ends where its closing quote is.

Chicago notes and Wikipedia's citations put an article's or a web page's title
in quotes: 'Sen. Tom Harkin, “Equal Protection of Voting Rights Act of 2001,”
debate in the Senate, Congressional Record, …' or '"Coffee". Fairtrade
Labelling Organizations International. Retrieved …'. The model often runs the
title on over the words after the closing quote (a description, the site's or
publisher's name), which the title's own quotes rule out. Tokens after the
closing quote that are still labelled title become the container when the
reference names none (a web page's site: '"Graphic". Climate Change: Vital
Signs of the Planet. NASA.'), else a note ("debate in the Senate", before the
Congressional Record that is the container).
"""

from __future__ import annotations

import re
from typing import Sequence

#: A token that opens a quotation: one opening quote, then a word character.
_OPENS = re.compile(r"^[“\"](?![“\"])\w")
#: A token that closes it: a closing quote, optionally followed by punctuation
#: ('2001,”', 'Coffee".', 'Coffee",', '”;').
_CLOSES = re.compile(r"[”\"][.,;:)]*$")


def repair(tokens: Sequence[str], labels: list[str]) -> list[str]:
    """Title tokens after the closing quote of a title that opens with a quote → container or note."""
    n = len(labels)
    for i, label in enumerate(labels):
        if label != "title" or (i and labels[i - 1] == "title"):
            continue
        if not _OPENS.match(tokens[i]):
            return labels  # only the first title run, and only when it is quoted
        j = i
        while j < n and labels[j] == "title" and not (_CLOSES.search(tokens[j]) and (j > i or len(tokens[j]) > 2)):
            # (the opening token closes the quote too when the title is one word: '"Coffee".')
            j += 1
        if j >= n or labels[j] != "title" or j + 1 >= n or labels[j + 1] != "title":
            return labels  # no closing quote inside the run, or nothing after it
        rest = "note" if "journal" in labels or "container-title" in labels else "container-title"
        out = list(labels)
        k = j + 1
        while k < n and out[k] == "title":
            out[k] = rest
            k += 1
        return out
    return labels

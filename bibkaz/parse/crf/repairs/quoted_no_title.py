"""Words in quotes are the title when the model found none.

Chicago notes by an organisation put the title in quotes after the author:
'U.S. Forest Service, “Cold War Heroes Honored by U.S. Forest Service,” Forest
Service Blogs, July 21, 2016, https://…'. The model read "U.S." as the author and
everything up to the blog's name as the container, so the reference had no
title. When no token is labelled title and a run of tokens opens with an
opening quote and ends with the matching closing quote (not a link), that run is
the title; container words between the author and the quote continue the
author's name ("Forest Service,"), as a note names its author before the title.
"""

from __future__ import annotations

import re
from typing import Sequence

_OPENS = re.compile(r"^[“\"](?![“\"])\w")
_CLOSES = re.compile(r"[”\"][.,;:)]*$")
#: Labels a quoted title cannot be inside of (identifiers, numbers).
_NOT_TITLE = frozenset({"url", "doi", "date", "volume", "pages", "author", "editor"})


def repair(tokens: Sequence[str], labels: list[str]) -> list[str]:
    """The first quoted run in a reference with no title → title (a new list, or ``labels`` unchanged)."""
    if "title" in labels:
        return labels
    n = len(labels)
    for i in range(n):
        if not _OPENS.match(tokens[i]) or labels[i] in _NOT_TITLE:
            continue
        j = i
        while j < n and labels[j] not in _NOT_TITLE and not (_CLOSES.search(tokens[j]) and (j > i or len(tokens[j]) > 2)):
            j += 1
        if j >= n or labels[j] in _NOT_TITLE:
            return labels
        out = list(labels)
        out[i : j + 1] = ["title"] * (j + 1 - i)
        k = i - 1
        if k >= 0 and out[k] != "author":
            start = k
            while start > 0 and out[start - 1] == out[k]:
                start -= 1
            if start > 0 and out[start - 1] == "author" and out[k] in ("container-title", "journal", "publisher") \
                    and tokens[k].endswith(","):
                out[start:i] = ["author"] * (i - start)
        return out
    return labels

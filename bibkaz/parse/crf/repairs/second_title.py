"""A container read as a second title: title, editors, then another "title".

"Baker, M. (1997). Thematic roles. In L. Haegeman (ed.), Elements of Grammar,
73-137. Kluwer." — without a leading "In" right before it, the model often
labels the book's title as a second title run after the editors. A reference
has one title; a title run that follows an editor run, after a title already
seen, is the container the editors edited.
"""

from __future__ import annotations

from typing import Sequence


def repair(tokens: Sequence[str], labels: list[str]) -> list[str]:
    """The first title run after an editor run, after an earlier title, → container-title."""
    if "container-title" in labels or "editor" not in labels:
        return labels
    seen_title = False
    n = len(labels)
    for i, label in enumerate(labels):
        if label != "title" or (i and labels[i - 1] == "title"):
            continue  # only the first token of each title run matters
        if seen_title and i and labels[i - 1] == "editor":
            out = list(labels)
            j = i
            while j < n and out[j] == "title":
                out[j] = "container-title"
                j += 1
            return out
        seen_title = True
    return labels

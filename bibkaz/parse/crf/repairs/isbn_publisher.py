"""A book's publisher between its title and its ISBN is no periodical.

Wikipedia's book citations read "Author (Year). Title (5th ed.). Publisher. p. 536. ISBN …":
"Nathan Wolfe (2012). The Viral Storm: … Age. St. Martin's Griffin. ISBN 978-1250012210.",
"Allan H. Robbins; Wilhelm Miller (2012). Circuit Analysis: Theory and Practice (5th ed.).
Cengage Learning. p. 536. ISBN 1-285-40192-1." The model read the publisher as a journal or a
container (and the work as an article or a chapter). An ISBN names a book; in a reference with
one, no volume or issue, and no "In" before the name, the journal or container run that
follows the title (or its edition) is the publisher, unless it names a meeting's proceedings.
"""

from __future__ import annotations

from typing import Sequence

_CONTAINER = frozenset({"journal", "container-title"})
_BEFORE = frozenset({"title", "edition"})
#: Words that name a meeting's proceedings (which carry ISBNs too): a container after all.
_MEETING = ("proceedings", "proc.", "conference", "symposium", "workshop", "congress", "meeting")


def repair(tokens: Sequence[str], labels: list[str]) -> list[str]:
    """A periodical or container run after the title in a reference with an ISBN → publisher."""
    if "isbn" not in labels or "volume" in labels or "issue" in labels or "publisher" in labels:
        return labels
    start = next((i for i, lab in enumerate(labels) if lab in _CONTAINER), -1)
    if start < 1 or labels[start - 1] not in _BEFORE or tokens[start].lower().rstrip(":") == "in":
        return labels
    end = start
    while end < len(labels) and labels[end] == labels[start]:
        end += 1
    if any(lab in _CONTAINER for lab in labels[end:]):
        return labels
    if any(t.lower().strip(",.;:()") in _MEETING or t.lower().startswith("proc") for t in tokens[start:end]):
        return labels
    out = list(labels)
    out[start:end] = ["publisher"] * (end - start)
    return out

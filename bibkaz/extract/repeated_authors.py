"""A bibliography's "———." for the author of the entry above.

Chicago and MLA bibliographies (and pandoc's citeproc output of them) print an author's second and later
works under a run of dashes: "Cole, Wade M. 2012. “Human Rights …”" then "———. 2015. “Mind the Gap …”".
The dashes are the same names, not an entry without authors: without them the 2015 work cannot be
linked to its citation "(Cole 2015)", nor merged with the same work cited in another document. The
parser reads one string at a time and cannot see the entry above, so the names are carried over here,
where the list's order is known.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Sequence

from bibkaz.model import ParsedReference

#: The dashes (or underscores) that stand for the author above: "———.", "——,", "---.", "___.".
_SAME_AUTHOR = re.compile(r"\s*(?:[—―]{1,6}|[-–]{2,6}|_{2,8})\s*[.,:]")


def with_repeated_authors(parsed: Sequence[ParsedReference]) -> list[ParsedReference]:
    """``parsed`` with each reference-list entry that opens with dashes given the names (authors, or
    editors when the entry above has only those) of the entry above it in the same list."""
    out = list(parsed)
    order = sorted((i for i, p in enumerate(out) if p.reference.kind == "reference-list"),
                   key=lambda i: out[i].reference.line)
    for before, i in zip(order, order[1:]):
        record = out[i].record
        if record.authors or record.editors or not _SAME_AUTHOR.match(out[i].reference.text):
            continue
        above = out[before].record
        if above.authors:
            out[i] = replace(out[i], record=replace(record, authors=above.authors))
        elif above.editors:
            out[i] = replace(out[i], record=replace(record, editors=above.editors))
    return out

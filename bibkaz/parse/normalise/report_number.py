"""A report's number standing alone is not its series.

GAO and many agencies cite their reports "Title, GAO-04-38 (Washington, D.C.:
Mar. 10, 2004)" or "Title. GAO/GGD-96-118. Washington, D.C.: June 1996.": the
parsers label the bare number as the series (collection-title) or, in the rules,
as the container, and a series or container is then printed and compared as if
the report were part of a publication named "GAO-04-38". Where a series name
comes with the number ("CRS Report R41234", "Working Paper No. 2") it stays the
series. A bare number goes to ``genre``, where CSL styles print a report's
designation ("Title. GAO-04-38. Washington, D.C., 2004."); Record has no field
of its own for report numbers.
"""

from __future__ import annotations

import re

from bibkaz.model import Record

#: "GAO-04-38", "GAO/GGD-96-118", "GAO-05-391T", "GAO-04-343SP", "HIR-24-02", "GAO-05- 539":
#: an agency's letters, then numbers joined by hyphens, nothing else.
BARE_NUMBER = re.compile(r"[A-Z]{2,8}(?:/[A-Z]{2,8})?-\s?\d{2,4}(?:-\s?\d{1,7})+[A-Z]{0,3}")


def is_bare_number(text: str) -> bool:
    """Whether ``text`` is a report number with no series name around it."""
    return BARE_NUMBER.fullmatch(text.strip(" .,;()")) is not None


def number_out_of_series(record: Record) -> Record:
    """``record`` with a bare report number moved from its series or container to its genre."""
    for name in ("collection_title", "container_title"):
        value = getattr(record, name)
        if value and is_bare_number(value):
            number = value.strip(" .,;()").replace(" ", "")
            genre = f"{record.genre} {number}" if record.genre else number
            changes = {name: "", "genre": genre}
            if name == "container_title" and record.type in ("article-magazine", "article-newspaper",
                                                              "article-journal", "chapter", "webpage"):
                changes["type"] = "report"  # a periodical or book named by a report number is a report
            return record.with_(**changes)
    return record

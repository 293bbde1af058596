"""A year that opens a title with no mark after it is the title's first word.

Reports and data sets are named by their year: "DOL, ETA, 2023 Comparison of State Unemployment
Insurance Laws, https://…", "U.S. Census Bureau. 2010 summary file 1 technical documentation.",
"FAA's 2005-2009 Flight Plan". The model, which saw a bare year before a title almost only as the
date of author-date styles, cut it off as the date. A date printed before the title is closed by a
mark ("2020.", "(2020)", "2020,", "2020:"); a year (or a span of years) with none, at the start of
the reference or of a part (after a comma or a full stop), followed at once by the title's words and
with the work's date printed elsewhere, is the title's.
"""

from __future__ import annotations

import re
from typing import Sequence

#: "2023", "2005-2009", "2011–2023": nothing before or after it.
#: What ends the part before the year: the year then opens a part of its own. Ubiquity Press's
#: author-date lists print the year after the names with no mark at all ("Peng, R D 2011
#: Reproducible research …"): there it is the date.
_PART_END = (",", ";", ":", ".")
_BARE_YEAR = re.compile(r"^(?:1[6-9]|20)\d\d(?:[-–](?:(?:1[6-9]|20)\d\d|\d\d))?$")


def repair(tokens: Sequence[str], labels: list[str]) -> list[str]:
    """A lone bare year labelled date right before the title run → title."""
    n = min(len(tokens), len(labels))
    out = labels
    for k in range(n - 1):
        if labels[k] == "date" and labels[k + 1] == "title" and (k == 0 or labels[k - 1] != "date") \
                and _BARE_YEAR.match(tokens[k]) and tokens[k + 1][:1].isalnum() \
                and (k == 0 or tokens[k - 1].endswith(_PART_END)) \
                and any(lab == "date" for j, lab in enumerate(labels[:n]) if abs(j - k) > 1):
            out = out if out is not labels else list(labels)
            out[k] = "title"
    return out

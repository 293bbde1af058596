"""A year that opens a title is part of it.

"GAO, 2025 Annual Report: Opportunities …, GAO-25-107604 (Washington, D.C.:
May 13, 2025)", "Jack M. Mintz, 2007 Tax Competitiveness Report: …, September
2007": a bare year right after the author's comma and before the title's first
word reads like a date to the model. A year with no punctuation of its own,
between a comma-ended author and a title, when the reference has another date,
is the title's first word.
"""

from __future__ import annotations

import re
from typing import Sequence

_BARE_YEAR = re.compile(r"^(?:1[5-9]|20)\d\d$")


def repair(tokens: Sequence[str], labels: list[str]) -> list[str]:
    """A bare year between an author ending in a comma and a title → title."""
    for i in range(1, len(tokens) - 1):
        if labels[i] == "date" and _BARE_YEAR.match(tokens[i]) and labels[i + 1] == "title" \
                and labels[i - 1] == "author" and tokens[i - 1].endswith(",") \
                and any(lab == "date" for j, lab in enumerate(labels) if j != i):
            out = list(labels)
            out[i] = "title"
            return out
    return labels

"""AMA's "Title; 2020." ends the title at the semicolon: the year after it is the date.

AMA cites a body's document with its year after a semicolon: "Executive Office of the President,
…. President’s management agenda, Federal Data Strategy, action plan 2020; 2020. Accessed
February 7, 2024. https://…". With a year inside the title too, the model ran the title through
the year and left the reference undated. A year alone, closed by a full stop, right after a
title word closed by a semicolon, is the date.
"""

from __future__ import annotations

import re
from typing import Sequence

_YEAR = re.compile(r"^(?:1[6-9]|20)\d\d\.$")


def repair(tokens: Sequence[str], labels: list[str]) -> list[str]:
    """"…; 2020." inside the title run → date, when the reference has no date."""
    if "date" in labels or ";" not in "".join(tokens):
        return labels
    n = min(len(tokens), len(labels))
    for i in range(1, n):
        if labels[i] == "title" and labels[i - 1] == "title" and tokens[i - 1].endswith(";") and _YEAR.match(tokens[i]) \
                and (i + 1 == n or labels[i + 1] != "title"):
            out = list(labels)
            out[i] = "date"
            return out
    return labels

"""A bill or resolution cited by its number alone is all title.

CRS notes cite bills bare: "S. 2456", "H.R. 562", "H.Res. 5;". The model reads "S." as an
initial and the number as a year or pages ("S." author, "2456" date), which leaves a bill
with no title and a person called S. When the whole reference is one chamber's designator and
a number, every token is title (and the type table reads it as a bill).
"""

from __future__ import annotations

import re
from typing import Sequence

_BILL = re.compile(r"^(?:H\.\s?R\.|S\.|H\.\s?Res\.|S\.\s?Res\.|H\.\s?J\.\s?Res\.|S\.\s?J\.\s?Res\.|H\.\s?Con\.\s?Res\.|"
                   r"S\.\s?Con\.\s?Res\.)\s?\d{1,5}[.,;]?$")


def repair(tokens: Sequence[str], labels: list[str]) -> list[str]:
    """All tokens → title when the reference is only a bill's designator and number."""
    if not 1 <= len(tokens) <= 4 or all(lab == "title" for lab in labels) or not _BILL.match(" ".join(tokens)):
        return labels
    return ["title"] * len(labels)

"""A statute's citation runs to its Statutes at Large page.

Bluebook cites a public law as one title: "Pub. L. No. 117-169, tit. I,
subtit. A, § 70004, 136 Stat. 1818, 1830 (2022)". The model often ends the title
early, after the law's number or a division, and reads the volume and pages of
the Statutes at Large as a journal, volume or pages. When a title names a
public law ("Pub. L.", "P.L."), every token from the end of that title through
"N Stat. page[, page]" belongs to it; the year in brackets after it stays the date.
"""

from __future__ import annotations

import re
from typing import Sequence

_PUBLIC_LAW = re.compile(r"^(?:Pub\.?|P\.L\.)$")
_STAT = re.compile(r"^Stat\.?,?$")
_PAGE = re.compile(r"^(?:\d[\d,–-]*[,;.]?|at)$")


def repair(tokens: Sequence[str], labels: list[str]) -> list[str]:
    """Tokens between a public law's title and the end of its "N Stat. page" → title."""
    joined = " ".join(tokens)
    if "Pub" not in joined and "P.L." not in joined:
        return labels  # no token can be "Pub." or "P.L."
    n = len(tokens)
    law = next((i for i, t in enumerate(tokens) if _PUBLIC_LAW.match(t) and labels[i] == "title"), -1)
    if law < 0:
        return labels
    stat = next((i for i in range(law + 1, min(n, law + 30)) if _STAT.match(tokens[i])), -1)
    if stat < 1 or not tokens[stat - 1].isdigit():
        return labels
    end = stat + 1
    while end < n and _PAGE.match(tokens[end]) and (end == stat + 1 or not tokens[end - 1].endswith((".", ";"))):
        end += 1
    if any(t.startswith("(") for t in tokens[law:end]) or all(lab == "title" for lab in labels[law:end]):
        return labels
    out = list(labels)
    out[law:end] = ["title"] * (end - law)
    return out

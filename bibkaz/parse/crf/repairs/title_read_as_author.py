"""Opening title words the model read as an author, when nothing closes the "author".

A list of an agency's products gives no author: "Results-Oriented Budget Practices in Federal
Agencies. GAO-01-1084SP. Washington, D.C.: August 2001." The model, used to references that
open with a name, labelled "Results-Oriented Budget" the author and the rest the title. A name
is always closed before the title ("Lee, A.", "Lee A,", "Lee (2020)", "Lee:"); an opening
"author" whose last word runs straight into the title with no punctuation is the title's start.
"""

from __future__ import annotations

from typing import Sequence


def repair(tokens: Sequence[str], labels: list[str]) -> list[str]:
    """An unpunctuated opening author span followed by the title → title."""
    if not labels or labels[0] != "author":
        return labels
    k = 0
    while k < len(labels) and labels[k] == "author":
        k += 1
    if k >= len(labels) or labels[k] != "title" or not tokens[k - 1][-1:].isalnum() or "author" in labels[k:]:
        return labels
    out = list(labels)
    out[:k] = ["title"] * k
    return out

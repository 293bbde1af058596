"""A title does not stop in the middle of a phrase.

"Office of the USTR, 2026 Trade Policy Agenda and 2025 Annual Report, February
2026.": the model ended the title at "2025" and read "Annual Report," as the
periodical. A title run whose last token ends in a word joined to the next word
("and", "of", "the", "for", a bare year …, no punctuation) runs on through the
periodical or container words after it, up to the first token that ends in a
comma or full stop, when nothing but a date, pages or a link follows them.
"""

from __future__ import annotations

import re
from typing import Sequence

#: Title-ending tokens that cannot end a title: a linking word, or a bare year inside a phrase.
_OPEN_END = re.compile(r"^(?:and|or|of|the|for|in|on|to|with|a|an|&|(?:1[5-9]|20)\d\d)$", re.I)
_CONTAINER = frozenset({"journal", "container-title"})
_AFTER = frozenset({"date", "pages", "url", "doi", "note"})


def repair(tokens: Sequence[str], labels: list[str]) -> list[str]:
    """Container tokens continuing a title cut after a linking word or year → title."""
    n = len(labels)
    for i in range(1, n):
        if labels[i] not in _CONTAINER or labels[i - 1] != "title" or not _OPEN_END.match(tokens[i - 1]):
            continue
        j = i
        while j < n and labels[j] in _CONTAINER and not tokens[j].endswith((",", ".", ";", ":")):
            j += 1
        if j >= n or labels[j] not in _CONTAINER:
            return labels
        if any(lab not in _AFTER for lab in labels[j + 1:]):
            return labels
        out = list(labels)
        out[i : j + 1] = ["title"] * (j + 1 - i)
        return out
    return labels

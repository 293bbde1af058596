"""A series name runs on into its number; the number is no date or page.

"Working Paper SEHSD 2013-17, U.S. Census Bureau", "American Community Survey Brief 20-08",
"NIST Special Publication 800-145", "European Commission, EUR 20366": the model ended the
series at its name and read the number as a date, pages or a volume. A series run that ends
without punctuation, directly followed by a number ("2013-17", "20-08", "800-145", "20366")
that ends its comma piece, has the number as its last word.
"""

from __future__ import annotations

import re
from typing import Sequence

#: A report number: digits, perhaps joined by hyphens, slashes or dots, perhaps a letter after.
_NUMBER = re.compile(r"^\d[\d./-]*[A-Za-z]?[,.;]?$")
_NUMBER_LABELS = frozenset({"date", "pages", "volume", "issue"})
#: A year alone is the date ("Working Paper, May 2006"), a month before the number too.
_YEAR = re.compile(r"^(?:1[5-9]|20)\d\d[,.;]?$")
_MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                     "october", "november", "december", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.",
                     "sep.", "sept.", "oct.", "nov.", "dec."})


def repair(tokens: Sequence[str], labels: list[str]) -> list[str]:
    """A number right after an unpunctuated series run → the series."""
    out = list(labels)
    for i in range(1, len(labels)):
        if out[i - 1] != "collection-title" or out[i] not in _NUMBER_LABELS or not _NUMBER.match(tokens[i]):
            continue
        if _YEAR.match(tokens[i]) or tokens[i - 1].lower() in _MONTHS:
            continue
        if tokens[i - 1].endswith((",", ".", ";", ":", ")")) or (i + 1 < len(labels) and labels[i + 1] == labels[i]
                                                                    and not tokens[i].endswith((",", ".", ";"))):
            continue  # the series closed before it, or the number is the start of a longer date or page span
        out[i] = "collection-title"
    return out

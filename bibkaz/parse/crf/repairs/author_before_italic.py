"""A body's name or an author before an italic title is the author, not the title's start.

NIST's reference lists (and other author-date lists kept in Markdown) read "National Institute
of Standards and Technology (2019) *Security Requirements for Cryptographic Modules.* (U.S.
Department of Commerce, Washington, DC), …". The model, seeing a body's name where it expects
a person's, read the body, the year and the italic title as one title. When a reference opens
with words, then a year in brackets, then an italic span, and the model labelled the opening
words as title, the words are the author, the year the date, and the italic span the title; a
title-labelled piece after the span that runs into the publisher ("(U.S." before "Department of
Commerce,") is the publisher's.

The same lists cite "National Technical Information Service, *Social Security Death Master
File*, available at: <…>" and "Government of Canada, *Guideline on Identity Assurance*, …": a
body's name (names.looks_like_organisation) ending in a comma right before the italic span, all
labelled title, is the author. CRS notes write the same without italics ("Tech Transparency
Project, Cryptocurrency Miners’ Sweetheart Deal …, July 21, 2022, https://…", "Washington
Metropolitan Area Transit Authority, FY2026 Budget, p. 7, …"): there the body's name must be
followed by at least two more title words, the first capitalised, which end at the date, pages
or link.
"""

from __future__ import annotations

import re
from typing import Sequence

#: "(2019)", "(2019a)", "(2016,": the year in brackets after the authors.
_YEAR = re.compile(r"^\((?:1[5-9]|20)\d\d[a-z]?[),]$")
_OPENS_ITALIC = re.compile(r"^[*_](?![*_])\S")
_CLOSES_ITALIC = re.compile(r"[*_][.,;:)]*$")
#: What ends an unquoted title after a body's name: its date, pages or link.
_AFTER_TITLE = frozenset({"date", "pages", "url", "doi", "note"})


def repair(tokens: Sequence[str], labels: list[str]) -> list[str]:
    """Title-labelled "Words (YYYY) *Italic*" or "Body, *Italic*" at the start → author (and date), title."""
    return _body_comma_italic(tokens, _year_italic(tokens, labels))


def _body_comma_italic(tokens: Sequence[str], labels: list[str]) -> list[str]:
    from bibkaz.parse.normalise.names import looks_like_organisation

    n = len(labels)
    cut = next((i for i in range(0, min(n - 1, 12)) if tokens[i].endswith(",")), -1)
    if cut < 0 or any(lab != "title" for lab in labels[: cut + 2]):
        return labels
    if not _OPENS_ITALIC.match(tokens[cut + 1]):
        if not tokens[cut + 1][:1].isupper():
            return labels  # "Senate Rule XXVI, paragraph 5(b)", "Testimony of …, in U.S. Congress, …": one title
        end = cut + 1
        while end < n and labels[end] == "title":
            end += 1
        if end - cut - 1 < 2 or (end < n and labels[end] not in _AFTER_TITLE):
            return labels
    words = [t.rstrip(",") for t in tokens[: cut + 1]]
    if not all(w[:1].isupper() or w in ("of", "and", "for", "the", "on", "&") for w in words) \
            or not looks_like_organisation(" ".join(words)):
        return labels
    out = list(labels)
    out[: cut + 1] = ["author"] * (cut + 1)
    return out


def _year_italic(tokens: Sequence[str], labels: list[str]) -> list[str]:
    n = len(labels)
    year = next((i for i in range(1, min(n, 16)) if _YEAR.match(tokens[i])), -1)
    if year < 1 or year + 1 >= n or not _OPENS_ITALIC.match(tokens[year + 1]):
        return labels
    if any(lab != "title" for lab in labels[: year + 2]) or not all(t[:1].isupper() or t in ("of", "and", "for", "the", "on", "&")
                                                                    for t in tokens[:year]):
        return labels
    end = year + 1
    while end < n and not _CLOSES_ITALIC.search(tokens[end]):
        end += 1
    if end >= n:
        return labels
    out = list(labels)
    out[:year] = ["author"] * year
    out[year] = "date"
    out[year + 1 : end + 1] = ["title"] * (end - year)
    k = end + 1
    while k < n and labels[k] == "title":
        k += 1
    if k > end + 1 and k < n and labels[k] == "publisher":
        out[end + 1 : k] = ["publisher"] * (k - end - 1)
    return out

"""A web page's title as its site writes it, with the by-line, date and site in it.

Blogging platforms title their pages "Title | by Author | Nov, 2022 | Medium", and writers
copy that title as a link's words ("[DSD Fall 2022: … (1/10) | by Bransthre | Nov, 2022 |
Medium](https://medium.com/…)") or write a list entry the same way ("[Title][ref] | Author:
Naisha Sinha | Aug. 2024"). The parts between the bars are the work's fields, not its title:
the first is the title, "by X" / "Author: X" the author, a month and year the date, and a last
part that is neither a short name, the site. Only a title with a by-line part is read so: a
bar alone also ends titles such as "Service Composition - Glossary | CSRC".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bibkaz.parse.normalise.dates import parse_date

#: "by Bransthre", "Author: Naisha Sinha", "By Ana Ruiz (Ana R.)"
_BY_LINE = re.compile(r"^(?:by|By|Author:|Authors:)\s+(?P<name>[^()|]{2,80}?)\s*(?:\([^()]*\))?$")
#: A site's name: at most four words, capitalised or a domain.
_SITE = re.compile(r"^(?:[A-Z0-9][\w.&'’-]*)(?:\s+[\w.&'’-]+){0,3}$")


@dataclass(frozen=True)
class PageTitle:
    """The fields of a page title split at its bars."""

    title: str
    author: str
    date: str
    site: str


def split_page_title(words: str) -> PageTitle | None:
    """The fields of ``words`` when they are a page title with a by-line part, else None."""
    if " | " not in words:
        return None
    parts = [p.strip() for p in words.split(" | ")]
    if len(parts) < 2 or not parts[0]:
        return None
    author = date = site = ""
    for i, part in enumerate(parts[1:], 1):
        by = _BY_LINE.match(part)
        if by and not author:
            author = by.group("name").strip()
        elif not date and parse_date(part)[0] and len(part) <= 20:
            date = parse_date(part)[0]
        elif i == len(parts) - 1 and _SITE.match(part):
            site = part
        else:
            return None  # a part that is none of these: not a page title of this form
    if not author:
        return None
    return PageTitle(title=parts[0], author=author, date=date, site=site)

"""A string cite's first authority is the reference; the rest are other works.

Legal notes cite several authorities in one sentence, separated by semicolons ("CFPB v. Aria, 54
F.4th 1168, 1173 (9th Cir. 2022); Gordon, 819 F.3d at 1193; FTC v. E.M.A. Nationwide, Inc., 767
F.3d 611, 631 (6th Cir. 2014)."). The finder keeps the sentence as one reference, which the dev
golds read as its first case; parsed whole, the case's name ran on over the next ones. When the
part before the first semicolon is a case (a name with "v.") with its reporter citation (volume,
reporter, page), the parsers are given that part.
"""

from __future__ import annotations

import re

#: A reporter citation: volume, reporter's abbreviation (up to three parts), first page ("54 F.4th 1168").
_REPORTER = re.compile(r"\b\d{1,4} [A-Z][A-Za-z0-9.’']{0,10}(?: [A-Za-z0-9.’']{1,8}){0,2} \d{1,5}\b")


def first_authority(text: str) -> str:
    """``text`` up to its first semicolon when that part is a case with its reporter citation."""
    cut = text.find("; ")
    if cut < 0:
        return text
    head = text[:cut]
    if " v. " not in head or not _REPORTER.search(" ".join(head.split())):
        return text
    return head

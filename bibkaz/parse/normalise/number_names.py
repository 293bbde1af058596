"""A designation or a number read as an author is no author.

The model sometimes labels a document's number as a name: the standard's number after its body
("ISO, ISO/IEC 29167-1:2014, Information Technology …" → authors ISO and "29167-1:2014"), an
order's, a report's or a memorandum's number ("Executive Order 13764", "CRS Report R47105", "OMB
Memorandum M-03-22"), a section ("13 C.F.R. §300.3"), a version ("UEFI Specification Version 2.3"),
a fiscal year ("FY2023"). No person's or body's name is digits and punctuation alone, or at most
three letters before a number with a separator or four digits or more; names such as "3M", "G20" or
"U2" are kept.
"""

from __future__ import annotations

import re

from bibkaz.model import Name, Record

_DESIGNATION = re.compile(r"[A-Z]{0,3}[-/]?\d[\d:./-]{0,30}[A-Za-z]?")
_SEPARATED = re.compile(r"\d[-:./]\d|\d{4}")


def _a_number(name: Name) -> bool:
    """Whether the name's family (or an organisation's whole name) is a number or a designation
    (its given part may be the designation's letters: "ISO/IEC" before "29167-1:2014")."""
    text = (name.literal or name.family).strip(" .,;()§")
    if not text or not any(c.isdigit() for c in text):
        return False
    if not any(c.isalpha() for c in text):
        return True
    return not name.given and bool(_DESIGNATION.fullmatch(text) and _SEPARATED.search(text))


def without_number_names(record: Record) -> Record:
    """``record`` without the authors that are a number or a designation (module docstring)."""
    if not any(_a_number(n) for n in record.authors):
        return record
    return record.with_(authors=tuple(n for n in record.authors if not _a_number(n)))

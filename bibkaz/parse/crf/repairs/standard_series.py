"""A standards body's series and number is the work's series, wherever the model put it.

Policy notes and NIST's lists cite Internet and federal standards by their series: "…,
Network Working Group, RFC 3439, December 2002, …", "…, Internet Engineering Task Force
(IETF), Request for Comments (RFC) 1122, October 1989, …", "… (National Institute of
Standards and Technology, Gaithersburg, MD), NIST Special Publication (SP) 800-63A, …",
"…, Technical Specification 38.401, Version 18.2.0, …", "…, NIST Special Publication (SP) 800-131A
Revision 1, …" (the revision is part of the designation). The model, which saw few, read the
designation as part of the title, as a date ("RFC 3439," before "December 2002"), or as a
publisher and a note. A designation of one of these series with its number, standing as its
own comma-separated piece after the title has begun, is the series (``collection-title``, the
convention for "CRS Report R41234" and "Working Paper no. 12").
"""

from __future__ import annotations

import re
from typing import Sequence

#: The series names, then the number ("800-63A", "1122", "38.401", "6529-A", "140-3").
_DESIGNATION = re.compile(
    r"(?:RFC|STD|BCP|Request for Comments \(RFC\)|(?:NIST )?Special Publication(?: \(SP\))?|NIST SP|NISTIR|"
    r"NIST Internal Report|NIST Interagency or Internal Report \(IR\)|FIPS(?: PUB)?|"
    r"Federal Information Processing Standards?(?: \(FIPS\))? Publication(?: \(FIPS\))?|Technical Specification)"
    r" \d[\w.]*(?:-\d*[\w.]*)*(?: (?:Revision|Rev\.) \d{1,2})?[,.;]?"
)
#: Designations spelt out at length, which no title's prose holds.
_SPELT_OUT = re.compile(r"(?:NIST Special Publication|Federal Information Processing Standards?) ")
#: Labels a designation may have been given; an author's or a quoted title's words are left alone.
_MOVABLE = frozenset({"title", "date", "note", "publisher", "container-title", "journal", "genre", "pages", "volume",
                      "collection-title"})


def repair(tokens: Sequence[str], labels: list[str]) -> list[str]:
    """Each series designation piece after the title's start → collection-title."""
    if "title" not in labels:
        return labels
    first_title = labels.index("title")
    starts, at = [], 0
    for t in tokens:
        starts.append(at)
        at += len(t) + 1
    joined = " ".join(tokens)
    out = list(labels)
    for m in _DESIGNATION.finditer(joined):
        if m.start() not in starts or (m.end() < len(joined) and joined[m.end()] != " "):
            continue  # not on token boundaries
        i = starts.index(m.start())
        j = i + len(m.group(0).split())
        if i <= first_title or (i > 0 and not tokens[i - 1].endswith((",", ".", ")")) and not _SPELT_OUT.match(m.group(0))):
            # the title's own words ("… the RFC 1122 requirements"), or not a piece of its own; a
            # series spelt out at length is never the title's ("… for Authentication NIST Special
            # Publication (SP) 800-38B, …", "Secure Hash Standard (SHS) Federal Information …")
            continue
        if not tokens[j - 1].endswith((",", ".", ";")) and j < len(tokens):
            continue
        if any(lab not in _MOVABLE for lab in labels[i:j]) or "*" in joined[m.start():m.end()]:
            continue
        out[i:j] = ["collection-title"] * (j - i)
        break  # one series a reference ("IETF, STD 7, RFC 9293": the first)
    return out

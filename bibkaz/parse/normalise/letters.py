"""A letter cited by who wrote it to whom: the writer is its author.

CRS notes cite correspondence "Letter from Sen. Markey et al. to Chairman Swett of FERC,
November 13, 2025, https://…", "Letter from Chris Wright, Secretary of Energy, to Chairman
David Rosner and Commissioners of FERC, October 23, 2025, …". The model, which saw such
descriptions as titles (bench/real_strings/README.md), read the addressee as a container or
ran the date into the title, and named no author. The description up to the date is the title
(as labelled), the writer the author (without "Sen.", "Reps." and "et al."), the date its date,
and nothing its container.
"""

from __future__ import annotations

import re

from bibkaz.model import Record

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
#: "Letter from WRITER[, role …] to ADDRESSEE, Month D, YYYY"
_LETTER = re.compile(
    rf"^\s*(?P<title>(?:Letter|Memorandum) from (?P<writers>[^,]+?)(?:,[^,]+?)*?,?\s+to\s+[^,]+(?:,[^,]+?)*?)"
    rf",\s*(?P<date>{_MONTH}\s+\d{{1,2}},\s+\d{{4}})\b"
)
#: Offices written before the writer's name.
_OFFICE = re.compile(r"^(?:Sens?\.|Reps?\.|Senators?|Representatives?|Chairman|Chairwoman|Secretary|Dr\.)\s+")
_ET_AL = re.compile(r"\s+et\s+al\.?$")
_TYPES_NEEDING_CONTAINER = frozenset({"article-journal", "article-magazine", "article-newspaper", "chapter",
                                      "paper-conference", "webpage"})


def as_letter(text: str, record: Record) -> Record:
    """``record`` read as the letter ``text`` cites, when ``text`` opens "Letter from X … to Y, date"."""
    m = _LETTER.match(text)
    if not m:
        return record
    from bibkaz.parse.normalise.dates import parse_date
    from bibkaz.parse.normalise.names import parse_names

    writers = _ET_AL.sub("", _OFFICE.sub("", m.group("writers").strip()))
    authors = parse_names(writers)
    if not authors:
        return record
    date = parse_date(m.group("date"))[0]
    kind = "document" if record.type in _TYPES_NEEDING_CONTAINER else record.type
    return record.with_(title=m.group("title").strip(), authors=authors, date=date or record.date,
                        container_title="", type=kind)

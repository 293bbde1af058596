"""A journal's or a body's abbreviated name whose first word the title took.

Bluebook and science notes abbreviate the container word by word ("Bull. Seism. Soc. Am.", "Fed.
Trade Comm’n", "Geol. Soc. Am. Special Papers", "Commun. Earth Environ."). The first abbreviation
follows the title's comma, and the model often reads it as the title's last word ("… for Puerto
Rico, Geol" / "Soc. Am. Special Papers"). When the title ends in a comma and one short capitalised
word, the reference prints that word with its dot right before the container, and the container is
itself abbreviated, the word is the container's first.
"""

from __future__ import annotations

import re

from bibkaz.model import Record

#: The title's last word after its comma: a short capitalised word, as an abbreviation's letters.
_LAST_WORD = re.compile(r",\s+([A-Z][a-z]{1,5})$")
#: An abbreviated word in the container ("Soc.", "Res.", "Comm’n").
_ABBREVIATED = re.compile(r"\b[A-Z][a-z]{0,8}\.(?=\s|$)|[a-z]’n\b")
#: Short words that end a title or a name, not an abbreviation of a container's.
_NOT_CONTAINER = frozenset({"Vol", "No", "Inc", "Ltd", "Co", "Corp", "Jr", "Sr", "St", "Dr", "Mr", "Mrs", "Ms", "Ed",
                            "Eds", "Pt", "Ch", "Art", "Sec", "Rev", "Part", "Ibid", "Id"})


def with_abbreviated_container(text: str, record: Record) -> Record:
    """``record`` with its title's last word moved to the container's front (module docstring)."""
    if not record.title or not record.container_title or "," not in record.title:
        return record
    m = _LAST_WORD.search(record.title)
    if m is None or m.group(1) in _NOT_CONTAINER:
        return record
    container = record.container_title
    if not _ABBREVIATED.search(container):
        return record
    word = m.group(1)
    if not re.search(rf"\b{word}\.\s+{re.escape(container[:30])}", " ".join(text.split())):
        return record
    return record.with_(title=record.title[: m.start()].rstrip(" ,"), container_title=f"{word}. {container}")

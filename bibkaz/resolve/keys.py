"""Citation keys: human, lower-case ASCII, and stable when the corpus grows.

``laruelle2018why`` = first author's family name + year + first significant title
word. Without authors (nor editors) the organisation behind the work stands in
for the name (``congressional2026types``: the publisher, or the site it is on);
without one, the site of its address (``understandingwar2023``,
``rybar2023`` for t.me/rybar); without any, the title's first significant word
(``central2020asia``). Never "anon": such a key tells a reader nothing. Without a year the year part is simply left out
(``laruellewhy``): "nd" would read as part of the name. Collisions get "a", "b",
… in the order of the records' content, never of input order, so two runs and
two input orders give the same keys; keys a previous run gave are kept first.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import count, product
from string import ascii_lowercase
from typing import Iterator, Sequence

from bibkaz.model import CITED_BY_KEY, Name, Record
from bibkaz.resolve.features import STOPWORDS, fold
from bibkaz.resolve.names_for_keys import organisation, site_word

_ORG_SKIP = STOPWORDS | {"the"}
#: What a BibTeX key may not hold (biber and bibtex both stop at these).
_KEY_SAFE = re.compile(r"[^A-Za-z0-9:._/+-]")


def _word(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text)


def _name_part(name: Name) -> str:
    if name.literal:
        words = [w for w in fold(name.literal).split() if w not in _ORG_SKIP]
        return _word(words[0]) if words else ""
    return _word(fold(name.family))


def _first_word(text: str) -> str:
    words = [_word(w) for w in fold(text).split() if w not in _ORG_SKIP]
    return next((w for w in words if w), "")


def base_key(record: Record) -> str:
    """The key before any collision suffix."""
    if record.note.startswith(CITED_BY_KEY):
        # known only by the document's own citation key: that key, so the user's entry stands in for it
        own = _KEY_SAFE.sub("", record.note[len(CITED_BY_KEY):].split(";", 1)[0])
        if own:
            return own
    names = record.authors or record.editors
    name = _name_part(names[0]) if names else ""
    words = [_word(w) for w in fold(record.title).split() if w not in STOPWORDS]
    words = [w for w in words if w]
    if not name:
        name = _first_word(organisation(record)) or _word(fold(site_word(record.url)))
    if not name and words:
        name, words = words[0], words[1:]
    if not name and record.doi:
        name = "doi"
    word = words[0] if words else ""
    key = f"{name}{record.year}{word}"
    return key or f"untitled{record.year}"


def suffixes() -> Iterator[str]:
    """"", "a", "b", … "z", "aa", "ab", …"""
    yield ""
    for length in count(1):
        for letters in product(ascii_lowercase, repeat=length):
            yield "".join(letters)


def content_order(record: Record) -> tuple[str, ...]:
    """A sort key from what a record says, so collisions are settled the same way
    whatever order the documents were read in."""
    return (
        record.date,
        fold(record.title),
        "|".join(n.inverted() for n in record.authors),
        fold(record.container_title),
        record.doi.lower(),
        record.url,
        record.type,
        record.publisher,
        record.volume,
        record.issue,
        record.pages,
        "|".join(n.inverted() for n in record.editors),
    )


def assign_keys(
    records: Sequence[Record], fixed: Sequence[str | None] | None = None, reserved: set[str] | frozenset[str] = frozenset()
) -> list[str]:
    """One unique key per record.

    ``fixed[i]``, when set, is a key record i already had (a previous run, a .bib
    being merged) and keeps; ``reserved`` keys are never given to a new record.
    """
    fixed = list(fixed) if fixed is not None else [None] * len(records)
    taken = set(reserved) | {k for k in fixed if k}
    keys: list[str | None] = list(fixed)
    bases = {i: base_key(records[i]) for i, k in enumerate(fixed) if not k}
    # Only colliding records need the (costlier) content order.
    colliding = {b for b, n in Counter(bases.values()).items() if n > 1}
    order = {i: content_order(records[i]) if b in colliding else () for i, b in bases.items()}
    # One suffix sequence per base, resumed where the last record of that base stopped: the
    # keys before it are all taken (taken only grows), and restarting from "" for each of
    # thousands of records sharing a base was quadratic.
    sequences: dict[str, Iterator[str]] = {}
    for i in sorted(bases, key=lambda i: (bases[i], order[i])):
        base = bases[i]
        for suffix in sequences.setdefault(base, suffixes()):
            if base + suffix not in taken:
                keys[i] = base + suffix
                taken.add(base + suffix)
                break
    return [k or "" for k in keys]

"""Manubot's reference lists, their lines run together: title, authors, venue, (date), link.

Manuscripts written with Manubot (eLife's and PeerJ's preprints among them) print each reference
on lines of its own: the title; the authors as "Given [Initial] Family", separated by commas; the
journal or site; the date in brackets in ISO form and the link; then "DOI: … · PMID: …". Converted
to text the lines are joined with spaces and nothing marks where the title ends or the venue
begins: "Sci-Hub provides access to nearly all scholarly literature Daniel S Himmelstein, Ariel
Rodriguez Romero, … Casey S Greene eLife (2018-03-01) https://doi.org/ckcj DOI: …". The model,
which never saw the form, ran the title into the first names and the last name into the venue.

The form's fixed parts say where they are: the bracketed ISO date right before a link ends the
venue; the authors are a run of capitalised names closed by commas. The first name starts after
the title with the given name before its family name and comma (a middle initial between them
is the name's too; a title may end in capitalised words, so no more is taken); the last name is a given name, its initials or particles, and one family name, and
what follows it up to the date is the venue. A reference with one author has no comma to anchor
the names: it is read only from a given name the lexicon knows, with a venue after the name.
"""

from __future__ import annotations

import re
from typing import Sequence

from bibkaz.parse.crf.lexicon import lexicon
from bibkaz.parse.normalise.names import PARTICLES

#: "(2018-03-01)", "(2013-08)", "(2014)": the date as Manubot prints it.
_ISO_DATE = re.compile(r"^\((?:1[6-9]|20)\d\d(?:-[01]\d(?:-[0-3]\d)?)?\)$")
#: The date and the link after it, found in the joined tokens.
_SIGNATURE = re.compile(r"\((?:1[6-9]|20)\d\d(?:-[01]\d(?:-[0-3]\d)?)?\) https?://")
#: A word of a person's name: capitalised ("Greshake", "O'Neil", "Bendezú-Quispe", "CLee", "KA").
_NAME_WORD = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w’'-]*$")
#: Words of a name at most.
_MAX_NAME = 4


def repair(tokens: Sequence[str], labels: list[str]) -> list[str]:
    """Title, authors and venue of a Manubot reference, read from its form."""
    if not _SIGNATURE.search(" ".join(tokens)):
        return labels  # (one search over the joined string: most references are no Manubot's)
    date = next((i for i in range(4, len(tokens) - 1) if _ISO_DATE.match(tokens[i])
                 and tokens[i + 1].startswith(("http://", "https://"))), -1)
    if date < 0:
        return labels
    head = list(tokens[:date])
    found = next((names for names in map(lambda c: _names_from(head, c), _commas(head)) if names), None) \
        or _one_name(head)
    if found is None:
        return labels
    start, last = found
    last = _crf_venue_start(head, labels, start, last) - 1
    out = list(labels)
    out[:start] = ["title"] * start
    out[start:last + 1] = ["author"] * (last + 1 - start)
    out[last + 1:date] = [_venue_label(head[last + 1:], tokens[date:])] * (date - last - 1)
    out[date] = "date"
    return out


#: Labels the model gives a venue.
_VENUE = frozenset({"journal", "container-title", "publisher"})


def _crf_venue_start(head: list[str], labels: list[str], start: int, last: int) -> int:
    """Where the venue begins: after the last name as read from the form, unless the model read a
    venue that begins later and the words between are a name's ("Dalmeet Singh Chawla Nature": a
    middle name the form cannot tell from a venue's first word)."""
    date = len(head)
    v = date
    while v - 1 > last and labels[v - 1] in _VENUE:
        v -= 1
    if last + 1 < v < date and v - start <= _MAX_NAME and all(
            _open(w) and w.lower() not in _SMALL and not _ACRONYM.match(w) for w in head[last + 1:v]):
        return v  # (not "The" of "The Journal of …", nor "SPARC" or "PLOS" of a venue's name)
    return last + 1


def _commas(head: list[str]) -> list[int]:
    return [i for i in range(1, len(head)) if head[i].endswith(",") and _name_word(head[i][:-1])]


def _names_from(head: list[str], first_comma: int) -> tuple[int, int] | None:
    """(first word, last word) of the names when the first name ends at ``first_comma``."""
    start = _first_name_start(head, first_comma)
    if start < 1:
        return None
    at = first_comma + 1  # the names after the first, each closed by its comma; the last by nothing
    while True:
        end = next((k for k in range(at, min(at + _MAX_NAME, len(head))) if head[k].endswith(",")), -1)
        if end < 0:
            break
        if end == at or not all(_name_word(w.rstrip(",")) for w in head[at:end + 1]):
            return None
        at = end + 1
    last = _last_name_end(head, at)
    return (start, last) if last >= 0 else None


def _one_name(head: list[str]) -> tuple[int, int] | None:
    """A single author, no comma to anchor it: a given name the lexicon knows, after the title's
    first word, then the rest of a name and a venue ("Half of 2011 papers now free to read Richard
    Van Noorden Nature", "The Rise of Pirate Libraries Sarah Laskow Atlas Obscura"); the last such
    given name where there are more. (A title may end in capitalised words: "… Blocked in Russia
    Reid Standish" has no given name the lexicon knows, and is left alone.)"""
    given = lexicon("given-names")
    for i in range(len(head) - 2, 0, -1):
        if head[i].lower() not in given or any(w.endswith(",") for w in head[i - 1:]):
            continue  # (after a comma the name is the title's: "Meet the Robin Hood of Science, Alexandra Elbakyan")
        last = _last_name_end(head, i)
        if last >= 0 and last + 1 < len(head) and head[last + 1][:1].isalpha():
            return i, last
    return _after_sentence_case(head)


_ACRONYM = re.compile(r"^[A-Z]{3,}$")
#: Words a title in title case leaves in lower case.
_SMALL = frozenset({"a", "an", "the", "of", "in", "on", "for", "and", "or", "to", "at", "by", "with", "from", "vs", "via",
                    "as", "into", "over", "per", "nor", "but", "upon"})


def _after_sentence_case(head: list[str]) -> tuple[int, int] | None:
    """A title in sentence case ends at its last word in lower case that is no small word, and the
    name begins right after it ("Pirate research-paper sites play hide-and-seek with publishers
    Quirin Schiermeier Nature"). Only a title with two such words or more is in sentence case ("…
    Is Now Blocked in Russia Reid Standish Foreign Policy" is in title case: its end is unknown)."""
    content = [i for i, w in enumerate(head) if w[:1].islower() and len(w.strip(",.:;?!")) >= 3
               and w.lower().strip(",.:;?!") not in _SMALL and w.lower() not in PARTICLES]
    if len(content) < 2:
        return None
    for stop in reversed(content):
        start = stop + 1
        if start >= len(head) - 1 or head[stop].endswith(",") or any(w.endswith(",") for w in head[start:]):
            continue
        last = _last_name_end(head, start)
        if last >= 0 and last + 1 < len(head) and head[last + 1][:1].isalpha() and last - start <= 2 \
                and head[last + 1].lower() not in _SMALL and not _ACRONYM.match(head[start]):
            # (a venue opens with no small word, "… infused Philosophical Transactions of the Royal
            # Society"; a body's acronym is no given name, "… system BSI British Standards")
            return start, last
    return None


#: Venues that publish data and preprints: CSL names them as the publisher, not a container.
_REPOSITORY = re.compile(r"^(?:figshare|zenodo|dryad|osf|repository|data)$", re.I)


def _venue_label(venue: list[str], tail: Sequence[str]) -> str:
    """A repository or a preprint's server publishes (figshare, "Dryad Digital Repository", a DOI
    of PeerJ's preprints), and so does a body named in capitals as catalogues print it ("NAVAL
    RESEARCH LAB WASHINGTON DC"); a venue with a DOI is a journal; else a site."""
    words = [w.strip(",.") for w in venue]
    if any(_REPOSITORY.match(w) for w in words) or any("preprint" in t.lower() for t in tail) \
            or (len(words) >= 3 and all(w.isupper() for w in words)):
        return "publisher"
    return "journal" if any(t.upper() == "DOI:" for t in tail) else "container-title"


def _name_word(word: str) -> bool:
    return bool(_NAME_WORD.match(word)) or word in PARTICLES


def _open(word: str) -> bool:
    """A capitalised word that closes no sentence or clause: it may belong to a name."""
    return _name_word(word) and not word.endswith((",", ".", ":", ";", "?", "!"))


def _first_name_start(head: list[str], comma: int) -> int:
    """Where the first name begins, from its comma: the given name and the family name, or with a
    middle initial between them ("Daniel S Himmelstein,"); -1 where those words are no name. (A
    title may end in capitalised words, "… on the Public Web Madian Khabsa,", "… in Peru Guido
    Bendezú-Quispe,": only the initial says a name has three words.)"""
    if comma < 2 or not _open(head[comma - 1]):
        return -1
    if _middle_initial(head[comma - 1]) and comma >= 3 and _open(head[comma - 2]):
        return comma - 2
    return comma - 1


def _middle_initial(word: str) -> bool:
    return len(word) == 1 and word.isupper()


def _last_name_end(head: list[str], at: int) -> int:
    """The last word of the last name, which no comma closes: a given name (or initials), any
    middle initials and particles, then one family name (two when a line break cut it,
    "Taype- Rondan"); -1 when the words there are no name."""
    if at + 1 >= len(head) or not _open(head[at]):
        return -1
    i = at + 1
    while i < len(head) - 1 and (_middle_initial(head[i]) or head[i].lower() in PARTICLES):
        i += 1
    if not _open(head[i]) and not head[i].endswith("-"):
        return -1
    if head[i].endswith("-") and i + 1 < len(head):
        i += 1
    return i

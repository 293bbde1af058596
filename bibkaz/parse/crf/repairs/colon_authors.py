"""A colon after Vancouver names ends the authors.

F1000Research and other Vancouver-style lists write "Cook JD: Moore's Law
Squared. 2012." and "Prabhu P, Jablin TB, Raman A, et al.: A survey of …". The
model learnt the colon after several names, but after a single one it ran the
authors on into the title ("Cook JD: Moore's Law Squared." all author, so the
"author" became "Squared"). When the reference opens with names in the
"Family INITIALS" form closed by a colon, the author tokens after the colon are
the title.
"""

from __future__ import annotations

import re
from typing import Sequence

#: "Cook JD:", "Wilson G, Aruliah DA:", "Prabhu P, Jablin TB, Raman A, et al.:"
_VANCOUVER_NAMES = re.compile(r"(?:[A-Z][\w'’-]+ [A-Z]{1,3}, )*[A-Z][\w'’-]+ [A-Z]{1,3}(?:, et al\.)?:")
#: Names closed by the colon lie within this many tokens.
_MAX_TOKENS = 24


#: Names written given name first, closed by a colon, as reading lists give them: "Robert L. Glass:",
#: "Jennifer Campbell, Paul Gries, Jason Montojo, and Greg Wilson:", "Deborah S. Ray and Eric J. Ray:".
_GIVEN_FIRST = r"[A-Z][a-z]+(?: [A-Z]\.)*(?: [A-Z][\w'’-]*[a-z][\w'’-]*)"  # a family name has lower case: not "Webb CO"
_GIVEN_FIRST_NAMES = re.compile(rf"{_GIVEN_FIRST}(?:(?:, and |, | and | & ){_GIVEN_FIRST})*:")
#: Labels the words after such names may carry that are the title's.
_TITLE_LIKE = frozenset({"author", "title"})


def _given_first_names(tokens: Sequence[str], labels: list[str]) -> list[str]:
    """"Robert L. Glass: Facts and Fallacies of Software Engineering <…>. Addison-Wesley, 2002.":
    the names up to the colon are the authors, the words after it that the model read as author
    or title are the title (the model ran the names into the title, or a given name alone was
    the author). A capitalised phrase before a colon is also how titles open ("Humble Inquiry:
    The Gentle Art …", "Memorial Mania: …" after the names), so a name the model did not read
    as an author must open with a known given name or "and"."""
    end = next((i for i in range(min(len(tokens), _MAX_TOKENS)) if tokens[i].endswith(":")), -1)
    if end < 1 or end + 1 >= len(tokens) or labels[end + 1] not in _TITLE_LIKE:
        return labels
    if not _GIVEN_FIRST_NAMES.fullmatch(" ".join(tokens[: end + 1])):
        return labels
    # The names the model did not read as authors: the rest of a name it began ("Robert L." then
    # "Glass:"), or a name that opens with "and" or a known given name ("and Greg Wilson:",
    # "Michael Feathers:"); not a title after the names ("Erika Doss, Memorial Mania: …").
    read = 0
    while read <= end and labels[read] == "author":
        read += 1
    if read <= end and not (read and not tokens[read - 1].endswith(",")):
        from bibkaz.parse.crf.lexicon import lexicon

        rest = [t.lower() for t in tokens[read : end + 1]]
        first = rest[1] if rest[0] in ("and", "&") and len(rest) > 1 else rest[0]
        if first not in lexicon("given-names"):
            return labels
    out = list(labels)
    out[: end + 1] = ["author"] * (end + 1)
    i = end + 1
    while i < len(out) and out[i] in _TITLE_LIKE:
        out[i] = "title"
        i += 1
    return out


def repair(tokens: Sequence[str], labels: list[str]) -> list[str]:
    """Leading Vancouver names closed by a colon → author (the model may have read the last ones
    as title: "Webb CO, Donoghue MJ: Phylomatic: …"), author tokens after the colon → title;
    names given first and closed by a colon → author, what follows them → title."""
    if labels and labels[0] in _TITLE_LIKE and tokens and tokens[0][:1].isupper():
        given_first = _given_first_names(tokens, labels)
        if given_first is not labels:
            return given_first
    if not labels or labels[0] != "author":
        return labels
    end = next((i for i in range(min(len(tokens), _MAX_TOKENS)) if tokens[i].endswith(":")), -1)
    if end < 1 or end + 1 >= len(tokens):
        return labels
    if labels[end + 1] != "author" and all(lab == "author" for lab in labels[: end + 1]):
        return labels  # the names and nothing more were read as authors: nothing to repair
    if not _VANCOUVER_NAMES.fullmatch(" ".join(tokens[: end + 1])):
        return labels
    out = list(labels)
    out[: end + 1] = ["author"] * (end + 1)
    i = end + 1
    while i < len(out) and out[i] == "author":
        out[i] = "title"
        i += 1
    return out

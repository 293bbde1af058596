"""Given names under ``initialize="false"`` (CSL 1.0.2, "Name-part formatting": ``initialize``).

CSL: with ``initialize-with`` set and ``initialize="false"``, given names are
printed in full but initials the name already has are normalised with the
``initialize-with`` mark ("James T Kirk" → "James T. Kirk"). citeproc-js reads
"initials" as its name normaliser does, and that decides entries such as
"S.-M. Lee" → "S. M. Lee", "Y-H." → "Y. H." (a hyphen between two initials
becomes the mark), "S-CT" → "S.-CT" (an initial before a word keeps the hyphen),
"Jean-Marc" and "Ji-hoon" unchanged. :func:`normalize` is that normaliser, for
plain text.
"""

from __future__ import annotations

import re

_SEPARATOR = re.compile(r"([-\s]+)")
_TRAILING = re.compile(r"[\t\n\x0b\x0c\r \ufeff\u00a0]+$")


#: A word of two or more letters typed with a period ("Ph.", "Ts.", "Me."): an abbreviation.
_ABBREVIATED_WORD = re.compile(r"(?<![^\s.])[^\W\d_]{2,}\.")
#: A word of letters after a space, a period or the start (tested by :func:`_opens_with_digraph`).
_WORD = re.compile(r"(?<![^\s.])[^\W\d_]+")
_TOKEN = re.compile(r"[^\s.]+\.?")
_LETTERS = re.compile(r"[^\W\d_]*")


def _capitals(word: str) -> int:
    """How many capital letters ``word`` opens with (any script: "Ó" is one, "ó" is not)."""
    count = 0
    while count < len(word) and word[count].isupper():
        count += 1
    return count


def _opens_with_digraph(word: str) -> bool:
    """Two capitals or more, then lower case ("TSerendorjiin"): citeproc-js's initial is "Ts"."""
    capitals = _capitals(word)
    return capitals >= 2 and capitals < len(word) and word[capitals].islower()


def has_abbreviation(given: str) -> bool:
    """Whether :func:`initialize_abbreviated` decides this given name (not citeproc-py's initialiser)."""
    return _ABBREVIATED_WORD.search(given) is not None or any(_opens_with_digraph(w) for w in _WORD.findall(given))


def _initial(token: str) -> str:
    """One word as citeproc-js's ``doInitialize`` shortens it: a word of letters typed with a period
    is kept ("Ph."), else its first letter and the capitals after it when lower case follows them
    ("TSerendorjiin" → "Ts", "ME" → "M"); a word not opening with a capital stays as typed."""
    word = token[:-1] if token.endswith(".") else token
    if not word or not word[0].isalpha() or not word[0].isupper():
        return word
    rest = _LETTERS.match(word, 1).group(0)  # type: ignore[union-attr]
    if rest and token.endswith(".") and len(rest) == len(word) - 1:
        return word
    capitals = rest[:_capitals(rest)]
    return word[0] + (capitals.lower() if len(capitals) < len(rest) else "")


def initialize_abbreviated(given: str, mark: str) -> str:
    """``given`` initialised as citeproc-js does it (:func:`_initial` for each word), each
    initial followed by ``mark`` ("Ph.M.E." → "Ph. M. E.", "Ts.", "John ME" → "J. M.")."""
    out = []
    for token in _TOKEN.findall(given):
        initial = _initial(token)
        out.append(initial + mark if initial[:1].isupper() else f" {initial} ")
    return re.sub(r"\s+", " ", "".join(out)).strip()


def _abbreviation(part: str) -> tuple[str, bool]:
    """(part without its last period, whether it is an initial or an abbreviation)."""
    if len(part) > 1 and part.endswith("."):
        return re.sub(r"^(.*)\.(.*)$", r"\1\2", part), True
    return part, len(part) == 1 and part.upper() == part


def normalize(given: str, mark: str) -> str:
    """``given`` with its initials marked by ``mark`` and its other words as typed."""
    name = re.sub(r"\s+", " ", re.sub(r"\s*-\s*", "-", given))
    name = re.sub(r"-([a-z])", "\u2013\\1", name)  # "Ji-hoon": a lower-case part is not split off
    name = re.sub(r"\.(?=[^ ])", ". ", name)
    pieces = _SEPARATOR.split(name)
    if len(pieces) == 1:
        tail = re.search(r"[^.]+$", pieces[0])
        if tail and len(tail.group(0)) == 1 and tail.group(0) != tail.group(0).lower():
            pieces[0] += "."
    flags = []
    for i, piece in enumerate(pieces):
        if i % 2 == 0:
            pieces[i], flag = _abbreviation(piece)
        else:
            flag = len(piece) == 1 and piece.upper() == piece and not piece.isspace() and piece != "-"
        flags.append(flag)
    for i in range(0, len(pieces), 2):
        if not flags[i]:
            continue
        if i < len(pieces) - 2:
            if not flags[i + 2]:
                pieces[i + 1] = pieces[i + 1] + " "
            if len(pieces[i + 2]) > 1:
                pieces[i + 1] = mark.rstrip("\ufeff") + pieces[i + 1]
            else:
                pieces[i + 1] = mark
        if i == len(pieces) - 1:
            pieces[i] = pieces[i] + mark
    out = _TRAILING.sub("", "".join(pieces))
    out = re.sub(r"[\t\n\x0b\x0c\r ]+", " ", re.sub(r"\s*-\s*", "-", out))
    return re.sub("\u2013([a-z])", r"-\1", out)

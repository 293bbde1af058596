"""Token features for the CRF.

Why these: a reference's fields are told apart less by the words themselves
than by their shape ("1999.", "pp.", "X."), the punctuation around them and
where they stand (before or after the first full stop, inside quotes or
brackets, after "In"). Each token's own features, and the views its neighbours
take of it, are computed once per distinct token string (a bounded LRU cache):
most tokens of a corpus repeat, so this halves tagging time without letting
memory grow. Features are plain strings (weight 1), the fastest form
python-crfsuite accepts.
"""

from __future__ import annotations

import re
from functools import lru_cache, reduce
from itertools import repeat
from operator import or_
from typing import NamedTuple, Sequence

from bibkaz.parse.crf.lexicon import lexicon

_EDGE = ".,;:!?()[]{}\"'“”‘’«»„<>*/_"
_YEAR = re.compile(r"^[(\[]?(1[5-9]\d\d|20\d\d)[a-z]?(?:[/–-]\d{2,4})?[)\]]?[.,;:]*[)\]]?[.,;:]*$")
_YEAR_ANY = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
_RANGE = re.compile(r"^\(?\d+[A-Za-z]?\s*[-–—‐~]+\s*\d+[A-Za-z]?\)?[.,;:)]*$")
_VOLISSUE = re.compile(r"^\d+\s*\(\s*[\w/–-]+\s*\)[.,;:]*$|^\d+[.:]\d+[.,;:]*$")
_ROMAN = re.compile(r"^(?=[mdclxvi])m*(?:c[md]|d?c{0,3})(?:x[cl]|l?x{0,3})(?:i[xv]|v?i{0,3})$", re.I)
_INITIAL = re.compile(r"^[A-ZÀ-ÖØ-Þ]\.(?:-?[A-ZÀ-ÖØ-Þ]\.)*[,;]?$|^[A-ZÀ-ÖØ-Þ][,;]?$")
_URL = re.compile(r"https?://|www\.|\.(?:com|org|net|edu|gov|int|io)(?:/|$)", re.I)
_DOI = re.compile(r"10\.\d{4,9}/|^doi", re.I)
_ISBN = re.compile(r"^(?:isbn|97[89]-?\d)", re.I)

#: Flags from patterns over the whole token.
_DIGIT_PATTERNS = (("RANGE", _RANGE), ("VOLISS", _VOLISSUE))
_ROMAN_CHARS = frozenset("ivxlcdm")
#: Flags from the word lists in lexicons/.
_LEXICON_FLAGS = (
    ("months", "MONTH"), ("given-names", "GIVEN"), ("journal-words", "JOURNAL"),
    ("publisher-words", "PUBLISHER"), ("places", "PLACE"),
)

_MARKERS = {
    "in": "IN",
    "eds": "EDS", "ed": "EDS", "editor": "EDS", "editors": "EDS", "edited": "EDS", "hrsg": "EDS", "hg": "EDS",
    "éd": "EDS", "éds": "EDS", "dir": "EDS",
    "pp": "PP", "p": "PP", "pages": "PP", "page": "PP", "s": "PP", "pg": "PP",
    "vol": "VOL", "volume": "VOL", "vols": "VOL", "bd": "VOL", "band": "VOL", "t": "VOL", "tome": "VOL",
    "no": "NO", "nr": "NO", "issue": "NO", "n°": "NO", "num": "NO", "number": "NO", "iss": "NO",
    "and": "AND", "&": "AND", "und": "AND", "et": "AND", "y": "AND", "e": "AND",
    "al": "ETAL",
    "retrieved": "ACC", "accessed": "ACC", "available": "ACC", "viewed": "ACC", "online": "ACC",
    "trans": "TRANS", "translated": "TRANS", "transl": "TRANS", "tr": "TRANS",
    "edn": "EDN", "edition": "EDN", "ed.": "EDN", "aufl": "EDN", "auflage": "EDN",
    "thesis": "GENRE", "dissertation": "GENRE", "diss": "GENRE", "report": "GENRE", "paper": "GENRE",
    "phd": "GENRE", "unpublished": "GENRE", "manuscript": "GENRE",
    "conference": "CONF", "proceedings": "CONF", "symposium": "CONF", "workshop": "CONF", "meeting": "CONF",
    "press": "PRESS", "university": "UNIV",
}


#: character → its shape class, filled as characters are met (a few hundred at most).
_CHAR_CLASS: dict[str, str] = {}


def _char_class(ch: str) -> str:
    c = "X" if ch.isupper() else "x" if ch.isalpha() else "d" if ch.isdigit() else ch
    _CHAR_CLASS[ch] = c
    return c


_ASCII_DIGIT = re.compile(r"[0-9]")


#: ASCII character → its shape class, for str.translate.
_ASCII_CLASSES = str.maketrans({chr(c): _char_class(chr(c)) for c in range(128)})


def _shape(s: str) -> str:
    """"Smith," → "Xx,"; "1999." → "d."; "pp." → "x." (runs collapsed, at most 8).

    An ASCII token (nearly all) is classed by one str.translate, and the runs of
    its class string collapsed by a cached loop: far fewer class strings than
    tokens occur ("Xxxxx," stands for every capitalised five-letter word with a
    comma).
    """
    if s.isascii():
        return _collapse(s.translate(_ASCII_CLASSES))
    get = _CHAR_CLASS.get
    return _collapse("".join([get(ch) or _char_class(ch) for ch in s]))


@lru_cache(maxsize=16_384)
def _collapse(classes: str) -> str:
    """A class string with its runs collapsed, at most 8 ("Xxxxx," → "Xx,")."""
    out: list[str] = []
    prev = ""
    for c in classes:
        if c != prev:
            out.append(c)
            if len(out) > 8:
                break
            prev = c
    return "".join(out)[:8]


def _lexicon_index() -> dict[str, tuple[str, ...]]:
    """word → the lexicon flags it carries, built once from lexicons/."""
    global _LEXICON_INDEX
    if _LEXICON_INDEX is None:
        index: dict[str, list[str]] = {}
        for name, flag in _LEXICON_FLAGS:
            for word in lexicon(name):
                index.setdefault(word, []).append(flag)
        _LEXICON_INDEX = {w: tuple(f) for w, f in index.items()}
    return _LEXICON_INDEX


_LEXICON_INDEX: dict[str, tuple[str, ...]] | None = None


def token_features(tok: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(own features, the subset a neighbour sees) of one token string."""
    core = tok.strip(_EDGE)
    low = core.lower()
    shape = _shape(tok)
    word, shaped = "w=" + low, "sh=" + shape
    own = [word, shaped, "csh=" + (shape if core == tok else _shape(core))]
    if len(low) > 3:
        own.append("suf=" + low[-3:])
        own.append("pre=" + low[:3])
    own.append("last=" + (tok[-1] if not tok[-1].isalnum() else "a"))
    own.append("first=" + (tok[0] if not tok[0].isalnum() else "a"))
    flags: list[str] = []
    # Patterns are skipped for tokens that cannot match them (most tokens are
    # plain words): the same flags, in a fraction of the time. The edge
    # characters stripped from ``core`` hold no digits, so a purely alphabetic
    # core means a token without digits.
    has_digit = not core.isalpha() and (
        _ASCII_DIGIT.search(tok) is not None if tok.isascii() else any(c.isdigit() for c in tok)
    )
    if has_digit:
        if _YEAR.match(tok):
            flags.append("YEAR")
        elif _YEAR_ANY.search(tok):
            flags.append("HASYEAR")
        flags.extend(flag for flag, pattern in _DIGIT_PATTERNS if pattern.search(tok))
    if tok[:1].isupper() and _INITIAL.search(tok):  # an initial starts with a capital
        flags.append("INITIAL")
    if "." in tok or "/" in tok:
        if _URL.search(tok):
            flags.append("URL")
        if _DOI.search(tok):
            flags.append("DOI")
    elif tok[:3].lower() == "doi":
        flags.append("DOI")
    if core.isdigit():
        flags.append("NUM" if len(core) < 5 else "LONGNUM")
    elif has_digit and any(c.isdigit() for c in core):
        flags.append("HASDIGIT")
    if core and _ROMAN_CHARS.issuperset(low) and _ROMAN.match(core) and (len(core) > 1 or core.islower()):
        flags.append("ROMAN")
    if core[:1] in "iI9" and _ISBN.match(core):
        flags.append("ISBN")
    flags.extend(_lexicon_index().get(low, ()))
    marker = _MARKERS.get(low)
    if marker:
        flags.append(marker)
    if core[:1].isupper():
        flags.append("CAP")
        if len(core) > 1 and core.isupper():
            flags.append("ALLCAPS")
    elif core[:1].islower():
        flags.append("LOWER")
    elif core and not core[:1].isalnum():
        flags.append("SYM")
    elif core and not core.isascii() and not core[:1].isdigit():
        flags.append("NOCASE")  # CJK, Arabic … scripts without case
    head, tail = tok[:1], tok.rstrip(".,;:")[-1:]
    if head in "\"“‘«„'":
        flags.append("QOPEN")
    if tail in "\"”’»'":
        flags.append("QCLOSE")
    if head in "([":
        flags.append("POPEN")
    if tail in ")]":
        flags.append("PCLOSE")
    own.extend(flags)
    return tuple(own), (word, shaped, *flags)


def _ends_sentence(tok: str) -> bool:
    """A full stop that ends a field: "theories." yes, initials "C." no."""
    return tok.endswith((".", "?", "!")) and not _INITIAL.match(tok) and len(tok.strip(_EDGE)) > 2


class _Token(NamedTuple):
    """Everything a sequence needs from one token string, computed once: its own
    features, the ones its neighbours see (``near``, read through NEIGHBOURS),
    and the state it sets."""

    own: tuple[str, ...]  # "bias" first, then token_features' own
    near: tuple[str, ...]  # word, shape, flags: what a neighbour sees of it
    opens: int  # _QUOTE / _PAREN bits this token opens
    closes: int  # … and closes
    sets: int  # _YEAR_SEEN / _IN_SEEN / _EDS_SEEN / _QCLOSE_SEEN bits it sets for the tokens after it
    seg: int  # _SEG_BITS this token gives the sentence it stands in
    stop: bool

    @property
    def word(self) -> str:
        return self.near[0]


#: What a neighbour sees of a token: all of ``near``, its word and shape, or its shape.
ALL, WORD_SHAPE, SHAPE = slice(None), slice(0, 2), slice(1, 2)
#: (offset, prefix, part): the token at i + offset gives position i the
#: features ``prefix + f`` for f in its ``near[part]``. The one table both the
#: feature strings (training) and the cached score vectors (tagging, scores.py)
#: are built from.
NEIGHBOURS: tuple[tuple[int, str, slice], ...] = (
    (-1, "-1:", ALL), (-2, "-2:", WORD_SHAPE), (-3, "-3:", SHAPE),
    (1, "+1:", ALL), (2, "+2:", WORD_SHAPE), (3, "+3:", SHAPE),
)

#: Distinct token strings kept: enough for the vocabulary of a large corpus,
#: small enough (~3 KB each) that streaming millions of references stays flat.
TOKEN_CACHE_SIZE = 32_768

# State bits carried along the sequence (one precomputed feature tuple per combination).
_QUOTE, _PAREN, _YEAR_SEEN, _IN_SEEN, _EDS_SEEN, _QCLOSE_SEEN = 1, 2, 4, 8, 16, 32
_STATE_NAMES = ((_QUOTE, "INQ"), (_PAREN, "INP"), (_YEAR_SEEN, "AFTERYEAR"), (_IN_SEEN, "AFTERIN"),
                (_EDS_SEEN, "AFTEREDS"), (_QCLOSE_SEEN, "AFTERQUOTE"))
_STATE = tuple(tuple(name for bit, name in _STATE_NAMES if mask & bit) for mask in range(64))
_IN_TOKENS = frozenset(("In", "In:", "in:", "Dans", "In."))
#: What a token tells about the sentence (run of tokens between full stops) it
#: stands in: a container is the sentence with "Proceedings" or "Eds." in it, or
#: the one before the sentence with the publisher and place.
_SEG_FLAGS = (("CONF", 1), ("EDS", 2), ("PUBLISHER", 4), ("PRESS", 4), ("UNIV", 4), ("PLACE", 8),
              ("JOURNAL", 16), ("YEAR", 32))
_SEG_BIT = {flag: bit for flag, bit in _SEG_FLAGS}
_SEG_NAMES = ((1, "CONF"), (2, "EDS"), (4, "PUB"), (8, "PLACE"), (16, "JOURNAL"), (32, "YEAR"))
_SEG = tuple(tuple("seg:" + name for bit, name in _SEG_NAMES if mask & bit) for mask in range(64))
_NEXT_SEG = tuple(tuple("nseg:" + name for bit, name in _SEG_NAMES if mask & bit) for mask in range(64))


@lru_cache(maxsize=TOKEN_CACHE_SIZE)
def token_views(tok: str) -> _Token:
    """The cached per-token-string part of the features (and of the scores built from them)."""
    own, near = token_features(tok)
    stripped = tok.rstrip(".,;:")
    first, last = tok[:1], stripped[-1:]
    closes_quote = last in "\"”’»"
    flags = frozenset(near[2:])
    sets = (_YEAR_SEEN if "YEAR" in flags else 0) | (_IN_SEEN if tok in _IN_TOKENS else 0)
    if "EDS" in flags:
        sets |= _EDS_SEEN
    if closes_quote:
        sets |= _QCLOSE_SEEN
    return _Token(
        own=("bias", *own),
        near=near,
        opens=(_QUOTE if first in "\"“‘«„" else 0) | (_PAREN if first in "([" else 0),
        closes=(_QUOTE if closes_quote else 0) | (_PAREN if last in ")]" else 0),
        sets=sets,
        seg=reduce(or_, map(_SEG_BIT.get, near[2:], repeat(0)), 0),
        stop=_ends_sentence(tok),
    )


_POS = tuple(f"pos={k}" for k in range(8))
_STOPS = tuple(f"stops={k}" for k in range(6))

#: A position's context: (relative position 0–7, full stops before it 0–5,
#: state bits, its sentence's bits, the next sentence's bits, first, last).
Context = tuple[int, int, int, int, int, bool, bool]


def layout(tokens: Sequence[str]) -> tuple[list[_Token], list[Context]]:
    """Each token's cached views and each position's context.

    Everything position-dependent is reduced to a small tuple of ints, so the
    strings of a context (context_features) and their scores are cached too.
    """
    n = len(tokens)
    per = [token_views(t) for t in tokens]
    # sentence (run up to a full stop) of each token and the bits each sentence has
    seg_of: list[int] = []
    seg_bits = [0]
    for t in per:
        seg_of.append(len(seg_bits) - 1)
        seg_bits[-1] |= t.seg
        if t.stop:
            seg_bits.append(0)
    seg_bits.append(0)
    contexts: list[Context] = []
    state = 0  # open quote/bracket bits and what has been seen so far
    last = n - 1
    for i, t in enumerate(per):
        state |= t.opens
        s = seg_of[i]  # also the number of full stops before the token
        contexts.append((i * 8 // n, s if s < 5 else 5, state, seg_bits[s], seg_bits[s + 1], i == 0, i == last))
        state = (state & ~t.closes) | t.sets
    return per, contexts


#: For each element of a Context, the features each of its values gives; a
#: context's features are theirs together, so its scores are a sum of one
#: precomputed vector per element (scores.py).
CONTEXT_PARTS: tuple[tuple[tuple[str, ...], ...], ...] = (
    tuple((feature,) for feature in _POS),
    tuple((feature,) for feature in _STOPS),
    _STATE,
    _SEG,
    _NEXT_SEG,
    ((), ("BOS",)),
    ((), ("EOS",)),
)


@lru_cache(maxsize=None)
def context_features(context: Context) -> tuple[str, ...]:
    """The feature strings of one context (a few hundred distinct ones occur)."""
    return tuple(feature for part, value in zip(CONTEXT_PARTS, context) for feature in part[value])


def bigram(prev: _Token, tok: _Token) -> str:
    """The one feature two neighbouring tokens make together."""
    return "bi=" + prev.word + "|" + tok.word


def sequence_features(tokens: Sequence[str]) -> list[list[str]]:
    """Feature strings of every token of one reference (what crfsuite trains on).

    Tagging does not build these strings: scores.py sums the same features'
    weights from the same layout, per token string and per context, once.
    """
    per, contexts = layout(tokens)
    n = len(per)
    out: list[list[str]] = []
    for i, t in enumerate(per):
        feats = [*t.own, *context_features(contexts[i])]
        for offset, prefix, part in NEIGHBOURS:
            j = i + offset
            if 0 <= j < n:
                feats += [prefix + f for f in per[j].near[part]]
        if i:
            feats.append(bigram(per[i - 1], t))
        out.append(feats)
    return out

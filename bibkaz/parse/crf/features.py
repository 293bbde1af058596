"""Token features for the CRF.

Why these: a reference's fields are told apart less by the words themselves
than by their shape ("1999.", "pp.", "X."), the punctuation around them and
where they stand (before or after the first full stop, inside quotes or
brackets, after "In"). Each token's own features are computed once per distinct
token string (cached): that keeps tagging well above 2,000 references a second
on one core. Features are plain strings (weight 1), the fastest form
python-crfsuite accepts.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

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
_TOKEN_PATTERNS = (("RANGE", _RANGE), ("VOLISS", _VOLISSUE), ("INITIAL", _INITIAL), ("URL", _URL), ("DOI", _DOI))
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


def _shape(s: str) -> str:
    """"Smith," → "Xx,"; "1999." → "d."; "pp." → "x." (runs collapsed)."""
    out: list[str] = []
    for ch in s:
        if ch.isupper():
            c = "X"
        elif ch.isalpha():
            c = "x"
        elif ch.isdigit():
            c = "d"
        else:
            c = ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)[:8]


@lru_cache(maxsize=200_000)
def token_features(tok: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(own features, the subset a neighbour sees) of one token string."""
    core = tok.strip(_EDGE)
    low = core.lower()
    shape = _shape(tok)
    own = [f"w={low}", f"sh={shape}", f"csh={_shape(core)}"]
    if len(low) > 3:
        own.append(f"suf={low[-3:]}")
        own.append(f"pre={low[:3]}")
    own.append(f"last={tok[-1] if not tok[-1].isalnum() else 'a'}")
    own.append(f"first={tok[0] if not tok[0].isalnum() else 'a'}")
    flags: list[str] = []
    if _YEAR.match(tok):
        flags.append("YEAR")
    elif _YEAR_ANY.search(tok):
        flags.append("HASYEAR")
    flags.extend(flag for flag, pattern in _TOKEN_PATTERNS if pattern.search(tok))
    if core.isdigit():
        flags.append("NUM" if len(core) < 5 else "LONGNUM")
    elif any(c.isdigit() for c in core):
        flags.append("HASDIGIT")
    if _ROMAN.match(core) and (len(core) > 1 or core.islower()):
        flags.append("ROMAN")
    if _ISBN.match(core):
        flags.append("ISBN")
    flags.extend(flag for name, flag in _LEXICON_FLAGS if low in lexicon(name))
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
    if tok[:1] in "\"“‘«„'":
        flags.append("QOPEN")
    if tok.rstrip(".,;:")[-1:] in "\"”’»'":
        flags.append("QCLOSE")
    if tok[:1] in "([":
        flags.append("POPEN")
    if tok.rstrip(".,;:")[-1:] in ")]":
        flags.append("PCLOSE")
    own.extend(flags)
    near = (f"w={low}", f"sh={shape}", *flags)
    return tuple(own), near


def _ends_sentence(tok: str) -> bool:
    """A full stop that ends a field: "theories." yes, initials "C." no."""
    return tok.endswith((".", "?", "!")) and not _INITIAL.match(tok) and len(tok.strip(_EDGE)) > 2


def sequence_features(tokens: Sequence[str]) -> list[list[str]]:
    """Features of every token of one reference, with context and position."""
    n = len(tokens)
    per = [token_features(t) for t in tokens]
    out: list[list[str]] = []
    stops = 0
    in_quote = in_paren = seen_year = seen_in = False
    for i, tok in enumerate(tokens):
        own, _ = per[i]
        feats = ["bias", *own, f"pos={i * 8 // n}", f"stops={min(stops, 5)}"]
        if i == 0:
            feats.append("BOS")
        if i == n - 1:
            feats.append("EOS")
        if tok[:1] in "\"“‘«„":
            in_quote = True
        if in_quote:
            feats.append("INQ")
        if tok[:1] in "([":
            in_paren = True
        if in_paren:
            feats.append("INP")
        if seen_year:
            feats.append("AFTERYEAR")
        if seen_in:
            feats.append("AFTERIN")
        if i > 0:
            feats.extend("-1:" + f for f in per[i - 1][1])
            feats.append(f"bi={per[i - 1][1][0]}|{own[0]}")
            if i > 1:
                feats.append("-2:" + per[i - 2][1][0])
                feats.append("-2:" + per[i - 2][1][1])
                if i > 2:
                    feats.append("-3:" + per[i - 3][1][1])
        if i < n - 1:
            feats.extend("+1:" + f for f in per[i + 1][1])
            if i < n - 2:
                feats.append("+2:" + per[i + 2][1][0])
                feats.append("+2:" + per[i + 2][1][1])
                if i < n - 3:
                    feats.append("+3:" + per[i + 3][1][1])
        out.append(feats)
        # state for the next token
        stripped = tok.rstrip(".,;:")
        if stripped[-1:] in "\"”’»":
            in_quote = False
        if stripped[-1:] in ")]":
            in_paren = False
        if "YEAR" in own:
            seen_year = True
        if tok in ("In", "In:", "in:", "Dans", "In."):
            seen_in = True
        if _ends_sentence(tok):
            stops += 1
    return out

"""What a line holds: the signs of a reference, counted and bucketed.

Why: reference lines are dense with years, initials, quoted titles, "pp.",
volume and issue numbers, publishers, URLs and DOIs; running text has few of
them. Counts are bucketed ("0", "1", "2+") as AnyStyle's ref feature does, so
the model learns from the presence of a sign, not from its exact count.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Callable

import numpy as np

from bibkaz.extract.finder.features.vocabulary import ids, names_of
from bibkaz.extract.finder.lines import JoinedLines, Line, joined_lines

_SIGNS = (
    # year, pages, sup-digit: each opens with the characters its match starts with and looks behind
    # them afterwards, so the engine skips ahead to those characters instead of trying a look-behind at
    # every position (SIGN_DEFINITIONS: as first written, the same matches)
    ("year", re.compile(r"(?:1[5-9]|20)(?<!\d..)\d\d[a-z]?(?!\d)")),
    ("paren-year", re.compile(r"\((?:1[5-9]\d\d|20\d\d)[a-z]?[),]|\(n\.d\.\)")),
    ("initial", re.compile(r"(?<![\w.])[A-Z]\.(?=\s|,|$)")),
    ("quote", re.compile(r"[“”\"]|(?<!\w)'(?=[A-Z])")),
    ("url", re.compile(r"https?://|www\.", re.I)),
    ("doi", re.compile(r"\b10\.\d{4,9}/|\bdoi\b", re.I)),
    ("pages", re.compile(r"p(?<!\wp)p?\.\s?\d|\d(?<!\d\d)\d*\s?[-–]\s?\d+")),
    ("volume", re.compile(r"\b(?:vol|no|nr|iss)\.\s?\d|\b\d+\s?\(\d+\)", re.I)),
    ("etal", re.compile(r"\bet al\b", re.I)),
    ("editor", re.compile(r"\b(?:eds?\.|edited by|\(eds?\)|editors?)\b", re.I)),
    ("access", re.compile(r"\b(?:retrieved|accessed|available at|last visited|viewed on)\b", re.I)),
    ("publisher", re.compile(r"\b(?:press|university|institute|publishing|publishers|books|verlag|centre|center|foundation|ministry|office)\b", re.I)),
    ("month", re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s\d", re.I)),
    ("italic", re.compile(r"(?<!\w)[*_][^*_\s][^*_]{2,}[*_](?!\w)")),
    ("in", re.compile(r"\bIn:?\s[A-Z]")),
    ("colon-title", re.compile(r"\w:\s[A-Z]")),
    ("ibid", re.compile(r"\b(?:ibid|op\. cit|supra|infra)\b", re.I)),
    ("verb", re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|should|this|that|which|we|our)\b", re.I)),
    ("sup-digit", re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹](?<=[a-z.,;”\"’)].)|\d(?<=[a-z][.,”\"’)]\d)\d?(?=\s|$)")),
    ("copyright", re.compile(r"©|\bcopyright\b|all rights reserved", re.I)),
    ("social", re.compile(r"\b(?:views?|comments?|likes?|shares?|reply|replies|follow us|subscribe|tweet|"
                          r"newsletter|sign up|log in|read more|share this)(?![a-z])", re.I)),
)


#: year, pages and sup-digit as first written. _SIGNS's patterns match as many times on every line:
#: year's and pages' start where these do, and sup-digit's one or two characters later, at the
#: superscript or digit (the characters it skips are never the last of an earlier match, so no match
#: is lost or gained). tests/test_finder.py checks the counts on the dev documents.
SIGN_DEFINITIONS = {
    "year": re.compile(r"(?<!\d)(?:1[5-9]\d\d|20\d\d)[a-z]?(?!\d)"),
    "pages": re.compile(r"\bpp?\.\s?\d|(?<!\d)\d+\s?[-–]\s?\d+"),  # (?<!\d): a match starts a run of digits
    "sup-digit": re.compile(r"[a-z.,;”\"’)][⁰¹²³⁴⁵⁶⁷⁸⁹]|[a-z][.,”\"’)]\d{1,2}(?=\s|$)"),
}

_ONLY_URL = re.compile(r"<?(?:https?://|www\.)\S+>?[.,;]?")
#: A sentence's end inside the line, found from its stop (the engine skips ahead to each stop and
#: looks behind it, instead of trying three letters at every letter).
_SENTENCE_INSIDE = re.compile(r"[.!?](?<=[a-z]{3}[.!?])\s+[A-Z][a-z]")


def _bucket(n: int) -> str:
    return "0" if n == 0 else "1" if n == 1 else "2+"


def _words(n: int) -> str:
    if n <= 2:
        return "1-2"
    if n <= 5:
        return "3-5"
    if n <= 10:
        return "6-10"
    if n <= 20:
        return "11-20"
    return "21+"


def _end(text: str) -> str:
    c = text[-1]
    if c == ".":
        return "period"
    if c in ",;":
        return "comma"
    if c == ":":
        return "colon"
    if c in "-–":
        return "hyphen"
    if c.isalpha():
        return "letter"
    if c.isdigit():
        return "digit"
    if c in ")]”\"’":
        return "close"
    return "other"


#: A sign is looked for only where it can be: most lines have no digit, link, quote or
#: asterisk, and skipping the patterns that need one keeps the finder cheap. Every gate is a
#: condition without which the sign's pattern cannot match, so the counts are those of the
#: patterns alone. Gates on ``low`` hold for ASCII lines (under re.I a few non-ASCII letters
#: match ASCII ones: "ſ" matches "s"), so other lines pass them.
_NEEDS_DIGIT = frozenset({"year", "paren-year", "pages", "volume", "month", "sup-digit", "doi"})
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_NEEDS = {
    "url": lambda t, low: "http" in low or "www." in low,
    "italic": lambda t, low: "*" in t or "_" in t,
    "ibid": lambda t, low: "ibid" in low or "cit" in low or "supra" in low or "infra" in low,
    "copyright": lambda t, low: "©" in t or "copyright" in low or "reserved" in low,
    "etal": lambda t, low: "et al" in low,
    "access": lambda t, low: any(map(low.__contains__, ("retrieved", "accessed", "available", "visited", "viewed"))),
    "editor": lambda t, low: "ed" in low and (not low.isascii() or "ed." in low or "eds." in low or "(ed" in low
                                              or "edited by" in low or "editor" in low),
    "in": lambda t, low: "In" in t,
    "paren-year": lambda t, low: "(" in t,
    "colon-title": lambda t, low: ":" in t,
    "doi": lambda t, low: ("10." in t and "/" in t) or "doi" in low or not low.isascii(),
    # "(12)" after a number, or "vol." and the like ("(" alone is on many lines without an issue)
    "volume": lambda t, low: ("(" in t and _PAREN_DIGIT.search(t) is not None) or (
        "." in t and (not low.isascii() or "vol." in low or "no." in low or "nr." in low or "iss." in low)),
    "month": lambda t, low: not low.isascii() or any(map(low.__contains__, _MONTHS)),
}
_PAREN_DIGIT = re.compile(r"\(\d")
_SOCIAL = ("view", "comment", "like", "share", "repl", "follow", "subscri", "tweet", "newsletter", "sign up", "log in", "read")
_NEEDS["social"] = lambda t, low: any(map(low.__contains__, _SOCIAL))
#: Cheaper patterns that every match of a sign's pattern contains (they start with a
#: character class, which the regex engine scans for quickly; the signs' patterns open
#: with a look-behind and are tried at every position).
_PREFILTER = {
    "year": re.compile(r"(?:1[5-9]|20)\d\d"),
    "initial": re.compile(r"[A-Z]\."),
    "quote": re.compile("[“”\"]|'[A-Z]"),
    "pages": re.compile(r"p\.|\d\s?[-–]"),
    "sup-digit": re.compile(r"[a-z.,;”\"’)][⁰¹²³⁴⁵⁶⁷⁸⁹\d]"),
}
#: Signs that are whole words from a list: counted from the line's words
#: (the same counts as their patterns, at a fraction of the cost).
_WORD_SIGNS = {
    "verb": frozenset("is are was were has have had will would can could should this that which we our".split()),
    "publisher": frozenset("press university institute publishing publishers books verlag centre center foundation "
                           "ministry office".split()),
}
_WORD_SIGNS_ASCII = {name: frozenset(w.encode() for w in words) for name, words in _WORD_SIGNS.items()}
_TOKEN = re.compile(r"\w+")
_BUCKETS = {name: (f"{name}=0", f"{name}=1", f"{name}=2+") for name, _ in _SIGNS}
#: A line's signs before any is found: every count 0.
_ZEROS = [_BUCKETS[name][0] for name, _ in _SIGNS]
#: The same as ids (vocabulary.py): :func:`_signs` gives names (it defines the signs line by line),
#: :func:`_document_signs` ids.
_BUCKET_IDS = {name: ids(buckets) for name, buckets in _BUCKETS.items()}
_ZERO_IDS = ids(_ZEROS)
_QUOTE_MARKS = re.compile("[“”\"]")
#: The quote pattern's second branch, opening with its literal (the engine then skips to each
#: apostrophe): "(?<!\\w')" after the apostrophe looks at the character before it, as "(?<!\\w)" did.
_APOSTROPHE = re.compile(r"'(?<!\w')(?=[A-Z])")
_URL_ASCII = re.compile(r"https?://|www\.")


def _quotes(text: str) -> list[str]:
    """As many items as the quote pattern's ``findall``: its branches match one character each, and
    different ones, so its matches are those of each branch (which, apart, scan fast)."""
    return _QUOTE_MARKS.findall(text) + (_APOSTROPHE.findall(text) if "'" in text else [])


def _urls(text: str, low: str, caseless: bool) -> list[str]:
    """As many items as the url pattern's ``findall`` (``low``: the line lower-cased; ``caseless``: see
    :func:`_lower_cased`): where case folding is lower-casing, the case-sensitive pattern on the
    lower-cased line scans fast."""
    return _URL_ASCII.findall(low) if caseless else _SIGNS_BY_NAME["url"].findall(text)


#: The case-insensitive signs' patterns for a lower-cased ASCII line, case-sensitive, each opening with
#: the literal its match starts with and looking behind it afterwards for the word boundary the
#: first-written pattern asks for before it (``x(?<!\wx)`` where ``\bx`` stood; ``\((?<=\w\()`` where
#: ``\b\(`` asked for a word character before the bracket): the engine then skips ahead to the letters
#: a match can start with instead of trying the boundary at every position, and finds the same matches
#: (the alternatives keep their order; month's "sept" is dropped, as "sep" always matched first and
#: "[a-z]*" takes the "t"). tests/test_finder_document_passes.py checks the counts against _SIGNS.
_ASCII_LOWER = {
    "doi": r"1(?<!\w1)0\.\d{4,9}/|d(?<!\wd)oi\b",
    "volume": r"(?:v(?<!\wv)ol|n(?<!\wn)o|n(?<!\wn)r|i(?<!\wi)ss)\.\s?\d|\d(?<!\w\d)\d*\s?\(\d+\)",
    "etal": r"e(?<!\we)t al\b",
    "editor": r"(?:e(?<!\we)ds?\.|e(?<!\we)dited by|\((?<=\w\()eds?\)|e(?<!\we)ditors?)\b",
    "access": r"(?:r(?<!\wr)etrieved|a(?<!\wa)ccessed|a(?<!\wa)vailable at|l(?<!\wl)ast visited"
              r"|v(?<!\wv)iewed on)\b",
    "month": r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)(?<!\w...)[a-z]*\.?\s\d",
    "ibid": r"(?:i(?<!\wi)bid|o(?<!\wo)p\. cit|s(?<!\ws)upra|i(?<!\wi)nfra)\b",
    "copyright": r"©|c(?<!\wc)opyright\b|all rights reserved",
    "social": r"(?:v(?<!\wv)iews?|c(?<!\wc)omments?|l(?<!\wl)ikes?|s(?<!\ws)hares?|r(?<!\wr)eply|r(?<!\wr)eplies"
              r"|f(?<!\wf)ollow us|s(?<!\ws)ubscribe|t(?<!\wt)weet|n(?<!\wn)ewsletter|s(?<!\ws)ign up|l(?<!\wl)og in"
              r"|r(?<!\wr)ead more|s(?<!\ws)hare this)(?![a-z])",
}


def _lower_cased(pattern: re.Pattern[str], fast: str | None = None) -> Callable[[str, str, bool], list]:
    """A case-insensitive pattern's ``findall`` of (line, line lower-cased, caseless), made fast on the
    lines whose characters are ASCII or caseless (no other case than their own: "“", "—", "é" is not;
    :func:`_caseless_lines`): there case folding is lower-casing the ASCII letters, and the pattern
    (ASCII, lower-case letters only, and classes that name lower-case letters alone) finds on the
    lower-cased line, case-sensitive, what it finds on the line (and the engine skips ahead to a literal
    or a class instead of folding every character); ``fast``: the same pattern rewritten so
    (:data:`_ASCII_LOWER`)."""
    sensitive = re.compile(fast or pattern.pattern, pattern.flags & ~re.I).findall
    findall = pattern.findall
    return lambda text, low, caseless: sensitive(low) if caseless else findall(text)


#: The case-sensitive signs' patterns rewritten as :data:`_ASCII_LOWER`'s, to open with a literal or one
#: class: the same matches, or (initial, from its dot) as many. An initial's match starts at its capital
#: in the first-written pattern, at its dot here: no valid capital stands on an earlier match's dot, so
#: the count is that of the valid dots. sup-digit's two alternatives open with one class (superscripts
#: are no ``\d``: the branches stay apart) and pages' with one of "p" or a digit.
_SENSITIVE = {
    "initial": r"\.(?<=[A-Z]\.)(?<![\w.][A-Z]\.)(?=\s|,|$)",
    "italic": r"[*_](?<!\w[*_])[^*_\s][^*_]{2,}[*_](?!\w)",
    "in": r"In(?<!\wIn):?\s[A-Z]",
    "sup-digit": r"[⁰¹²³⁴⁵⁶⁷⁸⁹\d](?:(?<=[a-z.,;”\"’)][⁰¹²³⁴⁵⁶⁷⁸⁹])|(?<=[a-z][.,”\"’)]\d)\d?(?=\s|$))",
    "pages": r"[p\d](?:(?<=p)(?<!\wp)p?\.\s?\d|(?<=\d)(?<!\d\d)\d*\s?[-–]\s?\d+)",
}


def _on_line(findall: Callable[[str], list]) -> Callable[[str, str, bool], list]:
    """A pattern's ``findall`` as a count of (line, line lower-cased, caseless)."""
    return lambda text, low, caseless: findall(text)


_SIGNS_BY_NAME = dict(_SIGNS)
#: Signs counted by a function of their own rather than their pattern's ``findall`` (same counts), each
#: called with the line, the line lower-cased and whether the line is caseless (:func:`_lower_cased`).
_COUNTS = {"quote": _on_line(_quotes), "url": _urls,
           **{name: _lower_cased(pattern, _ASCII_LOWER.get(name)) for name, pattern in _SIGNS
              if pattern.flags & re.I and name not in ("url",)},
           **{name: _on_line(re.compile(fast).findall) for name, fast in _SENSITIVE.items()}}
#: One step per pattern sign: (its place in the line's signs, its buckets, findall, need, prefilter
#: search); the steps for lines with a digit and for lines without one.
_STEPS = tuple(
    (i, _BUCKETS[name], _COUNTS.get(name) or _on_line(pattern.findall), _NEEDS.get(name),
     _PREFILTER[name].search if name in _PREFILTER else None)
    for i, (name, pattern) in enumerate(_SIGNS) if name not in _WORD_SIGNS
)
_NEEDS_DIGIT_AT = tuple(name in _NEEDS_DIGIT for name, _ in _SIGNS)
#: Where each word sign stands among the line's signs.
_WORD_AT = tuple((i, _BUCKETS[name], _WORD_SIGNS[name], _WORD_SIGNS_ASCII[name])
                 for i, (name, _) in enumerate(_SIGNS) if name in _WORD_SIGNS)
_WORD_AT_IDS = tuple((i, _BUCKET_IDS[_SIGNS[i][0]], words, words_ascii) for i, _, words, words_ascii in _WORD_AT)
#: Every word sign's words at once: a line holding none (most lines hold no publisher, many no
#: verb) is looked at once, not once per sign.
_ANY_SIGN_WORD = frozenset().union(*_WORD_SIGNS.values())
_ANY_SIGN_WORD_ASCII = frozenset().union(*_WORD_SIGNS_ASCII.values())

#: ASCII bytes: \w characters lower-cased, every other byte a space (for ASCII lines,
#: ``bytes.translate(...).split()`` gives the tokens of ``\w+`` on the lower-cased line).
_ASCII_WORDS = bytes(c + 32 if 65 <= c <= 90 else c if c < 128 and (chr(c).isalnum() or c == 95) else 32
                     for c in range(256))
_ASCII_UPPER = bytes(range(65, 91))
_ASCII_LETTERS = _ASCII_UPPER + bytes(range(97, 123))
_ASCII_DIGITS = b"0123456789"


def _signs(text: str, low: str, steps: tuple | list = _STEPS) -> tuple[list[str], int, int, int]:
    """The line's sign features, and its letters, capitals and digits (as str.isalpha, isupper and
    isdigit count them). ASCII lines, most of them, are counted on their bytes. Only the pattern
    signs in ``steps`` are looked for (:func:`_line_steps` leaves out those the line cannot have)."""
    if text.isascii():
        b = text.encode("ascii")
        n = len(b)
        tokens: list = b.translate(_ASCII_WORDS).split()
        letters = n - len(b.translate(None, _ASCII_LETTERS))
        upper = n - len(b.translate(None, _ASCII_UPPER))
        digits = n - len(b.translate(None, _ASCII_DIGITS))
        ascii_words = True
    else:
        tokens = _TOKEN.findall(low)
        letters, upper, digits = sum(map(str.isalpha, text)), sum(map(str.isupper, text)), sum(map(str.isdigit, text))
        ascii_words = False
    f = _ZEROS.copy()
    for i, buckets, findall, need, prefilter in steps:
        if digits or not _NEEDS_DIGIT_AT[i]:
            if (need is None or need(text, low)) and (prefilter is None or prefilter(text) is not None):
                count = len(findall(text, low, ascii_words))
                if count:
                    f[i] = buckets[min(count, 2)]
    for i, buckets, words, words_ascii in _WORD_AT:
        sign_words = words_ascii if ascii_words else words
        if not sign_words.isdisjoint(tokens):
            f[i] = buckets[min(sum(map(sign_words.__contains__, tokens)), 2)]
    return f, letters, upper, digits


#: Where each pattern sign can be, as a document-wide search can find it: the strings one of
#: which a line must hold for the sign's gate and prefilter to pass (``_NEEDS``, ``_PREFILTER``),
#: looked for in the document's text, and in it lower-cased (the gates on ``low``). A sign with
#: ``True`` is also looked for on every line holding a character that its case-insensitive pattern
#: matches to an ASCII letter (its gate lets every non-ASCII line through, but on a line without
#: such a character the pattern needs the strings); one with a pattern instead of strings is found
#: by that pattern, which cannot match across lines. On every line outside these, the sign's count
#: is 0; on the lines inside, the gates (other than the digit gate) pass wherever the pattern
#: matches, so the count is the pattern's alone (tests/test_finder_document_passes.py checks both).
#: (The signs of _ON_DIGIT_LINES are not searched for: see there.)
_WHERE: dict[str, tuple[tuple[str, ...], tuple[str, ...], bool] | re.Pattern[str]] = {
    "paren-year": (("(",), (), False),
    # the initial prefilter's pair, found from its dot (the engine skips ahead to each dot)
    "initial": re.compile(r"\.(?<=[A-Z]\.)"),
    "quote": (("“", "”", '"', "'"), (), False),
    "url": ((), ("http", "www."), False),
    "doi": (("10.",), ("doi",), True),
    "pages": (("p.", "-", "–"), (), False),
    "etal": ((), ("et al",), False),
    # every match of the editor pattern holds one of these, or a letter folded to an ASCII one
    "editor": ((), ("ed.", "eds.", "(ed", "edited by", "editor"), True),
    "access": ((), ("retrieved", "accessed", "available", "visited", "viewed"), False),
    "italic": (("*", "_"), (), False),
    "in": (("In",), (), False),
    "colon-title": ((":",), (), False),
    "ibid": ((), ("ibid", "cit", "supra", "infra"), False),
    "copyright": (("©",), ("copyright", "reserved"), False),
    "social": ((), _SOCIAL, False),
}


#: The characters other than ASCII letters that a case-insensitive pattern matches to one:
#: "İ" and "ı" to i, "ſ" to s, the Kelvin sign to k (tests/test_finder.py checks this against re).
FOLDS_TO_ASCII = "İıſ\u212a"


def _rest_of_line(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """A search that matches at most once a line: from the first match of ``pattern`` in the line to
    the line's end (so a document-wide ``finditer`` yields one position for each line holding it)."""
    return re.compile(f"(?:{pattern.pattern})[^\\n]*", pattern.flags)


#: Signs looked for line by line among the lines holding a digit, through their own gate (each
#: needs a digit, and a document-wide search for them costs more than the gate on those lines).
_ON_DIGIT_LINES = {
    # year's pattern and sup-digit's (_SENSITIVE) open with a class the engine skips ahead to, and
    # fail as fast as their prefilter would: no gate
    "year": None,
    "volume": _NEEDS["volume"],
    "month": _NEEDS["month"],
    "sup-digit": None,
}
#: For each pattern sign: (its place in the line's signs, its buckets, its count, whether it needs
#: a digit on the line, a gate still applied to a line found (the doi gate asks for "/" beside
#: "10.", the pages prefilter for a digit before the dash; the gate of a sign in _ON_DIGIT_LINES),
#: and where it may be: a search (:func:`_rest_of_line`), the strings looked for in the text and
#: in it lower-cased and whether lines holding a letter folded to ASCII are added, or None for the
#: lines holding a digit).
_SEARCHES = tuple(
    (i, _BUCKET_IDS[name], _COUNTS.get(name) or _on_line(pattern.findall), name in _NEEDS_DIGIT,
     _NEEDS["doi"] if name == "doi" else (lambda t, low: _PREFILTER["pages"].search(t) is not None)
     if name == "pages" else _ON_DIGIT_LINES.get(name),
     None if name in _ON_DIGIT_LINES else
     _rest_of_line(_WHERE[name]) if isinstance(_WHERE[name], re.Pattern) else _WHERE[name])
    for i, (name, pattern) in enumerate(_SIGNS) if name not in _WORD_SIGNS
)
_FOLDED = re.compile("[" + FOLDS_TO_ASCII + "]")
#: _ASCII_WORDS with the newline kept (lines hold none; it separates them in a document's text).
_ASCII_WORDS_NL = _ASCII_WORDS[:10] + b"\n" + _ASCII_WORDS[11:]
def _char_counts(joined: JoinedLines) -> tuple[list[int], list[int], list[int]]:
    """Each line's letters, capitals and digits (as ``sum(map(str.isalpha, text))`` and so on count
    them), counted over the whole document at once: each character's class, summed line by line
    (the newlines that join the lines count as none of the three)."""
    classes, starts = joined.classes, joined.start_array
    letters = np.add.reduceat(classes & 1, starts, dtype=np.intp)
    upper = np.add.reduceat((classes >> 1) & 1, starts, dtype=np.intp)
    digits = np.add.reduceat((classes >> 2) & 1, starts, dtype=np.intp)
    return letters.tolist(), upper.tolist(), digits.tolist()


def _caseless_lines(joined: JoinedLines) -> list[bool]:
    """Whether each line holds only ASCII characters and characters without another case (from the
    classes of the lines' characters): on such a line, a case-insensitive
    pattern of ASCII finds what it finds case-sensitive on the line lower-cased (:func:`_lower_cased`).
    Why: a typographic quote or dash makes a line non-ASCII, and twice in ten lines held one; the
    case-insensitive patterns cost three times the others on them."""
    return (np.add.reduceat(joined.classes & 32, joined.start_array, dtype=np.intp) == 0).tolist()


def _word_counts(joined: JoinedLines) -> tuple[list[int], list[int]]:
    """Each line's words (as ``len(text.split())`` counts them) and how many of them open with a small
    letter, from the classes of the lines' characters: a word starts at a
    character that is no white space after one that is (or at the text's start), and ``str.split()``
    splits at the characters ``str.isspace`` names. Why: splitting each line into words only to count
    them cost as much as all the document's sign patterns."""
    classes, starts = joined.classes, joined.start_array
    space = (classes & 8).astype(bool)
    opens = ~space
    opens[1:] &= space[:-1]
    words = np.add.reduceat(opens, starts, dtype=np.intp)
    small = np.add.reduceat(opens & (classes & 16).astype(bool), starts, dtype=np.intp)
    return words.tolist(), small.tolist()


def _lines_holding(needle: str, text: str, starts: list[int]) -> set[int]:
    """The lines (indexes) holding ``needle`` in ``text``, the document's lines joined with newlines,
    line i starting at ``starts[i]``: one search a line that holds it, from the next line's start."""
    out = set()
    last = len(starts) - 1
    at = text.find(needle)
    while at >= 0:
        k = bisect_right(starts, at) - 1
        out.add(k)
        if k == last:
            break
        at = text.find(needle, starts[k + 1])
    return out


def _document_signs(texts: list[str], joined_view: JoinedLines | None = None) -> list[tuple[list[int], int, int, int]]:
    """Each line's sign features as ids, and its letters, capitals and digits (as :func:`_signs` gives
    them, with ids for names), found by searching the whole document once per sign instead of every
    line for every sign (most signs are on few lines; the signs of _ON_DIGIT_LINES are looked for on
    the lines holding a digit), and each count made only on the lines found.
    Line by line when the lower-cased text is not as long as the text (a rare letter such as "İ"
    lower-cases to two): then positions in one are not positions in the other; and when a line
    holds a newline (a document's lines do not: they are split at newlines). ``joined_view``: the
    lines joined (:func:`joined_lines`), when made already."""
    view = joined_lines(tuple(texts)) if joined_view is None else joined_view
    joined, low = view.text, view.low
    n = len(texts)
    if len(low) != len(joined) or joined.count("\n") != n - 1:
        return [(ids(f), *counts) for f, *counts in (_signs(text, text.lower()) for text in texts)]
    starts = view.starts
    letters, upper, digits = _char_counts(view)
    caseless = _caseless_lines(view)
    found = [_ZERO_IDS.copy() for _ in range(n)]
    # the letters are rare: four searches for them cost a tenth of a pattern's scan of the document
    folded = {bisect_right(starts, m.start()) - 1 for m in _FOLDED.finditer(joined)} \
        if not joined.isascii() and any(map(joined.__contains__, FOLDS_TO_ASCII)) else set()
    digit_lines = [k for k, d in enumerate(digits) if d]
    lows = low.split("\n")
    for i, buckets, count, needs_digit, gate, where in _SEARCHES:
        if where is None:
            lines = digit_lines
        elif isinstance(where, re.Pattern):
            lines = {bisect_right(starts, m.start()) - 1 for m in where.finditer(joined)}
        else:
            in_text, in_low, with_folded = where
            lines = set().union(*(_lines_holding(needle, joined, starts) for needle in in_text),
                                *(_lines_holding(needle, low, starts) for needle in in_low))
            if with_folded:
                lines |= folded
        for k in lines:
            if needs_digit and not digits[k]:
                continue
            text = texts[k]
            if gate is not None and not gate(text, lows[k]):
                continue
            c = len(count(text, lows[k], caseless[k]))
            if c:
                found[k][i] = buckets[min(c, 2)]
    if joined.isascii():
        tokens: list[list] = [t.split() for t in joined.encode("ascii").translate(_ASCII_WORDS_NL).split(b"\n")]
    else:
        tokens = [text.encode("ascii").translate(_ASCII_WORDS).split() if text.isascii()
                  else _TOKEN.findall(lows[k]) for k, text in enumerate(texts)]
    for k, line_tokens in enumerate(tokens):
        ascii_words = texts[k].isascii()
        if (_ANY_SIGN_WORD_ASCII if ascii_words else _ANY_SIGN_WORD).isdisjoint(line_tokens):
            continue
        for i, buckets, words, words_ascii in _WORD_AT_IDS:
            sign_words = words_ascii if ascii_words else words
            if not sign_words.isdisjoint(line_tokens):
                found[k][i] = buckets[min(sum(map(sign_words.__contains__, line_tokens)), 2)]
    return list(zip(found, letters, upper, digits))


#: The features of a line's word count, end, and lower-cased words (made once).
_WORD_COUNTS = ids(tuple(f"words={_words(k)}" for k in range(22)))
_ENDS = ids({name: f"end={name}" for name in ("period", "comma", "colon", "hyphen", "letter", "digit", "close", "other")})
_CAPS, _DIGITY, _LOWER_MOST, _LOWER_HALF, _LOWER_FEW, _SENTENCE, _ONLY_URL_ID = ids((
    "caps", "digity", "lower-words=most", "lower-words=half", "lower-words=few", "sentence-inside", "only-url"))
#: The end feature of a line by its last character, for ASCII characters (others: :func:`_end`).
_END_OF = {chr(c): _ENDS[_end(chr(c))] for c in range(128)}


def observe(lines: list[Line]) -> list[list[str]]:
    """Each line's content features (:func:`observe_ids`, by name)."""
    return names_of(observe_ids(lines))


def observe_ids(lines: list[Line]) -> list[list[int]]:
    """Each line's content features, as ids (vocabulary.py)."""
    out = []
    texts = [line.stripped for line in lines]
    if not texts:
        return out
    word_counts, end_of = _WORD_COUNTS, _END_OF.get
    sentence_inside, only_url = _SENTENCE_INSIDE.search, _ONLY_URL.fullmatch
    joined = joined_lines(tuple(texts))
    words, small = _word_counts(joined)
    for text, (f, letters, upper, digits), n, lower in zip(texts, _document_signs(texts, joined), words, small):
        f.append(word_counts[n if n < 21 else 21])
        end = end_of(text[-1])
        f.append(_ENDS[_end(text)] if end is None else end)
        if letters and upper / letters > 0.6:
            f.append(_CAPS)
        if digits and digits / len(text) > 0.3:
            f.append(_DIGITY)
        if n >= 6:
            lower /= n  # the share of the words that open with a small letter
            f.append(_LOWER_MOST if lower > 0.7 else _LOWER_HALF if lower > 0.4 else _LOWER_FEW)
        if ("." in text or "!" in text or "?" in text) and sentence_inside(text):
            f.append(_SENTENCE)
        if n == 1 and only_url(text):
            f.append(_ONLY_URL_ID)
        out.append(f)
    return out

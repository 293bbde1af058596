"""Features of a note segment: the signs of a citation against those of prose.

Why these: a cited work shows a title (quoted, italic, or after "CRS Report
R123,"), names with "by", dates, volumes and pages, legal designations
("U.S.C.", "P.L.", "H.R.", "§"), links; commentary shows verbs, lower-case
words and sentences that run on without commas. How a segment opens ("See",
"See also", "For", "Ibid.") and what it follows (";" or a sentence end) tell
whether it starts a new work or continues the one before.
"""

from __future__ import annotations

import re
from typing import Callable

from bibkaz.extract.note_parts.segments import Segment

_SIGNS = (
    ("quote", re.compile(r"[“\"].{3,}?[”\"]|‘.{3,}?’")),
    ("italic", re.compile(r"(?<!\w)[*_][^*_]{3,}[*_](?!\w)")),
    ("url", re.compile(r"https?://|www\.", re.I)),
    ("doi", re.compile(r"\b10\.\d{4,9}/|\bdoi\b", re.I)),
    ("year", re.compile(r"(?<!\d)(?:1[6-9]\d\d|20\d\d)(?!\d)")),
    ("paren-year", re.compile(r"\((?:[^()]*\s)?(?:1[6-9]\d\d|20\d\d)[a-z]?\)")),
    ("date", re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|"
                        r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+\d{1,2},?\s+\d{4}|\b\d{1,2}\s+(?:January|"
                        r"February|March|April|May|June|July|August|September|October|November|December)\s+\d{4}")),
    ("volume", re.compile(r"\b(?:vol|no|nos)\.\s*\d|\b\d+\s*\(\d+\)", re.I)),
    ("pages", re.compile(r"\bpp?\.\s*[\dA-Z]|\b\d+\s*[-–]\s*\d+\b")),
    ("legal", re.compile(r"U\.S\.C\.|\bP\.L\.|\bPub\. L\.|\bStat\.|\bH\.R\.|\bS\.\s?\d|\bRept\.|\bCong\.|§|C\.F\.R\.|"
                         r"Fed\. Reg\.|\bv\.\s[A-Z]|\bH\.\s?Res\.|\bS\.\s?Res\.|Executive Order|\bF\.\s?\dd|\bU\.S\.\s\d")),
    ("report", re.compile(r"\b(?:CRS|GAO|CBO|OIG)\b|\bReport\s+[A-Z]{0,3}\d|\bIn Focus\b|\bInsight\b|Working Paper|Policy Brief", re.I)),
    ("by-name", re.compile(r"\b(?:by|coordinated by|edited by|ed\.)\s+[A-Z][a-z]+")),
    ("hereinafter", re.compile(r"hereinafter", re.I)),
    ("access", re.compile(r"\b(?:accessed|retrieved|available at|last visited)\b", re.I)),
    ("publisher", re.compile(r"\b(?:Press|University|Institute|Foundation|Department|Agency|Administration|Office|"
                             r"Commission|Committee|Congress|Service|Center|Centre|Council|Bureau|Ministry)\b")),
    ("etal", re.compile(r"\bet al\b")),
    ("colon-title", re.compile(r"\w:\s[A-Z]")),
    ("verb", re.compile(r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|should|may|might|must|does|do|"
                        r"did|this|that|which|these|those|its|their|our|we|it|they|there|because|however|although|"
                        r"also|only|not|such|more|than)\b")),
    ("number-money", re.compile(r"\$\d|\d%|\bpercent\b")),
    # what kind of document a segment names: the record, reports and documents of Congress, statutes, rules
    ("doctype", re.compile(r"Congressional Record|\bCong\. Rec\.|\b[HS]\.\s?(?:Rept|Doc|Res|Con\. Res|J\. Res)\.|"
                           r"\bH\.R\.\s?\d|\bS\.\s?\d|\bStat\.|U\.S\.C\.|C\.F\.R\.|Federal Register|\bRule [XVI]+\b|"
                           r"\b(?:hearings?|testimony|report|memorandum|letter|notice|guidance|circular)\b", re.I)),
    ("page-ref", re.compile(r"\bpp?\.\s?[A-Z]?\d+|\bat\s\d+\b|\bch\.\s?\d|\bclause\s\d")),
    # narration: verbs in the past tense tell what happened ("the House removed him"), which a citation does not
    ("past", re.compile(r"\b(?!(?:edited|accessed|retrieved|updated|published|coordinated|archived|revised|"
                        r"amended|reprinted|translated|compiled|prepared|submitted|presented|cited|quoted|issued|"
                        r"dated|titled|entitled|hereinafter|red|bed|need|feed|seed|speed|united|limited|selected|"
                        r"reserved|related|proposed|expected)\b)[a-z]{2,}ed\b|\b(?:was|were|had|did|became|took|made|"
                        r"gave|began|held|chose|won|lost|led|left|met|ran|saw|sent|set|spent|told|went|wrote)\b")),
    ("subject-verb", re.compile(r"^(?:[A-Z][\w.’'-]*\s){1,4}(?:is|are|was|were|has|have|had|will|would|can|may|"
                                r"provides?|requires?|specifies|states?|says|notes?|describes?|discusses?|includes?|"
                                r"[a-z]{3,}ed)\b")),
)


def _opening_with(words: str) -> str:
    """``\\b(?:a|b|…)`` as alternatives that each open with their first letter, the boundary behind it."""
    return "(?:" + "|".join(f"{w[0]}(?<!\\w{w[0]}){w[1:]}" for w in words.split("|")) + ")"


#: Some of _SIGNS's patterns rewritten to open with what their match starts with: each ``\\bx`` as
#: ``x(?<!\\wx)`` (after a word character x, the same test), so the engine skips ahead to the
#: characters a match can start with instead of trying a word boundary at every position (legal: 15x
#: faster). The alternatives keep their order: the same matches (tests/test_note_parts_patterns.py).
#: Not date and volume: their first letters and digits are so common that the engine stops as often
#: (date 0.014 -> 0.019 ms a document, volume no faster).
_FAST = {
    "italic": re.compile(r"[*_](?<!\w[*_])[^*_]{3,}[*_](?!\w)"),
    "year": re.compile(r"(?:1[6-9]|20)(?<!\d..)\d\d(?!\d)"),
    "pages": re.compile(r"p(?<!\wp)p?\.\s*[\dA-Z]|\d(?<!\w\d)\d*\s*[-–]\s*\d+\b"),
    "legal": re.compile(r"U\.S\.C\.|P(?<!\wP)\.L\.|P(?<!\wP)ub\. L\.|S(?<!\wS)tat\.|H(?<!\wH)\.R\.|S(?<!\wS)\.\s?\d|"
                        r"R(?<!\wR)ept\.|C(?<!\wC)ong\.|§|C\.F\.R\.|Fed\. Reg\.|v(?<!\wv)\.\s[A-Z]|H(?<!\wH)\.\s?Res\.|"
                        r"S(?<!\wS)\.\s?Res\.|Executive Order|F(?<!\wF)\.\s?\dd|U(?<!\wU)\.S\.\s\d"),
    "by-name": re.compile(_opening_with("by|coordinated by|edited by|ed\\.") + r"\s+[A-Z][a-z]+"),
    "etal": re.compile(r"e(?<!\we)t al\b"),
    "number-money": re.compile(r"\$\d|\d%|p(?<!\wp)ercent\b"),
    "page-ref": re.compile(r"p(?<!\wp)p?\.\s?[A-Z]?\d+|a(?<!\wa)t\s\d+\b|c(?<!\wc)h\.\s?\d|c(?<!\wc)lause\s\d"),
}
#: Case-insensitive ones rewritten so, in lower case and without re.I, for a segment lower-cased whose
#: characters are ASCII or have no other case (:func:`_caseless`): there case folding is lower-casing
#: the ASCII letters (3x faster than folding every character under re.I).
_FAST_LOWER = {
    "url": re.compile(r"https?://|www\."),
    "doi": re.compile(r"1(?<!\w1)0\.\d{4,9}/|d(?<!\wd)oi\b"),
    "report": re.compile(r"(?:c(?<!\wc)rs|g(?<!\wg)ao|c(?<!\wc)bo|o(?<!\wo)ig)\b|r(?<!\wr)eport\s+[a-z]{0,3}\d|"
                         r"i(?<!\wi)n focus\b|i(?<!\wi)nsight\b|working paper|policy brief"),
    "hereinafter": re.compile("hereinafter"),
    "access": re.compile(_opening_with("accessed|retrieved|available at|last visited") + r"\b"),
    "doctype": re.compile(r"congressional record|c(?<!\wc)ong\. rec\.|[hs](?<!\w[hs])\.\s?(?:rept|doc|res|con\. res|j\. res)\.|"
                          r"h(?<!\wh)\.r\.\s?\d|s(?<!\ws)\.\s?\d|s(?<!\ws)tat\.|u\.s\.c\.|c\.f\.r\.|federal register|"
                          r"r(?<!\wr)ule [xvi]+\b|(?:h(?<!\wh)earings?|t(?<!\wt)estimony|r(?<!\wr)eport|m(?<!\wm)emorandum|"
                          r"l(?<!\wl)etter|n(?<!\wn)otice|g(?<!\wg)uidance|c(?<!\wc)ircular)\b"),
}
_VERBS = frozenset("is are was were be been has have had will would can could should may might must does do did this "
                   "that which these those its their our we it they there because however although also only not such "
                   "more than".split())
_PUBLISHERS = frozenset("Press University Institute Foundation Department Agency Administration Office Commission "
                        "Committee Congress Service Center Centre Council Bureau Ministry".split())
_NOT_PAST = frozenset("edited accessed retrieved updated published coordinated archived revised amended reprinted "
                      "translated compiled prepared submitted presented cited quoted issued dated titled entitled "
                      "hereinafter red bed need feed seed speed united limited selected reserved related proposed "
                      "expected".split())
_PAST = frozenset("was were had did became took made gave began held chose won lost led left met ran saw sent set spent "
                  "told went wrote".split())


def _is_past(word: str) -> bool:
    """Whether a word (a run of ``\\w``) is one of the past sign's matches: small ASCII letters ending in
    "ed" (four or more, none of the words that name a citation's parts), or an irregular past."""
    return (len(word) > 3 and word.endswith("ed") and word.isascii() and word.isalpha() and word.islower()
            and word not in _NOT_PAST) or word in _PAST


#: Signs whose matches are whole words (each pattern is ``\\b(?:…)\\b`` around words of letters: a match
#: is a run of ``\\w`` that is one of them), counted from the segment's words.
_BY_WORDS = {
    "verb": _VERBS.__contains__,
    "publisher": _PUBLISHERS.__contains__,
    "past": _is_past,
}
_WORD = re.compile(r"\w+")
def _holds(*needles: str) -> Callable[[str, bool], bool]:
    """Whether a text holds one of ``needles`` (as a gate of _GATES: the digit flag unused)."""
    return lambda text, digit: any(map(text.__contains__, needles))


#: What a segment must hold for a sign to match it, as a test of (the segment, or the segment
#: lower-cased for a "lower" sign, and whether it holds a digit): every match of the sign's pattern
#: holds a digit or one of the strings named, so a segment that fails the test counts 0 without the
#: pattern being run (most segments hold no "$", no link, no report's name). A "lower" sign's test is
#: asked only of a caseless segment, whose fast pattern reads it lower-cased. Legal, hereinafter and
#: subject-verb have none: their patterns fail as fast.
_GATES: dict[str, Callable[[str, bool], bool]] = {
    "quote": _holds("“", '"', "‘"),
    "italic": _holds("*", "_"),
    "year": lambda text, digit: digit,
    "paren-year": lambda text, digit: digit and "(" in text,
    "date": lambda text, digit: digit,
    "volume": lambda text, digit: digit,
    "pages": lambda text, digit: digit or "p." in text,
    "by-name": _holds("by", "ed."),
    "etal": _holds("et al"),
    "colon-title": _holds(":"),
    "number-money": _holds("$", "%", "percent"),
    "page-ref": lambda text, digit: digit,
    "url": _holds("http", "www."),
    "doi": _holds("10.", "doi"),
    "report": _holds("crs", "gao", "cbo", "oig", "report", "in focus", "insight", "working paper", "policy brief"),
    "access": _holds("accessed", "retrieved", "available at", "last visited"),
    # every alternative holds one of these ("stat.", "u.s.c." and "h.r." an "s." or "h." too)
    "doctype": _holds("congressional record", "cong. rec.", "h.", "s.", "stat.", "c.f.r.", "federal register",
                      "rule ", "hearing", "testimony", "report", "memorandum", "letter", "notice", "guidance",
                      "circular"),
}
#: For each sign: its name, its count's kind ("words", "lower" or "text"), the function that counts (a
#: test of a word, or a ``findall`` on the segment lower-cased (a caseless segment only, else the
#: first-written pattern on the segment) or on the segment), and its gate (_GATES; None: none).
_COUNTS = tuple((name, "words", _BY_WORDS[name], None, None) if name in _BY_WORDS
                else (name, "lower", _FAST_LOWER[name].findall, pattern.findall, _GATES.get(name))
                if name in _FAST_LOWER
                else (name, "text", _FAST.get(name, pattern).findall, None, _GATES.get(name))
                for name, pattern in _SIGNS)
_ANY_DIGIT = re.compile(r"\d")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _caseless(text: str) -> bool:
    """Whether every character of ``text`` is ASCII or has no other case than its own ("“", "—", "§";
    not "é", "ſ", the Kelvin sign): then a case-insensitive pattern of ASCII letters finds on the text
    lower-cased, case-sensitive, what it finds on the text."""
    if text.isascii():
        return True
    others = "".join(_NON_ASCII.findall(text))
    return others.lower() == others == others.upper()


_OPENINGS = (
    ("see-also", re.compile(r"^(?:see also|see, e\.g\.,|see generally|see, for example,)\b", re.I)),
    ("see", re.compile(r"^(?:see|cf\.)\b", re.I)),
    # "For more on X, see Y": what follows "see" is a work; "For example, the House …": commentary
    ("intro-see", re.compile(r"^(?:for|on|regarding|about|in|to)\b[^.;]{0,200}?,\s+see\b", re.I)),
    ("example", re.compile(r"^(?:for (?:example|instance)|as an example|e\.g\.|in (?:addition|particular|practice|"
                           r"general|contrast)|notably|similarly|however|thus|therefore|at the time)\b", re.I)),
    ("for", re.compile(r"^(?:for (?:more|further|additional|a|an|the|details|information|discussion)|on (?:this|the))\b", re.I)),
    ("ibid", re.compile(r"^(?:ibid|id\.)", re.I)),
    ("quote", re.compile(r"^[“\"‘]")),
    ("url", re.compile(r"^(?:<?https?://|www\.)")),
    ("crs", re.compile(r"^CRS\b")),
    ("name-comma", re.compile(r"^[A-Z][\w’'\-]+(?:\s[A-Z][\w’'\-.]*){0,3},\s")),
    ("family-initial", re.compile(r"^[A-Z][\w’'\-]+,\s(?:[A-Z]\.\s?)+")),
    ("all-caps-word", re.compile(r"^[A-Z]{2,}\b")),
    ("digit", re.compile(r"^\d")),
    ("lower", re.compile(r"^[a-z]")),
    ("the", re.compile(r"^(?:The|A|An|In|This|These|It|As|When|Under|While|Although|If|Prior|Since|During)\b")),
)


def _bucket(n: int) -> str:
    return "0" if n == 0 else "1" if n == 1 else "2" if n == 2 else "3+"


def _words(n: int) -> str:
    return "1-3" if n <= 3 else "4-8" if n <= 8 else "9-16" if n <= 16 else "17-30" if n <= 30 else "31+"


_SEE_INSIDE = re.compile(r"(?<=\s)(?:see|cf\.)\s+(?=[A-Z“\"‘0-9])", re.I)
_NAME_ONLY = re.compile(r"^(?:In\s|and\s|&\s)?(?:[A-Z][\w’'\-]+,\s(?:[A-Z][\w’'\-]*\.?\s?){1,3}|"
                        r"(?:[A-Z][\w’'\-]*\.?\s){1,3}[A-Z][\w’'\-]+)(?:\s\((?:eds?|comp|trans)\.?\)\.?)?$")
_ENDS_WITH_NAME = re.compile(r",\s(?:[A-Z][\w’'\-]*\.?\s){0,2}[A-Z][\w’'\-]+,?(?:\s[A-Z]\.)*$")
#: The first sign of a citation (its start is what counts), each ``\\bx`` written ``x(?<!\\wx)`` as in _FAST.
_CITATION_SIGN = re.compile(r"[“\"‘]|https?://|www\.|(?:1[6-9]\d\d|20\d\d)(?<!\w....)\b|U\.S\.C\.|P(?<!\wP)\.L\.|"
                            r"P(?<!\wP)ub\. L\.|S(?<!\wS)tat\.|§|(?:C(?<!\wC)RS|G(?<!\wG)AO|C(?<!\wC)BO)\b|"
                            r"R(?<!\wR)eport\b|Congressional Record|[HS](?<!\w[HS])\.\s?(?:Rept|Doc|Res)\.|H(?<!\wH)\.R\.\s?\d")


def sign_counts(text: str) -> list[int]:
    """How many times each sign of _SIGNS matches ``text``: its pattern's ``findall``, counted the faster
    ways _COUNTS says, and not run on a segment that fails its gate (_GATES)."""
    low = text.lower() if _caseless(text) else None
    segment_words = _WORD.findall(text)
    digit = _ANY_DIGIT.search(text) is not None
    out = []
    for _name, kind, count, first_written, gate in _COUNTS:
        if kind == "words":
            out.append(sum(map(count, segment_words)))
        elif kind == "lower":
            if low is None:
                out.append(len(first_written(text)))
            else:
                out.append(len(count(low)) if gate is None or gate(low, digit) else 0)
        else:
            out.append(len(count(text)) if gate is None or gate(text, digit) else 0)
    return out


#: Each feature's name made once (a segment takes some thirty, most of them a sign's bucket): by the
#: bucket's index (0, 1, 2, 3+), by the words' count (capped where the last bucket starts), by kind.
_BUCKETS = tuple(_bucket(n) for n in range(4))
_SIGN_BUCKETS = tuple(tuple(f"{name}={b}" for b in _BUCKETS) for name, *_how in _COUNTS)
_COMMAS = tuple(f"commas={b}" for b in _BUCKETS)
_POSITION = tuple(f"position={b}" for b in _BUCKETS)
_SEGMENTS = tuple(f"segments={b}" for b in _BUCKETS)
_WORD_COUNT = tuple(f"words={_words(n)}" for n in range(32))
_SIGN_AT = tuple(f"sign-at={_words(n)}" for n in range(32))
_AFTER = {kind: f"after={kind}" for kind in ("semicolon", "start", "sentence")}
_OPENS = tuple((pattern.match, f"opens={name}") for name, pattern in _OPENINGS)
_END = {c: f"end={c}" for c in ".,:;?!)”"}


def segment_features(segment: Segment, first: bool, last: bool, index: int = 0, count: int = 1) -> list[str]:
    text = segment.text
    words = text.split()
    n, commas = len(words), text.count(",")
    f = ["bias", _AFTER["semicolon" if segment.after_semicolon else "start" if first else "sentence"],
         _WORD_COUNT[n if n < 31 else 31], _COMMAS[commas if commas < 3 else 3], _POSITION[index if index < 3 else 3],
         _SEGMENTS[count if count < 3 else 3]]
    if last:
        f.append("last")
    if _SEE_INSIDE.search(text):
        f.append("see-inside")
    # how far into the segment the first sign of a citation stands: a work opens the segment,
    # commentary runs on before naming one ("Pursuant to P.L. 102-562, the Secretary …")
    # a name alone ("Dugatkin, Lee Alan", "In Hull, D. L.", "Sigrid S. Glenn (eds.)"): one of a list of
    # authors or editors that ";" separates, so the segment after it goes on with the same work
    if _NAME_ONLY.match(text):
        f.append("name-only")
    elif _ENDS_WITH_NAME.search(text):
        f.append("name-end")
    sign = _CITATION_SIGN.search(text)
    if sign is None:
        f.append("sign-at=none")
    else:
        before = len(text[:sign.start()].split())
        f.append(_SIGN_AT[before if before < 31 else 31])
    for match, opens in _OPENS:
        if match(text):
            f.append(opens)
            break
    f.extend([buckets[k if k < 3 else 3] for buckets, k in zip(_SIGN_BUCKETS, sign_counts(text))])
    if words:
        share = sum(1 for w in words if w[:1].isupper()) / n
        f.append("caps=most" if share > 0.6 else "caps=half" if share > 0.3 else "caps=few")
    f.append(_END.get(text[-1], "end=other"))
    return f


_SHARED = ("opens", "after", "words", "verb", "year", "quote", "legal", "report", "url", "caps", "doctype", "past",
           "see-inside", "sign-at", "name-only", "name-end", "end")


#: How the segments around a segment see each of its features: (from the one after it, "+1:…"; from
#: the one before, "-1:…"), or None for a feature they do not see (not in _SHARED). Made once per
#: feature name (the names are a closed set: signs, buckets, openings, ends).
_VIEWS: dict[str, tuple[str, str] | None] = {}


def _views(feature: str) -> tuple[str, str] | None:
    views = _VIEWS.get(feature, False)
    if views is False:
        views = _VIEWS[feature] = (f"+1:{feature}", f"-1:{feature}") if feature.split("=", 1)[0] in _SHARED else None
    return views


def featurize(segs: list[Segment]) -> list[list[str]]:
    """crfsuite item features for every segment: its own, and its neighbours' shared ones with their
    offset ("-1:year=1" on the segment after one with a year). Why the tables (_SIGN_BUCKETS,
    _VIEWS): a segment takes some fifty features, and making each string anew (and splitting each
    neighbour's to see whether it is shared) was a sixth of featurizing a note (0.143 -> 0.119 ms)."""
    n = len(segs)
    own = [segment_features(s, i == 0, i == n - 1, i, n) for i, s in enumerate(segs)]
    out = []
    for i, f in enumerate(own):
        items = list(f)
        if i:
            items.extend([views[1] for views in map(_views, own[i - 1]) if views is not None])
        else:
            items.append("-1:none")
        if i + 1 < n:
            items.extend([views[0] for views in map(_views, own[i + 1]) if views is not None])
        else:
            items.append("+1:none")
        out.append(items)
    return out

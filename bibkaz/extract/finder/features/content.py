"""What a line holds: the signs of a reference, counted and bucketed.

Why: reference lines are dense with years, initials, quoted titles, "pp.",
volume and issue numbers, publishers, URLs and DOIs; running text has few of
them. Counts are bucketed ("0", "1", "2+") as AnyStyle's ref feature does, so
the model learns from the presence of a sign, not from its exact count.
"""

from __future__ import annotations

import re

from bibkaz.extract.finder.lines import Line

_SIGNS = (
    ("year", re.compile(r"(?<!\d)(?:1[5-9]\d\d|20\d\d)[a-z]?(?!\d)")),
    ("paren-year", re.compile(r"\((?:1[5-9]\d\d|20\d\d)[a-z]?[),]|\(n\.d\.\)")),
    ("initial", re.compile(r"(?<![\w.])[A-Z]\.(?=\s|,|$)")),
    ("quote", re.compile(r"[“”\"]|(?<!\w)'(?=[A-Z])")),
    ("url", re.compile(r"https?://|www\.", re.I)),
    ("doi", re.compile(r"\b10\.\d{4,9}/|\bdoi\b", re.I)),
    ("pages", re.compile(r"\bpp?\.\s?\d|(?<!\d)\d+\s?[-–]\s?\d+")),  # (?<!\d): a match starts a run of digits
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
    ("sup-digit", re.compile(r"[a-z.,;”\"’)][⁰¹²³⁴⁵⁶⁷⁸⁹]|[a-z][.,”\"’)]\d{1,2}(?=\s|$)")),
    ("copyright", re.compile(r"©|\bcopyright\b|all rights reserved", re.I)),
    ("social", re.compile(r"\b(?:views?|comments?|likes?|shares?|reply|replies|follow us|subscribe|tweet|"
                          r"newsletter|sign up|log in|read more|share this)(?![a-z])", re.I)),
)


_ONLY_URL = re.compile(r"<?(?:https?://|www\.)\S+>?[.,;]?")
_SENTENCE_INSIDE = re.compile(r"[a-z]{3}[.!?]\s+[A-Z][a-z]")


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
#: asterisk, and skipping the patterns that need one keeps the finder cheap.
_NEEDS_DIGIT = frozenset({"year", "paren-year", "pages", "volume", "month", "sup-digit", "doi"})
_NEEDS = {
    "url": lambda t, low: "http" in low or "www." in low,
    "quote": lambda t, low: any(c in t for c in "“”\"'"),
    "italic": lambda t, low: "*" in t or "_" in t,
    "ibid": lambda t, low: "ibid" in low or "cit" in low or "supra" in low or "infra" in low,
    "copyright": lambda t, low: "©" in t or "copyright" in low or "reserved" in low,
    "etal": lambda t, low: "et al" in low,
    "access": lambda t, low: any(w in low for w in ("retrieved", "accessed", "available", "visited", "viewed")),
    "initial": lambda t, low: "." in t,
    "editor": lambda t, low: "ed" in low,
    "in": lambda t, low: "In" in t,
}
_NEEDS["social"] = lambda t, low: any(k in low for k in (
    "view", "comment", "like", "share", "repl", "follow", "subscri", "tweet", "newsletter", "sign up", "log in", "read"))
#: Signs that are whole words from a list: counted from one split of the lower-cased line
#: (the same counts as their patterns, at a fraction of the cost).
_WORD_SIGNS = {
    "verb": frozenset("is are was were has have had will would can could should this that which we our".split()),
    "publisher": frozenset("press university institute publishing publishers books verlag centre center foundation "
                           "ministry office".split()),
}
_TOKEN = re.compile(r"\w+")
_ZERO = {name: f"{name}=0" for name, _ in _SIGNS}
_BUCKETS = {name: (f"{name}=0", f"{name}=1", f"{name}=2+") for name, _ in _SIGNS}


def observe(lines: list[Line]) -> list[list[str]]:
    out = []
    for line in lines:
        text = line.stripped
        low = text.lower()
        digit = any(map(str.isdigit, text))
        tokens = _TOKEN.findall(low)
        f = []
        for name, pattern in _SIGNS:
            words = _WORD_SIGNS.get(name)
            if words is not None:
                n = sum(1 for t in tokens if t in words)
            else:
                need = _NEEDS.get(name)
                if (name in _NEEDS_DIGIT and not digit) or (need is not None and not need(text, low)):
                    f.append(_ZERO[name])
                    continue
                n = len(pattern.findall(text))
            f.append(_BUCKETS[name][min(n, 2)])
        words = text.split()
        f.append(f"words={_words(len(words))}")
        f.append(f"end={_end(text)}")
        letters = sum(map(str.isalpha, text))
        upper = sum(map(str.isupper, text))
        digits = sum(map(str.isdigit, text))
        if letters and upper / letters > 0.6:
            f.append("caps")
        if digits and digits / len(text) > 0.3:
            f.append("digity")
        lower = sum(1 for w in words if w[:1].islower())
        if len(words) >= 6:
            f.append(f"lower-words={'most' if lower / len(words) > 0.7 else 'half' if lower / len(words) > 0.4 else 'few'}")
        if _SENTENCE_INSIDE.search(text):
            f.append("sentence-inside")
        if len(words) == 1 and _ONLY_URL.fullmatch(text):
            f.append("only-url")
        out.append(f)
    return out

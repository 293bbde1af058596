"""``text-case="title"`` as citeproc-js applies it (CSL 1.0.2, "Title case conversion").

citeproc-py 0.11 knows 26 stop words, so it prints "Hotelling Under Pressure" and
"Difference Between" where the CSL specification's list (and citeproc-js,
Zotero, pandoc) keep "under" and "between" lower-case; it capitalises a stop word
after any word ending in "." ("The U.S. And Foreign"); and it leaves the parts
of a hyphenated compound alone ("Computer-aided" for "Computer-Aided").

The rule we restore: a word typed all in lower case is capitalised unless it is
a stop word (which stays lower-case except as the first or last word or after a
colon); a word with any capital letter is left alone (it may be an acronym or a
name). Parts after "-", "/" and "." are treated as words of their own, as
citeproc-js does ("huffingtonpost.com" → "Huffingtonpost.Com"). A lone
lower-case letter ("a b c" of a footnote's back-links) is kept.
"""

from __future__ import annotations

import re
from functools import wraps
from typing import Any

#: The CSL 1.0.2 specification's stop words (single words; its phrases are made of these or are rare).
STOP_WORDS = frozenset("""
a about above across afore after against al along alongside amid amidst among amongst an and anenst apropos apud
around as aside astride at athwart atop barring before behind below beneath beside besides between beyond but by c
ca circa d' de despite down during et except for forenenst from given in inside into lest like modulo near next nor
notwithstanding of off on onto or out over per plus pro qua sans since so than the through throughout thru thruout
till to toward towards under underneath until unto up upon v v. van versus via vis-à-vis von vs vs. with within
without yet
""".split())

_PARTS = re.compile(r"([-/.\u2010\u2013])")
_CORE = re.compile(r"^\W*(.*?)\W*$")


def _cap(segment: str) -> str:
    """First letter upper-cased when it leads the word (after any opening punctuation).

    "18th" and "1122(a)" stay: a word that starts with a digit is not capitalised.
    """
    for n, ch in enumerate(segment):
        if ch.isalnum():
            return segment[:n] + ch.upper() + segment[n + 1:] if ch.isalpha() else segment
    return segment


def title_word(word: str, edge: bool) -> str:
    """One space-separated word in title case; ``edge``: first, last or after a colon."""
    pieces = _PARTS.split(word)
    out = []
    for n, piece in enumerate(pieces):
        if n % 2:  # a separator
            out.append(piece)
            continue
        core = _CORE.match(piece).group(1)  # type: ignore[union-attr]
        if not core or not core.islower():
            out.append(piece)
        elif n == 0 and edge:
            out.append(_cap(piece))
        elif core in STOP_WORDS or (n == 0 and len(core) == 1):
            out.append(piece)
        else:
            out.append(_cap(piece))
    return "".join(out)


def title_case(text: str) -> str:
    """A whole title (plain text) in title case."""
    words = text.split(" ")
    out = []
    for n, word in enumerate(words):
        edge = n == 0 or n == len(words) - 1 or (n > 0 and words[n - 1][-1:] in (":", "?", "!"))
        out.append(title_word(word, edge))
    return " ".join(out)


def install(model: Any) -> None:
    """Wrap ``TextCased.case`` so English ``title`` uses :func:`title_case`; other cases unchanged."""
    from citeproc.string import MixedString, NoCase, String

    case = model.TextCased.case

    @wraps(case)
    def case_title(self, text, language=None):  # type: ignore[no-untyped-def]
        if self.get("text-case") != "title" or language not in (None, "en"):
            return case(self, text, language)
        words = list(text.words())
        out = []
        for n, word in enumerate(words):
            edge = n == 0 or n == len(words) - 1 or (n > 0 and str(words[n - 1])[-1:] in (":", "?", "!"))
            if type(word) is String:
                out.append(String(title_word(str(word), edge)))
            elif isinstance(word, (NoCase, MixedString)) or not str(word).islower():
                out.append(word)
            else:
                out.append(word.capitalize_first())
        return " ".join(out)

    model.TextCased.case = case_title

"""``text-case="title"`` as citeproc-js applies it (CSL 1.0.2, "Title case conversion").

citeproc-py 0.11 knows 26 stop words, capitalises a stop word after any word
ending in "." ("The U.S. And Foreign") and leaves hyphenated compounds alone.
CSL 1.0.2 describes title case loosely (capitalise each word that is not a stop
word, keep words with capitals as typed, capitalise stop words first, last and
after a colon); what readers compare with is citeproc-js's reading of it, so this
module follows citeproc-js's engine step by step (``CSL.Output.Formatters.title``):

- The title is cut at punctuation "tags" (quotes, ``- – — / . , ; ? ! : [ ] ( )``);
  the text between tags is split into words at spaces. "state‐space" (U+2010)
  is one word; "life(except" and "selection:an" are two.
- A word typed all in lower case is capitalised when it is longer than one
  letter and not a stop word ("r" and "i.e." stay), when it is the first word,
  or when it follows "!", "?" or ":". A word with any capital is left as typed.
- The last word is capitalised even when it is a stop word (not when it is one
  letter).
- Quotation marks are paired: text right after a closing quote that closes
  nothing, or after an opening quote that is never closed (“trade Barrier),
  keeps its first letter as typed.

A straight apostrophe inside a word ("Down's") is part of the word, as in
citeproc-js; items reach us with typographic apostrophes (:mod:`bibkaz.style.items`),
so a ’ between letters is read as that apostrophe.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import wraps
from typing import Any

#: citeproc-js's skip words (CSL.SKIP_WORDS); its phrases ("according to") never match one word.
STOP_WORDS = frozenset("""
about above across afore after against al along alongside amid amidst among amongst anenst apropos apud around as
aside astride at athwart atop barring before behind below beneath beside besides between beyond but by circa despite
down during et except for forenenst from given in inside into lest like modulo near next notwithstanding of off on
onto out over per plus pro qua sans since than through throughout thruout till to toward towards under underneath
until unto up upon versus vs. v. vs v via vis-à-vis with within without or yet so and nor a an the de d' von van c ca
""".split())

_TAG = re.compile("(\u2018|\u2019|\u201c|\u201d| \"| '|\"|'|[-\u2013\u2014/.,;?!:]|\\[|\\]|\\(|\\))")
_WORDS = re.compile("([\u00a0\u0020\u2000-\u200b\u205f\u3000]+)")
#: An apostrophe between letters, typographic or straight, is a letter of its word here.
_APOSTROPHE = re.compile(r"(?<=\w)\u2019(?=\w)")
_MARK = "\ue000"
_QUOTES = {" \"": (" '", "\""), " '": (" \"", "'"), "\u2018": ("\u2018", "\u2019"), "\u201c": ("\u201c", "\u201d")}
_OPENERS = ("\u201c", "\u2018", " \"", " '")
_QUOTE_TAG = re.compile("(^(?:\u2018|\u2019|\u201c|\u201d|\"|')|(?: \"| ')$)")


def _capitalise(word: str) -> str:
    m = re.match(r"(\s*)(.)(.*)", word, re.S)
    if m and not (re.match("[\u0370-\u03ff]$", m.group(2)) and not m.group(3)):
        return m.group(1) + m.group(2).upper() + m.group(3)
    return word


@dataclass
class _State:
    is_first: bool = True
    after_punct: bool = False
    last: tuple[int, int] | None = None
    quotes: list[dict[str, Any]] = field(default_factory=list)


def _words(state: _State, text: str, index: int, following: str | None) -> str:
    if not text.strip():
        return text
    parts = _WORDS.split(text)
    words = parts[0::2]
    for j, word in enumerate(words):
        if not word:
            continue
        # citeproc-js splits a word at a typographic apostrophe and puts back the first letter of
        # what follows it: the part before decides ("d’économique" stays, "women’s" → "Women’s")
        head, mark, tail = word.partition(_MARK)
        lower = head.lower()
        capitalise = ((len(head) > 1 and lower not in STOP_WORDS) or (j == len(words) - 1 and following == "-")
                      or state.is_first or state.after_punct)
        if capitalise and head == lower:
            words[j] = _capitalise(head) + mark + tail
        state.after_punct = state.is_first = False
        state.last = (index, j)
    parts[0::2] = words
    return "".join(parts)


def _split(text: str) -> tuple[list[str], list[str]]:
    pieces = _TAG.split(text)
    strings, tags = pieces[0::2], pieces[1::2]
    for i in range(len(tags) - 1, -1, -1):
        if tags[i] == "'" and strings[i + 1]:  # a bare apostrophe joins the text after it
            strings[i + 1] = "'" + strings[i + 1]
            tags[i] = ""
    return strings, tags


def _quote(state: _State, tag: str, pos: int) -> int | None:
    """citeproc-js's quote pairing: the position whose next text keeps its first letter, if any."""
    m = _QUOTE_TAG.search(tag)
    if not m:
        return None
    tag = m.group(1)
    if tag in _OPENERS:
        if not state.quotes or tag == state.quotes[-1]["opener"]:
            opener, closer = _QUOTES[tag]
            state.quotes.append({"opener": opener, "closer": closer, "pos": pos})
            return None
        previous = state.quotes.pop()["pos"]
        opener, closer = _QUOTES[tag]
        state.quotes.append({"opener": opener, "closer": closer, "pos": None})
        return previous
    if state.quotes and tag == state.quotes[-1]["closer"]:
        state.quotes.pop()
        return None
    return pos


def _pieces(text: str) -> tuple[list[str], list[str], list[str], _State]:
    """The text between tags, the tags, a copy of the text as typed, and a fresh state."""
    strings, tags = _split(_APOSTROPHE.sub(_MARK, text))
    return strings, tags, list(strings), _State()


def title_case(text: str) -> str:
    """A whole title (plain text) in title case, as citeproc-js prints it."""
    if not text:
        return text
    strings, tags, original, state = _pieces(text)
    if strings[0].strip():
        strings[0] = _words(state, strings[0], 0, tags[0] if tags else None)
    for i, tag in enumerate(tags):
        if re.search(r"[!?:]$", tag):
            state.after_punct = True
        strings[i + 1] = _words(state, strings[i + 1], i + 1, None)
        pos = _quote(state, tag, i)
        if pos is not None:
            strings[pos + 1] = original[pos + 1][:1] + strings[pos + 1][1:]
            state.last = None
        if strings[i + 1].strip():
            state.is_first = state.after_punct = False
    _unpaired_kept(state, strings, original)
    if state.last is not None:
        index, j = state.last
        parts = _WORDS.split(strings[index])
        word = parts[2 * j]
        if len(word) > 1 and word.lower() in STOP_WORDS:
            parts[2 * j] = _capitalise(word)
        strings[index] = "".join(parts)
    return _joined(strings, tags)


def _unpaired_kept(state: _State, strings: list[str], original: list[str]) -> None:
    """Text after an opening quote never closed keeps its first letter as typed."""
    for quote in state.quotes:
        if quote["pos"] is not None:
            pos = quote["pos"]
            strings[pos + 1] = original[pos + 1][:1] + strings[pos + 1][1:]


def _joined(strings: list[str], tags: list[str]) -> str:
    out = [strings[0]]
    for tag, string in zip(tags, strings[1:]):
        out += [tag, string]
    return "".join(out).replace(_MARK, "\u2019")


def capitalize_first(text: str) -> str:
    """``text-case="capitalize-first"`` as citeproc-js applies it (``capitalizeFirst``).

    The text is cut at the same tags as for title case, and the first word of the first piece
    holding any text is capitalised, only when typed all in lower case: "(tech. rep.)" →
    "(Tech. rep.)", "[draft]" → "[Draft]", "-dash" → "-Dash", while "iPhone app" and "1st report"
    stay as typed (citeproc-py upper-cased the first character whatever it was: "(tech. rep.)",
    "IPhone app"). Text after a quotation mark that pairs with nothing keeps its first letter.
    """
    if not text:
        return text
    strings, tags, original, state = _pieces(text)

    def first_word(piece: str) -> str:
        parts = _WORDS.split(piece)
        for j in range(0, len(parts), 2):
            word = parts[j]
            if word and state.is_first:
                head, mark, tail = word.partition(_MARK)
                if head == head.lower():
                    parts[j] = _capitalise(head) + mark + tail
                state.is_first = False
                break
        return "".join(parts)

    if strings[0].strip():
        strings[0] = first_word(strings[0])
    for i, tag in enumerate(tags):
        strings[i + 1] = first_word(strings[i + 1])
        pos = _quote(state, tag, i)
        if pos is not None:
            strings[pos + 1] = original[pos + 1][:1] + strings[pos + 1][1:]
        if strings[i + 1].strip():
            state.is_first = False
    _unpaired_kept(state, strings, original)
    return _joined(strings, tags)


def install(model: Any) -> None:
    """Wrap ``TextCased.case`` so English ``title`` uses :func:`title_case` and ``capitalize-first``
    (any language) :func:`capitalize_first` on plain text; other cases unchanged.

    A title made of plain text is cased as a whole; a title with parts citeproc-py
    must not case (``NoCase``) has its plain words cased one by one.
    """
    from citeproc.string import MixedString, NoCase, String

    # citeproc-js leaves a nocase span alone under every text case, "lowercase" and "uppercase"
    # included ("this is a Smith pencil"); citeproc-py's NoCase only escapes title and sentence case.
    NoCase.lower = NoCase.upper = lambda self: self  # type: ignore[method-assign]
    case = model.TextCased.case

    @wraps(case)
    def case_title(self, text, language=None):  # type: ignore[no-untyped-def]
        text_case = self.get("text-case")
        if text_case == "capitalize-first":
            if type(text) is String or (isinstance(text, MixedString) and all(type(part) is String for part in text)):
                return String(capitalize_first(str(text)))
            return case(self, text, language)  # formatted or nocase parts: citeproc-py's reading
        if text_case != "title" or language not in (None, "en"):
            return case(self, text, language)
        if type(text) is String:
            return String(title_case(str(text)))
        if isinstance(text, MixedString) and all(type(part) is String for part in text):
            return String(title_case(str(text)))
        if isinstance(text, MixedString) and all(isinstance(part, String) for part in text):
            # Cased as one text, so words and punctuation keep their seams ("Mirror, the"); the
            # parts citeproc-py must not case (NoCase) are put back as they were.
            whole = "".join(str(part) for part in text)
            cased = title_case(whole)
            if len(cased) == len(whole):
                parts, at = [], 0
                for part in text:
                    piece = cased[at:at + len(str(part))]
                    at += len(str(part))
                    parts.append(part if isinstance(part, NoCase) else String(piece))
                return MixedString(parts)
        words = list(text.words())
        out = []
        for n, word in enumerate(words):
            edge = n in (0, len(words) - 1)
            if type(word) is String and (edge or str(word).lower() not in STOP_WORDS):
                out.append(String(title_case(str(word))))
            elif type(word) is String:
                out.append(word)
            elif isinstance(word, (NoCase, MixedString)) or not str(word).islower():
                out.append(word)
            else:
                out.append(word.capitalize_first())
        return " ".join(out)

    model.TextCased.case = case_title

"""Quotation marks as citeproc-js prints them (CSL 1.0.2, "quotes" and locale quote terms).

Two rules citeproc-py 0.11 lacks:

- Quotes inside a quoted title flip: a title "The “Arab Spring” revisited" put
  in quotes by the style prints “The ‘Arab Spring’ Revisited”, using the
  locale's ``open-inner-quote`` terms, so each locale gets its own marks
  (« » around “ ” in French, „ “ around ‚ ‘ in German).
- Straight quotes typed in a field are quotation markup, as citeproc-js reads
  them: a pair of ' or " prints as the outer quotes (“fire”), or the inner
  ones inside a quoted title (“Mozilla Holds ‘fire’ …”); a lone leading ' is
  an apostrophe (’Keras). Without this, entries mix ' and ’ in one line.

Punctuation-in-quote (“Title.” vs “Title”.) is decided by the locale and applied
after rendering in :func:`bibkaz.style.workarounds.punctuation_in_quote`.
"""

from __future__ import annotations

import re
from functools import wraps
from typing import Any

_OPEN = r"(^|(?<=[\s(\[\u2014/-]))"
#: A pair of straight double quotes; the closing one follows a non-space (citeproc-js leaves
#: 'of "Positive Obligations " of' as typed: a quote after a space does not close).
_DOUBLE = re.compile(_OPEN + r'"([^"\s](?:[^"]*?[^"\s])?)"(?=$|[\s.,;:!?)\]\u2014-])')
_SINGLE = re.compile(_OPEN + r"'([^'\s][^']*?[^\s'])'(?=$|[\s.,;:!?)\]\u2014-])")
_LEADING_APOSTROPHE = re.compile(_OPEN + r"'(?=\w)")
#: "Lepidopterists' Society": a lone ' after a word is its apostrophe (citeproc-js prints ’).
_TRAILING_APOSTROPHE = re.compile(r"(?<=\w)'(?!\w)")


#: Put between a closing quote and the punctuation a cite's affix types after it ("“quote”, "):
#: punctuation-in-quote moves what the style prints after a quote, not what the user typed
#: (citeproc-js leaves affix text as it is). Removed by :func:`unguard` after that pass.
GUARD = "\ue0df"
_TYPED_AFTER_QUOTE = re.compile("([\u201d\u2019])(?=[.,!?])")


def guarded(text: str) -> str:
    """``text`` with :data:`GUARD` after each closing quote that punctuation follows."""
    return _TYPED_AFTER_QUOTE.sub("\\1" + GUARD, text)


def unguard(text: str) -> str:
    return text.replace(GUARD, "")


_MARKS = frozenset(".,!?")


def value_text(value: str, outer: tuple[str, str]) -> str:
    """A ``cs:text value`` as citeproc-js prints it: field text (typographic quotes), and a mark it
    opens with guarded, because citeproc-js prints a value as text of its own, not as an affix: the
    mark is neither moved inside a closing quote nor merged with the mark before it (IEEE's
    ``<text value=","/>`` after a quoted title: “Title”, doi: …, not “Title,” doi: …; “Title.”. and
    "Pub.." as typed; checked with bench/node/format.mjs)."""
    text = typographic(value, outer)
    return GUARD + text if text[:1] in _MARKS else text


def typographic(text: str, outer: tuple[str, str] = ("\u201c", "\u201d")) -> str:
    """Paired straight quotes to the locale's outer quotes (``outer``: “ ” in English, „ “ in
    German, « » in French, as citeproc-js prints them), a lone ' before or after a word to ’."""
    if '"' not in text and "'" not in text:
        return text
    pair = "\\1" + outer[0].replace("\\", "\\\\") + "\\2" + outer[1].replace("\\", "\\\\")
    text = _DOUBLE.sub(pair, text)
    text = _SINGLE.sub(pair, text)
    return _TRAILING_APOSTROPHE.sub("\u2019", _LEADING_APOSTROPHE.sub("\\1\u2019", text))


def nested(text: str, outer: tuple[str, str], inner: tuple[str, str]) -> str:
    """Outer marks typed inside a pair of outer marks become the inner ones, level by level, as
    citeproc-js reads quotes in a field (“The “/Ai” Manifesto” → “The ‘/Ai’ Manifesto”); only
    pairs inside a closed pair change, a mark left open stays as typed."""
    if not all(outer) or not all(inner) or text.count(outer[0]) < 2 or outer[0] == outer[1]:
        return text
    pattern = "|".join(re.escape(mark) for mark in sorted(set(outer), key=len, reverse=True))
    stack: list[tuple[int, int]] = []
    pairs: list[tuple[int, int, int, int]] = []  # open start, open end, close start, close end
    for match in re.finditer(pattern, text):
        if match.group() == outer[0]:
            stack.append(match.span())
        elif stack:
            pairs.append((*stack.pop(), *match.span()))
    # Pairs matched this way never cross, so a pair's depth is the count of pairs open where it opens.
    events = sorted([(pair[0], 1, pair) for pair in pairs] + [(pair[2], -1, pair) for pair in pairs])
    changes = []
    depth = 0
    for _at, step, pair in events:
        if step < 0:
            depth -= 1
            continue
        if depth % 2:
            changes += [(pair[0], pair[1], inner[0]), (pair[2], pair[3], inner[1])]
        depth += 1
    return _applied(text, sorted(changes))


def _pairs(text: str, outer: tuple[str, str], inner: tuple[str, str]) -> list[tuple[int, int, bool]]:
    """(start, end, is outer) of the marks to flip in ``text``: paired outer marks, and paired inner
    marks nested inside an outer pair.

    citeproc-js flips a pair only: a mark left open ("the term “trade barrier")
    or a close before any open ("Tax Myth,” “Art Laffer") is text, printed as typed.
    Quoting a title swaps the levels, so inner quotes inside its outer ones
    become outer quotes (“My ‘“Amazing” and Bogus’ Title” from My “‘Amazing’ and
    Bogus” Title, suite fixture decorations_NestedQuotesInnerReverse); inner marks
    outside any outer pair are left, as is an inner close mark with no open one
    before it (an apostrophe: “Don’t”). An outer close mark closes the last open
    outer mark, dropping inner ones left open. Marks may be longer than a
    character (French "«\u00a0" with its space).
    """
    nested = bool(inner[0] and inner[1]) and inner != outer and not {*inner} & {*outer}
    kinds = {outer[0]: "open", outer[1]: "close"}
    if nested:
        kinds |= {inner[0]: "open-inner", inner[1]: "close-inner"}
    pattern = "|".join(re.escape(mark) for mark in sorted(kinds, key=len, reverse=True))
    stack: list[tuple[int, int, bool, bool]] = []  # start, end, is outer, inside an outer pair
    found: list[tuple[int, int, bool]] = []
    for match in re.finditer(pattern, text):
        kind, (start, end) = kinds[match.group()], match.span()
        if kind == "close":
            while stack and not stack[-1][2]:
                stack.pop()
            if stack:
                opened = stack.pop()
                found += [(opened[0], opened[1], True), (start, end, True)]
        elif kind == "close-inner":
            if stack and not stack[-1][2]:
                opened = stack.pop()
                if opened[3]:
                    found += [(opened[0], opened[1], False), (start, end, False)]
        else:
            stack.append((start, end, kind == "open", any(o[2] for o in stack)))
    return sorted(found)


def _swapped(text: str, outer: tuple[str, str], inner: tuple[str, str]) -> list[tuple[int, int, str]]:
    """(start, end, new mark) for each mark :func:`flip` changes."""
    if not outer[0] or not outer[1] or outer[0] not in text:
        return []
    swap = {outer[0]: inner[0], outer[1]: inner[1]}
    back = {inner[0]: outer[0], inner[1]: outer[1]}
    return [(a, b, swap[text[a:b]] if is_outer else back[text[a:b]]) for a, b, is_outer in _pairs(text, outer, inner)]


def _applied(text: str, changes: list[tuple[int, int, str]], offset: int = 0) -> str:
    out, at = [], 0
    for start, end, new in changes:
        start, end = start - offset, end - offset
        if start < at or end > len(text):
            continue
        out += [text[at:start], new]
        at = end
    return "".join(out) + text[at:] if out else text


def flip(text: str, outer: tuple[str, str], inner: tuple[str, str]) -> str:
    """Outer marks inside ``text`` become the locale's inner ones (what quoting a title does).

    The outer marks are the locale's (what :func:`typographic` writes for straight
    quotes); as in citeproc-js, other marks typed in a field are text: English
    “ ” inside a quoted German title stay “ ”. Only paired marks flip
    (:func:`_pairs`); inner ones only inside an outer pair, so a ‘word’ alone in a
    quoted title is not promoted to “word”; apostrophes stay.
    """
    return _applied(text, _swapped(text, outer, inner))


def _flipped(string: Any, outer: tuple[str, str], inner: tuple[str, str]) -> Any:
    """:func:`flip` on citeproc-py's string types: a str subclass, or a list of them (MixedString).

    A list is flipped as one text (a pair may open in one part and close in the
    next), then cut back into its parts; a mark split across two parts is left.
    """
    if isinstance(string, str):
        text = flip(str(string), outer, inner)
        return string if text == str(string) else (type(string)(text) if type(string) is not str else text)
    if isinstance(string, list) and not all(isinstance(part, str) for part in string):
        return type(string)(_flipped(part, outer, inner) for part in string)
    if isinstance(string, list):
        parts = [str(part) for part in string]
        whole = "".join(parts)
        changes = _swapped(whole, outer, inner)
        if not changes:
            return string
        out, at = [], 0
        for part, text in zip(string, parts):
            inside = [c for c in changes if at <= c[0] and c[1] <= at + len(text)]
            piece = _applied(text, inside, at)
            at += len(text)
            out.append(part if piece == text else (type(part)(piece) if type(part) is not str else piece))
        return type(string)(out)
    return string


#: The outer quotes of English, what :func:`typographic` writes when no locale is given.
ENGLISH = ("\u201c", "\u201d")
ENGLISH_INNER = ("\u2018", "\u2019")


def outer_marks(element: Any) -> tuple[str, str]:
    """The outer quotes (``open-quote``, ``close-quote``) of the locale ``element`` renders in.

    citeproc-js prints straight quotes typed in a field with them: “fire” in
    en-US, „fire“ in German, «\u00a0fire\u00a0» in French; inside a quoted title
    those then flip to the inner marks. English marks when the locale has none.
    """
    return _locale_marks(element, "quote", ENGLISH)


def inner_marks(element: Any) -> tuple[str, str]:
    """The inner quotes (``open-inner-quote``, ``close-inner-quote``) of ``element``'s locale,
    English ‘ ’ when the locale has none."""
    return _locale_marks(element, "inner-quote", ENGLISH_INNER)


def _locale_marks(element: Any, kind: str, fallback: tuple[str, str]) -> tuple[str, str]:
    """The ``open-<kind>`` and ``close-<kind>`` terms, found once per element proxy."""
    own = element.__dict__
    key = "_bibkaz_marks_" + kind
    hit = own.get(key)
    if hit is None:
        marks = (_term_text(element, "open-" + kind), _term_text(element, "close-" + kind))
        hit = own[key] = marks if all(marks) else fallback
    return hit


def _term_text(element: Any, name: str) -> str:
    """A term's text as the locale writes it: read before any output formatter is set
    (``get_single_term`` runs the formatter's escaping, and items are prepared before)."""
    term = element.get_term(name)
    if term is None:
        return ""
    single = term.find("cs:single", term.nsmap)
    return str((single.text if single is not None else term.text) or "")


def install(model: Any) -> None:
    """Wrap ``Quoted.quote`` so quoting flips the quotes inside."""
    quote = model.Quoted.quote

    @wraps(quote)
    def quote_flipping(self, string):  # type: ignore[no-untyped-def]
        if self.get("quotes", "false").lower() == "true":
            outer = (str(self.get_single_term(name="open-quote")), str(self.get_single_term(name="close-quote")))
            inner = (str(self.get_single_term(name="open-inner-quote")), str(self.get_single_term(name="close-inner-quote")))
            string = _flipped(string, outer, inner)
        return quote(self, string)

    model.Quoted.quote = quote_flipping

    text_process = model.Text.process

    @wraps(text_process)
    def value_as_field(self, item, context=None, **kwargs):  # type: ignore[no-untyped-def]
        # citeproc-js parses a cs:text value as it parses field text: straight quotes are quotation
        # marks ("'friend'" → “friend”, flipped inside quotes="true"), <b> and <i> are markup.
        attrib = self.attrib
        if "value" not in attrib or any(k in attrib for k in ("variable", "macro", "term")):
            return text_process(self, item, context, **kwargs)
        from citeproc.string import String

        from bibkaz.style import richtext

        language = text_process(self, item, context, **kwargs)[1]
        return String(richtext.encode(value_text(self.get("value"), outer_marks(self)), self.preformat)), language

    model.Text.process = value_as_field

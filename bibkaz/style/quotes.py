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


def typographic(text: str) -> str:
    """Paired straight quotes to “ ”, a lone ' before or after a word to ’ (English marks,
    flipped to the locale's when quoted)."""
    if '"' not in text and "'" not in text:
        return text
    text = _DOUBLE.sub("\\1\u201c\\2\u201d", text)
    text = _SINGLE.sub("\\1\u201c\\2\u201d", text)
    return _TRAILING_APOSTROPHE.sub("\u2019", _LEADING_APOSTROPHE.sub("\\1\u2019", text))


def _paired(text: str, opening: frozenset[str], closing: frozenset[str]) -> set[int]:
    """Positions of the marks in ``text`` that close an earlier open mark, with those open marks.

    citeproc-js flips a pair only: a mark left open ("the term “trade barrier")
    or a close before any open ("Tax Myth,” “Art Laffer") is text, printed as typed.
    """
    stack: list[int] = []
    pairs: set[int] = set()
    for at, ch in enumerate(text):
        if ch in opening:
            stack.append(at)
        elif ch in closing and stack:
            pairs.update((stack.pop(), at))
    return pairs


def flip(text: str, outer: tuple[str, str], inner: tuple[str, str]) -> str:
    """Outer marks inside ``text`` become the locale's inner ones (what quoting a title does).

    The English “ ” that :func:`typographic` wrote count as outer marks in
    every locale. Only paired marks flip (:func:`_paired`). Single marks stay as
    they are, as in citeproc-js (a ‘word’ inside a quoted title is not promoted
    to “word”), and so do apostrophes.
    """
    opening, closing = frozenset({"\u201c", outer[0]}), frozenset({"\u201d", outer[1]})
    if not (opening | closing) & set(text):
        return text
    swap = {"\u201c": inner[0], "\u201d": inner[1], outer[0]: inner[0], outer[1]: inner[1]}
    pairs = _paired(text, opening, closing)
    return "".join(swap[ch] if at in pairs else ch for at, ch in enumerate(text))


def _flipped(string: Any, outer: tuple[str, str], inner: tuple[str, str]) -> Any:
    """:func:`flip` on citeproc-py's string types: a str subclass, or a list of them (MixedString).

    A list is flipped as one text (a pair may open in one part and close in the
    next), then cut back into its parts.
    """
    if isinstance(string, str):
        text = flip(str(string), outer, inner)
        return string if text == str(string) else (type(string)(text) if type(string) is not str else text)
    if isinstance(string, list) and not all(isinstance(part, str) for part in string):
        return type(string)(_flipped(part, outer, inner) for part in string)
    if isinstance(string, list):
        parts = [str(part) for part in string]
        flipped, out, at = flip("".join(parts), outer, inner), [], 0
        for part, text in zip(string, parts):
            piece = flipped[at:at + len(text)]
            at += len(text)
            out.append(part if piece == text else (type(part)(piece) if type(part) is not str else piece))
        return type(string)(out)
    return string


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
        if "value" not in self.attrib or any(k in self.attrib for k in ("variable", "macro", "term")):
            return text_process(self, item, context, **kwargs)
        from citeproc.string import String

        from bibkaz.style import richtext

        language = text_process(self, item, context, **kwargs)[1]
        return String(richtext.encode(typographic(self.get("value")), self.preformat)), language

    model.Text.process = value_as_field

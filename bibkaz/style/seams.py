"""Punctuation meeting at a seam, merged as citeproc-js merges it: "Why?" + ":" → "Why?".

Where a piece of output ends in punctuation and the next (a suffix, delimiter or
prefix) starts with punctuation, citeproc-js (``CSL.Output.Queue.adjust``,
its ``LtoR_MAP``) prints one of three things: the first mark ("colon:" + "." →
"colon:"), the second ("colon:" + "!" → "colon!"), or both (","  + ":" → ",:").
citeproc-py drops only a repeated mark ("." + "."). Only the seam is looked at,
never the inside of a field ("Re: … ." in a title stays as typed); closing
markup between the two marks ("<i>Why?</i>.") does not hide the seam.

citeproc-py cannot change the text left of a seam, so when the second mark
wins the seam writes :data:`ERASE` before it and :func:`apply_erase` deletes the
mark before each one after rendering.
"""

from __future__ import annotations

import re
from functools import wraps
from typing import Any

#: citeproc-js's LtoR_MAP: (mark ending the left side, mark starting the right side) → what prints.
MERGE = {
    "!": {".": "!", "?": "!?", ":": "!", ",": "!,", ";": "!;"},
    "?": {"!": "?!", ".": "?", ":": "?", ",": "?,", ";": "?;"},
    ".": {"!": ".!", "?": ".?", ":": ".:", ",": ".,", ";": ".;"},
    ":": {"!": "!", "?": "?", ".": ":", ",": ":,", ";": ":;"},
    ",": {"!": ",!", "?": ",?", ":": ",:", ".": ",.", ";": ",;"},
    ";": {"!": "!", "?": "?", ":": ";", ",": ";,", ".": ";"},
}
#: A private-use character: "delete the mark before me" (see the module docstring).
ERASE = "\ue0d0"
_MARKS = frozenset("!?.:,;")
_CLOSING = re.compile(r"(?:</[a-z]+>)+$")
_ERASED = re.compile(rf"[!?.:,;]((?:</[a-z]+>)*){ERASE}")


def last_mark(text: str) -> str:
    """The last visible character of ``text`` (closing markup skipped), "" for none."""
    visible = _CLOSING.sub("", text)
    return visible[-1] if visible else ""


def merged(left: str, first: str) -> str | None:
    """What of ``first`` (the right side's first mark) survives after ``left``'s last mark:
    "" (dropped), ``first`` (both print), ERASE + first (it replaces the left mark); None when
    the rule does not apply."""
    mark = last_mark(left)
    if mark not in MERGE or first not in "!?.:,;":
        return None
    if mark == first:
        return ""
    result = MERGE[mark][first]
    if result == mark:
        return ""
    if result == first:
        return ERASE + first
    return first


def apply_erase(text: str) -> str:
    """Rendered ``text`` with each :data:`ERASE` and the mark before it removed."""
    return _ERASED.sub(r"\1", text) if ERASE in text else text.replace(ERASE, "")


def install(string_module: Any, model: Any) -> None:
    """Replace citeproc-py's ``normalize_seam`` (in ``citeproc.string`` and ``citeproc.model``).

    When citeproc-py's function is the one :func:`fused` was written from (:func:`_known`), the
    replacement is :func:`fused`: citeproc-py's two rules and the merge in one function that
    reads ``str(left)`` and ``str(other)`` once; otherwise :func:`wrapped` runs citeproc-py's
    function and then the merge."""
    normalize = string_module.normalize_seam
    if getattr(normalize, "_bibkaz_fix", False):
        return
    normalize_seam = fused(string_module) if _known(normalize, string_module) else wrapped(normalize, string_module)
    normalize_seam._bibkaz_fix = True  # type: ignore[attr-defined]
    normalize_seam.__wrapped__ = normalize  # type: ignore[attr-defined]  # citeproc-py's, as @wraps keeps it
    string_module.normalize_seam = normalize_seam
    model.normalize_seam = normalize_seam


#: What citeproc-py's ``normalize_seam`` reads and compares with (its code's names, variables and
#: constants after the docstring): two rules, a doubled space and a doubled mark of
#: ``SEAM_PUNCTUATION``, both dropping ``other``'s first character.
_KNOWN_CODE = (("str", "_strip_first_char", "SEAM_PUNCTUATION"), ("left", "other", "other_str", "last", "first"),
               (-1, 0, " "))


def _known(normalize: Any, string_module: Any) -> bool:
    code = getattr(normalize, "__code__", None)
    return (code is not None and getattr(normalize, "__module__", None) == "citeproc.string"
            and (code.co_names, code.co_varnames, code.co_consts[1:]) == _KNOWN_CODE
            and getattr(string_module, "SEAM_PUNCTUATION", None) == frozenset(".,;:!?"))


def wrapped(normalize: Any, string_module: Any) -> Any:
    """citeproc-py's ``normalize`` first; where it leaves ``other`` alone, the merge of :data:`MERGE`."""

    @wraps(normalize)
    def normalize_seam(left, other):  # type: ignore[no-untyped-def]
        result = normalize(left, other)
        if result is not other:
            return result
        text, right = str(left), str(other)
        if not text or not right:
            return other
        change = merged(text, right[0])
        if change is None or change == right[0]:
            return other
        if change == "":
            return string_module._strip_first_char(other)
        return _with_first(other, change, string_module)

    return normalize_seam


def fused(string_module: Any) -> Any:
    """:func:`wrapped` around citeproc-py's known ``normalize_seam``, in one function: each side
    turned into text once (a ``MixedString`` joins all its pieces each time; the wrapped pair did
    it twice on each side, some 60,000 seams for 2,000 APA entries), the left side's last visible
    mark read without a regular expression unless it ends in markup."""
    strip_first = string_module._strip_first_char
    doubled = frozenset(".,;:!? ")

    def normalize_seam(left, other):  # type: ignore[no-untyped-def]
        text, right = str(left), str(other)
        if not text or not right:
            return other
        last, first = text[-1], right[0]
        if last == first and first in doubled:  # citeproc-py's two rules
            return strip_first(other)
        if first not in _MARKS:
            return other
        mark = last_mark(text) if last == ">" else last
        if mark not in MERGE:
            return other
        if mark == first:
            return strip_first(other)
        result = MERGE[mark][first]
        if result == mark:
            return strip_first(other)
        if result == first:
            return _with_first(other, ERASE + first, string_module)
        return other

    return normalize_seam


def _with_first(other: Any, first: str, string_module: Any) -> Any:
    """``other`` with its first character replaced by ``first``, keeping citeproc-py's string types."""
    if isinstance(other, string_module.MixedString):
        segments = list(other)
        head = segments[0]
        segments[0] = type(head)(first + str(head)[1:])
        return string_module.MixedString(segments)
    return type(other)(first + str(other)[1:])

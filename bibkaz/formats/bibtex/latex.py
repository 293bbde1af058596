"""Escaping Unicode text for LaTeX, in a form no BibTeX reader can mis-count.

Document text is untrusted: a title like "\\input{/etc/passwd}" must reach a
user's LaTeX build as text, never as a command, and a title like
"A } @misc{pwned, …} {" must never end a field or open an entry. BibTeX and
pybtex count ``\\{`` and ``\\}`` as braces like any other, so literal braces are
written as ``\\textbraceleft{}`` / ``\\textbraceright{}`` (balanced by
construction). Control characters (NUL included) are dropped and line breaks
become spaces: BibTeX would collapse them anyway, and some readers stop at NUL.
Non-ASCII stays as UTF-8, which biber and modern bibtex read.
"""

from __future__ import annotations

import re

_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "^": r"\textasciicircum{}",
    "~": r"\textasciitilde{}",
}
#: C0 and C1 controls, DEL, and the Unicode line/paragraph separators.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_TO_SPACE = re.compile(r"[\t\n\r\x0b\x0c\x85\u2028\u2029]")
#: Between the two characters of a TeX ligature ("--" → en dash, "''" → ”, and
#: T1's "<<", ",,"): a "{}" there keeps the characters the document wrote.
_LIGATURE = re.compile(r"(?<=-)(?=-)|(?<=`)(?=`)|(?<=')(?=')|(?<=[!?])(?=`)|(?<=<)(?=<)|(?<=>)(?=>)|(?<=,)(?=,)")


def clean_text(text: str) -> str:
    """``text`` without control characters; tabs and line breaks become spaces."""
    if text.isprintable():
        return text
    return _CONTROL.sub("", _TO_SPACE.sub(" ", text))


def escape(text: str) -> str:
    """Plain Unicode → LaTeX text whose braces balance whatever ``text`` holds."""
    out = "".join(_SPECIAL.get(c, c) for c in clean_text(text))
    return _LIGATURE.sub("{}", out) if any(p in out for p in _PAIRS) else out


_PAIRS = ("--", "``", "''", "!`", "?`", "<<", ">>", ",,")

"""Escaping Unicode text for LaTeX.

Document text is untrusted: a title like "\\input{/etc/passwd}" must reach a
user's LaTeX build as text, never as a command. Every special character is
escaped; non-ASCII stays as UTF-8, which biber and modern bibtex read.
"""

from __future__ import annotations

_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "^": r"\textasciicircum{}",
    "~": r"\textasciitilde{}",
}


def escape(text: str) -> str:
    return "".join(_SPECIAL.get(c, c) for c in text)


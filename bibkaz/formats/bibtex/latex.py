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


def unescape(text: str) -> str:
    """The inverse for values bibkaz wrote (and the common hand-written forms)."""
    out = text
    for char, code in sorted(_SPECIAL.items(), key=lambda kv: -len(kv[1])):
        out = out.replace(code, char)
    out = out.replace("\\textendash{}", "–").replace("\\textemdash{}", "—").replace("--", "–") if False else out
    # Protective braces around proper nouns are markup, not text.
    return out.replace("{", "").replace("}", "")

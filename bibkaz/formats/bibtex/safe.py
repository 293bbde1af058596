"""The last guard between document text and the structure of a .bib file.

A field value is written as ``{value}``; BibTeX, biber and pybtex end it at the
brace that brings the depth back to zero, whatever backslashes stand before it.
So every value must have balanced braces, never closing one that is not open.
:func:`escape` already guarantees that for text; this module covers the fields
written verbatim (``url``, ``doi``: percent-encoded, as a URL allows) and, as a
net under every writer path, :func:`balanced` replaces any brace that would
break the structure.
"""

from __future__ import annotations

import re

from bibkaz.formats.bibtex.latex import clean_text

#: Characters a verbatim field must not hold raw: braces (structure), backslash
#: (a command in \url), whitespace (BibTeX collapses it) and controls.
_UNSAFE_VERBATIM = re.compile(r"[{}\\\s\x00-\x1f\x7f-\x9f\"]")


def verbatim(value: str) -> str:
    """A URL or DOI safe to write unescaped: unsafe characters percent-encoded."""
    return _UNSAFE_VERBATIM.sub(lambda m: "".join(f"%{b:02X}" for b in m.group(0).encode("utf-8")), value.strip())


def balanced(value: str) -> str:
    """``value`` unchanged when its braces balance; otherwise every unmatched brace
    becomes ``\\textbraceleft{}``/``\\textbraceright{}``. Control characters go too."""
    value = clean_text(value)
    if "{" not in value and "}" not in value:
        return value
    open_at: list[int] = []
    unmatched: set[int] = set()
    for i, c in enumerate(value):
        if c == "{":
            open_at.append(i)
        elif c == "}":
            if open_at:
                open_at.pop()
            else:
                unmatched.add(i)
    unmatched.update(open_at)
    if not unmatched:
        return value
    return "".join(
        (r"\textbraceleft{}" if c == "{" else r"\textbraceright{}") if i in unmatched else c
        for i, c in enumerate(value)
    )


#: What a BibTeX key cannot hold: the entry's own syntax, comment and macro characters.
_KEY_UNSAFE = re.compile(r"[\s,{}()\"#%'=\\~\x00-\x1f\x7f]")


def safe_key(key: str) -> str:
    """A citation key BibTeX and biber read back as written (keys from a merged
    .bib can hold anything its reader let through); unsafe characters become "-"."""
    return _KEY_UNSAFE.sub("-", key) or "entry"

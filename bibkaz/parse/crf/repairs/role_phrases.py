"""Label repairs after tagging, where the evidence in the tokens is clear.

A linear-chain CRF sees a few tokens either side, so a long container title
sometimes swallows the role phrase that follows it ("Proceedings. Eds. Bernhard
Reitz and …", "In Dissemination. Translated by Barbara Johnson."): the names
after it then land in the container title. A role word that starts a new
sentence or clause inside a container-title run, followed by a capitalised
word, is unambiguous, so the rest of that run is relabelled editor or
translator. Measured on held-out data in docs/benchmarks.md.
"""

from __future__ import annotations

from typing import Sequence

_EDGE = ".,;:()[]"
#: Role words that open "Eds. A. Name", "edited by A. Name", "Translated by A. Name".
_ROLE = {
    "eds": "editor", "ed": "editor", "edited": "editor", "editor": "editor", "editors": "editor",
    "hrsg": "editor", "hg": "editor", "éd": "editor", "éds": "editor",
    "translated": "translator", "trans": "translator", "transl": "translator",
}


def _role_at(tokens: Sequence[str], i: int) -> str:
    """The role a container-title token opens, or "" (it must follow a clause end
    and be followed by a capitalised word or "by")."""
    role = _ROLE.get(tokens[i].strip(_EDGE).lower(), "")
    if not role or i == 0 or i + 1 >= len(tokens):
        return ""
    if not tokens[i - 1].endswith((".", ",", ";")):
        return ""
    nxt = tokens[i + 1].strip(_EDGE)
    return role if nxt[:1].isupper() or nxt == "by" else ""


def repair(tokens: Sequence[str], labels: list[str]) -> list[str]:
    """``labels`` with role phrases cut out of container-title runs (a new list)."""
    if "container-title" not in labels:
        return labels
    out = list(labels)
    i, n = 0, len(out)
    while i < n:
        if out[i] == "container-title" and i > 0 and out[i - 1] == "container-title":
            role = _role_at(tokens, i)
            if role:
                j = i
                while j < n and out[j] == "container-title":
                    out[j] = role
                    j += 1
                i = j
                continue
        i += 1
    return out

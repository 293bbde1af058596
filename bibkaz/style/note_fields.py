"""Variables typed in an item's ``note`` ("original-date: 1850"), read as citeproc-js reads them.

Zotero has no field for many CSL variables, so its users type them in "Extra",
which CSL-JSON carries as ``note``: one ``name: value`` per line
("original-date: 1850", "event-date: 2004-10-01/2004-10-14", "reviewed-author:
Hall || W.C.", "type: post-weblog"), or ``{:name: value}`` inside a line.
citeproc-js (``CSL.parseNoteFieldHacks``, on by default, so in Zotero, Mendeley's
and pandoc's processors) sets such a variable when the item lacks it (a date or
the type always), removes the line from the note, and stops at the first line
that is not a field (the note's first line may be text). This module ports
that reading; suite fixtures ``number_LimitOrdinalsToDayOne`` and
``label_NameLabelThroughSubstitute`` give their items this way.

Unlike citeproc-js, a line naming no variable citeproc-py knows is removed but
sets nothing (citeproc-js keeps it as an unused variable): such keys would only
be warned about. bibkaz's own notes ("bibkaz: cited once in …") read as such a
line, as they do in citeproc-js.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

#: citeproc-js 2.4.63's ``NOTE_FIELDS_REGEXP`` and ``NOTE_FIELD_REGEXP``.
_INLINE = re.compile(r"\{:(?:[\-_a-z]+|[A-Z]+):[^\}]+\}")
_FIELD = re.compile(r"^([\-_a-z]+|[A-Z]+):\s*([^\}]+)$")
_ISO = r"-?\d{1,4}(?:-\d{1,2}){0,2}"
_ISO_RANGE = re.compile(rf"^({_ISO})(?:/({_ISO}))?$")


@lru_cache(maxsize=1)
def _known() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(variables, name variables, date variables) citeproc-py reads from CSL-JSON, hyphenated;
    built once (per item it was a tenth of preparing the items)."""
    from citeproc import VARIABLES
    from citeproc.source.json import DATES, NAMES

    def hyphenated(names: Any) -> frozenset[str]:
        return frozenset(n.replace("_", "-") for n in names)

    return hyphenated(VARIABLES), hyphenated(NAMES), hyphenated(DATES)


def _date(value: str) -> dict[str, Any]:
    """An ISO date or range ("2004-10-01/2004-10-14") as date parts, anything else as raw text."""
    found = _ISO_RANGE.match(value.strip())
    if not found:
        return {"raw": value}

    def parts(text: str) -> list[int]:
        numbers = [int(p) for p in text.lstrip("-").split("-")]
        return [-numbers[0], *numbers[1:]] if text.startswith("-") else numbers

    return {"date-parts": [parts(part) for part in found.groups() if part]}


def _name(value: str) -> dict[str, str] | None:
    parts = re.split(r"\s*\|\|\s*", value)
    if len(parts) == 1:
        return {"literal": parts[0]}
    if len(parts) == 2:
        return {"family": parts[0], "given": parts[1]}
    return None


def _lines(note: str) -> list[str]:
    """The note's lines with each ``{:name: value}`` put on a line of its own, as citeproc-js does."""
    lines = note.split("\n")
    for i, line in enumerate(lines):
        found = _INLINE.findall(line)
        if not found:
            continue
        pieces = _INLINE.split(line)
        elems: list[str] = []
        for j in range(len(pieces) - 1):
            elems += [pieces[j], found[j]]
        elems.append(pieces[-1])
        for j in range(1, len(elems), 2):
            if elems[j - 1].strip() and (i > 0 or j > 1) and not _FIELD.match(elems[j - 1]):
                break  # text before it: left as typed
            elems[j] = "\n" + elems[j][2:-1].strip() + "\n"
        lines[i] = "".join(elems)
    return "\n".join(lines).split("\n")


def apply(item: dict[str, Any]) -> dict[str, Any]:
    """``item`` with the variables of its note set and their lines taken out of the note."""
    note = item.get("note")
    if not isinstance(note, str) or ":" not in note:
        return item
    variables, name_variables, date_variables = _known()
    out = dict(item)
    lines = _lines(note)
    names: dict[str, list[dict[str, str]]] = {}
    for i, line in enumerate(lines):
        field = _FIELD.match(line)
        if not line.strip():
            continue
        if not field:
            if i == 0:
                continue
            break
        key, value = field.group(1), field.group(2).strip()
        if key == "type":
            out["type"] = value
            lines[i] = ""
        elif key in date_variables:
            out[key] = _date(value)
            lines[i] = ""
        elif not out.get(key):
            if key in name_variables:
                name = _name(value)
                if name is not None:
                    names.setdefault(key, []).append(name)
            elif key in variables and key not in ("note", "id"):
                out[key] = value
            lines[i] = ""
    out.update(names)
    out["note"] = "\n".join(lines).strip()
    return out

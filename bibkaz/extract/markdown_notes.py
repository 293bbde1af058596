"""Markdown footnotes with names ("[^costs]"), numbered as a renderer numbers them.

Markdown lets a writer name a footnote instead of numbering it: "… so do the
costs.[^costs]" and, at the page's end, "[^costs]: If you're curious …". Pandoc,
GitHub and Hugo print such notes as 1, 2, 3 … in the order the text first calls
them, whatever their names and wherever their definitions stand. The extract
stage follows notes and calls by number (a note's place in its sequence is how a
converted PDF's notes are found at all), so a page of named notes is read as the
rendered page shows it: every name is given its number, in the text and in the
definitions, and what is found is given its names back (the call's text and
marker, the note's label) so the user sees the notes as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: A footnote's definition: "[^name]: text" at a line's start (indented up to three spaces).
_DEFINITION = re.compile(r"^ {0,3}\[\^([^\]\s]{1,40})\]:", re.M)
#: A footnote call: "[^name]" not opening a definition.
_CALL = re.compile(r"\[\^([^\]\s]{1,40})\](?!:)")


@dataclass(frozen=True)
class NumberedNotes:
    """The text with every footnote name replaced by its number, and each number's name."""

    text: str
    names: dict[int, str]


def number_named_footnotes(text: str) -> NumberedNotes | None:
    """The text with named footnotes numbered in the order of their first call (definitions never
    called come last, in their order), or None when every footnote already has a number."""
    if "[^" not in text:
        return None
    defined = _DEFINITION.findall(text)
    if not defined or all(name.isdigit() for name in defined):
        return None
    order: dict[str, int] = {}
    for m in _CALL.finditer(text):
        if m.group(1) in defined:
            order.setdefault(m.group(1), len(order) + 1)
    for name in defined:
        order.setdefault(name, len(order) + 1)

    def number(m: re.Match[str]) -> str:
        name = m.group(1)
        return m.group(0).replace(f"[^{name}]", f"[^{order[name]}]", 1) if name in order else m.group(0)

    numbered = _CALL.sub(number, _DEFINITION.sub(number, text))
    return NumberedNotes(numbered, {n: name for name, n in order.items()})

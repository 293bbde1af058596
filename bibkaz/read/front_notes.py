"""Notes a Markdown page keeps as HTML in a front-matter field, read as the built page's notes.

Some Jekyll sites keep a page's notes out of its body: a front-matter field (any name) holds
them as HTML, ``footnotes: |`` over ``<p class="footnotes"><span>[13]</span> Catharine Smith,
“…,” <em>Huffington Post</em>, …, <a href="…">…</a></p>…``, and the layout prints the field
under the text the body's calls (``[<sup>13</sup>](#footnotes)``) point to. The extract stage
reads notes as the HTML reader writes them, one "N. text" line each with a link's address
after its words (:func:`bibkaz.read.html.note_line`); left as markup inside the front matter
they were neither notes nor text (none of the ten notes of the dev part's RDR 2019 chapter).

A field is read as notes when its value is HTML whose blocks (``<p>``, ``<li>``, ``<div>``)
open with their numbers ("[13]", "13.") or carry them in a note-like id ("fn3"), or are the
items of an ``<ol>``: two notes or more numbered one after the other, or one whose element is
named as a note's (``class="footnotes"``, ``id="fn1"``). The field's name is not asked.

Each note stays on the file line its block opens on, so a reference's line is the file's: the
field's other lines are left blank (its key line keeps the key, so the front matter still reads
as such for the own record: title, author, date). Notes that share a file line (a site that
wrote them all on one) cannot each have a line of their own there: they are written after the
file's last line, under the field's name as a heading, as the HTML reader writes a page's notes
after its text. Their lines are then past the file's end (see docs/decisions.md, ninth session).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from bibkaz.read.html import note_line
from bibkaz.read.numbers import number

#: A top-level front-matter key and what follows its colon.
_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w.\-]*)\s*:(?:\s+(?P<rest>.*)|$)")
#: YAML's block scalar indicators ("|", ">-", "|+2").
_BLOCK_SCALAR = re.compile(r"^[|>][-+]?\d?[-+]?\s*$")
#: The blocks a note is written as.
_NOTE_TAGS = frozenset({"p", "li", "div", "dd", "aside"})
#: The number a note's words open with: "[13] Catharine Smith", "13. See", "(4) Ibid" (not a year: "2019 was");
#: a bracketed number may touch the words ("[63]“Bill No. …”": a site's editor dropped the space).
_OPENING_NUMBER = re.compile(r"^\s*(?:\[(\d{1,3})\]\s*|\(?(\d{1,3})\)?[.:]?\s+)\S")
#: An id that is a note's and ends in its number: "fn3", "footnote-3", "note_12", "endnote3".
_NOTE_ID = re.compile(r"^(?:fn|note|footnote|endnote|en)[\w:.-]*?(\d{1,3})$", re.I)
#: Names (a class or an id) that say a part is notes.
_NOTE_NAME = re.compile(r"foot|endnote|\bnotes?\b|^fn|^en\d", re.I)
#: Most lines a front matter is looked for in (as the own-record stage reads it).
_MAX_FRONT = 400


@dataclass(frozen=True)
class FrontNotes:
    """What the front matter's note fields become.

    ``lines`` maps a 0-based line index of the file to the text it is read as (a note, the bare
    key, or "" for a field's other lines); ``after`` are the notes written after the file's last
    line (those that shared a line), with their heading, or () when none; ``after_origin`` the
    1-based file line each of those stands for (the line the notes shared, the field's key line
    for the heading).
    """

    lines: dict[int, str]
    after: tuple[str, ...]
    after_origin: tuple[int, ...] = ()


def _front_block(lines: list[str]) -> tuple[int, int] | None:
    """(opening, closing) 0-based indexes of a YAML front matter's fences, or None."""
    start = next((i for i, line in enumerate(lines[:5]) if line.strip()), None)
    if start is None or lines[start].strip() != "---":
        return None
    for i in range(start + 1, min(len(lines), start + _MAX_FRONT)):
        if lines[i].strip() in ("---", "..."):
            return start, i
    return None


def _fields(lines: list[str], start: int, end: int) -> list[tuple[str, int, int]]:
    """(key, first, stop) of each top-level key between the fences: its lines are first..stop-1."""
    keys = [(m.group("key"), i) for i in range(start + 1, end)
            if lines[i][:1] not in (" ", "\t", "#", "-") and (m := _KEY.match(lines[i]))]
    return [(key, i, keys[k + 1][1] if k + 1 < len(keys) else end) for k, (key, i) in enumerate(keys)]


def _value_lines(lines: list[str], first: int, stop: int) -> list[str]:
    """The field's value, one entry per file line (the key's line first), unquoted as YAML reads it."""
    m = _KEY.match(lines[first])
    rest = (m.group("rest") or "") if m else ""
    values = ["" if _BLOCK_SCALAR.match(rest) else rest.strip()] + [line.strip() for line in lines[first + 1 : stop]]
    opened = next((k for k, v in enumerate(values) if v), None)
    if opened is None or values[opened][0] not in "'\"":
        return values
    quote = values[opened][0]
    closed = max(k for k, v in enumerate(values) if v)
    values[opened] = values[opened][1:]
    if values[closed].endswith(quote):
        values[closed] = values[closed][:-1]
    if quote == "'":
        return [v.replace("''", "'") for v in values]
    return [v.replace('\\"', '"').replace("\\\\", "\\") for v in values]


def _names(element: etree._Element) -> str:
    return f"{element.get('class', '')} {element.get('id', '')}"


def _numbered(element: etree._Element) -> int | None:
    """The number a note block states: its opening words', its id's, or its place in an <ol>."""
    words = "".join(element.itertext())
    opening = _OPENING_NUMBER.match(words)
    if opening:
        return int(opening.group(1) or opening.group(2))
    found = _NOTE_ID.match(str(element.get("id", "")))
    if found:
        return int(found.group(1))
    parent = element.getparent()
    if element.tag == "li" and parent is not None and parent.tag == "ol":
        start = str(parent.get("start", "1"))
        items = [c for c in parent if c.tag == "li"]
        return number(start, 1) + items.index(element)
    return None


def _named_note(element: etree._Element) -> bool:
    """Whether the block or a part around it is named as notes ("footnotes", "fn1")."""
    return any(_NOTE_NAME.search(_names(e)) for e in [element, *element.iterancestors()])


def _notes_in(html: str) -> list[tuple[int, int, etree._Element]]:
    """(number, 1-based line in ``html``, element) of each note the markup holds, or [] when it
    does not hold a list of numbered notes."""
    parser = etree.HTMLParser(recover=True, remove_comments=True)
    try:
        parser.feed(html)
        root = parser.close()
    except (etree.LxmlError, ValueError):
        return []
    if root is None:
        return []
    blocks = [e for e in root.iter() if isinstance(e.tag, str) and e.tag in _NOTE_TAGS
              and not any(isinstance(d.tag, str) and d.tag in _NOTE_TAGS for d in e.iterdescendants())]
    notes = [(n, e.sourceline or 1, e) for e in blocks if (n := _numbered(e)) is not None]
    if len(notes) != len(blocks) or not notes:
        return []  # a block without a number: prose, not a list of notes
    if any(b[0] != a[0] + 1 for a, b in zip(notes, notes[1:])):
        return []
    if len(notes) == 1 and not _named_note(notes[0][2]):
        return []  # one numbered paragraph ("3 things <em>we</em> learned") is a note only when named one
    return notes


def _heading(field: str) -> str:
    """A field's name as the heading over its notes: "footnotes" → "Footnotes"."""
    words = " ".join(re.split(r"[_\-.]+", field)).strip()
    return words[:1].upper() + words[1:]


def front_matter_notes(lines: list[str]) -> FrontNotes:
    """The note fields of the front matter ``lines`` open with, as the lines they are read as."""
    block = _front_block(lines)
    out: dict[int, str] = {}
    after: list[str] = []
    after_origin: list[int] = []
    if block is None:
        return FrontNotes(out, ())
    for key, first, stop in _fields(lines, *block):
        if "<" not in "".join(lines[first:stop]):
            continue
        values = _value_lines(lines, first, stop)
        notes = _notes_in("\n".join(values))
        if not notes:
            continue
        per_line: dict[int, list[str]] = {}
        for number, line, element in notes:
            per_line.setdefault(first + line - 1, []).append(note_line(number, element))
        out.update({i: "" for i in range(first + 1, stop)})
        out[first] = f"{key}:"
        shared = [(i, text) for i, texts in per_line.items() if len(texts) > 1 for text in texts]
        out.update({i: texts[0] for i, texts in per_line.items() if len(texts) == 1})
        if shared:
            after.extend(["", _heading(key), ""])
            after_origin.extend([first + 1] * 3)
            for k, (i, text) in enumerate(shared):
                written = ([""] if k else []) + text.split("\n")
                after.extend(written)
                after_origin.extend([i + 1] * len(written))
    return FrontNotes(out, tuple(after), tuple(after_origin))

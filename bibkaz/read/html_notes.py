"""Which parts of a parsed web page are footnotes, and which links call them.

Sites write notes in a handful of shapes, all a call linked to its note by an
``id``: pandoc (``<a href="#fn1" role="doc-noteref"><sup>1</sup></a>`` and
``<section class="footnotes" role="doc-endnotes"><ol><li id="fn1">``),
Jekyll/kramdown (``<sup><a href="#fn:1" class="footnote">``), Hugo/goldmark
(``footnote-ref``, ``<div class="footnotes">``), WordPress (``wp-block-footnotes``,
Easy Footnotes), Substack (``footnote-anchor`` and ``<div class="footnote">``),
``<aside role="doc-footnote">``. A link is a call when it points into the page,
its words are a note number or mark, and it is raised or named as a note
reference; its target is a note when the block holding it says so (a role, a
class or id naming notes, an ``<aside>``) or links back to the call. Nothing
here depends on one generator's class names alone.

Wikipedia's ``<sup class="reference">[1]</sup>`` and ``<ol class="references">``
are left alone: the reader writes them as bracket calls and a numbered list
already, where the page has them (its reference list is not moved).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote

from lxml import etree

#: A call's words: a note number ("3", "[3]", "(3)") or a note mark.
_CALL_WORDS = re.compile(r"^[\[(]?\s*(\d{1,3}|[*†‡§¶]{1,3}|[a-z])\s*[\])]?$")
#: Class, id or role words that name notes, note calls or note lists.
_NOTE_NAME = re.compile(r"foot|endnote|sidenote|\bfn\b|\bfn[-_:]|\bnotes?\b|\bnote[-_]", re.I)
_CALL_NAME = re.compile(r"noteref|footnote|\bfn\b|\bfn[-_]|note[-_]?ref|ref[-_]?note", re.I)
#: Links inside a note that only lead back to its call.
_BACK_NAME = re.compile(r"back|reverse|return", re.I)
#: Blocks a note can be; a call's target inside running text (an <a id>) stands for its block.
_NOTE_BLOCKS = frozenset({"li", "aside", "div", "section", "p", "dd", "td", "footer", "span"})
_NEVER_NOTES = frozenset({"html", "body", "main", "article", "head", "ol", "ul", "table"})
#: A note longer than this is a page section the link jumps to, not a note.
MAX_NOTE_CHARS = 5000
#: The words around notes inside their list ("Footnotes", a rule) that may be dropped with it.
_CONTAINER_EXTRA_CHARS = 80


@dataclass(frozen=True)
class PageNotes:
    """The notes of a page: what to write instead of each call, and the notes' order.

    ``calls`` maps a call element to its note's number; ``notes`` are (number,
    note element) in number order; ``skip`` holds elements the running text
    leaves out (the notes, their list, back-links); ``heading`` is the words the
    page puts over its notes ("Footnotes"), or "".
    """

    calls: dict[etree._Element, int]
    notes: tuple[tuple[int, etree._Element], ...]
    skip: frozenset[etree._Element]
    heading: str


def _words(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _names(element: etree._Element) -> str:
    return " ".join(str(element.get(a, "")) for a in ("class", "id", "role", "epub:type"))


def _is_wikipedia(link: etree._Element, target: etree._Element) -> bool:
    """A MediaWiki call or back-link: its reference list is read where it stands."""
    parent = link.getparent()
    if parent is not None and re.search(r"\breference\b", str(parent.get("class", ""))):
        return True
    return any(re.search(r"\breferences\b|cite-backlink", str(a.get("class", "")))
               for node in (link, target) for a in node.iterancestors())


def _call_like(link: etree._Element) -> bool:
    """Raised (in or around a <sup>) or named a note reference."""
    parent = link.getparent()
    raised = (parent is not None and parent.tag == "sup") or any(
        isinstance(c.tag, str) and c.tag == "sup" for c in link.iter())
    named = bool(_CALL_NAME.search(_names(link)) or (parent is not None and _CALL_NAME.search(_names(parent))))
    return raised or named


def _note_block(target: etree._Element) -> etree._Element | None:
    """The block a call's target stands for: itself, or the block around an inline anchor."""
    node: etree._Element | None = target
    while node is not None and (not isinstance(node.tag, str) or node.tag not in _NOTE_BLOCKS
                                or (node.tag == "span" and not _NOTE_NAME.search(_names(node)))):
        node = node.getparent()
    if node is not None and node.tag == "p":
        parent = node.getparent()
        if parent is not None and parent.tag in ("li", "aside", "dd") or (
                parent is not None and _NOTE_NAME.search(_names(parent)) and parent.tag == "div"
                and len([c for c in parent if isinstance(c.tag, str)]) <= 3):
            node = parent
    if node is None or node.tag in _NEVER_NOTES:
        return None
    return node


def _note_like(note: etree._Element, call_ids: set[str]) -> int:
    """2 when the block says it is a note (role, names, <aside>), 1 when it only links back to its call, else 0."""
    if note.tag == "aside" or any(_NOTE_NAME.search(_names(n)) for n in [note, *list(note.iterancestors())[:4]]):
        return 2
    return int(any(unquote(str(a.get("href", "")))[1:] in call_ids for a in note.iter("a")))


def _links_to_block_around(note: etree._Element, call: etree._Element, ids: dict[str, etree._Element]) -> bool:
    """``note`` links to a block holding ``call``: the "call" is a back-link inside a note
    and the "note" the running text it leads back to (a note's back-link targets the call itself)."""
    blocks = {a for a in call.iterancestors() if a.tag in _NOTE_BLOCKS and a.tag != "span"}
    for a in note.iter("a"):
        href = str(a.get("href", ""))
        if href.startswith("#") and ids.get(unquote(href[1:])) in blocks:
            return True
    return False


def _ids_around(call: etree._Element) -> set[str]:
    """The ids a back-link may point to: the call's and its raised wrapper's."""
    out = {str(call.get("id"))} if call.get("id") else set()
    parent = call.getparent()
    for node in (parent, parent.getparent() if parent is not None else None):
        if node is not None and node.get("id") and node.tag in ("sup", "span"):
            out.add(str(node.get("id")))
    return out


def find_notes(root: etree._Element) -> PageNotes:
    """The page's linked notes; an empty PageNotes when it has none."""
    ids: dict[str, etree._Element] = {}
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        key = element.get("id") or (element.get("name") if element.tag == "a" else None)
        if key and key not in ids:
            ids[str(key)] = element
    found: list[tuple[etree._Element, etree._Element, str, int, set[str]]] = []  # (call, note, words, strength, ids)
    for link in root.iter("a"):
        href = str(link.get("href", ""))
        if len(href) < 2 or not href.startswith("#"):
            continue
        target = ids.get(unquote(href[1:]))
        words = _words(link)
        m = _CALL_WORDS.match(words)
        if target is None or not m or not _call_like(link) or _is_wikipedia(link, target):
            continue
        note = _note_block(target)
        if note is None or link in set(note.iter("a")) or any(a is note for a in link.iterancestors()):
            continue
        call_ids = _ids_around(link)
        strength = _note_like(note, call_ids)
        if len(_words(note)) > MAX_NOTE_CHARS or not strength or _links_to_block_around(note, link, ids):
            continue
        found.append((link, note, m.group(1), strength, call_ids))
    calls = _one_target(root, [(link, note, words) for link, note, words, _, _ in _one_way(found)])
    back_ids = set().union(*(c[4] for c in found)) if found else set()
    if not calls:
        return _inline_notes(root, 0)
    numbers = _numbers(calls)
    skip: set[etree._Element] = set()
    notes: dict[int, etree._Element] = {}
    for _, note, _ in calls:
        notes.setdefault(numbers[note], note)
        skip.add(note)
        for a in note.iter("a"):
            if unquote(str(a.get("href", "")))[1:] in back_ids or _BACK_NAME.search(_names(a)) \
                    or "doc-backlink" in str(a.get("role", "")):
                skip.add(a)
    container, heading = _container(list(notes.values()))
    if container is not None:
        skip.add(container)
    inline = _inline_notes(root, max(notes))
    return PageNotes({link: numbers[note] for link, note, _ in calls} | inline.calls,
                     tuple(sorted(notes.items())) + inline.notes, frozenset(skip), heading)


def _inline_notes(root: etree._Element, last: int) -> PageNotes:
    """Notes written where their call stands, as elements of their own that name a note: Distill's
    ``<d-footnote>`` (template v2) and ``<dt-fn>`` (v1), which the page's script turns into a raised
    number and a note in the browser. Each is its own call and its own note, numbered in the page's
    order after ``last`` (the linked notes' last number); read as running text, a note's sources ran
    into the sentence around it. A custom element (a name with a hyphen) names a note as a class
    would (``_NOTE_NAME``: "footnote", "fn")."""
    found = [e for e in root.iter() if isinstance(e.tag, str) and "-" in e.tag and _NOTE_NAME.search(e.tag)
             and _words(e) and not any(isinstance(a.tag, str) and "-" in a.tag and _NOTE_NAME.search(a.tag)
                                       for a in e.iterancestors())]
    numbered = [(last + n, note) for n, note in enumerate(found, start=1)]
    return PageNotes({note: number for number, note in numbered}, tuple(numbered), frozenset(), "")


def _one_way(found: list[tuple[etree._Element, etree._Element, str, int, set[str]]]) -> list:
    """Calls and back-links point at each other (Substack's note number links back to the call):
    of two links each inside the other's "note", keep the one whose note says it is a note, or the first."""
    index = {link: n for n, (link, *_) in enumerate(found)}
    out = []
    for n, (link, note, words, strength, ids) in enumerate(found):
        rivals = [index[a] for a in note.iter("a") if a in index and index[a] != n]
        if any(found[m][3] > strength or (found[m][3] == strength and m < n)
               for m in rivals if any(a is link for a in found[m][1].iter("a"))):
            continue
        out.append((link, note, words, strength, ids))
    return out


#: A note's block that opens with its number in brackets: "[13] Catharine Smith, …".
_BRACKET_NUMBER = re.compile(r"^\s*\[(\d{1,3})\]")


def _one_target(root: etree._Element, calls: list[tuple[etree._Element, etree._Element, str]]
                ) -> list[tuple[etree._Element, etree._Element, str]]:
    """Calls that all point to one place ("[<sup>13</sup>](#footnotes)" for every note, the anchor
    inside the first note) call the notes numbered as they are: the blocks beside that note, of its
    tag and class, each opening with its number in brackets ("[14] See Freedom on the Net …"). Read
    as one note, the other notes stayed in the running text and one call of ten was linked (the dev
    part's RDR 2019 chapter as a page). A call whose number no such block has is left out."""
    if len(calls) < 2 or len({id(note) for _, note, _ in calls}) != 1:
        return calls
    numbers = [words for _, _, words in calls]
    target = calls[0][1]
    parent = target.getparent()
    if parent is None or not all(n.isdigit() for n in numbers) or len(set(numbers)) != len(numbers):
        return calls
    blocks: dict[str, etree._Element] = {}
    for block in parent:
        if isinstance(block.tag, str) and block.tag == target.tag and block.get("class") == target.get("class"):
            opening = _BRACKET_NUMBER.match(_words(block))
            if opening:
                blocks.setdefault(str(int(opening.group(1))), block)
    if sum(str(int(n)) in blocks for n in numbers) * 2 < len(numbers):
        return calls
    return [(link, blocks[str(int(words))], words) for link, _, words in calls if str(int(words)) in blocks]


def _numbers(calls: list[tuple[etree._Element, etree._Element, str]]) -> dict[etree._Element, int]:
    """Each note's number: the one its call shows when all calls show distinct numbers, else the calls' order."""
    shown: dict[etree._Element, str] = {}
    for _, note, words in calls:
        shown.setdefault(note, words)
    values = list(shown.values())
    if all(v.isdigit() for v in values) and len(set(values)) == len(values):
        return {note: int(v) for note, v in shown.items()}
    return {note: n for n, note in enumerate(shown, start=1)}


def _container(notes: list[etree._Element]) -> tuple[etree._Element | None, str]:
    """The list or section holding all the notes and little else, and its heading words."""
    if not notes:
        return None, ""
    paths = [[note, *note.iterancestors()] for note in notes]
    common = [a for a in paths[0] if all(any(a is b for b in path) for path in paths[1:])]
    note_chars = sum(len(_words(n)) for n in notes)
    best: etree._Element | None = None
    for node in common:
        if any(node is n for n in notes):
            continue
        if node.tag in ("body", "html", "main", "article"):
            break
        if len(_words(node)) - note_chars > _CONTAINER_EXTRA_CHARS:
            break
        best = node
    if best is None:
        return None, ""
    extra = _words_without(best, set(notes))
    return best, extra if re.search(r"[^\W\d_]", extra) and len(extra) <= 40 else ""


def _words_without(node: etree._Element, leave: set[etree._Element]) -> str:
    """The words of ``node`` outside the ``leave`` elements (a container's own heading)."""
    out: list[str] = []
    stack: list[etree._Element | str] = [node]
    while stack:  # iterative: a page can nest deeper than Python recurses
        item = stack.pop()
        if isinstance(item, str):
            out.append(item)
            continue
        if item is not node and item.tail:
            stack.append(item.tail)  # after the element's own words
        if item in leave:
            continue
        if item.text and isinstance(item.tag, str):
            out.append(item.text)
        stack.extend(reversed(list(item)))
    return " ".join("".join(out).split())

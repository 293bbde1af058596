"""A converted page's links to places in itself, read as the in-page links they were.

A page that went through a conversion (to Markdown and back, a site's export, a
saver that makes every address absolute) links its contents list, its note calls
and its notes' back-links to its own address with a fragment
("https://www.everycrsreport.com/files/…R41759….html#fn7") and may have lost the
ids they point to. The Markdown reader reads such links as in-page links
(:func:`bibkaz.read.markdown.own_page`); this does the same on a parsed page, so
the HTML reader neither writes its contents list as cited pages nor glues a call's
number to the words before it:

* the address that five or more distinct fragments are linked on is the page's
  own, and its links become ``#fragment`` links (the contents list is then words);
* an in-page link whose words are a note number and whose fragment names a note
  ("#fn7", "#ifn7", "#ref3") but points to no id of the page is a call: its words
  become superscript digits, as ``<sup>`` gives them;
* a table row whose first cell is only such a link ("7." linking to "#ifn7") is
  the note it numbers: a paragraph "7. text", as the Markdown reader writes
  "| [7](#ifn7). | text |".
"""

from __future__ import annotations

import re
from typing import Iterable

from lxml import etree

#: A page is the document's own when its links go to this many places in it (as the Markdown reader).
OWN_PAGE_PLACES = 5
#: A fragment naming a note or a call: "fn7", "ifn7", "ref3", "note-12", "cite_note-4".
_NOTE_FRAGMENT = re.compile(r"(?:ref|fn|note|footnote|cite|bib|endnote)[\w:.-]*?(\d{1,3})$", re.I)
_NUMBER = re.compile(r"^\s*(\d{1,3})\s*$")
_ROW_NUMBER = re.compile(r"^\s*(\d{1,3})\s*[.:]?\s*$")
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def own_of(addresses: Iterable[str]) -> str:
    """The address most of these links' fragments are on, when they are five places or more; else "".
    The Word reader asks it of a document's hyperlink targets."""
    places: dict[str, set[str]] = {}
    for href in addresses:
        if "#" in href and href.startswith(("http://", "https://")):
            page, _, fragment = href.partition("#")
            if fragment:
                places.setdefault(page, set()).add(fragment)
    page = max(places, key=lambda p: len(places[p]), default="")
    return page if page and len(places[page]) >= OWN_PAGE_PLACES else ""


def own_address(root: etree._Element) -> str:
    """The page's own address (:func:`own_of` its links), or ""."""
    return own_of(str(link.get("href", "")) for link in root.iter("a"))


def call_number(fragment: str, words: str) -> str:
    """The note number a link to ``fragment`` with these words calls ("fn7", "7" → "7"), or ""."""
    number = _NUMBER.match(words)
    return number.group(1) if number and _NOTE_FRAGMENT.search(fragment) else ""


def localise(root: etree._Element) -> None:
    """Rewrite the page's links to its own address as in-page links, calls whose note has no id as
    superscript numbers and rows numbered by such a link as their notes (see the module's docstring).
    The tree is changed in place; a page with no own address is left as it is."""
    page = own_address(root)
    if not page:
        return
    for link in root.iter("a"):
        href = str(link.get("href", ""))
        if href.startswith(page + "#"):
            link.set("href", href[len(page):])
    ids = {str(e.get("id") or e.get("name")) for e in root.iter() if isinstance(e.tag, str)
           and (e.get("id") or e.get("name"))}
    for row in list(root.iter("tr")):
        _row_note(row, ids)
    for link in root.iter("a"):
        fragment = str(link.get("href", ""))[1:] if str(link.get("href", "")).startswith("#") else ""
        words = "".join(link.itertext())
        if fragment and fragment not in ids and call_number(fragment, words):
            for child in list(link):
                link.remove(child)
            link.text = call_number(fragment, words).translate(_SUPERSCRIPT)


def _row_note(row: etree._Element, ids: set[str]) -> None:
    """A row "| 7. | text |" whose first cell is only a link to a note's place with no id: "7. text"."""
    cells = [c for c in row if isinstance(c.tag, str) and c.tag in ("td", "th")]
    if len(cells) < 2:
        return
    first = cells[0]
    links = list(first.iter("a"))
    number = _ROW_NUMBER.match("".join(first.itertext()))
    if len(links) != 1 or not number:
        return
    fragment = str(links[0].get("href", ""))
    if not fragment.startswith("#") or fragment[1:] in ids or not _NOTE_FRAGMENT.search(fragment[1:]):
        return
    tail = first.tail
    row.remove(first)
    row.text = f"{int(number.group(1))}. "
    for cell in cells[1:]:
        cell.tag = "span"
        cell.tail = " " + (cell.tail or "")
    if tail:
        row.text += tail
    row.tag = "p"

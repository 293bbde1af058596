"""Markdown posts with raw HTML for their notes, read as the page they build.

Blogs write notes in Markdown with inline HTML the renderer passes through:
a call ``<sup>[1](#ref1)</sup>`` or ``<sup>1</sup>``, an entry opened by its
anchor ``<a name="ref1">1</a>: Text`` or ``<a id="fn1"></a>1. Text``, or a raw
``<ol>`` of ``<li id="fn1">`` items under ``<h3>Footnotes</h3>``. The extract
stage reads a built page's calls as superscript digits and its notes as a
numbered list (:mod:`bibkaz.read.html`, :mod:`bibkaz.read.html_notes`); here the
Markdown source is given the same shape: a numeric ``<sup>`` becomes
superscript digits, an anchored entry "1. Text", a number in brackets pandoc escaped
("\\[1\\]") the number it renders ("[1]"), a one-line HTML heading a Markdown heading, a raw ``<a href>`` web link a Markdown link (``[words](url)``)
and a named anchor its words.

Each line is rewritten in place, never split or joined, so line numbers (the
provenance of every reference and the gold's) stay those of the file. Fenced
code blocks are left as they are. Notes a front-matter field holds as HTML are
written as notes on the lines they stand on (:mod:`bibkaz.read.front_notes`);
only notes that share one file line go after the file's last line.
"""

from __future__ import annotations

import re

from bibkaz.read.front_notes import front_matter_notes
from bibkaz.read.numbers import is_number

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_TAG = re.compile(r"<[^<>\n]{0,400}>")
#: A Markdown link's words: "[1](#ref1)" reads as "1".
_MD_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\s]*\)")
_SUP = re.compile(r"<sup\b[^>]*>(.{0,400}?)</sup>", re.I)
#: What a note call's words are: a number, in brackets or not, or a list of them ("1,2", "3–5").
_CALL = re.compile(r"^[\[(]?\s*(\d{1,3}(?:\s*[,–-]\s*\d{1,3})*)\s*[\])]?$")
#: An id or name that is a note's or reference's: "ref1", "fn:1", "footnote-3", "cite_note-4".
_NOTE_ID = re.compile(r"(?:ref|fn|note|footnote|cite|bib|endnote)[\w:.-]*?(\d{1,3})$", re.I)
_ID_ATTR = re.compile(r"""\b(?:name|id)\s*=\s*["']([^"']+)["']""", re.I)
#: An entry line opened by an anchor: <a name="ref1">1</a>: … / <a id="fn1"></a>1. … / <a id="fn1"></a>…
_ANCHOR_ENTRY = re.compile(
    r"""^\s*<a\b(?P<attrs>[^>]*)>\s*(?P<inner>[^<]{0,12})\s*</a>\s*"""
    r"""(?:(?P<after>[\[(]?\d{1,3}[\])]?)(?:[.:)]|\s)\s*|[.:)]\s*)?(?P<rest>.*)$""",
    re.I,
)
#: A list item that is a note: <li id="fn1" …>Text <a href="#fnref1">↩</a></li>
_NOTE_ITEM = re.compile(r"^\s*<li\b(?P<attrs>[^>]*)>(?P<rest>.*?)(?:</li>\s*)?$", re.I)
#: A back-link at a note's end: an in-page link whose words are an arrow or nothing.
_BACK_LINK = re.compile(r"""\s*<a\b[^>]*href\s*=\s*["']#[^"']*["'][^>]*>\s*(?:[↩↑⤴^]|&#8617;|&larr;)?\s*"""
                        r"""(?:&#xFE0E;|\ufe0e)?\s*</a>""", re.I)
#: A Markdown link to a web address: in an entry, its address follows its words ("Title <https://…>").
_WEB_LINK = re.compile(r"\[([^\]\n]+)\]\((https?://[^)\s]+)\)")
#: A line a raised number opens (once its <sup> is written as one): a note, as a page's foot gives it.
_NOTE_OPENED = re.compile(r"^\s*[⁰¹²³⁴⁵⁶⁷⁸⁹]+\s")
#: A number in brackets that pandoc escaped when it wrote Word's or a page's notes as Markdown ("\[1\] Autor,
#: Dorn, and Hanson (2016)"): the rendered page shows "[1]", a note's or an entry's number.
_ESCAPED_NUMBER = re.compile(r"\\\[(\d{1,3})\\\]")
_HEADING = re.compile(r"^\s*<h([1-6])\b[^>]*>(.{1,200}?)</h\1>\s*$", re.I)


#: An inline link or anchor in raw HTML: <a href="https://…" rel="nofollow">words</a>, <a name="x"></a>.
_ANCHOR = re.compile(r"""<a\b(?P<attrs>[^<>]*)>(?P<words>[^<]{0,300})</a>""", re.I)
_HREF = re.compile(r"""\bhref\s*=\s*["'](?P<url>https?://[^"'\s]+)["']""", re.I)


def _anchor(match: re.Match[str]) -> str:
    """A raw-HTML web link as a Markdown link; a named anchor or an in-page link as its words."""
    href = _HREF.search(match.group("attrs"))
    words = " ".join(match.group("words").split())
    if href and words:
        return f"[{words}]({href.group('url')})"
    return words


def _call(match: re.Match[str]) -> str:
    """A <sup> whose words are a note number, as superscript digits; any other <sup> unchanged."""
    words = _MD_LINK.sub(r"\1", _TAG.sub("", match.group(1))).strip()
    call = _CALL.match(words)
    if not call:
        return match.group(0)
    return re.sub(r"\s+", "", call.group(1)).translate(_SUPERSCRIPT)


def _number_of(attrs: str) -> str:
    """The number a note-like id or name ends in ("ref3" → "3"), or ""."""
    found = _ID_ATTR.search(attrs)
    note = _NOTE_ID.search(found.group(1)) if found else None
    return str(int(note.group(1))) if note else ""


def _entry(line: str) -> str | None:
    """An anchored entry or note item as "N. text"; None when the line is not one."""
    m = _ANCHOR_ENTRY.match(line)
    if m and _ID_ATTR.search(m.group("attrs")) and "href" not in m.group("attrs").lower():
        shown = m.group("inner").strip().strip("[]().:")
        after = (m.group("after") or "").strip("[]()")
        number = shown if is_number(shown) else after if is_number(after) and not shown else ""
        if not number and not shown:
            number = _number_of(m.group("attrs"))
        rest = m.group("rest").strip()
        if number and rest:
            return f"{int(number)}. {rest}"
    m = _NOTE_ITEM.match(line)
    if m:
        number = _number_of(m.group("attrs"))
        rest = _BACK_LINK.sub("", m.group("rest")).strip()
        if number and rest:
            return f"{number}. {rest}"
    return None


#: A Markdown link to a place in a page: "[Introduction](https://x.org/r.html#_Toc24)", "[3](#fn3)".
_FRAGMENT_LINK = re.compile(r"\]\(((?:https?://[^)\s#]+)?)#([^)\s]+)\)")
#: A page is the document's own when its links go to this many places in it (a contents list, note calls).
_OWN_PAGE_PLACES = 5
#: A note call written as an in-page link whose words are the note's number: "[3](#fn3)" (one inside a
#: "<sup>" is read with it).
_LINK_CALL = re.compile(r"(?<!^)(?<!>)\[(\d{1,3})\]\(#([^)\s]+)\)(?!\s*</sup>)")
#: A note set in a table's row, as a converted page holds its notes: "| [1](#ifn1). | Text |".
_TABLE_NOTE = re.compile(r"^\|\s*\[(\d{1,3})\]\(#([^)\s]+)\)[.:]?\s*\|\s*(?P<rest>\S.*?)\s*\|?\s*$")


def own_page(lines: list[str]) -> str:
    """The address of the page a converted document was (its own links to places in it carry it: a
    contents list, note calls, back-links), or ""."""
    places: dict[str, set[str]] = {}
    for line in lines:
        if "#" in line and "](" in line:
            for m in _FRAGMENT_LINK.finditer(line):
                if m.group(1):
                    places.setdefault(m.group(1), set()).add(m.group(2))
    page = max(places, key=lambda p: len(places[p]), default="")
    return page if page and len(places[page]) >= _OWN_PAGE_PLACES else ""


def _in_page(line: str, page: str) -> str:
    """The line with its links to places in its own page as in-page links, note calls as superscript
    digits and a note set in a table's row as "N. text"."""
    if page and page in line:
        line = line.replace(f"]({page}#", "](#")
    if "](#" not in line:
        return line
    row = _TABLE_NOTE.match(line)
    if row and _NOTE_ID.search(row.group(2)):
        return f"{int(row.group(1))}. {row.group('rest')}"
    return _LINK_CALL.sub(lambda m: m.group(1).translate(_SUPERSCRIPT) if _NOTE_ID.search(m.group(2)) else m.group(0), line)


def _line(line: str) -> str:
    if "<" not in line:
        return line
    heading = _HEADING.match(line)
    if heading:
        return "#" * int(heading.group(1)) + " " + " ".join(_TAG.sub("", heading.group(2)).split())
    called = _SUP.sub(_call, line)
    # a line a raised number opens is a note ("<sup>1</sup> As recommended in …"), as a page's foot gives it
    entry = _entry(called) or (called if called != line and _NOTE_OPENED.match(called) else None)
    # raw-HTML links in the text are Markdown links, as a built page's are read; anchors are dropped
    line = _ANCHOR.sub(_anchor, called)
    # in an entry the address is the cited work's, written after its words as the HTML reader writes it
    return _WEB_LINK.sub(r"\1 <\2>", entry) if entry is not None else line


#: A raw-HTML block's tag alone on its line: "<li>", "</li>", "<h2>", "</h2>" as a page's source indents them.
_OPEN_ALONE = re.compile(r"^\s*<(li|h[1-6])\b[^<>]{0,200}>\s*$", re.I)
_CLOSE_ALONE = re.compile(r"^\s*</(li|h[1-6])>\s*$", re.I)


def _blocks_by_lines(lines: list[str]) -> list[str]:
    """Lines where a raw-HTML heading or list item whose tags stand on lines of their own ("<h2>" /
    "References" / "</h2>", "<li>" / "<a href=…>…</a>" / "</li>") reads as Markdown's: "## References",
    "- <a …>". The tag lines go blank, so every line keeps its number."""
    out = list(lines)
    for i, line in enumerate(lines):
        m = _OPEN_ALONE.match(line)
        if not m or i + 2 >= len(lines):
            continue
        tag = m.group(1).lower()
        end = next((j for j in range(i + 1, min(len(lines), i + 12))
                    if (c := _CLOSE_ALONE.match(lines[j])) and c.group(1).lower() == tag), None)
        inner = [j for j in range(i + 1, end or i + 1) if lines[j].strip()]
        if end is None or not inner:
            continue
        first = inner[0]
        mark = "#" * int(tag[1]) if tag != "li" else "-"
        if tag != "li" and len(inner) > 1:
            continue  # a heading is one line of words
        out[i] = out[end] = ""
        out[first] = f"{mark} {lines[first].strip()}"
    return out


def markdown_to_text(text: str) -> str:
    """``text`` with raw-HTML note calls, anchored entries and HTML headings in the form a built
    page is read in; every line keeps its number (but notes written after the last line: see
    :func:`markdown_to_text_and_origin`)."""
    return markdown_to_text_and_origin(text)[0]


def markdown_to_text_and_origin(text: str) -> tuple[str, tuple[int, ...]]:
    """:func:`markdown_to_text`, and the 1-based file line of each line of the result when notes
    were written after the file's last line (empty when every line keeps its number)."""
    lines = text.split("\n")
    page = own_page(lines) if "#" in text else ""
    if "<" not in text and not page and "](#" not in text and "\\[" not in text:
        return text, ()
    front = front_matter_notes(lines)
    if "</li>" in text or "</h" in text:
        lines = _blocks_by_lines(lines)
    out: list[str] = []
    fence = ""
    for n, line in enumerate(lines):
        opened = _FENCE.match(line)
        if n in front.lines:
            out.append(front.lines[n])
        elif fence:
            if opened and opened.group(1) == fence:
                fence = ""
            out.append(line)
        elif opened:
            fence = opened.group(1)
            out.append(line)
        else:
            out.append(_line(_in_page(_ESCAPED_NUMBER.sub(r"[\1]", line) if "\\[" in line else line, page)))
    if not front.after:
        return "\n".join(out), ()
    # after the file's last line (its final newline's empty line), as the HTML reader writes notes;
    # each written line is reported at the file line it stands for
    kept = out[:-1] if out and not out[-1] else out
    origin = (*range(1, len(kept) + 1), *front.after_origin, len(lines))
    return "\n".join([*kept, *front.after, ""]), origin

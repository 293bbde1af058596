"""Word .docx → text in the conventions the extract stage reads.

Word keeps each footnote and endnote in its own part, linked to its call by an
id; a text conversion loses that link or leaves bare digits. Here each call
becomes a superscript number in the body ("…in 2019.¹") and the notes follow
the body under a "Notes" heading as "1 text" lines, numbered in the order their
calls appear (endnotes numbered after the footnotes, so no two notes share a
number). A hyperlink keeps its target after its words ("report
<https://…>", as the HTML reader writes it) where references stand — in notes,
bibliography-style paragraphs, numbered list items, bulleted items that are
entries (bibkaz/read/link_entries.py, written without their bullet, as lines of a
reference list), and the paragraphs under a references heading — and is
written as a Markdown link ("[report](https://…)") in running text, as the
Markdown a Word file is so often made from has it, so the extract stage reads
both alike (a linked phrase in running text is mostly navigation); a bulleted
item of links alone (a wiki's "External links") is its Markdown links. A link to
a page of the same site ("/blog/…") is a Markdown link in notes and bulleted items,
its words elsewhere, as the HTML reader has it. Headings become Markdown headings
("## Findings"), a paragraph in a bibliography style opens a "## References"
section when no heading did, and numbered lists keep their numbers. A table's
row of plain cells is a Markdown table's row. Paragraphs are separated by blank
lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from bibkaz.read.doi_links import shows_doi
from bibkaz.read.docx_package import R, Package, open_package, w
from bibkaz.read.html import front_matter_block
from bibkaz.read.html_chrome import name_words, named_kind
from bibkaz.read.html_own_page import call_number, own_of
from bibkaz.read.link_entries import is_entry, sources_level
from bibkaz.read.note_marks import MarkedText, marked_call, marked_note, take_marks
from bibkaz.read.numbers import number
from bibkaz.read.running_lines import running_lines

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
#: A table row's first cell that is a raised note number alone ("⁷."): the row is that note.
_ROW_NOTE = re.compile(r"^\s*([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})\s*[.:]?\s*$")
_HYPERLINK_FIELD = re.compile(r'HYPERLINK\s+"([^"]+)"')
_HEADING_STYLE = re.compile(r"^(?:heading\s*(\d)|title)$")
_BIBLIOGRAPHY_STYLE = re.compile(r"bibliograph|works cited|reference")
#: The title block's styles that name the document's writers and date (pandoc's, from a page's <meta> or a
#: Markdown post's front matter): the document's own record, written as the front matter it came from.
_TITLE_BLOCK = re.compile(r"^(?:author|date)$", re.I)
#: MediaWiki's section-edit link after a heading ("Notes[edit]"), kept as words when a wiki page is
#: converted to Word: a heading that ends in it is not read as the notes' or references' heading.
_EDIT_LINK = re.compile(r"\s*\[\s*edit(?:\s+source)?\s*\]\s*$", re.I)
#: Link targets that are web addresses; others (bookmarks, relative paths, mailto:) are the words alone.
_WEB = ("http://", "https://", "ftp://", "www.")
#: A link to a page of the same site: a path from the site's root or from the page ("/blog/x/", "../x").
_SITE_PATH = re.compile(r"^(?:/(?!/)|\.\.?/)[^\s#]")
#: A wiki's edit controls ("v • t • e" over a navigation box links "e" to "…&action=edit"): a control, not a
#: page a reader cites; its words stay, its address goes.
_CONTROL_LINK = re.compile(r"[?&]action=(?:edit|history|info|raw)\b", re.I)
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
#: Parts of runs that are no text: deleted revisions, field codes, drawings' alternate text.
_SKIP = {w("delText"), w("instrText"), w("rPr"), w("pPr"), w("footnoteRef"), w("endnoteRef"), w("commentReference")}


@dataclass
class _Notes:
    """Note numbers given out as calls are met: (part, id) → number."""

    numbers: dict[tuple[str, str], int] = field(default_factory=dict)

    def call(self, part: str, note_id: str) -> int:
        return self.numbers.setdefault((part, note_id), len(self.numbers) + 1)


@dataclass
class _Renderer:
    """Walks one part's paragraphs; numbers note calls in a shared :class:`_Notes`."""

    package: Package
    notes: _Notes
    part: str = "document.xml"
    list_counts: dict[tuple[str, str], int] = field(default_factory=dict)
    field_url: str = ""
    field_start: int = -1  # where a HYPERLINK field's shown words start in the run list
    back_links: bool = False  # the paragraph read last opened with back-links to its calls
    chrome: dict[str, str] = field(default_factory=dict)  # open bookmarks naming a site's parts: id → kind
    own: str = ""  # the address of the page the document was converted from, when its links say it (own_of)

    def runs(self, node: etree._Element, out: list[str]) -> None:
        """The text of a paragraph's content, calls and link targets included."""
        for child in node:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                if tag == w("instrText"):
                    m = _HYPERLINK_FIELD.search(child.text or "")
                    self.field_url = m.group(1) if m else self.field_url
                continue
            if tag == w("t"):
                text = child.text or ""
                if self._raised(child) and text.strip().isdigit():
                    out.append(text.translate(_SUPERSCRIPT))
                else:
                    out.append(f"\ue005{text}\ue006" if text and _italic(child) else text)
            elif tag in (w("tab"), w("ptab")):
                out.append(" ")
            elif tag in (w("br"), w("cr")):
                out.append("\n")
            elif tag == w("noBreakHyphen"):
                out.append("-")
            elif tag in (w("footnoteReference"), w("endnoteReference")):
                if child.get(w("customMarkFollows")) not in ("1", "true"):
                    kind = "footnotes.xml" if tag == w("footnoteReference") else "endnotes.xml"
                    note_id = str(child.get(w("id")))
                    self.notes.call(kind, note_id)
                    out.append(f"\ue000{kind}|{note_id}\ue001")  # numbered once all calls are known
            elif tag == w("hyperlink"):
                inner: list[str] = []
                self.runs(child, inner)
                if child.get(w("anchor")) and _back_link("".join(inner), "".join(out)):
                    self.back_links = True
                    continue
                url = self.package.links.get(self.part, {}).get(str(child.get(f"{{{R}}}id")), "")
                if self.own and url.startswith(self.own + "#"):
                    # a converted page's link to a place in itself (its contents, a note's call): words,
                    # or the call's number raised, as the HTML reader reads it (bibkaz/read/html_own_page.py)
                    number = call_number(url[len(self.own) + 1:], _emphasis("".join(inner), False))
                    out.append(number.translate(_SUPERSCRIPT) if number else "".join(inner))
                    continue
                out.append(self._linked("".join(inner), url))
            elif tag == w("fldSimple"):
                inner = []
                self.runs(child, inner)
                m = _HYPERLINK_FIELD.search(str(child.get(w("instr"), "")))
                out.append(self._linked("".join(inner), m.group(1) if m else ""))
            elif tag == w("fldChar") and child.get(w("fldCharType")) == "separate" and self.field_url:
                self.field_start = len(out)
            elif tag == w("fldChar") and child.get(w("fldCharType")) == "end" and self.field_url:
                start = self.field_start if 0 <= self.field_start <= len(out) else len(out)
                words = "".join(out[start:])
                del out[start:]
                out.append(self._linked(words, self.field_url))
                self.field_url, self.field_start = "", -1
            elif tag == f"{{{_MC}}}AlternateContent":
                choice = child.find(f"{{{_MC}}}Choice")
                if choice is not None:
                    self.runs(choice, out)
            else:
                self.runs(child, out)

    @staticmethod
    def _raised(t: etree._Element) -> bool:
        run = t.getparent()
        align = run.find(f"{w('rPr')}/{w('vertAlign')}") if run is not None else None
        return align is not None and align.get(w("val")) == "superscript"

    @staticmethod
    def _linked(words: str, url: str) -> str:
        """Linked words marked with their target, written out by :func:`_shown`."""
        if _CONTROL_LINK.search(url):
            return words
        if _SITE_PATH.match(url):
            return f"\ue002{words}\ue003{url}\ue004"  # the site's own page: kept where notes cite (see _shown)
        if not url.lower().startswith(_WEB):
            return words  # a place in the document or another relative address names no page to open
        return f"\ue002{words}\ue003{url}\ue004"

    def paragraph(self, p: etree._Element) -> tuple[str, str]:
        """(style kind, text): kind is "title", "h1".."h6", "author", "date", "bibliography", "numbered" or
        "bulleted" (a list item) or ""."""
        out: list[str] = []
        self.back_links = False
        self.runs(p, out)
        text = " ".join("".join(out).replace("\u00a0", " ").split(" ")).strip(" ")
        if self.back_links:  # a mark set as plain text among the back-links ("^ a b": "^" is no link)
            text = _BACK_MARKS.sub("", _ITALIC.sub(lambda m: m.group(1) if _BACK_MARKS.fullmatch(m.group(1)) else m.group(0), text))
        text = "\n".join(" ".join(line.split()) for line in text.split("\n"))
        props = p.find(w("pPr"))
        style_id = ""
        if props is not None and props.find(w("pStyle")) is not None:
            style_id = str(props.find(w("pStyle")).get(w("val"), ""))
        name = self.package.styles.get(style_id, style_id.lower())
        heading = _HEADING_STYLE.match(name)
        outline = props.find(f"{w('outlineLvl')}") if props is not None else None
        if heading:
            return (f"h{heading.group(1)}" if heading.group(1) else "title"), _emphasis(text, False)
        if _TITLE_BLOCK.match(name):
            return name.lower(), _emphasis(text, False)
        if outline is not None and _int_or(outline.get(w("val")), 9) < 6:
            return f"h{_int_or(outline.get(w('val')), 0) + 1}", _emphasis(text, False)
        label = self._list_label(props)
        # a list item's italics are Markdown's stars, as the HTML reader writes an <li>'s <em> (an entry's
        # title: "*Mutation Sensitivity Testing*, by Daniel Hook"); elsewhere their words alone
        text = _emphasis(text, bool(label))
        if label and text:
            text = f"{label} {text}"
        if _BIBLIOGRAPHY_STYLE.search(name):
            return "bibliography", text
        return ("bulleted" if label == "•" else "numbered" if label else ""), text

    def _list_label(self, props: etree._Element | None) -> str:
        num = props.find(f"{w('numPr')}") if props is not None else None
        if num is None:
            return ""
        num_id = num.find(w("numId"))
        ilvl = num.find(w("ilvl"))
        nid = str(num_id.get(w("val"))) if num_id is not None else ""
        lvl = str(ilvl.get(w("val"))) if ilvl is not None else "0"
        level = self.package.numbering.get(nid, {}).get(lvl)
        if not nid or nid == "0" or level is None:
            return ""
        if level.fmt == "bullet":
            return "•"
        if level.fmt == "none":
            return ""
        key = (nid, lvl)
        self.list_counts[key] = self.list_counts.get(key, level.start - 1) + 1
        for (other, deeper), _ in list(self.list_counts.items()):  # a new item resets its sub-levels
            if other == nid and deeper > lvl:
                del self.list_counts[(other, deeper)]
        return level.text.replace(f"%{int(lvl) + 1}", str(self.list_counts[key])).replace("%", "")

    def blocks(self, container: etree._Element) -> list[tuple[str, str]]:
        """Paragraphs and table rows of a body, note or cell, in order, a web page's furniture left out.

        A web page made a Word file by pandoc keeps its site's sidebar, menus and footer as plain
        paragraphs, but each division's id as a bookmark around them, between the paragraphs
        (``<w:bookmarkStart w:name="sidebar"/>`` … ``<w:bookmarkEnd/>``). The names the HTML reader
        drops a division for (:func:`bibkaz.read.html_chrome.named_kind`: "sidebar", "menu", "nav",
        "prevlink"…) drop the paragraphs inside, a paragraph holding a note's call excepted; inside a
        "footer" the links are their words. A blog's sidebar (its menu, a tag cloud, "Powered by"
        two links) made four cited works. Word's own bookmarks stand inside paragraphs ("_Toc…") and
        a heading's id inside its heading: neither is read here."""
        out: list[tuple[str, str]] = []
        for child in container:
            if child.tag == w("bookmarkStart"):
                kind = named_kind(name_words(str(child.get(w("name"), ""))))
                if kind:
                    self.chrome[str(child.get(w("id")))] = kind
                continue
            if child.tag == w("bookmarkEnd"):
                self.chrome.pop(str(child.get(w("id"))), None)
                continue
            if ("drop" in self.chrome.values() or _named_chrome(child)) and not _holds_call(child):
                continue
            if child.tag == w("p"):
                kind, text = self.paragraph(child)
                out.append((kind, _LINK.sub(r"\1", text) if "footer" in self.chrome.values() else text))
            elif child.tag == w("tbl"):
                out.extend(self.table(child))
            elif child.tag in (w("sdt"), w("sdtContent"), w("customXml"), w("ins"), w("smartTag")):
                out.extend(self.blocks(child))
        return out

    def table(self, table: etree._Element) -> list[tuple[str, str]]:
        """A table's rows, each once (a table inside a cell is read with its cell, not again on its
        own: iterating every row under the table read a navigation box's nested rows twice).

        A row of plain cells (:func:`_plain_row`) is a Markdown table's row ("| Land use | -- | Grid
        (integer) | National Land Cover Database (Homer and others, 2015). |"), as the HTML reader
        and a text conversion write it: its cells run together with " | " and no bars around, a row
        naming authors and a year read as a reference (a USGS report's table of input grids, two
        works in its Word file). Other rows (a cell of paragraphs or lists: a page laid out in a
        table, a wiki's navigation box) are one line of their cells' words (split into their
        paragraphs, a navigation box's lists of the wiki's articles were read as bulleted entries)."""
        out: list[tuple[str, str]] = []
        for row in table.iterchildren(w("tr")):
            cells = list(row.iterchildren(w("tc")))
            # a line break inside a cell ("Requirement<w:br/>[All Documents]") is the cell's layout: the
            # row stays one line (split, its second half opened a line "[All Documents] | 2. The …", and a
            # Section 508 test process's 190 table rows were read as cited works)
            texts = [" ".join(t for _, t in self.blocks(cell) if t).replace("\n", " ") for cell in cells]
            note = _ROW_NOTE.match(texts[0]) if self.own and len(texts) > 1 else None
            if note:
                # "| ⁷. | text |": a converted page's note set in a table's row, numbered by its back-link
                out.append(("", f"{note.group(1).translate(_DIGITS)}. " + " ".join(t for t in texts[1:] if t)))
                continue
            if _plain_row(cells):
                out.append(("row", "| " + " | ".join(t.replace("|", "/") for t in texts) + " |"))
                if row.find(f"{w('trPr')}/{w('tblHeader')}") is not None:
                    out.append(("row", "|" + "---|" * len(cells)))
            else:
                # no bullet before it: a row is no list's item, though its first cell's first paragraph
                # is one (a wiki's navigation box opens "• v • t • e Ecology: …", read as a cited work)
                out.append(("", _LABEL.sub("", " | ".join(t for t in texts if t), count=1)))
        return out


def _named_chrome(block: etree._Element) -> bool:
    """A paragraph that opens with a bookmark named as a site's furniture: pandoc leaves a list
    item's id inside its paragraph (``<li id="menu-item-45">`` of a WordPress menu), where the
    division ids the HTML reader drops by name stand between paragraphs. A Wikimedia post's menus and
    footer made 17 cited works in its Word file. Word's own bookmarks ("_Toc…", "_Ref…", "_GoBack")
    open with an underscore: they are no names of a page's parts."""
    if block.tag != w("p"):
        return False
    for node in block:
        if node.tag == w("pPr"):
            continue
        if node.tag != w("bookmarkStart"):
            return False
        name = str(node.get(w("name"), ""))
        if not name.startswith("_") and named_kind(name_words(name)) == "drop":
            return True
    return False


def _holds_call(block: etree._Element) -> bool:
    """A block that holds a footnote's or an endnote's call: never dropped, as a web page's part that
    holds a note or its call is not (bibkaz/read/html_chrome.py)."""
    return any(True for _ in block.iter(w("footnoteReference"), w("endnoteReference")))


def _plain_row(cells: list[etree._Element]) -> bool:
    """Two cells or more, none holding a list item or a table: a cell's paragraphs are its words.

    Cells of several paragraphs once made a row no table row: written as a bare line of its cells,
    a Section 508 cross-reference table's rows ("21 SW (a) | Keyboard Accessibility | 1. Inline
    Elements 12. …", one paragraph a test) opened like a note and were read as note 21, beside
    its single-paragraph rows written as table rows."""
    if len(cells) < 2:
        return False
    return not any(cell.find(f".//{w('tbl')}") is not None or cell.find(f".//{w('numPr')}") is not None
                   for cell in cells)


#: The words of a note's back-links to its calls: MediaWiki's "^", "a", "b" (one for each call), arrows;
#: and such marks opening a paragraph as plain text ("^ a b": with two calls the "^" is no link).
_BACK_MARK = re.compile(r"^[\^↑↩⤴]$|^[a-z]$")
_BACK_MARKS = re.compile(r"^(?:[\^↑↩⤴]\s*)+")


def _back_link(words: str, before: str) -> bool:
    """A link to a place in the document that opens a paragraph with a mark (or follows other such
    links): a note's way back to its calls. A Wikipedia page made a Word file (pandoc) opens each
    reference with them ("^ a b Horn, Roger A. …"), which the page's reader leaves out; left in,
    five of its seven works were lost."""
    words, before = _emphasis(words, False), _emphasis(before, False)  # MediaWiki sets them <i><b>a</b></i>
    return bool(_BACK_MARK.match(words.strip())) and all(_BACK_MARK.match(word) for word in before.split())


def _italic(t: etree._Element) -> bool:
    """The run holding ``t`` is set in italics by its own properties (``<w:i/>``, not ``w:val="0"``)."""
    run = t.getparent()
    mark = run.find(f"{w('rPr')}/{w('i')}") if run is not None else None
    return mark is not None and mark.get(w("val"), "1") not in ("0", "false", "off")


#: Italic runs' marks: one run after another (a space between) is one stretch of italics.
_ITALIC_SEAM = re.compile("\ue006(\\s*)\ue005")
_ITALIC = re.compile("\ue005([^\ue006]*)\ue006")


def _emphasis(text: str, stars: bool) -> str:
    """Italic runs' marks as Markdown's stars around their words (spaces kept outside: "*A B* ,"
    never "*A B *"), or dropped."""
    if "\ue005" not in text:
        return text
    text = _ITALIC_SEAM.sub(r"\1", text)

    def one(m: re.Match[str]) -> str:
        inner = m.group(1)
        words = inner.strip()
        if not stars or not words:
            return inner
        lead, tail = inner[: len(inner) - len(inner.lstrip())], inner[len(inner.rstrip()):]
        return f"{lead}*{words}*{tail}"
    return _ITALIC.sub(one, text)


def _int_or(value: object, default: int) -> int:
    return number(str(value), default)


def _note_texts(renderer: _Renderer, root: etree._Element | None, part: str, tag: str) -> dict[str, str]:
    """Each real note's text by id (separators skipped), calls inside notes numbered too."""
    if root is None:
        return {}
    renderer.part = part
    out = {}
    for note in root.iter(w(tag)):
        if note.get(w("type")) in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        out[str(note.get(w("id")))] = _shown(" ".join(t for _, t in renderer.blocks(note) if t).strip(), True, True)
    return out


def docx_to_text(data: bytes, path: str) -> str:
    """The text of a .docx file; raises InputError (one line) for files that are not readable Word."""
    return read_docx(data, path).text


def read_docx(data: bytes, path: str) -> MarkedText:
    """The text of a .docx file with its notes and their calls as data (the footnote and endnote
    parts and their reference marks are certain); raises InputError as :func:`docx_to_text`."""
    package = open_package(data, path)
    notes = _Notes()
    renderer = _Renderer(package, notes, own=own_of(url for part in package.links.values() for url in part.values()))
    body = package.body.find(w("body"))
    blocks = renderer.blocks(body) if body is not None else []
    texts = {"footnotes.xml": _note_texts(renderer, package.footnotes, "footnotes.xml", "footnote"),
             "endnotes.xml": _note_texts(renderer, package.endnotes, "endnotes.xml", "endnote")}
    # endnotes after footnotes: calls were numbered in order of appearance, renumber by kind
    order = sorted(notes.numbers.items(), key=lambda item: (item[0][0] != "footnotes.xml", item[1]))
    renumber = {old: new for new, (_, old) in enumerate(order, start=1)}
    lines: list[str] = []
    in_section, section_level = False, None
    running = running_lines([text for _, text in blocks])  # a printed report's page footers
    front: list[tuple[str, str]] = []
    for i, (kind, text) in enumerate(blocks):
        if not text or i in running:
            continue
        if kind in ("author", "date"):
            # "Bradley M. Kuhn (http://ebb.org/bkuhn/)": the writer, as the HTML reader hands a page's
            # <meta name="author"> on; in the text its address was a cited work
            front.append((kind, _LINK.sub(r"\1", text)))
            continue
        if kind == "row":
            # a table's rows are lines one after the other, as in Markdown
            if lines and lines[-1] == "" and len(lines) > 1 and lines[-2].startswith("|"):
                lines.pop()
            lines += [_shown(text, in_section), ""]
            continue
        if kind == "title" and not any(name == "title" for name, _ in front):
            # the Title paragraph is the document's title, as pandoc's title block is a page's <title>: the
            # own record read it as one of the headings ("Methods" was taken for an EPA manuscript's)
            front.insert(0, ("title", _LINK.sub(r"\1", text).replace("\n", " ")))
        if kind.startswith("h") or kind == "title":
            text = _EDIT_LINK.sub("", text)
            level = min(int(kind[1:]) if kind[1:].isdigit() else 1, 6)
            lines += ["#" * (level + 1 if level < 6 else 6) + " " + _shown(text, False).replace("\n", " "), ""]
            section_level = sources_level(text, level, section_level)
            in_section = section_level is not None
            continue
        if kind == "bulleted" and _links_alone(text):
            # as the HTML reader writes such an item (bibkaz/read/html.py): its links alone, in running
            # text's form, wherever it stands; bulleted, a wiki's "External links" and a site's lists of
            # sites read as cited works (eleven in the Word files made from the dev part's Wikipedia pages)
            lines += [_shown(_LABEL.sub("", text, count=1), False), ""]
            continue
        entry = kind == "bulleted" and _says_more(text)
        if entry:
            # an entry as a line of a reference list, as the HTML reader writes it: bulleted, a post's
            # list of linked papers read as a list and its linked words were passed over (a Word file
            # of Software Carpentry's post on empirical papers: 6 works fewer than its page)
            text = _LABEL.sub("", text, count=1)
        if kind == "bibliography" and not in_section:
            lines += ["## References", ""]
            in_section, section_level = True, 1
        shown = _shown(text, in_section or kind in ("bibliography", "numbered") or entry,
                       kind == "bulleted" and not entry and _says_words(text),
                       entry or (in_section or kind == "bibliography") and kind not in ("numbered", "bulleted"))
        if _LABEL.sub("", shown).strip():  # not a link to the site's own page without words (an image's), bulleted or not
            lines += [shown, ""]
    body_text = front_matter_block(front) + "\n".join(lines)
    note_lines = [marked_note(f"{renumber[number]} {texts.get(part, {}).get(note_id, '')}".rstrip())
                  for (part, note_id), number in order]
    if note_lines:
        body_text = body_text.rstrip("\n") + "\n\n## Notes\n\n" + "\n".join(note_lines) + "\n"
    return take_marks(_CALL.sub(lambda m: _call_text(m, notes, renumber), body_text))


_CALL = re.compile("\ue000([a-z.]+)\\|([^\ue001]*)\ue001")
_LINK = re.compile("\ue002([^\ue003]*)\ue003([^\ue004]*)\ue004")


_LABEL = re.compile(r"^•\s*")
_WORD = re.compile(r"[^\W\d_]{2,}")


def _links_alone(text: str) -> bool:
    """An item whose words are all links' words, one to another site at least ("[MEGA Software](https://…)",
    "[ReliefWeb: Somalia Maps](http://…)[[permanent dead link](/wiki/Wikipedia:Link_rot)]"): it names
    sites. The site's own links are the site's words: a wiki's maintenance tag, which its page prints
    in no copy (MediaWiki's "noprint", left out by the HTML reader), made two such items entries."""
    web = any(not _SITE_PATH.match(m.group(2)) for m in _LINK.finditer(text))
    return web and not _WORD.search(_LINK.sub(" ", _LABEL.sub("", text)))


def _says_words(text: str) -> bool:
    """Words outside the item's links: such a bulleted item keeps its links to the site's own pages,
    as the HTML reader writes them ("• Blog: [Title](/blog/…)", an rOpenSci post's list of its related
    posts); an item of such links alone is a wiki's "See also" or category, written as its words."""
    return bool(_WORD.search(_LINK.sub(" ", _LABEL.sub("", text))))


def _says_more(text: str) -> bool:
    """A bulleted item that is a source's entry, not a sentence or a menu item with a link
    (:func:`bibkaz.read.link_entries.is_entry`)."""
    web = [m for m in _LINK.finditer(text) if not _SITE_PATH.match(m.group(2))]
    shown = any(m.group(2).rstrip("/") in m.group(1) for m in web)
    return bool(web) and is_entry(text[: web[0].start()], _LINK.sub("", text), shown)


def _shown(text: str, reference: bool, site: bool = False, autolink: bool = False) -> str:
    """Marked links written out: "words <url>" where references stand, "[words](url)" in running text
    (also when the words are the address, as Markdown writes a shown address); a link to the site's
    own page is "[words](/path)" where ``site`` (notes, bulleted items) and its words elsewhere. Angle brackets, as the
    HTML reader writes them: in parentheses a DOI linked to its record ("10.5281/zenodo.57467
    (https://zenodo.org/record/57467)") was read as two works, twelve in one Software Carpentry post.
    With ``autolink`` (a paragraph under a sources heading, a bulleted entry) words that are the address
    are written as Markdown's autolink ("Available at <https://…>"), as the HTML reader writes them
    there: bare, a standard's keyed references were read as footnotes."""
    def one(m: re.Match[str]) -> str:
        words, url = m.group(1), m.group(2)
        if _SITE_PATH.match(url):
            return f"[{words}]({url})" if site and words.strip() else words
        if autolink and words.strip().rstrip("/") == url.rstrip("/"):
            return words.replace(words.strip(), f"<{words.strip()}>")
        if reference:  # words that show the address already get no copy of it
            return words if url in words or shows_doi(words, url) else f"{words} <{url}>" if words.strip() else f" <{url}>"
        return f"[{words}]({url})" if words.strip() else words
    return _LINK.sub(one, text)


def _call_text(m: re.Match[str], notes: _Notes, renumber: dict[int, int]) -> str:
    """A call placeholder as the note's final number in superscript digits."""
    number = notes.numbers.get((m.group(1), m.group(2)))
    return marked_call(renumber[number]) if number else ""

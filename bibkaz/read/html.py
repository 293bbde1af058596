"""HTML → plain text with block structure kept as line breaks.

The markup is read by libxml2's HTML parser (through lxml) in recovering mode:
it never asserts or raises on broken markup (``<![``, ``a <![foo[ b``, stray
``</p>``), which the standard library's html.parser did. See docs/decisions.md.

The page is parsed to a tree first so that footnotes can be found by their
links (:mod:`bibkaz.read.html_notes`): each call is written as a superscript
number, and the notes, back-links dropped, follow the text as a numbered list
under the page's own heading for them ("Notes" when it has none), as Word's
notes are written (:mod:`bibkaz.read.docx`).

A link's web address follows its words ("Title <https://…>") where references
stand: in notes, ``<cite>``, numbered list items and bulleted items that say
more than their link. Elsewhere (running text, menus) the link is written as
Markdown writes it ("[words](https://…)"), so the extract stage reads a page
and the Markdown it was built from alike. In a paragraph under a heading naming
the sources ("References"), a link whose words are its address is Markdown's
autolink ("Available at <https://…>"), as the Word reader writes it there.

Emphasis (``<em>``, ``<i>``) is written as Markdown's stars ("*Matrix Analysis*")
in list items and ``<cite>``, where it marks an entry's title or journal and the
parser reads it so (a Wikipedia page's citation templates: the dev part's Mozilla
article's fields fell from 93.0 to 89.9 % without). In paragraphs and notes it is
its words, as a text conversion of the page (w3m, lynx) shows it and the Word
reader writes italic runs: there, starred titles split what the parser read as
one work or ran a note's two works into one ("The White House, *National
Cybersecurity Strategy*, … and *National Security* *Memorandum on …*"), three to
five works fewer on each kind of the dev part's web pages (docs/decisions.md,
ninth session).
"""

from __future__ import annotations

import json
import re
from dataclasses import replace

from lxml import etree

from bibkaz.read.doi_links import shows_doi
from bibkaz.read.html_bibliography import page_citations
from bibkaz.read.html_chrome import page_chrome
from bibkaz.read.html_depth import flattened, too_deep
from bibkaz.read.html_docutils import keyed_citations
from bibkaz.read.html_front import front_matter_meta
from bibkaz.read.html_json_ld import json_ld_meta
from bibkaz.read.link_entries import is_entry, sources_level
from bibkaz.read.html_notes import PageNotes, find_notes
from bibkaz.read.html_own_page import localise
from bibkaz.read.note_marks import NOTE_OPEN, marked_call, marked_note, unmarked
from bibkaz.read.numbers import number
from bibkaz.read.running_lines import running_lines

_BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article",
          "header", "footer", "blockquote", "ol", "ul", "table", "aside", "title", "pre", "dd", "dt", "figcaption"}
_SKIP = {"script", "style", "noscript", "template", "svg"}
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
#: Parts of a page that are controls, not text: MediaWiki's "^ a b" back-links before each reference,
#: its "[edit]" links and its "Retrieved from …" print footer.
_SKIP_CLASS = re.compile(r"\b(?:mw-cite-backlink|cite-backlink|mw-editsection|printfooter)\b")
#: <meta> names that describe the page as a publication (besides every citation_*, dc.* and dcterms.*).
_META_NAMES = frozenset({"author", "og:title", "og:site_name", "og:url", "article:published_time",
                         "article:author", "date"})
#: An item that writes its own number as well ("<li>1. Ana Torres…" in an <ol>) keeps one.
_ONE_NUMBER = re.compile(r"^(\d+\. )\1")
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
#: What opens a bulleted list's item, as a text conversion of the page (w3m, lynx) writes it.
BULLET = "• "
#: Last resort when libxml2 refuses the input outright: drop tags, keep text.
_TAG = re.compile(r"<[^<>]{0,2000}>")
#: What tells a link's words that show its address apart from the address ("www.x.org/" is "https://x.org").
_ADDRESS_NOISE = re.compile(r"^(?:https?://)?(?:www\.)?|/$")
#: The Markdown links this reader writes.
_MARKDOWN_LINK = re.compile(r"\[([^\]\n]*)\]\((https?://[^)\s]+)\)")
#: Any Markdown link this reader writes (to a web page or to the site's own), and a word.
_ANY_MARKDOWN_LINK = re.compile(r"\[[^\]\n]*\]\([^)\s]+\)")
_WORD = re.compile(r"[^\W\d_]{2,}")
#: A link to a page of the same site: a path from the site's root or from the page ("/blog/x/", "../x").
_SITE_PATH = re.compile(r"^(?:/(?!/)|\.\.?/)[^\s#]")
#: The Markdown links to such pages this reader writes.
_SITE_LINK = re.compile(r"\[([^\]\n]*)\]\((?:/(?!/)|\.\.?/)[^)\s]*\)")
#: A back-arrow left at a note's end by a back-link that was not a link.
_BACK_ARROW = re.compile(r"\s*[↩↑⤴︎️^]+\s*$")


class _TextTarget:
    """lxml parser target: collects text, marks block ends, keeps <sup> digits as superscripts.

    Text arrives in pieces (entities split it); pieces are joined before the
    superscript test, as html.parser's ``convert_charrefs`` did.
    """

    def __init__(self, in_note: bool = False) -> None:
        self.in_note = in_note  # a note's own text: every link's address is the cited page's
        self.parts: list[str] = []
        self.pending: list[str] = []
        self.skip = 0
        self.sup = 0
        self.lists: list[int] = []  # for each open <ol>/<ul>: the next item's number (0 for <ul>)
        self.skipping: list[bool] = []  # for each open element: whether it started a skipped part
        self.meta: list[tuple[str, str]] = []  # bibliographic <meta> tags, in order
        self.items = 0  # open <li> elements: list items are where references stand
        self.item_starts: list[int] = []  # for each open <li>: where its text starts in ``parts``
        self.bulleted: list[bool] = []  # for each open <li>: whether it is a bulleted list's item
        self.cite = 0  # open <cite> elements
        self.pre = 0  # open <pre> elements: their line breaks are the text's
        self.table_rows: list[list[int]] = []  # for each open row written as a table row: its cells, its heads
        self.row_end: int | None = None  # where the last table row written ends in ``parts``
        self.unlinked = 0  # open elements whose links are their words alone (a page footer)
        self.heading_start: int | None = None  # where an open heading's words start in ``parts``
        self.sources = False  # the text stands in the document's sources section ("References")
        self.sources_level: int | None = None  # that section's heading level
        # for each open <a>: its web address ("": none), where its words start in ``parts``, and whether
        # references stand there (the address follows the words) or running text (a Markdown link)
        self.links: list[tuple[str, int, bool]] = []

    def _flush(self) -> None:
        if not self.pending:
            return
        data = "".join(self.pending)
        self.pending = []
        if self.skip:
            return
        if self.sup and data.strip().isdigit():
            # <sup>3</sup> is a note call: keep it as a Unicode superscript, as PDFs give it
            data = data.strip().translate(_SUPERSCRIPT)
        self.parts.append(data)

    def start(self, tag: str, attrib: object) -> None:
        self._flush()
        tag = tag.lower() if isinstance(tag, str) else ""
        attrs = _attributes(attrib)
        if tag == "meta":
            name = str(attrs.get("name") or attrs.get("property") or "").strip().lower()
            content = " ".join(str(attrs.get("content", "")).split())
            if content and (name in _META_NAMES or name.startswith(("citation_", "dc.", "dcterms."))):
                self.meta.append((name, content))
        hidden = tag in _SKIP or bool(_SKIP_CLASS.search(str(attrs.get("class", ""))))
        self.skipping.append(hidden)
        if hidden:
            self.skip += 1
        elif tag == "sup":
            self.sup += 1
        elif tag in ("em", "i") and (self.cite or self.items) and not self.skip:
            # an entry's italics (see the module's docstring); inside a skipped part (MediaWiki's "^ a b"
            # back-links hold <i><b>a</b></i>) no marks: they were "**** Horn, Roger A." before a reference
            self.parts.append("*")
        if tag in _BLOCK:
            self.parts.append("\n\n" if tag != "br" else "\n")
        if tag == "ol":
            start = str(attrs.get("start", "1"))
            self.lists.append(number(start, 1))
        elif tag == "ul":
            self.lists.append(0)
        if tag == "a":
            href = str(attrs.get("href", ""))
            # In a <cite> or an item of a numbered list (a note, a reference list's entry), a link's
            # address is the cited page's URL: keep it. Menus and language lists are <ul>s.
            # Elsewhere it is written as Markdown writes it ("[words](https://…)"), the form the extract
            # stage reads as linked words, as it reads the Markdown a page is so often built from.
            where = self.in_note or self.cite or (self.items and self.lists and self.lists[-1])
            web = not self.skip and not self.unlinked and href.startswith(("http://", "https://"))
            # A link to a page of the same site ("/blog/2023/09/19/help-wanted/") is a cited page in a
            # note or a bulleted item, as in the Markdown the page is built from ("See blog posts
            # [Title](/blog/…)"); in running text it is the site's cross-reference: its words alone.
            own = (not self.skip and not self.unlinked and bool(_SITE_PATH.match(href))
                   and (self.in_note or (self.items and self.lists and not self.lists[-1])))
            # A paragraph under a heading naming the sources shows an address as Markdown's autolink
            # ("[A-130] … Available at <https://…>", a standard's keyed references, one paragraph each):
            # as Markdown links the extract stage read them as footnotes (:meth:`_shown_address`).
            autolink = self.sources and not (self.items or self.in_note or self.cite)
            self.links.append((href if web or own else "", len(self.parts), bool(where) and not own, autolink))
        if tag in _HEADINGS and not self.skip:
            self.heading_start = len(self.parts)
        if tag == "cite":
            self.cite += 1
        elif tag == "pre":
            self.pre += 1
        elif tag in ("td", "th") and self.table_rows:
            self.parts.append("| " if not self.table_rows[-1][0] else " | ")
            self.table_rows[-1][0] += 1
            self.table_rows[-1][1] += tag == "th"
        if tag == "li":
            self.items += 1
            self.item_starts.append(len(self.parts))
            # whether the item is bulleted: its bullet is written once its words are known
            self.bulleted.append(bool(self.lists and not self.lists[-1] and not self.skip and not self.unlinked))
        if tag == "li" and self.lists and self.lists[-1] and not self.skip:
            # An ordered list's numbers are its items' labels (notes, numbered references): keep them.
            self.parts.append(f"{self.lists[-1]}. ")
            self.lists[-1] += 1

    def end(self, tag: str) -> None:
        self._flush()
        tag = tag.lower() if isinstance(tag, str) else ""
        if tag in ("ol", "ul") and self.lists:
            self.lists.pop()
        if tag == "li":
            self.items = max(0, self.items - 1)
            start = self.item_starts.pop() if self.item_starts else len(self.parts)
            if self.bulleted.pop() if self.bulleted else False:
                self._item_links(start)
        if tag in _HEADINGS and self.heading_start is not None:
            self.sources_level = sources_level("".join(self.parts[self.heading_start:]), int(tag[1]), self.sources_level)
            self.sources = self.sources_level is not None
            self.heading_start = None
        if tag == "cite":
            self.cite = max(0, self.cite - 1)
        elif tag == "pre":
            self.pre = max(0, self.pre - 1)
        if tag == "a" and self.links:
            href, start, reference, autolink = self.links.pop()
            words = "".join(self.parts[start:])
            # words that are the address already ("https://x.org/a" linked to itself) get no copy of it
            # where references stand; in running text the link is a Markdown link either way
            if href and autolink and _bare(href) == _bare(words):
                lead, trail = words[: len(words) - len(words.lstrip())], words[len(words.rstrip()):]
                shown = words.strip() if words.strip().lower().startswith(("http:", "https:")) else href
                self.parts[start:] = [f"{lead}<{shown}>{trail}"]
            elif href:
                if reference:
                    if _bare(href) not in _bare(words) and not shows_doi(words, href):
                        self.parts.append(f" <{href}>")
                    elif _bare(href) == _bare(words) and not words.strip().lower().startswith(("http:", "https:")):
                        # words that show the address without its scheme ("www.eiu.com/topic/…"): the
                        # address itself, which the parser reads as one
                        lead, trail = words[: len(words) - len(words.lstrip())], words[len(words.rstrip()):]
                        self.parts[start:] = [f"{lead}{href}{trail}"]
                elif words.strip() and "\n" not in words and "[" not in words:
                    lead, core, trail = words[: len(words) - len(words.lstrip())], words.strip(), words[len(words.rstrip()):]
                    self.parts[start:] = [f"{lead}[{core}]({href}){trail}"]
        if self.skipping and self.skipping.pop():
            self.skip = max(0, self.skip - 1)
        elif tag == "sup":
            self.sup = max(0, self.sup - 1)
        elif tag in ("em", "i") and (self.cite or self.items) and not self.skip:
            self.parts.append("*")
        if tag in _BLOCK and tag != "br":  # <br> is void: its line break came with the start tag
            self.parts.append("\n\n")

    def data(self, data: str) -> None:
        # A line break in the markup is white space; lines end at blocks and <br> (and inside <pre>).
        self.pending.append(data if self.pre else data.replace("\r", " ").replace("\n", " "))

    def _item_links(self, start: int) -> None:
        """A bulleted item as a text conversion of the page and the Markdown it was built from
        have it: with its bullet ("• Blog: [Title](/blog/…)", "• Hazewinkel, Michiel, ed. (2001) …
        <https://…>"), so it reads as one item of a list, not as loose linked words.

        Three kinds keep no bullet. An entry opened by its link ("Kay, M.G., 2012, Material Handling
        Equipment, Retrieved …", :func:`bibkaz.read.link_entries.is_entry`) is written as a line of
        a reference list, its links' addresses after their words and its links to the site's own
        pages (a wiki's to its articles) as words. An item of links and no word besides (a menu's, a
        list of sites: "[MEGA Software](https://…)") names sites: bulleted, seven such items of the
        dev part's Wikipedia pages were read as cited works.
        """
        item = "".join(self.parts[start:])
        lead = len(item) - len(item.lstrip())
        alone = not _WORD.search(_ANY_MARKDOWN_LINK.sub(" ", item))
        first = _MARKDOWN_LINK.search(item)
        shown = any(_bare(words) == _bare(url) for words, url in _MARKDOWN_LINK.findall(item))
        if first is not None and is_entry(item[: first.start()], _MARKDOWN_LINK.sub("", item), shown):
            # written as a line of a reference list already ("Title <https://…>: what it found"); a
            # bullet as well made a post's list of linked papers read as its reference list, and
            # the extract stage then passed over the post's linked words (dev3_swc_empirical_se_papers:
            # 23 of 25 works found without, 15 with)
            self.parts[start:] = [_SITE_LINK.sub(r"\1", _MARKDOWN_LINK.sub(_entry_link, item))]
            return
        if first is None and "<http" in item:
            item = _SITE_LINK.sub(r"\1", item)  # an entry written so already (a <cite> in the item)
        if item.strip() and not alone:
            item = item[:lead] + BULLET + item[lead:]
        self.parts[start:] = [item]

    def row(self, opening: bool) -> None:
        """A table row of plain cells opens or closes: written as a Markdown table's row ("| Land use
        | Grid (integer) | National Land Cover Database (Homer and others, 2015). |"), as the Markdown
        a page is built from and a text conversion show it. Its cells run together, a row read as
        a sentence naming authors and a year was taken for a reference (three in a USGS report's
        table of input grids, in each of its pages)."""
        self._flush()
        if opening:
            self.table_rows.append([0, 0])
            end = self.row_end
            if end is not None and not "".join(self.parts[end:]).strip():
                del self.parts[end:]  # the rows of a table are lines one after the other
            return
        cells, heads = self.table_rows.pop() if self.table_rows else (0, 0)
        if cells and not self.skip:
            self.parts.append(" |" + ("\n|" + "---|" * cells if heads == cells else "") + "\n")
            self.row_end = len(self.parts)

    def call(self, number: int) -> None:
        """A linked note call, written as the note's number in superscript digits."""
        self._flush()
        if not self.skip:
            self.parts.append(marked_call(number))

    def comment(self, text: str) -> None:
        """Comments are not text."""

    def close(self) -> str:
        self._flush()
        return "".join(self.parts)


def _bare(address: str) -> str:
    return _ADDRESS_NOISE.sub("", " ".join(address.split()).strip(" *.,;:()<>").lower())


def _entry_link(m: re.Match[str]) -> str:
    """An entry's Markdown link as a reference list writes it: "words <url>", or "<url>" alone when
    the words are the address (written twice, "http://www.gao.gov/products/PAD-81-31
    <http://www.gao.gov/products/PAD-81-31>", as the Markdown autolink it was built from was not)."""
    words, url = m.group(1), m.group(2)
    return f"<{url}>" if _bare(words) == _bare(url) else f"{words} <{url}>"


def _attributes(attrib: object) -> dict[str, str]:
    """An element's attributes; none when libxml2 kept a name lxml refuses to read (a control
    character or a malformed name in hostile markup), rather than a failed document."""
    if not hasattr(attrib, "items"):
        return {}
    try:
        return dict(attrib)  # type: ignore[call-overload]
    except ValueError:
        return {}


def _walk(root: etree._Element, target: _TextTarget, notes: PageNotes, inside: bool = False,
          unlinked: frozenset[etree._Element] = frozenset()) -> None:
    """Feed ``target`` the events of ``root``'s tree (only its content when ``inside``), with each
    note call written as its number, the notes and their back-links left out, and the links
    inside ``unlinked`` elements written as their words alone.

    Iterative: libxml2 nests up to thousands of levels, deeper than Python recurses.
    """
    stack: list[tuple[etree._Element, bool]] = [(c, False) for c in reversed(root)] if inside else [(root, False)]
    if inside and root.text:
        target.data(root.text)
    rows: set[etree._Element] = set()  # the open rows written as table rows
    while stack:
        element, closing = stack.pop()
        if closing:
            if element in rows:
                target.row(False)
                rows.discard(element)
            target.end(element.tag)
            if element in unlinked:
                target.unlinked -= 1
        elif not isinstance(element.tag, str) or element in notes.skip:
            pass
        elif element in notes.calls:
            target.call(notes.calls[element])
        else:
            if element in unlinked:
                target.unlinked += 1
            target.start(element.tag, element.attrib)
            if element.tag == "tr" and _plain_row(element):
                rows.add(element)
                target.row(True)
            if element.text:
                target.data(element.text)
            stack.append((element, True))
            stack.extend((child, False) for child in reversed(element))
            continue
        if element.tail and (element is not root or inside):
            target.data(element.tail)


#: What a table's cell may not hold for its row to be written as one line: blocks of their own.
_CELL_BLOCKS = frozenset({"p", "div", "ul", "ol", "li", "table", "br", "h1", "h2", "h3", "h4", "h5", "h6",
                          "blockquote", "pre", "section", "article", "dl", "figure"})


def _plain_row(row: etree._Element) -> bool:
    """Two cells or more, holding words and inline markup only (not a page laid out in a table)."""
    cells = [c for c in row if isinstance(c.tag, str) and c.tag in ("td", "th")]
    return len(cells) >= 2 and not any(isinstance(e.tag, str) and e.tag in _CELL_BLOCKS
                                       for cell in cells for e in cell.iterdescendants())


def note_line(number: int, note: etree._Element, notes: PageNotes | None = None) -> str:
    """One note as the notes' list writes it: "N. text", its links' addresses after their words, the
    number it writes itself ("[13]", "13.") and its back-link dropped. Shared with the Markdown reader,
    so notes a page's source keeps as HTML (in its front matter) read as the built page's do."""
    target = _TextTarget(in_note=True)
    _walk(note, target, notes or _NO_NOTES, inside=True)
    text = " ".join(unmarked(target.close()).split())
    own = re.match(rf"^(?:\[{number}\]\s*|\(?{number}\)?\.?\s+)", text)  # "[63]“Bill …": no space at times
    return f"{number}. " + _BACK_ARROW.sub("", text[own.end():] if own else text)


_NO_NOTES = PageNotes(calls={}, notes=(), skip=frozenset(), heading="")


def _note_lines(notes: PageNotes) -> str:
    """The notes as a numbered list under their heading, one line each, in number order."""
    if not notes.notes:
        return ""
    lines = [marked_note(note_line(number, note, notes)) for number, note in notes.notes]
    return "\n\n" + (notes.heading or "Notes") + "\n\n" + "\n\n".join(lines) + "\n"


def _parsed(html: str) -> etree._Element | None:
    """The page's tree as libxml2 recovers it from any markup; None when it finds no element."""
    parser = etree.HTMLParser(recover=True, huge_tree=True, remove_comments=True)
    parser.feed(html)
    return parser.close()


def _raw_text(html: str) -> tuple[str, str]:
    """The page's front matter and the markup's text, parsed by libxml2; tags simply dropped if it
    gives up.

    The front matter is the page's bibliographic ``<meta>`` tags (Highwire ``citation_*``, Dublin
    Core, Open Graph), as a front-matter block of the kind Markdown pages open with, so the
    document's own record reads both the same way.
    """
    try:
        root = _parsed(html)
        if root is not None and too_deep(root):
            root = _parsed(flattened(html))  # libxml2 stopped at its depth limit: the rest was lost
    except (etree.LxmlError, ValueError):
        return "", _TAG.sub(" ", html)
    if root is None:
        return "", ""  # libxml2 found no element: nothing a reader sees
    localise(root)  # a converted page's links to its own address are in-page links
    keyed_citations(root)  # a docutils page's "<dt>KEY</dt><dd>reference</dd>" as one line, "[KEY] reference"
    citations = page_citations(root)
    for element, text in citations.calls.items():  # a keyed citation as the browser shows it: "[2, 3]"
        for child in list(element):
            element.remove(child)
        element.text = text
    notes = find_notes(root)
    # the site around the text (menus, header, sidebars) is left out as notes' lists are; a page
    # footer is read without its links
    chrome = page_chrome(root, notes)
    notes = replace(notes, skip=notes.skip | chrome.drop)
    target = _TextTarget()
    _walk(root, target, notes, unlinked=chrome.unlinked)
    # a Distill page's title and writers, held in a script block, as the <meta> tags it has not
    stated = {name for name, _ in target.meta}
    meta = target.meta + [(name, value) for name, value in front_matter_meta(root) if name not in stated]
    # the page's schema.org record (a news site's, a blog's), for what its <meta> tags do not state
    body = target.close()
    meta += json_ld_meta(root, {name for name, _ in meta}, body)
    return front_matter_block(meta), body + _note_lines(notes) + _reference_lines(citations.entries)


def _reference_lines(entries: tuple[str, ...]) -> str:
    """A page's BibTeX works (:mod:`bibkaz.read.html_bibliography`) as the numbered list its browser prints."""
    if not entries:
        return ""
    return "\n\nReferences\n\n" + "\n\n".join(f"{n}. {entry}" for n, entry in enumerate(entries, start=1)) + "\n"


def _one_number(line: str) -> str:
    """A line whose list number is written twice ("1. 1. …") with it once; a marked note's line alike."""
    if line.startswith(NOTE_OPEN):
        return NOTE_OPEN + _ONE_NUMBER.sub(r"\1", line[1:])
    return _ONE_NUMBER.sub(r"\1", line)


#: A value YAML reads as it stands (a plain scalar): no opening indicator, no ": " or " #" inside.
_PLAIN = re.compile(r"^(?![-?:,\[\]{}#&*!|>'\"%@`\s])(?!.*(?:: | #))(?!.*[:\s]$).+$")


def _scalar(value: str) -> str:
    """A list item's value as a Markdown page's front matter writes it: plain ("  - Pao Corrales")
    when YAML reads it so, quoted otherwise. Quoted, a list of names read as a list of titles:
    pandoc's page of an rOpenSci post gave its four authors as four cited works."""
    return value if _PLAIN.match(value) else json.dumps(value, ensure_ascii=False)


def front_matter_block(meta: list[tuple[str, str]]) -> str:
    """``(name, value)`` pairs as the front-matter block a Markdown page opens with (a name given
    several values is a list); shared with the Word reader, whose title-block paragraphs are the
    same record."""
    if not meta:
        return ""
    values: dict[str, list[str]] = {}
    for name, content in meta:
        values.setdefault(name, []).append(content.replace("\n", " "))
    lines = ["---"]
    for name, contents in values.items():
        if len(contents) == 1:
            lines.append(f"{name}: {json.dumps(contents[0], ensure_ascii=False)}")
        else:
            lines.append(f"{name}:")
            lines.extend(f"  - {_scalar(c)}" for c in contents)
    lines.append("---")
    return "\n".join(lines) + "\n\n"


#: A static-site page's source opens with front matter (Hugo, Jekyll): "---" YAML or "+++" TOML lines.
_FRONT = re.compile(r"\A\s*(---|\+\+\+)[ \t]*\n(?:.*?\n)?\1[ \t]*(?:\n|\Z)", re.S)


def html_to_text(html: str) -> str:
    """Plain text of ``html``: one line per block, runs of blank lines collapsed.

    The front matter of a static site's HTML page source is kept as it stands, line by line
    (it is the page's own record, read as a Markdown page's is); the HTML after it is read.
    """
    return unmarked(html_to_marked_text(html))


def html_to_marked_text(html: str) -> str:
    """:func:`html_to_text` with the page's notes and note calls marked (:mod:`bibkaz.read.note_marks`)."""
    front = _FRONT.match(html)
    if front:
        return front.group(0).strip() + "\n\n" + html_to_marked_text(html[front.end():])
    meta, text = _raw_text(html)
    lines = [_one_number(" ".join(line.split())) for line in text.split("\n")]
    # a printed report's running footer, kept by its conversion to a web page, is no text of it
    running = running_lines([unmarked(line) for line in lines])
    lines = ["" if i in running else line for i, line in enumerate(lines)]
    # the front matter made of <meta> tags keeps its lines as written: a list's items indented under
    # their key ("  - Pao Corrales"), as a Markdown page's own front matter has them
    out: list[str] = [*meta.rstrip("\n").split("\n"), ""] if meta else []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip() + "\n"

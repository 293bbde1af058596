"""The web addresses behind a PDF page's link annotations, as (box, URL), and how they are written.

A brief links a cited report's title or a case name to its source; the text
layer shows only the words. :func:`with_links` marks where each link's words
open and close on the glyphs; once the page's lines are known,
:func:`render_links` writes them as the Word and HTML readers write links: a
Markdown link ("[words](https://…)") in running text, the address after the
words ("Title <https://…>") in a note or a reference entry. Words that are the
address already get nothing.
"""

from __future__ import annotations

import ctypes
import re
from bisect import bisect_right
from typing import NamedTuple, Sequence

from bibkaz.read.pdf_layout import LINK_CLOSE, LINK_END, LINK_OPEN, Glyph

#: An open mark, the linked words (no other open between), the close mark, the URL, the end mark.
_MARKED = re.compile(f"{LINK_OPEN}([^{LINK_OPEN}{LINK_CLOSE}]*){LINK_CLOSE}([^{LINK_END}]*){LINK_END}")
_CLOSE_ONLY = re.compile(f"{LINK_CLOSE}([^{LINK_END}]*){LINK_END}")

#: Linked words that are an address themselves: nothing to add.
_ADDRESS_LIKE = re.compile(r"(?:://|^www\.|^doi:|^10\.\d{4,9}/|\.(?:gov|org|com|edu|net)\b)", re.I)


class Link(NamedTuple):
    """A link's rectangle (PDF user space) and its URI."""

    x0: float
    y0: float
    x1: float
    y1: float
    url: str


def page_links(document: object, page: object, raw: object) -> list[Link]:
    """The URI links of one page, in the page's annotation order."""
    out: list[Link] = []
    pos = ctypes.c_int(0)
    link = raw.FPDF_LINK()  # type: ignore[attr-defined]
    rect = raw.FS_RECTF()  # type: ignore[attr-defined]
    doc_handle, page_handle = document.raw, page.raw  # type: ignore[attr-defined]
    while raw.FPDFLink_Enumerate(page_handle, ctypes.byref(pos), ctypes.byref(link)):  # type: ignore[attr-defined]
        action = raw.FPDFLink_GetAction(link)  # type: ignore[attr-defined]
        if not action or raw.FPDFAction_GetType(action) != raw.PDFACTION_URI:  # type: ignore[attr-defined]
            continue
        size = raw.FPDFAction_GetURIPath(doc_handle, action, None, 0)  # type: ignore[attr-defined]
        if size <= 1 or size > 4096:
            continue
        buffer = ctypes.create_string_buffer(size)
        raw.FPDFAction_GetURIPath(doc_handle, action, buffer, size)  # type: ignore[attr-defined]
        url = buffer.value.decode("utf-8", errors="replace").strip()
        if not url.lower().startswith(("http://", "https://", "ftp://")):
            continue
        if not raw.FPDFLink_GetAnnotRect(link, ctypes.byref(rect)):  # type: ignore[attr-defined]
            continue
        out.append(Link(min(rect.left, rect.right), min(rect.bottom, rect.top),
                        max(rect.left, rect.right), max(rect.bottom, rect.top), url))
    return out


def with_links(glyphs: Sequence[Glyph], links: Sequence[Link]) -> list[Glyph]:
    """The glyphs, the first glyph under each link opening it and the last carrying its URL.

    A link drawn over two lines is two annotations with one URL: it opens on
    the first and closes on the last. Words that show an address already are
    left alone (the address is in the text).
    """
    out = list(glyphs)
    groups: list[list[Link]] = []
    for link in links:
        if groups and groups[-1][-1].url == link.url:
            groups[-1].append(link)
        else:
            groups.append([link])
    for group in groups:
        inside = [i for link in group for i, g in enumerate(out) if g.text != " "
                  and link.x0 - 1 <= (g.x0 + g.x1) / 2 <= link.x1 + 1 and link.y0 - 1 <= g.base <= link.y1 + 1]
        if not inside:
            continue
        words = "".join(out[i].text for i in sorted(set(inside), key=lambda i: (-out[i].base, out[i].x0)))
        if _ADDRESS_LIKE.search(words) or group[0].url in words:
            continue
        first = min(inside, key=lambda i: (-out[i].base, out[i].x0))
        last = max(inside, key=lambda i: (-out[i].base, out[i].x1))
        out[first] = out[first]._replace(opens=True)
        out[last] = out[last]._replace(link=group[0].url)
    return out


def render_links(lines: Sequence[str], references: Sequence[bool]) -> list[str]:
    """Lines with their link marks written out as the HTML and Word readers write links.

    In a note or a reference entry (``references[i]`` for the line a link closes
    on) the address is the cited work's and follows its words ("Title <https://…>");
    in running text the link is a Markdown link ("[words](https://…)"), which the
    extract stage reads as linked words. Marks left open (a link cut by a dropped
    running head) are removed.
    """
    text = "\n".join(lines)
    if LINK_OPEN not in text and LINK_CLOSE not in text:
        return list(lines)
    ends = [0]
    for line in lines:
        ends.append(ends[-1] + len(line) + 1)

    def line_of(offset: int) -> int:
        return max(0, bisect_right(ends, offset) - 1)

    def write(m: re.Match[str]) -> str:
        words, url = m.group(1), m.group(2)
        if references[min(line_of(m.end()), len(references) - 1)]:
            return f"{words} <{url}>"
        if not words.strip() or "[" in words or "]" in words:
            return words
        lead, core, trail = words[: len(words) - len(words.lstrip())], words.strip(), words[len(words.rstrip()):]
        return f"{lead}[{core}]({url}){trail}"

    written = _MARKED.sub(write, text)
    # a close whose open was lost: the address follows the words; an open never closed: dropped
    written = _CLOSE_ONLY.sub(lambda m: f" <{m.group(1)}>", written).replace(LINK_OPEN, "")
    return written.split("\n")

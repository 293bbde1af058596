"""The web addresses behind a PDF page's link annotations, as (box, URL).

A brief links a cited report's title or a case name to its source; the text
layer shows only the words. The layout step (:func:`bibkaz.read.pdf_layout.page_lines`)
writes the address after the linked words ("Foster v. King (https://…)"), as the
Word and HTML readers do, unless the words are the address already.
"""

from __future__ import annotations

import ctypes
import re
from typing import NamedTuple, Sequence

from bibkaz.read.pdf_layout import Glyph

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
    """The glyphs, the last glyph under each link carrying its URL.

    A link drawn over two lines is two annotations with one URL: only the last
    carries it. Words that show an address already carry none.
    """
    out = list(glyphs)
    for n, link in enumerate(links):
        if n + 1 < len(links) and links[n + 1].url == link.url:
            continue
        inside = [i for i, g in enumerate(out) if g.text != " " and link.x0 - 1 <= (g.x0 + g.x1) / 2 <= link.x1 + 1
                  and link.y0 - 1 <= g.base <= link.y1 + 1]
        if not inside:
            continue
        words = "".join(out[i].text for i in inside)
        if _ADDRESS_LIKE.search(words) or link.url in words:
            continue
        last = max(inside, key=lambda i: (-out[i].base, out[i].x1))
        out[last] = out[last]._replace(link=link.url)
    return out

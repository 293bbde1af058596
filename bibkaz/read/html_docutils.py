"""Citation lists as docutils writes them (Sphinx, Jupyter Book, sphinxcontrib-bibtex).

A docutils page keeps its bibliography as ``<dl class="citation">``: each work's key in a ``<dt>``
("ESN+04", its brackets drawn by the style sheet, then back-links "(1,2)" to the calls) and the
reference in the ``<dd>`` after it; the text calls it "[ESN+04]". Read block by block, the key
and the reference stood on lines of their own and the list read as a run of short lines (a World Bank
Jupyter Book page: 16 works, none found). Here each item is written as the browser shows it, one
line: "[ESN+04] Christopher D Elvidge, …, 2004.", the keyed-list shape the extract stage reads
("[RFC5280] Cooper D, …"). Footnote lists (``<dl class="footnote">``, or the older ``<table
class="docutils footnote">``) are left to the notes reader.
"""

from __future__ import annotations

import re

from lxml import etree

#: The class of a docutils citation list.
_CITATION_LIST = re.compile(r"\bcitation\b")
#: The back-links after a key: "(1,2)", "(1, 2, 3)".
_BACK_LINKS = re.compile(r"\s*\(\d+(?:\s*,\s*\d+)*\)\s*$")


def keyed_citations(root: etree._Element) -> None:
    """Each docutils citation item written on one line, "[KEY] reference" (the tree is changed)."""
    for dl in root.iter("dl"):
        if not _CITATION_LIST.search(dl.get("class", "")):
            continue
        for dt in [child for child in dl if child.tag == "dt"]:
            dd = dt.getnext()
            if dd is None or dd.tag != "dd":
                continue
            brackets = dt.find(".//span[@class='brackets']")
            key = "".join((brackets if brackets is not None else dt).itertext())
            key = _BACK_LINKS.sub("", " ".join(key.split())).strip("[] ")
            if not key:
                continue
            # the key goes before the reference's first words, inside its first block, so both read as one line
            first = dd[0] if len(dd) and dd[0].tag == "p" and not (dd.text or "").strip() else dd
            first.text = f"[{key}] " + (first.text or "").lstrip()
            tail = dt.tail
            dl.remove(dt)
            if tail and tail.strip():
                dd.text = tail + (dd.text or "")

"""Files read from their layout, not decoded as text: PDF and Word (.docx).

One entry point so that :mod:`bibkaz.read` adds a single branch for them; each
format's reader raises :class:`~bibkaz.model.InputError` with one line for a file
it cannot read, which the pipeline reports while the other files go on.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from bibkaz.model import Document
from bibkaz.read.formats import PDF_SUFFIXES

#: PDFs and Word files carry images and fonts: a long report is larger than any text file.
MAX_LAID_OUT_BYTES = 200 * 1024 * 1024
#: Write PDF link annotations as the HTML and Word readers write links (Markdown links in running
#: text, "words <url>" in notes and entries: bibkaz/read/pdf_links.py). Off: on the 22 dev PDFs it
#: finds 336 works against 337 and the spurious share goes from 11.4 % to 39.7 % (230 of 580), almost
#: all from CRS Insights, In Focus and Legal Sidebars that link words in running text ("announced",
#: a statute, a case) and have no notes, which the extract stage then reads as citing by hyperlink
#: (bench/pdf_vs_text.py --links, docs/benchmarks.md). Turn on once it tells such links from sources.
PDF_LINK_TARGETS = False


def read_laid_out(path: Path, raw: bytes) -> Document:
    """A PDF's or a .docx file's Document: its text with the structure kept as text conventions."""
    digest = hashlib.sha256(raw).hexdigest()
    if path.suffix.lower() in PDF_SUFFIXES:
        from bibkaz.read.pdf import pdf_to_text

        paged = pdf_to_text(raw, str(path), links=PDF_LINK_TARGETS)
        # the text is Unicode from the file itself: no encoding was guessed, so none to warn about
        return Document(id=path.stem, path=str(path), text=paged.text, encoding="utf-8", sha256=digest,
                        pages=paged.pages)
    from bibkaz.read.docx import read_docx

    read = read_docx(raw, str(path))
    return Document(id=path.stem, path=str(path), text=read.text, encoding="utf-8", sha256=digest,
                    notes=read.notes, calls=read.calls)

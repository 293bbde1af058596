"""PDF → text that keeps what the page shows: reading order, raised note calls,
page feet, page breaks. The glyphs come from PDFium through pypdfium2 (see
docs/decisions.md: fast C, Apache/BSD licences, recovers damaged files; PyMuPDF
is AGPL and pdfminer.six is a tenth of the speed).

Per glyph we read its character, origin (the baseline point), box and font
size; :mod:`bibkaz.read.pdf_layout` makes lines of them and
:mod:`bibkaz.read.pdf_pages` the document. A file without a text layer, an
encrypted one or a damaged one raises :class:`~bibkaz.model.InputError` with one
line saying so, so that the other files of a run go on.
"""

from __future__ import annotations

import ctypes
import math
import threading

from bibkaz.model import InputError
from bibkaz.read.pdf_layout import Glyph, PageLine, page_lines
from bibkaz.read.pdf_links import page_links, with_links
from bibkaz.read.pdf_pages import PagedText, assemble

#: PDFium is not thread-safe: one document at a time in a process (Dask workers use threads).
_LOCK = threading.Lock()
#: Fewer non-space characters than this per page on average: the pages are images.
_MIN_CHARS_PER_PAGE = 20
NO_TEXT = "no text layer: run OCR first, e.g. ocrmypdf"
#: A glyph whose baseline the text matrix turns by more than about 3° from the page's lines is drawn
#: turned. Only the baseline's direction (the matrix's a, b) counts: a slanted font (c, a shear, with
#: b = 0) is still set along the line. Counting the shear too, a Manubot PDF's synthetic italics
#: were taken for a watermark's letters and dropped: every journal name of the eLife manuscript's
#: 130 references ("Journal of Hymenoptera Research (2017-08-31)" read "(2017-08-31)").
TURNED = 0.05
#: Turned glyphs are dropped when fewer than this share of a page's glyphs are turned.
MAX_TURNED_SHARE = 0.2
#: PDFium keeps what it parsed of every page it has opened (fonts, objects) until the document is
#: closed: a 1,011-page PDF peaked at 175 MB for PDFium alone. The document is opened afresh every
#: this many pages, so memory stays flat with page count (bench/pdf_vs_text.py --speed).
PAGES_PER_OPEN = 100


def _page_glyphs(textpage: object, raw: object) -> list[Glyph]:
    """Every drawn glyph of a text page; whitespace glyphs kept as word marks, line breaks PDFium made dropped."""
    handle = textpage.raw  # type: ignore[attr-defined]
    count = raw.FPDFText_CountChars(handle)  # type: ignore[attr-defined]
    x, y = ctypes.c_double(), ctypes.c_double()
    box = raw.FS_RECTF()  # type: ignore[attr-defined]
    matrix = raw.FS_MATRIX()  # type: ignore[attr-defined]
    get_matrix, matrix_ref = raw.FPDFText_GetMatrix, ctypes.byref(matrix)  # type: ignore[attr-defined]
    get_unicode, get_origin = raw.FPDFText_GetUnicode, raw.FPDFText_GetCharOrigin  # type: ignore[attr-defined]
    # the loose box spans the glyph's advance, not its ink: "1" and "9" of "19" touch
    get_box, get_size = raw.FPDFText_GetLooseCharBox, raw.FPDFText_GetFontSize  # type: ignore[attr-defined]
    x_ref, y_ref, box_ref = ctypes.byref(x), ctypes.byref(y), ctypes.byref(box)
    out: list[Glyph] = []
    turned: list[int] = []  # indexes in ``out`` of glyphs drawn turned (not along the page's lines)
    for i in range(count):
        code = get_unicode(handle, i)
        if code in (10, 13) or code == 0 or code == 0xFFFE or 0xDC00 <= code <= 0xDFFF:
            continue  # a low surrogate was read with its high one below
        if 0xD800 <= code <= 0xDBFF:
            # PDFium gives UTF-16 units: a character beyond the BMP (𝑥, an emoji) is a pair, never a lone half
            low = get_unicode(handle, i + 1) if i + 1 < count else 0
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00) if 0xDC00 <= low <= 0xDFFF else 0xFFFD
        char = chr(code) if code < 0x110000 else "\ufffd"
        get_origin(handle, i, x_ref, y_ref)
        font_size = get_size(handle, i)
        if char.isspace() and font_size <= 1.0 and raw.FPDFText_IsGenerated(handle, i):  # type: ignore[attr-defined]
            # A space PDFium made up is no word mark (it makes some inside words), but it stands where
            # the glyph before it ends its advance. An "f" inks past its advance, and its box, reaching
            # over the word space after it, glued the words ("ofCRS Report", "as ofJune 15": 250 words
            # in the dev PDFs): the gap is measured from where the advance ends.
            if out and out[-1].text != " " and out[-1].x0 < x.value < out[-1].x1 and abs(out[-1].base - y.value) < 0.5:
                out[-1] = out[-1]._replace(x1=x.value)
            continue
        # the size as drawn: a font set at 1 pt and scaled by the text matrix (Tf 1, Tm 10.9) is 10.9 pt;
        # the glyph's height across its baseline, so a slanted font (a shear) is as large as upright
        has_matrix = get_matrix(handle, i, matrix_ref)
        scale = _height(matrix) if has_matrix else 1.0
        size = round(font_size * (scale or 1.0), 1)  # rounded once: sizes are compared and counted per line
        if has_matrix and abs(matrix.b) > TURNED * abs(matrix.a):
            turned.append(len(out))
        if char.isspace():
            out.append(Glyph(" ", x.value, x.value, round(y.value, 1), size))
            continue
        get_box(handle, i, box_ref)
        slant = abs(matrix.c / matrix.d) if has_matrix and matrix.d and not matrix.b else 0.0
        if slant > TURNED:
            # a slanted glyph's loose box spans its advance and its slant, over the word space after it
            # ("JournalofHymenopteraResearch"): from its origin, the slant across its height taken off
            right = max(box.right - slant * (box.top - box.bottom), x.value)
            out.append(Glyph(char, x.value, right, round(y.value, 1), size))
            continue
        out.append(Glyph(char, min(box.left, x.value), max(box.right, box.left), round(y.value, 1), size))
    if turned and len(turned) < MAX_TURNED_SHARE * len(out):
        # a few turned glyphs on a page of level text are a watermark or a stamp across the page (a
        # JOSS draft's "DRAFT" at 45°, whose letters fell into lines: "quesAtion") or a label up the
        # margin; a page whose text is all turned (a landscape table drawn turned) keeps it
        drop = set(turned)
        out = [g for n, g in enumerate(out) if n not in drop]
    return out


def _height(matrix: object) -> float:
    """How far the text matrix scales a glyph across its baseline: the scale of an upright or turned
    one, the upright scale of a slanted one (a shear, whose matrix's c is not part of its size)."""
    a, b, c, d = matrix.a, matrix.b, matrix.c, matrix.d  # type: ignore[attr-defined]
    along = math.hypot(a, b)
    return abs(a * d - b * c) / along if along else math.hypot(c, d)


def _open(data: bytes, path: str) -> object:
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        message = str(exc).lower()
        if "password" in message:
            raise InputError(path, "encrypted PDF (needs a password): decrypt it first, e.g. qpdf --decrypt") from None
        raise InputError(path, f"damaged or not a PDF ({exc}): repair it first, e.g. qpdf or ocrmypdf") from None


def pdf_pages(data: bytes, path: str, links: bool = True) -> list[list[PageLine | None]]:
    """Each page's lines in reading order (None: a blank line), link targets after their words
    when ``links``. Raises InputError for unreadable files."""
    import pypdfium2.raw as raw

    with _LOCK:
        document = _open(data, path)
        try:
            pages: list[list[PageLine | None]] = []
            ink = 0
            for index in range(len(document)):  # type: ignore[arg-type]
                if index and index % PAGES_PER_OPEN == 0:
                    document.close()  # type: ignore[attr-defined]
                    document = _open(data, path)
                page = document[index]  # type: ignore[index]
                try:
                    textpage = page.get_textpage()
                    try:
                        glyphs = _page_glyphs(textpage, raw)
                    finally:
                        textpage.close()
                    if links:
                        glyphs = with_links(glyphs, page_links(document, page, raw))
                    height = page.get_height()
                finally:
                    page.close()
                ink += sum(1 for g in glyphs if not g.text.isspace())
                pages.append(page_lines(glyphs, height) if glyphs else [])
        finally:
            document.close()  # type: ignore[attr-defined]
    if not pages:
        raise InputError(path, "PDF has no pages")
    if ink < _MIN_CHARS_PER_PAGE * len(pages):
        raise InputError(path, NO_TEXT)
    return pages


def pdf_to_text(data: bytes, path: str, keep_furniture: bool = False, links: bool = True) -> PagedText:
    """The document text of a PDF's bytes and each line's page."""
    return assemble(pdf_pages(data, path, links=links), keep_furniture=keep_furniture)

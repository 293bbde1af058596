"""Which files bibkaz reads, and what it tells a user about the ones it does not.

A user who points bibkaz at a PDF or a Word file should learn, in one line,
which formats are read and the one command that converts theirs.
"""

from __future__ import annotations

#: Extensions read as documents; everything else in a folder is ignored.
TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".rst"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
#: Read from their layout (bibkaz/read/pdf.py, bibkaz/read/docx.py), not decoded as text.
PDF_SUFFIXES = {".pdf"}
DOCX_SUFFIXES = {".docx"}
LAID_OUT_SUFFIXES = PDF_SUFFIXES | DOCX_SUFFIXES
DOCUMENT_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | LAID_OUT_SUFFIXES

_READ = "bibkaz reads text documents (.txt, .md, .rst, .html), and .pdf and .docx files by their extension"
#: (magic bytes, what the file is, how to convert it)
_KNOWN = (
    (b"%PDF-", "a PDF file", "pdftotext -layout FILE.pdf FILE.txt"),
    (b"PK\x03\x04", "a Word/OpenDocument (zip) file", "pandoc FILE.docx -t plain -o FILE.txt"),
    (b"{\\rtf", "an RTF file", "pandoc FILE.rtf -t plain -o FILE.txt"),
    (b"\xd0\xcf\x11\xe0", "an old Word (.doc) file", "antiword FILE.doc > FILE.txt"),
)


def binary_kind(raw: bytes) -> str | None:
    """What a non-text file is, as a one-line message with the command to convert it; None for text."""
    for magic, what, convert in _KNOWN:
        if raw.startswith(magic):
            return f"{what}, not a text document: {_READ}; rename it or convert it, e.g. `{convert}`"
    if b"\x00" in raw[:8192]:
        return (f"binary file (contains NUL bytes), not a text document: {_READ}; convert PDFs with "
                f"`pdftotext` and Word files with `pandoc -t plain`")
    return None


def undecodable_message() -> str:
    """For bytes full of control characters: text in no encoding we know."""
    return f"binary or undecodable file, not a text document: {_READ}"

"""Which files bibkaz reads, and what it tells a user about the ones it does not.

The one place that lists the formats: the readers pick by these extensions, and
``bibkaz extract --help``, the folder-without-documents error and the messages
for a binary file all read their wording from here, so none of them can name a
format that is not read or leave one out. A user who points bibkaz at a file
it does not read learns, in one line, what is read and the one command that
converts theirs.
"""

from __future__ import annotations

#: Extensions read as documents; everything else in a folder is ignored.
MARKDOWN_SUFFIXES = {".md", ".markdown"}
TEXT_SUFFIXES = {".txt", ".text", ".rst"} | MARKDOWN_SUFFIXES
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
#: Read from their layout (bibkaz/read/pdf.py, bibkaz/read/docx.py), not decoded as text.
PDF_SUFFIXES = {".pdf"}
DOCX_SUFFIXES = {".docx"}
LAID_OUT_SUFFIXES = PDF_SUFFIXES | DOCX_SUFFIXES
DOCUMENT_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | LAID_OUT_SUFFIXES

#: (what a user calls it, its extensions, most usual first), in the order the help names them.
_KINDS = (
    ("text and Markdown", (".txt", ".md", ".rst", ".text", ".markdown")),
    ("web pages", (".html", ".htm", ".xhtml")),
    ("PDF with a text layer", (".pdf",)),
    ("Word", (".docx",)),
)
assert {s for _, suffixes in _KINDS for s in suffixes} == DOCUMENT_SUFFIXES, "every read format named once"

#: How to turn what bibkaz does not read into what it does.
CONVERT = ("convert other files first: a scanned PDF with `ocrmypdf IN.pdf OUT.pdf`, .odt, .rtf or .epub with "
           "`pandoc FILE -o FILE.docx`, an old .doc with `libreoffice --headless --convert-to docx FILE.doc`")


def formats_read() -> str:
    """The formats read: ".txt, .md, .rst, .text, .markdown (text and Markdown), .html, … (web pages), …"."""
    return ", ".join(f"{', '.join(suffixes)} ({name})" for name, suffixes in _KINDS)


def help_paragraph() -> str:
    """What ``bibkaz extract --help`` says about its PATHS' formats."""
    return f"Formats read, by extension: {formats_read()}; {CONVERT}."


_READ = f"bibkaz reads {formats_read()}"
#: (magic bytes, what the file is, how to convert it)
_KNOWN = (
    (b"%PDF-", "a PDF file", "rename it to FILE.pdf, or `pdftotext -layout FILE FILE.txt`"),
    (b"PK\x03\x04", "a Word/OpenDocument (zip) file", "rename a Word file to FILE.docx, or `pandoc FILE -o FILE.docx`"),
    (b"{\\rtf", "an RTF file", "`pandoc FILE.rtf -o FILE.docx`"),
    (b"\xd0\xcf\x11\xe0", "an old Word (.doc) file", "`libreoffice --headless --convert-to docx FILE.doc`"),
)


def binary_kind(raw: bytes) -> str | None:
    """What a non-text file with a text extension is, as a one-line message with the command
    to convert it; None for text."""
    for magic, what, convert in _KNOWN:
        if raw.startswith(magic):
            return f"{what}, not a text document: {_READ}; {convert}"
    if b"\x00" in raw[:8192]:
        return f"binary file (contains NUL bytes), not a text document: {_READ}; {CONVERT}"
    return None


def undecodable_message() -> str:
    """For bytes full of control characters: text in no encoding we know."""
    return f"binary or undecodable file, not a text document: {_READ}"

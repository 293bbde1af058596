"""Reading input files into Documents: one reader per format, one entry point.

:func:`read_document` picks the reader by file extension; :func:`discover` lists
the documents under the paths a user gave. :func:`read_with_problems` also
returns what a user should know about the reading (bytes replaced in decoding).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Iterable

from bibkaz.model import Document, InputError, Problem
from bibkaz.read.decode import decode_bytes
from bibkaz.read.formats import (
    DOCUMENT_SUFFIXES, HTML_SUFFIXES, LAID_OUT_SUFFIXES, MARKDOWN_SUFFIXES, TEXT_SUFFIXES, formats_read,
)
from bibkaz.read.html import html_to_marked_text
from bibkaz.read.laid_out import MAX_LAID_OUT_BYTES, read_laid_out
from bibkaz.read.markdown import markdown_to_text_and_origin
from bibkaz.read.note_marks import MarkedText, take_marks

__all__ = ["DOCUMENT_SUFFIXES", "HTML_SUFFIXES", "TEXT_SUFFIXES", "MAX_BYTES", "discover", "read_document",
           "read_with_problems"]

#: Larger files are refused: no brief is this long, and parsing it would stall the run.
MAX_BYTES = 20 * 1024 * 1024


def discover(paths: Iterable[Path]) -> list[Path]:
    """Every document file named or found (recursively) under ``paths``, sorted.

    A folder without any document is an error: it is almost always a wrong path.
    """
    found: list[Path] = []
    for path in paths:
        if not path.exists():
            raise InputError(str(path), "no such file or folder")
        if path.is_dir():
            inside = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES
                            and not any(part.startswith(".") for part in p.relative_to(path).parts))
            if not inside:
                raise InputError(str(path), f"no documents in this folder: bibkaz reads {formats_read()}")
            found.extend(inside)
        else:
            found.append(path)
    return found


def read_with_problems(path: Path) -> tuple[Document, list[Problem]]:
    """Read and decode one file, and the warnings decoding gave.

    Raises InputError naming the file when it cannot be read at all (missing,
    too large, empty, binary); undecodable bytes are replaced, never fatal.
    """
    try:
        size = path.stat().st_size
        laid_out = path.suffix.lower() in LAID_OUT_SUFFIXES
        limit = MAX_LAID_OUT_BYTES if laid_out else MAX_BYTES
        if size > limit:
            raise InputError(str(path), f"file is {size // (1024 * 1024)} MiB, over the {limit // (1024 * 1024)} MiB limit")
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None
    if not raw.strip():
        raise InputError(str(path), "file is empty")
    if laid_out:
        return read_laid_out(path, raw), []
    decoded = decode_bytes(raw, str(path))
    problems = [Problem(str(path), decoded.warning, decoded.bad_line)] if decoded.warning else []
    text = decoded.text
    origin: tuple[int, ...] = ()
    html = path.suffix.lower() in HTML_SUFFIXES
    if html:
        text = html_to_marked_text(text)
    elif path.suffix.lower() in MARKDOWN_SUFFIXES:
        text, origin = markdown_to_text_and_origin(text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # a web page's notes and calls as data, read off the marks its reader wrote (bibkaz/read/note_marks.py)
    marked = take_marks(text) if html else MarkedText(text, (), ())
    document = Document(id=path.stem, path=str(path), text=marked.text, encoding=decoded.encoding,
                        sha256=hashlib.sha256(raw).hexdigest(), origin=origin, notes=marked.notes, calls=marked.calls)
    return document, problems


def read_document(path: Path) -> Document:
    """Read and decode one file. Raises InputError naming the file on any problem."""
    return read_with_problems(path)[0]

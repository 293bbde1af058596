"""Writing BibTeX through bibtexparser 2, with a header that says bibkaz wrote it.

The header carries a checksum of everything below it, so bibkaz can tell a file
it wrote (safe to overwrite) from one a user wrote or edited by hand (kept
unless ``--force``).
"""

from __future__ import annotations

import hashlib
from collections import deque
from concurrent.futures import Executor, Future
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator, Sequence

import bibtexparser
from bibtexparser import model as bpmodel

from bibkaz import __version__
from bibkaz.formats.bibtex.fields import DIALECTS, MONTH_MACROS
from bibkaz.formats.bibtex.protect import proper_nouns_from
from bibkaz.formats.bibtex.safe import balanced, safe_key
from bibkaz.model import BibkazError, Library, Record

HEADER_PREFIX = "% Written by bibkaz"
REVIEW_FIELD = "bibkaz-review"


def _entry(key: str, record: Record, dialect: str, known: frozenset[str]) -> bpmodel.Entry:
    entry_type, pairs = DIALECTS[dialect](record, known)
    fields = []
    for name, value in pairs:
        if dialect == "bibtex" and name == "month" and value in MONTH_MACROS:
            fields.append(bpmodel.Field(name, value, enclosing="no-enclosing"))
        else:
            # Every value is escaped already; balanced() is the net that keeps any
            # path that forgot from letting document text change the file's structure.
            fields.append(bpmodel.Field(name, balanced(value)))
    if record.needs_review:
        fields.append(bpmodel.Field(REVIEW_FIELD, f"parser confidence {record.confidence:.2f}"))
    return bpmodel.Entry(entry_type, safe_key(key), fields)


def format_entries(records: Sequence[tuple[str, Record]], dialect: str = "biblatex",
                   known: frozenset[str] | None = None) -> str:
    """BibTeX text for (key, record) pairs, no header: for ``bibkaz parse`` and tests.

    ``known`` is the library's proper nouns (:func:`bibkaz.formats.bibtex.protect.proper_nouns_from` of every title); by default those of
    ``records``. A streamed .bib formats its entries a chunk at a time with the whole
    library's, so each chunk's text is what one call over every entry would give."""
    if dialect not in DIALECTS:
        raise BibkazError(f"unknown BibTeX dialect {dialect!r} (use biblatex or bibtex)")
    if known is None:
        known = proper_nouns_from(r.title for _, r in records)
    lib = bibtexparser.Library([_entry(k, r, dialect, known) for k, r in records])
    fmt = bibtexparser.BibtexFormat()
    fmt.indent = "  "
    fmt.block_separator = "\n"
    # The library is ours and thrown away: in place (no deep copy of every entry, and
    # none of the warning bibtexparser logs on stderr for a large library).
    stack = bibtexparser.middlewares.default_unparse_stack(allow_inplace_modification=True)
    return bibtexparser.write_string(lib, unparse_stack=stack, bibtex_format=fmt).strip() + "\n"


def _checksum(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]


def header(count: int, dialect: str, checksum: str) -> str:
    """The first line of a .bib bibkaz wrote, and the blank line after it."""
    return f"{HEADER_PREFIX} {__version__} ({dialect}); {count} entries; checksum {checksum}\n\n"


def write_library(library: Library, dialect: str = "biblatex") -> str:
    """The whole .bib for a library: a header line, then one entry per work, by key.
    The reference for :func:`write_streamed`, which writes the same bytes a chunk at a time."""
    works = sorted(library.works, key=lambda w: w.key)
    body = format_entries([(w.key, w.record) for w in works], dialect) if works else ""
    return header(len(works), dialect, _checksum(body)) + body


#: Entries formatted at once by a streamed .bib (a few MB of records and text in flight).
CHUNK = 500
#: Chunks handed to a pool ahead of the one being written.
AHEAD = 3


def _chunks(entries: Iterable[tuple[str, Record]], size: int) -> Iterator[list[tuple[str, Record]]]:
    """``entries`` in lists of ``size``; two works written under one key stop the run (a
    BibTeX reader would keep one of them), as bibtexparser does within one library. The
    set holds the keys the library already holds (``safe_key`` returns a safe key itself)."""
    seen: set[str] = set()
    chunk: list[tuple[str, Record]] = []
    for key, record in entries:
        safe = safe_key(key)
        if safe in seen:
            raise BibkazError(f"two works would be written under the BibTeX key {safe!r}")
        seen.add(safe)
        chunk.append((key, record))
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def formatted(entries: Iterable[tuple[str, Record]], dialect: str, known: frozenset[str],
              pool: Executor | None = None, chunk: int = CHUNK) -> Iterator[str]:
    """The .bib's body (``format_entries`` of every entry) as consecutive pieces of text,
    a chunk of entries at a time, formatted in ``pool`` when given (a few chunks ahead,
    taken in order) or here."""
    if dialect not in DIALECTS:
        raise BibkazError(f"unknown BibTeX dialect {dialect!r} (use biblatex or bibtex)")
    chunks = _chunks(entries, chunk)
    if pool is None:
        texts: Iterator[str] = (format_entries(c, dialect, known) for c in chunks)
    else:
        texts = _in_order(pool, chunks, dialect, known)
    for n, text in enumerate(texts):
        # Within a call entries are separated by one blank line (bibtexparser's block separator).
        yield text if n == 0 else "\n" + text


def _in_order(pool: Executor, chunks: Iterator[list[tuple[str, Record]]], dialect: str,
              known: frozenset[str]) -> Iterator[str]:
    pending: deque[Future[str]] = deque()
    try:
        for chunk in chunks:
            pending.append(pool.submit(format_entries, chunk, dialect, known))
            if len(pending) > AHEAD:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()


def write_streamed(out: BinaryIO, entries: Callable[[], Iterable[tuple[str, Record]]], count: int,
                   dialect: str = "biblatex", pool: Executor | None = None) -> None:
    """:func:`write_library`'s bytes for ``count`` entries in key order, written to ``out``
    (a seekable file at its start) without holding them: ``entries()`` is read twice, once
    for the titles' proper nouns (every title's braces depend on them all) and once to
    format. The header's checksum covers the whole body, so a placeholder of the same
    length is written first and the header over it at the end (the count fixes its length)."""
    placeholder = header(count, dialect, "0" * 16).encode("utf-8")
    out.write(placeholder)
    known = proper_nouns_from(record.title for _, record in entries())
    digest = hashlib.sha256()
    seen = 0

    def counted() -> Iterator[tuple[str, Record]]:
        nonlocal seen
        for entry in entries():
            seen += 1
            yield entry

    for text in formatted(counted(), dialect, known, pool):
        data = text.encode("utf-8")
        digest.update(data)
        out.write(data)
    if seen != count:
        raise BibkazError(f"the library changed while its .bib was written ({count} works, {seen} written)")
    out.seek(0)
    out.write(header(count, dialect, digest.hexdigest()[:16]).encode("utf-8"))
    out.seek(0, 2)


def written_by_bibkaz(path: Path) -> bool | None:
    """True if bibkaz wrote ``path`` and nobody edited it since; False if it was
    not written by bibkaz or was edited; None if it does not exist. The file is read
    a block at a time (a large run's .bib is tens of MB)."""
    try:
        source = path.open(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError:
        return False
    try:
        with source:
            first = source.readline().removesuffix("\n")
            if not first.startswith(HEADER_PREFIX) or "checksum " not in first:
                return False
            digest = hashlib.sha256()
            block = source.read(1 << 20)
            digest.update(block.removeprefix("\n").encode("utf-8"))
            while block:
                block = source.read(1 << 20)
                digest.update(block.encode("utf-8"))
    except (OSError, UnicodeDecodeError):
        return False
    return first.rsplit("checksum ", 1)[1].strip() == digest.hexdigest()[:16]

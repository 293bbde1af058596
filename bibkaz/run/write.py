"""The client's last stage: the .bib and the library JSON written a piece at a time.

The .bib is :func:`bibkaz.formats.bibtex.writer.write_streamed`'s: its entries formatted
a chunk at a time (on the run's other process or workers when it has them).

``library_json.dumps`` builds the whole library as one JSON document in memory
(a few times the size of the file); here each document, work and unresolved
citation is turned into JSON by the same code (:func:`library_to_json` on a
library of that one element) and written as it is made, so a run holds one work
at a time however many it has. The bytes are ``dumps``'s and ``write_library``'s
(the tests compare them): ``json.dumps(..., indent=2)`` puts every element of a
top-level list on lines of its own, indented by four spaces, and never writes a
raw newline inside a string.
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
from concurrent.futures import Executor
from contextlib import contextmanager
from json.encoder import encode_basestring as _string  # type: ignore[attr-defined]
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Iterator

from bibkaz.formats.library_json import VERSION, library_to_json
from bibkaz.fsutil import remove_stale_temporaries
from bibkaz.model import Document, Library, Record
from bibkaz.resolve.streamed import StreamedLibrary


def _entries(library: Library) -> Callable[[], Iterable[tuple[str, Record]]]:
    """(key, merged record) of every work in key order, each time it is called: all the .bib
    reads, one work at a time from a streamed library's answer."""
    entries = getattr(library.works, "entries", None)
    if entries is not None:
        return entries  # type: ignore[no-any-return]
    ordered = sorted(((w.key, w.record) for w in library.works), key=lambda e: e[0])
    return lambda: ordered


def write_bib(library: Library, path: Path, dialect: str = "biblatex", pool: Executor | None = None) -> None:
    """The .bib, from each work's key and merged record only, streamed into the file
    (:func:`bibkaz.formats.bibtex.writer.write_streamed`); its chunks are formatted in
    ``pool`` when given."""
    from bibkaz.formats.bibtex.writer import write_streamed

    entries = _entries(library)
    _atomic(path, lambda out: write_streamed(out, entries, len(library.works), dialect, pool), binary=True)


@contextmanager
def bib_written_beside(library: Library, path: Path, dialect: str, pool: Executor) -> Iterator[None]:
    """The .bib written by a thread of this process while the caller writes the JSON, its
    chunks formatted in ``pool`` (a process of its own, or the run's Dask workers): both
    are the client's serial tail, and once extraction is done they take two cores instead
    of one after the other. The thread reads each work's record as the chunks go out and
    writes the text as it comes back, so neither side holds the library; a remote worker
    needs no access to ``path``. Its errors are raised here."""
    failed: list[BaseException] = []

    def run() -> None:
        try:
            write_bib(library, path, dialect, pool)
        except BaseException as exc:  # raised again in the caller's thread
            failed.append(exc)

    thread = threading.Thread(target=run, name="bibkaz-bib", daemon=True)
    thread.start()
    try:
        yield
    finally:
        thread.join()
        if failed:
            raise failed[0]


def _element(value: dict[str, Any]) -> str:
    """``value`` as ``json.dumps(value, ensure_ascii=False, indent=2)`` writes it inside a
    top-level list (every line indented by four more spaces)."""
    out: list[str] = []
    try:
        _encode(value, "\n    ", out)
    except TypeError:  # a value json.dumps would convert (a non-string key): let it
        return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n    ")
    return "".join(out)


def _encode(value: Any, newline: str, out: list[str]) -> None:
    """``json.dumps(..., indent=2)``'s text for ``value``, appended to ``out``: the same
    bytes, three times faster (json's own encoder is pure Python whenever it indents;
    strings still go through its C escaper)."""
    if isinstance(value, str):
        out.append(_string(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, float):
        out.append(json.dumps(value))
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = newline + "  "
        out.append("{")
        first = True
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(key)
            out.append(inner if first else "," + inner)
            out.append(_string(key))
            out.append(": ")
            _encode(item, inner, out)
            first = False
        out.append(newline + "}")
    elif isinstance(value, (list, tuple)):
        if not value:
            out.append("[]")
            return
        inner = newline + "  "
        out.append("[")
        for n, item in enumerate(value):
            out.append(inner if n == 0 else "," + inner)
            _encode(item, inner, out)
        out.append(newline + "]")
    else:
        raise TypeError(type(value))


def _write_list(out: IO[str], name: str, values: Iterable[dict[str, Any]], last: bool = False) -> None:
    out.write(f'  "{name}": [')
    first = True
    for value in values:
        out.write("\n    " if first else ",\n    ")
        out.write(_element(value))
        first = False
    out.write("]" if first else "\n  ]")
    out.write("\n" if last else ",\n")


def _one(library: Library, section: str) -> dict[str, Any]:
    return library_to_json(library)[section][0]


def write_json(library: Library, path: Path) -> None:
    """The library JSON, byte for byte ``library_json.dumps(library)``."""
    own_key = library.document_key
    paged: dict[str, Document] = {}

    def documents() -> Iterable[dict[str, Any]]:
        for doc in library.documents:
            if doc.pages:
                paged[doc.id] = doc
            key = own_key(doc.id)
            yield _one(StreamedLibrary(documents=(doc,), own_keys={doc.id: key} if key else {}), "documents")

    def pages_for(names: Iterable[str]) -> tuple[Document, ...]:
        return tuple(paged[n] for n in dict.fromkeys(names) if n in paged)

    def works() -> Iterable[dict[str, Any]]:
        for work in library.works:
            docs = pages_for([*(r.document for r in work.references), *(m.document for m in work.mentions)])
            yield _one(Library(documents=docs, works=(work,)), "works")

    def unresolved() -> Iterable[dict[str, Any]]:
        for mention in library.unresolved:
            yield _one(Library(documents=pages_for([mention.document]), unresolved=(mention,)), "unresolved")

    def write(out: IO[str]) -> None:
        out.write(f'{{\n  "bibkaz": {json.dumps(VERSION)},\n')
        _write_list(out, "documents", documents())
        _write_list(out, "works", works())
        _write_list(out, "unresolved", unresolved(), last=True)
        out.write("}\n")

    _atomic(path, write)


def _atomic(path: Path, write: Callable[[Any], None], binary: bool = False) -> None:
    """``write`` into a temporary file beside ``path``, renamed over it at the end (as
    :func:`bibkaz.fsutil.write_atomic` does for a string): readers see the old file or the new."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp", dir=target.parent)
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        with (os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="\n")) as out:
            write(out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise

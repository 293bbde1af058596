"""What the workers are given: one Source per document, local file or fsspec URL.

A Source carries two names. ``shown`` is the document as the user named it
(``seeds/000.txt``, ``s3://bucket/briefs/a.md``): it is what every warning and
the library JSON print, so a run on a cluster prints what a local run prints.
``location`` is what a worker opens: an absolute path (a worker need not share
the client's working folder) or the URL itself (the worker reads its own file;
the client never downloads the corpus).
"""

from __future__ import annotations

import os
from collections import Counter, deque
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, Callable, Iterator, Sequence

from bibkaz.model import InputError, UsageError


@dataclass(frozen=True)
class Source:
    """One document to extract, numbered by its place in the input order."""

    index: int
    shown: str
    location: str
    #: The document's id (its file name without extension), made unique across the run:
    #: "a/brief.txt" and "b/brief.txt" are "a/brief" and "b/brief", "brief.pdf" and
    #: "brief.txt" are "brief.pdf" and "brief.txt"; the id names the document's references.
    id: str = ""

    @property
    def is_url(self) -> bool:
        return is_url(self.location)


def is_url(text: str) -> bool:
    """An fsspec URL (``s3://``, ``gs://``, ``file://`` …), as opposed to a local path."""
    head, sep, _ = str(text).partition("://")
    return bool(sep) and head.replace("+", "").replace("-", "").isalnum() and len(head) > 1


def _fsspec():
    try:
        import fsspec
    except ImportError:
        raise UsageError("URL inputs need fsspec (installed with the cluster extra): "
                         "pip install 'bibkaz[cluster]'") from None
    return fsspec


def _discover_url(url: str) -> list[str]:
    """Every document file at or under ``url``, sorted, as full URLs."""
    from bibkaz.read.formats import DOCUMENT_SUFFIXES

    fs, root = _fsspec().core.url_to_fs(url)
    protocol = url.split("://", 1)[0]
    try:
        if fs.isfile(root):
            return [url]
        found = fs.find(root)
    except (OSError, ValueError) as exc:
        raise InputError(url, f"cannot list: {exc}") from None
    inside = sorted(
        p for p in found
        if Path(p).suffix.lower() in DOCUMENT_SUFFIXES
        and not any(part.startswith(".") for part in Path(p).relative_to(root.rstrip("/") or "/").parts)
    )
    if not inside:
        raise InputError(url, f"no documents ({', '.join(sorted(DOCUMENT_SUFFIXES))}) under this URL")
    return [p if "://" in p else f"{protocol}://{p}" for p in inside]


def discover_sources(paths: Sequence[str | Path]) -> list[Source]:
    """Every document under ``paths`` (folders, files, URLs), in the order a local run reads them."""
    from bibkaz.read import discover

    shown: list[tuple[str, str]] = []
    for raw in paths:
        if is_url(str(raw)):
            shown.extend((u, u) for u in _discover_url(str(raw)))
        else:
            shown.extend((str(p), os.path.abspath(p)) for p in discover([Path(raw)]))
    ids = unique_ids([name for name, _ in shown])
    return [Source(n, name, location, doc_id) for n, ((name, location), doc_id) in enumerate(zip(shown, ids))]


def unique_ids(names: Sequence[str]) -> list[str]:
    """Each document's id: its file name without extension, or, where two documents of one run
    share that name, the shortest tail of its path (with the extension when the folders are the
    same) that no other document of that name has. Two documents with one id would pool their
    references. Linear in the documents: a site's thousand "index.md" files are common."""
    paths = [PurePosixPath(name.split("://", 1)[-1].replace("\\", "/")) for name in names]
    parts = [(*path.parent.parts, path.stem) for path in paths]
    ids = [path.stem for path in paths]
    groups: dict[str, list[int]] = {}
    for i, path in enumerate(paths):
        groups.setdefault(path.stem, []).append(i)
    for members in groups.values():
        pending = members if len(members) > 1 else []
        depth = 1
        while pending and depth <= max(len(parts[i]) for i in pending):
            depth += 1
            counts = Counter("/".join(parts[i][-depth:]) for i in members)
            for i in pending:
                if counts["/".join(parts[i][-depth:])] == 1:
                    ids[i] = "/".join(parts[i][-depth:])
            pending = [i for i in pending if counts["/".join(parts[i][-depth:])] > 1]
        for i in pending:  # same folder and name: the extension tells them apart
            ids[i] = "/".join([*paths[i].parent.parts, paths[i].name])
    return ids


def refill(pending: deque[tuple[Source, Any]], upcoming: Iterator[Source], submit: Callable[[Source], Any],
           size: int) -> None:
    """Submit upcoming sources until ``size`` are in flight or none are left.

    Both runners keep ``pending`` in input order and take its head's result
    first: the output order is the input order, and at most ``size`` results
    wait in memory, however large the corpus.
    """
    while len(pending) < size:
        source = next(upcoming, None)
        if source is None:
            return
        pending.append((source, submit(source)))

"""The library of a large run, built without holding every reference and mention at once.

:func:`bibkaz.resolve.assemble.build_resolution` makes every Work with its
references and mentions in memory, then the writers turn the whole library into
one JSON document: at 100,000 briefs that is tens of gigabytes. Here the same
library is described by what the answer needs (each work's key, merged record
and members, as ints) and the documents' results stay where the pipeline put
them (a :class:`bibkaz.run.store.Spool` on disk, or a list for a small run);
each Work is made when it is asked for, so a writer holds one at a time.

The Works, their order, the unresolved citations and the warnings are exactly
:func:`build_resolution`'s (the tests compare the written bytes): only when each
Work is built changes.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from typing import Iterator, Mapping, Sequence, overload

from bibkaz.model import Document, Extraction, Library, Mention, ParsedReference, RawReference, Record, Work
from bibkaz.resolve.assemble import Item, Resolution, match_existing
from bibkaz.resolve.cluster import Clustering
from bibkaz.resolve.fields import Merged
from bibkaz.resolve.keys import assign_keys
from bibkaz.sequences import indexed


@dataclass(frozen=True)
class Results:
    """What the runners gave, in input order: each document's extraction, every parsed
    reference (item i is ``parsed[i]``), where each document's parsed references start
    (``starts[k]`` to ``starts[k + 1]``), and the documents' own records, which are
    clustered after every reference (as in :func:`bibkaz.resolve.assemble.resolution_items`)."""

    extractions: Sequence[Extraction]
    parsed: Sequence[ParsedReference]
    starts: array
    own: Sequence[tuple[str, Record]]  # (document id, own record)

    def references(self, k: int) -> list[ParsedReference]:
        """Document ``k``'s parsed references, in one read."""
        return _slice(self.parsed, self.starts[k], self.starts[k + 1])

    def item(self, i: int) -> Item:
        """Item ``i`` as :func:`resolution_items` makes it, without its record (``--explain``
        names items and never reads their records)."""
        if i < len(self.parsed):
            ref = self.parsed[i].reference
            return Item(ref.id, _NO_RECORD, reference=ref)
        doc, _ = self.own[i - len(self.parsed)]
        return Item(f"document:{doc}", _NO_RECORD, document=doc)


#: What a lazily made item holds instead of its record.
_NO_RECORD = Record()


def _slice(values: Sequence, start: int, stop: int) -> list:
    reader = getattr(values, "range", None)
    return reader(start, stop) if reader is not None else list(values[start:stop])


class _Items(Sequence[Item]):
    def __init__(self, results: Results):
        self._results = results

    def __len__(self) -> int:
        return len(self._results.parsed) + len(self._results.own)

    @overload
    def __getitem__(self, i: int) -> Item: ...

    @overload
    def __getitem__(self, i: slice) -> list[Item]: ...

    def __getitem__(self, i: int | slice) -> Item | list[Item]:
        return indexed(len(self), i, self._results.item)


class _Documents(Sequence[Document]):
    def __init__(self, extractions: Sequence[Extraction]):
        self._extractions = extractions

    def __len__(self) -> int:
        return len(self._extractions)

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [e.document for e in self._extractions[i]]
        return self._extractions[i].document

    def __iter__(self) -> Iterator[Document]:
        return (e.document for e in self._extractions)


class _Records(Sequence[Record]):
    """Each work's merged record, read from ``merged`` when asked for: the keys read each
    once and the colliding ones again, and a spooled answer keeps them on disk."""

    def __init__(self, merged: Sequence[Merged]):
        self._merged = merged

    def __len__(self) -> int:
        return len(self._merged)

    def __getitem__(self, i):  # type: ignore[override]
        return indexed(len(self), i, lambda n: self._merged[n].record)

    def __iter__(self) -> Iterator[Record]:
        return (m.record for m in self._merged)


class _Works(Sequence[Work]):
    """The works in key order, each made when asked for (references read by position,
    mentions by the positions :func:`streamed_resolution` grouped by work)."""

    def __init__(self, results: Results, clustering: Clustering, merged: Sequence[Merged], keys: Sequence[str],
                 documents: Sequence[str], mentions: Sequence[Mention], mention_order: array, mention_starts: array):
        self._results = results
        self._groups = clustering.groups
        self._merged = merged
        self._keys = keys
        self._documents = documents
        self._mentions = mentions
        self._mention_order = mention_order
        self._mention_starts = mention_starts
        self._order = sorted(range(len(keys)), key=keys.__getitem__)

    def __len__(self) -> int:
        return len(self._order)

    def work(self, n: int) -> Work:
        """Work ``n`` of the clustering's groups (not of the key order)."""
        parsed = self._results.parsed
        size = len(parsed)
        refs = tuple(dict.fromkeys(parsed[i].reference for i in self._groups[n] if i < size))
        at = range(self._mention_starts[n], self._mention_starts[n + 1])
        mentions = tuple(self._mentions[self._mention_order[p]] for p in at)
        m = self._merged[n]
        return Work(self._keys[n], m.record, refs, mentions, m.field_sources, self._documents[n])

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self.work(self._order[n]) for n in range(*i.indices(len(self)))]
        return self.work(self._order[i])

    def __iter__(self) -> Iterator[Work]:
        return (self.work(n) for n in self._order)

    def entries(self) -> Iterator[tuple[str, Record]]:
        """(key, merged record) of each work in key order, without its references or mentions."""
        return ((self._keys[n], self._merged[n].record) for n in self._order)


@dataclass(frozen=True)
class StreamedLibrary(Library):
    """A Library whose works, documents and unresolved citations are read when iterated.
    It answers :meth:`document_key` from a dict (the Library's own method scans every work)."""

    own_keys: Mapping[str, str] = field(default_factory=dict)

    def document_key(self, document_id: str) -> str | None:
        return self.own_keys.get(document_id)

    def work(self, key: str) -> Work:
        for n, (entry_key, _) in enumerate(self.works.entries()):  # type: ignore[attr-defined]
            if entry_key == key:
                return self.works[n]
        raise KeyError(key)

    def materialized(self) -> Library:
        """The same library with every sequence a tuple in memory (for small runs and
        for commands that transform the library)."""
        return Library(tuple(self.documents), tuple(self.works), tuple(self.unresolved), self.warnings)


def streamed_resolution(
    results: Results, clustering: Clustering, merged: Sequence[Merged], mentions: Sequence[Mention],
    unresolved: Sequence[Mention], existing_keys: Mapping[str, Record] | None = None,
) -> Resolution:
    """:func:`bibkaz.resolve.assemble.build_resolution` for a run's ``results``:
    ``mentions`` and ``unresolved`` are empty sequences this fills (a Spool for a large
    run), read back by the works and the writers."""
    records = _Records(merged)
    if existing_keys:
        keys = assign_keys(records, match_existing(records, existing_keys), set(existing_keys))
    else:
        keys = assign_keys(records)
    size = len(results.parsed)
    group_of = array("q", bytes(8 * size))
    documents: list[str] = []
    warnings: list[str] = []
    for n, (group, m, key) in enumerate(zip(clustering.groups, merged, keys)):
        doc = ""
        for i in group:
            if i < size:
                group_of[i] = n
            elif not doc:
                doc = results.own[i - size][0]
        documents.append(doc)
        warnings += [f"{key}: {w}" for w in m.warnings]

    seen_warnings: dict[str, None] = {}
    mention_work = array("q")
    late: list[str] = []
    for k, extraction in enumerate(results.extractions):
        seen_warnings.update(dict.fromkeys(extraction.warnings))
        work_of: dict[RawReference, int] = {}
        start = results.starts[k]
        for offset, p in enumerate(results.references(k)):
            n = group_of[start + offset]
            if work_of.get(p.reference, n) >= n:
                work_of[p.reference] = n
        for mention in extraction.mentions:
            if mention.reference is None:
                unresolved.append(mention)  # type: ignore[attr-defined]
            elif mention.reference in work_of:
                mentions.append(mention)  # type: ignore[attr-defined]
                mention_work.append(work_of[mention.reference])
            else:
                late.append(f"{mention.document}:{mention.line}: citation {mention.text!r} points at a reference "
                            "that was not parsed")
                unresolved.append(mention)  # type: ignore[attr-defined]
    order, starts = _grouped(mention_work, len(keys))
    for spool in (mentions, unresolved):
        close = getattr(spool, "close", None)
        if close is not None:
            close()
    works = _Works(results, clustering, merged, keys, documents, mentions, order, starts)
    library = StreamedLibrary(
        documents=_Documents(results.extractions),  # type: ignore[arg-type]
        works=works,  # type: ignore[arg-type]
        unresolved=unresolved,  # type: ignore[arg-type]
        warnings=tuple(dict.fromkeys([*seen_warnings, *warnings, *late])),
        own_keys={doc: key for doc, key in zip(documents, keys) if doc},
    )
    return Resolution(library, _Items(results), clustering, tuple(keys))  # type: ignore[arg-type]


def _grouped(work_of: array, works: int) -> tuple[array, array]:
    """Positions 0… grouped by their work, in order within each (a counting sort): work n's
    positions are ``order[starts[n]:starts[n + 1]]``."""
    starts = array("q", bytes(8 * (works + 1)))
    for n in work_of:
        starts[n + 1] += 1
    for n in range(works):
        starts[n + 1] += starts[n]
    fill = array("q", starts)
    order = array("q", bytes(8 * len(work_of)))
    for position, n in enumerate(work_of):
        order[fill[n]] = position
        fill[n] += 1
    return order, starts

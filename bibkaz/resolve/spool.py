"""The resolver over references kept on disk, bucket by bucket (issue 15: a million references).

:func:`bibkaz.resolve.cluster.cluster_records` holds every record's features,
every candidate pair and every cluster's guard at once: about 4 KB a reference
beside the references themselves. Here the same decisions are made a bucket at a
time, each bucket a plain function of files, so a process pool or a Dask cluster
can run them (``mapper``; default: one after another, here):

1. the references are written in chunks (``in-C``);
2. *route*: each chunk's records go to the bucket of each of their block keys
   (``b-B-C``; a record whose keys fall in three buckets is written three times);
3. *score*: a bucket's blocks are compared exactly as in memory (identical records
   and features folded, large blocks by sorted neighbourhood, ranks by content) and
   the verdicts that can matter are written (``v-B``); what links two references
   (a same or weak verdict, a DOI, a folded duplicate) is written as a pair of ints (``l-B``);
4. the client joins those links (union-find over ints): each component is a set of
   references no merge can leave, decided on its own exactly as with the rest
   (:func:`bibkaz.resolve.cluster.decide`);
5. *gather*: references and verdicts are written again by component (``k-K-…``);
6. *decide*: each component bucket is decided and its works' fields merged.

The client holds a chunk of the references it is given at a time, one int a
reference for the union-find, and two or three ints a work: the answer (groups,
merged records, near misses, joins) stays in the files each component bucket's task
wrote and is read when asked for (:mod:`bibkaz.resolve.answer`); a worker holds
one bucket. What a bucket holds is bounded by the largest block and the largest
work (a work cited 100,000 times is one component), not by the run. Every file
is written whole under a temporary name and renamed, so a task Dask runs again
after its worker died writes the same file again.

The result is :func:`cluster_records`'s, with two differences that decide nothing:
``merges`` lists each component bucket's joins in turn rather than all joins in
the order they were made, and ``comparisons`` counts a pair twice when its two
records share blocks in two buckets.
"""

from __future__ import annotations

import heapq
import pickle
import shutil
import tempfile
import zlib
from array import array
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

from bibkaz.model import Extraction, ParsedReference, Record
from bibkaz.resolve.answer import Indexed, Kept, Streamed, write_indexed, write_stream, written
from bibkaz.resolve.assemble import Item, Resolution, build_resolution, resolution_items
from bibkaz.resolve.blocking import block_keys, candidate_pairs, content_rank
from bibkaz.resolve.cluster import (
    Clustering, NearMiss, decide, distinct_records, fold_identical, kept_verdicts, near_misses,
)
from bibkaz.resolve.features import Features, as_packed, features, unpacked
from bibkaz.resolve.fields import Merged, merge_records
from bibkaz.resolve.similarity import SAME, WEAK, Verdict

#: References a chunk file holds (what one routing task reads).
CHUNK = 20_000
#: Average references a bucket holds (each reference is in about four blocks, so a
#: block bucket holds about four times this many copies): what one task holds at once.
BUCKET = 10_000

#: (index, source, record, context, owner document) of one reference to cluster.
_Entry = tuple[int, str, Record, str, str]
#: The same with the record's features, as a plain tuple (see features.packed).
_Featured = tuple[int, str, Record, str, str, tuple]
Mapper = Callable[[Callable[[Any], Any], Sequence[Any]], Iterable[Any]]


def _stable(text: str) -> int:
    """A hash that is the same in every process (Python's str hash is salted per process)."""
    return zlib.crc32(text.encode("utf-8"))


def _bucket_of(key: str, buckets: int) -> int:
    """The bucket of a block. A record's first-author blocks ("a:cooley:great",
    "y:cooley:2012") go to one bucket, that of the author's first word: two citations
    of one work share both, and a pair whose blocks are in two buckets is compared
    in each (the same verdict twice)."""
    if key.startswith(("a:", "y:")):
        key = "n:" + key.split(":", 2)[1].split(" ", 1)[0]
    return _stable(key) % buckets


def _save(path: Path, value: Any) -> None:
    """Write ``value`` whole or not at all (a task run again writes the same file again)."""
    written(path, lambda out: pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL))


def _load(path: Path) -> Any:
    with path.open("rb") as source:
        return pickle.load(source)


def _identifiable(record: Record) -> bool:
    return bool(record.title or record.doi or record.url)


def _bucket_keys(f: Features) -> list[str]:
    """The blocks a record is compared in, and for a record with none the key of its
    features (it is never compared, but folds with its identical twins)."""
    keys = list(block_keys(f))
    if keys:
        return keys
    return ["=" + repr(tuple(sorted(v) if isinstance(v, frozenset) else v
                             for v in (getattr(f, n) for n in f.__slots__)))]


@dataclass(frozen=True)
class _Task:
    folder: str
    number: int  # the chunk or the bucket
    buckets: int  # how many buckets there are
    verdicts: bool = False  # gather: the verdicts of block bucket ``number``, not chunk ``number``


def _route(task: _Task) -> int:
    """Stage 2: one chunk's references to the buckets of their blocks, each with its
    features (computed once here: a reference is in about four buckets); the chunk again
    with them, for the component buckets."""
    folder = Path(task.folder)
    out: dict[int, list[_Featured]] = defaultdict(list)
    featured = []
    for entry in _load(folder / f"in-{task.number}"):
        record, owner = entry[2], entry[4]
        f = features(record, bool(owner))
        one = (*entry, as_packed(f))
        featured.append(one)
        if not _identifiable(record):
            continue  # never compared: a work of its own
        for b in {_bucket_of(k, task.buckets) for k in _bucket_keys(f)}:
            out[b].append(one)
    for b, entries in out.items():
        _save(folder / f"b-{b}-{task.number}", entries)
    _save(folder / f"f-{task.number}", featured)
    return len(featured)


@dataclass(frozen=True)
class _Prepared:
    """Distinct records of some references (named by their first reference's index) and their features."""

    owner: dict[int, int]  # reference index -> distinct record's id
    feats: dict[int, Features]
    is_doc: dict[int, bool]
    ids: list[int]  # distinct ids, ascending


def _prepare(entries: Sequence[_Featured]) -> _Prepared:
    """As cluster_records begins: identical records are one, named by the first (all copies of
    a record share its buckets and its component, so every bucket names it alike)."""
    entries = sorted(entries, key=lambda e: e[0])
    local, distinct, is_doc = distinct_records([e[2] for e in entries], [bool(e[4]) for e in entries])
    ids: list[int] = []
    feats: dict[int, Features] = {}
    for e, d in zip(entries, local):
        if d == len(ids):
            ids.append(e[0])
            feats[e[0]] = unpacked(e[5])
    return _Prepared(
        owner={e[0]: ids[d] for e, d in zip(entries, local)},
        feats=feats,
        is_doc={ids[d]: doc for d, doc in enumerate(is_doc)},
        ids=ids,
    )


def _score(task: _Task) -> tuple[int, int]:
    """Stage 3: the blocks of one bucket compared; the links between references written as
    a flat array of int pairs (``l-B``, read by the client one bucket at a time); the
    comparisons made and the blocks compared by neighbourhood."""
    folder = Path(task.folder)
    entries = [e for path in sorted(folder.glob(f"b-{task.number}-*")) for e in _load(path)]
    prep = _prepare(entries)
    links = array("q")
    for index, d in prep.owner.items():
        if index != d:
            links.extend((d, index))
    folds, nodes = fold_identical(prep.feats, prep.ids, prep.is_doc)  # only identifiable records are routed
    for head, i, _ in folds:
        links.extend((head, i))
    rank = content_rank(prep.feats, nodes)
    by_doi: dict[str, int] = {}
    for i in sorted(nodes, key=rank.__getitem__):
        doi = prep.feats[i].doi
        if doi and _bucket_of("d:" + doi, task.buckets) == task.number:
            head = by_doi.setdefault(doi, i)
            if head != i:
                links.extend((head, i))

    def mine(f: Features) -> list[str]:
        return [k for k in block_keys(f) if _bucket_of(k, task.buckets) == task.number]

    pairs, windowed = candidate_pairs(prep.feats, nodes, rank, mine)
    verdicts = kept_verdicts(prep.feats, pairs)
    for (a, b), v in verdicts.items():
        if v.kind in (SAME, WEAK):
            links.extend((a, b))
    _save(folder / f"v-{task.number}", [(a, b, v) for (a, b), v in verdicts.items()])
    _save(folder / f"l-{task.number}", links)
    return len(pairs), windowed


def _components(size: int, links: Iterable[array]) -> array:
    """Each reference's component (its smallest index's root), by union-find over the links."""
    parent = array("q", range(size))

    def find(i: int) -> int:
        root = i
        while parent[root] != root:
            root = parent[root]
        while parent[i] != root:
            parent[i], i = root, parent[i]
        return root

    for flat in links:
        for n in range(0, len(flat), 2):
            a, b = find(flat[n]), find(flat[n + 1])
            if a != b:
                parent[max(a, b)] = min(a, b)
    for i in range(size):
        parent[i] = find(i)
    return parent


def _gather(task: _Task) -> None:
    """Stage 5: a chunk's references, or a bucket's verdicts, to their component buckets."""
    folder = Path(task.folder)
    component: array = _load(folder / "components")
    out: dict[int, list] = defaultdict(list)
    if task.verdicts:
        for a, b, v in _load(folder / f"v-{task.number}"):
            out[component[a] % task.buckets].append((a, b, v))
        for k, verdicts in out.items():
            _save(folder / f"k-{k}-v-{task.number}", verdicts)
        return
    for entry in _load(folder / f"f-{task.number}"):
        out[component[entry[0]] % task.buckets].append(entry)
    for k, entries in out.items():
        _save(folder / f"k-{k}-in-{task.number}", entries)


@dataclass(frozen=True)
class _Decided:
    """What one component bucket's task sends back: the first reference of each of its
    groups (ascending) and where each group and merged record starts in its files, and
    how many near misses and joins it wrote. The answer itself stays in the files
    (``answer-*-K``, :mod:`bibkaz.resolve.answer`)."""

    firsts: array
    groups: array
    merged: array
    near_misses: int
    merges: int


def _decide(task: _Task) -> _Decided:
    """Stage 6: the components of one bucket decided, and each work's fields merged; the
    answer written to the bucket's answer files."""
    folder = Path(task.folder)
    entries = sorted((e for p in sorted(folder.glob(f"k-{task.number}-in-*")) for e in _load(p)), key=lambda e: e[0])
    verdicts: dict[tuple[int, int], Verdict] = {}
    for path in sorted(folder.glob(f"k-{task.number}-v-*")):
        for a, b, v in _load(path):
            verdicts[(a, b)] = v
    prep = _prepare(entries)
    cited_in: dict[int, set[str]] = defaultdict(set)
    own_of: dict[int, set[str]] = {}
    for index, _, _, context, owner, _ in entries:
        if context:
            cited_in[prep.owner[index]].add(context)
        if owner:
            own_of[prep.owner[index]] = {owner}
    identifiable = {e[0] for e in entries if _identifiable(e[2])}
    folds, nodes = fold_identical(prep.feats, [i for i in prep.ids if i in identifiable], prep.is_doc)
    rank = content_rank(prep.feats, nodes)
    inside = {(a, b): v for (a, b), v in verdicts.items() if v.kind in (SAME, WEAK)}
    decision = decide(prep.feats, nodes, folds, rank, inside, prep.is_doc, own_of, cited_in)
    by_root: dict[int, list[int]] = defaultdict(list)
    for index, *_ in entries:
        by_root[decision.root(prep.owner[index])].append(index)
    by_index = {e[0]: e for e in entries}
    groups = sorted(tuple(g) for g in by_root.values())  # members ascending: by first reference
    k = task.number
    # Most reasons are a few dozen strings repeated: one object each in a pickled chunk.
    same: dict[str, str] = {}
    misses = [NearMiss(m.first, m.second, m.score, same.setdefault(m.reason, m.reason))
              for m in near_misses(verdicts, decision)]
    merges = [(a, b, same.setdefault(why, why)) for a, b, why in decision.merges(verdicts)]
    return _Decided(
        array("q", (g[0] for g in groups)),
        write_indexed(folder / f"answer-g-{k}", groups),
        write_indexed(folder / f"answer-r-{k}",
                      (merge_records([(by_index[i][1], by_index[i][2]) for i in g]) for g in groups)),
        write_stream(folder / f"answer-m-{k}", misses),
        write_stream(folder / f"answer-j-{k}", merges),
    )


def _by_first(bucket: int, firsts: array) -> Iterator[tuple[int, int, int]]:
    return ((first, bucket, pos) for pos, first in enumerate(firsts))


def _answer(where: Path, remove: bool, decided: Sequence[_Decided]) -> tuple[Sequence, Sequence, Sequence, Sequence]:
    """Groups (by first reference), merged records, near misses (best first) and joins
    (bucket by bucket), read from the answer files when asked for."""
    order_bucket, order_pos = array("q"), array("q")
    for _, bucket, pos in heapq.merge(*(_by_first(b, d.firsts) for b, d in enumerate(decided))):
        order_bucket.append(bucket)
        order_pos.append(pos)
    kept = Kept(where, remove)
    buckets = range(len(decided))
    groups = Indexed(kept, [f"answer-g-{k}" for k in buckets], [d.groups for d in decided], order_bucket, order_pos)
    merged = Indexed(kept, [f"answer-r-{k}" for k in buckets], [d.merged for d in decided], order_bucket, order_pos)
    misses = Streamed(kept, [f"answer-m-{k}" for k in buckets], [d.near_misses for d in decided], key=_miss_order)
    merges = Streamed(kept, [f"answer-j-{k}" for k in buckets], [d.merges for d in decided])
    return groups, merged, misses, merges


def _miss_order(miss: NearMiss) -> tuple[float, int, int]:
    return (-miss.score, miss.first, miss.second)


def _intermediate(where: Path) -> None:
    """Remove every file of the run but its answer (the answer's folder is the run's own)."""
    for path in where.iterdir():
        if not path.name.startswith("answer-"):
            path.unlink(missing_ok=True)


def serial_map(func: Callable[[Any], Any], tasks: Sequence[Any]) -> Iterable[Any]:
    """The tasks one after another in this process (the default ``mapper``)."""
    return [func(t) for t in tasks]


def cluster_spooled(
    entries: Iterable[_Entry], mapper: Mapper = serial_map, folder: str | Path | None = None,
    bucket: int = BUCKET, chunk: int = CHUNK,
) -> tuple[Clustering, Sequence[Merged]]:
    """:func:`cluster_records` over ``entries`` (index, source, record, cited in,
    own record of) with indices 0, 1, …, plus each group's merged record; the work
    done by ``mapper`` over files in ``folder`` (a temporary folder by default; on a
    cluster, one every worker can read).

    The groups, merged records, near misses and joins stay in the buckets' answer
    files and are read when asked for (:mod:`bibkaz.resolve.answer`): the sequences
    returned hold an int or two a work. A temporary folder is removed, but for that
    answer, at the end, and the answer with the last of them; a given folder is left
    as it is."""
    own_folder = folder is None
    where = Path(tempfile.mkdtemp(prefix="bibkaz-resolve-") if folder is None else folder)
    where.mkdir(parents=True, exist_ok=True)
    try:
        size = chunks = 0
        batch: list[_Entry] = []
        for entry in entries:
            batch.append(entry)
            size += 1
            if len(batch) == chunk:
                _save(where / f"in-{chunks}", batch)
                chunks, batch = chunks + 1, []
        if batch or not chunks:
            _save(where / f"in-{chunks}", batch)
            chunks += 1
        del batch
        buckets = max(1, -(-size // bucket))
        list(mapper(_route, [_Task(str(where), c, buckets) for c in range(chunks)]))
        scored = list(mapper(_score, [_Task(str(where), b, buckets) for b in range(buckets)]))
        comparisons, windowed = sum(n for n, _ in scored), sum(w for _, w in scored)
        _save(where / "components", _components(size, (_load(where / f"l-{b}") for b in range(buckets))))
        tasks = [_Task(str(where), c, buckets) for c in range(chunks)]
        tasks += [_Task(str(where), b, buckets, verdicts=True) for b in range(buckets)]
        list(mapper(_gather, tasks))
        decided = list(mapper(_decide, [_Task(str(where), k, buckets) for k in range(buckets)]))
        if own_folder:
            _intermediate(where)
        groups, merged, misses, merges = _answer(where, own_folder, decided)
    except BaseException:
        if own_folder:
            shutil.rmtree(where, ignore_errors=True)
        raise
    return Clustering(groups, misses, comparisons, windowed, merges), merged


def resolve_report_spooled(
    extractions: Sequence[Extraction],
    parsed: Sequence[ParsedReference],
    existing_keys: Mapping[str, Record] | None = None,
    mapper: Mapper = serial_map,
    folder: str | Path | None = None,
    bucket: int = BUCKET,
) -> Resolution:
    """:func:`bibkaz.resolve.resolve_report`, clustered bucket by bucket on disk (see the module)."""
    items = resolution_items(extractions, parsed)
    clustering, merged = cluster_spooled(_entries(items), mapper, folder, bucket)
    return build_resolution(extractions, items, clustering, merged, existing_keys)


def _entries(items: Sequence[Item]) -> Iterable[_Entry]:
    for n, item in enumerate(items):
        context = item.reference.document if item.reference is not None else ""
        yield (n, item.source, item.record, context, item.document)


class SpooledResolver:
    """The spooled resolver fed one document at a time, as a runner yields them: each
    parsed record goes to disk as it comes and is not kept here, so the caller can drop
    its ParsedReferences too. :meth:`resolve` gives what :func:`resolve_report` gives for
    the same documents in the same order; its items carry their reference (or document)
    and no record, which stayed on disk (``--explain`` names items, never reads their records)."""

    def __init__(self, mapper: Mapper = serial_map, folder: str | Path | None = None,
                 bucket: int = BUCKET, chunk: int = CHUNK):
        self.mapper, self.folder, self.bucket, self.chunk = mapper, folder, bucket, chunk
        self._folder = Path(tempfile.mkdtemp(prefix="bibkaz-resolve-")) if folder is None else Path(folder)
        self._folder.mkdir(parents=True, exist_ok=True)
        self._stream = (self._folder / "stream").open("wb")
        self._items: list[Item] = []
        self._own: list[tuple[str, Record, str]] = []  # documents' own records: after every reference, as in memory
        self._extractions: list[Extraction] = []

    def add(self, extraction: Extraction, parsed: Sequence[ParsedReference]) -> None:
        """One document's extraction and parsed references (in input order)."""
        self._extractions.append(extraction)
        for p in parsed:
            pickle.dump((p.reference.id, p.record, p.reference.document, ""), self._stream,
                        protocol=pickle.HIGHEST_PROTOCOL)
            self._items.append(Item(p.reference.id, _NO_RECORD, reference=p.reference))
        if extraction.document.meta is not None:
            self._own.append((f"document:{extraction.document.id}", extraction.document.meta, extraction.document.id))

    def _entries(self) -> Iterable[_Entry]:
        self._stream.close()
        n = 0
        with (self._folder / "stream").open("rb") as source:
            while True:
                try:
                    one = pickle.load(source)
                except EOFError:
                    break
                yield (n, *one)
                n += 1
        for source_id, record, document in self._own:
            yield (n, source_id, record, "", document)
            n += 1

    def resolve(self, existing_keys: Mapping[str, Record] | None = None) -> Resolution:
        """Cluster everything added, and build the library (the spool folder is removed
        unless the caller gave it)."""
        # The answer's folder lives as long as the answer (near misses are read by --explain).
        work = None if self.folder is None else self._folder / "work"
        try:
            clustering, merged = cluster_spooled(self._entries(), self.mapper, work, self.bucket, self.chunk)
        finally:
            self._stream.close()
            if self.folder is None:
                shutil.rmtree(self._folder, ignore_errors=True)
        items = self._items + [Item(s, _NO_RECORD, document=d) for s, _, d in self._own]
        return build_resolution(self._extractions, items, clustering, merged, existing_keys)


#: What a streamed item holds instead of its record (see SpooledResolver).
_NO_RECORD = Record()

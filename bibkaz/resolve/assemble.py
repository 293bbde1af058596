"""Build the Library: clusters become Works with merged records, keys, references
and mentions; libraries from several sources combine the same way.

This is the only module that knows about Extractions and Libraries; clustering,
field merging and keys work on plain Records, so ``bibkaz merge`` (BibTeX files)
and ``combine_libraries`` (a .bib plus a folder of briefs) reuse them unchanged.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Mapping, Sequence

from bibkaz.model import Extraction, Library, Mention, ParsedReference, RawReference, Record, Work
from bibkaz.resolve.blocking import candidate_pairs
from bibkaz.resolve.cluster import Clustering, NearMiss, cluster_records
from bibkaz.resolve.features import features
from bibkaz.resolve.fields import Merged, merge_records
from bibkaz.resolve.keys import assign_keys, content_order, suffixes
from bibkaz.resolve.similarity import SAME, compare


@dataclass(frozen=True)
class Item:
    """One record that takes part in clustering, and where it came from."""

    source: str  # what field_sources and --explain call it
    record: Record
    document: str = ""  # set for an input document's own record
    reference: RawReference | None = None
    work: Work | None = None  # set when combining libraries


@dataclass(frozen=True)
class Resolution:
    """A resolved library plus what ``--explain`` reports."""

    library: Library
    items: tuple[Item, ...]
    clustering: Clustering
    keys: tuple[str, ...] = ()  # the key each of clustering.groups became

    def near_misses(self) -> list[tuple[Item, Item, NearMiss]]:
        return [(self.items[m.first], self.items[m.second], m) for m in self.clustering.near_misses]


def _dedupe(values: Sequence) -> tuple:
    return tuple(dict.fromkeys(values))


def match_existing(records: Sequence[Record], existing: Mapping[str, Record]) -> list[str | None]:
    """For each record, the key of the previous run's entry it is (or None).

    Each existing key goes to at most one record: the best-scoring one, then the
    first in content order, so a split work does not give its key to both halves.
    """
    keys = sorted(existing)
    feats = [features(r) for r in records] + [features(existing[k]) for k in keys]
    n = len(records)
    offers: list[tuple[float, tuple[str, ...], int, str]] = []
    pairs, _ = candidate_pairs(feats)
    # Confidence is not stored in a .bib, so an unchanged work must match without it.
    exact = {existing[k].with_(confidence=1.0): k for k in keys}
    for i, record in enumerate(records):
        if record.with_(confidence=1.0) in exact:
            offers.append((101.0, content_order(record), i, exact[record.with_(confidence=1.0)]))
    for a, b in pairs:
        if a >= n or b < n:
            continue
        verdict = compare(feats[a], feats[b])
        if verdict.kind == SAME:
            offers.append((verdict.score, content_order(records[a]), a, keys[b - n]))
    out: list[str | None] = [None] * n
    given: set[str] = set()
    for score, _, i, key in sorted(offers, key=lambda o: (-o[0], o[1], o[3])):
        if out[i] is None and key not in given:
            out[i] = key
            given.add(key)
    return out


def _merge_groups(items: Sequence[Item], clustering: Clustering) -> list[Merged]:
    """The merged record of each cluster, with its field sources and conflicts."""
    return [merge_records([(items[i].source, items[i].record) for i in group]) for group in clustering.groups]


def _build_works(
    items: Sequence[Item], clustering: Clustering, merged: Sequence[Merged], keys: Sequence[str]
) -> tuple[list[Work], list[str]]:
    """One Work per cluster (without mentions yet), and the merge warnings."""
    works, warnings = [], []
    for group, m, key in zip(clustering.groups, merged, keys):
        refs = _dedupe([items[i].reference for i in group if items[i].reference is not None])
        document = next((items[i].document for i in group if items[i].document), "")
        works.append(Work(key=key, record=m.record, references=refs, field_sources=m.field_sources, document=document))
        warnings += [f"{key}: {w}" for w in m.warnings]
    return works, warnings


def resolution_items(extractions: Sequence[Extraction], parsed: Sequence[ParsedReference]) -> list[Item]:
    """What is clustered: each parsed reference, then each document's own record."""
    items = [Item(p.reference.id, p.record, reference=p.reference) for p in parsed]
    items += [
        Item(f"document:{e.document.id}", e.document.meta, document=e.document.id)
        for e in extractions
        if e.document.meta is not None
    ]
    return items


def resolve_report(
    extractions: Sequence[Extraction],
    parsed: Sequence[ParsedReference],
    existing_keys: Mapping[str, Record] | None = None,
) -> Resolution:
    """:func:`bibkaz.resolve.resolve` plus the clustering, for ``--explain``."""
    items = resolution_items(extractions, parsed)
    contexts = [i.reference.document if i.reference is not None else "" for i in items]
    clustering = cluster_records([i.record for i in items], [bool(i.document) for i in items], contexts,
                                 [i.document for i in items])
    return build_resolution(extractions, items, clustering, _merge_groups(items, clustering), existing_keys)


def build_resolution(
    extractions: Sequence[Extraction],
    items: Sequence[Item],
    clustering: Clustering,
    merged: Sequence[Merged],
    existing_keys: Mapping[str, Record] | None = None,
) -> Resolution:
    """The Library from a clustering of ``items`` and each group's merged record
    (however they were computed: here, or bucket by bucket on disk and on a cluster)."""
    records = [m.record for m in merged]
    if existing_keys:
        keys = assign_keys(records, match_existing(records, existing_keys), set(existing_keys))
    else:
        keys = assign_keys(records)
    works, warnings = _build_works(items, clustering, merged, keys)

    work_of: dict[RawReference, int] = {}
    for n, work in enumerate(works):
        for ref in work.references:
            work_of.setdefault(ref, n)
    mentions: dict[int, list[Mention]] = defaultdict(list)
    unresolved: list[Mention] = []
    for extraction in extractions:
        for mention in extraction.mentions:
            if mention.reference is None:
                unresolved.append(mention)
            elif mention.reference in work_of:
                mentions[work_of[mention.reference]].append(mention)
            else:
                warnings.append(
                    f"{mention.document}:{mention.line}: citation {mention.text!r} points at a reference "
                    "that was not parsed"
                )
                unresolved.append(mention)
    works = [
        Work(w.key, w.record, w.references, tuple(mentions.get(n, ())), w.field_sources, w.document)
        for n, w in enumerate(works)
    ]
    keys = tuple(w.key for w in works)
    works.sort(key=lambda w: w.key)
    library = Library(
        documents=tuple(e.document for e in extractions),
        works=tuple(works),
        unresolved=tuple(unresolved),
        # The extractors' warnings first, so a library carries everything to report.
        warnings=_dedupe([w for e in extractions for w in e.warnings] + warnings),
    )
    return Resolution(library, tuple(items), clustering, keys)


def combine_report(libraries: Sequence[Library]) -> Resolution:
    """:func:`bibkaz.resolve.combine_libraries` plus the clustering, for ``--explain``."""
    items: list[Item] = []
    documents: dict[str, object] = {}
    for library in libraries:
        for doc in library.documents:
            documents.setdefault(doc.id, doc)
        for work in library.works:
            # Sources must be unique (two libraries may both hold a "cooley2012great").
            items.append(Item(f"{len(items)}:{work.key}", work.record, document=work.document, work=work))
    # A document that two libraries both hold is one document: only its first
    # own record counts as an input document, the others may merge with it.
    first_doc: set[str] = set()
    for n, item in enumerate(items):
        if item.document and item.document in first_doc:
            items[n] = Item(item.source, item.record, "", item.reference, item.work)
        first_doc.add(item.document)
    clustering = cluster_records([i.record for i in items], [bool(i.document) for i in items])

    # Each work keeps a key it had (the earliest source's first); a work whose
    # keys all went to earlier works takes its own key with a suffix.
    fixed: list[str | None] = []
    claimed: set[str] = set()
    own_keys = [[items[i].work.key for i in group if items[i].work is not None and items[i].work.key] for group in clustering.groups]
    for keys_here in own_keys:
        key = next((k for k in keys_here if k not in claimed), None)
        fixed.append(key)
        if key:
            claimed.add(key)
    for n, keys_here in enumerate(own_keys):
        if fixed[n] is None and keys_here:
            fixed[n] = next(keys_here[0] + s for s in suffixes() if keys_here[0] + s not in claimed)
            claimed.add(fixed[n])  # type: ignore[arg-type]
    merged = _merge_groups(items, clustering)
    works, warnings = _build_works(items, clustering, merged, assign_keys([m.record for m in merged], fixed))
    combined = []
    for group, work in zip(clustering.groups, works):
        members = [items[i].work for i in group if items[i].work is not None]
        origin = {items[i].source: items[i].work for i in group if items[i].work is not None}
        sources = tuple(
            (f, dict(origin[src].field_sources).get(f, origin[src].key)) for f, src in work.field_sources
        )
        combined.append(
            Work(
                key=work.key,
                record=work.record,
                references=_dedupe([r for m in members for r in m.references]),
                mentions=_dedupe([x for m in members for x in m.mentions]),
                field_sources=sources,
                document=work.document,
            )
        )
    keys = tuple(w.key for w in combined)
    combined.sort(key=lambda w: w.key)
    library = Library(
        documents=tuple(documents.values()),  # type: ignore[arg-type]
        works=tuple(combined),
        unresolved=_dedupe([m for lib in libraries for m in lib.unresolved]),
        warnings=_dedupe([w for lib in libraries for w in lib.warnings] + warnings),
    )
    return Resolution(library, tuple(items), clustering, keys)

"""The whole pipeline for a set of document paths: read → extract → parse → link → resolve.

One bad document never loses the others: reading and extraction problems are
collected per file and returned with the library. Any exception inside one
document's extraction, even a bug of ours, becomes a one-line problem naming
that file; the other documents are still resolved and written.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Mapping, Sequence

from bibkaz.extract import find, link_author_date
from bibkaz.extract.repeated_authors import with_repeated_authors
from bibkaz.limits import MAX_REFERENCE_CHARS, clip_lines
from bibkaz.model import (
    Document, Extraction, InputError, Library, Mention, ParsedReference, Problem, RawReference, Record,
)
from bibkaz.parse import parse_raws
from bibkaz.read import read_with_problems
from bibkaz.resolve.assemble import Resolution
from bibkaz.resolve.cluster import Clustering, cluster_records
from bibkaz.resolve.features import Packed
from bibkaz.resolve.fields import Merged, merge_records
from bibkaz.resolve.streamed import Results
from bibkaz.run.store import Folder, Spool

if TYPE_CHECKING:
    from bibkaz.resolve.spool import Mapper
    from bibkaz.run import Runner


@dataclass(frozen=True)
class Built:
    library: Library
    extractions: Sequence[Extraction]
    problems: tuple[Problem, ...]
    #: The resolver's report (merges and near misses), for ``extract --explain``.
    resolution: Resolution | None = None


#: The words that mark a per-reference review warning (``extract -q`` counts these instead of printing them).
REVIEW_WARNING = "flagged for review"


def located(problem: Problem, document: Document) -> str:
    """``problem`` as one line naming file, page and line ("brief.pdf: p. 3, line 120: …") when the
    document has pages, so a user finds the place in the PDF they hold; "file:line: …" otherwise."""
    page = document.page_of(problem.line) if problem.line else 0
    if not page:
        return str(problem)
    return f"{problem.path}: p. {page}, line {problem.line}: {problem.message}"


def _warnings(
    document: Document, refs: list[RawReference], mentions: list[Mention], parsed: list[ParsedReference]
) -> tuple[str, ...]:
    """What a user should look at in this document: one line each, naming file and line (and page)."""
    path = document.path
    out: list[Problem] = []
    if document.encoding not in ("utf-8", "utf-8-replaced"):  # replaced bytes have a warning of their own
        out.append(Problem(path, f"not plain UTF-8: decoded as {document.encoding}"))
    if not refs and not mentions:
        out.append(Problem(path, "no references, notes or citations found"))
    for r in refs:
        if len(r.text) > MAX_REFERENCE_CHARS:
            out.append(Problem(path, f"reference is {len(r.text):,} characters, over the "
                                     f"{MAX_REFERENCE_CHARS:,} limit: only its start was parsed", r.line))
    for p in parsed:
        if p.reference.kind == "citation-key":
            out.append(Problem(path, f"cited only by its key {p.reference.text}: the reference is in the "
                                     f"document's bibliography file, {REVIEW_WARNING}", p.reference.line))
        elif p.record.needs_review:
            text = p.reference.text if len(p.reference.text) <= 60 else p.reference.text[:57] + "..."
            out.append(Problem(path, f"reference looks malformed, {REVIEW_WARNING} (confidence "
                                     f"{p.record.confidence:.2f}): {text}", p.reference.line))
    return tuple(located(problem, document) for problem in out)


def extract_document(path: Path, doc_id: str = "") -> tuple[Extraction, list[ParsedReference]]:
    """Read, extract, parse and link one document (named ``doc_id`` when the run gave it an id
    of its own: see :func:`bibkaz.run.sources.unique_ids`)."""
    document, problems = read_with_problems(path)
    if doc_id:
        document = replace(document, id=doc_id)
    document, clipped = clip_lines(document)
    doc, refs, mentions, author_date, limited = find(document)
    parsed = with_repeated_authors(parse_raws(refs))
    linked = link_author_date(doc.id, author_date, {p.reference: p.record for p in parsed})
    all_mentions = sorted([*mentions, *linked], key=lambda m: m.line)
    warnings = tuple(located(p, doc) for p in [*problems, *clipped, *limited]) + _warnings(doc, refs, all_mentions, parsed)
    return Extraction(doc, tuple(refs), tuple(all_mentions), warnings), parsed


def failure_problem(path: Path, exc: BaseException) -> Problem:
    """One line for an unexpected failure in one document: where in our code, and what."""
    import traceback

    frames = traceback.extract_tb(exc.__traceback__)
    where = f" in {Path(frames[-1].filename).stem}.{frames[-1].name}" if frames else ""
    detail = " ".join(str(exc).split())[:200]
    return Problem(str(path), f"extraction failed ({type(exc).__name__}{where}{': ' + detail if detail else ''}); "
                              f"a bibkaz bug, please report it")


#: Parsed references a run holds in memory; beyond this its results go to disk
#: (:class:`bibkaz.run.store.Spool`) and the resolver works bucket by bucket
#: (:mod:`bibkaz.resolve.spool`), so the client's memory stops growing with the corpus.
#: In memory the resolver holds about 4 KB a reference: 200 MB here.
IN_MEMORY_REFERENCES = 50_000


class _Collector:
    """The runner's outcomes as they come, in input order: lists while the run is small,
    spools on disk once it has more than ``limit`` parsed references (what was held moves
    there, and nothing of a document is kept in memory after it is written down)."""

    def __init__(self, limit: int):
        self.limit = limit
        self.problems: list[Problem] = []
        self.extractions: list[Extraction] | Spool[Extraction] = []
        self.parsed: list[ParsedReference] | Spool[ParsedReference] = []
        self.own: list[tuple[str, Record]] | Spool[tuple[str, Record]] = []
        self.starts = array("q", [0])
        self.folder: Folder | None = None
        #: The resolver's features of each parsed record and of each own record, as the
        #: workers sent them (one tuple shared by identical records); None once an outcome
        #: came without them (the resolver then computes them) or the run has spilled.
        self.packed: list[Packed] | None = []
        self.own_packed: list[Packed] = []
        self._seen: dict[Record, Packed] = {}

    def add(self, extraction: Extraction, parsed: Sequence[ParsedReference], packed: Sequence[Packed] = ()) -> None:
        self.extractions.append(extraction)
        self.parsed.extend(parsed)  # type: ignore[arg-type]
        self.starts.append(len(self.parsed))
        meta = extraction.document.meta
        if meta is not None:
            self.own.append((extraction.document.id, meta))
        self._keep(parsed, meta, packed)
        if self.folder is None and len(self.parsed) > self.limit:
            self._spill()

    def _keep(self, parsed: Sequence[ParsedReference], meta: Record | None, packed: Sequence[Packed]) -> None:
        if self.packed is None:
            return
        if len(packed) != len(parsed) + (meta is not None):
            self.packed = None
            self._seen.clear()
            return
        seen = self._seen
        self.packed.extend(seen.setdefault(p.record, f) for p, f in zip(parsed, packed))
        if meta is not None:
            self.own_packed.append(packed[-1])

    def _spill(self) -> None:
        self.packed, self.own_packed, self._seen = None, [], {}  # the spooled resolver computes its own
        self.folder = Folder()
        for name in ("extractions", "parsed", "own"):
            spool: Spool = Spool(self.folder, name)
            spool.extend(getattr(self, name))
            setattr(self, name, spool)

    def spooled(self) -> bool:
        return self.folder is not None

    def container(self, name: str) -> list | Spool:
        """An empty list, or a spool in the run's folder once the run has spilled."""
        return Spool(self.folder, name) if self.folder is not None else []

    def results(self) -> Results:
        for values in (self.extractions, self.parsed, self.own):
            if isinstance(values, Spool):
                values.close()
        return Results(self.extractions, self.parsed, self.starts, self.own)

    def features(self) -> list[Packed] | None:
        """Packed features of every record :func:`_cluster` clusters, in its order, or None."""
        self._seen = {}
        return None if self.packed is None else self.packed + self.own_packed


def _cluster(results: Results, mapper: Mapper | None, packed: Sequence[Packed] | None = None
             ) -> tuple[Clustering, list[Merged]]:
    """The resolver over every parsed reference, then each document's own record (the
    items of :func:`bibkaz.resolve.assemble.resolution_items`): in memory (with their
    features as the workers computed them, when ``packed``), or with ``mapper`` bucket
    by bucket on disk; the same groups and merged records either way."""
    from bibkaz.resolve.spool import cluster_spooled

    size = len(results.parsed)
    if mapper is None:
        records = [p.record for p in results.parsed] + [meta for _, meta in results.own]
        contexts = [p.reference.document for p in results.parsed] + [""] * len(results.own)
        owners = [""] * size + [doc for doc, _ in results.own]
        clustering = cluster_records(records, [bool(o) for o in owners], contexts, owners, packed)
        sources = [p.reference.id for p in results.parsed] + [f"document:{doc}" for doc, _ in results.own]
        merged = [merge_records([(sources[i], records[i]) for i in group]) for group in clustering.groups]
        return clustering, merged

    def entries() -> Iterator[tuple[int, str, Record, str, str]]:
        for n, p in enumerate(results.parsed):
            yield n, p.reference.id, p.record, p.reference.document, ""
        for k, (doc, meta) in enumerate(results.own):
            yield size + k, f"document:{doc}", meta, "", doc

    return cluster_spooled(entries(), mapper)


def build_library(
    paths: Sequence[str | Path], existing_keys: Mapping[str, Record] | None = None, runner: Runner | None = None,
    streamed: bool = False, in_memory: int = IN_MEMORY_REFERENCES,
) -> Built:
    """Run the pipeline over every document under ``paths`` (folders, files, fsspec URLs).

    ``runner`` says where the per-document work runs (``--jobs``, ``--cluster``;
    default: here, one document after another); results come back in input
    order, so the library is the same wherever it ran. Each Extraction comes
    back without its document's text (see :func:`bibkaz.formats.library_json.without_text`).

    Past ``in_memory`` parsed references the results go to disk as they come and
    the resolver runs bucket by bucket (on ``runner``'s processes or local cluster).
    ``streamed``: the library's works, documents and unresolved citations are
    made when read (a :class:`bibkaz.resolve.streamed.StreamedLibrary`; write it
    with :func:`write_outputs`); otherwise they are tuples, as every command expects.
    Raises InputError only when nothing could be read at all.
    """
    from bibkaz.resolve.streamed import streamed_resolution
    from bibkaz.run import Serial, discover_sources

    sources = discover_sources(paths)
    runner = runner or Serial()
    collected = _Collector(in_memory)
    for outcome in runner.extract(sources):
        if outcome.problem is not None:
            collected.problems.append(outcome.problem)
            continue
        assert outcome.extraction is not None
        collected.add(outcome.extraction, outcome.parsed, outcome.features)
    if not collected.extractions:
        problems = collected.problems
        if problems:
            raise InputError(problems[0].path, problems[0].message, problems[0].line)
        raise InputError(", ".join(map(str, paths)), "no documents to read")
    results = collected.results()
    mapper = bucket_mapper(runner) if collected.spooled() else None
    clustering, merged = _cluster(results, mapper, collected.features())
    resolution = streamed_resolution(results, clustering, merged, collected.container("mentions"),
                                     collected.container("unresolved"), existing_keys)
    library = resolution.library
    if not streamed:
        library = library.materialized()  # type: ignore[attr-defined]
        resolution = replace(resolution, library=library)
    return Built(library, results.extractions if streamed else tuple(results.extractions),  # type: ignore[arg-type]
                 tuple(collected.problems), resolution)


def bucket_mapper(runner: Runner) -> Mapper:
    """Where the spooled resolver's buckets run: on the runner's processes or local Dask
    cluster (they share this machine's temporary folder), else here one after another
    (a remote cluster's workers cannot read the client's disk)."""
    from bibkaz.resolve.spool import serial_map

    local_map = getattr(runner, "local_map", None)
    return local_map if local_map is not None else serial_map


def write_outputs(built: Built, output: Path, json_path: Path | None, dialect: str = "biblatex",
                  runner: Runner | None = None) -> None:
    """The .bib and (with ``json_path``) the library JSON of ``built``, each written whole or
    not at all; a streamed library is written a work at a time (see :mod:`bibkaz.run.write`).
    When ``runner`` has processes or workers of its own (``--jobs N``, ``--cluster``), the
    .bib is formatted on one of them meanwhile (``runner.beside()``)."""
    from bibkaz.run.write import bib_written_beside, write_bib, write_json

    beside = getattr(runner, "beside", None)
    if json_path is None or beside is None:
        write_bib(built.library, output, dialect)
        if json_path is not None:
            write_json(built.library, json_path)
        return
    with beside() as pool, bib_written_beside(built.library, output, dialect, pool):
        write_json(built.library, json_path)


def explain_labels(built: Built) -> list[str] | None:
    """How ``extract --explain`` names each resolved item: as :func:`bibkaz.resolve.explain.item_label`
    does, with the page before the line for a reference found in a PDF ("brief: p. 3, line 120 “…”").
    None when no document has pages (then the resolver's own names are used)."""
    from bibkaz.resolve.explain import item_label

    if built.resolution is None:
        return None
    paged = {doc.id: doc for doc in built.library.documents if doc.pages}
    if not paged:
        return None
    labels = []
    for item in built.resolution.items:
        ref = item.reference
        page = paged[ref.document].page_of(ref.line) if ref is not None and ref.document in paged else 0
        label = item_label(item)
        if page and ref is not None:
            label = label.replace(f"{ref.document}:{ref.line} ", f"{ref.document}: p. {page}, line {ref.line} ", 1)
        labels.append(label)
    return labels

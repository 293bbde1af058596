"""Benchmark: the citation network of a large synthetic corpus.

    python bench/network_bench.py [--documents 10000] [--works 200000] [--refs 30] [--seed 1]

Builds a Library of DOCUMENTS documents citing WORKS works whose popularity is
Zipf-distributed (exponent 1: a few works cited everywhere, a long tail cited
once), each citation a footnote (RawReference + linked Mention, 1-3 calls), each
work with 1-3 authors drawn from a pool of persons, some printed with initials
only. Then times, separately: building the graph, ranking and rendering the
top 20, and exporting the citation view to GraphML. Peak memory is the process's
maximum resident set size (synthetic Library included).
Target (issue 6): graph built and top-20 printed in under 10 s and under 2 GB.
Run by hand, never as a test.
"""

from __future__ import annotations

import argparse
import bisect
import gc
import itertools
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bibkaz.model import Document, Library, Mention, Name, RawReference, Record, Work  # noqa: E402
from bibkaz.network import export  # noqa: E402
from bibkaz.network.graph import build_graph  # noqa: E402
from bibkaz.network.metrics import top  # noqa: E402
from bibkaz.network.report import render_ranking  # noqa: E402
from bibkaz.network.views import citation_view  # noqa: E402

GIVEN = ["Anna", "Bhavna", "Carlos", "Dana", "Erlan", "Farida", "Gulnara", "Hans", "Ivan", "Jamila", "Kairat",
         "Laura", "Marat", "Nurlan", "Olga", "Pavel", "Raushan", "Saule", "Timur", "Umit"]


def synthetic_library(documents: int, works: int, refs: int, seed: int) -> Library:
    """A corpus with Zipf-distributed citation counts (see the module docstring)."""
    rng = random.Random(seed)
    weights = list(itertools.accumulate(1.0 / (rank + 1) for rank in range(works)))
    total = weights[-1]
    persons = [Name(f"Family{i % (works // 4 + 1)}", GIVEN[i % len(GIVEN)]) for i in range(works // 2 + 1)]
    cites: dict[int, list[tuple[str, int]]] = {}
    for d in range(documents):
        doc = f"doc{d:05d}"
        chosen: set[int] = set()
        while len(chosen) < refs:
            chosen.add(bisect.bisect_left(weights, rng.random() * total))
        for w in chosen:
            cites.setdefault(w, []).append((doc, rng.randint(1, 3)))
    out = []
    for w in range(works):
        names = []
        for p in rng.sample(range(len(persons)), rng.randint(1, 3)):
            name = persons[p]
            names.append(Name(name.family, name.given[0] + ".") if rng.random() < 0.2 else name)
        references: list[RawReference] = []
        mentions: list[Mention] = []
        for doc, calls in cites.get(w, ()):
            for c in range(calls):
                ref = RawReference(doc, "footnote", f"Reference to work {w}", 10 + c, label=str(c + 1))
                references.append(ref)
                mentions.append(Mention(doc, "note", str(c + 1), 5 + c, reference=ref))
        record = Record(type="article-journal", authors=tuple(names), title=f"Synthetic work number {w}",
                        date=str(1990 + w % 35), doi=f"10.5555/{w}" if w % 3 else "")
        out.append(Work(f"work{w:06d}", record, tuple(references), tuple(mentions)))
    docs = tuple(Document(f"doc{d:05d}", f"doc{d:05d}.txt", "") for d in range(documents))
    return Library(documents=docs, works=tuple(out))


class Timer:
    """Wall-clock and CPU seconds of a block: on a shared machine CPU time is the
    steadier figure, wall time the one a user waits for."""

    def __enter__(self) -> "Timer":
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall = time.perf_counter() - self.wall
        self.cpu = time.process_time() - self.cpu

    def __str__(self) -> str:
        return f"{self.wall:.2f} s wall, {self.cpu:.2f} s CPU"


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--works", type=int, default=200_000)
    parser.add_argument("--refs", type=int, default=30, help="distinct works cited per document")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    gc.disable()  # generating the synthetic corpus is not what is measured
    start = time.perf_counter()
    library = synthetic_library(args.documents, args.works, args.refs, args.seed)
    made = time.perf_counter() - start
    gc.enable()
    gc.collect()
    citations = sum(len(w.mentions) for w in library.works)
    print(f"synthetic library: {args.documents} documents, {args.works} works, {citations} citations "
          f"({made:.1f} s to generate, peak RSS {peak_mb():.0f} MB)")

    with Timer() as build:
        graph = build_graph(library, persons=False)
    print(f"build graph (documents + works, as `bibkaz top` does): {build} "
          f"({graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges)")
    with Timer() as ranking:
        table = render_ranking(top(graph, 20), "table")
    print(table)
    print(f"top 20: {ranking}")
    print(f"graph built + top 20 printed: {build.wall + ranking.wall:.2f} s wall, "
          f"{build.cpu + ranking.cpu:.2f} s CPU (target < 10 s)")
    print(f"peak RSS so far: {peak_mb():.0f} MB (target < 2048 MB)")
    with Timer() as by_pagerank:
        top(graph, 20, by="pagerank")
    print(f"top 20 by PageRank: {by_pagerank}")
    del graph

    with Timer() as full:
        graph = build_graph(library)
    print(f"build full graph (with persons): {full} ({graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges)")
    with Timer() as persons:
        top(graph, 20, persons=True)
    print(f"top 20 persons: {persons}")

    with tempfile.TemporaryDirectory() as tmp:
        with Timer() as exported:
            export.write(citation_view(graph), Path(tmp) / "citation.graphml")
        size = (Path(tmp) / "citation.graphml").stat().st_size / 1e6
    print(f"GraphML export of the citation view: {exported} ({size:.0f} MB)")
    print(f"peak RSS: {peak_mb():.0f} MB")


if __name__ == "__main__":
    main()

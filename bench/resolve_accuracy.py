"""Pairwise precision and recall of the resolver on tests/resolver_corpus.

    python bench/resolve_accuracy.py [--show-errors]

Two figures: the resolver alone (on the records each citation gives, as
built by tests/resolver_corpus/build.py), and the whole parse → resolve chain
(each reference string through ``bibkaz.parse.parse_reference``). Pairs are
counted over all reference strings; precision 1.0 means no false merge.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bibkaz.formats.csl import csl_to_record  # noqa: E402
from bibkaz.resolve.cluster import cluster_records  # noqa: E402
from bibkaz.resolve.evaluate import pairwise_scores  # noqa: E402

CORPUS = ROOT / "tests" / "resolver_corpus" / "corpus.jsonl"


def evaluate(name: str, lines: list[dict], records: list, show: bool) -> None:
    started = time.perf_counter()
    clustering = cluster_records(records, contexts=[line["doc"] for line in lines])
    elapsed = time.perf_counter() - started
    truth = [line["work"] for line in lines]
    scores = pairwise_scores(clustering.groups, truth)
    print(
        f"{name}: {len(lines)} references, {len(set(truth))} works → {len(clustering.groups)} clusters; "
        f"pairs true {scores.true_pairs}, found {scores.found_pairs}, correct {scores.correct_pairs}; "
        f"precision {scores.precision:.4f}, recall {scores.recall:.4f} ({elapsed:.2f} s)"
    )
    if not show:
        return
    for group in clustering.groups:
        works = {truth[i] for i in group}
        if len(works) > 1:
            print(f"  FALSE MERGE {sorted(works)}:")
            for i in group:
                print(f"    {truth[i]} {lines[i]['text'][:110]}")
    clusters_of: dict[str, set[int]] = defaultdict(set)
    for n, group in enumerate(clustering.groups):
        for i in group:
            clusters_of[truth[i]].add(n)
    for work, found in sorted(clusters_of.items()):
        if len(found) > 1:
            print(f"  SPLIT {work}:")
            for n in sorted(found):
                for i in clustering.groups[n]:
                    r = records[i]
                    who = r.authors[0].family or r.authors[0].literal if r.authors else "-"
                    print(f"    [{n}] {lines[i]['style']:13} {who} | {r.title[:60]} | {r.date} | {lines[i]['text'][:70]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-errors", action="store_true", help="list false merges and split works")
    args = parser.parse_args()
    lines = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    evaluate("resolver alone", lines, [csl_to_record(line["csl"]) for line in lines], args.show_errors)
    try:
        from bibkaz.parse import parse_reference
    except ImportError:
        print("parse → resolve: skipped (bibkaz.parse.parse_reference not available)")
        return
    evaluate("parse → resolve", lines, [parse_reference(line["text"]) for line in lines], args.show_errors)


if __name__ == "__main__":
    main()

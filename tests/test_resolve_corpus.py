"""The resolver on its test corpus: 48 works, each cited in two to four styles.

The records are what each citation gives (see tests/resolver_corpus/build.py),
so this measures the resolver alone; bench/resolve_accuracy.py measures it
behind the parser too.
"""

from __future__ import annotations

import json
from pathlib import Path

from bibkaz.formats.csl import csl_to_record
from bibkaz.resolve.cluster import cluster_records
from bibkaz.resolve.evaluate import pairwise_scores

CORPUS = Path(__file__).parent / "resolver_corpus" / "corpus.jsonl"


def _load():
    lines = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    return lines, [csl_to_record(line["csl"]) for line in lines]


def test_corpus_is_big_enough_and_varied():
    lines, _ = _load()
    works = {line["work"] for line in lines}
    assert len(works) >= 40
    per_work = {w: {line["style"] for line in lines if line["work"] == w} for w in works}
    assert all(2 <= len(styles - {"chicago-short"}) <= 4 for styles in per_work.values())


def test_pairwise_precision_is_one_and_recall_at_least_098():
    lines, records = _load()
    clustering = cluster_records(records, contexts=[line["doc"] for line in lines])
    scores = pairwise_scores(clustering.groups, [line["work"] for line in lines])
    wrong = [
        sorted({lines[i]["work"] for i in group}) for group in clustering.groups if len({lines[i]["work"] for i in group}) > 1
    ]
    assert wrong == []
    assert scores.precision == 1.0
    assert scores.recall >= 0.98, [
        [lines[i]["text"][:60] for i in g] for g in clustering.groups
    ]


def test_order_of_input_changes_nothing():
    lines, records = _load()
    forward = cluster_records(records)
    backward = cluster_records(records[::-1])
    n = len(records)
    as_sets = lambda groups, flip: sorted(sorted(n - 1 - i if flip else i for i in g) for g in groups)  # noqa: E731
    assert as_sets(forward.groups, False) == as_sets(backward.groups, True)

"""The resolver stays linear in references whatever the cluster sizes (issue 15).

A work cited hundreds of times, or hundreds of works whose titles share their
first words, used to put every record in one block and compare every pair, and
each join checked every member of one cluster against every member of the
other. These tests count work (comparisons, representatives), never time it,
and check that the bounded paths decide as the exhaustive ones did.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

from bibkaz.formats.csl import csl_to_record
from bibkaz.model import Name, Record
from bibkaz.resolve.blocking import FULL_BLOCK, WINDOW, block_keys
from bibkaz.resolve.cluster import cluster_records
from bibkaz.resolve.conflicts import REPRESENTATIVES, Guard, blocker, join
from bibkaz.resolve.evaluate import pairwise_scores
from bibkaz.resolve.features import features
from bibkaz.resolve.similarity import conflict

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import resolve_bench  # noqa: E402

CORPUS = Path(__file__).parent / "resolver_corpus" / "corpus.jsonl"


def _as_sets(groups, flip=None):
    return sorted(sorted(flip(i) if flip else i for i in g) for g in groups)


def test_one_work_cited_many_times_costs_a_bounded_number_of_comparisons_per_record():
    _, parsed, truth = resolve_bench.one_work(1500)
    records = [p.record for p in parsed]
    clustering = cluster_records(records)
    keys = max(len(list(block_keys(features(r)))) for r in records)
    assert clustering.windowed_blocks > 0
    assert clustering.comparisons <= keys * WINDOW * len(records)
    scores = pairwise_scores(clustering.groups, truth)
    assert scores.precision == 1.0
    # Most citations end in one cluster (typos in the journal next to a year one
    # apart keep some apart, by the conflict rules, not by the blocking).
    assert max(len(g) for g in clustering.groups) > len(records) / 2


def test_distinct_works_sharing_a_long_prefix_never_merge_and_cost_a_window_each():
    _, parsed, truth = resolve_bench.prefix_works(1200)
    records = [p.record for p in parsed]
    clustering = cluster_records(records)
    assert len(clustering.groups) == len(records)
    assert clustering.windowed_blocks > 0
    keys = max(len(list(block_keys(features(r)))) for r in records)
    assert clustering.comparisons <= keys * WINDOW * len(records)


def test_windowed_blocks_do_not_depend_on_input_order():
    _, parsed, _ = resolve_bench.one_work(400, seed=3)
    records = [p.record for p in parsed]
    forward = cluster_records(records)
    backward = cluster_records(records[::-1])
    n = len(records)
    assert forward.windowed_blocks > 0
    assert _as_sets(forward.groups) == _as_sets(backward.groups, lambda i: n - 1 - i)


def test_small_blocks_are_still_compared_pair_by_pair():
    # The resolver corpus has no block over FULL_BLOCK: every pair that shares a
    # key is scored, as before the windows.
    lines = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    records = [csl_to_record(line["csl"]) for line in lines]
    clustering = cluster_records(records, contexts=[line["doc"] for line in lines])
    assert clustering.windowed_blocks == 0
    assert FULL_BLOCK > 2 * WINDOW


def test_records_equal_after_folding_merge_with_their_evidence():
    a = Record(type="book", authors=(Name("Cooley", "Alexander"),), title="Great Games, Local Rules", date="2012")
    b = a.with_(title="Great games, local rules", pages="12-40")
    clustering = cluster_records([a, b])
    assert clustering.groups == ((0, 1),)
    assert clustering.comparisons == 0  # one node: nothing left to score
    assert [reason for _, _, reason in clustering.merges] == [
        "title equal 100, authors match 100, year eq, container missing"
    ]


def _corpus_features():
    lines = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    return [features(csl_to_record(line["csl"])) for line in lines]


def _guard_of(feats):
    guard = Guard(feats[0])
    for f in feats[1:]:
        guard = join(guard, Guard(f))
    return guard


def test_small_clusters_are_checked_exactly_with_the_same_reason():
    feats = _corpus_features()
    rng = random.Random(5)
    checked = 0
    for _ in range(400):
        left = rng.sample(feats, rng.randint(1, 4))
        right = rng.sample(feats, rng.randint(1, 4))
        pairwise = next((w for x in left for y in right if (w := conflict(x, y))), "")
        assert blocker(_guard_of(left), _guard_of(right)) == pairwise
        checked += bool(pairwise)
    assert checked > 100


def _citation(title: str, year: str, **more) -> Record:
    return Record(type="article-journal", authors=(Name("Kassenova", "Nargis"),), title=title, date=year,
                  container_title="Central Asian Survey", **more)


def test_a_large_cluster_keeps_representatives_and_still_catches_every_discrete_conflict():
    title = "Water and power in Central Asia: hydropower, cotton and the politics of the Aral basin"
    many = [features(_citation(title, "2019", pages=str(p))) for p in range(3)]
    # Distinct profiles: typos late in the title (all one work to the rules).
    many += [features(_citation(title[:-k] + "x" * k, "2019")) for k in range(1, 3 * REPRESENTATIVES)]
    # The member that decides is the last one, far beyond the representatives.
    many.append(features(_citation(title, "2019", year_suffix="a", doi="10.1/a")))
    guard = _guard_of(many)
    assert len(guard.reps) == REPRESENTATIVES and guard.summary is not None
    cases = {
        "2019a and 2019b are two works": _citation(title, "2019", year_suffix="b"),
        "different DOIs (10.1/a / 10.1/b)": _citation(title[:-1] + "y", "2019", doi="10.1/b"),
        "years 2019 and 2016": _citation(title, "2016"),
        "a review and a non-review": Record(type="review", authors=(Name("Kassenova", "Nargis"),), title=title, date="2019"),
    }
    for reason, other in cases.items():
        assert blocker(guard, Guard(features(other))) == reason
        # As the exhaustive check finds it: some member conflicts for that reason.
        assert any(conflict(m, features(other)) == reason for m in many)
    assert blocker(guard, Guard(features(_citation(title, "2019")))) == ""


def test_every_pair_of_a_small_cluster_is_checked_before_a_join():
    # A chain A~B~C must not join A and C when they conflict (the original rule).
    a = _citation("Water and power in Central Asia", "2019", year_suffix="a")
    b = _citation("Water and power in Central Asia", "2019")
    c = _citation("Water and power in Central Asia", "2019", year_suffix="b")
    assert len(cluster_records([a, b, c]).groups) == 2
    assert blocker(_guard_of([features(a), features(b)]), Guard(features(c))) == "2019a and 2019b are two works"

"""Fuzzing in CI: a few seconds of generated and mutated inputs, each in its own process.

The long run is bench/fuzz.py (figures in docs/benchmarks.md); this one keeps the
same generators honest on every commit. Every input must end without a traceback
or a caught per-document failure, within a hang guard of 30 s.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import fuzzlib  # noqa: E402

#: Inputs are cut to this size here so the suite stays within seconds.
MAX_BYTES = 20_000
FUZZ = settings(max_examples=8, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
#: Whole documents cost most (about a second each with the trained line finder).
FUZZ_DOCS = settings(FUZZ, max_examples=4)


@pytest.fixture(scope="module", autouse=True)
def warm():
    fuzzlib.warm()


SEEDS = fuzzlib.seed_documents()
STRINGS = fuzzlib.seed_strings(SEEDS)


def ok(outcome: fuzzlib.Outcome) -> None:
    assert outcome.status == "ok", f"{outcome.status}: {outcome.detail}"


@FUZZ_DOCS
@given(st.integers(0, 2**32))
def test_mutated_documents(seed):
    suffix, data = fuzzlib.make_document(random.Random(seed), SEEDS)
    ok(fuzzlib.run_document(suffix, data[:MAX_BYTES], timeout=30))


@FUZZ
@given(st.binary(max_size=2000), st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"<p>", b"<!["]),
       st.sampled_from([".txt", ".html"]))
def test_random_bytes(data, prefix, suffix):
    ok(fuzzlib.run_document(suffix, prefix + data, timeout=30))


@FUZZ
@given(st.one_of(st.text(max_size=300), st.integers(0, 2**32).map(lambda s: fuzzlib.make_string(random.Random(s), STRINGS))))
def test_parse_strings(text):
    ok(fuzzlib.run_string(text[:MAX_BYTES], timeout=30))

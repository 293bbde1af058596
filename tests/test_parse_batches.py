"""The CRF tags references in batches of CRF_BATCH, so one document with tens of
thousands of references does not hold all their scores at once (issue 12's memory
target); batching must not change a single field."""

from __future__ import annotations

import json
from pathlib import Path

import bibkaz.parse as parse

CORPUS = Path(__file__).parent / "resolver_corpus" / "corpus.jsonl"


def test_batches_parse_exactly_as_one_batch(monkeypatch):
    texts = [json.loads(line)["text"] for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    whole = parse.parse_references(texts)
    monkeypatch.setattr(parse, "CRF_BATCH", 7)
    assert parse.parse_references(texts) == whole
    assert len(whole) == len(texts) > 7 * 10

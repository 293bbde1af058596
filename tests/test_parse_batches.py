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


def test_a_list_number_glued_to_the_first_name_is_not_part_of_it():
    # IEEE lists copied without the space ("[1]F. Menga, …", tests/resolver_corpus)
    from bibkaz.parse import parse_references

    glued, spaced = parse_references([
        "[1]F. Menga, Water and Power in Central Asia, 1st ed. London: Routledge, 2018.",
        "[1] F. Menga, Water and Power in Central Asia, 1st ed. London: Routledge, 2018."])
    assert glued == spaced
    assert [n.family for n in glued.authors] == ["Menga"] and glued.title == "Water and Power in Central Asia"

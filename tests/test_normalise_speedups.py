"""Fast paths in the normalisers must match the plain definitions they replace."""

from __future__ import annotations

from pathlib import Path

from bibkaz.parse.crf.data import read_jsonl
from bibkaz.parse.normalise import names

SAMPLE = Path(__file__).resolve().parents[1] / "bibkaz" / "parse" / "crf" / "training-data" / "sample.jsonl"


def test_the_fast_person_separator_splits_like_the_definition():
    lists = [seg for ref in read_jsonl(SAMPLE) for label in ("author", "editor")
             for seg in ref.to_json()["fields"].get(label, [])]
    lists += ["Smith, J., and Doe, A.", "Müller und Meier", "Dupont et Durand", "Dupont et al.",
              "Anderson, B. & Sand, C.", "Sandra Joireman and Rand Ethan", "A and B", "and", "et",
              "Hand, Band, Und, Etal", "X ,and Y", "Roe,& Poe", "Bet et Tet", "Lund und Lund"]
    assert len(lists) > 200
    for text in lists:
        assert names._PERSON_SEPARATOR_FAST.split(text) == names._PERSON_SEPARATOR.split(text), text

"""The hand-labelled own records of tests/records/ and what find_own gives, shared by the own-record tests."""

from __future__ import annotations

import json
from pathlib import Path

from bibkaz.extract.metadata import find_own
from bibkaz.read import read_document

RECORDS = Path(__file__).parent / "records"
DEV = Path(__file__).parent / "corpus" / "dev"


def own_found(path: Path):
    """find_own's answer for a real file (the record and the lines it came from); a file without one fails."""
    own = find_own(read_document(path).lines)
    assert own is not None
    return own


def own_record(path: Path):
    return own_found(path).record


def gold(name: str) -> dict:
    """The hand-labelled record of tests/records/<name>."""
    stem = name.rsplit(".", 1)[0]
    return json.loads((RECORDS / f"{stem}.record.json").read_text(encoding="utf-8"))["record"]


def dev_gold(name: str) -> dict:
    """The hand-labelled record of the dev part's tests/corpus/dev/<name> (its gold file's ``record``)."""
    path = DEV / name
    return json.loads(path.with_name(Path(name).stem + ".gold.json").read_text(encoding="utf-8"))["record"]


def families(record) -> list[str]:
    return [n.literal or " ".join(p for p in (n.particle, n.family) if p) for n in record.authors]


def gold_families(record: dict) -> list[str]:
    return [a.split(",")[0] for a in record["authors"]]

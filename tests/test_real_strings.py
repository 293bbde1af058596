"""The hand-labelled real reference strings (issue 13): the files are what
bench/parse_real.py and `bibkaz train` expect, the split is by document, every
document's source and licence is recorded, and the shipped parser reads the
shapes these documents use."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bibkaz.parse.crf import CrfParser
from bibkaz.parse.crf.convert import to_record
from bibkaz.parse.crf.data import read_jsonl
from bibkaz.parse.crf.tokens import segments, tokenize
from bibkaz.parse.crf.type_evidence import type_from_evidence

ROOT = Path(__file__).resolve().parents[1]
HELDOUT = ROOT / "bench" / "real_strings" / "heldout.jsonl"
TRAIN = ROOT / "bibkaz" / "parse" / "crf" / "training-data" / "real.jsonl"
README = ROOT / "bench" / "real_strings" / "README.md"


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_split_is_by_document_and_large_enough():
    held, train = _rows(HELDOUT), _rows(TRAIN)
    held_docs, train_docs = {r["doc"] for r in held}, {r["doc"] for r in train}
    assert not held_docs & train_docs
    assert len(held) >= 300 and len(held_docs) >= 12
    assert len(held) + len(train) >= 1000 and len(held_docs | train_docs) >= 40
    assert not any(doc.startswith("test/") or "corpus/test" in r.get("id", "") for r in held + train for doc in [r["doc"]])


@pytest.mark.parametrize("path", [HELDOUT, TRAIN], ids=["heldout", "train"])
def test_lines_are_training_format_with_a_type(path):
    refs = list(read_jsonl(path))
    rows = _rows(path)
    assert len(refs) == len(rows)
    for ref, row in zip(refs, rows):
        assert ref.source == "real" and row["type"]
        assert [t for t, _ in ref.tokens] == tokenize(ref.text)


def test_every_document_has_source_and_licence_in_the_readme():
    table = README.read_text(encoding="utf-8")
    for doc in {r["doc"] for r in _rows(HELDOUT) + _rows(TRAIN)}:
        line = next(ln for ln in table.splitlines() if ln.startswith(f"| {doc} |"))
        assert ("Public domain" in line or "CC BY" in line) and "http" in line


def test_gold_labels_give_the_recorded_types_for_legislation_and_reports():
    for row in _rows(TRAIN):
        if row["type"] in ("legislation", "legal_case") and row["doc"].startswith(("crs/", "gao/")):
            assert to_record(segments([tuple(p) for p in row["tokens"]])).type in ("legislation", "bill", "legal_case")


def test_access_note_without_periodical_is_a_web_page():
    assert type_from_evidence({"title": '"Mozilla VR".', "container-title": "Mozilla VR.",
                               "note": "Retrieved 2016-10-27."}) == "webpage"
    assert type_from_evidence({"title": '"Mac vendors ponder Netscape gambit.".', "journal": "Macworld.",
                               "note": "Retrieved 2012-08-19."}) == ""
    assert type_from_evidence({"title": "House Rule XI, clause 2(g),"}) == "legislation"


def test_evidence_of_sites_congressional_documents_and_orders():
    # a site named by its domain is a web page even when labelled as a periodical
    assert type_from_evidence({"title": '"Two discontinued browsers".', "journal": "LWN.net.",
                               "note": "Retrieved 2012-08-19."}) == "webpage"
    assert type_from_evidence({"title": '"Mozilla Releases Annual Report".', "container-title": "techcrunch.com."}) == "webpage"
    assert type_from_evidence({"title": "S. Rep. No. 118-188,"}) == "report"
    assert type_from_evidence({"title": "Section 404 of S.Con.Res. 13 [111th Congress]"}) == "bill"
    assert type_from_evidence({"title": "Streamlining Federal Cybersecurity Regulations Act, S.4630, 118 th Cong."}) == "bill"
    assert type_from_evidence({"title": "clause 10 of House rule XXI"}) == "legislation"
    assert type_from_evidence({"journal": "Congressional Record,", "volume": "vol. 169"}) == "document"
    assert type_from_evidence({"journal": "Cong. Rec.", "volume": "170"}) == "document"
    assert type_from_evidence({"genre": "Exec. Order No. 14,169,"}) == "legislation"


@pytest.fixture(scope="module")
def parser() -> CrfParser:
    return CrfParser.load()


def test_shipped_parser_reads_crs_and_gao_forms(parser):
    # strings from training documents (R45741, gao-26-107820): the forms policy notes use most
    crs = parser.parse("CRS Report R41816, National Park System: What Do the Different Park Titles Signify?, "
                       "by Laura B. Comay.")
    assert crs.title == "National Park System: What Do the Different Park Titles Signify?"
    assert [a.family for a in crs.authors] == ["Comay"] and crs.type == "report"
    gao = parser.parse("GAO, Standards for Internal Control in the Federal Government, GAO-14-704 "
                       "(Washington, D.C.: Sept. 2014).")
    assert gao.title == "Standards for Internal Control in the Federal Government"
    assert gao.date == "2014-09" and gao.type == "report"

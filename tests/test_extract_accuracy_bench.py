"""The real-document scorer (bench/extract_accuracy.py, bench/record_accuracy.py)
on a tiny hand-made gold file and bibkaz's real output for a document written
here: the numbers the benchmark prints must be the ones a reader counts by hand."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import extract_accuracy as ea  # noqa: E402
import record_accuracy as ra  # noqa: E402

DOCUMENT = """Water and Cities

Maria Lopez

Cities need water (Smith 2019). Rivers matter too (Jones and Brown 2020).

References

Smith, John. 2019. "Urban Water Supply in Dry Regions." Journal of Hydrology 12 (3): 45–67. https://doi.org/10.1000/hyd.2019.12.

Jones, Anna, and Peter Brown. 2020. The River Book. London: Verso.

Wu, Li. 2018. "Groundwater Markets." Water Policy 4: 1–9.
"""

# w1 is given with another spelling of its DOI and title case; w2 with one author
# too few (so its authors field is wrong); w3 is not in the document (missed);
# Wu 2018 is in the document but not in gold (spurious).
GOLD = {
    "document": "water.txt",
    "record": {"title": "Water and Cities", "authors": ["Lopez, Maria"], "date": "2023-06-01",
               "publisher": "Water Institute", "url": ""},
    "works": [
        {"id": "w1", "text": 'Smith, John. 2019. "Urban Water Supply in Dry Regions." Journal of Hydrology 12 (3): '
                             "45–67. https://doi.org/10.1000/hyd.2019.12.", "line": 9, "end_line": 9,
         "type": "article-journal", "authors": ["Smith"], "title": "Urban water supply in dry regions",
         "container": "Journal of Hydrology", "year": "2019", "doi": "https://doi.org/10.1000/HYD.2019.12", "url": ""},
        {"id": "w2", "text": "Jones, Anna, and Peter Brown. 2020. The River Book. London: Verso.", "line": 11,
         "end_line": 11, "type": "book", "authors": ["Jones"], "title": "The River Book", "container": "",
         "year": "2020", "doi": "", "url": ""},
        {"id": "w3", "text": "Park, Su. 2001. Missing Work. Seoul: Han.", "line": 0, "end_line": 0, "type": "book",
         "authors": ["Park"], "title": "Missing Work", "container": "", "year": "2001", "doi": "", "url": ""},
    ],
    "notes": [],
    "citations": [
        {"line": 5, "marker": "(Smith 2019)", "works": ["w1"]},
        {"line": 6, "marker": "(Jones and Brown 2020)", "works": ["w2"]},  # one line off: still linked
        {"line": 5, "marker": "(Park 2001)", "works": ["w3"]},
    ],
    "list_entries": [],
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A one-document corpus in the layout of tests/corpus."""
    root = tmp_path_factory.mktemp("corpus")
    (root / "dev").mkdir()
    (root / "dev" / "water.txt").write_text(DOCUMENT, encoding="utf-8")
    (root / "dev" / "water.gold.json").write_text(json.dumps(GOLD), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def library(corpus: Path) -> dict:
    return ea.run_bibkaz(corpus / "dev" / "water.txt")


def test_document_record_is_not_a_cited_work(library: dict) -> None:
    keys = {i.key for i in ea.bibkaz_items(library)}
    own = [w["key"] for w in library["works"] if w.get("document")]
    assert own and not keys & set(own)
    assert len(keys) == 3


def test_recall_spurious_fields_and_citations(corpus: Path) -> None:
    doc, gold_path = ea.corpus_documents("dev", corpus)[0]
    s = ea.score_document(doc, json.loads(gold_path.read_text()), ("bibkaz",))["bibkaz"]
    assert (s.gold_works, s.found, s.recall()) == (3, 2, pytest.approx(2 / 3))
    assert (s.outputs, s.spurious, s.duplicates) == (3, 1, 0)
    assert [m["key"] for m in s.missed] == ["w3"]
    assert [x["title"] for x in s.spurious_items] == ["Groundwater Markets"]
    # w1: authors, title, container, year, doi right; w2: title, year right, authors wrong
    assert s.fields["authors"] == {"right": 1, "wrong": 1}
    assert s.fields["doi"] == {"right": 1} and s.fields["url"] == {}
    assert s.field_accuracy() == pytest.approx(7 / 8)
    assert (s.cites_linked, s.cites_total) == (2, 3)


def test_match_rules() -> None:
    gold = ea.Item("g", title="Recent Incidents", year="2020", url="https://www.ukmto.org/recent-incidents",
                   texts=("UKMTO, Recent Incidents, https://www.ukmto.org/recent-incidents.",))
    assert ea.match_score(gold, ea.Item("o", url="http://ukmto.org/recent-incidents/")) == 5.0
    assert ea.match_score(gold, ea.Item("o", title="Recent incidents", year="2021")) == 0.0  # years differ
    assert ea.match_score(gold, ea.Item("o", title="Incidents")) == 0.0  # too short for token_set
    assert ea.match_score(ea.Item("g", doi="10.1/ABC"), ea.Item("o", doi="doi:10.1/abc.")) == 6.0
    untitled = ea.Item("g", texts=("Congressional Record, daily edition, vol. 169 (October 3, 2023), pp. H4969-4978.",))
    assert 1 < ea.match_score(untitled, ea.Item("o", texts=(
        "⁴ Congressional Record, daily edition, vol. 169 (October 3, 2023), pp. H4969–4978.",))) <= 2


def test_one_output_work_stands_for_one_gold_work() -> None:
    golds = [ea.Item("a", title="Annual Energy Outlook", year="2020"), ea.Item("b", title="Annual Energy Outlook")]
    outputs = [ea.Item("x", title="Annual Energy Outlook", year="2020")]
    m = ea.match(golds, outputs)
    assert m.pairs == {"a": "x"} and ("b", "x") in m.matches


def test_field_outcomes() -> None:
    assert ea.field_outcome("authors", ("Núñez", "O’Neil"), ("Nunez", "O'Neil")) == "right"
    assert ea.field_outcome("authors", ("Lee", "Ruiz"), ("Ruiz", "Lee")) == "wrong"
    assert ea.field_outcome("container", "Punch", "") == "missing"
    assert ea.field_outcome("url", "", "https://x.org") == "wrong"
    assert ea.field_outcome("doi", "", "") is None


def test_a_doi_link_in_url_is_the_doi_the_other_side_gives() -> None:
    gold = ea.Item("g", doi="10.1086/262077", url="https://doi.org/10.1086/262077")
    assert ea.paired_outcome("url", gold, ea.Item("o", doi="10.1086/262077")) == "right"
    assert ea.paired_outcome("url", ea.Item("g", doi="10.1/a"), ea.Item("o", doi="10.1/a", url="http://dx.doi.org/10.1/A")) == "right"
    assert ea.paired_outcome("url", gold, ea.Item("o", doi="10.1086/999")) == "missing"  # another DOI
    assert ea.paired_outcome("url", ea.Item("g", url="https://x.org/a"), ea.Item("o", doi="10.1/a")) == "missing"


def test_record_scores(library: dict) -> None:
    outcomes = ra.score_record(GOLD, library)
    assert outcomes["title"] == "right" and outcomes["authors"] == "right"
    assert outcomes["publisher"] == "missing" and outcomes["date"] == "missing"
    assert ra.record_outcome("date", "2023-06", "2023-06-01") == "right"
    assert ra.record_outcome("date", "2023-06-01", "2023") == "wrong"


def test_errors_refused_on_test_part() -> None:
    with pytest.raises(SystemExit):
        ea.parse_args(["--part", "test", "--errors"])

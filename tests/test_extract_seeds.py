"""End to end over seeds/: counts per document, exact fields, determinism, staleness."""

from __future__ import annotations

import json
from pathlib import Path

import bibtexparser
import pytest
from click.testing import CliRunner

from bibkaz.cli import main
from bibkaz.formats import library_json
from bibkaz.pipeline import build_library

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="module")
def built():
    return build_library([SEEDS])


def _counts(extraction):
    linked = sum(1 for m in extraction.mentions if m.reference is not None)
    unresolved = sum(1 for m in extraction.mentions if m.reference is None)
    return len(extraction.references), linked, unresolved


def test_counts_per_document(built):
    counts = {e.document.id[:3]: _counts(e) for e in built.extractions}
    # footnotes ¹–⁷ each called once; 15 glued calls with no notes; 17 APA entries
    # and 25 author-date citations; two documents cite nothing.
    assert counts == {
        "000": (7, 7, 0),
        "001": (0, 0, 15),
        "002": (0, 0, 0),
        "003": (17, 25, 0),
        "004": (0, 0, 0),
    }
    assert len(built.library.works) == 7 + 17 + 4  # cited works + four documents' own entries
    assert not built.problems


def test_glued_calls_are_told_from_numbers(built):
    e = next(x for x in built.extractions if x.document.id.startswith("001"))
    assert [int(m.marker) for m in e.mentions] == list(range(1, 16))
    assert all(m.reason for m in e.mentions)
    # "released in March 2020,2" is call 2; "1,800 kms" is not a call
    assert "released in March 2020,2" in e.mentions[1].sentence
    assert not any("1,800" in m.sentence for m in e.mentions)


def _work(built, key):
    return built.library.work(key)


def test_footnote_fields(built):
    r = _work(built, "vanderhill2020between").record
    assert r.type == "article-journal"
    assert [n.inverted() for n in r.authors] == ["Vanderhill, Rachel", "Joireman, Sandra F.", "Tulepbayeva, Roza"]
    assert (r.container_title, r.volume, r.issue, r.pages, r.date) == ("International Affairs", "96", "4", "975-993", "2020")
    book = _work(built, "anceschi2020analysing").record
    assert (book.type, book.publisher, book.place) == ("book", "Routledge", "Abingdon-New York")
    news = _work(built, "kassenova2022why").record
    assert (news.type, news.container_title, news.date) == ("article-newspaper", "The Washington Post", "2022-01-13")


def test_apa_fields(built):
    r = _work(built, "meister2018hedging").record
    assert r.type == "chapter"
    assert [n.inverted() for n in r.editors] == ["Ebert, H.", "Flemes, D."]
    assert (r.container_title, r.pages, r.publisher, r.doi) == (
        "Regional Powers and Contested Leadership", "301-326", "Springer International Publishing",
        "10.1007/978-3-319-73691-4_11",
    )
    a, b = _work(built, "umarov2022after").record, _work(built, "umarov2022kazakhstan").record
    assert (a.date, b.date) == ("2022-09-10", "2022-09-16")  # 2022a and 2022b stay two works
    assert _work(built, "auyezov2022kazakhstan").record.date == "2022-09-26"


def test_author_date_links(built):
    meister = _work(built, "meister2018hedging")
    assert sorted(m.locator for m in meister.mentions) == ["p. 308", "p. 309", "p. 315"]
    umarov_a = _work(built, "umarov2022after")
    assert len(umarov_a.mentions) == 2
    assert len(_work(built, "ohle2020chinas").mentions) == 2


def test_document_own_entries(built):
    lib = built.library
    by_doc = {w.document[:3]: w.record for w in lib.works if w.document}
    assert set(by_doc) == {"000", "002", "003", "004"}  # 001 states no title: nothing invented
    assert by_doc["002"].date == "2014-05-13"
    assert [n.display() for n in by_doc["002"].authors] == ["Reid Standish"]
    assert by_doc["000"].title == "Recent Developments in Kazakhstani Multivectorism"
    assert by_doc["000"].event == "BEAR-PONARS Eurasia Conference"
    assert [n.display() for n in by_doc["003"].authors] == ["Sophie Zwick"]
    assert by_doc["004"].authors == () and by_doc["004"].date == ""


def test_editorial_markers_and_handles_are_not_works(built):
    texts = " ".join(r.text for e in built.extractions for r in e.references)
    assert "FU1" not in texts and "@anceschistan" not in texts and "@ReidStan" not in texts


def test_references_bib_is_current(tmp_path):
    out = tmp_path / "references.bib"
    result = CliRunner().invoke(main, ["extract", str(SEEDS), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == (ROOT / "references.bib").read_text(encoding="utf-8"), (
        "references.bib is stale: run `bibkaz extract seeds/` and commit it"
    )


def test_two_runs_are_byte_identical(tmp_path):
    outs = []
    for n in range(2):
        out = tmp_path / f"r{n}.bib"
        js = tmp_path / f"r{n}.json"
        CliRunner().invoke(main, ["extract", str(SEEDS), "-o", str(out), "--json", str(js), "-q"])
        outs.append((out.read_bytes(), js.read_bytes()))
    assert outs[0] == outs[1]


def test_bib_loads_in_bibtexparser_and_pybtex():
    text = (ROOT / "references.bib").read_text(encoding="utf-8")
    lib = bibtexparser.parse_string(text)
    assert not lib.failed_blocks and len(lib.entries) == 28
    pybtex_db = pytest.importorskip("pybtex.database")
    data = pybtex_db.parse_string(text, "bibtex")
    assert len(data.entries) == 28
    assert str(data.entries["laruelle2018why"].persons["author"][0]) == "Laruelle, M."


def test_library_json_shape_and_round_trip(built, tmp_path):
    data = json.loads(library_json.dumps(built.library))
    assert data["bibkaz"] == 1
    assert {d["id"][:3] for d in data["documents"]} == {"000", "001", "002", "003", "004"}
    assert len(data["unresolved"]) == 15
    kinds = {c["kind"] for w in data["works"] for c in w["citations"]}
    assert kinds == {"note", "author-date"}
    back = library_json.loads(library_json.dumps(built.library))
    assert [w.key for w in back.works] == [w.key for w in built.library.works]
    assert back.work("laruelle2018why").record.doi == "10.1080/10758216.2016.1220257"

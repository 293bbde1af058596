"""The streamed pipeline (issue 15): results spooled to disk, the spooled resolver, the
library written a work at a time; the bytes must be those of the in-memory path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bibkaz.formats import library_json
from bibkaz.formats.bibtex import write_library
from bibkaz.model import Extraction, ParsedReference
from bibkaz.pipeline import build_library, write_outputs
from bibkaz.resolve import resolve_report
from bibkaz.run import Serial, discover_sources
from bibkaz.run.store import Folder, Spool
from bibkaz.run.write import write_json

ROOT = Path(__file__).resolve().parent.parent
INPUTS = [ROOT / "seeds", ROOT / "tests" / "briefs"]
DEV = ROOT / "tests" / "corpus" / "dev"


def _today(paths) -> tuple[str, str, tuple[str, ...]]:
    """The .bib, JSON and warnings of the path every run took before streaming:
    every result held, resolved in memory, the library turned into one string."""
    extractions: list[Extraction] = []
    parsed: list[ParsedReference] = []
    for outcome in Serial().extract(discover_sources(paths)):
        if outcome.extraction is not None:
            extractions.append(outcome.extraction)
            parsed.extend(outcome.parsed)
    library = resolve_report(extractions, parsed).library
    return write_library(library), library_json.dumps(library), library.warnings


@pytest.fixture(scope="module")
def today() -> tuple[str, str, tuple[str, ...]]:
    return _today(INPUTS)


@pytest.mark.parametrize("in_memory", [1_000_000, 0], ids=["in-memory", "spooled"])
def test_streamed_writes_the_same_bytes(tmp_path, today, in_memory):
    built = build_library(INPUTS, streamed=True, in_memory=in_memory)
    write_outputs(built, tmp_path / "r.bib", tmp_path / "r.json")
    bib, js, warnings = today
    assert (tmp_path / "r.bib").read_text(encoding="utf-8") == bib
    assert (tmp_path / "r.json").read_text(encoding="utf-8") == js
    assert built.library.warnings == warnings
    assert len(built.extractions) == len(json.loads(js)["documents"])


def test_materialized_library_is_todays(today):
    """Commands that transform the library get tuples, as before."""
    library = build_library(INPUTS, in_memory=0).library
    assert isinstance(library.works, tuple) and isinstance(library.documents, tuple)
    assert write_library(library) == today[0]
    assert library_json.dumps(library) == today[1]


def test_dev_documents_spooled_match(tmp_path):
    """A larger real set (a slice of the development corpus, with pages, notes, own records)."""
    docs = sorted(p for p in DEV.iterdir() if p.suffix in (".txt", ".md", ".html"))[:12]
    bib, js, _ = _today(docs)
    built = build_library(docs, streamed=True, in_memory=10)
    write_outputs(built, tmp_path / "r.bib", tmp_path / "r.json")
    assert (tmp_path / "r.bib").read_text(encoding="utf-8") == bib
    assert (tmp_path / "r.json").read_text(encoding="utf-8") == js


def test_empty_sections_are_written_as_dumps_does(tmp_path):
    from bibkaz.model import Library

    write_json(Library(), tmp_path / "e.json")
    assert (tmp_path / "e.json").read_text(encoding="utf-8") == library_json.dumps(Library())


def test_spool_reads_back_by_position_and_in_order(tmp_path):
    folder = Folder()
    spool: Spool[tuple[int, str]] = Spool(folder, "values")
    values = [(n, "x" * (n % 17)) for n in range(1000)]
    spool.extend(values)
    assert spool[0] == values[0] and spool[-1] == values[-1] and spool[517] == values[517]
    assert list(spool) == values
    assert spool.range(10, 20) == values[10:20]
    assert len(spool) == 1000
    path = folder.path
    del spool
    folder.remove()
    assert not path.exists()


def test_spooled_buckets_on_processes_give_the_same_bytes(tmp_path, today):
    """Past the in-memory limit the resolver's buckets run on the --jobs processes."""
    from bibkaz.run import Processes

    built = build_library(INPUTS, runner=Processes(2), streamed=True, in_memory=0)
    write_outputs(built, tmp_path / "r.bib", tmp_path / "r.json")
    assert (tmp_path / "r.bib").read_text(encoding="utf-8") == today[0]
    assert (tmp_path / "r.json").read_text(encoding="utf-8") == today[1]


def test_a_pdfs_pages_are_written_as_before(tmp_path):
    """References and citations of a PDF carry their page: the streamed writer finds the page of
    each from the document it kept, as the in-memory one does."""
    from tests.laid_out.make_pdf import write_pdf
    from tests.test_read_pdf import brief_pages

    folder = tmp_path / "in"
    folder.mkdir()
    write_pdf(folder / "brief.pdf", brief_pages())
    (folder / "notes.txt").write_text((ROOT / "tests" / "briefs" / "chicago_notes.txt").read_text(encoding="utf-8"),
                                      encoding="utf-8")
    bib, js, _ = _today([folder])
    assert '"page": 2' in js
    built = build_library([folder], streamed=True, in_memory=0)
    write_outputs(built, tmp_path / "r.bib", tmp_path / "r.json")
    assert (tmp_path / "r.bib").read_text(encoding="utf-8") == bib
    assert (tmp_path / "r.json").read_text(encoding="utf-8") == js


def test_the_bib_formatted_beside_the_json_is_the_same(tmp_path, today):
    """With --jobs the .bib is written by another process while the client writes the JSON."""
    from bibkaz.run import Processes

    built = build_library(INPUTS, streamed=True)
    write_outputs(built, tmp_path / "r.bib", tmp_path / "r.json", runner=Processes(2))
    assert (tmp_path / "r.bib").read_text(encoding="utf-8") == today[0]
    assert (tmp_path / "r.json").read_text(encoding="utf-8") == today[1]
    with pytest.raises(Exception, match="dialect"):
        write_outputs(built, tmp_path / "s.bib", tmp_path / "s.json", "bibtex8", runner=Processes(2))


def test_features_sent_beside_each_record_are_those_the_resolver_computes():
    """A pool process or a Dask worker sends each record's features with it; the clustering
    made from them is the one made from features computed on the client."""
    from bibkaz.resolve.cluster import cluster_records
    from bibkaz.resolve.features import features, unpacked
    from bibkaz.run.task import extract_source

    records, is_doc, packed = [], [], []
    for source in discover_sources(INPUTS):
        outcome = extract_source(source)
        if outcome.extraction is None:
            continue
        meta = outcome.extraction.document.meta
        mine = [(p.record, False) for p in outcome.parsed] + ([(meta, True)] if meta is not None else [])
        assert [unpacked(f) for f in outcome.features] == [features(r, d) for r, d in mine]
        assert not extract_source(source, featured=False).features
        records += [r for r, _ in mine]
        is_doc += [d for _, d in mine]
        packed += outcome.features
    assert len(records) >= 100 and any(is_doc)
    assert cluster_records(records, is_doc, packed=packed) == cluster_records(records, is_doc)

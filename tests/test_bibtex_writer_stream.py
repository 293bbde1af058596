"""The streamed .bib writer (issue 15: "the .bib streamed out"): its bytes are those of the
one-shot ``write_library`` on real inputs, whatever the chunk size and wherever the chunks
are formatted; the committed references.bib of the seeds is reproduced byte for byte."""

from __future__ import annotations

import io
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

import pytest

from bibkaz.formats.bibtex import write_library, written_by_bibkaz
from bibkaz.formats.bibtex import writer
from bibkaz.model import BibkazError, Library, Record, Work
from bibkaz.pipeline import build_library, write_outputs
from bibkaz.run.write import bib_written_beside, write_bib

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
BRIEFS = ROOT / "tests" / "briefs"
DEV = ROOT / "tests" / "corpus" / "dev"


@pytest.fixture(scope="module")
def briefs() -> Library:
    """The seeds, tests/briefs and a slice of the dev corpus, resolved and held in memory."""
    dev = sorted(p for p in DEV.iterdir() if p.suffix in (".txt", ".md"))[:8]
    return build_library([SEEDS, BRIEFS, *dev]).library


def _streamed(library: Library, dialect: str = "biblatex", pool=None) -> str:
    out = io.BytesIO()
    entries = sorted(((w.key, w.record) for w in library.works), key=lambda e: e[0])
    writer.write_streamed(out, lambda: entries, len(entries), dialect, pool)
    return out.getvalue().decode("utf-8")


def test_the_seeds_give_the_committed_references_bib(tmp_path):
    built = build_library([SEEDS], streamed=True, in_memory=0)
    write_outputs(built, tmp_path / "references.bib", None)
    assert (tmp_path / "references.bib").read_bytes() == (ROOT / "references.bib").read_bytes()


@pytest.mark.parametrize("dialect", ["biblatex", "bibtex"])
@pytest.mark.parametrize("chunk", [1, 7, writer.CHUNK])
def test_chunks_join_to_the_one_shot_text(briefs, dialect, chunk, monkeypatch):
    """Chunk edges fall between entries anywhere; the proper nouns of every title still brace
    each one (a word capitalised mid-title in one brief's title is braced in another's)."""
    assert len(briefs.works) > 40
    monkeypatch.setattr(writer, "CHUNK", chunk)
    assert _streamed(briefs, dialect) == write_library(briefs, dialect)


def test_chunks_formatted_in_other_processes_come_back_in_order(briefs, monkeypatch):
    monkeypatch.setattr(writer, "CHUNK", 5)
    with ProcessPoolExecutor(2) as pool:
        assert _streamed(briefs, pool=pool) == write_library(briefs)
    with ThreadPoolExecutor(3) as pool:
        assert _streamed(briefs, "bibtex", pool) == write_library(briefs, "bibtex")


def test_the_streamed_file_is_recognised_as_bibkaz_s_and_an_edit_is_not(briefs, tmp_path):
    path = tmp_path / "r.bib"
    write_bib(briefs, path)
    assert path.read_text(encoding="utf-8") == write_library(briefs)
    assert written_by_bibkaz(path) is True
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("}\n\n@", "}\n\n% my note\n@", 1), encoding="utf-8")
    assert written_by_bibkaz(path) is False
    assert written_by_bibkaz(tmp_path / "absent.bib") is None


def test_a_header_only_file_and_an_empty_library(tmp_path):
    path = tmp_path / "empty.bib"
    write_bib(Library(), path)
    assert path.read_text(encoding="utf-8") == write_library(Library())
    assert written_by_bibkaz(path) is True


def test_written_beside_the_json_from_a_thread(briefs, tmp_path, monkeypatch):
    """The .bib's thread reads records while the caller writes; its text is the one-shot one."""
    monkeypatch.setattr(writer, "CHUNK", 4)
    with ProcessPoolExecutor(1) as pool, bib_written_beside(briefs, tmp_path / "r.bib", "biblatex", pool):
        (tmp_path / "other").write_text("x")
    assert (tmp_path / "r.bib").read_text(encoding="utf-8") == write_library(briefs)


def test_an_error_in_the_thread_reaches_the_caller_and_leaves_no_file(tmp_path):
    library = Library(works=(Work("a b", Record(type="book", title="One")), Work("a-b", Record(type="book", title="Two"))))
    with pytest.raises(BibkazError, match="'a-b'"):
        with ThreadPoolExecutor(1) as pool, bib_written_beside(library, tmp_path / "r.bib", "biblatex", pool):
            pass
    assert list(tmp_path.iterdir()) == []


def test_a_spooled_run_streams_the_bib_it_wrote_before(tmp_path):
    """The spooled resolver's records are read from its answer files, two passes over them."""
    built = build_library([SEEDS, BRIEFS], streamed=True, in_memory=0)
    write_outputs(built, tmp_path / "r.bib", tmp_path / "r.json")
    assert (tmp_path / "r.bib").read_text(encoding="utf-8") == write_library(built.library.materialized())

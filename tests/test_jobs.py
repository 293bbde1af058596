"""``--jobs N``: the same bytes as ``--jobs 1``, whatever order the documents finish in (issue 15)."""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import signal
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from bibkaz.cli import main
from bibkaz.formats import library_json
from bibkaz.pipeline import build_library, extract_document
from bibkaz.resolve import resolve_report
from bibkaz.run import Processes, discover_sources
from bibkaz.run.local import MIN_DOCUMENTS_PER_PROCESS, processes_for
from scale_corpus import DEV, ROOT, SLOW, corpus, make_corpus, run_extract, serial  # noqa: F401 - fixtures


def test_jobs_2_writes_the_bytes_of_jobs_1(corpus, serial, tmp_path):
    status, bib, js, stderr = serial
    assert status == 1  # the empty and the binary file are skipped, with a warning each
    assert "empty.txt: file is empty" in stderr and "zz_binary.txt" in stderr
    assert processes_for(2, len(discover_sources([corpus]))) == 2  # really two processes
    assert run_extract([str(corpus)], tmp_path, "--jobs", "2") == serial


def test_results_come_in_input_order_though_the_first_finishes_last(corpus):
    sources = discover_sources([corpus])
    assert sources[0].shown.endswith("0000_gov_crs_r48913_corporate_tax.txt")  # the slowest, first
    outcomes = list(Processes(2).extract(sources))
    assert [o.index for o in outcomes] == list(range(len(sources)))
    assert [Path(o.extraction.document.path).name for o in outcomes if o.extraction] == [
        Path(s.shown).name for s in sources if "empty" not in s.shown and "binary" not in s.shown]


def test_every_command_that_reads_documents_takes_jobs(tmp_path):
    """They all load documents through bibkaz.load and take --jobs from one decorator;
    ``top -n 0`` (every work) stands for the rest."""
    corpus = make_corpus(tmp_path / "corpus", bad=False, slow=False)
    for args in (["top", "-n", "0"],):
        one = CliRunner().invoke(main, [*args, str(corpus), "--jobs", "1"])
        two = CliRunner().invoke(main, [*args, str(corpus), "--jobs", "2"])
        assert one.exit_code == two.exit_code == 0, (args, one.output)
        assert one.stdout == two.stdout and one.stderr == two.stderr and one.stdout, args


def test_a_killed_worker_process_loses_no_document(tmp_path):
    """SIGKILL one pool process mid-run: the documents in flight run again, each on its own.

    The corpus holds the slowest brief several times over, so the pool lives long enough to be
    caught mid-run however warm the forkserver already is (earlier tests start it)."""
    corpus = make_corpus(tmp_path / "corpus")
    for k in range(6):
        shutil.copy(DEV / SLOW, corpus / f"0000_{k}_{SLOW}")
    serial = run_extract([str(corpus)], tmp_path / "one", "--jobs", "1")
    killed: list[int] = []

    def kill_one() -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not killed:
            for child in multiprocessing.active_children():
                if child.name.startswith(("SpawnProcess", "ForkServerProcess")) and child.pid:
                    time.sleep(0.2)  # let it take a document
                    try:
                        os.kill(child.pid, signal.SIGKILL)
                    except ProcessLookupError:
                        continue  # it finished first: try the next one
                    killed.append(child.pid)
                    return
            time.sleep(0.02)

    killer = threading.Thread(target=kill_one, daemon=True)
    killer.start()
    result = run_extract([str(corpus)], tmp_path / "two", "--jobs", "2")
    killer.join()
    assert killed, "no worker process was seen"
    assert result == serial


def test_few_documents_stay_in_this_process():
    assert processes_for(8, MIN_DOCUMENTS_PER_PROCESS * 2 - 1) == 1
    assert processes_for(8, MIN_DOCUMENTS_PER_PROCESS * 3) == 3
    assert processes_for(1, 10_000) == 1


def test_the_client_keeps_no_document_text_and_the_json_is_unchanged():
    """Extractions come back without text; what the library JSON needs of it is kept."""
    built = build_library([ROOT / "seeds"])
    assert all(e.document.text == "" for e in built.extractions)
    whole = [extract_document(p) for p in sorted((ROOT / "seeds").iterdir())]
    with_text = resolve_report([e for e, _ in whole], [p for _, refs in whole for p in refs]).library
    assert any(d.text for d in with_text.documents)
    assert library_json.dumps(built.library) == library_json.dumps(with_text)
    own = [d for d in json.loads(library_json.dumps(built.library))["documents"] if "own_fields" in d]
    assert own, "the seeds' own fields were lost with the text"


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_documents_with_one_file_name_keep_their_own_references(tmp_path, jobs):
    # "a/brief.txt" and "b/brief.txt" (two different real briefs): one id each, or the second
    # document's references would be pooled with, and lost behind, the first's.
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    for folder, seed in (("a", seeds[0]), ("b", seeds[3])):
        (tmp_path / "in" / folder).mkdir(parents=True)
        (tmp_path / "in" / folder / "brief.txt").write_bytes(seed.read_bytes())
    alone = [build_library([seed]).extractions[0] for seed in (seeds[0], seeds[3])]
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "in"), "-o", str(tmp_path / "r.bib"),
                                       "--json", str(tmp_path / "l.json"), "--jobs", jobs])
    assert result.exit_code == 0, result.output
    library = json.loads((tmp_path / "l.json").read_text())
    assert [d["id"] for d in library["documents"]] == ["a/brief", "b/brief"]
    for doc_id, single in zip(("a/brief", "b/brief"), alone):
        mine = [r for w in library["works"] for r in w["references"] if r["document"] == doc_id]
        assert len(mine) == len(single.references) > 0


def test_ids_of_documents_sharing_a_name_are_the_shortest_tails_that_tell_them_apart():
    from bibkaz.run.sources import unique_ids

    assert unique_ids(["site/a/index.md", "site/b/index.md", "site/b/c/index.md", "other/b/index.md", "x.txt"]) == [
        "a/index", "site/b/index", "c/index", "other/b/index", "x"]
    assert unique_ids(["d/brief.pdf", "d/brief.txt"]) == ["d/brief.pdf", "d/brief.txt"]

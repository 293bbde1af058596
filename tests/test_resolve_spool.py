"""The resolver bucket by bucket on disk decides what the resolver in memory decides (issue 15).

The buckets are made small here so that every input is split into several block
buckets and component buckets: blocks, windowed blocks, DOI groups, folded
duplicates and works cited hundreds of times all cross bucket boundaries.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import threading
import time
from pathlib import Path

import pytest

from bibkaz.formats.csl import csl_to_record
from bibkaz.model import ParsedReference
from bibkaz.pipeline import build_library
from bibkaz.resolve import resolve_report
from bibkaz.resolve.cluster import cluster_records
from bibkaz.resolve.spool import SpooledResolver, cluster_spooled, resolve_report_spooled

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import resolve_bench  # noqa: E402

CORPUS = Path(__file__).parent / "resolver_corpus" / "corpus.jsonl"


def _same(spooled, memory):
    """Everything decided is equal; merges are the same set (listed by bucket, not in join order)."""
    assert spooled.groups == memory.groups
    assert spooled.near_misses == memory.near_misses
    assert sorted(spooled.merges) == sorted(memory.merges)
    assert spooled.windowed_blocks == memory.windowed_blocks


def test_resolver_corpus_spooled_in_small_buckets_gives_the_same_clusters(tmp_path):
    lines = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    records = [csl_to_record(line["csl"]) for line in lines]
    entries = [(n, f"r{n}", r, line["doc"], "") for n, (r, line) in enumerate(zip(records, lines))]
    spooled, merged = cluster_spooled(entries, folder=tmp_path / "spool", bucket=40, chunk=50)
    _same(spooled, cluster_records(records, contexts=[line["doc"] for line in lines]))
    assert len(merged) == len(spooled.groups)
    # Intermediate files stay in a folder the caller gave (a shared disk on a cluster).
    assert any((tmp_path / "spool").glob("b-*"))
    # What a task killed while writing leaves behind is never read, and a task run again
    # writes its files again: the same answer.
    (tmp_path / "spool" / ".part-1-b-0-0").write_bytes(b"\x80\x05half a pickle")
    again, _ = cluster_spooled(entries, folder=tmp_path / "spool", bucket=40, chunk=50)
    assert again == spooled


@pytest.mark.parametrize("scenario,size", [("one-work", 1500), ("prefixes", 1200), ("small", 3000)])
def test_bench_scenarios_resolve_alike_on_disk_and_in_memory(scenario, size):
    extractions, parsed, _ = resolve_bench.SCENARIOS[scenario](size)
    memory = resolve_report(extractions, parsed)
    spooled = resolve_report_spooled(extractions, parsed, bucket=300)
    _same(spooled.clustering, memory.clustering)
    assert spooled.library == memory.library
    assert spooled.keys == memory.keys


def test_document_own_records_and_contexts_are_decided_alike(tmp_path):
    # The seeds' own records and the short notes decided by the document that cites them.
    built = build_library([Path(__file__).resolve().parents[1] / "seeds"])
    assert any(item.document for item in built.resolution.items)
    refs = [ParsedReference(i.reference, i.record) for i in built.resolution.items if i.reference is not None]
    memory = resolve_report(built.extractions, refs)
    spooled = resolve_report_spooled(built.extractions, refs, folder=tmp_path, bucket=25)
    _same(spooled.clustering, memory.clustering)
    assert spooled.library == memory.library


@pytest.fixture(scope="module")
def cluster():
    pytest.importorskip("distributed", reason="the cluster extra (pip install 'bibkaz[cluster]') is not installed")
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as local, Client(local) as client:
        client.wait_for_workers(2, timeout=60)
        yield local, client


def _on_cluster(address: str, folder: Path, size: int = 2000, bucket: int = 300):
    from bibkaz.run.dask_runner import DaskRunner

    extractions, parsed, _ = resolve_bench.SCENARIOS["small"](size)
    runner = DaskRunner(address, 2)
    try:
        spooled = resolve_report_spooled(extractions, parsed, mapper=runner.map, folder=folder, bucket=bucket)
    finally:
        runner.close()
    return spooled, resolve_report(extractions, parsed)


def test_spooled_resolver_on_a_local_dask_cluster_gives_the_in_memory_answer(cluster, tmp_path):
    local, _ = cluster
    spooled, memory = _on_cluster(local.scheduler_address, tmp_path)
    _same(spooled.clustering, memory.clustering)
    assert spooled.library == memory.library


def test_a_worker_killed_while_scoring_a_bucket_loses_nothing(cluster, tmp_path):
    """Dask runs the bucket again on another worker; the files it writes are whole or absent."""
    local, client = cluster
    pids = client.run(os.getpid)
    killed: list[str] = []

    def kill_a_scoring_worker() -> None:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            for address, keys in client.processing().items():
                busy = [k for k in keys if str(k).startswith(("bibkaz-resolve-score-", "bibkaz-resolve-decide-"))]
                if busy and address in pids:
                    os.kill(pids[address], signal.SIGKILL)
                    killed.append(str(busy[0]))
                    return
            time.sleep(0.005)

    killer = threading.Thread(target=kill_a_scoring_worker, daemon=True)
    killer.start()
    spooled, memory = _on_cluster(local.scheduler_address, tmp_path, size=4000, bucket=250)
    killer.join()
    assert killed, "no worker was caught scoring or deciding a bucket"
    _same(spooled.clustering, memory.clustering)
    assert spooled.library == memory.library
    client.wait_for_workers(2, timeout=60)  # the nanny restarted the killed worker


def test_documents_fed_one_at_a_time_resolve_as_all_at_once(tmp_path):
    built = build_library([Path(__file__).resolve().parents[1] / "seeds"])
    refs = [ParsedReference(i.reference, i.record) for i in built.resolution.items if i.reference is not None]
    resolver = SpooledResolver(bucket=25, chunk=40)
    for extraction in built.extractions:
        resolver.add(extraction, [p for p in refs if p.reference.document == extraction.document.id])
    streamed = resolver.resolve()
    memory = resolve_report(built.extractions, refs)
    _same(streamed.clustering, memory.clustering)
    assert streamed.library == memory.library
    assert [(i.source, i.reference, i.document) for i in streamed.items] == [
        (i.source, i.reference, i.document) for i in memory.items]


def test_the_answer_stays_on_disk_until_it_is_dropped():
    """The groups, merged records, near misses and joins are read from the buckets' answer
    files; a folder the resolver made holds only those once it returns, and goes with the
    answer. Pickled, the answer is plain tuples (equal to what was read)."""
    import gc
    import pickle

    extractions, parsed, _ = resolve_bench.SCENARIOS["one-work"](600)
    memory = resolve_report(extractions, parsed)
    entries = [(n, p.reference.id, p.record, p.reference.document, "") for n, p in enumerate(parsed)]
    spooled, merged = cluster_spooled(entries, bucket=100, chunk=150)
    folder = spooled.groups._kept.path
    assert sorted({p.name.split("-")[0] for p in folder.iterdir()}) == ["answer"]
    _same(spooled, memory.clustering)
    assert spooled.near_misses[3] == memory.clustering.near_misses[3]
    assert spooled.near_misses[-2:] == list(memory.clustering.near_misses[-2:])
    assert spooled.groups[-1] == memory.clustering.groups[-1]
    by_key = {w.key: w.record for w in memory.library.works}
    assert [m.record for m in merged] == [by_key[key] for key in memory.keys]
    copy = pickle.loads(pickle.dumps(spooled))
    assert isinstance(copy.near_misses, tuple) and copy == spooled
    del spooled, merged
    gc.collect()
    assert not folder.exists()


def test_near_misses_read_after_the_rest_of_the_answer_is_dropped():
    extractions, parsed, _ = resolve_bench.SCENARIOS["one-work"](300)
    entries = [(n, p.reference.id, p.record, p.reference.document, "") for n, p in enumerate(parsed)]
    misses = iter(cluster_spooled(entries, bucket=100, chunk=150)[0].near_misses)
    expected = resolve_report(extractions, parsed).clustering.near_misses
    assert expected and tuple(misses) == expected

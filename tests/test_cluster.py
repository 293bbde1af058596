"""``--cluster``: a Dask scheduler and two workers on 127.0.0.1, started here (issue 15).

The run on the cluster must write what a local run writes, read fsspec URLs on
the workers, and survive a worker killed mid-run (Dask runs its task again
elsewhere; the client takes each result once).
"""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("distributed", reason="the cluster extra (pip install 'bibkaz[cluster]') is not installed")

from distributed import Client, LocalCluster  # noqa: E402

from bibkaz.model import BibkazError  # noqa: E402
from bibkaz.run import discover_sources  # noqa: E402
from bibkaz.run.dask_runner import DaskRunner  # noqa: E402
from scale_corpus import corpus, run_extract, serial  # noqa: E402,F401 - fixtures


@pytest.fixture(scope="module")
def cluster():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as local:
        with Client(local) as client:
            client.wait_for_workers(2, timeout=60)
            yield local, client


def test_a_cluster_run_writes_what_a_local_run_writes(cluster, corpus, serial, tmp_path):
    local, _ = cluster
    assert run_extract([str(corpus)], tmp_path, "--cluster", local.scheduler_address) == serial


def test_workers_read_fsspec_urls(cluster, corpus, serial, tmp_path):
    """A file:// URL stands for s3:// and gs://: the client lists, the workers read."""
    local, _ = cluster
    url = corpus.as_uri()
    status, bib, js, stderr = run_extract([url], tmp_path, "--cluster", local.scheduler_address)
    assert (status, bib) == serial[:2]
    paths = [d["path"] for d in json.loads(js)["documents"]]
    assert paths and all(p.startswith(url + "/") for p in paths)
    assert f"{url}/empty.txt: file is empty" in stderr


def test_a_killed_worker_is_retried_and_nothing_is_lost_or_doubled(cluster, corpus, serial, tmp_path):
    local, client = cluster
    pids = client.run(os.getpid)  # worker address -> process id
    killed: list[tuple[str, int, str]] = []

    def kill_a_busy_worker() -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            for address, keys in client.processing().items():
                busy = [k for k in keys if str(k).startswith("bibkaz-extract-") and not str(k).endswith("-0")]
                if busy and address in pids:
                    os.kill(pids[address], signal.SIGKILL)
                    killed.append((address, pids[address], str(busy[0])))
                    return
            time.sleep(0.01)

    killer = threading.Thread(target=kill_a_busy_worker, daemon=True)
    killer.start()
    result = run_extract([str(corpus)], tmp_path, "--cluster", local.scheduler_address)
    killer.join()
    assert killed, "no worker was caught running a document"
    assert result == serial
    client.wait_for_workers(2, timeout=60)  # the nanny restarted the killed worker
    assert killed[0][1] not in client.run(os.getpid).values()


def test_an_unreachable_scheduler_is_one_line():
    runner = DaskRunner("tcp://127.0.0.1:9", jobs=1, timeout=1)
    with pytest.raises(BibkazError, match=r"^cannot reach the Dask scheduler at tcp://127.0.0.1:9: "):
        runner.client()


def test_a_local_cluster_writes_what_a_local_run_writes_without_profiling_its_workers(corpus, serial, tmp_path):
    """``--cluster local`` starts its own LocalCluster, whose workers do not sample their stacks."""
    runner = DaskRunner("local", jobs=2)
    try:
        outcomes = list(runner.extract(discover_sources([corpus])))
        settings = runner.client().run(_profiling)
    finally:
        runner.close()
    assert len(outcomes) == len(list(corpus.iterdir())) and set(settings.values()) == {False}
    assert run_extract([str(corpus)], tmp_path, "--cluster", "local", "--jobs", "2") == serial


def _profiling() -> bool:
    import dask

    return dask.config.get("distributed.worker.profile.enabled")

"""Running the per-document task on a Dask distributed cluster (``--cluster``).

We do not schedule anything ourselves: each few documents are one Dask task
(:func:`bibkaz.run.task.extract_sources` on their Sources, :data:`BATCH` of them),
and Dask's scheduler places it, moves it off a worker that dies and runs it again
elsewhere. The client keeps a window of tasks in flight and takes results in input
order, so the output is the local run's, and a result is taken exactly once however
many times its task ran: nothing is lost or doubled. A task that every worker it
ran on died with is split: its documents run one a task, so only the one that
kills its worker is lost.

The resolver's buckets run here too (:meth:`DaskRunner.map`, for
:mod:`bibkaz.resolve.spool`): one task a bucket, reading and writing files in a
folder the workers share.

``distributed`` is imported only here, and only when ``--cluster`` is given:
it is the optional ``bibkaz[cluster]`` extra.
"""

from __future__ import annotations

import logging
import uuid
from collections import deque
from typing import Any, Callable, Iterator, Sequence

from bibkaz.model import BibkazError, Problem
from bibkaz.run.sources import Source
from bibkaz.run.task import Outcome, extract_source, extract_sources

#: Documents in flight per worker thread.
WINDOW_PER_THREAD = 8
#: Documents one task extracts: Dask's cost per task (the scheduler's bookkeeping, a message
#: each way, a result serialised on its own) is paid once for these.
BATCH = 4
#: Dask settings of the LocalCluster ``--cluster local`` starts (it has no dashboard to show
#: them): no sampling profiler in each worker (a stack sample every 10 ms of the thread that
#: extracts), memory and system polled every second or two instead of ten times a second by
#: each nanny and worker. A remote cluster keeps its own settings (docs/cluster.md).
LOCAL_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
    # the event loops' watchdog wakes every 20 ms by default: on a loaded machine that was 0.6 CPU s of a
    # 50 s run in the client alone (speed helper, fourteenth session: 2.0 -> 1.4 s)
    "distributed.admin.tick.interval": "1s",
}
#: Seconds to wait for a scheduler (and, for ``local``, for its workers to start).
CONNECT_TIMEOUT = 30


class DaskRunner:
    """Extract on the cluster at ``address`` (``local``: a LocalCluster of ``jobs`` worker processes)."""

    def __init__(self, address: str, jobs: int, timeout: float = CONNECT_TIMEOUT, batch: int = BATCH):
        self.address = address
        self.jobs = jobs
        self.batch = max(1, batch)
        self.timeout = timeout
        self._client: Any = None
        self._cluster: Any = None

    def client(self) -> Any:
        """The Dask client, connected on first use (so a usage error costs no cluster)."""
        if self._client is not None:
            return self._client
        from distributed import Client, LocalCluster

        try:
            if self.address == "local":
                import dask

                with dask.config.set(LOCAL_CONFIG):
                    self._cluster = LocalCluster(
                        n_workers=self.jobs, threads_per_worker=1, processes=True, host="127.0.0.1",
                        dashboard_address=None, silence_logs=logging.ERROR,
                        # No dashboard; the scheduler's small HTTP server on a free port, not on
                        # 8787 (which another cluster may hold: Dask would warn on stderr).
                        scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
                    )
                # Results fetched from the workers themselves, not relayed by the scheduler: a
                # LocalCluster's scheduler runs in this process, so each result would cross
                # loopback twice into it. (A remote cluster's workers may not be reachable.)
                self._client = Client(self._cluster, timeout=self.timeout, direct_to_workers=True)
            else:
                self._client = Client(self.address, timeout=self.timeout)
        except (OSError, TimeoutError, ValueError) as exc:
            self.close()
            raise BibkazError(f"cannot reach the Dask scheduler at {self.address}: "
                              f"{' '.join(str(exc).split()) or type(exc).__name__}") from None
        return self._client

    def _threads(self) -> int:
        info = self.client().scheduler_info()
        return max(1, sum(w.get("nthreads", 1) for w in info.get("workers", {}).values()))

    def extract(self, sources: Sequence[Source]) -> Iterator[Outcome]:
        from distributed import KilledWorker

        client = self.client()
        run = uuid.uuid4().hex[:12]  # keys unique to this run: two runs on one cluster never share a task
        window = max(32 // self.batch, self._threads() * WINDOW_PER_THREAD // self.batch)
        upcoming = iter(_batches(sources, self.batch))
        pending: deque[tuple[list[Source], Any]] = deque()

        def submit(batch: list[Source]) -> Any:
            key = f"bibkaz-extract-{run}-{batch[0].index}"
            return client.submit(extract_sources, batch, key=key, pure=False)

        def fill() -> None:
            while len(pending) < window:
                batch = next(upcoming, None)
                if batch is None:
                    return
                pending.append((batch, submit(batch)))

        fill()
        while pending:
            batch, future = pending.popleft()
            try:
                outcomes = future.result()
            except KilledWorker:
                # Dask already ran it again on other workers; every one it ran on died: one of
                # its documents kills its worker, so each is run on its own to find which.
                outcomes = list(self._alone(batch, run))
            finally:
                future.release()
            yield from outcomes
            fill()

    def _alone(self, batch: Sequence[Source], run: str) -> Iterator[Outcome]:
        """Each document of a batch whose every worker died, in a task of its own: only a
        document that kills its worker again becomes a problem."""
        from distributed import KilledWorker

        client = self.client()
        futures = [client.submit(extract_source, s, key=f"bibkaz-extract-{run}-{s.index}-alone", pure=False)
                   for s in batch]
        for source, future in zip(batch, futures):
            try:
                yield future.result()
            except KilledWorker:
                yield Outcome(source.index, problem=Problem(
                    source.shown, "extraction failed (every Dask worker that ran it died)"))
            finally:
                future.release()

    def map(self, func: Callable[[Any], Any], tasks: Sequence[Any]) -> list[Any]:
        """``func`` over ``tasks`` on the cluster, results in the order of ``tasks``: the
        resolver's buckets (:mod:`bibkaz.resolve.spool`; each task reads and writes files
        in a folder every worker can reach). A task whose worker died is run again by
        Dask; one that every worker it ran on died with fails the run. Each result is
        taken (and released on its worker) as soon as its task is done, so a worker
        does not keep its share of the answer until the last bucket is done."""
        from distributed import KilledWorker, as_completed

        client = self.client()
        run = uuid.uuid4().hex[:12]
        name = getattr(func, "__name__", "task").strip("_")
        futures = client.map(func, list(tasks), key=[f"bibkaz-resolve-{name}-{run}-{n}" for n in range(len(tasks))],
                             pure=False)
        place = {future.key: n for n, future in enumerate(futures)}
        results: list[Any] = [None] * len(futures)
        try:
            for future in as_completed(futures):
                results[place[future.key]] = future.result()
                future.release()
            return results
        except KilledWorker as exc:
            raise BibkazError(f"resolving failed: every Dask worker that ran {exc.args[0] if exc.args else name} "
                              "died") from None
        finally:
            for future in futures:
                future.release()

    def beside(self) -> Any:
        """An executor on the cluster's workers (``Client.get_executor``: submit, result,
        context manager), for the client's own work beside its own, such as formatting the
        .bib while the client writes the JSON (:func:`bibkaz.pipeline.write_outputs`)."""
        return self.client().get_executor(pure=False)

    @property
    def local_map(self) -> Callable[[Callable[[Any], Any], Sequence[Any]], list[Any]] | None:
        """:meth:`map` on a LocalCluster, whose workers share this machine's temporary folder;
        None for a remote cluster (its workers cannot read the client's spool)."""
        return self.map if self.address == "local" else None

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None


def _batches(sources: Sequence[Source], size: int) -> Iterator[list[Source]]:
    for start in range(0, len(sources), size):
        yield list(sources[start:start + size])

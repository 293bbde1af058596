"""Running the per-document task on a Dask distributed cluster (``--cluster``).

We do not schedule anything ourselves: each document is one Dask task
(:func:`bibkaz.run.task.extract_source` on its Source), and Dask's scheduler
places it, moves it off a worker that dies and runs it again elsewhere. The
client keeps a window of tasks in flight and takes results in input order, so
the output is the local run's, and a result is taken exactly once however many
times its task ran: nothing is lost or doubled.

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
from bibkaz.run.sources import Source, refill
from bibkaz.run.task import Outcome, extract_source

#: Tasks in flight per worker thread; Dask's own overhead per task is around a millisecond.
WINDOW_PER_THREAD = 8
#: Seconds to wait for a scheduler (and, for ``local``, for its workers to start).
CONNECT_TIMEOUT = 30


class DaskRunner:
    """Extract on the cluster at ``address`` (``local``: a LocalCluster of ``jobs`` worker processes)."""

    def __init__(self, address: str, jobs: int, timeout: float = CONNECT_TIMEOUT):
        self.address = address
        self.jobs = jobs
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
                self._cluster = LocalCluster(
                    n_workers=self.jobs, threads_per_worker=1, processes=True, host="127.0.0.1",
                    dashboard_address=None, silence_logs=logging.ERROR,
                )
                self._client = Client(self._cluster, timeout=self.timeout)
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
        window = max(32, self._threads() * WINDOW_PER_THREAD)
        upcoming = iter(sources)
        pending: deque[tuple[Source, Any]] = deque()

        def submit(source: Source) -> Any:
            key = f"bibkaz-extract-{run}-{source.index}"
            return client.submit(extract_source, source, key=key, pure=False)

        refill(pending, upcoming, submit, window)
        while pending:
            source, future = pending.popleft()
            try:
                outcome = future.result()
            except KilledWorker:
                # Dask already ran it again on other workers; every one it ran on died.
                outcome = Outcome(source.index, problem=Problem(
                    source.shown, "extraction failed (every Dask worker that ran it died)"))
            finally:
                future.release()
            yield outcome
            refill(pending, upcoming, submit, window)

    def map(self, func: Callable[[Any], Any], tasks: Sequence[Any]) -> list[Any]:
        """``func`` over ``tasks`` on the cluster, results in the order of ``tasks``: the
        resolver's buckets (:mod:`bibkaz.resolve.spool`; each task reads and writes files
        in a folder every worker can reach). A task whose worker died is run again by
        Dask; one that every worker it ran on died with fails the run."""
        from distributed import KilledWorker

        client = self.client()
        run = uuid.uuid4().hex[:12]
        name = getattr(func, "__name__", "task").strip("_")
        futures = client.map(func, list(tasks), key=[f"bibkaz-resolve-{name}-{run}-{n}" for n in range(len(tasks))],
                             pure=False)
        try:
            return client.gather(futures)
        except KilledWorker as exc:
            raise BibkazError(f"resolving failed: every Dask worker that ran {exc.args[0] if exc.args else name} "
                              "died") from None
        finally:
            for future in futures:
                future.release()

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

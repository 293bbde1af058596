"""Where the per-document work runs: this process, a pool of processes, or a Dask cluster.

Every runner takes the documents' Sources in input order and yields their
Outcomes in that same order, whatever order the work finishes in; the client
then resolves and writes once. So ``--jobs`` and ``--cluster`` change how fast
a run is, never what it writes (the tests compare the bytes).
"""

from __future__ import annotations

import importlib.util
from contextlib import contextmanager
from typing import Iterator, Protocol, Sequence

from bibkaz.model import UsageError
from bibkaz.run.local import Processes, Serial, default_jobs
from bibkaz.run.sources import Source, discover_sources, is_url
from bibkaz.run.task import Outcome, extract_source


class Runner(Protocol):
    def extract(self, sources: Sequence[Source]) -> Iterator[Outcome]:
        """Each source's Outcome, in the order of ``sources``."""

    def close(self) -> None:
        """Release processes, connections and a LocalCluster."""


#: What `--cluster` says when the extra is missing (one line, exit 2).
MISSING_EXTRA = "--cluster needs Dask distributed: pip install 'bibkaz[cluster]'"


def make_runner(jobs: int | None = None, cluster: str | None = None) -> Runner:
    """The runner for ``--jobs``/``--cluster``; checks the Dask extra before any work is done."""
    jobs = jobs or default_jobs()
    if cluster:
        if importlib.util.find_spec("distributed") is None:
            raise UsageError(MISSING_EXTRA)
        from bibkaz.run.dask_runner import DaskRunner

        return DaskRunner(cluster, jobs)
    return Serial() if jobs == 1 else Processes(jobs)


@contextmanager
def running(jobs: int | None = None, cluster: str | None = None) -> Iterator[Runner]:
    """:func:`make_runner`, closed at the end (a LocalCluster is shut down with it)."""
    runner = make_runner(jobs, cluster)
    try:
        yield runner
    finally:
        runner.close()


__all__ = ["Runner", "Source", "Outcome", "Serial", "Processes", "make_runner", "running", "discover_sources",
           "extract_source", "is_url", "default_jobs"]

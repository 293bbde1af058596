"""Running the per-document task on this machine: in this process, or in a pool of processes.

Results come back in input order whatever order the documents finish in, so
the output of ``--jobs 8`` is byte for byte that of ``--jobs 1``. At most a
window of documents is in flight (a few per process): the client never holds
more than that beyond what it keeps of each finished document, however large
the corpus.

Processes are started with 'forkserver' (or 'spawn' where there is none),
never 'fork': a forked child would inherit the client's threads and locks.
Each process loads the models once (they are cached per process), which costs
about a second, so a pool is only worth it with several documents per process
(:data:`MIN_DOCUMENTS_PER_PROCESS`).
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Callable, Iterator, Sequence

from bibkaz.model import Problem
from bibkaz.run.sources import Source, refill
from bibkaz.run.task import Outcome, extract_source

#: Fewer documents than this per process and the start-up (imports, models) costs more than it saves.
MIN_DOCUMENTS_PER_PROCESS = 4
#: Documents in flight per process: enough to keep every process busy, few enough to bound memory.
WINDOW_PER_PROCESS = 4


def default_jobs() -> int:
    """The cores this process may run on (a container's or taskset's limit, not the machine's)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


def processes_for(jobs: int, documents: int) -> int:
    """How many processes ``--jobs`` turns into for this many documents (1: in this process)."""
    return max(1, min(jobs, documents // MIN_DOCUMENTS_PER_PROCESS))


def _context() -> multiprocessing.context.BaseContext:
    """forkserver where there is one: its server loads the pipeline and models once
    (:mod:`bibkaz.run.warm`) and every worker forks from it ready to work."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["bibkaz.run.warm"])
    return context


class Serial:
    """One document after another in this process (``--jobs 1``, and small inputs)."""

    def extract(self, sources: Sequence[Source]) -> Iterator[Outcome]:
        for source in sources:
            yield extract_source(source, featured=False)

    def close(self) -> None:
        pass


class Processes:
    """A pool of ``jobs`` worker processes, started when first needed."""

    def __init__(self, jobs: int):
        self.jobs = jobs

    def extract(self, sources: Sequence[Source]) -> Iterator[Outcome]:
        workers = processes_for(self.jobs, len(sources))
        if workers == 1:
            yield from Serial().extract(sources)
            return
        yield from _in_pool(sources, workers)

    def local_map(self, func: Callable[[Any], Any], tasks: Sequence[Any]) -> list[Any]:
        """``func`` over ``tasks`` in ``jobs`` processes, results in order: the spooled
        resolver's buckets (:mod:`bibkaz.resolve.spool`), files in this machine's temporary folder."""
        if self.jobs == 1 or len(tasks) < 2:
            return [func(t) for t in tasks]
        pool = _pool(min(self.jobs, len(tasks)))
        try:
            return list(pool.map(func, tasks))
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def beside(self) -> ProcessPoolExecutor:
        """A pool of one process forked from the warm forkserver, for the client's own work
        beside its own (:func:`bibkaz.pipeline.write_outputs`); use it as a context manager."""
        return _pool(1)

    def close(self) -> None:
        pass


def _pool(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=workers, mp_context=_context())


def _one_by_one(stranded: Sequence[Source]) -> Iterator[Outcome]:
    """Run documents one at a time in a single process, after a worker process died:
    a document that kills its process again becomes a problem, the others go on."""
    pool = _pool(1)
    try:
        for source in stranded:
            try:
                yield pool.submit(extract_source, source).result()
            except BrokenProcessPool:
                yield Outcome(source.index, problem=Problem(
                    source.shown, "extraction failed (its worker process died); a bibkaz bug, please report it"))
                pool.shutdown(wait=False, cancel_futures=True)
                pool = _pool(1)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _in_pool(sources: Sequence[Source], workers: int) -> Iterator[Outcome]:
    window = workers * WINDOW_PER_PROCESS
    pool = _pool(workers)
    try:
        pending: deque[tuple[Source, Future[Outcome]]] = deque()
        upcoming = iter(sources)
        refill(pending, upcoming, lambda s: pool.submit(extract_source, s), window)
        while pending:
            source, future = pending.popleft()
            try:
                yield future.result()
            except BrokenProcessPool:
                # A process died (killed, out of memory, a crash in a C extension): which
                # document did it is unknown, so each one in flight is run again on its own.
                stranded = [source] + [s for s, _ in pending]
                pool.shutdown(wait=False, cancel_futures=True)
                pending.clear()
                yield from _one_by_one(stranded)
                pool = _pool(workers)
            refill(pending, upcoming, lambda s: pool.submit(extract_source, s), window)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)

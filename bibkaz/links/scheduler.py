"""Per-host and global concurrency: fast overall, gentle with each server.

Two limits work together. :class:`HostLimiter` holds a semaphore per host that
every single request takes (redirect hops and retries included), so no server ever
sees more than ``per_host`` requests from us at once. :func:`run_jobs` hands jobs
to the thread pool only when their first host has a free slot, so the global pool
of threads is never parked on one busy host while other hosts wait.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict, deque
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from contextlib import contextmanager
from typing import Callable, Iterable, Iterator, TypeVar
from urllib.parse import urlsplit

J = TypeVar("J")
R = TypeVar("R")


def host_of(url: str) -> str:
    """The politeness key of a URL: its lower-case host name (ports ignored)."""
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


class HostLimiter:
    """A semaphore per host, created on first use."""

    def __init__(self, per_host: int):
        self.per_host = max(1, per_host)
        self._lock = threading.Lock()
        self._slots: dict[str, threading.BoundedSemaphore] = {}

    @contextmanager
    def slot(self, host: str) -> Iterator[float]:
        """Hold one of ``host``'s slots; yields the seconds spent waiting for it
        (callers do not count that against a link's time budget)."""
        with self._lock:
            sem = self._slots.get(host)
            if sem is None:
                sem = self._slots[host] = threading.BoundedSemaphore(self.per_host)
        start = time.monotonic()
        sem.acquire()
        try:
            yield time.monotonic() - start
        finally:
            sem.release()


def run_jobs(
    jobs: Iterable[J],
    work: Callable[[J], R],
    first_host: Callable[[J], str],
    concurrency: int,
    per_host: int,
) -> Iterator[tuple[J, R]]:
    """Run ``work`` on every job with at most ``concurrency`` jobs at once and at
    most ``per_host`` jobs starting on the same host; yield (job, result) as they
    finish. Hosts are served round-robin so one big site cannot starve the rest.
    Closing the generator early cancels what has not started.
    """
    queues: OrderedDict[str, deque[J]] = OrderedDict()
    for job in jobs:
        queues.setdefault(first_host(job), deque()).append(job)
    busy: dict[str, int] = {}
    running: dict[Future[R], tuple[J, str]] = {}
    limit = max(1, concurrency)
    pool = ThreadPoolExecutor(max_workers=limit, thread_name_prefix="bibkaz-links")
    finished = False
    try:
        while queues or running:
            progressed = True
            while len(running) < limit and progressed:
                progressed = False
                for host in list(queues):
                    if len(running) >= limit:
                        break
                    if busy.get(host, 0) >= per_host:
                        continue
                    job = queues[host].popleft()
                    if not queues[host]:
                        del queues[host]
                    else:
                        queues.move_to_end(host)
                    busy[host] = busy.get(host, 0) + 1
                    running[pool.submit(work, job)] = (job, host)
                    progressed = True
            done, _ = wait(list(running), return_when=FIRST_COMPLETED)
            for future in done:
                job, host = running.pop(future)
                busy[host] -= 1
                yield job, future.result()
        finished = True
    finally:
        # On Ctrl-C (or a consumer that stops early) do not wait for queued work:
        # what is in flight ends within its time budget, the rest never starts.
        pool.shutdown(wait=finished, cancel_futures=True)

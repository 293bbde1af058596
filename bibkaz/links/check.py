"""Check a set of links: cache first, then the network (if there is one).

The order matters for fairness and speed: malformed links are settled without a
request, cached verdicts are reused, the network is probed once, and only then are
the remaining links requested under the per-host and global limits.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Sequence

from bibkaz.links.cache import LinkCache
from bibkaz.links.offline import probe
from bibkaz.links.result import LinkResult, Status
from bibkaz.links.scheduler import host_of
from bibkaz.links.targets import Target, collect_targets
from bibkaz.links.wayback import DEFAULT_API
from bibkaz.model import Library

if TYPE_CHECKING:
    from bibkaz.links.fetch import Fetcher


@dataclass(frozen=True)
class CheckOptions:
    timeout: float = 10.0  # per request
    link_timeout: float = 0.0  # per link, retries and redirects included; 0 = 4 × timeout
    concurrency: int = 32
    per_host: int = 2
    retries: int = 2
    backoff: float = 0.5
    max_retry_wait: float = 60.0
    max_redirects: int = 10
    allow_private: bool = False
    doi_resolver: str = "https://doi.org"
    archive: bool = False
    archive_api: str = DEFAULT_API
    probe_timeout: float = 3.0

    @property
    def budget_seconds(self) -> float:
        return self.link_timeout or max(4 * self.timeout, 5.0)


@dataclass(frozen=True)
class Entry:
    target: Target
    result: LinkResult


@dataclass(frozen=True)
class LinkReport:
    """Every target with its verdict, in the order the library cites them.

    ``network`` is "online", "unreachable" (with ``network_detail`` saying why) or
    "not-needed" when every verdict came from the cache or validation.
    """

    entries: tuple[Entry, ...]
    network: str = "not-needed"
    network_detail: str = ""

    @property
    def broken(self) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.result.is_broken)

    def counts(self) -> dict[str, int]:
        out = {s: 0 for s in Status.ALL}
        for e in self.entries:
            out[e.result.status] = out.get(e.result.status, 0) + 1
        return out


Progress = Callable[[int, int], None]


def _first_host(target: Target, options: CheckOptions) -> str:
    return host_of(options.doi_resolver if target.kind == "doi" else target.link)


def check_targets(
    targets: Sequence[Target], options: CheckOptions, cache: LinkCache | None = None,
    progress: Progress | None = None,
) -> LinkReport:
    """Check ``targets``; ``progress(done, total)`` is called as verdicts arrive."""
    results: dict[str, LinkResult] = {}
    now = time.time()
    for t in targets:
        if t.invalid:
            results[t.key] = LinkResult(Status.INVALID, detail=t.invalid, checked_at=now)
    if cache is not None:
        results.update(cache.get_many(t.key for t in targets if t.key not in results))
    todo = [t for t in targets if t.key not in results]
    total = len(targets)
    if progress:
        progress(len(results), total)
    network, detail = "not-needed", ""
    if todo or (options.archive and any(r.is_broken and not r.archive_url for r in results.values())):
        detail = probe(options.doi_resolver, options.probe_timeout)
        network = "unreachable" if detail else "online"
    if network == "unreachable":
        for t in todo:
            results[t.key] = LinkResult(Status.UNREACHABLE, detail="not checked: network unreachable", checked_at=now)
    elif todo or network == "online":
        _run(todo, targets, options, cache, results, progress, total)
    return LinkReport(tuple(Entry(t, results[t.key]) for t in targets), network, detail)


def _run(
    todo: list[Target], targets: Sequence[Target], options: CheckOptions, cache: LinkCache | None,
    results: dict[str, LinkResult], progress: Progress | None, total: int,
) -> None:
    # The HTTP stack (urllib3) is imported only when something must be
    # requested: a fully cached re-run never pays for it.
    from bibkaz.links.doi import check_doi
    from bibkaz.links.fetch import Budget, FetchOptions, Fetcher
    from bibkaz.links.safety import AddressPolicy
    from bibkaz.links.scheduler import HostLimiter, run_jobs
    from bibkaz.links.urlcheck import check_url

    policy = AddressPolicy(allow_private=options.allow_private)
    limiter = HostLimiter(options.per_host)
    fetch_options = FetchOptions(
        timeout=options.timeout, retries=options.retries, backoff=options.backoff,
        max_retry_wait=options.max_retry_wait,
    )
    fetcher = Fetcher(policy, limiter, fetch_options, pool_size=max(options.per_host, 2))

    def work(target: Target) -> LinkResult:
        budget = Budget(options.budget_seconds)
        if target.kind == "doi":
            return check_doi(fetcher, options.doi_resolver, target.link, budget, options.max_redirects)
        return check_url(fetcher, target.link, budget, options.max_redirects)

    try:
        for target, result in run_jobs(todo, work, lambda t: _first_host(t, options), options.concurrency,
                                       options.per_host):
            results[target.key] = result
            if cache is not None:
                cache.put(target.key, result)
            if progress:
                progress(len(results), total)
        if options.archive:
            _archive(targets, options, fetcher, cache, results)
    finally:
        fetcher.close()
        if cache is not None:
            cache.flush()


def _archive(
    targets: Sequence[Target], options: CheckOptions, fetcher: Fetcher, cache: LinkCache | None,
    results: dict[str, LinkResult],
) -> None:
    """Add the closest Wayback snapshot to every broken link that lacks one."""
    from bibkaz.links.fetch import Budget
    from bibkaz.links.scheduler import run_jobs
    from bibkaz.links.wayback import closest_snapshot

    wanted = [t for t in targets if results[t.key].is_broken and not results[t.key].archive_url]

    def work(target: Target) -> tuple[str, str]:
        url = results[target.key].target_url or target.link
        if target.kind == "doi" and not results[target.key].target_url:
            return "", ""
        return closest_snapshot(fetcher, options.archive_api, url, target.date, Budget(options.budget_seconds))

    for target, (url, stamp) in run_jobs(wanted, work, lambda t: host_of(options.archive_api),
                                         options.concurrency, options.per_host):
        if url:
            results[target.key] = results[target.key].with_(archive_url=url, archive_timestamp=stamp)
            if cache is not None:
                cache.put(target.key, results[target.key])


def check_library(
    library: Library, options: CheckOptions, cache: LinkCache | None = None, progress: Progress | None = None
) -> LinkReport:
    """Collect a library's links and check them."""
    return check_targets(collect_targets(library), options, cache, progress)

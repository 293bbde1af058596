"""Link checker pieces that need no server: validation, address policy, retry
timing, scheduling fairness, the body cap and resuming an interrupted run."""

from __future__ import annotations

import email.utils
import socket
import threading
import time

import pytest

from bibkaz.links.cache import LinkCache
from bibkaz.links.check import CheckOptions, check_targets
from bibkaz.links.fetch import Budget, FetchOptions, Fetcher, retry_after
from bibkaz.links.result import Status
from bibkaz.links.safety import AddressPolicy
from bibkaz.links.scheduler import HostLimiter, run_jobs
from bibkaz.links.targets import collect_targets
from bibkaz.links.validate import check_doi, check_link, check_url
from bibkaz.model import Library, Record, Work
from links_server import LocalServer, answer, page


@pytest.mark.parametrize(
    "text, canonical",
    [
        ("HTTPS://Example.ORG:443/a?b=1#frag", "https://example.org/a?b=1"),
        ("http://example.org", "http://example.org/"),
        ("www.example.org/x", "http://www.example.org/x"),
        ("http://[::1]:8080/", "http://[::1]:8080/"),
        ("https://bücher.example/", "https://bücher.example/"),
    ],
)
def test_urls_are_canonical(text, canonical):
    checked = check_url(text)
    assert checked.reason == "" and checked.canonical == canonical


@pytest.mark.parametrize(
    "text", ["http://a b.org/", "mailto:x@y.org", "https://", "http://exa_mple..org/", "http://x.org:99999/", "/rel"]
)
def test_malformed_urls(text):
    assert check_url(text).reason


@pytest.mark.parametrize(
    "text, doi, reason",
    [
        ("https://doi.org/10.1080/14631360", "10.1080/14631360", ""),
        ("doi: 10.1177/1879366519900996", "10.1177/1879366519900996", ""),
        ("10.1016/0002-9343(78)90188-X", "10.1016/0002-9343(78)90188-X", ""),
        ("10.1002/(SICI)1097-4571(199806)", "10.1002/(SICI)1097-4571(199806)", ""),
        ("10.1080/", "10.1080/", "cut short"),
        ("10.1080/1463136032000168907.", "10.1080/1463136032000168907.", "punctuation"),
        ("10.1234/abc)", "10.1234/abc)", "unbalanced"),
        ("10.1080/146 31360", "10.1080/146 31360", "spaces"),
        ("10.12/abc", "10.12/abc", "must start"),
    ],
)
def test_dois(text, doi, reason):
    checked = check_doi(text)
    assert checked.canonical == doi
    assert (reason in checked.reason) if reason else checked.reason == ""


def test_doi_urls_count_as_dois_and_compare_case_insensitively():
    assert check_link("http://dx.doi.org/10.1080/ABC").key == check_link("10.1080/abc", "doi").key
    works = (Work("a", Record(doi="10.1080/ABC")), Work("b", Record(url="https://doi.org/10.1080/abc")))
    (target,) = collect_targets(Library(works=works))
    assert target.kind == "doi" and target.works == ("a", "b")


@pytest.mark.parametrize(
    "address, allowed_private, refused",
    [
        ("169.254.169.254", True, "link-local"),
        ("::ffff:169.254.169.254", True, "link-local"),
        ("fd00:ec2::254", True, "metadata"),
        ("100.100.100.200", True, "metadata"),
        ("fe80::1", True, "link-local"),
        ("127.0.0.1", False, "--allow-private"),
        ("10.1.2.3", False, "--allow-private"),
        ("::1", False, "--allow-private"),
        ("127.0.0.1", True, ""),
        ("93.184.216.34", False, ""),
    ],
)
def test_address_policy(address, allowed_private, refused):
    reason = AddressPolicy(allow_private=allowed_private).refuse_ip(address)
    assert (refused in reason) if refused else reason == ""


def test_metadata_and_local_host_names():
    policy = AddressPolicy(allow_private=True)
    assert "metadata" in policy.refuse_host("metadata.google.internal.")
    assert AddressPolicy().refuse_host("localhost") and not policy.refuse_host("localhost")


def test_policy_applies_to_resolved_addresses(monkeypatch):
    """A harmless-looking name that resolves to the metadata address (DNS rebinding)
    is refused at connect time, before any socket is opened."""
    real = socket.getaddrinfo

    def fake(host, *args, **kwargs):
        if host == "rebind.example":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("169.254.169.254", 80))]
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", fake)
    work = Work("w", Record(url="http://rebind.example/latest/meta-data/"))
    server = LocalServer().start()
    try:
        options = CheckOptions(allow_private=True, doi_resolver=server.url(""), timeout=1)
        report = check_targets(collect_targets(Library(works=(work,))), options)
    finally:
        server.stop()
    result = report.entries[0].result
    assert result.status == Status.INVALID and "link-local" in result.detail


def test_retry_after_forms():
    assert retry_after("3") == 3.0
    assert retry_after("") is None and retry_after("soon") is None
    later = email.utils.formatdate(time.time() + 30, usegmt=True)
    assert 27 <= retry_after(later) <= 31


def test_run_jobs_serves_hosts_round_robin_within_limits():
    active: dict[str, int] = {}
    peak: dict[str, int] = {}
    lock = threading.Lock()

    def work(job):
        host = job[0]
        with lock:
            active[host] = active.get(host, 0) + 1
            peak[host] = max(peak.get(host, 0), active[host])
        time.sleep(0.02)
        with lock:
            active[host] -= 1
        return job

    jobs = [("big", i) for i in range(12)] + [("small", 0), ("other", 0)]
    order = [job for job, _ in run_jobs(jobs, work, lambda j: j[0], concurrency=4, per_host=2)]
    assert sorted(order) == sorted(jobs)
    assert peak["big"] <= 2
    assert order.index(("small", 0)) < 4 and order.index(("other", 0)) < 4  # not starved by "big"


def test_body_is_capped():
    server = LocalServer().start()
    server.routes["/huge"] = answer(200, {}, b"<title>x</title>" + b"a" * 2_000_000)
    try:
        fetcher = Fetcher(AddressPolicy(allow_private=True), HostLimiter(2), FetchOptions(body_cap=4096), 2)
        got = fetcher.request(server.url("/huge"), "GET", Budget(5), read_body=10_000_000)
    finally:
        server.stop()
    assert got.status == 200 and len(got.body) == 4096


def test_interrupted_run_resumes_from_cache(tmp_path):
    server = LocalServer().start()
    server.routes["*"] = page("fine")
    works = tuple(Work(f"w{i}", Record(url=server.url(f"/p{i}"))) for i in range(6))
    targets = collect_targets(Library(works=works))
    options = CheckOptions(allow_private=True, doi_resolver=server.url(""), timeout=1, concurrency=1, per_host=1)

    def stop_after_three(done, total):
        if done >= 3:
            raise KeyboardInterrupt

    try:
        with LinkCache(tmp_path / "c.sqlite", 3600) as cache, pytest.raises(KeyboardInterrupt):
            check_targets(targets, options, cache, stop_after_three)
        asked = len(server.requests)
        assert 3 <= asked < 6
        with LinkCache(tmp_path / "c.sqlite", 3600) as cache:
            report = check_targets(targets, options, cache)
    finally:
        server.stop()
    assert all(e.result.status == Status.OK for e in report.entries)
    assert sum(e.result.cached for e in report.entries) == 3
    assert len(server.requests) == asked + 3

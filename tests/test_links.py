"""The link checker against real HTTP servers on 127.0.0.1 (no outside network)."""

from __future__ import annotations

import json
import socket
import time

import pytest

from bibkaz.links.check import CheckOptions, check_library, check_targets
from bibkaz.links.result import Status
from bibkaz.links.targets import collect_targets
from bibkaz.model import Library, RawReference, Record, Work
from links_server import LocalServer, answer, page, redirect, sequence, slow


def _handle(values_url: str) -> bytes:
    return json.dumps(
        {"responseCode": 1, "handle": "x", "values": [{"index": 1, "type": "URL", "data": {"format": "string",
                                                                                            "value": values_url}}]}
    ).encode()


@pytest.fixture(scope="module")
def server():
    srv = LocalServer().start()
    u = srv.url
    srv.routes.update(
        {
            "/": page("Home"),
            "/ok": page("Fine"),
            "/chain1": redirect(u("/chain2"), 301),
            "/chain2": redirect("/chain3", 302),  # relative Location
            "/chain3": redirect(u("/chain4"), 307),
            "/chain4": redirect(u("/ok"), 308),
            "/moved": redirect(u("/ok"), 301),
            "/temp": redirect(u("/ok"), 302),
            "/loop-a": redirect(u("/loop-b"), 302),
            "/loop-b": redirect(u("/loop-a"), 302),
            "/deep/article/42": redirect(u("/"), 302),
            "/old-report": redirect(u("/errors/not-found"), 302),
            "/errors/not-found": page("Sorry"),
            "/vanished": redirect(u("/landing"), 302),
            "/landing": page("Page not found | Example Org"),
            "/missing": page("Missing", 404),
            "/gone": page("Gone", 410),
            "/flaky": sequence((500, {}, b""), (200, {}, b"<title>back</title>")),
            "/rate": sequence((429, {"Retry-After": "1"}, b""), (200, {}, b"")),
            "/always-429": answer(429, {"Retry-After": "0"}),
            "/always-503": answer(503),
            "/forbidden": answer(403),
            "/head-405": lambda seen, n: (405, {}, b"") if seen.method == "HEAD" else (200, {}, b"<title>ok</title>"),
            "/slow": slow(1.5, page("late")),
            "/cookie-gate": lambda seen, n: (200, {}, b"<title>in</title>") if "gate=1" in seen.cookie
            else (302, {"Location": "/cookie-gate", "Set-Cookie": "gate=1; Path=/"}, b""),
            "/to-metadata": redirect("http://169.254.169.254/latest/meta-data/", 302),
            "/api/handles/10.1234/good": answer(200, {"Content-Type": "application/json"}, _handle(u("/ok"))),
            "/api/handles/10.1234/walled": answer(200, {"Content-Type": "application/json"},
                                                  _handle(u("/forbidden"))),
            "/api/handles/10.1234/dead-target": answer(200, {"Content-Type": "application/json"},
                                                       _handle(u("/missing"))),
            "/api/handles/10.1234/nothing": answer(404, {"Content-Type": "application/json"},
                                                   b'{"responseCode":100}'),
            "/wayback/available": lambda seen, n: (
                200, {"Content-Type": "application/json"},
                json.dumps({"archived_snapshots": {"closest": {
                    "available": True, "status": "200", "timestamp": "20190101000000",
                    "url": "http://web.archive.org/web/20190101000000/" + seen.path.split("url=", 1)[1]}}}).encode(),
            ),
        }
    )
    yield srv
    srv.stop()


def _options(server: LocalServer, **changes) -> CheckOptions:
    base = dict(timeout=0.5, link_timeout=4.0, backoff=0.05, allow_private=True, per_host=8,
                doi_resolver=server.url(""), archive_api=server.url("/wayback/available"))
    base.update(changes)
    return CheckOptions(**base)


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _check(server, urls=(), dois=(), **changes):
    works = [Work(f"u{i}", Record(url=u)) for i, u in enumerate(urls)]
    works += [Work(f"d{i}", Record(doi=d)) for i, d in enumerate(dois)]
    report = check_library(Library(works=tuple(works)), _options(server, **changes))
    return {e.target.link: e.result for e in report.entries}, report


def test_ok_and_redirect_chains(server):
    u = server.url
    got, report = _check(server, [u("/ok"), u("/chain1"), u("/moved"), u("/temp")])
    assert report.network == "online"
    assert got[u("/ok")].status == Status.OK and got[u("/ok")].http_status == 200
    chain = got[u("/chain1")]
    assert chain.status == Status.REDIRECTED and chain.final_url == u("/ok")
    assert [h.status for h in chain.redirects] == [301, 302, 307, 308]
    assert chain.redirects[1].url == u("/chain2") and not chain.permanent
    assert got[u("/moved")].permanent and "update the reference" in got[u("/moved")].detail
    assert got[u("/temp")].status == Status.REDIRECTED and not got[u("/temp")].permanent
    assert server.requests and all(r.agent.startswith("Mozilla/5.0 (compatible; bibkaz/") for r in server.requests)


def test_cookie_set_during_redirect_is_sent_back(server):
    got, _ = _check(server, [server.url("/cookie-gate")])
    assert got[server.url("/cookie-gate")].status == Status.OK
    last = [r for r in server.requests if r.path == "/cookie-gate"][-1]
    assert last.cookie == "gate=1" and "bibkaz" in last.agent and last.agent.startswith("Mozilla/5.0")


def test_loops_soft_404_and_gone(server):
    u = server.url
    got, _ = _check(server, [u("/loop-a"), u("/deep/article/42"), u("/old-report"), u("/vanished"),
                             u("/missing"), u("/gone")])
    assert got[u("/loop-a")].status == Status.BROKEN and "loop" in got[u("/loop-a")].detail
    for path in ("/deep/article/42", "/old-report", "/vanished"):
        assert got[u(path)].status == Status.BROKEN and got[u(path)].soft_404, path
    assert "home page" in got[u("/deep/article/42")].detail
    assert got[u("/missing")].status == Status.BROKEN and got[u("/missing")].http_status == 404
    assert got[u("/gone")].status == Status.BROKEN and got[u("/gone")].http_status == 410


def test_retries_rate_limits_and_head_fallback(server):
    u = server.url
    start = time.monotonic()
    got, _ = _check(server, [u("/flaky"), u("/rate"), u("/always-429"), u("/always-503"), u("/forbidden"),
                             u("/head-405")])
    assert time.monotonic() - start >= 1.0  # Retry-After: 1 was honoured
    assert got[u("/flaky")].status == Status.OK and server.count("/flaky") == 2
    assert got[u("/rate")].status == Status.OK and server.count("/rate") == 2
    assert got[u("/always-429")].status == Status.BLOCKED and server.count("/always-429") == 3
    assert got[u("/always-503")].status == Status.SERVER_ERROR
    assert got[u("/forbidden")].status == Status.BLOCKED
    assert server.count("/forbidden", "GET") >= 1  # HEAD 403 is retried as GET
    assert got[u("/head-405")].status == Status.OK
    assert server.count("/head-405", "HEAD") == 1 and server.count("/head-405", "GET") == 1


def test_timeout_closed_port_and_unknown_host(server):
    closed = f"http://127.0.0.1:{_closed_port()}/x"
    got, _ = _check(server, [server.url("/slow"), closed, "http://no-such-host.invalid/page"], timeout=0.3)
    assert got[server.url("/slow")].status == Status.TIMEOUT
    assert got[closed].status == Status.SERVER_ERROR and "refused" in got[closed].detail
    unknown = got["http://no-such-host.invalid/"[:-1] + "/page"]
    assert unknown.status == Status.BROKEN and "DNS" in unknown.detail


def test_doi_handles(server):
    got, _ = _check(server, dois=["10.1234/good", "10.1234/nothing", "10.1234/walled", "10.1234/dead-target"])
    assert got["10.1234/good"].status == Status.OK and got["10.1234/good"].registered
    assert got["10.1234/good"].target_url == server.url("/ok")
    assert got["10.1234/nothing"].status == Status.BROKEN and got["10.1234/nothing"].registered is False
    walled = got["10.1234/walled"]
    assert walled.status == Status.OK_REGISTERED and "refused" in walled.detail and walled.http_status == 403
    assert got["10.1234/dead-target"].status == Status.BROKEN


def test_malformed_links_are_never_requested(server):
    before = len(server.requests)
    got, _ = _check(server, ["http://exa mple.org/x", "ftp://example.org/file", "http://-bad-.org/"],
                    dois=["10.1080/", "10.1234/abc.", "10.1234/a b", "11.1234/x"])
    assert all(r.status == Status.INVALID for r in got.values()), got
    assert "cut short" in got["10.1080/"].detail
    assert "punctuation" in got["10.1234/abc."].detail
    assert len(server.requests) == before


def test_unsafe_addresses_refused_even_after_redirect(server):
    got, _ = _check(server, [server.url("/to-metadata"), "http://169.254.169.254/latest/",
                             "http://metadata.google.internal/computeMetadata/v1/", "http://[fd00:ec2::254]/"])
    assert all(r.status == Status.INVALID and "refused" in r.detail for r in got.values()), got
    assert got[server.url("/to-metadata")].redirects[0].status == 302
    got, _ = _check(server, [server.url("/ok")], allow_private=False)
    assert got[server.url("/ok")].status == Status.INVALID and "--allow-private" in got[server.url("/ok")].detail


def test_offline_machine_reports_unreachable_not_broken(server):
    before = len(server.requests)
    for resolver in (f"http://127.0.0.1:{_closed_port()}", "https://doi-resolver.invalid"):
        got, report = _check(server, [server.url("/missing"), server.url("/ok")], dois=["10.1234/nothing"],
                             doi_resolver=resolver)
        assert report.network == "unreachable" and report.network_detail
        assert {r.status for r in got.values()} == {Status.UNREACHABLE}
        assert not report.broken
    assert len(server.requests) == before


def test_per_host_limit_is_respected(server):
    server.routes["/polite"] = slow(0.15, page("p"))
    links = [server.url(f"/polite?n={i}") for i in range(8)]
    got, _ = _check(server, links, per_host=2, concurrency=16)
    assert all(r.status == Status.OK for r in got.values())
    assert server.peak["/polite"] <= 2


def test_archive_suggests_closest_snapshot(server):
    works = (Work("w", Record(url=server.url("/gone"), accessed="2019-01-05")),)
    report = check_library(Library(works=works), _options(server, archive=True))
    result = report.entries[0].result
    assert result.archive_url.startswith("http://web.archive.org/web/20190101000000/")
    assert result.archive_timestamp == "20190101000000"
    assert any("timestamp=20190105" in r.path for r in server.requests if r.path.startswith("/wayback"))


def test_each_link_checked_once_with_its_users(server):
    ref = RawReference(document="brief-a", kind="inline-url", text=server.url("/ok#section"), line=3)
    works = (
        Work("k1", Record(url=server.url("/ok")), references=(RawReference("brief-b", "footnote", "x", 1),)),
        Work("k2", Record(), references=(ref,)),
        Work("k3", Record(doi="10.1234/good", url="https://doi.org/10.1234/GOOD")),
    )
    targets = collect_targets(Library(works=works))
    assert [t.link for t in targets] == [server.url("/ok"), "10.1234/good"]
    assert targets[0].works == ("k1", "k2") and targets[0].documents == ("brief-b", "brief-a")
    before = server.count("/ok")
    report = check_targets(targets, _options(server))
    assert server.count("/ok") - before == 2  # one HEAD for the URL, one for the DOI's target
    assert report.counts()[Status.OK] == 2

"""``bibkaz links`` end to end: formats, exit codes, cache, offline message."""

from __future__ import annotations

import csv
import io
import json
import socket

import pytest
from click.testing import CliRunner

from bibkaz.cli import main
from bibkaz.formats import library_json
from bibkaz.links.cache import LinkCache, parse_age
from bibkaz.links.result import Hop, LinkResult, Status
from bibkaz.model import BibkazError, Library, RawReference, Record, Work
from links_server import LocalServer, page, redirect


@pytest.fixture(scope="module")
def server():
    srv = LocalServer().start()
    srv.routes.update({"/ok": page("Fine"), "/missing": page("Missing", 404), "/moved": redirect(srv.url("/ok"), 301)})
    yield srv
    srv.stop()


def _library(tmp_path, server, urls=("/ok", "/missing", "/moved")):
    works = tuple(
        Work(f"key{i}", Record(type="webpage", title=f"Page {i}", url=server.url(p)),
             references=(RawReference(f"brief{i % 2}", "footnote", f"Page {i}, {server.url(p)}", i + 1, label=str(i)),))
        for i, p in enumerate(urls)
    )
    path = tmp_path / "library.json"
    path.write_text(library_json.dumps(Library(works=works)), encoding="utf-8")
    return str(path)


def _run(*args):
    return CliRunner().invoke(main, ["links", *args])


def _common(server, tmp_path):
    return ["--allow-private", "--doi-resolver", server.url(""), "--cache", str(tmp_path / "cache.sqlite"),
            "--timeout", "1"]


def test_json_report_and_exit_status(server, tmp_path):
    lib = _library(tmp_path, server)
    result = _run(lib, "--format", "json", *_common(server, tmp_path))
    assert result.exit_code == 1, result.output
    data = json.loads(result.stdout)
    assert data["bibkaz_links"] == 1 and data["network"] == "online"
    by_link = {entry["link"]: entry for entry in data["links"]}
    assert by_link[server.url("/missing")]["status"] == "broken"
    assert by_link[server.url("/missing")]["works"] == ["key1"]
    assert by_link[server.url("/missing")]["documents"] == ["brief1"]
    moved = by_link[server.url("/moved")]
    assert moved["status"] == "redirected" and moved["permanent_redirect"] and moved["final_url"] == server.url("/ok")
    assert data["summary"] == {**{s: 0 for s in Status.ALL}, "total": 3, "ok": 1, "broken": 1, "redirected": 1}


def test_exit_zero_when_nothing_broken_and_other_formats(server, tmp_path):
    lib = _library(tmp_path, server, urls=("/ok", "/moved"))
    result = _run(lib, "--format", "csv", *_common(server, tmp_path))
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["status"] for r in rows] == ["ok", "redirected"]
    assert "now at " + server.url("/ok") in rows[1]["detail"]
    md = _run(lib, "--format", "markdown", *_common(server, tmp_path))
    assert md.stdout.startswith("| Status | Code | Link |") and "| redirected | 200 |" in md.stdout
    table = _run(lib, *_common(server, tmp_path))
    assert "cited by key0 (in brief0)" in table.stdout and table.stdout.rstrip().endswith("1 ok, 1 redirected")


def test_cached_rerun_makes_no_requests(server, tmp_path):
    lib = _library(tmp_path, server)
    first = _run(lib, "--format", "json", *_common(server, tmp_path))
    before = len(server.requests)
    again = _run(lib, "--format", "json", "--only-broken", *_common(server, tmp_path))
    assert len(server.requests) == before
    data = json.loads(again.stdout)
    assert [e["link"] for e in data["links"]] == [server.url("/missing")] and data["links"][0]["cached"]
    assert data["network"] == "not-needed" and again.exit_code == first.exit_code == 1
    fresh = _run(lib, "--format", "json", "--max-age", "0s", *_common(server, tmp_path))
    assert len(server.requests) > before and not json.loads(fresh.stdout)["links"][0]["cached"]


def test_offline_says_so_once_and_calls_nothing_dead(server, tmp_path):
    lib = _library(tmp_path, server)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]
    result = _run(lib, "--allow-private", "--no-cache", "--doi-resolver", f"http://127.0.0.1:{closed}")
    assert result.exit_code == 0
    assert result.stderr.count("network unreachable") == 1
    assert "3 links not checked" in result.stderr
    assert "broken" not in result.stdout.replace("none reported as broken", "")
    assert result.stdout.rstrip().endswith("3 links: 3 unreachable")
    quiet = _run(lib, "--allow-private", "--no-cache", "--only-broken", "--doi-resolver", f"http://127.0.0.1:{closed}")
    assert quiet.stdout == "3 links: 3 unreachable\n" and quiet.exit_code == 0


def test_usage_errors_exit_2(tmp_path, server):
    lib = _library(tmp_path, server)
    assert _run(str(tmp_path / "nope.json")).exit_code == 2
    assert _run(lib, "--max-age", "soon").exit_code == 2
    assert _run(lib, "--cache", "x.sqlite", "--no-cache").exit_code == 2
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert _run(str(bad), "--no-cache").exit_code == 2


def test_strict_fails_on_malformed_doi(tmp_path, server):
    path = tmp_path / "lib.json"
    path.write_text(library_json.dumps(Library(works=(Work("cut", Record(doi="10.1080/")),))), encoding="utf-8")
    assert _run(str(path), "--no-cache").exit_code == 0
    strict = _run(str(path), "--no-cache", "--strict", "--format", "json")
    assert strict.exit_code == 1 and json.loads(strict.stdout)["links"][0]["status"] == "invalid"


def test_cache_round_trip_and_age(tmp_path):
    result = LinkResult(Status.REDIRECTED, 200, "https://b/", (Hop("https://a/", 301),), permanent=True,
                        checked_at=1.0e9)
    with LinkCache(tmp_path / "c.sqlite", max_age=parse_age("1d")) as cache:
        cache.put("url:https://a/", result)
        cache.put("url:https://c/", result.with_(status=Status.UNREACHABLE))
        assert cache.get_many(["url:https://a/"]) == {}  # checked in 2001: too old
    import time
    with LinkCache(tmp_path / "c.sqlite", max_age=parse_age("2d")) as cache:
        cache.put("url:https://a/", result.with_(checked_at=time.time()))
    with LinkCache(tmp_path / "c.sqlite", max_age=parse_age("2d")) as cache:
        got = cache.get_many(["url:https://a/", "url:https://c/"])
    assert list(got) == ["url:https://a/"] and got["url:https://a/"].redirects == (Hop("https://a/", 301),)
    assert got["url:https://a/"].cached
    assert parse_age("12h") == 43200 and parse_age("90") == 90
    with pytest.raises(BibkazError):
        parse_age("a week")

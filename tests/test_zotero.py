"""``bibkaz zotero push`` against a local Zotero Web API stand-in on 127.0.0.1.

:class:`FakeZotero` implements the endpoints the push uses with the real API's
rules (write tokens, library versions, If-Unmodified-Since-Version, 50-object
batches, PATCH semantics on updates) and checks every request: API version
and key headers, batch sizes, and each item against Zotero's item schema for
the types used (written out below from zotero-schema's schema.json, kept apart
from bibkaz's own table so a mistake there cannot hide itself).
"""

from __future__ import annotations

import json
import random
import re
import string
from typing import Any

import pytest
from click.testing import CliRunner
from werkzeug import Request, Response

from bibkaz.model import BibkazError, Library, Name, RawReference, Record, Work
from bibkaz.zotero.api import LibraryRef, ZoteroClient
from bibkaz.zotero.items import item_to_record, record_to_item
from bibkaz.zotero.push import push_library

KEY = "s3cret-test-key-0123456789"
USER = "4711"
_BASE = "abstractNote date language shortTitle url accessDate rights extra"
_ARCH = "archive archiveLocation libraryCatalog callNumber"
ZOTERO_FIELDS = {  # from zotero/zotero-schema schema.json
    "journalArticle": f"title {_BASE} {_ARCH} publicationTitle volume issue pages series seriesTitle seriesText "
    "journalAbbreviation DOI ISSN",
    "newspaperArticle": f"title {_BASE} {_ARCH} publicationTitle place edition section pages ISSN",
    "magazineArticle": f"title {_BASE} {_ARCH} publicationTitle volume issue pages ISSN",
    "webpage": f"title {_BASE} websiteTitle websiteType",
    "blogPost": f"title {_BASE} blogTitle websiteType",
    "book": f"title {_BASE} {_ARCH} series seriesNumber volume numberOfVolumes edition place publisher numPages ISBN",
    "bookSection": f"title {_BASE} {_ARCH} bookTitle series seriesNumber volume numberOfVolumes edition place "
    "publisher pages ISBN",
    "report": f"title {_BASE} {_ARCH} reportNumber reportType seriesTitle place institution pages",
    "presentation": f"title {_BASE} presentationType place meetingName",
    "interview": f"title {_BASE} {_ARCH} interviewMedium",
    "statute": "nameOfAct abstractNote code codeNumber publicLawNumber dateEnacted pages section session history "
    "language shortTitle url accessDate rights extra",
    "document": f"title {_BASE} {_ARCH} publisher",
    "film": f"title {_BASE} {_ARCH} distributor genre videoRecordingFormat runningTime",
    "preprint": f"title {_BASE} {_ARCH} genre repository archiveID place series seriesNumber DOI citationKey",
    "hearing": f"title {_BASE} committee place publisher numberOfVolumes documentNumber pages legislativeBody "
    "session history",
    "standard": f"title {_BASE} {_ARCH} organization committee type number versionNumber status publisher place "
    "DOI citationKey numPages",
    "conferencePaper": f"title {_BASE} {_ARCH} proceedingsTitle conferenceName place publisher volume pages series "
    "DOI ISBN",
    "thesis": f"title {_BASE} {_ARCH} thesisType university place numPages",
    "dataset": f"title {_BASE} {_ARCH} identifier type number versionNumber repository repositoryLocation format "
    "DOI citationKey",
}
ZOTERO_CREATORS = {
    "journalArticle": "author contributor editor translator reviewedAuthor",
    "newspaperArticle": "author contributor reviewedAuthor translator",
    "magazineArticle": "author contributor reviewedAuthor translator",
    "webpage": "author contributor translator",
    "blogPost": "author commenter contributor",
    "book": "author contributor editor translator seriesEditor",
    "bookSection": "author contributor editor bookAuthor translator seriesEditor",
    "report": "author contributor translator seriesEditor",
    "presentation": "presenter contributor",
    "interview": "interviewee contributor interviewer translator",
    "statute": "author contributor",
    "document": "author contributor editor translator reviewedAuthor",
    "film": "director contributor scriptwriter producer",
    "preprint": "author contributor editor translator reviewedAuthor",
    "hearing": "contributor",
    "standard": "author contributor",
    "conferencePaper": "author contributor editor translator seriesEditor",
    "thesis": "author contributor",
    "dataset": "author contributor",
}
_OBJECT_KEYS = {"key", "version", "itemType", "creators", "tags", "collections", "relations", "parentItem", "deleted"}


def _new_key() -> str:
    return "".join(random.choice("23456789ABCDEFGHIJKLMNPQRSTUVWXYZ") for _ in range(8))


def schema_errors(data: dict[str, Any]) -> list[str]:
    """Why Zotero would refuse this item ``data`` (empty when it is valid)."""
    item_type = data.get("itemType")
    if item_type not in ZOTERO_FIELDS:
        return [f"unknown itemType {item_type!r}"]
    allowed = set(ZOTERO_FIELDS[item_type].split()) | _OBJECT_KEYS
    errors = [f"'{k}' is not a valid field for {item_type}" for k in data if k not in allowed]
    for c in data.get("creators", []):
        if c.get("creatorType") not in ZOTERO_CREATORS[item_type].split():
            errors.append(f"creatorType {c.get('creatorType')!r} is not valid for {item_type}")
        if not (set(c) == {"creatorType", "name"} or set(c) == {"creatorType", "firstName", "lastName"}):
            errors.append(f"bad creator {c}")
    if any(set(t) != {"tag"} for t in data.get("tags", [])):
        errors.append("tags must be [{'tag': …}]")
    if not isinstance(data.get("relations", {}), dict):
        errors.append("relations must be an object")
    if data.get("accessDate") and not re.fullmatch(r"\d{4}-\d\d-\d\d", data["accessDate"]):
        errors.append("accessDate must be YYYY-MM-DD")
    return errors


class FakeZotero:
    """Zotero Web API v3 for one user library, in memory, strict about what it is sent."""

    def __init__(self) -> None:
        self.version = 10
        self.items: dict[str, dict[str, Any]] = {}
        self.collections: dict[str, dict[str, Any]] = {}
        self.tokens: set[str] = set()
        self.log: list[dict[str, Any]] = []
        self.violations: list[str] = []
        self.faults: list[dict[str, Any]] = []  # {"when": callable(request, body) -> bool, "status", "headers", "commit"}

    # ----------------------------------------------------------- helpers
    def _json(self, body: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
        h = {"Last-Modified-Version": str(self.version), **(headers or {})}
        return Response(json.dumps(body), status=status, headers=h, content_type="application/json")

    def add_existing(self, data: dict[str, Any]) -> str:
        """An item the user already had before bibkaz ran."""
        key = _new_key()
        self.version += 1
        self.items[key] = {"key": key, "version": self.version, "data": {**data, "key": key, "version": self.version}}
        return key

    def other_client_writes(self) -> None:
        """Someone edits the library from elsewhere: its version moves on."""
        key = next(iter(self.items))
        self.version += 1
        self.items[key]["version"] = self.version
        self.items[key]["data"]["version"] = self.version

    # ----------------------------------------------------------- dispatch
    def __call__(self, request: Request) -> Response:
        body = request.get_data(as_text=True)
        entry = {"method": request.method, "path": request.path, "headers": dict(request.headers), "body": body}
        self.log.append(entry)
        if request.headers.get("Zotero-API-Version") != "3":
            self.violations.append(f"{request.path}: no Zotero-API-Version: 3")
        if request.headers.get("Zotero-API-Key") != KEY:
            return Response("Forbidden", status=403)
        for fault in list(self.faults):
            if fault["when"](request, body):
                self.faults.remove(fault)
                if fault.get("commit"):
                    self._route(request, body)  # the write happens, the answer is lost
                return Response("fault", status=fault["status"], headers=fault.get("headers", {}))
        return self._route(request, body)

    def _route(self, request: Request, body: str) -> Response:
        path, prefix = request.path, f"/users/{USER}"
        if path == "/keys/current" and request.method == "GET":
            return self._json({"key": KEY, "userID": int(USER), "username": "tester",
                               "access": {"user": {"library": True, "write": True}}})
        if path == f"{prefix}/items/top" and request.method == "GET":
            return self._page(request, [i for i in self.items.values() if i["data"]["itemType"] != "note"])
        if path == f"{prefix}/collections" and request.method == "GET":
            return self._page(request, list(self.collections.values()))
        m = re.fullmatch(rf"{prefix}/items/(\w+)", path)
        if m and request.method == "GET":
            return self._json(self.items[m.group(1)]) if m.group(1) in self.items else Response("nf", status=404)
        if path in (f"{prefix}/items", f"{prefix}/collections") and request.method == "POST":
            return self._write(request, body, self.items if path.endswith("items") else self.collections)
        return Response("not found", status=404)

    def _page(self, request: Request, objects: list[dict[str, Any]]) -> Response:
        start, limit = int(request.args.get("start", 0)), int(request.args.get("limit", 25))
        if limit > 100:
            self.violations.append("limit above 100")
        return self._json(objects[start : start + limit], headers={"Total-Results": str(len(objects))})

    def _write(self, request: Request, body: str, store: dict[str, dict[str, Any]]) -> Response:
        if not request.headers.get("Content-Type", "").startswith("application/json"):
            self.violations.append("write without JSON content type")
        objects = json.loads(body)
        if len(objects) > 50:
            self.violations.append(f"batch of {len(objects)}")
            return Response("Too many", status=413)
        token = request.headers.get("Zotero-Write-Token")
        since = request.headers.get("If-Unmodified-Since-Version")
        if token:
            if not re.fullmatch(r"[0-9a-f]{32}", token):
                self.violations.append(f"bad write token {token}")
            if token in self.tokens:
                return Response("Write token already used", status=412)
            self.tokens.add(token)
        if any("key" in o for o in objects) and since is None:
            return Response("If-Unmodified-Since-Version not provided", status=428)
        if since is not None and int(since) != self.version:
            return Response("Library has been modified since specified version", status=412)
        if not token and since is None:
            self.violations.append("create without write token")
        result: dict[str, dict[str, Any]] = {"successful": {}, "success": {}, "unchanged": {}, "failed": {}}
        new_version = self.version + 1
        for i, obj in enumerate(objects):
            key = obj.get("key")
            if key:
                if key not in store:
                    result["failed"][str(i)] = {"key": key, "code": 404, "message": "not found"}
                    continue
                current = store[key]
                if obj.get("version") != current["version"]:
                    result["failed"][str(i)] = {"key": key, "code": 412, "message": "Item has been modified"}
                    continue
                data = {**current["data"], **{k: v for k, v in obj.items() if k not in ("key", "version")}}
            else:
                key, data = _new_key(), dict(obj)
            if store is self.items:
                errors = schema_errors({k: v for k, v in data.items() if k not in ("key", "version")})
                errors += [f"no collection {c}" for c in data.get("collections", []) if c not in self.collections]
                for uri in (data.get("relations") or {}).get("dc:relation", []):
                    m = re.fullmatch(rf"http://zotero\.org/users/{USER}/items/(\w{{8}})", uri)
                    if not m or m.group(1) not in self.items:
                        errors.append(f"relation to a missing item {uri}")
                if errors:
                    self.violations.extend(errors)
                    result["failed"][str(i)] = {"key": key, "code": 400, "message": errors[0]}
                    continue
            data.update(key=key, version=new_version)
            store[key] = {"key": key, "version": new_version, "data": data}
            result["successful"][str(i)] = store[key]
            result["success"][str(i)] = key
        if result["successful"]:
            self.version = new_version
        return self._json(result)

    # ----------------------------------------------------------- views
    def writes(self, what: str = "items") -> list[dict[str, Any]]:
        return [e for e in self.log if e["method"] == "POST" and e["path"].endswith(what)]

    def by_title(self) -> dict[str, dict[str, Any]]:
        return {i["data"].get("title") or i["data"].get("nameOfAct"): i["data"] for i in self.items.values()}


# --------------------------------------------------------------------- fixtures


TYPES = ["article-journal", "article-newspaper", "webpage", "chapter", "book", "report", "speech", "interview",
         "post-weblog", "legislation", "article-magazine"]


def corpus(n: int = 51) -> Library:
    """``n`` works cited by brief "brief-x" plus the brief's own entry."""
    works = []
    for i in range(n):
        t = TYPES[i % len(TYPES)]
        record = Record(
            type=t, title=f"Work number {i}: {''.join(random.Random(i).choices(string.ascii_lowercase, k=8))}",
            authors=(Name(literal="World Bank"),) if i % 5 == 0 else (Name(family=f"Ébert{i}", given="Anna"),),
            editors=(Name(family="Lūsis", given="Žanis"),) if t in ("chapter", "webpage") else (),
            date=f"20{10 + i % 12}-0{1 + i % 9}-1{i % 9}", container_title="Container" if i % 2 else "",
            doi=f"10.5555/test.{i}" if i % 3 == 0 else "", url=f"https://example.org/{i}",
            accessed="2023-01-0" + str(1 + i % 9) if i % 4 == 0 else "", event="Forum" if t == "speech" else "",
        )
        refs = (RawReference(document="brief-x", kind="footnote", text="…", line=10 + i, label=str(i + 1)),)
        works.append(Work(key=f"w{i:03d}", record=record, references=refs))
    own = Record(type="report", title="The brief itself", authors=(Name(family="Author", given="Brief"),), date="2024")
    works.append(Work(key="brief-x-own", record=own, document="brief-x"))
    return Library(works=tuple(works))


@pytest.fixture()
def zotero(httpserver) -> FakeZotero:
    fake = FakeZotero()
    httpserver.expect_request(re.compile(".*")).respond_with_handler(fake)
    return fake


@pytest.fixture()
def sleeps() -> list[float]:
    return []


@pytest.fixture()
def client(httpserver, zotero, sleeps) -> ZoteroClient:
    return ZoteroClient(LibraryRef.parse(f"user:{USER}"), KEY, base_url=httpserver.url_for(""), sleep=sleeps.append)


# --------------------------------------------------------------------- tests


def test_item_mapping_is_valid_for_zotero_and_reads_back():
    for t in TYPES + ["article", "hearing", "standard", "treaty", "paper-conference", "thesis", "dataset",
                      "motion_picture"]:
        record = Record(type=t, title="T", authors=(Name(family="F", given="G"),), editors=(Name(literal="Org"),),
                        container_title="C", doi="10.1/x", date="2020-01-02", accessed="2021-02", pages="3-9",
                        publisher="P", place="PL", genre="G", event="E", event_place="EP", note="own note")
        data = record_to_item(record)
        assert schema_errors(data) == [], (t, data)
        back = item_to_record(data)
        for name, value in record.filled():
            assert getattr(back, name) == value, (t, name)


def test_push_creates_everything_in_batches_of_50_with_write_tokens(client, zotero):
    report = push_library(corpus(51), client, collection="Kazakhstan briefs", per_document=True)
    assert zotero.violations == []
    assert len(zotero.items) == 52 and len(report.created) == 52 and not report.failed
    creates = [e for e in zotero.writes() if "Zotero-Write-Token" in e["headers"]]
    assert [len(json.loads(e["body"])) for e in creates] == [50, 2]
    assert len({e["headers"]["Zotero-Write-Token"] for e in creates}) == 2
    items = zotero.by_title()
    first = items["Work number 0: " + "".join(random.Random(0).choices(string.ascii_lowercase, k=8))]
    assert first["creators"] == [{"creatorType": "author", "name": "World Bank"}]
    assert {"tag": "bibkaz:cited-in:brief-x"} in first["tags"]
    assert "bibkaz: cited once in brief-x (note 1, line 10)" in first["extra"]
    assert len(first["collections"]) == 2  # the --collection and the brief's subcollection
    names = {c["data"]["name"]: c["data"] for c in zotero.collections.values()}
    assert set(names) == {"Kazakhstan briefs", "brief-x"}
    assert names["brief-x"]["parentCollection"] == next(k for k, c in zotero.collections.items()
                                                         if c["data"]["name"] == "Kazakhstan briefs")
    brief = items["The brief itself"]
    own_key = report.zotero_keys["brief-x-own"]
    assert len(brief["relations"]["dc:relation"]) == 51
    assert f"http://zotero.org/users/{USER}/items/{own_key}" in first["relations"]["dc:relation"]


def test_rerun_updates_instead_of_duplicating(client, zotero):
    lib = corpus(120)  # more than one page (100) of items to read back
    push_library(lib, client)
    before = set(zotero.items)
    # The user retouches a title in Zotero (case and punctuation) and adds a tag.
    key = next(k for k, v in zotero.items.items() if v["data"].get("title", "").startswith("Work number 1:"))
    zotero.items[key]["data"]["title"] = zotero.items[key]["data"]["title"].upper().replace(":", " —")
    zotero.items[key]["data"]["tags"].append({"tag": "to read"})
    zotero.items[key]["data"]["extra"] += "\nCitation Key: mine2011"
    report = push_library(lib, client)
    assert zotero.violations == []
    assert report.created == [] and len(report.updated) == 121
    assert set(zotero.items) == before
    assert {"tag": "to read"} in zotero.items[key]["data"]["tags"]
    extra = zotero.items[key]["data"]["extra"].split("\n")
    assert "Citation Key: mine2011" in extra and len([x for x in extra if x.startswith("bibkaz: cited")]) == 1
    updates = [e for e in zotero.writes() if "If-Unmodified-Since-Version" in e["headers"]]
    assert updates and all("Zotero-Write-Token" not in e["headers"] for e in updates)


def test_existing_item_found_by_doi_although_its_title_differs(client, zotero):
    lib = corpus(4)  # w000 and w003 have DOIs
    existing = zotero.add_existing({"itemType": "journalArticle", "title": "Something else entirely",
                                    "DOI": "10.5555/TEST.3", "creators": [], "tags": [{"tag": "mine"}]})
    report = push_library(lib, client)
    assert report.zotero_keys["w003"] == existing and "w003" in report.updated
    assert len(zotero.items) == 5


def test_a_412_conflict_rereads_the_library_and_retries(client, zotero):
    lib = corpus(3)
    push_library(lib, client)
    zotero.faults.append({
        "when": lambda req, body: req.method == "POST" and "If-Unmodified-Since-Version" in req.headers,
        "status": 412,
    })
    zotero.other_client_writes()
    report = push_library(lib, client)
    assert len(report.updated) == 4 and not report.failed and len(zotero.items) == 4
    assert zotero.violations == []


def test_a_429_waits_for_retry_after_and_resends_the_same_token(client, zotero, sleeps):
    zotero.faults.append({"when": lambda req, body: req.method == "POST", "status": 429, "headers": {"Retry-After": "7"}})
    report = push_library(corpus(2), client)
    assert sleeps == [7.0]
    creates = zotero.writes()[:2]
    assert creates[0]["headers"]["Zotero-Write-Token"] == creates[1]["headers"]["Zotero-Write-Token"]
    assert len(report.created) == 3 and len(zotero.items) == 3


def test_a_lost_answer_is_retried_without_creating_twins(client, zotero, sleeps):
    # The server writes the batch but the answer is lost (500); the retry with the same
    # write token gets 412, and the push finds the items it already created.
    zotero.faults.append({"when": lambda req, body: req.method == "POST" and req.path.endswith("/items"),
                          "status": 500, "commit": True})
    push_library(corpus(5), client)
    assert len(zotero.items) == 6
    assert zotero.violations == []


def test_a_bad_key_gives_a_clear_error_without_the_key(httpserver, zotero):
    bad = ZoteroClient(LibraryRef.parse(f"user:{USER}"), "wrong-key", base_url=httpserver.url_for(""))
    with pytest.raises(BibkazError, match="rejected the API key") as err:
        push_library(corpus(1), bad)
    assert "wrong-key" not in str(err.value)
    assert zotero.writes() == []


def test_dry_run_writes_nothing(client, zotero):
    report = push_library(corpus(3), client, collection="X", dry_run=True)
    assert report.created and zotero.writes() == [] and zotero.writes("collections") == []
    assert "would create 4" in report.summary()


def test_library_argument_is_checked():
    assert LibraryRef.parse("group:99").prefix == "/groups/99"
    with pytest.raises(BibkazError, match="user:<numeric id>"):
        LibraryRef.parse("users/12")


def test_cli_push_reads_the_key_from_the_environment_and_never_prints_it(httpserver, zotero, tmp_path, monkeypatch):
    from bibkaz.cli import main
    from bibkaz.formats.library_json import dumps

    path = tmp_path / "library.json"
    path.write_text(dumps(corpus(3)), encoding="utf-8")
    monkeypatch.setenv("MY_ZOTERO_KEY", KEY)
    args = ["zotero", "push", str(path), "--library", f"user:{USER}", "--api-key-env", "MY_ZOTERO_KEY",
            "--base-url", httpserver.url_for("")]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "created 4" in result.output and KEY not in result.output
    again = CliRunner().invoke(main, args)
    assert "created 0, updated 4" in again.output and len(zotero.items) == 4
    monkeypatch.delenv("MY_ZOTERO_KEY")
    missing = CliRunner().invoke(main, args)
    assert missing.exit_code == 1 and "set the environment variable MY_ZOTERO_KEY" in missing.output


def test_connector_push_posts_ris_to_zotero_desktop(httpserver, tmp_path):
    from bibkaz.cli import main
    from bibkaz.formats.library_json import dumps

    received: list[Request] = []

    def connector(request: Request) -> Response:
        if request.path == "/connector/ping":
            return Response("Zotero is running", status=200)
        received.append(request)
        count = request.get_data(as_text=True).count("ER  - ")
        return Response(json.dumps([{"itemType": "journalArticle"}] * count), status=201, content_type="application/json")

    httpserver.expect_request(re.compile(".*")).respond_with_handler(connector)
    path = tmp_path / "library.json"
    path.write_text(dumps(corpus(3)), encoding="utf-8")
    result = CliRunner().invoke(main, ["zotero", "push", str(path), "--connector", "--connector-url", httpserver.url_for("")])
    assert result.exit_code == 0, result.output
    assert "imported 4 items" in result.output
    assert received[0].path == "/connector/import" and received[0].args.get("session")
    assert received[0].get_data(as_text=True).startswith("TY  - ")


def test_collection_per_document_without_a_parent_and_reused_on_rerun(client, zotero):
    lib = corpus(2)
    push_library(lib, client, per_document=True)
    push_library(lib, client, per_document=True)
    assert [c["data"] for c in zotero.collections.values()] == [
        {"name": "brief-x", "parentCollection": False, "key": next(iter(zotero.collections)),
         "version": next(iter(zotero.collections.values()))["version"]}
    ]
    assert all(len(i["data"]["collections"]) == 1 for i in zotero.items.values())

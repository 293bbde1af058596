"""A small Zotero Web API v3 client on requests: the few endpoints the push needs.

Written on requests rather than pyzotero because the push depends on details
pyzotero hides or lacks: the same ``Zotero-Write-Token`` on every retry of one
write (so a retried request never creates twins), ``If-Unmodified-Since-Version``
on updates with a clear 412 path, ``Retry-After``/``Backoff`` honoured, and a
base URL tests can point at a server on 127.0.0.1.

The API key only ever travels in the ``Zotero-API-Key`` header; no message,
exception or log line contains it.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass
from typing import Any, Callable

import requests

from bibkaz import __version__
from bibkaz.model import BibkazError, UsageError

DEFAULT_BASE_URL = "https://api.zotero.org"
#: The Web API accepts at most 50 objects per write request.
MAX_BATCH = 50
PAGE = 100


class ZoteroHTTPError(BibkazError):
    """Zotero answered with an HTTP error; ``status`` says which."""

    def __init__(self, status: int, message: str):
        self.status = status
        super().__init__(message)


class Conflict(ZoteroHTTPError):
    """412 Precondition Failed: the library (or a write token) changed under us."""


@dataclass(frozen=True)
class LibraryRef:
    """``user:<id>`` or ``group:<id>`` as the command line gives it."""

    kind: str  # "users" | "groups"
    id: str

    @classmethod
    def parse(cls, text: str) -> "LibraryRef":
        kind, sep, ident = text.partition(":")
        plural = {"user": "users", "group": "groups"}.get(kind.strip().lower())
        if not sep or plural is None or not ident.strip().isdigit():
            raise UsageError(f"--library {text!r}: expected user:<numeric id> or group:<numeric id>")
        return cls(plural, ident.strip())

    @property
    def prefix(self) -> str:
        return f"/{self.kind}/{self.id}"

    def item_uri(self, key: str) -> str:
        """The URI Zotero uses in ``relations`` for an item of this library."""
        return f"http://zotero.org/{self.kind}/{self.id}/items/{key}"

    def __str__(self) -> str:
        return f"{self.kind[:-1]}:{self.id}"


def new_write_token() -> str:
    """32 random hex characters, as the API asks for."""
    return uuid.uuid4().hex


@dataclass(frozen=True)
class WriteResult:
    """The parsed answer to a multi-object write."""

    successful: dict[int, dict[str, Any]]  # batch index -> object (key, version, data)
    unchanged: dict[int, str]  # batch index -> key
    failed: dict[int, dict[str, Any]]  # batch index -> {"code", "message", "key"?}
    version: int


class ZoteroClient:
    """One Zotero library over the Web API v3."""

    def __init__(
        self,
        library: LibraryRef,
        api_key: str,
        base_url: str = DEFAULT_BASE_URL,
        session: requests.Session | None = None,
        sleep: Callable[[float], None] = time.sleep,
        max_retries: int = 5,
        timeout: float = 30.0,
        key_env: str = "ZOTERO_API_KEY",
    ):
        self.library = library
        self.key_env = key_env  # named in errors about the key (the key itself never is)
        self.base_url = base_url.rstrip("/")
        self._key = api_key
        self._session = session or requests.Session()
        self._sleep = sleep
        self._max_retries = max_retries
        self._timeout = timeout
        self._backoff_until = 0.0
        self.requests_made = 0

    # ---------------------------------------------------------------- transport

    def _headers(self, extra: dict[str, str] | None) -> dict[str, str]:
        headers = {
            "Zotero-API-Version": "3",
            "Zotero-API-Key": self._key,
            "User-Agent": f"bibkaz/{__version__}",
        }
        headers.update(extra or {})
        return headers

    def _wait_backoff(self) -> None:
        delay = self._backoff_until - time.monotonic()
        if delay > 0:
            self._sleep(delay)

    def request(
        self, method: str, path: str, *, params: dict[str, Any] | None = None, json: Any = None,
        headers: dict[str, str] | None = None,
    ) -> requests.Response:
        """Send one request, retrying 429/503 after Retry-After and other 5xx with backoff.

        A retry repeats the request byte for byte, write token included.
        """
        url = f"{self.base_url}{path}"
        for attempt in range(self._max_retries + 1):
            self._wait_backoff()
            try:
                self.requests_made += 1
                resp = self._session.request(
                    method, url, params=params, json=json, headers=self._headers(headers), timeout=self._timeout
                )
            except requests.RequestException as exc:
                if attempt == self._max_retries:
                    raise BibkazError(f"cannot reach Zotero at {self.base_url}: {type(exc).__name__}") from None
                self._sleep(min(2**attempt, 30))
                continue
            if resp.headers.get("Backoff", "").isdigit():
                self._backoff_until = time.monotonic() + int(resp.headers["Backoff"])
            if resp.status_code in (429, 503) or resp.status_code >= 500:
                if attempt == self._max_retries:
                    break
                retry_after = resp.headers.get("Retry-After", "")
                self._sleep(float(retry_after) if retry_after.replace(".", "", 1).isdigit() else min(2**attempt, 30))
                continue
            return self._check(resp, method, path)
        raise BibkazError(
            f"Zotero kept answering {resp.status_code} to {method} {path} after {self._max_retries} retries; try again later"
        )

    def _check(self, resp: requests.Response, method: str, path: str) -> requests.Response:
        code = resp.status_code
        if code < 400:
            return resp
        detail = resp.text.strip().splitlines()[0][:200] if resp.text.strip() else resp.reason
        if code == 403:
            message = (f"Zotero refused {method} {path} (403 Forbidden): the API key is invalid or may not "
                       f"{'write to' if method != 'GET' else 'read'} {self.library}")
        elif code == 404:
            message = f"Zotero has no {path} (404): check --library {self.library}"
        elif code == 412:
            raise Conflict(code, f"Zotero library {self.library} changed during the push (412: {detail})")
        elif code == 428:
            message = f"Zotero wants a version precondition for {method} {path} (428: {detail})"
        else:
            message = f"Zotero answered {code} to {method} {path}: {detail}"
        raise ZoteroHTTPError(code, message)

    def json(self, resp: requests.Response, method: str, path: str) -> Any:
        """The body as JSON, or one line saying what came instead (a proxy's login page,
        a wrong --base-url): never a JSONDecodeError traceback."""
        try:
            return resp.json()
        except ValueError:
            kind = resp.headers.get("Content-Type", "no Content-Type").split(";")[0]
            start = " ".join(resp.text.split())[:60]
            raise BibkazError(f"{self.base_url} answered {method} {path} with {kind}, not JSON ({start!r}): "
                              "is it the Zotero Web API?") from None

    # ---------------------------------------------------------------- endpoints

    def check_key(self) -> None:
        """Fail early, with a clear message, on a bad key or a key that cannot write here."""
        try:
            resp = self.request("GET", "/keys/current")
        except ZoteroHTTPError as exc:
            if exc.status in (403, 404):
                raise BibkazError(
                    f"Zotero rejected the API key ({exc.status} on /keys/current): create a key at "
                    f"https://www.zotero.org/settings/keys and put it in the environment variable {self.key_env}"
                ) from None
            raise
        info = self.json(resp, "GET", "/keys/current")
        if not isinstance(info, dict):
            raise BibkazError(f"{self.base_url} answered GET /keys/current with JSON that is not a key's description: "
                              "is it the Zotero Web API?")
        access = info.get("access") or {}
        if self.library.kind == "users":
            if str(info.get("userID", "")) != self.library.id:
                raise BibkazError(f"the API key belongs to user:{info.get('userID')}, not {self.library}")
            allowed = bool((access.get("user") or {}).get("write"))
        else:
            groups = access.get("groups") or {}
            allowed = bool((groups.get(self.library.id) or groups.get("all") or {}).get("write"))
        if not allowed:
            raise BibkazError(f"the API key has no write access to {self.library}")

    def _paged(self, path: str, params: dict[str, Any] | None = None) -> tuple[list[dict[str, Any]], int]:
        out: list[dict[str, Any]] = []
        version = 0
        start = 0
        while True:
            resp = self.request("GET", path, params={"format": "json", "limit": PAGE, "start": start, **(params or {})})
            page = self.json(resp, "GET", path)
            version = int(resp.headers.get("Last-Modified-Version", version) or 0)
            out.extend(page)
            total = int(resp.headers.get("Total-Results", len(out)) or 0)
            start += len(page)
            if not page or start >= total:
                return out, version

    def top_items(self) -> tuple[list[dict[str, Any]], int]:
        """All top-level items (key, version, data) and the library version."""
        return self._paged(f"{self.library.prefix}/items/top")

    def item(self, key: str) -> dict[str, Any]:
        path = f"{self.library.prefix}/items/{key}"
        return self.json(self.request("GET", path, params={"format": "json"}), "GET", path)

    def collections(self) -> list[dict[str, Any]]:
        return self._paged(f"{self.library.prefix}/collections")[0]

    def _write(self, what: str, objects: list[dict[str, Any]], *, write_token: str | None, version: int | None) -> WriteResult:
        if len(objects) > MAX_BATCH:
            raise ValueError(f"at most {MAX_BATCH} objects per write, got {len(objects)}")
        headers = {"Content-Type": "application/json"}
        if write_token:
            headers["Zotero-Write-Token"] = write_token
        if version is not None:
            headers["If-Unmodified-Since-Version"] = str(version)
        resp = self.request("POST", f"{self.library.prefix}/{what}", json=objects, headers=headers)
        body = self.json(resp, "POST", f"{self.library.prefix}/{what}")
        return WriteResult(
            successful={int(k): v for k, v in (body.get("successful") or {}).items()},
            unchanged={int(k): v for k, v in (body.get("unchanged") or {}).items()},
            failed={int(k): v for k, v in (body.get("failed") or {}).items()},
            version=int(resp.headers.get("Last-Modified-Version", 0) or 0),
        )

    def create(self, what: str, objects: list[dict[str, Any]], write_token: str) -> WriteResult:
        """Create up to 50 items or collections; retries reuse ``write_token``."""
        return self._write(what, objects, write_token=write_token, version=None)

    def update(self, what: str, objects: list[dict[str, Any]], library_version: int) -> WriteResult:
        """Update up to 50 objects (each with key and version; PATCH semantics)."""
        return self._write(what, objects, write_token=None, version=library_version)

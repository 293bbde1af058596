"""Results on disk, so a re-run is near-instant and an interrupted run resumes.

A small SQLite table (link key → result JSON, time checked) rather than an HTTP
cache: what we want to reuse is the verdict on a link, which took a handle look-up,
redirects and maybe a GET, not individual responses. Results are committed in
small batches as they arrive, so Ctrl-C loses at most a second of work.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import time
from pathlib import Path
from typing import Iterable

from bibkaz.links.result import LinkResult, Status
from bibkaz.model import BibkazError

#: Verdicts that say nothing about the link itself and must be re-checked.
_NOT_CACHED = frozenset({Status.UNREACHABLE, Status.INVALID})
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}


def parse_age(text: str) -> float:
    """"1d", "12h", "30m", "90s", "2w" or plain seconds → seconds."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhdw]?)\s*", text.lower())
    if not match:
        raise BibkazError(f"--max-age: cannot read {text!r} (use e.g. 1d, 12h, 30m, 90s)")
    return float(match.group(1)) * _UNITS[match.group(2) or "s"]


def default_cache_path() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "bibkaz" / "links.sqlite"


class LinkCache:
    """Link verdicts keyed by :attr:`bibkaz.links.targets.Target.key`."""

    def __init__(self, path: str | os.PathLike[str], max_age: float, batch_seconds: float = 1.0):
        self.path = Path(path)
        self.max_age = max_age
        self._batch_seconds = batch_seconds
        self._last_commit = time.monotonic()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS links (key TEXT PRIMARY KEY, checked REAL NOT NULL, result TEXT NOT NULL)"
            )
            self._db.commit()
        except (sqlite3.Error, OSError) as exc:
            raise BibkazError(f"{self.path}: cannot open the link cache: {exc}") from None

    def get_many(self, keys: Iterable[str]) -> dict[str, LinkResult]:
        """Fresh cached results for ``keys`` (older than max age are ignored)."""
        wanted = list(dict.fromkeys(keys))
        oldest = time.time() - self.max_age
        found: dict[str, LinkResult] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT key, result FROM links WHERE checked >= ? AND key IN ({marks})", [oldest, *chunk]
            )
            for key, text in rows:
                try:
                    found[key] = LinkResult.from_dict(json.loads(text)).with_(cached=True)
                except (ValueError, TypeError, KeyError):
                    continue  # a row from an older format: check the link again
        return found

    def put(self, key: str, result: LinkResult) -> None:
        if result.status in _NOT_CACHED:
            return
        stored = result.with_(cached=False)
        self._db.execute(
            "INSERT OR REPLACE INTO links (key, checked, result) VALUES (?, ?, ?)",
            (key, stored.checked_at or time.time(), json.dumps(stored.to_dict(), ensure_ascii=False)),
        )
        if time.monotonic() - self._last_commit >= self._batch_seconds:
            self.flush()

    def flush(self) -> None:
        self._db.commit()
        self._last_commit = time.monotonic()

    def close(self) -> None:
        self.flush()
        self._db.close()

    def __enter__(self) -> "LinkCache":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

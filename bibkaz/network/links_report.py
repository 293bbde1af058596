"""Broken links per document, read from a ``bibkaz links --format json`` report.

The report's layout is documented in docs/links-json.md (version 1): an object
with ``links``, each link with a ``status`` and the ``documents`` (ids) whose works
cite it. A link counts as broken when its status is "broken" (which includes soft
404s), as ``bibkaz links`` itself counts it: timeouts, blocked and unreachable
links are not proof that a page is gone. The network needs only one number per
document, so the reader also accepts a bare list of links and documents given as
objects with an ``id``.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from bibkaz.model import InputError

BROKEN = frozenset({"broken", "soft-404", "soft_404"})


def _entries(data: Any, path: str) -> list[dict[str, Any]]:
    if isinstance(data, dict):
        for field in ("links", "results"):
            if isinstance(data.get(field), list):
                data = data[field]
                break
    if not isinstance(data, list):
        raise InputError(path, "not a links report: expected a list of links or an object with 'links'")
    return [e for e in data if isinstance(e, dict)]


def _documents(entry: dict[str, Any]) -> set[str]:
    raw = entry.get("documents") or ([entry["document"]] if entry.get("document") else [])
    out = set()
    for item in raw if isinstance(raw, list) else [raw]:
        if isinstance(item, dict):
            item = item.get("id") or item.get("document") or ""
        if item:
            out.add(str(item))
    return out


def _is_broken(entry: dict[str, Any]) -> bool:
    if entry.get("broken") is True:
        return True
    return str(entry.get("status", "")).lower() in BROKEN


def broken_links(path: str | Path) -> dict[str, int]:
    """Document id → number of distinct broken links it uses."""
    where = str(path)
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(where, f"cannot read links report: {exc.strerror}") from None
    except json.JSONDecodeError as exc:
        raise InputError(where, f"links report is not valid JSON: {exc.msg}", exc.lineno) from None
    counts: Counter[str] = Counter()
    for entry in _entries(data, where):
        if _is_broken(entry):
            counts.update(_documents(entry))
    return dict(counts)

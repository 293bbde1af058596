"""Turn a LinkReport into text: table, JSON (docs/links-json.md), CSV or Markdown.

Formatting returns strings; printing is the CLI's job.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timezone
from typing import Any

from bibkaz.links.check import Entry, LinkReport
from bibkaz.links.result import Status

FORMATS = ("table", "json", "csv", "markdown")
JSON_VERSION = 1
_CSV_COLUMNS = (
    "link", "kind", "status", "http_status", "final_url", "detail", "registered", "archive_url", "works", "documents",
)


def select(report: LinkReport, only_broken: bool) -> list[Entry]:
    """The entries to show: with ``only_broken``, those that did not work (anything
    but ok, ok-registered and redirected, and unreachable: an offline run is said
    once, not once per link)."""
    if not only_broken:
        return list(report.entries)
    return [e for e in report.entries if e.result.status not in (*Status.FINE, Status.UNREACHABLE)]


def _iso(ts: float) -> str | None:
    return datetime.fromtimestamp(ts, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ") if ts else None


def entry_json(entry: Entry) -> dict[str, Any]:
    t, r = entry.target, entry.result
    return {
        "link": t.link,
        "kind": t.kind,
        "status": r.status,
        "http_status": r.http_status,
        "final_url": r.final_url or None,
        "redirects": [{"url": h.url, "status": h.status} for h in r.redirects],
        "permanent_redirect": r.permanent,
        "soft_404": r.soft_404,
        "detail": r.detail,
        "registered": r.registered,
        "target_url": r.target_url or None,
        "archive": {"url": r.archive_url, "timestamp": r.archive_timestamp} if r.archive_url else None,
        "checked_at": _iso(r.checked_at),
        "cached": r.cached,
        "works": list(t.works),
        "documents": list(t.documents),
    }


def to_json(report: LinkReport, only_broken: bool = False) -> str:
    """The report as JSON, one link per line: readable, diffable, and written by
    the C encoder (an indented dump goes through the slow pure-Python one)."""
    head = {
        "bibkaz_links": JSON_VERSION,
        "network": report.network,
        "network_detail": report.network_detail or None,
        "summary": {"total": len(report.entries), **report.counts()},
    }
    lines = [json.dumps(entry_json(e), ensure_ascii=False) for e in select(report, only_broken)]
    top = json.dumps(head, ensure_ascii=False)[:-1]
    if not lines:
        return top + ', "links": []}\n'
    return top + ',\n "links": [\n  ' + ",\n  ".join(lines) + "\n ]}\n"


def _suggestion(entry: Entry) -> str:
    r = entry.result
    if r.archive_url:
        return f"archived copy: {r.archive_url}"
    if r.status == Status.REDIRECTED and r.permanent:
        return f"now at {r.final_url}"
    if r.status == Status.REDIRECTED:
        return f"-> {r.final_url}"
    return ""


def _row(entry: Entry) -> dict[str, str]:
    r = entry.result
    return {
        "link": entry.target.link,
        "kind": entry.target.kind,
        "status": r.status,
        "http_status": "" if r.http_status is None else str(r.http_status),
        "final_url": r.final_url,
        "detail": "; ".join(p for p in (r.detail, _suggestion(entry)) if p),
        "registered": "" if r.registered is None else ("yes" if r.registered else "no"),
        "archive_url": r.archive_url,
        "works": ";".join(entry.target.works),
        "documents": ";".join(entry.target.documents),
    }


def to_csv(report: LinkReport, only_broken: bool = False) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=_CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for entry in select(report, only_broken):
        writer.writerow(_row(entry))
    return out.getvalue()


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(report: LinkReport, only_broken: bool = False) -> str:
    lines = ["| Status | Code | Link | Detail | Cited by |", "|---|---|---|---|---|"]
    for entry in select(report, only_broken):
        row = _row(entry)
        lines.append(
            f"| {row['status']} | {row['http_status']} | {_md(row['link'])} | {_md(row['detail'])} "
            f"| {_md(', '.join(entry.target.works))} |"
        )
    return "\n".join(lines) + "\n\n" + summary_line(report) + "\n"


def to_table(report: LinkReport, only_broken: bool = False) -> str:
    entries = select(report, only_broken)
    width = max([len(s) for s in Status.ALL])
    lines = []
    for entry in entries:
        row = _row(entry)
        code = row["http_status"] or "-"
        lines.append(f"{row['status']:<{width}}  {code:>3}  {row['link']}")
        if row["detail"]:
            lines.append(f"{'':<{width}}       {row['detail']}")
        users = ", ".join(entry.target.works)
        if users:
            docs = ", ".join(entry.target.documents)
            lines.append(f"{'':<{width}}       cited by {users}" + (f" (in {docs})" if docs else ""))
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"


def summary_line(report: LinkReport) -> str:
    counts = report.counts()
    parts = [f"{n} {s}" for s, n in counts.items() if n]
    return f"{len(report.entries)} links: " + (", ".join(parts) if parts else "none found")


def render(report: LinkReport, fmt: str, only_broken: bool = False) -> str:
    return {"table": to_table, "json": to_json, "csv": to_csv, "markdown": to_markdown}[fmt](report, only_broken)

"""Rankings as text: a terminal table, JSON, CSV or Markdown.

Every format carries the same columns so a user can switch between them without
losing information; the table alone may wrap long titles to fit the terminal.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Sequence

from rich.console import Console
from rich.table import Table

from bibkaz.model import BibkazError
from bibkaz.network.metrics import Ranked

REPORT_FORMATS = ("table", "json", "csv", "markdown")


def _columns(persons: bool, by: str) -> list[tuple[str, str]]:
    """(heading, Ranked attribute) pairs in display order."""
    cols = [("rank", "")]
    cols += [("person", "label"), ("works", "works")] if persons else [("key", "key"), ("work", "label")]
    cols += [("documents", "documents"), ("citations", "citations"), ("in-text", "in_text")]
    if by == "pagerank":
        cols.append(("pagerank", "pagerank"))
    cols.append(("citing documents", "citing"))
    return cols


#: Citing documents shown in a table or Markdown cell; JSON and CSV list them all.
SHOWN_CITING = 8


def _cell(row: Ranked, attr: str, rank: int, every_citing: bool) -> str:
    if not attr:
        return str(rank)
    value = getattr(row, attr)
    if attr == "pagerank":
        return f"{value:.4f}"
    if attr == "citing":
        if every_citing or len(value) <= SHOWN_CITING:
            return ", ".join(value)
        # A work cited by thousands of documents must not turn the table into a wall.
        return ", ".join(value[:SHOWN_CITING]) + f" … (+{len(value) - SHOWN_CITING} more)"
    return str(value)


def _json(rows: Sequence[Ranked], persons: bool) -> str:
    items = []
    for rank, row in enumerate(rows, 1):
        item = {
            "rank": rank,
            "person" if persons else "key": row.key,
            "label": row.label,
            "documents": row.documents,
            "citations": row.citations,
            "in_text": row.in_text,
            "pagerank": round(row.pagerank, 6),
            "citing": list(row.citing),
        }
        if persons:
            item["works"] = row.works
        items.append(item)
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def _markdown(headings: list[str], table: list[list[str]]) -> str:
    def line(cells: list[str]) -> str:
        return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"

    numeric = {"rank", "works", "documents", "citations", "in-text", "pagerank"}
    rule = ["---:" if h in numeric else "---" for h in headings]
    return "\n".join([line(headings), "| " + " | ".join(rule) + " |", *map(line, table)]) + "\n"


def _rich(headings: list[str], table: list[list[str]], title: str, width: int) -> str:
    out = Table(title=title, title_justify="left")
    for h in headings:
        numeric = h in {"rank", "works", "documents", "citations", "in-text", "pagerank"}
        out.add_column(h, justify="right" if numeric else "left", overflow="fold")
    for cells in table:
        out.add_row(*cells)
    buffer = io.StringIO()
    Console(file=buffer, width=width, no_color=True, highlight=False).print(out)
    return buffer.getvalue()


def render_ranking(rows: Sequence[Ranked], fmt: str = "table", persons: bool = False,
                   by: str = "citations", width: int = 120) -> str:
    """``rows`` in ``fmt`` (one of REPORT_FORMATS)."""
    if fmt == "json":
        return _json(rows, persons)
    cols = _columns(persons, by)
    headings = [h for h, _ in cols]
    table = [[_cell(row, attr, rank, fmt == "csv") for _, attr in cols] for rank, row in enumerate(rows, 1)]
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(headings)
        writer.writerows(table)
        return buffer.getvalue()
    if fmt == "markdown":
        return _markdown(headings, table)
    if fmt == "table":
        title = f"Most-cited {'persons' if persons else 'works'} (by {by})"
        return _rich(headings, table, title, width)
    raise BibkazError(f"unknown format {fmt!r}; choose one of {', '.join(REPORT_FORMATS)}")

"""Collect every URL and DOI a Library cites, each once, with who cites it.

A link cited by twenty works is checked once; the report lists the twenty works
and their documents. DOIs written as doi.org URLs count as the DOI, and DOIs are
compared case-insensitively, as the DOI system does.
"""

from __future__ import annotations

from dataclasses import dataclass

from bibkaz.links.validate import Checked, check_link
from bibkaz.model import Library, Work


@dataclass(frozen=True)
class Target:
    """One distinct link to check."""

    kind: str  # "url" | "doi"
    link: str  # canonical URL or bare DOI, as reported
    key: str  # identity: one check and one cache row per key
    invalid: str = ""  # why it is malformed, "" when it can be checked
    works: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()
    date: str = ""  # when it was cited (accessed, else issued): for the Wayback lookup


def _candidates(work: Work) -> list[tuple[str, str]]:
    """(text, kind) of every link a work carries; kind "" lets validation decide."""
    record = work.record
    found: list[tuple[str, str]] = []
    if record.doi:
        found.append((record.doi, "doi"))
    if record.url:
        found.append((record.url, ""))
    for ref in work.references:
        if ref.kind == "inline-doi":
            found.append((ref.text, "doi"))
        elif ref.kind == "inline-url":
            found.append((ref.text, ""))
    return found


def collect_targets(library: Library) -> list[Target]:
    """Distinct links in first-seen order, each with the works and documents using it."""
    order: list[str] = []
    checked: dict[str, Checked] = {}
    works: dict[str, dict[str, None]] = {}
    documents: dict[str, dict[str, None]] = {}
    dates: dict[str, str] = {}
    for work in library.works:
        docs = list(work.citing_documents) + ([work.document] if work.document else [])
        for text, kind in _candidates(work):
            if not text.strip():
                continue
            item = check_link(text, kind)
            key = item.key
            if key not in checked:
                order.append(key)
                checked[key] = item
                works[key] = {}
                documents[key] = {}
            works[key][work.key] = None
            documents[key].update(dict.fromkeys(docs))
            if not dates.get(key):
                dates[key] = work.record.accessed or work.record.date
    return [
        Target(
            kind=checked[k].kind, link=checked[k].canonical, key=k, invalid=checked[k].reason,
            works=tuple(works[k]), documents=tuple(documents[k]), date=dates.get(k, ""),
        )
        for k in order
    ]

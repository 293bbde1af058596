"""Finding the Zotero item a work already is, so a re-run updates instead of duplicating.

Zotero's own duplicate rules, in its order: the same DOI is the same work; else
the same normalised title (case, accents and punctuation ignored), the same
year and the same first creator. A work that matches nothing is new.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Iterable

from bibkaz.model import Record


def normalise_doi(doi: str) -> str:
    doi = doi.strip().lower()
    doi = re.sub(r"^(https?://(dx\.)?doi\.org/|doi:\s*)", "", doi)
    return doi


def normalise_text(text: str) -> str:
    """Lower case, accents removed, punctuation as spaces: "Power, Politics—and Él" → "power politics and el"."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[\W_]+", " ", stripped.casefold()).split())


def _year(date: str) -> str:
    m = re.search(r"\b(\d{4})\b", date)
    return m.group(1) if m else ""


@dataclass(frozen=True)
class Identity:
    """What duplicate finding compares: a DOI, and title + year + first creator."""

    doi: str
    title: str
    year: str
    creator: str

    @property
    def fuzzy(self) -> tuple[str, str, str] | None:
        return (self.title, self.year, self.creator) if self.title else None


def record_identity(record: Record) -> Identity:
    first = record.authors[0] if record.authors else (record.editors[0] if record.editors else None)
    creator = normalise_text(first.literal or first.full_family) if first else ""
    return Identity(normalise_doi(record.doi), normalise_text(record.title), record.year or _year(record.date), creator)


def item_identity(data: dict[str, Any]) -> Identity:
    """The identity of a Zotero item's ``data``; a DOI kept in ``extra`` counts too."""
    doi = str(data.get("DOI") or "")
    if not doi:
        m = re.search(r"^DOI:\s*(\S+)", str(data.get("extra") or ""), re.MULTILINE | re.IGNORECASE)
        doi = m.group(1) if m else ""
    title = next((str(data[f]) for f in ("title", "caseName", "nameOfAct", "subject") if data.get(f)), "")
    date = next((str(data[f]) for f in ("date", "dateDecided", "dateEnacted") if data.get(f)), "")
    creators = data.get("creators") or []
    first = creators[0] if creators else {}
    creator = normalise_text(str(first.get("lastName") or first.get("name") or ""))
    return Identity(normalise_doi(doi), normalise_text(title), _year(date), creator)


class Matcher:
    """Index of existing Zotero items; each item is matched at most once."""

    def __init__(self, items: Iterable[dict[str, Any]]):
        self._by_doi: dict[str, str] = {}
        self._by_fuzzy: dict[tuple[str, str, str], str] = {}
        self._used: set[str] = set()
        for item in items:
            data = item.get("data", item)
            if data.get("itemType") in ("note", "attachment", "annotation"):
                continue
            ident = item_identity(data)
            key = str(item.get("key") or data.get("key"))
            if ident.doi:
                self._by_doi.setdefault(ident.doi, key)
            if ident.fuzzy:
                self._by_fuzzy.setdefault(ident.fuzzy, key)

    def find(self, record: Record) -> str | None:
        """The key of the existing item ``record`` duplicates, or None."""
        ident = record_identity(record)
        key = self._by_doi.get(ident.doi) if ident.doi else None
        if key is None and ident.fuzzy:
            key = self._by_fuzzy.get(ident.fuzzy)
        if key is None or key in self._used:
            return None
        self._used.add(key)
        return key

"""Record ⇄ CSL-JSON item: bibkaz's one documented mapping (docs/csl-mapping.md).

CSL-JSON is the richest format we write and the one citeproc-py, pandoc and
Zotero read, so every other exporter (BibTeX, RIS, Zotero) can be checked
against it. Record already uses CSL's type names; this module maps fields and
shapes: names as ``{"family", "given", "non-dropping-particle", "suffix"}`` or
``{"literal"}``, dates as ``{"date-parts": [[y, m, d]]}``, pages with an en dash.

The reader side is lenient on purpose (it reads what citation-js, pandoc and
Zotero write, not only what we write): EDTF date strings, ``raw`` dates, numbers
where we write strings, ``event`` as an alias of ``event-title``.
"""

from __future__ import annotations

from typing import Any

from bibkaz.model import Name, Record

# Record field -> CSL variable, for plain text fields.
_TEXT = {
    "title": "title",
    "container_title": "container-title",
    "collection_title": "collection-title",
    "volume": "volume",
    "issue": "issue",
    "edition": "edition",
    "publisher": "publisher",
    "place": "publisher-place",
    "event": "event-title",
    "event_place": "event-place",
    "doi": "DOI",
    "url": "URL",
    "isbn": "ISBN",
    "genre": "genre",
    "medium": "medium",
    "note": "note",
}
_NAMES = {"authors": "author", "editors": "editor", "translators": "translator"}
_DATES = {"date": "issued", "accessed": "accessed", "event_date": "event-date"}

#: CSL types as listed by the CSL 1.0.2 schema; anything else is written as "document".
CSL_TYPES = frozenset(
    """article article-journal article-magazine article-newspaper bill book broadcast chapter
    classic collection dataset document entry entry-dictionary entry-encyclopedia event figure
    graphic hearing interview legal_case legislation manuscript map motion_picture musical_score
    pamphlet paper-conference patent performance periodical personal_communication post
    post-weblog regulation report review review-book software song speech standard thesis
    treaty webpage""".split()
)


def name_to_csl(name: Name) -> dict[str, str]:
    if name.literal:
        return {"literal": name.literal}
    out = {"family": name.family}
    if name.given:
        out["given"] = name.given
    if name.particle:
        # Lower-case particles ("van", "de") are non-dropping: they print with the family name.
        out["non-dropping-particle"] = name.particle
    if name.suffix:
        out["suffix"] = name.suffix
    return out


def name_from_csl(data: dict[str, Any]) -> Name:
    if "literal" in data:
        return Name(literal=str(data["literal"]))
    particle = " ".join(
        p for p in (data.get("dropping-particle", ""), data.get("non-dropping-particle", "")) if p
    )
    return Name(
        family=str(data.get("family", "")),
        given=str(data.get("given", "")),
        particle=particle,
        suffix=str(data.get("suffix", "")),
    )


def date_to_csl(iso: str) -> dict[str, Any]:
    """"2022-09-26" → {"date-parts": [[2022, 9, 26]]}; "2014/2015" → a range."""
    ranges = []
    for part in iso.split("/"):
        pieces = [int(p) for p in part.split("-") if p.isdigit()]
        if pieces:
            ranges.append(pieces)
    if not ranges:
        return {"literal": iso}
    return {"date-parts": ranges}


def date_from_csl(data: dict[str, Any] | str) -> str:
    """A CSL date (date-parts, EDTF string, raw or literal) as bibkaz's ISO string."""
    if isinstance(data, str):
        return data.strip()
    parts = data.get("date-parts") or []
    if not parts:
        return str(data.get("raw") or data.get("literal") or "").strip()
    out = []
    for p in parts[:2]:
        numbers = [int(str(x)) for x in p if str(x).strip().lstrip("-").isdigit()]
        if not numbers:
            continue
        y, *rest = numbers
        out.append("-".join([f"{y:04d}"] + [f"{x:02d}" for x in rest]))
    return "/".join(out)


def record_to_csl(record: Record, key: str) -> dict[str, Any]:
    """The CSL-JSON item for ``record`` with id ``key`` (valid against CSL schema 1.0.2)."""
    item: dict[str, Any] = {"id": key, "type": record.type if record.type in CSL_TYPES else "document"}
    for attr, var in _NAMES.items():
        names = getattr(record, attr)
        if names:
            item[var] = [name_to_csl(n) for n in names]
    for attr, var in _TEXT.items():
        value = getattr(record, attr)
        if value:
            item[var] = value
    for attr, var in _DATES.items():
        value = getattr(record, attr)
        if value:
            item[var] = date_to_csl(value)
    if record.event:
        # CSL 1.0.2 renamed "event" to "event-title"; Zotero 6 and older processors
        # only read the old name, so both are written.
        item["event"] = record.event
    if record.year_suffix:
        item["year-suffix"] = record.year_suffix
    if record.pages:
        item["page"] = record.pages.replace("-", "\u2013")
    return item


def csl_to_record(item: dict[str, Any]) -> Record:
    """The inverse of :func:`record_to_csl` (fields CSL has and Record lacks are dropped)."""
    values: dict[str, Any] = {"type": str(item.get("type", "document"))}
    for attr, var in _NAMES.items():
        if item.get(var):
            values[attr] = tuple(name_from_csl(n) for n in item[var])
    for attr, var in _TEXT.items():
        if item.get(var) not in (None, ""):
            values[attr] = str(item[var]).strip()
    if "event" not in values and item.get("event"):
        values["event"] = str(item["event"]).strip()
    for attr, var in _DATES.items():
        if item.get(var):
            values[attr] = date_from_csl(item[var])
    if item.get("year-suffix"):
        values["year_suffix"] = str(item["year-suffix"])
    if item.get("page"):
        values["pages"] = str(item["page"]).replace("\u2013", "-")
    return Record(**values)

"""CSL-JSON export with provenance, validated against the official CSL-JSON schema 1.0.2.

CSL-JSON is the format we recommend for Zotero file import: it keeps every field
bibkaz has (types such as article-newspaper, organisations as literal names,
DOIs on any type), where BibTeX forces Zotero to guess. The schema forbids
unknown keys, so provenance travels in the two places the schema allows:
``note`` (human-readable; Zotero shows it in Extra) and ``custom.bibkaz``
(machine-readable; ignored by processors).
"""

from __future__ import annotations

import json
from typing import Any, Iterable

import jsonschema

from bibkaz import schemas
from bibkaz.formats.csl import csl_to_record, record_to_csl
from bibkaz.model import BibkazError, InputError, Library, Record, Work
from bibkaz.zotero.provenance import Provenance, library_provenance, split_note, with_provenance

SCHEMA_FILE = "csl-data.schema.json"


def work_item(work: Work, provenance: Provenance | None = None) -> dict[str, Any]:
    """The CSL-JSON item for one work, its provenance in ``note`` and ``custom``."""
    item = record_to_csl(work.record, work.key)
    if provenance is not None:
        note = with_provenance(work.record.note, provenance)
        if note:
            item["note"] = note
        item["custom"] = {"bibkaz": provenance.as_json()}
        if provenance.tags:
            # Readers that turn CSL keywords into tags or BibTeX keywords keep the provenance tags.
            item["keyword"] = ", ".join(provenance.tags)
    return item


def library_items(
    library: Library, works: Iterable[Work] | None = None, provenance: bool = True
) -> list[dict[str, Any]]:
    """CSL-JSON items for ``works`` (default: every work, the documents' own entries
    included), provenance computed over the whole library."""
    prov = library_provenance(library) if provenance else {}
    return [work_item(w, prov.get(w.key)) for w in (library.works if works is None else works)]


def validate(items: list[dict[str, Any]]) -> None:
    """Raise BibkazError naming the first item that breaks the CSL-JSON 1.0.2 schema."""
    validator = jsonschema.Draft7Validator(schemas.load(SCHEMA_FILE))
    for error in sorted(validator.iter_errors(items), key=lambda e: list(e.absolute_path)):
        path = list(error.absolute_path)
        where = items[path[0]].get("id", path[0]) if path and isinstance(path[0], int) else "the list"
        raise BibkazError(f"CSL-JSON item {where} is not valid CSL-JSON 1.0.2: {error.message}")


def dumps(items: list[dict[str, Any]]) -> str:
    """The items as a CSL-JSON file (validated first: we never write an invalid file)."""
    validate(items)
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def loads(text: str, path: str = "<csl-json>") -> list[tuple[str, Record, dict[str, Any]]]:
    """Read CSL-JSON back: (id, record without provenance lines in its note, custom.bibkaz)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(path, f"not valid JSON: {exc.msg}", exc.lineno) from None
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list) or not all(isinstance(i, dict) for i in data):
        raise InputError(path, "not CSL-JSON (expected a list of items)")
    out = []
    for item in data:
        record = csl_to_record(item)
        own_note, _ = split_note(record.note)
        custom = item.get("custom") if isinstance(item.get("custom"), dict) else {}
        out.append((str(item.get("id", "")), record.with_(note=own_note), dict(custom.get("bibkaz") or {})))
    return out

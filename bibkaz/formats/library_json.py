"""The citation library as JSON, version 1 (documented in docs/library-json.md).

It is the hand-off between ``bibkaz extract`` and every other command (links,
network, format, export): they accept it instead of re-reading the documents.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from bibkaz.extract.metadata import find_own
from bibkaz.formats.csl import csl_to_record, name_to_csl, record_to_csl
from bibkaz.model import Document, InputError, Library, Mention, RawReference, Work

VERSION = 1


def _at(line: int, pages: Document | None) -> dict[str, Any]:
    """"line", and "page" beside it when the document has pages (a PDF): provenance as page:line."""
    page = pages.page_of(line) if pages is not None else 0
    return {"line": line, "page": page} if page else {"line": line}


def _reference_json(ref: RawReference, doc: Document | None = None) -> dict[str, Any]:
    return {"document": ref.document, "kind": ref.kind, "label": ref.label, **_at(ref.line, doc), "text": ref.text}


def _mention_json(m: Mention, doc: Document | None = None) -> dict[str, Any]:
    return {"document": m.document, "kind": m.kind, "text": m.text, "locator": m.locator, **_at(m.line, doc)}


def _unresolved_json(m: Mention, doc: Document | None = None) -> dict[str, Any]:
    return {
        "document": m.document,
        "kind": m.kind,
        "text": m.text,
        "marker": m.marker,
        **_at(m.line, doc),
        "reason": m.reason,
        "sentence": m.sentence,
    }


def pages_from(lines_and_pages: list[tuple[int, int]]) -> tuple[int, ...]:
    """A Document's ``pages`` rebuilt from the (line, page) pairs a library JSON records: the
    page of each line something was found on (0 elsewhere), so a library read back and
    written again keeps its pages."""
    known = [(line, page) for line, page in lines_and_pages if line > 0 and page > 0]
    if not known:
        return ()
    pages = [0] * max(line for line, _ in known)
    for line, page in known:
        pages[line - 1] = page
    return tuple(pages)


def _own_fields(doc: Document) -> dict[str, Any]:
    """``own_fields`` (record field → 1-based line it came from) and ``number`` of a document's own record.

    Found again from the document's text: the Document carries only the Record,
    and a document read back from a library JSON has no text (then nothing is
    added; the fields themselves are in the own work's CSL).
    """
    if doc.own_fields is not None:
        fields, number = doc.own_fields, doc.own_number
    else:
        if not doc.text or doc.meta is None:
            return {}
        own = find_own(doc.lines)
        if own is None:
            return {}
        fields, number = tuple(own.lines), own.number
    out: dict[str, Any] = {"own_fields": {name: line for name, line in fields}}
    if number:
        out["number"] = number
    return out


def without_text(doc: Document) -> Document:
    """``doc`` without its text, keeping what :func:`library_to_json` reads from it.

    The pipeline calls this as soon as a document is extracted (in the worker
    process, so the text never crosses to the client): nothing after
    extraction needs the text but the own fields' lines, found here once.
    """
    if not doc.text:
        return doc
    found = _own_fields(doc)
    if "own_fields" not in found:
        return replace(doc, text="", origin=())
    own = tuple((str(k), int(v)) for k, v in found["own_fields"].items())
    return replace(doc, text="", origin=(), own_fields=own, own_number=str(found.get("number", "")))


def library_to_json(library: Library) -> dict[str, Any]:
    paged = {doc.id: doc for doc in library.documents if doc.pages}
    documents = []
    for doc in library.documents:
        meta = doc.meta
        documents.append(
            {
                "id": doc.id,
                "path": doc.path,
                "key": library.document_key(doc.id),
                "title": meta.title if meta else None,
                "authors": [name_to_csl(n) for n in meta.authors] if meta else [],
                "date": (meta.date or None) if meta else None,
                **_own_fields(doc),
            }
        )
    works = []
    for work in library.works:
        entry: dict[str, Any] = {
            "key": work.key,
            "csl": record_to_csl(work.record, work.key),
            "references": [_reference_json(r, paged.get(r.document)) for r in work.references],
            "citations": [_mention_json(m, paged.get(m.document)) for m in work.mentions],
        }
        if work.document:
            entry["document"] = work.document
        if work.record.confidence < 1.0:
            entry["confidence"] = round(work.record.confidence, 3)
            if work.record.needs_review:
                entry["needs_review"] = True
        if work.field_sources:
            entry["field_sources"] = dict(work.field_sources)
        works.append(entry)
    return {
        "bibkaz": VERSION,
        "documents": documents,
        "works": works,
        "unresolved": [_unresolved_json(m, paged.get(m.document)) for m in library.unresolved],
    }


def written_by_bibkaz(path: Path) -> bool | None:
    """True if ``path`` holds a library JSON bibkaz wrote, False for any other file,
    None if it does not exist. :func:`dumps` always writes the "bibkaz" version key
    first, so the first bytes decide without reading a large file."""
    try:
        with path.open("rb") as handle:
            head = handle.read(64)
    except FileNotFoundError:
        return None
    except OSError:
        return False
    return re.match(rb'\{\s*"bibkaz":\s*\d+\s*,', head) is not None


def dumps(library: Library) -> str:
    return json.dumps(library_to_json(library), ensure_ascii=False, indent=2) + "\n"


def loads(text: str, path: str = "<library>") -> Library:
    """Read a library JSON back. Documents come back without their text."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(path, f"not valid JSON: {exc.msg}", exc.lineno) from None
    if not isinstance(data, dict) or data.get("bibkaz") != VERSION:
        raise InputError(path, f"not a bibkaz library JSON (version {VERSION})")
    by_id: dict[str, Document] = {}
    documents = []
    for d in data.get("documents", []):
        doc = Document(id=d["id"], path=d.get("path", ""), text="")
        documents.append(doc)
        by_id[doc.id] = doc
    works = []
    for w in data.get("works", []):
        record = csl_to_record(w["csl"])
        if "confidence" in w:
            record = record.with_(confidence=float(w["confidence"]))
        refs = tuple(
            RawReference(
                document=r["document"], kind=r["kind"], text=r["text"], line=int(r.get("line") or 0),
                label=r.get("label") or "",
            )
            for r in w.get("references", [])
        )
        mentions = tuple(
            Mention(
                document=c["document"], kind=c["kind"], text=c.get("text", ""), line=int(c.get("line") or 0),
                locator=c.get("locator") or "",
            )
            for c in w.get("citations", [])
        )
        works.append(
            Work(
                key=w["key"], record=record, references=refs, mentions=mentions,
                field_sources=tuple(sorted((w.get("field_sources") or {}).items())),
                document=w.get("document", ""),
            )
        )
    own = {w.document: w.record for w in works if w.document}
    placed: dict[str, list[tuple[int, int]]] = {}
    for entry in [*(x for w in data.get("works", []) for k in ("references", "citations") for x in w.get(k, [])),
                  *data.get("unresolved", [])]:
        if entry.get("page"):
            placed.setdefault(entry["document"], []).append((int(entry.get("line") or 0), int(entry["page"])))
    documents = [
        Document(id=d.id, path=d.path, text="", meta=own.get(d.id), pages=pages_from(placed.get(d.id, [])))
        for d in documents
    ]
    unresolved = tuple(
        Mention(
            document=u["document"], kind=u["kind"], text=u.get("text", ""), line=int(u.get("line") or 0),
            marker=u.get("marker", ""), reason=u.get("reason", ""), sentence=u.get("sentence", ""),
        )
        for u in data.get("unresolved", [])
    )
    return Library(documents=tuple(documents), works=tuple(works), unresolved=unresolved)

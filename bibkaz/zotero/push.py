"""Write a Library into a Zotero library: create what is new, update what is there.

Steps, each safe to repeat:

1. check the key, read every top-level item and the library version;
2. match each work to an existing item (DOI, then title + year + first creator);
3. find or create the collections (``--collection``, one per document);
4. create new items in batches of 50, each batch with its own write token;
   update matched items in batches of 50 with ``If-Unmodified-Since-Version``
   (tags, collections and relations are merged, never replaced);
5. link each brief's own item and the items it cites ("related").

A 412 (someone changed the library meanwhile) re-reads the library and
re-plans the batch; after three conflicts in a row the push stops with a
message, having written nothing twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator

from bibkaz.model import BibkazError, Library, Work
from bibkaz.zotero.api import MAX_BATCH, Conflict, ZoteroClient, new_write_token
from bibkaz.zotero.items import record_to_item
from bibkaz.zotero.match import Matcher
from bibkaz.zotero.provenance import PREFIX, document_groups, library_provenance

MAX_CONFLICTS = 3


@dataclass
class PushReport:
    """What a push did (or, with dry_run, would do)."""

    created: list[str] = field(default_factory=list)  # bibkaz keys
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # one message each
    collections_created: list[str] = field(default_factory=list)
    related_links: int = 0
    zotero_keys: dict[str, str] = field(default_factory=dict)  # bibkaz key -> Zotero key
    dry_run: bool = False

    def summary(self) -> str:
        verb = "would create" if self.dry_run else "created"
        parts = [
            f"{verb} {len(self.created)}",
            f"{'would update' if self.dry_run else 'updated'} {len(self.updated)}",
        ]
        if self.unchanged:
            parts.append(f"unchanged {len(self.unchanged)}")
        if self.collections_created:
            parts.append(f"new collections {len(self.collections_created)}")
        if self.related_links:
            parts.append(f"related links {self.related_links}")
        if self.failed:
            parts.append(f"failed {len(self.failed)}")
        return ", ".join(parts)


def _batches(items: list[Any]) -> Iterator[list[Any]]:
    for i in range(0, len(items), MAX_BATCH):
        yield items[i : i + MAX_BATCH]


def _merged(old: list[Any], new: list[Any]) -> list[Any]:
    out = list(old)
    out.extend(x for x in new if x not in out)
    return out


def _merged_extra(old: str, new: str) -> str:
    """Our Extra, plus the lines the user (or another tool) added to theirs.

    Old provenance lines and old values of the "variable: value" lines we write
    now are dropped, so a re-run never leaves two DOIs or stale counts behind.
    """
    ours = new.split("\n") if new else []
    variables = {line.split(": ", 1)[0] for line in ours if ": " in line}
    kept = [
        line for line in old.split("\n")
        if line.strip() and line not in ours and not line.startswith(PREFIX)
        and not (": " in line and line.split(": ", 1)[0] in variables)
    ]
    return "\n".join(ours + kept)


class _Push:
    def __init__(self, library: Library, client: ZoteroClient, collection: str | None, per_document: bool, dry_run: bool):
        self.library = library
        self.client = client
        self.collection = collection
        self.per_document = per_document
        self.report = PushReport(dry_run=dry_run)
        self.provenance = library_provenance(library)
        self.existing: dict[str, dict[str, Any]] = {}
        self.version = 0

    # ------------------------------------------------------------------ reading

    def refresh(self) -> None:
        items, self.version = self.client.top_items()
        self.existing = {it["key"]: it for it in items}

    def plan(self, works: list[Work]) -> tuple[list[Work], list[tuple[Work, str]]]:
        """(works to create, (work, Zotero key) to update), against the current library."""
        matcher = Matcher(self.existing.values())
        new, known = [], []
        for work in works:
            key = self.report.zotero_keys.get(work.key) or matcher.find(work.record)
            (known.append((work, key)) if key else new.append(work))
        return new, known

    # -------------------------------------------------------------- collections

    def _collection_keys(self) -> dict[str, str]:
        """Document id (or "" for --collection) -> collection key, creating what is missing.

        Two rounds at most: the ``--collection`` parent, then every per-document
        collection under it, in batches of 50.
        """
        rounds: list[list[tuple[str, str, str | None]]] = []  # [(slot, name, slot of the parent)]
        if self.collection:
            rounds.append([("", self.collection, None)])
        if self.per_document:
            parent = "" if self.collection else None
            rounds.append([(f"doc:{doc}", doc, parent) for doc, _ in document_groups(self.library)])
        if not rounds:
            return {}
        existing = self.client.collections()
        out: dict[str, str] = {}
        for wanted in rounds:
            missing: list[tuple[str, dict[str, Any]]] = []
            for slot, name, parent_slot in wanted:
                parent_key: str | bool = out[parent_slot] if parent_slot is not None else False
                found = next(
                    (c["key"] for c in existing
                     if c["data"].get("name") == name and (c["data"].get("parentCollection") or False) == parent_key),
                    None,
                )
                if found is not None:
                    out[slot] = found
                else:
                    missing.append((slot, {"name": name, "parentCollection": parent_key}))
            self._create_collections(missing, out)
        return out

    def _create_collections(self, missing: list[tuple[str, dict[str, Any]]], out: dict[str, str]) -> None:
        self.report.collections_created += [obj["name"] for _, obj in missing]
        if self.report.dry_run:
            out.update({slot: f"(new:{obj['name']})" for slot, obj in missing})
            return
        for batch in _batches(missing):
            result = self.client.create("collections", [obj for _, obj in batch], new_write_token())
            for i, (slot, obj) in enumerate(batch):
                if i not in result.successful:
                    message = result.failed.get(i, {}).get("message", "refused")
                    raise BibkazError(f"Zotero refused to create collection {obj['name']!r}: {message}")
                out[slot] = result.successful[i]["key"]
            self.version = result.version or self.version

    def _collections_for(self, work: Work, keys: dict[str, str]) -> list[str]:
        out = [keys[""]] if "" in keys else []
        docs = list(work.citing_documents) + ([work.document] if work.document else [])
        out += [keys[f"doc:{d}"] for d in dict.fromkeys(docs) if f"doc:{d}" in keys]
        return out

    # ------------------------------------------------------------------ writing

    def _data(self, work: Work, collections: list[str], item_type: str = "") -> dict[str, Any]:
        data = record_to_item(work.record, self.provenance.get(work.key), item_type)
        data["collections"] = collections
        data["relations"] = {}
        return data

    def _create(self, works: list[Work], collections: dict[str, str]) -> None:
        conflicts = 0
        pending = list(works)
        while pending:
            batch = pending[:MAX_BATCH]
            token = new_write_token()
            try:
                result = self.client.create("items", [self._data(w, self._collections_for(w, collections)) for w in batch], token)
            except Conflict:
                # The token was used already (an earlier attempt got through) or the
                # library moved: re-read and re-plan, so nothing is created twice.
                conflicts += 1
                if conflicts > MAX_CONFLICTS:
                    raise
                self.refresh()
                new, known = self.plan(pending)
                self._update(known, collections)
                pending = new
                continue
            self.version = result.version or self.version
            for i, work in enumerate(batch):
                if i in result.successful:
                    obj = result.successful[i]
                    self.report.created.append(work.key)
                    self.report.zotero_keys[work.key] = obj["key"]
                    self.existing[obj["key"]] = obj
                elif i in result.failed:
                    self.report.failed.append(f"{work.key}: {result.failed[i].get('message', 'refused')}")
            pending = pending[MAX_BATCH:]

    def _update_objects(self, objects: list[tuple[str, dict[str, Any]]], record_as: str | None) -> None:
        """Write (bibkaz key, object with key and version) updates, re-reading versions on 412."""
        conflicts = 0
        pending = list(objects)
        while pending:
            batch = pending[:MAX_BATCH]
            try:
                result = self.client.update("items", [obj for _, obj in batch], self.version)
            except Conflict:
                conflicts += 1
                if conflicts > MAX_CONFLICTS:
                    raise
                self.refresh()
                for _, obj in batch:
                    current = self.existing.get(obj["key"])
                    if current is not None:
                        obj["version"] = current["version"]
                continue
            self.version = result.version or self.version
            retry: list[tuple[str, dict[str, Any]]] = []
            for i, (bkey, obj) in enumerate(batch):
                if i in result.successful:
                    self.existing[obj["key"]] = result.successful[i]
                    if record_as == "updated":
                        self.report.updated.append(bkey)
                elif i in result.unchanged:
                    if record_as == "updated":
                        self.report.unchanged.append(bkey)
                elif result.failed.get(i, {}).get("code") == 412 and conflicts < MAX_CONFLICTS:
                    fresh = self.client.item(obj["key"])
                    obj["version"] = fresh["version"]
                    retry.append((bkey, obj))
                else:
                    self.report.failed.append(f"{bkey}: {result.failed.get(i, {}).get('message', 'refused')}")
            if retry:
                conflicts += 1
            pending = retry + pending[MAX_BATCH:]

    def _update(self, known: list[tuple[Work, str]], collections: dict[str, str]) -> None:
        objects = []
        for work, key in known:
            current = self.existing[key]
            old = current.get("data", {})
            data = self._data(work, self._collections_for(work, collections), str(old.get("itemType", "")))
            data["key"] = key
            data["version"] = current["version"]
            data["tags"] = _merged(old.get("tags") or [], data["tags"])
            data["extra"] = _merged_extra(str(old.get("extra") or ""), data["extra"])
            data["collections"] = _merged(old.get("collections") or [], data["collections"])
            data["relations"] = old.get("relations") or {}
            self.report.zotero_keys[work.key] = key
            objects.append((work.key, data))
        self._update_objects(objects, "updated")

    def _relate(self) -> None:
        """Link each document's own item and the items it cites, both ways."""
        objects = []
        ref = self.client.library
        for work in self.library.works:
            key = self.report.zotero_keys.get(work.key)
            prov = self.provenance.get(work.key)
            if not key or not prov or key not in self.existing:
                continue
            uris = [ref.item_uri(self.report.zotero_keys[k]) for k in prov.related if k in self.report.zotero_keys]
            current = self.existing[key]
            relations = dict(current.get("data", {}).get("relations") or {})
            old = relations.get("dc:relation") or []
            old = [old] if isinstance(old, str) else list(old)
            merged = _merged(old, uris)
            if merged != old:
                self.report.related_links += len(merged) - len(old)
                relations["dc:relation"] = merged
                objects.append((work.key, {"key": key, "version": current["version"], "relations": relations}))
        self._update_objects(objects, None)

    def run(self) -> PushReport:
        self.client.check_key()
        self.refresh()
        new, known = self.plan(list(self.library.works))
        collections = self._collection_keys()
        if self.report.dry_run:
            self.report.created = [w.key for w in new]
            self.report.updated = [w.key for w, _ in known]
            return self.report
        self._create(new, collections)
        self._update(known, collections)
        self._relate()
        return self.report


def push_library(
    library: Library, client: ZoteroClient, collection: str | None = None, per_document: bool = False,
    dry_run: bool = False,
) -> PushReport:
    """Push every work of ``library`` (documents' own entries included) into ``client``'s library."""
    return _Push(library, client, collection, per_document, dry_run).run()

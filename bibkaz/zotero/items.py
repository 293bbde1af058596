"""Record ⇄ Zotero item JSON (the ``data`` object of the Web API v3).

Every field goes into the Zotero field of the item type that holds it
(``publicationTitle`` becomes ``websiteTitle`` on a web page, ``publisher``
becomes ``institution`` on a report). What the type has no field for is not
dropped: it goes into ``extra`` as "csl-variable: value" lines ("DOI: 10.…",
"editor: Family || Given"), the convention Zotero itself uses and feeds to
citeproc, so a DOI on a book or an editor of a web page still reaches citations.
"""

from __future__ import annotations

from typing import Any

from bibkaz.model import Name, Record
from bibkaz.zotero.provenance import Provenance, split_note
from bibkaz.zotero.schema import CSL_OF_ITEM_TYPE, ITEM_TYPE_OF_CSL, ITEM_TYPES

#: Record field -> (Zotero base field, CSL variable used in extra when the type lacks it).
#: Order matters where two fields share one Zotero field: the first one gets it.
_FIELDS = (
    ("event_place", "eventPlace", "event-place"),  # a presentation's "place" is where it was given
    ("title", "title", "title"),
    ("container_title", "publicationTitle", "container-title"),
    ("collection_title", "series", "collection-title"),
    ("date", "date", "issued"),
    ("volume", "volume", "volume"),
    ("issue", "issue", "issue"),
    ("pages", "pages", "page"),
    ("edition", "edition", "edition"),
    ("publisher", "publisher", "publisher"),
    ("place", "place", "publisher-place"),
    ("event", "event", "event-title"),
    ("doi", "DOI", "DOI"),
    ("url", "url", "URL"),
    ("isbn", "ISBN", "ISBN"),
    ("genre", "type", "genre"),
    ("medium", "medium", "medium"),
)
#: Record fields Zotero has no field for in any type we write.
_EXTRA_ONLY = (("event_date", "event-date"),)
_ROLES = (("authors", "author"), ("editors", "editor"), ("translators", "translator"))


def zotero_creator(name: Name, creator_type: str) -> dict[str, str]:
    """A Zotero creator: two-field for people, one-field ``name`` for organisations."""
    if name.literal:
        return {"creatorType": creator_type, "name": name.literal}
    given = f"{name.given}, {name.suffix}" if name.suffix else name.given
    return {"creatorType": creator_type, "firstName": given, "lastName": name.full_family}


def _extra_name(name: Name) -> str:
    return name.literal or f"{name.full_family} || {name.given}".rstrip(" |")


def _is_full_date(value: str) -> bool:
    parts = value.split("-")
    return len(parts) == 3 and all(p.isdigit() for p in parts)


def record_to_item(record: Record, provenance: Provenance | None = None, item_type: str = "") -> dict[str, Any]:
    """The Zotero item ``data`` for ``record`` (no key/version: the caller adds those).

    ``item_type`` overrides the type our CSL type maps to: an update keeps the type
    the item already has in Zotero, where the user may have corrected it.
    """
    chosen = item_type in ITEM_TYPES
    if not chosen:
        item_type = ITEM_TYPE_OF_CSL.get(record.type, "document")
    spec = ITEM_TYPES[item_type]
    item: dict[str, Any] = {"itemType": item_type}
    extra: list[str] = []
    if not chosen and item_type == "document" and record.type != "document":
        # No Zotero type for it (e.g. "treaty"): Zotero reads "type:" in extra as the CSL type.
        extra.append(f"type: {record.type}")
    for attr, base, csl_var in _FIELDS:
        value = getattr(record, attr)
        if not value:
            continue
        field = spec.field(base)
        if field and field not in item:
            item[field] = value
        else:
            extra.append(f"{csl_var}: {value}")
    if record.accessed:
        if _is_full_date(record.accessed) and spec.field("accessDate"):
            item["accessDate"] = record.accessed
        else:
            extra.append(f"accessed: {record.accessed}")
    extra += [f"{var}: {getattr(record, attr)}" for attr, var in _EXTRA_ONLY if getattr(record, attr)]
    creators = []
    for attr, role in _ROLES:
        creator_type = spec.creators[0] if role == "author" else role
        for name in getattr(record, attr):
            if creator_type in spec.creators:
                creators.append(zotero_creator(name, creator_type))
            else:
                extra.append(f"{role}: {_extra_name(name)}")
    item["creators"] = creators
    lines = [record.note] if record.note else []
    lines += extra
    if provenance is not None:
        lines += list(provenance.lines())
    item["extra"] = "\n".join(lines)
    item["tags"] = [{"tag": t} for t in (provenance.tags if provenance else ())]
    return item


def _name_from_creator(c: dict[str, Any]) -> Name:
    if c.get("name"):
        return Name(literal=str(c["name"]))
    given, _, suffix = str(c.get("firstName", "")).partition(", ")
    return Name(family=str(c.get("lastName", "")), given=given, suffix=suffix)


def _name_from_extra(value: str) -> Name:
    family, sep, given = value.partition(" || ")
    return Name(family=family, given=given) if sep else Name(literal=value)


def item_to_record(data: dict[str, Any]) -> Record:
    """Read a Zotero item back (used to match existing items and in round-trip tests)."""
    item_type = str(data.get("itemType", "document"))
    spec = ITEM_TYPES.get(item_type, ITEM_TYPES["document"])
    values: dict[str, Any] = {"type": CSL_OF_ITEM_TYPE.get(item_type, "document")}
    consumed: set[str] = set()
    for attr, base, _ in _FIELDS:
        field = spec.field(base)
        if field and field not in consumed and data.get(field):
            values[attr] = str(data[field])
            consumed.add(field)
    if data.get("accessDate"):
        values["accessed"] = str(data["accessDate"])[:10]
    roles: dict[str, list[Name]] = {"authors": [], "editors": [], "translators": []}
    for c in data.get("creators") or []:
        ctype = c.get("creatorType")
        attr = "authors" if ctype == spec.creators[0] else {"editor": "editors", "translator": "translators"}.get(ctype)
        if attr:
            roles[attr].append(_name_from_creator(c))
    by_var = {var: attr for attr, _, var in _FIELDS} | {var: attr for attr, var in _EXTRA_ONLY} | {"accessed": "accessed"}
    own = []
    for line in str(data.get("extra") or "").split("\n"):
        var, sep, value = line.partition(": ")
        if sep and var == "type":
            values["type"] = value
        elif sep and var in by_var:
            values[by_var[var]] = value
        elif sep and var in ("author", "editor", "translator"):
            roles[var + "s"].append(_name_from_extra(value))
        else:
            own.append(line)
    note, _ = split_note("\n".join(own))
    if note:
        values["note"] = note
    values.update({k: tuple(v) for k, v in roles.items() if v})
    return Record(**values)

"""RIS export (and a reader for round trips), following the RIS specification.

Written by hand rather than with rispy's writer because the spec's details are
what importers trip over and rispy does not expose them: CRLF line ends, the
``ER  - `` terminator, one value per line (multi-line titles are joined), one
``AU`` per author as "Family, Given, Suffix" and organisations as one name with
no comma, ``DA`` with the full date next to ``PY``. Reading back uses rispy, an
independent parser, so a round trip checks the writer against someone else's
reading of the spec.

RIS has no tag for some of our fields (event, medium …). Those go into ``N1``
as "csl-variable: value" lines, the convention Zotero uses in its Extra field,
and our reader restores them; provenance goes into ``N1`` (``bibkaz:`` lines)
and ``KW`` (``bibkaz:cited-in:<document>`` tags, which Zotero imports as tags).
"""

from __future__ import annotations

import re
from typing import Any, Iterable

import rispy

from bibkaz.model import InputError, Library, Name, Record, Work
from bibkaz.zotero.provenance import Provenance, library_provenance, split_note

EOL = "\r\n"

#: CSL type -> RIS TY code (RIS spec, 2011 reference type list; the codes Zotero maps).
TY = {
    "article-journal": "JOUR",
    "article-newspaper": "NEWS",
    "article-magazine": "MGZN",
    "article": "JOUR",
    "webpage": "ELEC",
    "post-weblog": "BLOG",
    "post": "ELEC",
    "chapter": "CHAP",
    "book": "BOOK",
    "collection": "EDBOOK",
    "report": "RPRT",
    "speech": "SLIDE",
    "interview": "GEN",
    "motion_picture": "MPCT",
    "broadcast": "VIDEO",
    "legal_case": "CASE",
    "legislation": "STAT",
    "bill": "BILL",
    "regulation": "GOVDOC",
    "treaty": "GOVDOC",
    "hearing": "HEAR",
    "thesis": "THES",
    "paper-conference": "CPAPER",
    "manuscript": "MANSCPT",
    "dataset": "DATA",
    "software": "COMP",
    "map": "MAP",
    "patent": "PAT",
    "personal_communication": "PCOMM",
    "entry-encyclopedia": "ENCYC",
    "entry-dictionary": "DICT",
    "pamphlet": "PAMP",
    "standard": "STAND",
    "graphic": "ART",
    "document": "GEN",
}
#: RIS TY -> CSL type, for reading (the first CSL type listed for a code wins).
CSL_OF_TY = {code: csl for csl, code in reversed(list(TY.items()))}
CSL_OF_TY.update({"GEN": "document", "JOUR": "article-journal", "WEB": "webpage", "CONF": "paper-conference",
                  "EJOUR": "article-journal", "INPR": "article-journal", "EBOOK": "book", "ECHAP": "chapter",
                  "UNPB": "manuscript", "VIDEO": "motion_picture"})

#: Record fields with no RIS tag, kept as "csl-variable: value" lines in N1.
_EXTRA = {"event": "event-title", "event_date": "event-date", "event_place": "event-place", "medium": "medium"}
#: Types a reader would not get back from their RIS code alone: the CSL type goes into N1 too.
_AMBIGUOUS_TYPES = {t for t, code in TY.items() if CSL_OF_TY.get(code) != t}


def _one_line(value: str) -> str:
    """RIS values are one line each: newlines and runs of spaces become one space."""
    return re.sub(r"\s+", " ", value).strip()


def ris_name(name: Name) -> str:
    """"Family, Given, Suffix" for people; the whole name, no comma added, for organisations."""
    if name.literal:
        return _one_line(name.literal)
    parts = [name.full_family, name.given] + ([name.suffix] if name.suffix else [])
    return _one_line(", ".join(p for p in parts if p) if name.given or name.suffix else name.full_family)


def ris_date(iso: str) -> str:
    """"2022-09-26" -> "2022/09/26/"; "2022-09" -> "2022/09//"; "2022" -> "2022///" (YYYY/MM/DD/other)."""
    first = iso.split("/")[0]
    parts = (first.split("-") + ["", ""])[:3]
    return "/".join(parts) + "/"


def _pages(pages: str) -> tuple[str, str]:
    start, sep, end = pages.partition("-")
    return (start.strip(), end.strip()) if sep else (pages.strip(), "")


def record_lines(key: str, record: Record, provenance: Provenance | None = None) -> list[tuple[str, str]]:
    """(tag, value) pairs for one record, in the order the spec lists them."""
    out: list[tuple[str, str]] = [("TY", TY.get(record.type, "GEN")), ("ID", key)]
    add = lambda tag, value: out.append((tag, _one_line(value))) if value and _one_line(value) else None  # noqa: E731
    for name in record.authors:
        add("AU", ris_name(name))
    for name in record.editors:
        add("A2", ris_name(name))
    for name in record.translators:
        add("A4", ris_name(name))
    add("TI", record.title)
    add("T2", record.container_title)
    add("T3", record.collection_title)
    add("PY", record.year)
    add("DA", ris_date(record.date) if record.date else "")
    add("VL", record.volume)
    add("IS", record.issue)
    start, end = _pages(record.pages)
    add("SP", start)
    add("EP", end)
    add("ET", record.edition)
    add("PB", record.publisher)
    add("CY", record.place)
    add("SN", record.isbn)
    add("M3", record.genre)
    add("DO", record.doi)
    add("UR", record.url)
    add("Y2", ris_date(record.accessed) if record.accessed else "")
    notes = [line for line in record.note.split("\n") if line.strip()]
    if record.type in _AMBIGUOUS_TYPES:
        notes.append(f"type: {record.type}")
    notes += [f"{var}: {getattr(record, attr)}" for attr, var in _EXTRA.items() if getattr(record, attr)]
    if provenance is not None:
        notes += list(provenance.lines())
        for tag in provenance.tags:
            add("KW", tag)
    for note in notes:
        add("N1", note)
    return out


def format_record(key: str, record: Record, provenance: Provenance | None = None) -> str:
    lines = [f"{tag}  - {value}" for tag, value in record_lines(key, record, provenance)]
    return EOL.join(lines + ["ER  - "]) + EOL


def dumps(library: Library, works: Iterable[Work] | None = None, provenance: bool = True) -> str:
    """RIS text for ``works`` (default: all, documents' own entries included), CRLF line ends."""
    prov = library_provenance(library) if provenance else {}
    chosen = library.works if works is None else works
    return EOL.join(format_record(w.key, w.record, prov.get(w.key)) for w in chosen)


# ---------------------------------------------------------------- reading


def parse_ris_name(value: str) -> Name:
    """The inverse of :func:`ris_name`: no comma means one undivided (organisation) name."""
    if "," not in value:
        return Name(literal=value.strip())
    family, given, *rest = [p.strip() for p in value.split(",")]
    particle = ""
    words = family.split(" ")
    while len(words) > 1 and words[0][:1].islower():
        particle = f"{particle} {words.pop(0)}".strip()
    return Name(family=" ".join(words), given=given, particle=particle, suffix=", ".join(r for r in rest if r))


def _iso_from_ris(value: str) -> str:
    parts = [p for p in value.split("/")[:3]]
    out = [p for p in parts if p.strip().isdigit()]
    if not out:
        return value.strip()
    return "-".join([out[0].zfill(4)] + [p.zfill(2) for p in out[1:]])


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def _record(entry: dict[str, Any]) -> tuple[str, Record, tuple[str, ...]]:
    values: dict[str, Any] = {"type": CSL_OF_TY.get(str(entry.get("type_of_reference", "GEN")), "document")}
    values["authors"] = tuple(parse_ris_name(a) for a in _as_list(entry.get("authors")) + _as_list(entry.get("first_authors")))
    values["editors"] = tuple(parse_ris_name(a) for a in _as_list(entry.get("secondary_authors")))
    values["translators"] = tuple(parse_ris_name(a) for a in _as_list(entry.get("subsidiary_authors")))
    simple = {
        "title": ("title", "primary_title"), "container_title": ("secondary_title",), "collection_title": ("tertiary_title",),
        "volume": ("volume",), "issue": ("number",), "edition": ("edition",), "publisher": ("publisher",),
        "place": ("place_published",), "isbn": ("issn",), "genre": ("type_of_work",), "doi": ("doi",), "url": ("urls", "url"),
    }
    for attr, keys in simple.items():
        for k in keys:
            found = _as_list(entry.get(k))
            if found:
                values[attr] = found[0]
                break
    date = _as_list(entry.get("date"))
    year = _as_list(entry.get("year")) or _as_list(entry.get("publication_year"))
    if date:
        values["date"] = _iso_from_ris(date[0])
    elif year:
        values["date"] = _iso_from_ris(year[0])
    if entry.get("access_date"):
        values["accessed"] = _iso_from_ris(_as_list(entry["access_date"])[0])
    start, end = (_as_list(entry.get("start_page")) or [""])[0], (_as_list(entry.get("end_page")) or [""])[0]
    if start:
        values["pages"] = f"{start}-{end}" if end else start
    extra_vars = {var: attr for attr, var in _EXTRA.items()}
    own: list[str] = []
    for line in _as_list(entry.get("notes")):
        var, sep, value = line.partition(": ")
        if sep and var == "type":
            values["type"] = value
        elif sep and var in extra_vars:
            values[extra_vars[var]] = value
        else:
            own.append(line)
    note, _ = split_note("\n".join(own))
    if note:
        values["note"] = note
    key = (_as_list(entry.get("id")) or [""])[0]
    return key, Record(**values), tuple(_as_list(entry.get("keywords")))


def loads(text: str, path: str = "<ris>") -> list[tuple[str, Record, tuple[str, ...]]]:
    """Read RIS: (ID, record without provenance lines, KW tags) per entry."""
    try:
        entries = rispy.loads(text.replace("\r\n", "\n"), skip_unknown_tags=True)
    except Exception as exc:  # rispy raises plain IOError/ValueError subclasses with no line
        raise InputError(path, f"not valid RIS: {exc}") from None
    if not entries and text.strip():
        raise InputError(path, "not RIS: no record starts with a 'TY  - ' line")
    return [_record(e) for e in entries]

"""RIS export (and a reader for round trips), following the RIS specification.

Written by hand rather than with rispy's writer because the spec's details are
what importers trip over and rispy does not expose them: CRLF line ends, the
``ER  - `` terminator, one value per line (multi-line titles are joined), one
``AU`` per author as "Family, Given, Suffix" and organisations as one name with
no comma, ``DA`` with the full date next to ``PY``. Reading back uses rispy, an
independent parser, so a round trip checks the writer against someone else's
reading of the spec.

Tag choices are made so that Zotero's RIS translator *and* readers that follow
the spec's per-type tables literally (citation-js) both keep every value; see
docs/zotero.md for the table. In short:

- ``PY`` carries the full date in the spec's ``YYYY/MM/DD/`` form for the types
  whose spec table has no ``DA`` (NEWS, CHAP, GOVDOC …); elsewhere it is the year.
- Web pages carry the access date in ``M1`` as well as ``Y2`` (the spec's ELEC
  table and EndNote use M1; Zotero reads Y2 first and M1 as its fallback).
- Series titles of books and reports go into ``T2`` (the spec's BOOK/RPRT tables
  and Zotero's own export), and book editors into ``A3`` (ditto).
- All note text is ONE ``N1``: readers such as citation-js keep only the first
  ``N1`` and Zotero makes each ``N1`` a separate child note. It starts with the
  fields RIS has no tag for, in citeproc-js's ``{:csl-variable: value}`` note
  syntax (which CSL processors apply), then the record's own note, then the
  ``bibkaz:`` provenance sentences; provenance also goes into ``KW``
  (``bibkaz:cited-in:<document>`` tags, which Zotero imports as tags).
"""

from __future__ import annotations

import re
from typing import Any, Iterable

import rispy

from bibkaz.model import InputError, Library, Name, Record, Work
from bibkaz.zotero.provenance import PREFIX, Provenance, library_provenance, split_note

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
    "interview": "PCOMM",  # Zotero's own export writes interviews as PCOMM
    "motion_picture": "VIDEO",  # both Zotero (videoRecording, with place) and the spec table give CSL motion_picture
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
CSL_OF_TY.update({"GEN": "document", "PCOMM": "personal_communication", "JOUR": "article-journal", "WEB": "webpage", "CONF": "paper-conference",
                  "EJOUR": "article-journal", "INPR": "article-journal", "EBOOK": "book", "ECHAP": "chapter",
                  "UNPB": "manuscript", "VIDEO": "motion_picture", "MPCT": "motion_picture"})

#: Record fields with no RIS tag, kept as "{:csl-variable: value}" in the N1 note.
_EXTRA = {"event": "event-title", "event_date": "event-date", "event_place": "event-place", "medium": "medium"}
#: Types a reader would not get back from their RIS code alone: the CSL type goes into N1 too.
_AMBIGUOUS_TYPES = {t for t, code in TY.items() if CSL_OF_TY.get(code) != t}
#: RIS types whose table in the 2011 spec has no DA: readers take the date from PY alone.
_DATE_IN_PY = {"NEWS", "CHAP", "GOVDOC", "COMP", "DICT"}
#: RIS types whose T2 is the series (spec tables, Zotero: report seriesTitle, book series).
_SERIES_IN_T2 = {"BOOK", "RPRT"}
#: RIS types whose editors are A3 (spec's BOOK table; Zotero reads A2 of a book as series editor).
_EDITORS_IN_A3 = {"BOOK"}
#: citeproc-js's inline note-field syntax; a value may not contain braces.
_CHEATER = re.compile(r"\{:([a-z][a-z-]*): ([^{}]*)\}")


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


def _note_fields(record: Record, ty: str) -> list[tuple[str, str]]:
    """(CSL variable, value) for what this record's RIS tags cannot carry."""
    out = [("type", record.type)] if record.type in _AMBIGUOUS_TYPES else []
    if ty in _SERIES_IN_T2 and record.collection_title and record.container_title:
        out.append(("container-title", record.container_title))
    out += [(var, getattr(record, attr)) for attr, var in _EXTRA.items() if getattr(record, attr)]
    return [(var, _one_line(value)) for var, value in out if _one_line(value)]


def _has_brace(value: str) -> bool:
    return "{" in value or "}" in value


def note_text(record: Record, ty: str, provenance: Provenance | None = None) -> str:
    """The one N1 value: "{:var: value}" fields, the own note, then the provenance sentences.

    One line, because the spec puts every value on one line and readers disagree
    on continuation lines (Zotero guesses newlines from line lengths, citation-js
    joins with spaces). A value with braces cannot use the {:…} form: it gets an
    N1 of its own (see :func:`record_lines`).
    """
    parts = [f"{{:{var}: {value}}}" for var, value in _note_fields(record, ty) if not _has_brace(value)]
    parts += [_one_line(line) for line in record.note.split("\n") if line.strip()]
    if provenance is not None:
        parts += list(provenance.lines())
    return " ".join(parts)


def record_lines(key: str, record: Record, provenance: Provenance | None = None) -> list[tuple[str, str]]:
    """(tag, value) pairs for one record, in the order the spec lists them."""
    ty = TY.get(record.type, "GEN")
    out: list[tuple[str, str]] = [("TY", ty), ("ID", key)]
    add = lambda tag, value: out.append((tag, _one_line(value))) if value and _one_line(value) else None  # noqa: E731
    for name in record.authors:
        add("AU", ris_name(name))
    for name in record.editors:
        add("A3" if ty in _EDITORS_IN_A3 else "A2", ris_name(name))
    for name in record.translators:
        add("A4", ris_name(name))
    add("TI", record.title)
    if ty in _SERIES_IN_T2 and record.collection_title:
        add("T2", record.collection_title)  # its container, if any, goes into the note
    else:
        add("T2", record.container_title)
        add("T3", record.collection_title)
    full_date = ris_date(record.date) if record.date else ""
    add("PY", full_date if ty in _DATE_IN_PY and record.date[4:5] == "-" else record.year)
    add("DA", full_date)
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
    accessed = ris_date(record.accessed) if record.accessed else ""
    add("Y2", accessed)
    if ty == "ELEC":
        add("M1", accessed)
    if provenance is not None:
        for tag in provenance.tags:
            add("KW", tag)
    add("N1", note_text(record, ty, provenance))
    for var, value in _note_fields(record, ty):
        if _has_brace(value):
            add("N1", f"{var}: {value}")
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


def _note_parts(notes: list[str]) -> tuple[dict[str, str], list[str]]:
    """({csl variable: value}, own note lines) from N1 values, provenance dropped.

    Reads what :func:`note_text` writes (leading "{:var: value}" groups, own note,
    "bibkaz:" sentences) and the older form of one "var: value" line per N1.
    """
    fields: dict[str, str] = {}
    own: list[str] = []
    for value in notes:
        rest = value.strip()
        while (m := _CHEATER.match(rest)) is not None:
            fields.setdefault(m.group(1), m.group(2).strip())
            rest = rest[m.end():].lstrip()
        var, sep, plain = rest.partition(": ")
        if sep and (var == "type" or var == "container-title" or var in _EXTRA.values()):
            fields.setdefault(var, plain.strip())
            continue
        pieces = re.split(r"(?:^|\s)(?=bibkaz: )", rest)
        own += [p.strip() for p in pieces if p.strip() and not p.startswith(PREFIX)]
    return fields, own


def _record(entry: dict[str, Any]) -> tuple[str, Record, tuple[str, ...]]:
    ty = str(entry.get("type_of_reference", "GEN"))
    values: dict[str, Any] = {"type": CSL_OF_TY.get(ty, "document")}
    values["authors"] = tuple(parse_ris_name(a) for a in _as_list(entry.get("authors")) + _as_list(entry.get("first_authors")))
    editors = _as_list(entry.get("secondary_authors"))
    if ty in _EDITORS_IN_A3:
        editors += _as_list(entry.get("tertiary_authors"))
    values["editors"] = tuple(parse_ris_name(a) for a in editors)
    values["translators"] = tuple(parse_ris_name(a) for a in _as_list(entry.get("subsidiary_authors")))
    series_first = ty in _SERIES_IN_T2
    simple = {
        "title": ("title", "primary_title"),
        "container_title": () if series_first else ("secondary_title",),
        "collection_title": ("secondary_title", "tertiary_title") if series_first else ("tertiary_title",),
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
    fields, own = _note_parts(_as_list(entry.get("notes")))
    extra_vars = {var: attr for attr, var in _EXTRA.items()}
    for var, value in fields.items():
        if var == "type":
            values["type"] = value
        elif var == "container-title":
            values["container_title"] = value
        elif var in extra_vars:
            values[extra_vars[var]] = value
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

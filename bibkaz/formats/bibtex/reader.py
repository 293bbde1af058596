"""Reading BibTeX/BibLaTeX files into Records (for ``bibkaz merge`` and as command input).

bibtexparser 2 splits the file; names are split on " and " at brace depth 0 and
a fully braced name is an organisation; LaTeX in values is decoded with
pylatexenc (which bibtexparser itself uses) after protective braces go.
"""

from __future__ import annotations

import re
from pathlib import Path

import bibtexparser
from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

from bibkaz.formats.bibtex.types import csl_type
from bibkaz.model import InputError, Library, Name, Record, Work
from bibkaz.parse.normalise.dates import parse_date
from bibkaz.parse.normalise.names import parse_person

#: The text macros our writer uses that pylatexenc does not know (it would drop the
#: braces, and turn ^ into a modifier letter): a round trip must give the same text.
_OUR_MACROS = [
    MacroTextSpec("textbraceleft", "{"),
    MacroTextSpec("textbraceright", "}"),
    MacroTextSpec("textasciicircum", "^"),
    MacroTextSpec("textasciitilde", "~"),
    MacroTextSpec("textbackslash", "\\"),
]
_CONTEXT = get_default_latex_context_db()
_CONTEXT.add_context_category("bibkaz", macros=_OUR_MACROS, prepend=True)
_DECODER = LatexNodes2Text(latex_context=_CONTEXT, math_mode="verbatim", strict_latex_spaces=True)

# BibTeX/BibLaTeX field -> Record attribute
_FIELDS = {
    "title": "title",
    "journaltitle": "container_title",
    "journal": "container_title",
    "booktitle": "container_title",
    "organization": "container_title",
    "series": "collection_title",
    "volume": "volume",
    "number": "issue",
    "issue": "issue",
    "pages": "pages",
    "edition": "edition",
    "publisher": "publisher",
    "institution": "publisher",
    "school": "publisher",
    "location": "place",
    "address": "place",
    "eventtitle": "event",
    "venue": "event_place",
    "eventdate": "event_date",
    "doi": "doi",
    "url": "url",
    "urldate": "accessed",
    "isbn": "isbn",
    "type": "genre",
    "note": "note",
}
_MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}


def decode(value: str) -> str:
    text = _DECODER.latex_to_text(value) if "\\" in value or "{" in value else value
    return " ".join(text.split())


def split_names(value: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for m in re.finditer(r"[{}]|\s+and\s+", value):
        tok = m.group(0)
        if tok == "{":
            depth += 1
        elif tok == "}":
            depth -= 1
        elif depth == 0:
            parts.append(value[start : m.start()])
            start = m.end()
    parts.append(value[start:])
    return [p.strip() for p in parts if p.strip()]


def _wholly_braced(raw: str) -> bool:
    """True for "{World Bank}" and "{A \\textbraceleft{} B}": the first brace closes at the end."""
    if not (raw.startswith("{") and raw.endswith("}")):
        return False
    depth = 0
    for i, c in enumerate(raw):
        depth += (c == "{") - (c == "}")
        if depth == 0:
            return i == len(raw) - 1
    return False


def parse_bibtex_name(raw: str) -> Name:
    if _wholly_braced(raw):
        return Name(literal=decode(raw[1:-1]))
    text = decode(raw)
    if text.lower() in ("others",):
        return Name()
    pieces = [p.strip() for p in text.split(",")]
    if len(pieces) == 3:  # von Last, Jr, First
        base = parse_person(f"{pieces[0]}, {pieces[2]}")
        return Name(base.family, base.given, base.particle, pieces[1])
    return parse_person(text)


def _record(entry: bibtexparser.model.Entry) -> Record:
    values: dict[str, object] = {}
    fields = {f.key.lower(): f.value for f in entry.fields}
    values["type"] = csl_type(entry.entry_type, str(fields.get("entrysubtype", "")))
    for key, attr in (("author", "authors"), ("editor", "editors"), ("translator", "translators")):
        if key in fields:
            names = tuple(n for n in (parse_bibtex_name(x) for x in split_names(str(fields[key]))) if n.family or n.literal)
            values[attr] = names
    for key, attr in _FIELDS.items():
        if key in fields and attr not in values:
            raw = str(fields[key])
            values[attr] = raw.strip() if key in ("url", "doi") else decode(raw)
    if "pages" in values:
        values["pages"] = str(values["pages"]).replace("--", "-").replace("–", "-")
    if "date" in fields:
        raw_date = decode(str(fields["date"]))
        iso = re.fullmatch(r"\d{4}(?:-\d\d){0,2}(?:/\d{4}(?:-\d\d){0,2})?", raw_date)
        values["date"] = raw_date if iso else (parse_date(raw_date)[0] or raw_date)
    elif "year" in fields:
        year = re.search(r"\d{4}", str(fields["year"]))
        month = str(fields.get("month", "")).strip("{} ").lower()[:3]
        if year:
            m = _MONTHS.get(month) or (int(month) if month.isdigit() else 0)
            values["date"] = year.group(0) + (f"-{m:02d}" if m else "")
    if "howpublished" in fields and "container_title" not in values and "url" not in values:
        hp = str(fields["howpublished"])
        url = re.search(r"\\url\{([^}]*)\}", hp)
        if url:
            values["url"] = url.group(1)
        else:
            values["container_title"] = decode(hp)
    return Record(**values)  # type: ignore[arg-type]


def read_records_text(text: str, path: str = "<bibtex>") -> list[tuple[str, Record]]:
    """Every entry as (key, Record), in file order.

    Entries with a repeated key are kept (both of them): a file with duplicates is
    exactly what ``bibkaz merge`` is for. Any other unparsable block is an error
    naming the line.
    """
    library = bibtexparser.parse_string(text)
    duplicates = [b for b in library.failed_blocks if isinstance(b, bibtexparser.model.DuplicateBlockKeyBlock)]
    broken = [b for b in library.failed_blocks if not isinstance(b, bibtexparser.model.DuplicateBlockKeyBlock)]
    if broken:
        block = broken[0]
        line = (getattr(block, "start_line", 0) or 0) + 1
        raise InputError(path, f"malformed BibTeX entry: {str(getattr(block, 'error', 'cannot parse'))[:120]}", line)
    entries = list(library.entries) + [b.ignore_error_block for b in duplicates if isinstance(b.ignore_error_block, bibtexparser.model.Entry)]
    entries.sort(key=lambda e: e.start_line or 0)
    return [(e.key, _record(e)) for e in entries]


def read_records(path: str | Path) -> list[tuple[str, Record]]:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(p), f"cannot read BibTeX file: {exc}") from None
    return read_records_text(text, str(p))


def read_library(path: str | Path) -> Library:
    """A .bib file as a Library: one Work per entry, keys kept, no documents."""
    return Library(works=tuple(Work(key=k, record=r) for k, r in read_records(path)))

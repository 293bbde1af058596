"""Reading BibTeX/BibLaTeX files into Records (for ``bibkaz merge`` and as command input).

:mod:`bibkaz.formats.bibtex.scan` splits the file (streamed, see
:mod:`bibkaz.formats.bibtex.stream`); names are split on " and " at brace depth 0 and
a fully braced name is an organisation; LaTeX in values is decoded with
pylatexenc (which bibtexparser itself uses) after protective braces go.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

from bibkaz.formats.bibtex.latex import clean_text
from bibkaz.formats.bibtex.scan import Malformed, RawEntry, scan
from bibkaz.formats.bibtex.stream import PROGRESS_EVERY, LineSource, Progress
from bibkaz.formats.bibtex.types import csl_type
from bibkaz.model import InputError, Library, Name, Problem, Record, Work
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
_RANK = {key: n for n, key in enumerate(_FIELDS)}
_AND = re.compile(r"\s+and\s+")
_MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}


def decode(value: str) -> str:
    """LaTeX → plain text, control characters (NUL included) dropped, spaces collapsed."""
    text = _DECODER.latex_to_text(value) if "\\" in value or "{" in value else value
    return " ".join(clean_text(text).split())


def split_names(value: str) -> list[str]:
    """The names of an "and"-joined list; an "and" inside braces is part of a name."""
    if "{" not in value:
        return [p.strip() for p in _AND.split(value) if p.strip()]
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


@lru_cache(maxsize=1 << 16)
def parse_bibtex_name(raw: str) -> Name:
    """One name of an author list; cached, since a library repeats its authors."""
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


def record_from(entry: RawEntry) -> Record:
    """The Record of one scanned entry: names split, LaTeX decoded, dates made ISO."""
    values: dict[str, object] = {}
    fields = dict(entry.fields)
    values["type"] = csl_type(entry.entry_type, fields.get("entrysubtype", ""))
    for key, attr in (("author", "authors"), ("editor", "editors"), ("translator", "translators")):
        if key in fields:
            names = tuple(n for n in (parse_bibtex_name(x) for x in split_names(fields[key])) if n.family or n.literal)
            values[attr] = names
    # The first of _FIELDS' keys wins for an attribute (journaltitle before journal).
    for key in sorted(fields.keys() & _FIELDS.keys(), key=_RANK.__getitem__):
        attr = _FIELDS[key]
        if attr not in values:
            raw = fields[key]
            values[attr] = clean_text(raw).strip() if key in ("url", "doi") else decode(raw)
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


@dataclass(frozen=True)
class BibEntry:
    key: str
    record: Record
    line: int


@dataclass(frozen=True)
class BibFile:
    """What one .bib file held: its readable entries in order, the entries that
    could not be read (with line and reason), and keys used more than once."""

    path: str
    entries: tuple[BibEntry, ...]
    problems: tuple[Problem, ...] = ()
    duplicates: tuple[Problem, ...] = ()

    def library(self) -> Library:
        """One Work per readable entry, keys kept, no documents."""
        return Library(works=tuple(Work(key=e.key, record=e.record) for e in self.entries))


def read_bib(path: str | Path, progress: Progress | None = None) -> BibFile:
    """Read every entry of ``path`` that can be read, streamed, in one pass.

    A malformed entry is a problem naming its line and why; the entries around it
    are kept. Raises InputError only when the file cannot be opened.
    """
    source = LineSource(Path(path))
    name = str(path)
    entries: list[BibEntry] = []
    problems: list[Problem] = []
    duplicates: list[Problem] = []
    first_line: dict[str, int] = {}
    for item in scan(source.blocks()):
        if isinstance(item, Malformed):
            label = f"malformed entry {item.key!r}" if item.key else "malformed entry"
            problems.append(Problem(name, f"{label}: {item.reason}", item.line))
            continue
        if item.key in first_line:
            duplicates.append(Problem(name, f"duplicate key {item.key!r} (first at line {first_line[item.key]})", item.line))
        else:
            first_line[item.key] = item.line
        entries.append(BibEntry(item.key, record_from(item), item.line))
        if progress and len(entries) % PROGRESS_EVERY == 0:
            progress(len(entries), source.bytes_read, source.size)
    if progress:
        progress(len(entries), source.bytes_read, source.size)
    if not entries and not problems:
        problems.append(Problem(name, "no BibTeX entries found"))
    return BibFile(name, tuple(entries), tuple(source.warnings + problems), tuple(duplicates))


def read_records_text(text: str, path: str = "<bibtex>") -> list[tuple[str, Record]]:
    """Every entry as (key, Record), in file order; the first malformed entry is an
    InputError naming its line (``bibkaz merge`` uses :func:`read_bib`, which keeps going).

    Entries with a repeated key are kept (both of them): a file with duplicates is
    exactly what ``bibkaz merge`` is for.
    """
    out = []
    for item in scan(text.splitlines(keepends=True)):
        if isinstance(item, Malformed):
            raise InputError(path, f"malformed BibTeX entry {item.key!r}: {item.reason}".replace(" '':", ":"), item.line)
        out.append((item.key, record_from(item)))
    return out


def read_records(path: str | Path) -> list[tuple[str, Record]]:
    """Every entry of the file at ``path``; the first malformed entry is an InputError."""
    bib = read_bib(path)
    if bib.problems:
        raise InputError(bib.problems[0].path, bib.problems[0].message, bib.problems[0].line)
    return [(e.key, e.record) for e in bib.entries]


def read_library(path: str | Path) -> Library:
    """A .bib file as a Library (see :meth:`BibFile.library`); the first malformed
    entry is an InputError. Commands read through :func:`read_bib` to keep going."""
    bib = read_bib(path)
    if bib.problems:
        raise InputError(bib.problems[0].path, bib.problems[0].message, bib.problems[0].line)
    return bib.library()

"""Record → the ordered (field, value) pairs of one BibTeX entry, per dialect.

Values come out LaTeX-escaped and ready to be braced, except ``url`` and ``doi``,
which biblatex and hyperref read verbatim. Field order is fixed so two runs give
byte-identical files and diffs stay small.
"""

from __future__ import annotations

from typing import Callable

from bibkaz.formats.bibtex.latex import escape
from bibkaz.formats.bibtex.protect import protect_title
from bibkaz.formats.bibtex.types import bibtex_type, biblatex_type
from bibkaz.model import Name, Record

MONTH_MACROS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")

#: CSL types whose container is a periodical (journaltitle) rather than a book (booktitle).
_PERIODICAL = {"article-journal", "article-newspaper", "article-magazine", "article", "review"}
_IN_BOOK = {"chapter", "paper-conference", "entry-encyclopedia", "entry-dictionary"}
_WEB = {"webpage", "post-weblog", "post"}
_INSTITUTION = {"report", "thesis"}
#: Fields that never get LaTeX-escaped: biblatex reads them verbatim.
VERBATIM = {"url", "doi"}


def format_name(name: Name) -> str:
    """One name in BibTeX's "von Last, Jr, First" form; organisations double-braced."""
    if name.literal:
        return "{" + escape(name.literal) + "}"
    family = escape(name.full_family)
    if " " in name.family:
        # A multi-word family name ("Garcia Marquez") must stay one unit.
        family = ((escape(name.particle) + " ") if name.particle else "") + "{" + escape(name.family) + "}"
    parts = [family]
    if name.suffix:
        parts.append(escape(name.suffix))
    if name.given:
        parts.append(escape(name.given))
    return ", ".join(parts)


def format_names(names: tuple[Name, ...]) -> str:
    return " and ".join(format_name(n) for n in names)


def _event_note(r: Record) -> str:
    bits = [b for b in (r.event, r.event_place, r.event_date) if b]
    return ("Presented at " + ", ".join(bits)) if bits else ""


def biblatex_fields(r: Record, known: frozenset[str]) -> tuple[str, list[tuple[str, str]]]:
    """Entry type and fields for biblatex (biber)."""
    entry_type, subtype = biblatex_type(r.type)
    f: list[tuple[str, str]] = []
    add = lambda k, v: f.append((k, v)) if v else None  # noqa: E731
    add("author", format_names(r.authors))
    add("editor", format_names(r.editors))
    add("translator", format_names(r.translators))
    add("title", protect_title(escape(r.title), known))
    container = protect_title(escape(r.container_title), known)
    if r.type in _PERIODICAL:
        add("journaltitle", container)
    elif r.type in _IN_BOOK:
        add("booktitle", container)
    elif r.type in _WEB:
        add("organization", container)
    elif r.container_title:
        add("howpublished", container)
    add("series", escape(r.collection_title))
    add("entrysubtype", subtype)
    add("type", escape(r.genre) if r.type in _INSTITUTION | {"report"} else "")
    add("eventtitle", escape(r.event) if r.type == "paper-conference" else "")
    add("eventdate", r.event_date if r.type == "paper-conference" else "")
    add("venue", escape(r.event_place) if r.type == "paper-conference" else "")
    add("date", r.date)
    add("edition", escape(r.edition))
    add("volume", escape(r.volume))
    add("number", escape(r.issue))
    add("pages", r.pages.replace("-", "--"))
    if r.type in _INSTITUTION:
        add("institution", escape(r.publisher))
    else:
        add("publisher", escape(r.publisher))
    add("location", escape(r.place))
    add("isbn", escape(r.isbn))
    add("doi", r.doi)
    add("url", r.url)
    add("urldate", r.accessed)
    notes = [n for n in (escape(r.note), "" if r.type == "paper-conference" else escape(_event_note(r))) if n]
    if r.genre and r.type not in _INSTITUTION | {"report"}:
        notes.insert(0, escape(r.genre))
    add("note", ". ".join(notes))
    return entry_type, f


def bibtex_fields(r: Record, known: frozenset[str]) -> tuple[str, list[tuple[str, str]]]:
    """Entry type and fields for classic BibTeX with natbib-style .bst files."""
    entry_type = bibtex_type(r.type)
    f: list[tuple[str, str]] = []
    add = lambda k, v: f.append((k, v)) if v else None  # noqa: E731
    add("author", format_names(r.authors))
    add("editor", format_names(r.editors))
    add("title", protect_title(escape(r.title), known))
    container = protect_title(escape(r.container_title), known)
    if entry_type == "article":
        add("journal", container)
    elif entry_type in ("incollection", "inproceedings"):
        add("booktitle", container)
    elif r.url and entry_type == "misc":
        add("howpublished", (container + ", " if container else "") + "\\url{" + r.url + "}")
    elif container:
        add("howpublished", container)
    add("year", r.year)
    month = r.date[5:7]
    add("month", MONTH_MACROS[int(month) - 1] if month.isdigit() and 1 <= int(month) <= 12 else "")
    add("edition", escape(r.edition))
    add("volume", escape(r.volume))
    add("number", escape(r.issue))
    add("pages", r.pages.replace("-", "--"))
    if entry_type == "techreport":
        add("institution", escape(r.publisher))
        add("type", escape(r.genre))
    elif entry_type == "phdthesis":
        add("school", escape(r.publisher))
    else:
        add("publisher", escape(r.publisher))
    add("address", escape(r.place))
    add("isbn", escape(r.isbn))
    add("doi", r.doi)
    add("url", r.url)
    notes = [escape(n) for n in (r.note, _event_note(r)) if n]
    if r.accessed:
        notes.append(f"Accessed {r.accessed}")
    add("note", ". ".join(notes))
    return entry_type, f


DIALECTS: dict[str, Callable[[Record, frozenset[str]], tuple[str, list[tuple[str, str]]]]] = {
    "biblatex": biblatex_fields,
    "bibtex": bibtex_fields,
}

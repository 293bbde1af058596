"""Record → the ordered (field, value) pairs of one BibTeX entry, per dialect.

Values come out LaTeX-escaped and ready to be braced, except ``url`` and ``doi``,
which biblatex and hyperref read verbatim (so the characters that could break a
.bib are percent-encoded there instead). Field order is fixed so two runs give
byte-identical files and diffs stay small.
"""

from __future__ import annotations

import re
from typing import Callable

from bibkaz.formats.bibtex.latex import clean_text, escape
from bibkaz.formats.bibtex.protect import protect_title
from bibkaz.formats.bibtex.safe import verbatim
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


#: What would split a name part where the document did not: a comma or a word "and".
_SPLITS_NAME = re.compile(r",|(?:^|\s)and(?:\s|$)", re.IGNORECASE)


def _part(text: str) -> str:
    """One escaped name part, braced when a comma or an "and" in it would split the name."""
    out = escape(text)
    return "{" + out + "}" if _SPLITS_NAME.search(out) else out


def format_name(name: Name) -> str:
    """One name in BibTeX's "von Last, Jr, First" form; organisations double-braced."""
    if name.literal:
        return "{" + escape(name.literal) + "}"
    family = _part(name.full_family)
    if " " in name.family:
        # A multi-word family name ("Garcia Marquez") must stay one unit.
        family = ((_part(name.particle) + " ") if name.particle else "") + "{" + escape(name.family) + "}"
    parts = [family]
    if name.suffix:
        parts.append(_part(name.suffix))
    if name.given:
        parts.append(_part(name.given))
    return ", ".join(parts)


def format_names(names: tuple[Name, ...]) -> str:
    """The "and"-joined list; a name with nothing printable in it is left out (an
    empty "{}" would count as a person for BibTeX and as none for biber)."""
    return " and ".join(format_name(n) for n in names if clean_text(n.display()).strip())


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
    add("eventdate", escape(r.event_date) if r.type == "paper-conference" else "")
    add("venue", escape(r.event_place) if r.type == "paper-conference" else "")
    add("date", escape(r.date))
    add("edition", escape(r.edition))
    add("volume", escape(r.volume))
    add("number", escape(r.issue))
    add("pages", escape(r.pages).replace("-", "--"))
    if r.type in _INSTITUTION:
        add("institution", escape(r.publisher))
    else:
        add("publisher", escape(r.publisher))
    add("location", escape(r.place))
    add("isbn", escape(r.isbn))
    add("doi", verbatim(r.doi))
    add("url", verbatim(r.url))
    add("urldate", escape(r.accessed))
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
        add("howpublished", (container + ", " if container else "") + "\\url{" + verbatim(r.url) + "}")
    elif container:
        add("howpublished", container)
    add("year", escape(r.year))
    month = r.date[5:7]
    add("month", MONTH_MACROS[int(month) - 1] if month.isdigit() and 1 <= int(month) <= 12 else "")
    add("edition", escape(r.edition))
    add("volume", escape(r.volume))
    add("number", escape(r.issue))
    add("pages", escape(r.pages).replace("-", "--"))
    if entry_type == "techreport":
        add("institution", escape(r.publisher))
        add("type", escape(r.genre))
    elif entry_type == "phdthesis":
        add("school", escape(r.publisher))
    else:
        add("publisher", escape(r.publisher))
    add("address", escape(r.place))
    add("isbn", escape(r.isbn))
    add("doi", verbatim(r.doi))
    add("url", verbatim(r.url))
    notes = [escape(n) for n in (r.note, _event_note(r)) if n]
    if r.accessed:
        notes.append(escape(f"Accessed {r.accessed}"))
    add("note", ". ".join(notes))
    return entry_type, f


DIALECTS: dict[str, Callable[[Record, frozenset[str]], tuple[str, list[tuple[str, str]]]]] = {
    "biblatex": biblatex_fields,
    "bibtex": bibtex_fields,
}

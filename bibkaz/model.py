"""The data that flows between bibkaz's pipeline stages.

Every stage is a function from the previous stage's data to its own, and the data
between stages is frozen: a stage can never change what an earlier stage decided,
only build on it. Read in this order:

    Document ──extract──▶ Extraction (RawReference, Mention)
             ──parse──▶ Record ──resolve──▶ Work, Library

Entry types use the CSL vocabulary (``article-journal``, ``book``, ``chapter``,
``webpage``, ``article-newspaper``, ``report`` …) because it is the richest of the
formats we write; the BibTeX, RIS and Zotero writers map from it.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Iterator

#: Kinds of raw reference, i.e. where in a document a reference string stood.
REFERENCE_KINDS = ("footnote", "endnote", "reference-list", "inline-url", "inline-doi", "inline-report", "inline-link", "source-line", "inline-case", "citation-key")
#: Kinds of in-text citation.
MENTION_KINDS = ("author-date", "note", "numeric", "ibid", "short-note", "link", "case", "key")


#: Below this parser confidence a record is flagged for review (bench/parse_accuracy.py picks it).
REVIEW_THRESHOLD = 0.6
#: How a work known only by a citation key ("@lee2020" in a pandoc source) says so in its note; its
#: BibTeX key is that citation key, so that the user's own bibliography entry can stand in for it.
CITED_BY_KEY = "cited by its key @"


@dataclass(frozen=True)
class Name:
    """A person's or an organisation's name.

    Organisations keep their whole name in ``literal`` (CSL's rule) so that no
    style ever turns "World Bank" into "Bank, W.".
    """

    family: str = ""
    given: str = ""
    particle: str = ""  # "van", "de", "al-" – kept apart so sorting can ignore it
    suffix: str = ""  # "Jr.", "III"
    literal: str = ""  # whole name of an organisation

    @property
    def is_organisation(self) -> bool:
        return bool(self.literal)

    @property
    def full_family(self) -> str:
        """Family name with its particle, as printed: "van Gogh"."""
        return " ".join(p for p in (self.particle, self.family) if p)

    def display(self) -> str:
        """"Given Family" for people, the literal for organisations."""
        if self.literal:
            return self.literal
        out = " ".join(p for p in (self.given, self.full_family) if p)
        return f"{out}, {self.suffix}" if self.suffix else out

    def inverted(self) -> str:
        """"Family, Given" as BibTeX and sort keys want it."""
        if self.literal:
            return self.literal
        parts = [self.full_family]
        if self.suffix:
            parts.append(self.suffix)
        if self.given:
            parts.append(self.given)
        return ", ".join(parts)


@dataclass(frozen=True)
class Record:
    """The fields of one parsed reference (or of one work's own metadata).

    All text fields are plain Unicode, never LaTeX. ``date`` is ISO 8601
    ("2022", "2022-09", "2022-09-26"); ``pages`` uses a plain hyphen for ranges
    ("975-993"); ``doi`` is bare ("10.1080/…", no resolver prefix).
    """

    type: str = "document"
    authors: tuple[Name, ...] = ()
    editors: tuple[Name, ...] = ()
    translators: tuple[Name, ...] = ()
    title: str = ""
    container_title: str = ""
    collection_title: str = ""
    date: str = ""
    year_suffix: str = ""  # the "a" of "2022a": it tells works apart, it is not part of the date
    volume: str = ""
    issue: str = ""
    pages: str = ""
    edition: str = ""
    publisher: str = ""
    place: str = ""
    event: str = ""  # conference or meeting a paper was presented at
    event_date: str = ""
    event_place: str = ""
    doi: str = ""
    url: str = ""
    accessed: str = ""
    isbn: str = ""
    genre: str = ""  # "Policy brief", "PhD thesis"
    medium: str = ""
    note: str = ""
    confidence: float = 1.0

    @property
    def needs_review(self) -> bool:
        """Too uncertain a parse to trust without a human look (flagged in every output)."""
        return self.confidence < REVIEW_THRESHOLD

    @property
    def year(self) -> str:
        return self.date[:4] if self.date[:4].isdigit() else ""

    def filled(self) -> Iterator[tuple[str, object]]:
        """(name, value) for every field that has a value, confidence excluded."""
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name != "confidence" and value not in ("", ()):
                yield f.name, value

    def with_(self, **changes: object) -> "Record":
        return replace(self, **changes)


#: Text fields of Record, in the order writers use.
RECORD_TEXT_FIELDS = tuple(
    f.name for f in fields(Record) if f.name not in ("type", "authors", "editors", "translators", "confidence")
)


@dataclass(frozen=True)
class NoteSpan:
    """A note the reader knows to be one (a Word file's footnote part, a web page's footnote list):
    its number and the 1-based lines of ``Document.text`` it fills, its number written first."""

    label: str
    line: int
    end_line: int


@dataclass(frozen=True)
class CallMark:
    """A note call the reader knows to be one (a Word footnote reference, a web page's link to its
    note): the note's number, and where its mark stands in ``Document.text`` (1-based line,
    0-based column of the mark's first character, the mark as written: "¹²")."""

    label: str
    line: int
    column: int
    mark: str


@dataclass(frozen=True)
class Document:
    """One input file, decoded, plus its own metadata once extraction found it.

    ``id`` is the file name without its extension: it is how every later stage and
    the library JSON name the document.
    """

    id: str
    path: str
    text: str
    encoding: str = "utf-8"
    sha256: str = ""
    meta: Record | None = None
    #: The line each own-record field came from, and the report number, as the
    #: library JSON gives them. The pipeline drops ``text`` once a document is
    #: extracted (a corpus must not sit in memory as text), so what the writers
    #: still need of the text is kept here (:func:`bibkaz.formats.library_json.without_text`).
    own_fields: tuple[tuple[str, int], ...] | None = None  # None: not found, or still in ``text``
    own_number: str = ""
    #: The 1-based page of each line of ``text`` (PDF only; empty for formats without pages),
    #: so a reference or citation found on line n can be cited as ``page:line``.
    pages: tuple[int, ...] = ()
    #: The 1-based file line of each line of ``text`` when the reader wrote some lines away from
    #: their place (notes a Markdown page's front matter holds all on one line, written after the
    #: text); empty when every line stands at its own number.
    origin: tuple[int, ...] = ()
    #: The notes and their calls as the reader found them in the file's structure (Word, HTML), so
    #: that the extract stage takes them as given rather than guessing them from the text (a
    #: numbered paragraph is not a note, a raised "2" in "km²" is not a call); empty when the
    #: format holds no such structure (plain text, Markdown): the extract stage then finds them.
    notes: tuple[NoteSpan, ...] = ()
    calls: tuple[CallMark, ...] = ()

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    def page_of(self, line: int) -> int:
        """The page a 1-based line number stands on; 0 when the document has no pages."""
        return self.pages[line - 1] if 0 < line <= len(self.pages) else 0


@dataclass(frozen=True)
class RawReference:
    """One reference string as found in a document, with where it stood.

    ``label`` is the note or entry number for notes and numbered lists ("3"), empty
    elsewhere; ``line`` and ``end_line`` are 1-based line numbers in the document.
    A note that cites several works yields one RawReference per work, all with the
    note's label.
    """

    document: str
    kind: str
    text: str
    line: int
    end_line: int = 0
    label: str = ""

    @property
    def id(self) -> str:
        return f"{self.document}:{self.kind}:{self.label or self.line}:{self.line}"


@dataclass(frozen=True)
class Mention:
    """One in-text citation: a note call, a numeric marker or an author-date citation.

    ``reference`` is the RawReference it resolves to, or None with ``reason`` saying
    why not. ``authors``/``year`` are what an author-date citation names, used by the
    linker ("Ohle et al., 2020" → ("Ohle",), "2020").
    """

    document: str
    kind: str
    text: str
    line: int
    marker: str = ""
    locator: str = ""
    sentence: str = ""
    authors: tuple[str, ...] = ()
    year: str = ""
    reference: RawReference | None = None
    reason: str = ""

    @property
    def resolved(self) -> bool:
        return self.reference is not None


@dataclass(frozen=True)
class Extraction:
    """What the extract stage found in one document."""

    document: Document
    references: tuple[RawReference, ...] = ()
    mentions: tuple[Mention, ...] = ()
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class ParsedReference:
    """A RawReference and the Record the parser made of it."""

    reference: RawReference
    record: Record


@dataclass(frozen=True)
class Work:
    """One real-world work, however many times and in whatever styles it was cited.

    ``record`` is the merged record; ``field_sources`` says which RawReference
    (by id) gave each merged field. ``document`` is set when the work is one of the
    input documents itself (its own entry).
    """

    key: str
    record: Record
    references: tuple[RawReference, ...] = ()
    mentions: tuple[Mention, ...] = ()
    field_sources: tuple[tuple[str, str], ...] = ()
    document: str = ""

    @property
    def citing_documents(self) -> tuple[str, ...]:
        seen = dict.fromkeys([r.document for r in self.references] + [m.document for m in self.mentions])
        return tuple(seen)


@dataclass(frozen=True)
class Library:
    """Everything bibkaz knows about a corpus: documents, works, and what is unresolved."""

    documents: tuple[Document, ...] = ()
    works: tuple[Work, ...] = ()
    unresolved: tuple[Mention, ...] = ()
    warnings: tuple[str, ...] = ()

    def document_key(self, document_id: str) -> str | None:
        """The citation key of a document's own entry, or None."""
        for work in self.works:
            if work.document == document_id:
                return work.key
        return None

    def work(self, key: str) -> Work:
        for work in self.works:
            if work.key == key:
                return work
        raise KeyError(key)


@dataclass(frozen=True)
class Problem:
    """A warning about one input: which file, which line, what is wrong."""

    path: str
    message: str
    line: int = 0

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class BibkazError(Exception):
    """An error a user can act on. The CLI prints its message as one line."""


class UsageError(BibkazError):
    """A wrong argument (unknown style, unknown output extension): the CLI exits 2, as
    for every usage error, so scripts can tell a mistyped command from a failed run."""


class InputError(BibkazError):
    """A file that cannot be read or understood; names the file (and line)."""

    def __init__(self, path: str, message: str, line: int = 0):
        self.problem = Problem(path, message, line)
        super().__init__(str(self.problem))


__all__ = [
    "Name",
    "Record",
    "Document",
    "RawReference",
    "Mention",
    "Extraction",
    "ParsedReference",
    "Work",
    "Library",
    "Problem",
    "BibkazError",
    "UsageError",
    "InputError",
]

"""Where each work was cited, in the shapes Zotero shows: note text, tags, collections.

Every export (CSL-JSON, RIS, BibTeX, the Web API push) carries the same
provenance so a user who imports the bibliography into Zotero can still see
which brief cites a work, where (note number, line) and how often. It lives in
the Zotero package because Zotero is what decides its shape: a line of text
that lands in Zotero's Extra or a child note, and ``bibkaz:cited-in:<document>``
tags that Zotero's tag selector turns into one-click filters.

Lines of provenance text always start with ``bibkaz:`` so every reader can strip
them again and give back the record's own note untouched.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from bibkaz.model import Library, Work

#: Prefix of every provenance line and tag.
PREFIX = "bibkaz:"
CITED_IN_TAG = "bibkaz:cited-in:"
DOCUMENT_TAG = "bibkaz:source-document"


@dataclass(frozen=True)
class Citing:
    """How one document cites one work."""

    document: str
    count: int
    places: tuple[str, ...]  # "note 3, line 40", "reference list, line 97", "line 12"


@dataclass(frozen=True)
class Provenance:
    """Everything bibkaz knows about where a work comes from."""

    key: str
    cited_in: tuple[Citing, ...] = ()
    source_document: str = ""  # set when the work is an input document's own entry
    cites: tuple[str, ...] = ()  # keys of the works that document cites
    cited_by_keys: tuple[str, ...] = ()  # keys of the documents' own entries citing this work

    @property
    def tags(self) -> tuple[str, ...]:
        out = [CITED_IN_TAG + c.document for c in self.cited_in]
        if self.source_document:
            out.append(DOCUMENT_TAG)
        return tuple(out)

    @property
    def related(self) -> tuple[str, ...]:
        """Keys of the items this one should be linked to ("related" in Zotero)."""
        return tuple(dict.fromkeys(self.cites + self.cited_by_keys))

    def lines(self) -> tuple[str, ...]:
        """Human-readable provenance, one ``bibkaz:`` line per fact."""
        out = []
        if self.source_document:
            cites = f"; cites {len(self.cites)} works: {', '.join(self.cites)}" if self.cites else ""
            out.append(f"{PREFIX} source document {self.source_document}{cites}")
        for c in self.cited_in:
            times = "once" if c.count == 1 else f"{c.count} times"
            where = f" ({'; '.join(c.places)})" if c.places else ""
            out.append(f"{PREFIX} cited {times} in {c.document}{where}")
        return tuple(out)

    def text(self) -> str:
        return "\n".join(self.lines())

    def as_json(self) -> dict[str, Any]:
        """Machine-readable form, for CSL-JSON's ``custom`` object."""
        out: dict[str, Any] = {
            "cited-in": [
                {"document": c.document, "count": c.count, "places": list(c.places)} for c in self.cited_in
            ]
        }
        if self.source_document:
            out["source-document"] = self.source_document
        if self.related:
            out["related"] = list(self.related)
        return out


def _place(kind: str, label: str, line: int) -> str:
    if kind in ("footnote", "endnote") and label:
        where = f"note {label}"
    elif kind == "reference-list":
        where = f"reference list{' entry ' + label if label else ''}"
    else:
        where = ""
    at = f"line {line}" if line else ""
    return ", ".join(p for p in (where, at) if p)


def _citing(work: Work) -> tuple[Citing, ...]:
    out = []
    for doc in work.citing_documents:
        refs = sorted((r for r in work.references if r.document == doc), key=lambda r: r.line)
        mentions = sorted((m for m in work.mentions if m.document == doc), key=lambda m: m.line)
        # A note call and its note are one citation; an author-date mention is one
        # citation of the reference-list entry. Mentions count when there are any.
        count = len(mentions) or len(refs)
        if refs:
            places = [_place(r.kind, r.label, r.line) for r in refs]
        else:
            places = [f"line {m.line}" + (f", {m.locator}" if m.locator else "") for m in mentions if m.line]
        out.append(Citing(doc, count, tuple(dict.fromkeys(p for p in places if p))))
    return tuple(out)


def library_provenance(library: Library) -> dict[str, Provenance]:
    """Provenance for every work of ``library``, by citation key."""
    own = {w.document: w.key for w in library.works if w.document}
    cites: dict[str, list[str]] = {}
    for work in library.works:
        for doc in work.citing_documents:
            if doc in own and own[doc] != work.key:
                cites.setdefault(own[doc], []).append(work.key)
    out = {}
    for work in library.works:
        cited_in = _citing(work)
        out[work.key] = Provenance(
            key=work.key,
            cited_in=cited_in,
            source_document=work.document,
            cites=tuple(cites.get(work.key, ())),
            cited_by_keys=tuple(own[c.document] for c in cited_in if c.document in own and own[c.document] != work.key),
        )
    return out


def with_provenance(note: str, provenance: Provenance | None) -> str:
    """A record's note followed by its provenance lines."""
    parts = [note] if note else []
    if provenance is not None and provenance.lines():
        parts.append(provenance.text())
    return "\n".join(parts)


def split_note(note: str) -> tuple[str, tuple[str, ...]]:
    """(the record's own note, the provenance lines) of a note written by :func:`with_provenance`."""
    own, prov = [], []
    for line in note.split("\n"):
        (prov if line.startswith(PREFIX) else own).append(line)
    return "\n".join(own).strip(), tuple(prov)


def document_groups(library: Library) -> list[tuple[str, tuple[Work, ...]]]:
    """One group per input document: its own entry (if any) and every work it cites.

    This is what ``--collection-per-document`` turns into one file or one Zotero
    collection per document. Works cited by several documents are in several groups.
    """
    doc_ids: Iterable[str] = [d.id for d in library.documents] or sorted(
        {d for w in library.works for d in w.citing_documents} | {w.document for w in library.works if w.document}
    )
    groups = []
    for doc in doc_ids:
        works = tuple(w for w in library.works if w.document == doc or doc in w.citing_documents)
        if works:
            groups.append((doc, works))
    return groups

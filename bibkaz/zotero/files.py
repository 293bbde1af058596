"""The files Zotero imports: one function renders a library (or part of it) in any of them.

Shared by ``bibkaz export`` and ``bibkaz zotero push --connector`` so both write
exactly the same text, provenance included.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable, Iterable

from bibkaz.formats import csl_json, ris
from bibkaz.model import BibkazError, Library, Work
from bibkaz.zotero.provenance import library_provenance, with_provenance

#: Format name -> file extension.
EXTENSIONS = {"csl-json": ".json", "ris": ".ris", "biblatex": ".bib", "bibtex": ".bib"}


def _csl_json(library: Library, works: tuple[Work, ...]) -> str:
    return csl_json.dumps(csl_json.library_items(library, works))


def _ris(library: Library, works: tuple[Work, ...]) -> str:
    return ris.dumps(library, works)


def _bibtex(dialect: str) -> Callable[[Library, tuple[Work, ...]], str]:
    def render(library: Library, works: tuple[Work, ...]) -> str:
        from bibkaz.formats.bibtex import write_library

        # BibTeX has no provenance field Zotero keeps apart, so provenance goes into
        # `note`, which Zotero's BibTeX import turns into a child note.
        prov = library_provenance(library)
        noted = tuple(
            replace(w, record=w.record.with_(note=with_provenance(w.record.note, prov.get(w.key)))) for w in works
        )
        return write_library(replace(library, works=noted), dialect=dialect)

    return render


_RENDER: dict[str, Callable[[Library, tuple[Work, ...]], str]] = {
    "csl-json": _csl_json,
    "ris": _ris,
    "biblatex": _bibtex("biblatex"),
    "bibtex": _bibtex("bibtex"),
}


def render(library: Library, fmt: str, works: Iterable[Work] | None = None) -> str:
    """``works`` (default: every work, documents' own entries included) as a ``fmt`` file.

    Provenance is always computed over the whole library, so a per-document file
    still says every place a work is cited.
    """
    if fmt not in _RENDER:
        raise BibkazError(f"unknown export format {fmt!r} (use {', '.join(_RENDER)})")
    return _RENDER[fmt](library, tuple(library.works if works is None else works))

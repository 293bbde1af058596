"""Resolve parsed references into works: one Work per real-world work.

The pipeline calls :func:`resolve` with every document's extraction and parsed
references; :func:`combine_libraries` joins libraries read from several sources
(a .bib, a library JSON, a folder of briefs). Both cluster with the same rules
(:mod:`bibkaz.resolve.similarity`), merge fields with provenance
(:mod:`bibkaz.resolve.fields`) and give stable keys (:mod:`bibkaz.resolve.keys`).
"""

from __future__ import annotations

from typing import Mapping, Sequence

from bibkaz.model import Extraction, Library, ParsedReference, Record
from bibkaz.resolve.assemble import Resolution, combine_report, resolve_report


def resolve(
    extractions: Sequence[Extraction],
    parsed: Sequence[ParsedReference],
    existing_keys: Mapping[str, Record] | None = None,
) -> Library:
    """Cluster the parsed references of all documents (and the documents' own
    records) into works.

    ``existing_keys`` maps the keys of a previous run's references.bib to their
    records: a work that is one of them keeps its key, and only new works that
    would collide get suffixes.
    """
    return resolve_report(extractions, parsed, existing_keys).library


def combine_libraries(libraries: Sequence[Library]) -> Library:
    """One library from several: documents joined, works clustered again across
    libraries (each keeps the key it had where possible), unresolved joined."""
    if len(libraries) == 1:
        return libraries[0]
    return combine_report(libraries).library


__all__ = ["resolve", "combine_libraries", "resolve_report", "combine_report", "Resolution"]

"""Deduplicate BibTeX files: each entry is a work, and works are resolved again.

``bibkaz merge`` is :func:`bibkaz.resolve.combine_libraries` over one library per
.bib file, so a .bib deduplicates by exactly the rules the briefs do. Entries
keep their keys (the first file's key wins for a merged work) because LaTeX
documents already cite them; only a key two different works share is suffixed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from bibkaz.formats.bibtex_reader import read_records
from bibkaz.model import InputError, Library, Problem, Work
from bibkaz.resolve.assemble import Resolution, combine_report


@dataclass(frozen=True)
class BibMerge:
    """The merged library, a label per input entry ("A.bib:key"), skipped files."""

    resolution: Resolution
    labels: tuple[str, ...]
    entries: int
    problems: tuple[Problem, ...] = ()


def merge_bib_files(paths: Sequence[str | Path]) -> BibMerge:
    """Read and merge ``paths``; a file that cannot be read is skipped and reported.

    Raises InputError when no file could be read at all.
    """
    libraries: list[Library] = []
    labels: list[str] = []
    problems: list[Problem] = []
    for raw in paths:
        path = Path(raw)
        try:
            entries = read_records(path)
        except InputError as exc:
            problems.append(exc.problem)
            continue
        works = []
        for key, record in entries:
            source = f"{path.name}:{key}"
            works.append(Work(key=key, record=record, field_sources=tuple((f, source) for f, _ in record.filled())))
            labels.append(source)
        libraries.append(Library(works=tuple(works)))
    if not libraries:
        raise InputError(", ".join(str(p) for p in paths), "no BibTeX file could be read")
    return BibMerge(combine_report(libraries), tuple(labels), len(labels), tuple(problems))

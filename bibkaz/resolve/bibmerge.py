"""Deduplicate BibTeX files: each entry is a work, and works are resolved again.

``bibkaz merge`` is :func:`bibkaz.resolve.combine_libraries` over one library per
.bib file, so a .bib deduplicates by exactly the rules the briefs do. Entries
keep their keys (the first file's key wins for a merged work) because LaTeX
documents already cite them; only a key two different works share is suffixed,
and every repeated key is named in a warning that says what became of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from bibkaz.formats.bibtex.reader import read_bib
from bibkaz.formats.bibtex.stream import Progress
from bibkaz.model import InputError, Library, Problem, Work
from bibkaz.resolve.assemble import Resolution, combine_report


@dataclass(frozen=True)
class BibMerge:
    """The merged library, a label per input entry ("A.bib:key"), what was skipped
    (unreadable files, malformed entries) and what to warn about (repeated keys)."""

    resolution: Resolution
    labels: tuple[str, ...]
    entries: int
    problems: tuple[Problem, ...] = ()
    warnings: tuple[str, ...] = ()
    files_read: int = 0


def merge_bib_files(paths: Sequence[str | Path], progress: Progress | None = None,
                    stage: Callable[[str], None] | None = None) -> BibMerge:
    """Read and merge ``paths``; a file or entry that cannot be read is skipped and reported.

    ``progress`` hears how far reading is; ``stage`` is told when the (longer, for a
    large file) search for duplicates starts, so a user is never left without a word.

    Raises InputError when no entry could be read at all.
    """
    libraries: list[Library] = []
    labels: list[str] = []
    problems: list[Problem] = []
    repeated: list[tuple[int, Problem]] = []  # (index of the repeated entry's label, the warning)
    for raw in paths:
        path = Path(raw)
        try:
            bib = read_bib(path, progress)
        except InputError as exc:
            problems.append(exc.problem)
            continue
        problems.extend(bib.problems)
        duplicate_at = {(p.line) for p in bib.duplicates}
        works = []
        for entry in bib.entries:
            source = f"{path.name}:{entry.key}"
            if entry.line in duplicate_at:
                source += f" (line {entry.line})"
                repeated.append((len(labels), next(p for p in bib.duplicates if p.line == entry.line)))
            works.append(Work(key=entry.key, record=entry.record,
                              field_sources=tuple((f, source) for f, _ in entry.record.filled())))
            labels.append(source)
        if works:
            libraries.append(Library(works=tuple(works)))
    if not libraries:
        raise InputError(", ".join(str(p) for p in paths), "no BibTeX entry could be read")
    if stage:
        stage(f"finding duplicates among {len(labels):,} entries")
    resolution = combine_report(libraries)
    return BibMerge(resolution, tuple(labels), len(labels), tuple(problems),
                    _fates(resolution, repeated), len(libraries))


def _fates(resolution: Resolution, repeated: list[tuple[int, Problem]]) -> tuple[str, ...]:
    """Each duplicate-key warning with what the merge made of that entry."""
    if not repeated:
        return ()
    group_of = {i: n for n, members in enumerate(resolution.clustering.groups) for i in members}
    out = []
    for index, warning in repeated:
        key = resolution.keys[group_of[index]]
        work = resolution.items[index].work
        if work is not None and key == work.key:
            out.append(f"{warning}: the same work, merged into {key}")
        else:
            out.append(f"{warning}: another work, written as {key}")
    return tuple(out)

"""One entry point for every command that consumes a corpus.

A PATH given to ``bibkaz links``, ``network``, ``top``, ``format``, ``export`` …
may be a folder of documents, single documents, a ``.bib`` file or bibkaz's
library JSON; :func:`load_library` turns any mix of them into one Library.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from bibkaz.model import InputError, Library, Problem

if TYPE_CHECKING:
    from bibkaz.run import Runner


@dataclass(frozen=True)
class Loaded:
    library: Library
    problems: tuple[Problem, ...] = ()


def load_library(paths: Sequence[str | Path], runner: Runner | None = None) -> Loaded:
    """Load and, where needed, extract and resolve everything under ``paths``.

    Documents (and fsspec URLs of documents) are extracted by ``runner``
    (``--jobs``/``--cluster``; default: in this process).

    Raises InputError when nothing at all could be read; problems with single
    files are returned in ``problems`` so one bad file never loses the others.
    """
    from bibkaz.run.sources import is_url

    documents: list[str | Path] = []
    libraries: list[Library] = []
    problems: list[Problem] = []
    for raw in paths:
        if is_url(str(raw)):
            documents.append(str(raw))
            continue
        path = Path(raw)
        if not path.exists():
            raise InputError(str(path), "no such file or folder")
        suffix = path.suffix.lower()
        if path.is_file() and suffix == ".json":
            from bibkaz.formats import library_json  # imports here: a cached re-run loads only what it reads

            libraries.append(library_json.loads(path.read_text(encoding="utf-8"), str(path)))
        elif path.is_file() and suffix == ".bib":
            from bibkaz.formats.bibtex.reader import read_bib

            bib = read_bib(path)  # a malformed entry is a problem to report; the others are kept
            problems.extend(bib.problems)
            libraries.append(bib.library())
        else:
            documents.append(path)
    if documents:
        from bibkaz.pipeline import build_library

        built = build_library(documents, runner=runner)
        libraries.append(built.library)
        problems.extend(built.problems)
    if not libraries:
        raise InputError(", ".join(str(p) for p in paths), "nothing to read")
    if len(libraries) == 1:
        return Loaded(libraries[0], tuple(problems))
    from bibkaz.resolve import combine_libraries

    return Loaded(combine_libraries(libraries), tuple(problems))

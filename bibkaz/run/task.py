"""The per-document task every runner executes: one Source in, one Outcome out.

It is a plain top-level function of picklable data so that a process pool and
a Dask worker can run it alike, and it never raises: a document that cannot be
read, or that trips a bug of ours, comes back as a Problem, so one bad document
never loses the run (nor, on a cluster, makes Dask retry a task that would fail
again). The Outcome carries the Extraction without the document's text: the
text stays in the worker, and the client holds only what the resolver and the
writers need.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Sequence

from bibkaz.model import Extraction, InputError, ParsedReference, Problem
from bibkaz.resolve.features import Packed
from bibkaz.run.sources import Source


@dataclass(frozen=True)
class Outcome:
    """What one document gave: an extraction and its parsed references, or a problem.

    ``features``: the resolver's features of each parsed record, then of the document's
    own record (if any), computed where the document was extracted
    (:func:`bibkaz.resolve.features.packed`): in a pool process or on a worker they cost
    the client nothing but unpickling. Empty when the run is in the client's own process."""

    index: int
    extraction: Extraction | None = None
    parsed: tuple[ParsedReference, ...] = ()
    problem: Problem | None = None
    features: tuple[Packed, ...] = ()


def _relabel(text: str, location: str, shown: str) -> str:
    return text.replace(location, shown) if location != shown else text


def _shown_as(outcome: Outcome, location: str, shown: str) -> Outcome:
    """The outcome as if the document had been read under the name the user gave."""
    if outcome.problem is not None:
        p = outcome.problem
        return replace(outcome, problem=Problem(_relabel(p.path, location, shown), _relabel(p.message, location, shown),
                                                p.line))
    ex = outcome.extraction
    assert ex is not None
    document = replace(ex.document, path=_relabel(ex.document.path, location, shown))
    warnings = tuple(_relabel(w, location, shown) for w in ex.warnings)
    return replace(outcome, extraction=replace(ex, document=document, warnings=warnings))


def _extract_local(index: int, path: Path, shown: str, doc_id: str = "", featured: bool = True) -> Outcome:
    from bibkaz.formats.library_json import without_text
    from bibkaz.pipeline import extract_document, failure_problem
    from bibkaz.resolve.features import packed

    try:
        extraction, parsed = extract_document(path, doc_id)
    except InputError as exc:
        return Outcome(index, problem=exc.problem)
    except Exception as exc:  # noqa: BLE001 - one document's failure must not lose the run
        return Outcome(index, problem=failure_problem(Path(shown), exc))
    slim = replace(extraction, document=without_text(extraction.document))
    feats: tuple[Packed, ...] = ()
    if featured:
        meta = extraction.document.meta
        feats = tuple(packed(p.record) for p in parsed) + ((packed(meta, True),) if meta is not None else ())
    return Outcome(index, slim, tuple(parsed), features=feats)


def _extract_url(source: Source, featured: bool) -> Outcome:
    """Copy the document to a private temporary folder under its own file name
    (its name is its id) and extract it there; only this worker reads it."""
    import fsspec

    folder = tempfile.mkdtemp(prefix="bibkaz-")
    local = os.path.join(folder, source.location.rstrip("/").rsplit("/", 1)[-1])
    try:
        try:
            with fsspec.open(source.location, "rb") as remote, open(local, "wb") as out:
                shutil.copyfileobj(remote, out, 1 << 20)
        except (OSError, ValueError) as exc:
            return Outcome(source.index, problem=Problem(source.shown, f"cannot read: {exc}"))
        outcome = _extract_local(source.index, Path(local), source.shown, source.id, featured)
        return _shown_as(outcome, local, source.shown)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def extract_source(source: Source, featured: bool = True) -> Outcome:
    """Read, extract, parse and link one document; never raises. ``featured``: with the
    resolver's features of its records (not worth it in the client's own process, where
    the resolver computes them once per distinct record)."""
    if source.is_url:
        return _extract_url(source, featured)
    outcome = _extract_local(source.index, Path(source.location), source.shown, source.id, featured)
    return _shown_as(outcome, source.location, source.shown)


def extract_sources(sources: Sequence[Source]) -> list[Outcome]:
    """:func:`extract_source` over a few documents in one task (a Dask task costs more than
    a process pool's: see :data:`bibkaz.run.dask_runner.BATCH`)."""
    return [extract_source(source) for source in sources]

"""The whole pipeline for a set of document paths: read → extract → parse → link → resolve.

One bad document never loses the others: reading and extraction problems are
collected per file and returned with the library. Any exception inside one
document's extraction, even a bug of ours, becomes a one-line problem naming
that file; the other documents are still resolved and written.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Mapping, Sequence

from bibkaz.extract import find, link_author_date
from bibkaz.limits import MAX_REFERENCE_CHARS, clip_lines
from bibkaz.model import (
    Document, Extraction, InputError, Library, Mention, ParsedReference, Problem, RawReference, Record,
)
from bibkaz.parse import parse_raws
from bibkaz.read import read_with_problems
from bibkaz.resolve.assemble import Resolution

if TYPE_CHECKING:
    from bibkaz.run import Runner


@dataclass(frozen=True)
class Built:
    library: Library
    extractions: tuple[Extraction, ...]
    problems: tuple[Problem, ...]
    #: The resolver's report (merges and near misses), for ``extract --explain``.
    resolution: Resolution | None = None


#: The words that mark a per-reference review warning (``extract -q`` counts these instead of printing them).
REVIEW_WARNING = "flagged for review"


def located(problem: Problem, document: Document) -> str:
    """``problem`` as one line naming file, page and line ("brief.pdf: p. 3, line 120: …") when the
    document has pages, so a user finds the place in the PDF they hold; "file:line: …" otherwise."""
    page = document.page_of(problem.line) if problem.line else 0
    if not page:
        return str(problem)
    return f"{problem.path}: p. {page}, line {problem.line}: {problem.message}"


def _warnings(
    document: Document, refs: list[RawReference], mentions: list[Mention], parsed: list[ParsedReference]
) -> tuple[str, ...]:
    """What a user should look at in this document: one line each, naming file and line (and page)."""
    path = document.path
    out: list[Problem] = []
    if document.encoding not in ("utf-8", "utf-8-replaced"):  # replaced bytes have a warning of their own
        out.append(Problem(path, f"not plain UTF-8: decoded as {document.encoding}"))
    if not refs and not mentions:
        out.append(Problem(path, "no references, notes or citations found"))
    for r in refs:
        if len(r.text) > MAX_REFERENCE_CHARS:
            out.append(Problem(path, f"reference is {len(r.text):,} characters, over the "
                                     f"{MAX_REFERENCE_CHARS:,} limit: only its start was parsed", r.line))
    for p in parsed:
        if p.record.needs_review:
            text = p.reference.text if len(p.reference.text) <= 60 else p.reference.text[:57] + "..."
            out.append(Problem(path, f"reference looks malformed, {REVIEW_WARNING} (confidence "
                                     f"{p.record.confidence:.2f}): {text}", p.reference.line))
    return tuple(located(problem, document) for problem in out)


def extract_document(path: Path, doc_id: str = "") -> tuple[Extraction, list[ParsedReference]]:
    """Read, extract, parse and link one document (named ``doc_id`` when the run gave it an id
    of its own: see :func:`bibkaz.run.sources.unique_ids`)."""
    document, problems = read_with_problems(path)
    if doc_id:
        document = replace(document, id=doc_id)
    document, clipped = clip_lines(document)
    doc, refs, mentions, author_date, limited = find(document)
    parsed = parse_raws(refs)
    linked = link_author_date(doc.id, author_date, {p.reference: p.record for p in parsed})
    all_mentions = sorted([*mentions, *linked], key=lambda m: m.line)
    warnings = tuple(located(p, doc) for p in [*problems, *clipped, *limited]) + _warnings(doc, refs, all_mentions, parsed)
    return Extraction(doc, tuple(refs), tuple(all_mentions), warnings), parsed


def failure_problem(path: Path, exc: BaseException) -> Problem:
    """One line for an unexpected failure in one document: where in our code, and what."""
    import traceback

    frames = traceback.extract_tb(exc.__traceback__)
    where = f" in {Path(frames[-1].filename).stem}.{frames[-1].name}" if frames else ""
    detail = " ".join(str(exc).split())[:200]
    return Problem(str(path), f"extraction failed ({type(exc).__name__}{where}{': ' + detail if detail else ''}); "
                              f"a bibkaz bug, please report it")


def build_library(
    paths: Sequence[str | Path], existing_keys: Mapping[str, Record] | None = None, runner: Runner | None = None
) -> Built:
    """Run the pipeline over every document under ``paths`` (folders, files, fsspec URLs).

    ``runner`` says where the per-document work runs (``--jobs``, ``--cluster``;
    default: here, one document after another); results come back in input
    order, so the library is the same wherever it ran. Each Extraction comes
    back without its document's text (see :func:`bibkaz.formats.library_json.without_text`).
    Raises InputError only when nothing could be read at all.
    """
    from bibkaz.resolve import resolve_report
    from bibkaz.run import Serial, discover_sources

    sources = discover_sources(paths)
    problems: list[Problem] = []
    extractions: list[Extraction] = []
    parsed: list[ParsedReference] = []
    for outcome in (runner or Serial()).extract(sources):
        if outcome.problem is not None:
            problems.append(outcome.problem)
            continue
        assert outcome.extraction is not None
        extractions.append(outcome.extraction)
        parsed.extend(outcome.parsed)
    if not extractions:
        if problems:
            raise InputError(problems[0].path, problems[0].message, problems[0].line)
        raise InputError(", ".join(map(str, paths)), "no documents to read")
    resolution = resolve_report(extractions, parsed, existing_keys)
    return Built(resolution.library, tuple(extractions), tuple(problems), resolution)


def explain_labels(built: Built) -> list[str] | None:
    """How ``extract --explain`` names each resolved item: as :func:`bibkaz.resolve.explain.item_label`
    does, with the page before the line for a reference found in a PDF ("brief: p. 3, line 120 “…”").
    None when no document has pages (then the resolver's own names are used)."""
    from bibkaz.resolve.explain import item_label

    if built.resolution is None:
        return None
    paged = {doc.id: doc for doc in built.library.documents if doc.pages}
    if not paged:
        return None
    labels = []
    for item in built.resolution.items:
        ref = item.reference
        page = paged[ref.document].page_of(ref.line) if ref is not None and ref.document in paged else 0
        label = item_label(item)
        if page and ref is not None:
            label = label.replace(f"{ref.document}:{ref.line} ", f"{ref.document}: p. {page}, line {ref.line} ", 1)
        labels.append(label)
    return labels

"""The development part of the real-document corpus as labelled documents.

The gold files say which lines are notes and which are reference-list
entries (tests/corpus/README.md); every other line is running text, except
lines the gold does not need to state: back-matter headings, and page
furniture a PDF conversion repeats (running heads, page numbers). Those two
are recognised here, for labels only, the way a person labelling would.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Iterator

from bibkaz.extract.finder import labels as L
from bibkaz.extract.finder.features.section import heading_kind
from bibkaz.extract.finder.training.document import LabelledDocument
from bibkaz.read import read_document

_LINE_FORMATS = {".txt", ".md", ".text", ".markdown"}
_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?[-–]?\s*\d{1,4}\s*[-–]?\s*(?:of\s+\d+)?\s*$", re.I)


def side_by_side(gold: dict) -> bool:
    """Does the gold put two notes or list entries on one line? Then the document is set in columns
    that a conversion laid side by side (a two-column reference list, a table whose cells hold the
    works), and no one label per line says what its lines are."""
    seen: set[int] = set()
    for span in (*gold.get("list_entries", []), *gold.get("notes", [])):
        lines = set(range(int(span["line"]), int(span.get("end_line") or span["line"]) + 1))
        if lines & seen:
            return True
        seen |= lines
    return False


def corpus_documents(folder: str | Path, for_training: bool = False) -> Iterator[LabelledDocument]:
    """The folder's documents with a label for every line. ``for_training`` leaves out documents set
    in columns side by side (:func:`side_by_side`): labelled line by line they would teach that a
    table's rows are entries (scored, they are kept: the finder meets such documents)."""
    for gold_path in sorted(Path(folder).glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc_path = gold_path.with_name(gold["document"]) if gold.get("document") else None
        if doc_path is None or not doc_path.exists() or doc_path.suffix.lower() not in _LINE_FORMATS:
            continue  # gold lines are the file's lines: only formats read line for line
        if for_training and side_by_side(gold):
            continue
        lines = read_document(doc_path).text.split("\n")
        labels: list[str | None] = [None if not t.replace("\f", "").strip() else L.TEXT for t in lines]
        paged = any("\f" in t for t in lines)  # a PDF conversion: running heads repeat on its pages
        shapes = Counter(re.sub(r"\d+", "#", t.strip().lower()) for t in lines if t.strip())
        for i, text in enumerate(lines):
            if labels[i] is None:
                continue
            if heading_kind(text.strip()):
                labels[i] = L.HEADING
            elif _PAGE_NUMBER.match(text.replace("\f", "")) or (paged and shapes[re.sub(r"\d+", "#", text.strip().lower())] >= 4):
                labels[i] = L.FURNITURE
        for spans, start, cont in ((gold.get("list_entries", []), L.REF_START, L.REF_CONT),
                                   (gold.get("notes", []), L.NOTE_START, L.NOTE_CONT)):
            for span in spans:
                first, last = int(span["line"]), int(span.get("end_line") or span["line"])
                marked = False
                for n in range(first, min(last, len(lines)) + 1):
                    if labels[n - 1] is None or (labels[n - 1] == L.FURNITURE and marked):
                        continue
                    labels[n - 1] = cont if marked else start
                    marked = True
        yield LabelledDocument(f"corpus/{gold_path.name[:-10]}", tuple(lines), tuple(labels))

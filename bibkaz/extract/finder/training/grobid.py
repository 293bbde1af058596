"""GROBID's segmentation data (CC-BY 4.0) as labelled documents.

GROBID marks each PDF line with its zone but not where a reference-list entry
starts; its reference-segmenter data does, for some of the same articles. A
document whose reference list we can align with its segmented entries keeps
it (entry starts known); the others are cut before their reference list, so
they still teach running text, headings, footnotes and page furniture.
GROBID writes "!" for a dropped graphic line; it becomes a blank line.
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path
from typing import Iterator

from bibkaz.extract.finder import labels as L
from bibkaz.extract.finder.training.document import LabelledDocument

_ZONE = {
    "body": L.TEXT, "front": L.TEXT, "other": L.TEXT, "note:headnote": L.FURNITURE, "page": L.FURNITURE,
}
_NOTE_START = re.compile(r"^(?:\d{1,3}|[*†‡§¶])\s*\S")
_HEAD = re.compile(r"^(?:\d+(?:\.\d+)*\.?\s+)?[A-Z][A-Za-z ,&-]{2,60}$")


def _entry_starts(ref_doc: dict) -> dict[str, bool]:
    """Each reference line's text → whether it starts an entry."""
    starts: dict[str, bool] = {}
    for entry in ref_doc["entries"]:
        for i, line in enumerate(entry["lines"]):
            starts.setdefault(line.strip(), i == 0)
    return starts


def _label(zone: str, text: str, prev: str | None, starts: dict[str, bool] | None) -> str | None:
    if zone == "listBibl":
        if starts is None:
            return None
        start = starts.get(text.strip())
        if start is None:
            return None
        return L.REF_START if start else L.REF_CONT
    if zone == "note:footnote":
        if _NOTE_START.match(text):
            return L.NOTE_START
        return L.NOTE_CONT if prev in (L.NOTE_START, L.NOTE_CONT) else L.FURNITURE
    if zone in _ZONE:
        label = _ZONE[zone]
        if label == L.TEXT and len(text) < 70 and _HEAD.match(text.strip()) and prev != L.TEXT:
            return L.HEADING
        return label
    return L.TEXT  # appendices, acknowledgements, …: running text


def grobid_documents(data_dir: str | Path, limit: int | None = None) -> Iterator[LabelledDocument]:
    data_dir = Path(data_dir)
    with gzip.open(data_dir / "reference-segmenter.jsonl.gz", "rt", encoding="utf-8") as fh:
        refs = {d["doc"]: _entry_starts(d) for d in map(json.loads, fh)}
    count = 0
    with gzip.open(data_dir / "segmentation.jsonl.gz", "rt", encoding="utf-8") as fh:
        for doc in map(json.loads, fh):
            starts = refs.get(doc["doc"])
            lines: list[str] = []
            labels: list[str | None] = []
            prev: str | None = None
            for zone, text in doc["lines"]:
                if text.strip() in ("", "!"):
                    lines.append("")
                    labels.append(None)
                    continue
                label = _label(zone, text, prev, starts)
                if label is None:
                    break  # a reference list we cannot split: cut the document here
                lines.append(text)
                labels.append(label)
                prev = label
            if sum(1 for x in labels if x) >= 20:
                yield LabelledDocument(f"grobid/{doc['doc']}", tuple(lines), tuple(labels))
                count += 1
                if limit and count >= limit:
                    return

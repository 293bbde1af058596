"""Loading what synthetic documents are made of, from the shared training data.

References and titles come from AnyStyle's parser data (BSD-2, clean sources
only), wrapped entries and running text from GROBID's data (CC-BY 4.0). The
data is read from where it lies (``../shared/data`` by default), not copied
into the repository.
"""

from __future__ import annotations

import gzip
import json
import random
import re
from pathlib import Path

from bibkaz.extract.finder.training.synthetic import Material

_CLEAN_SOURCES = {"core", "gold", "good"}


def load_material(anystyle: str | Path, grobid_dir: str | Path, seed: int = 0, paragraphs: int = 6000) -> Material:
    refs: list[str] = []
    titles: list[str] = []
    with open(anystyle, encoding="utf-8") as fh:
        for row in map(json.loads, fh):
            if row.get("source") not in _CLEAN_SOURCES or "<italic>" in row["text"]:
                continue
            refs.append(row["text"])
            for title in row["fields"].get("title", []):
                t = title.strip(" .,;:“”\"'")
                if 3 <= len(t.split()) <= 14:
                    titles.append(t)
    grobid_dir = Path(grobid_dir)
    wrapped: list[list[str]] = []
    with gzip.open(grobid_dir / "reference-segmenter.jsonl.gz", "rt", encoding="utf-8") as fh:
        for doc in map(json.loads, fh):
            for entry in doc["entries"]:
                lines = [line.strip() for line in entry["lines"] if line.strip()]
                if lines:
                    wrapped.append(lines)
    rng = random.Random(seed)
    paras: list[str] = []
    with gzip.open(grobid_dir / "segmentation.jsonl.gz", "rt", encoding="utf-8") as fh:
        for doc in map(json.loads, fh):
            run: list[str] = []
            for zone, text in doc["lines"]:
                if zone == "body" and len(text) > 40:
                    run.append(text.strip())
                    continue
                if len(run) >= 3:
                    paras.append(_paragraph(run))
                run = []
    rng.shuffle(paras)
    return Material(tuple(refs), tuple(map(tuple, wrapped)), tuple(p for p in paras[:paragraphs] if p), tuple(titles))


def _paragraph(lines: list[str]) -> str:
    text = " ".join(lines)
    text = re.sub(r"(\w)- (\w)", r"\1\2", text)
    # Start and end at sentence boundaries, as a paragraph does.
    m = re.search(r"(?<=[.!?])\s+(?=[A-Z])", text)
    if m and m.start() < len(text) // 2:
        text = text[m.end():]
    end = max(text.rfind(". "), text.rfind(".")) if not text.endswith(".") else len(text) - 1
    return text[: end + 1] if end > 40 else ""

"""Training the note-part model: real notes of the corpus's development part, and synthetic notes.

A real note's segments are labelled from its gold file: a segment in which a
cited work's text begins is B, one inside that text is I, the rest O. Notes
that cite a work whose text stands elsewhere (a repeat citation) are left out:
their labels cannot be read off the gold. Synthetic notes put commentary
sentences (GROBID's running text), "See"/"See also" and several works joined
by ";" together, with the spans known as they are placed.
"""

from __future__ import annotations

import json
import random
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Collection, Iterator, Sequence

from bibkaz.extract.finder.lines import opening
from bibkaz.extract.finder.training.synthetic import Generator, Material
from bibkaz.extract.note_parts.features import featurize
from bibkaz.extract.note_parts.model import note_segments
from bibkaz.model import BibkazError
from bibkaz.parse.crf.training import fit

LabelledNote = tuple[str, list[str]]  # note text, one label per segment
_SPACES = re.compile(r"\s+")


def label_note(text: str, spans: Sequence[tuple[int, int]]) -> list[str]:
    """B/I/O for each segment of ``text`` (as the model cuts it), given where the cited works stand in it."""
    labels = []
    for seg in note_segments(text):
        label = "O"
        for start, end in spans:
            if seg.start <= start < seg.end or (start <= seg.start and seg.start + len(seg.text) // 2 < end):
                label = "B" if seg.start <= start < seg.end else "I"
                break
        labels.append(label)
    return labels


@dataclass(frozen=True)
class GoldNote:
    """A real note of the corpus and where the works its gold file gives stand in it."""

    document: str  # the gold file's name
    text: str
    spans: tuple[tuple[int, int], ...]


def gold_notes(folder: str | Path, documents: Collection[str] | None = None) -> Iterator[GoldNote]:
    """The notes of the corpus folder's text documents (of ``documents`` only, gold-file names, when given)
    whose cited works' texts all stand in the note; the spans are what cross-validation scores against."""
    for gold_path in sorted(Path(folder).glob("*.gold.json")):
        if documents is not None and gold_path.name not in documents:
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc = gold_path.with_name(gold.get("document", ""))
        if not doc.is_file() or doc.suffix.lower() not in (".txt", ".md"):
            continue
        lines = doc.read_text(encoding="utf-8", errors="replace").split("\n")
        works = {w["id"]: w for w in gold.get("works", [])}
        for note in gold.get("notes", []):
            first, last = int(note["line"]), int(note.get("end_line") or note["line"])
            raw = " ".join(lines[n - 1].replace("\f", "").strip() for n in range(first, min(last, len(lines)) + 1))
            text = _SPACES.sub(" ", opening(raw.strip())[2]).strip()
            spans = _spans(text, [_SPACES.sub(" ", works.get(wid, {}).get("text", "")).strip()
                                  for wid in note.get("works", [])])
            if spans is None or not text:
                continue
            yield GoldNote(gold_path.name, text, tuple(spans))


def _spans(text: str, work_texts: Sequence[str]) -> list[tuple[int, int]] | None:
    """Where each work's text stands in the note, or None when one is not there.

    A note citing three pages of the Congressional Record has three works whose
    first 40 characters are the same: each is looked for whole first, then by its
    opening, after the work before it (notes cite in reading order) before anywhere.
    """
    spans: list[tuple[int, int]] = []
    after = 0
    for wtext in work_texts:
        if not wtext:
            return None
        at = -1
        for probe, start in ((wtext, after), (wtext, 0), (wtext[:40], after), (wtext[:40], 0)):
            at = text.find(probe, start)
            if at >= 0:
                break
        if at < 0:
            return None
        spans.append((at, min(len(text), at + len(wtext))))
        after = at + 1
    return spans


def corpus_notes(folder: str | Path, documents: Collection[str] | None = None) -> Iterator[LabelledNote]:
    for note in gold_notes(folder, documents):
        yield note.text, label_note(note.text, note.spans)


def synthetic_notes(material: Material, count: int, seed: int = 0) -> list[LabelledNote]:
    gen = Generator(material, seed)
    r = random.Random(seed)
    out = []
    for _ in range(count):
        pieces: list[tuple[str, bool]] = []
        if r.random() < 0.4:
            pieces.append((_commentary(gen), False))
        for k in range(r.choice((0, 1, 1, 1, 2, 3))):
            lead = r.choice(("", "", "", "See ", "See also ", "Cf. ", "For more, see ")) if k == 0 or r.random() < 0.3 else ""
            pieces.append((lead, False))
            pieces.append(((official(r, gen) if r.random() < 0.3 else gen.reference()).rstrip("."), True))
        if r.random() < 0.25:
            pieces.append((_commentary(gen), False))
        text, spans, pos = "", [], 0
        joiner = "; " if r.random() < 0.7 else ". "
        for piece, cites in pieces:
            if not piece:
                continue
            if text and not text.endswith(" "):
                text += joiner if cites and spans else ". " if not text.endswith(".") else " "
            if cites:
                spans.append((len(text), len(text) + len(piece)))
            text += piece
        text = text.strip()
        if text and not text.endswith("."):
            text += "."
        if text:
            out.append((text, label_note(text, spans)))
    return out


_AGENCIES = ("CRS Report", "CRS In Focus", "CRS Insight", "GAO", "CBO", "OMB Circular", "Commerce OIG", "IRS Notice")
_TITLES_OF_LAW = ("Federal Acquisition Regulation (FAR)", "Code of Federal Regulations", "Internal Revenue Code",
                  "Social Security Act", "National Defense Authorization Act", "Foreign Assistance Act")


def official(r: random.Random, gen: Generator) -> str:
    """A citation of a government or legal document, as reports write them: a statute, a public
    law, a bill, a report with its number, an executive order, a regulation's section."""
    n = r.randint(1, 999)
    forms = (
        f"{r.randint(1, 50)} U.S.C. §{r.randint(100, 9999)}{r.choice(('', '(a)', '(c)(2)'))}",
        f"P.L. {r.randint(90, 119)}-{n}{r.choice(('', f', §{r.randint(1, 900)}'))}",
        f"Pub. L. No. {r.randint(90, 119)}-{n}, {r.randint(80, 138)} Stat. {r.randint(1, 3000)} ({r.randint(1970, 2025)})",
        f"{r.choice(('H.R.', 'S.', 'H.Res.', 'S.Res.'))} {n}",
        f"{r.choice(('H.Rept.', 'S.Rept.', 'H.Doc.'))} {r.randint(90, 119)}-{n}",
        f"{r.randint(1, 138)} Stat. {r.randint(1, 3000)}",
        f"Executive Order {r.randint(10000, 14999)} of {gen.date()}",
        f"{r.choice(_TITLES_OF_LAW)} {r.randint(1, 99)}.{r.randint(100, 999)}-{r.randint(1, 9)}{r.choice(('', '(d)', '(b)(1)'))}",
        f"{r.randint(1, 50)} C.F.R. §{r.randint(1, 999)}.{r.randint(1, 99)}",
        f"{r.randint(50, 91)} Federal Register {r.randint(100, 99999)}, {gen.date()}",
        f"{r.choice(_AGENCIES)} {r.choice(('R', 'RL', 'RS', 'IF', 'IN', 'GAO-'))}{r.randint(10000, 49999)}, "
        f"{r.choice(gen.m.titles)}{r.choice(('', f', by {gen.person()}', f', by {gen.person()} and {gen.person()}'))}",
    )
    return r.choice(forms)


def _prose(gen: Generator) -> str:
    sentences = re.split(r"(?<=\.)\s+", gen.paragraph())
    return " ".join(sentences[: gen.r.randint(1, 3)]).rstrip(".")


def _commentary(gen: Generator) -> str:
    """Running text as notes explain things, at times quoting a few words ("the rule requires “at least
    67 Senators”"): a quote alone does not make a citation. (The finder's note texts are not used here:
    many of them cite works, and a commentary piece is labelled O.)"""
    text = _prose(gen)
    words = text.split()
    if len(words) > 8 and gen.r.random() < 0.3:
        at = gen.r.randint(1, len(words) - 7)
        n = gen.r.randint(2, 6)
        if any(w.endswith(".") for w in words[at:at + n - 1]):
            return text  # a quote within one sentence
        words[at] = "“" + words[at]
        words[at + n - 1] = words[at + n - 1].rstrip(",.;:") + "”"
        text = " ".join(words)
    return text


def train_note_parts(notes: Sequence[LabelledNote], model_path: str | Path, c1: float = 0.1, c2: float = 0.01,
                     iterations: int = 150) -> tuple[int, float]:
    if not notes:
        raise BibkazError("no labelled notes to train the note-part model on")
    start = time.perf_counter()
    fit(((featurize(note_segments(text)), labels) for text, labels in notes), model_path, c1, c2, iterations)
    return len(notes), time.perf_counter() - start

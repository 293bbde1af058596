"""Cross-validated accuracy of the note-part model on the development corpus (issue 11).

The shipped note-part model is trained on every dev document, so scoring it on
dev flatters it. This bench splits the dev documents into k folds (k = 3; a
document's fold is fixed by a hash of its gold file's name, so every run and
every feature set sees the same folds), trains a model on the other folds plus
the same non-corpus data ``bibkaz train --note-parts`` uses (synthetic notes
from the shared data, seed 7; corpus notes repeated three times), and scores
the held-out fold:

- segment accuracy: share of the held-out notes' segments labelled as the gold
  file says (B, I, O; labels built as training.py builds them);
- note exact: share of held-out notes whose ``citing_parts()`` equal the gold
  works' texts in the note, in order (spaces collapsed; end punctuation, a
  leading "See" and back-links "^ a b" ignored); purely explanatory notes count right when no part
  comes out;
- parts: cited parts that equal a gold work's text (right), that match none
  (commentary or a cut work given as a work), and gold works no part equals;
- with ``--extract``: whole-document figures of bench/extract_accuracy.py on the
  held-out fold's documents, with ``bibkaz.extract.notes.citing_parts`` using
  the fold's model (the line finder stays the shipped one).

The test part is never read. Run from the repository root:

    python bench/note_parts_cv.py ../shared/data [--extract] [--errors] [--json out.json]
        [--baseline OLD_DIR]

``--baseline DIR`` trains, tags and cuts parts with the ``features.py`` and
``model.py`` found in DIR (e.g. ``git show COMMIT:bibkaz/extract/note_parts/features.py
> DIR/features.py``, the same for model.py) instead of the package's, so old
and new code are compared on the same folds, data and scoring.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import importlib.util
import json
import re
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any, Callable, Sequence

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

DEV = ROOT / "tests" / "corpus" / "dev"
K = 3
SYNTHETIC = 3000  # as bibkaz train --note-parts
CORPUS_REPEAT = 3
_SPACES = re.compile(r"\s+")
_LEAD = re.compile(r"^(?:see also|see, e\.g\.,|see generally|see, for example,|see|cf\.)\s+", re.I)


def fold_of(name: str, k: int = K) -> int:
    """A document's fold: a hash of its gold file's name (stable across runs and machines)."""
    return int(hashlib.sha1(name.encode("utf-8")).hexdigest(), 16) % k


def dev_folds(k: int = K) -> list[list[str]]:
    names = sorted(p.name for p in DEV.glob("*.gold.json"))
    folds: list[list[str]] = [[] for _ in range(k)]
    for name in names:
        folds[fold_of(name, k)].append(name)
    return folds


def norm_part(s: str) -> str:
    """A cited part or gold work text, compared without spacing, end punctuation, a leading "See" or
    Wikipedia's back-links ("^ a b"; older code left them in its parts)."""
    from bibkaz.extract.note_parts.model import body_start

    s = _SPACES.sub(" ", s).strip().strip("*_ ")
    s = s[body_start(s):]
    s = _LEAD.sub("", s)
    return s.rstrip(" .;,").strip()


@dataclass
class FoldScore:
    segments: int = 0
    segments_right: int = 0
    notes: int = 0
    notes_exact: int = 0
    parts_out: int = 0
    parts_right: int = 0
    gold_parts: int = 0
    confusion: dict[str, int] = field(default_factory=dict)  # "gold>tagged" counts
    errors: list[dict[str, Any]] = field(default_factory=list)
    extract: dict[str, Any] = field(default_factory=dict)

    def add(self, other: "FoldScore") -> None:
        for name in ("segments", "segments_right", "notes", "notes_exact", "parts_out", "parts_right", "gold_parts"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for key, n in other.confusion.items():
            self.confusion[key] = self.confusion.get(key, 0) + n

    def summary(self) -> dict[str, Any]:
        def share(a: int, b: int) -> float | None:
            return round(a / b, 4) if b else None

        return {
            "segments": self.segments, "segment_accuracy": share(self.segments_right, self.segments),
            "notes": self.notes, "note_exact": share(self.notes_exact, self.notes),
            "parts_out": self.parts_out, "parts_right": self.parts_right, "gold_parts": self.gold_parts,
            "part_precision": share(self.parts_right, self.parts_out),
            "part_recall": share(self.parts_right, self.gold_parts),
            "confusion": dict(sorted(self.confusion.items())), **({"extract": self.extract} if self.extract else {}),
        }


@dataclass(frozen=True)
class Variant:
    """The features and the labelling/post-processing code a model is trained and scored with."""

    featurize: Callable[..., Any]
    label_segments: Callable[..., Any]
    citing_parts: Callable[..., Any]


def _module(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_variant(baseline: Path | None) -> Variant:
    """The package's code, or the features.py / model.py of another folder (e.g. files of an older commit,
    ``git show HEAD:bibkaz/extract/note_parts/features.py > old/features.py``): the same folds, data and
    scoring for both, so old and new are compared fairly."""
    from bibkaz.extract.note_parts import features, model

    if baseline is None:
        return Variant(features.featurize, model.label_segments, model.citing_parts)
    feats = _module(baseline / "features.py", "note_parts_baseline_features") \
        if (baseline / "features.py").exists() else features
    mod = _module(baseline / "model.py", "note_parts_baseline_model") if (baseline / "model.py").exists() else model
    if mod is model:
        return Variant(feats.featurize, model.label_segments, model.citing_parts)
    mod.featurize = feats.featurize
    # training labels and features come from the segments the older code cut
    from bibkaz.extract.note_parts import segments, training

    training.note_segments = getattr(mod, "note_segments", segments.segments)
    return Variant(feats.featurize, mod.label_segments, mod.citing_parts)


def score_notes(variant: Variant, fold_docs: Sequence[str], model_path: Path, keep_errors: bool) -> FoldScore:
    from bibkaz.extract.note_parts.training import gold_notes, label_note

    s = FoldScore()
    for note in gold_notes(DEV, set(fold_docs)):
        gold_labels = label_note(note.text, note.spans)
        tagged = [label for _, label in variant.label_segments(note.text, model_path)]
        for g, t in zip(gold_labels, tagged):
            s.segments += 1
            s.segments_right += g == t
            if g != t:
                s.confusion[f"{g}>{t}"] = s.confusion.get(f"{g}>{t}", 0) + 1
        want = [norm_part(note.text[a:b]) for a, b in note.spans]
        got = [norm_part(p) for p in variant.citing_parts(note.text, model_path)]
        s.notes += 1
        s.notes_exact += want == got
        s.gold_parts += len(want)
        s.parts_out += len(got)
        s.parts_right += len(set(got) & set(want))
        if keep_errors and want != got:
            s.errors.append({"document": note.document, "note": note.text[:300],
                             "gold": want, "got": got, "labels": "".join(tagged), "gold_labels": "".join(gold_labels)})
    return s


def score_extract(variant: Variant, fold_docs: Sequence[str], model_path: Path) -> dict[str, Any]:
    """bench/extract_accuracy.py's figures on the fold's documents, notes read with the fold's model."""
    import extract_accuracy as ea

    from bibkaz.extract import notes

    original = notes.citing_parts
    notes.citing_parts = functools.partial(variant.citing_parts, model_path=model_path)
    try:
        total = ea.ToolScore()
        per_document: dict[str, list[int]] = {}
        for doc, gold_path in ea.corpus_documents("dev"):
            if gold_path.name not in fold_docs:
                continue
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            one = ea.score_document(doc, gold, ("bibkaz",))["bibkaz"]
            total.add(one)
            per_document[doc.name] = [one.found, one.spurious, one.outputs]
    finally:
        notes.citing_parts = original
    out = total.summary()
    fields_right = sum(c.get("right", 0) for c in out["fields"].values())
    fields_scored = sum(sum(v for k, v in c.items() if k != "accuracy") for c in out["fields"].values())
    return {k: out[k] for k in ("gold_works", "found", "recall", "output_works", "spurious", "spurious_share",
                                "duplicates", "field_accuracy", "citations_linked", "citations_total",
                                "citations_share")} | {"fields_right": fields_right, "fields_scored": fields_scored,
                                                        "per_document (found, spurious, output)": per_document}


def train_fold(variant: Variant, train_docs: Sequence[str], synthetic: list, out: Path) -> tuple[int, float]:
    from bibkaz.extract.note_parts import training

    notes = list(training.corpus_notes(DEV, set(train_docs))) * CORPUS_REPEAT + synthetic
    original = training.featurize
    training.featurize = variant.featurize
    try:
        return training.train_note_parts(notes, out)
    finally:
        training.featurize = original


def pct(x: float | None) -> str:
    return "–" if x is None else f"{100 * x:.1f} %"


def row(name: str, s: dict[str, Any]) -> str:
    cells = [name, f"{pct(s['segment_accuracy'])} ({s['segments']})", f"{pct(s['note_exact'])} ({s['notes']})",
             f"{pct(s['part_precision'])} ({s['parts_right']}/{s['parts_out']})",
             f"{pct(s['part_recall'])} ({s['parts_right']}/{s['gold_parts']})"]
    e = s.get("extract")
    if e:
        cells += [f"{pct(e['recall'])} ({e['found']}/{e['gold_works']})",
                  f"{pct(e['spurious_share'])} ({e['spurious']}/{e['output_works']})",
                  pct(e["field_accuracy"]), f"{pct(e['citations_share'])} ({e['citations_linked']}/{e['citations_total']})"]
    return "| " + " | ".join(cells) + " |"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", type=Path, help="the shared data folder (anystyle-train.jsonl and grobid/)")
    ap.add_argument("--extract", action="store_true", help="also whole-document figures on each held-out fold")
    ap.add_argument("--errors", action="store_true", help="print the held-out notes whose parts are wrong")
    ap.add_argument("--baseline", type=Path, help="a folder with features.py and/or model.py to use instead of the "
                    "package's (the older code, for a fair comparison)")
    ap.add_argument("--json", type=Path, help="write every figure here")
    ap.add_argument("--keep-models", type=Path, help="keep each fold's model in this folder (fold0.crfsuite, …)")
    args = ap.parse_args(argv)
    variant = load_variant(args.baseline)

    from bibkaz.extract.finder.training.material import load_material
    from bibkaz.extract.note_parts.training import synthetic_notes

    material = load_material(args.data / "anystyle-train.jsonl", args.data / "grobid", seed=7)
    synthetic = synthetic_notes(material, SYNTHETIC, seed=7)
    folds = dev_folds()
    per_fold: list[dict[str, Any]] = []
    total = FoldScore()
    with tempfile.TemporaryDirectory() as tmp:
        if args.keep_models:
            args.keep_models.mkdir(parents=True, exist_ok=True)
        for i, held_out in enumerate(folds):
            train_docs = [n for j, f in enumerate(folds) if j != i for n in f]
            model_path = (args.keep_models or Path(tmp)) / f"fold{i}.crfsuite"
            count, seconds = train_fold(variant, train_docs, synthetic, model_path)
            print(f"fold {i}: trained on {count} notes ({len(train_docs)} documents) in {seconds:.0f} s", file=sys.stderr)
            s = score_notes(variant, held_out, model_path, args.errors)
            if args.extract:
                s.extract = score_extract(variant, held_out, model_path)
            total.add(s)
            per_fold.append({"documents": len(held_out), **s.summary()})
            if args.errors:
                for e in s.errors:
                    print(json.dumps(e, ensure_ascii=False))
    mean = {k: round(sum(f[k] for f in per_fold) / len(per_fold), 4)
            for k in ("segment_accuracy", "note_exact", "part_precision", "part_recall")}
    if args.extract:
        mean |= {f"extract_{k}": round(sum(f["extract"][k] for f in per_fold) / len(per_fold), 4)
                 for k in ("recall", "spurious_share", "field_accuracy", "citations_share")}
    print(f"# note parts, {K}-fold cross-validation on dev ({sum(map(len, folds))} documents), "
          f"{time.strftime('%Y-%m-%d')}\n")
    head = "| fold | segment accuracy | note exact | parts precision | parts recall |"
    if args.extract:
        head += " extract recall | spurious | field accuracy | citations linked |"
    print(head)
    print("|" + "---|" * (head.count("|") - 1))
    for i, f in enumerate(per_fold):
        print(row(f"{i} ({f['documents']} docs)", f))
    print(row("**pooled**", total.summary() | ({"extract": _pooled_extract(per_fold)} if args.extract else {})))
    print("\nmean of folds: " + ", ".join(f"{k} {pct(v)}" for k, v in mean.items()))
    print("pooled segment errors (gold>tagged): " + ", ".join(f"{k} {v}" for k, v in total.summary()["confusion"].items()))
    if args.json:
        args.json.write_text(json.dumps({"date": time.strftime("%Y-%m-%d"), "k": K, "folds": folds,
                                         "per_fold": per_fold, "pooled": total.summary(), "mean": mean},
                                        indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


def _pooled_extract(per_fold: list[dict[str, Any]]) -> dict[str, Any]:
    """The folds' whole-document counts summed, shares recomputed."""
    keys = ("gold_works", "found", "output_works", "spurious", "citations_linked", "citations_total", "fields_right",
            "fields_scored")
    s = {k: sum(f["extract"][k] for f in per_fold) for k in keys}
    s["recall"] = s["found"] / s["gold_works"] if s["gold_works"] else None
    s["spurious_share"] = s["spurious"] / s["output_works"] if s["output_works"] else None
    s["citations_share"] = s["citations_linked"] / s["citations_total"] if s["citations_total"] else None
    s["field_accuracy"] = s["fields_right"] / s["fields_scored"] if s["fields_scored"] else None
    return s


if __name__ == "__main__":
    sys.exit(main())

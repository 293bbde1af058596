"""Cross-validated accuracy of the line finder on the development corpus (issue 11).

The shipped finder is trained on every dev document, so scoring it on dev
flatters it (the test part showed it: recall well below dev's). This bench
splits the dev documents into k folds (k = 3; a document's fold is fixed by a
hash of its gold file's name, as bench/note_parts_cv.py does), trains a finder
on the other folds plus the same non-corpus material ``bibkaz train --finder``
uses (synthetic documents and GROBID articles, with the settings of the
variant's ``training/train.py: DEFAULT``), and scores the held-out fold:

- per line: label accuracy over the held-out documents' non-blank lines, and
  precision / recall of every label, against the labels the variant's
  training code derives from the gold files (``training/corpus.py``);
- end to end: bench/extract_accuracy.py's figures (recall, spurious, field
  accuracy, citations linked) on the held-out documents, extracted with the
  fold's model (the rest of bibkaz as it stands).

A *variant* is a copy of the finder package (``bibkaz/extract/finder``: its
features, labels, training code and settings). Both variants run in worker
processes on a copy of the package taken when the comparison starts, with
the variant's finder folder in place of the package's, so that editing the
package while a comparison runs changes nothing, and ``--baseline DIR`` (a
finder folder, e.g. ``mkdir -p /tmp/old && git archive HEAD bibkaz/extract/finder
| tar -x -C /tmp/old --strip-components=3``) is compared with the current code
on the same folds, documents, data and scoring. The document list is a
snapshot taken at the start (``--documents FILE`` reuses a saved one: the
corpus grows while people work). Fold models are cached by the variant's
source, its training documents and the data folder (``--cache``), so a
baseline is trained once across comparisons.

Training settings may be overridden for both variants (``--synthetic``,
``--grobid``, ``--corpus-repeat``, ``--c1``, ``--c2``, ``--iterations``), e.g. to
compare features at a cheaper scale; ``--jobs`` trains that many folds at
once (each a single-threaded crfsuite run, ~0.3 GB). Workers run with
PYTHONHASHSEED=0.

The test part is never read. Run from the repository root:

    python bench/finder_cv.py ../shared/data [--baseline OLD_FINDER_DIR] [--documents snapshot.json]
        [--json out.json] [--errors] [--jobs 3]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Sequence

#: The repository (a worker runs a copy of this script made elsewhere, and is told where it is).
ROOT = Path(os.environ.get("FINDER_CV_ROOT") or Path(__file__).resolve().parents[1])
DEV = ROOT / "tests" / "corpus" / "dev"
FINDER = ROOT / "bibkaz" / "extract" / "finder"
K = 3
CACHE = Path(tempfile.gettempdir()) / "bibkaz_finder_cv"
LABELS = ("text", "heading", "ref-start", "ref-cont", "note-start", "note-cont", "furniture")
#: Training settings (``training/train.py: DEFAULT``) a comparison may override for both variants.
BUILD_SETTINGS = ("synthetic", "grobid", "corpus_repeat", "seed")
FIT_SETTINGS = ("c1", "c2", "iterations")
_EXTRACT_KEYS = ("gold_works", "found", "output_works", "spurious", "citations_linked", "citations_total",
                 "fields_right", "fields_scored")


def fold_of(name: str, k: int = K) -> int:
    """A document's fold: a hash of its gold file's name (stable across runs and machines)."""
    return int(hashlib.sha1(name.encode("utf-8")).hexdigest(), 16) % k


def snapshot(folder: Path = DEV) -> list[str]:
    """The gold files of the dev part now (the list a comparison keeps to the end)."""
    return sorted(p.name for p in folder.glob("*.gold.json"))


def folds_of(names: Sequence[str], k: int = K) -> list[list[str]]:
    folds: list[list[str]] = [[] for _ in range(k)]
    for name in sorted(names):
        folds[fold_of(name, k)].append(name)
    return folds


# --------------------------------------------------------------------------- variants and their trees


def _source_hash(finder_dir: Path) -> str:
    """The variant's code: every .py file of the finder folder (the model file is no part of it)."""
    h = hashlib.sha1()
    for path in sorted(finder_dir.rglob("*.py")):
        if "__pycache__" in path.parts:
            continue
        h.update(str(path.relative_to(finder_dir)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def make_tree(finder_dir: Path, where: Path) -> Path:
    """A copy of the package with ``finder_dir`` as its finder; the folder to put first on sys.path."""
    root = where / _source_hash(finder_dir)
    if root.exists():
        return root
    ignore = shutil.ignore_patterns("__pycache__", "*.crfsuite")
    shutil.copytree(ROOT / "bibkaz", root / "bibkaz", ignore=ignore)
    target = root / "bibkaz" / "extract" / "finder"
    shutil.rmtree(target)
    shutil.copytree(finder_dir, target, ignore=ignore)
    # the package's other models (parser, note parts) are read from the copy too
    for model in (ROOT / "bibkaz").rglob("*.crfsuite"):
        rel = model.relative_to(ROOT / "bibkaz")
        if rel.parts[:2] != ("extract", "finder"):
            (root / "bibkaz" / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(model, root / "bibkaz" / rel)
    return root


def subset_folder(names: Sequence[str], where: Path) -> Path:
    """A folder of links to these gold files and their documents (what corpus readers take)."""
    key = hashlib.sha1("\n".join(sorted(names)).encode()).hexdigest()[:16]
    folder = where / f"docs-{key}"
    if folder.exists():
        return folder
    folder.mkdir(parents=True)
    for name in names:
        gold = DEV / name
        (folder / name).symlink_to(gold)
        stem = name[: -len(".gold.json")]
        document = json.loads(gold.read_text(encoding="utf-8")).get("document", "")
        for path in DEV.glob(stem + ".*"):
            if path.name != name:
                (folder / path.name).symlink_to(path)
        if document and not (folder / document).exists() and (DEV / document).exists():
            (folder / document).symlink_to(DEV / document)
    return folder


# --------------------------------------------------------------------------- the worker (in a variant's tree)


def worker(data: Path, train_dir: Path, test_dir: Path, model: Path, out: Path, errors: bool,
           overrides: dict[str, Any]) -> None:
    """Train (unless the model is cached) and score one fold; runs with the variant's tree first on sys.path."""
    import bibkaz.extract as extract_module
    from bibkaz.extract.finder.model import LineFinder
    from bibkaz.extract.finder.training.corpus import corpus_documents
    from bibkaz.extract.finder.training.train import DEFAULT, build_training_set, train_finder

    tree = Path(os.environ.get("PYTHONPATH", ".")).resolve()
    if not Path(extract_module.__file__).resolve().is_relative_to(tree):
        raise SystemExit(f"the worker runs {extract_module.__file__}, not the variant's copy in {tree}")
    trained: dict[str, Any] = {}
    lock = model.with_suffix(".training")
    if not model.exists():
        try:
            lock.touch(exist_ok=False)
        except FileExistsError:  # another comparison trains this very model: wait for it
            while lock.exists() and not model.exists():
                time.sleep(10)
    if not model.exists():
        try:
            settings = dict(DEFAULT) | overrides
            docs = build_training_set(data, train_dir, **{k: settings[k] for k in BUILD_SETTINGS if k in settings})
            result = train_finder(docs, model, **{k: settings[k] for k in FIT_SETTINGS if k in settings})
        finally:
            lock.unlink(missing_ok=True)
        trained = {"documents": result.documents, "lines": result.lines, "seconds": round(result.seconds, 1)}
    finder = LineFinder(model)
    confusion: dict[str, int] = {}
    wrong: list[dict[str, Any]] = []
    for doc in corpus_documents(test_dir):
        lines, tagged = finder.label(list(doc.lines))
        for line, gold, got in zip(lines, doc.non_blank_labels(), tagged):
            confusion[f"{gold}>{got}"] = confusion.get(f"{gold}>{got}", 0) + 1
            if errors and gold != got:
                wrong.append({"document": doc.name, "line": line.number, "gold": gold, "got": got,
                              "text": line.stripped[:100]})
    score = {"settings": dict(DEFAULT) | overrides, "trained": trained, "confusion": confusion,
             "extract": _extract_figures(test_dir, model), "errors": wrong}
    out.write_text(json.dumps(score, ensure_ascii=False), encoding="utf-8")


def _extract_figures(test_dir: Path, model: Path) -> dict[str, Any]:
    """bench/extract_accuracy.py's figures on the fold's documents, lines labelled by the fold's model."""
    sys.path.insert(1, str(ROOT / "bench"))
    import extract_accuracy as ea

    import bibkaz.extract as extract_module
    from bibkaz.extract.finder.model import LineFinder

    fold_finder = LineFinder(model)
    extract_module.finder = lambda *_args, **_kwargs: fold_finder  # type: ignore[attr-defined]
    total = ea.ToolScore()
    per_document: dict[str, list[int]] = {}
    for doc, gold_path in ea.corpus_documents("dev"):
        if not (test_dir / gold_path.name).exists():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        one = ea.score_document(doc, gold, ("bibkaz",))["bibkaz"]
        total.add(one)
        per_document[doc.name] = [one.found, one.gold_works, one.spurious, one.outputs]
    out = total.summary()
    fields = out["fields"].values()
    return {k: out[k] for k in ("gold_works", "found", "output_works", "spurious", "citations_linked",
                                "citations_total")} | {
        "fields_right": sum(c.get("right", 0) for c in fields),
        "fields_scored": sum(sum(v for k, v in c.items() if k != "accuracy") for c in fields),
        "per_document (found, gold, spurious, output)": per_document}


# --------------------------------------------------------------------------- running and reporting


def run_fold(name: str, i: int, held_out: list[str], train: list[str], tree: Path, source: str, data: Path,
             work: Path, cache: Path, errors: bool, overrides: dict[str, Any]) -> dict[str, Any]:
    """One fold of one variant, in a worker process on the variant's tree (and this script as it was at the start)."""
    settings = json.dumps(overrides, sort_keys=True) if overrides else ""
    key = hashlib.sha1(f"{source}\n{data.resolve()}\n{settings}".encode() + "\n".join(train).encode()).hexdigest()[:20]
    model = cache / f"{key}.crfsuite"
    result = work / f"{name}-fold{i}.json"
    cmd = [sys.executable, str(work / "finder_cv.py"), "--worker", str(data.resolve()),
           str(subset_folder(train, work)), str(subset_folder(held_out, work)), str(model), str(result)]
    if errors:
        cmd.append("--errors")
    cmd.append(json.dumps(overrides))
    env = dict(os.environ, PYTHONPATH=str(tree), PYTHONHASHSEED="0", FINDER_CV_ROOT=str(ROOT))
    start = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, cwd=str(ROOT))
    score = json.loads(result.read_text(encoding="utf-8"))
    score["documents"] = len(held_out)
    score["train_documents"] = len(train)
    score["wall_seconds"] = round(time.perf_counter() - start, 1)
    print(f"{name} fold {i}: {len(held_out)} held out, {len(train)} trained on"
          + (f", trained in {score['trained']['seconds']:.0f} s" if score["trained"] else " (cached model)")
          + f", {score['wall_seconds']:.0f} s in all", file=sys.stderr)
    return score


def run_variants(variants: dict[str, Path], data: Path, folds: list[list[str]], work: Path, cache: Path,
                 errors: bool, jobs: int, overrides: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Every fold of every variant, ``jobs`` worker processes at a time."""
    tasks = []
    for name, finder_dir in variants.items():
        tree = make_tree(finder_dir, work / "trees")
        source = _source_hash(finder_dir)
        for i, held_out in enumerate(folds):
            train = sorted(n for j, f in enumerate(folds) if j != i for n in f)
            subset_folder(train, work), subset_folder(held_out, work)
            tasks.append((name, i, held_out, train, tree, source, data, work, cache, errors and name == "current",
                          overrides))
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        futures = [pool.submit(run_fold, *task) for task in tasks]
        scores = [f.result() for f in futures]
    results: dict[str, list[dict[str, Any]]] = {name: [] for name in variants}
    for task, score in zip(tasks, scores):
        results[task[0]].append(score)
    return results


def line_summary(confusion: dict[str, int]) -> dict[str, Any]:
    total = sum(confusion.values())
    right = sum(n for k, n in confusion.items() if k.split(">")[0] == k.split(">")[1])
    per_label = {}
    for label in LABELS:
        gold = sum(n for k, n in confusion.items() if k.split(">")[0] == label)
        tagged = sum(n for k, n in confusion.items() if k.split(">")[1] == label)
        hit = confusion.get(f"{label}>{label}", 0)
        per_label[label] = {"gold": gold, "tagged": tagged, "right": hit,
                            "precision": hit / tagged if tagged else None, "recall": hit / gold if gold else None}
    return {"lines": total, "right": right, "accuracy": right / total if total else None, "per_label": per_label}


def extract_summary(parts: Sequence[dict[str, Any]]) -> dict[str, Any]:
    s = {k: sum(p[k] for p in parts) for k in _EXTRACT_KEYS}
    s["recall"] = s["found"] / s["gold_works"] if s["gold_works"] else None
    s["spurious_share"] = s["spurious"] / s["output_works"] if s["output_works"] else None
    s["field_accuracy"] = s["fields_right"] / s["fields_scored"] if s["fields_scored"] else None
    s["citations_share"] = s["citations_linked"] / s["citations_total"] if s["citations_total"] else None
    return s


def pooled(scores: Sequence[dict[str, Any]]) -> dict[str, Any]:
    confusion: dict[str, int] = {}
    for s in scores:
        for k, n in s["confusion"].items():
            confusion[k] = confusion.get(k, 0) + n
    return {"documents": sum(s["documents"] for s in scores), "confusion": confusion,
            "extract": extract_summary([s["extract"] for s in scores])}


def pct(x: float | None) -> str:
    return "–" if x is None else f"{100 * x:.1f} %"


def table(results: dict[str, list[dict[str, Any]]]) -> list[str]:
    out = ["| variant | fold | line accuracy | note-start P/R | note-cont P/R | ref-start P/R | "
           "extract recall | spurious | field accuracy | citations linked |", "|" + "---|" * 10]
    for name, scores in results.items():
        for i, s in enumerate([*scores, pooled(scores)]):
            lines = line_summary(s["confusion"])
            e = extract_summary([s["extract"]]) if i < len(scores) else s["extract"]
            pl = lines["per_label"]
            pr = {label: f"{pct(pl[label]['precision'])} / {pct(pl[label]['recall'])}"
                  for label in ("note-start", "note-cont", "ref-start")}
            fold = f"{i} ({s['documents']} docs)" if i < len(scores) else "**pooled**"
            out.append(f"| {name} | {fold} | {pct(lines['accuracy'])} ({lines['lines']}) | {pr['note-start']} | "
                       f"{pr['note-cont']} | {pr['ref-start']} | {pct(e['recall'])} ({e['found']}/{e['gold_works']}) "
                       f"| {pct(e['spurious_share'])} ({e['spurious']}/{e['output_works']}) | "
                       f"{pct(e['field_accuracy'])} | {pct(e['citations_share'])} "
                       f"({e['citations_linked']}/{e['citations_total']}) |")
    return out


def label_table(results: dict[str, list[dict[str, Any]]]) -> list[str]:
    out = ["| label | " + " | ".join(f"{name} P / R" for name in results) + " |", "|---|" + "---|" * len(results)]
    summaries = {name: line_summary(pooled(scores)["confusion"]) for name, scores in results.items()}
    for label in LABELS:
        cells = []
        for name in results:
            p = summaries[name]["per_label"][label]
            cells.append(f"{pct(p['precision'])} / {pct(p['recall'])} ({p['gold']})")
        out.append(f"| {label} | " + " | ".join(cells) + " |")
    return out


def document_changes(results: dict[str, list[dict[str, Any]]]) -> list[str]:
    """Documents whose found or spurious counts differ between the two variants."""
    if len(results) != 2:
        return []
    (a, sa), (b, sb) = results.items()
    key = "per_document (found, gold, spurious, output)"
    da = {d: v for s in sa for d, v in s["extract"][key].items()}
    db = {d: v for s in sb for d, v in s["extract"][key].items()}
    out = []
    for d in sorted(da):
        if d in db and da[d] != db[d]:
            out.append(f"  {d}: {a} found {da[d][0]}/{da[d][1]} spurious {da[d][2]}; "
                       f"{b} found {db[d][0]}/{db[d][1]} spurious {db[d][2]}")
    return out


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--worker"]:
        data, train_dir, test_dir, model, out = map(Path, argv[1:6])
        worker(data, train_dir, test_dir, model, out, "--errors" in argv, json.loads(argv[-1]))
        return 0
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", type=Path, help="the shared data folder (anystyle-train.jsonl and grobid/)")
    ap.add_argument("--baseline", type=Path, help="a finder folder (features/, training/, …) to compare with")
    ap.add_argument("--variant", type=Path, default=FINDER, help="the finder folder to score (default: the package's)")
    ap.add_argument("--documents", type=Path, help="a JSON list of gold file names (a snapshot); written if absent")
    ap.add_argument("--cache", type=Path, default=CACHE, help=f"where fold models are kept (default {CACHE})")
    ap.add_argument("--json", type=Path, help="write every figure here")
    for name in BUILD_SETTINGS + FIT_SETTINGS:
        ap.add_argument(f"--{name.replace('_', '-')}", type=float if name[0] == "c" and name[1:].isdigit() else int,
                        help=f"train both variants with this {name} instead of their DEFAULT's (e.g. a cheaper scale)")
    ap.add_argument("--jobs", type=int, default=1, help="worker processes at a time (each trains a fold)")
    ap.add_argument("--errors", action="store_true", help="print the held-out lines labelled wrong (current variant)")
    args = ap.parse_args(argv)
    if args.documents and args.documents.exists():
        names = json.loads(args.documents.read_text(encoding="utf-8"))
    else:
        names = snapshot()
        if args.documents:
            args.documents.write_text(json.dumps(names, indent=0), encoding="utf-8")
    missing = [n for n in names if not (DEV / n).exists()]
    if missing:
        raise SystemExit(f"documents of the snapshot no longer in {DEV}: {', '.join(missing)}")
    folds = folds_of(names)
    args.cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="finder_cv_") as tmp:
        work = Path(tmp)
        # both trees are copied before anything is trained: later edits to the package change nothing
        # the current variant's folds first: a baseline's are often cached from an earlier comparison
        variants = {"current": args.variant}
        if args.baseline:
            variants["baseline"] = args.baseline
        shutil.copy2(Path(__file__).resolve(), work / "finder_cv.py")
        for name, finder_dir in variants.items():
            make_tree(finder_dir, work / "trees")
        overrides = {k: v for k, v in vars(args).items() if k in BUILD_SETTINGS + FIT_SETTINGS and v is not None}
        results = run_variants(variants, args.data, folds, work, args.cache, args.errors, args.jobs, overrides)
    results = {name: results[name] for name in ("baseline", "current") if name in results}
    print(f"# line finder, {K}-fold cross-validation on dev ({len(names)} documents), {time.strftime('%Y-%m-%d')}\n")
    print("\n".join(table(results)))
    print("\npooled per-label precision / recall (gold lines):\n")
    print("\n".join(label_table(results)))
    changes = document_changes(results)
    if changes:
        print("\ndocuments that changed (baseline, then current):")
        print("\n".join(changes))
    for name, scores in results.items():
        c = pooled(scores)["confusion"]
        print(f"\n{name} pooled line errors (gold>tagged): "
              + ", ".join(f"{k} {v}" for k, v in sorted(c.items(), key=lambda kv: -kv[1]) if k.split(">")[0] != k.split(">")[1]))
    if args.errors:
        for s in results["current"]:
            for e in s["errors"]:
                print(json.dumps(e, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps({
            "date": time.strftime("%Y-%m-%d"), "k": K, "folds": folds, "overrides": overrides,
            "variants": {name: {"settings": scores[0]["settings"], "per_fold": [
                {k: v for k, v in s.items() if k != "errors"} | {"lines": line_summary(s["confusion"])}
                for s in scores], "pooled": pooled(scores) | {"lines": line_summary(pooled(scores)["confusion"])}}
                for name, scores in results.items()}}, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

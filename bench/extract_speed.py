"""How fast `bibkaz extract` reads documents, and what the line finder costs.

    python bench/extract_speed.py [--rounds 5] [--against /path/to/other/checkout] [--paired | --finder]
    python bench/extract_speed.py --finder --paired --against /path/to/other/checkout [--rounds 5]
    python bench/extract_speed.py --find-parts [--rounds 3]

Documents: the seeds, tests/briefs and the corpus's development part, each cut
or repeated to about 10 KB (a typical brief's text), extracted and parsed one
after another in one process (models loaded once, as in a run). Prints
documents a second (wall clock and CPU), the CPU milliseconds a document
spends in each stage (reading, the line finder, the rest of finding, parsing,
and the text-dropping step a run adds to each document) and the line
finder's load time. With --against, the same
measurement runs in another checkout in a subprocess, interleaved round by
round, so both see the same machine load (the machine has neighbours: compare
side by side, report ranges). Documents per CPU second are printed beside the
wall-clock rate: on a loaded machine they vary less. With --paired, both
checkouts run in a worker process each and are handed the same document one
after the other, so both see the load of the same moment; --finder --paired does the
same for the line finder alone (each document labelled three times in a row, the least
time kept).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = 10 * 1024


def _documents(out: Path) -> list[Path]:
    sources = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "briefs").glob("*.*"))
    sources += sorted(p for p in (ROOT / "tests" / "corpus" / "dev").glob("*") if p.suffix in (".txt", ".md"))
    docs = []
    for i, src in enumerate(p for p in sources if p.suffix in (".txt", ".md")):
        text = src.read_text(encoding="utf-8", errors="replace")
        while len(text.encode()) < TARGET:
            text += "\n\n" + text
        cut = text.encode()[:TARGET].decode("utf-8", errors="ignore")
        cut = cut[: cut.rfind("\n")] if "\n" in cut else cut
        path = out / f"{i:03d}{src.suffix}"
        path.write_text(cut, encoding="utf-8")
        docs.append(path)
    return docs


def measure(folder: Path, rounds: int) -> dict:
    sys.path.insert(0, str(Path.cwd()))
    t0 = time.perf_counter()
    from bibkaz.pipeline import extract_document
    imported = time.perf_counter() - t0
    out: dict = {"import_s": imported}
    try:
        from bibkaz.extract.finder.model import MODEL_PATH, LineFinder
        t0 = time.perf_counter()
        LineFinder(MODEL_PATH)
        out["finder_load_ms"] = (time.perf_counter() - t0) * 1000
    except ImportError:
        pass
    docs = sorted(folder.iterdir())
    extract_document(docs[0])  # warm: models loaded, caches primed once
    rates, cpu_rates = [], []
    for _ in range(rounds):
        t0, c0 = time.perf_counter(), time.process_time()
        for doc in docs:
            extract_document(doc)
        rates.append(len(docs) / (time.perf_counter() - t0))
        cpu_rates.append(len(docs) / (time.process_time() - c0))
    out.update(documents=len(docs), kb=sum(d.stat().st_size for d in docs) / 1024, docs_per_s=rates,
               cpu_docs_per_s=cpu_rates)
    out["stages_ms"] = _stages(docs)
    out["finder_ms_per_doc"] = out["stages_ms"]["finder"]
    return out


def _stages(docs: list[Path], rounds: int = 3) -> dict[str, float]:
    """CPU milliseconds a document in each stage of extract_document, best of ``rounds``: reading,
    the line finder, the rest of finding (notes, lists, calls, own record), parsing; and
    ``without_text``, which a run applies to every extracted document (outside extract_document,
    so not in the documents-a-second figure). CPU time, not wall time: on a machine with
    neighbours it varies less."""
    from bibkaz.extract import find
    from bibkaz.extract.finder.model import finder
    from bibkaz.limits import clip_lines
    from bibkaz.parse import parse_raws
    from bibkaz.read import read_with_problems

    from bibkaz.formats.library_json import without_text
    from bibkaz.pipeline import extract_document

    documents = [clip_lines(read_with_problems(d)[0])[0] for d in docs]
    refs = [find(d)[1] for d in documents]
    extracted = [extract_document(d)[0].document for d in docs]
    steps = {
        "read": (read_with_problems, docs),
        "finder": (lambda d: finder().label(list(d.lines)), documents),
        "find": (find, documents),
        "parse": (parse_raws, refs),
        # what a run does to each extracted document besides extract_document (bibkaz/run/task.py)
        "without_text": (without_text, extracted),
    }
    out = {}
    for name, (fn, items) in steps.items():
        best = float("inf")
        for _ in range(rounds):
            c0 = time.process_time()
            for item in items:
                fn(item)
            best = min(best, time.process_time() - c0)
        out[name] = best * 1000 / len(items)
    out["find"] -= out["finder"]  # find() runs the finder: what the rest of it costs
    return out


def _finder_parts(folder: Path) -> dict:
    """The finder's parts for each document of ``folder`` as a run reads it: (function, inputs)."""
    from bibkaz.extract.finder.features import MODULES
    from bibkaz.extract.finder.lines import document_lines
    from bibkaz.extract.finder.model import finder
    from bibkaz.limits import clip_lines
    from bibkaz.parse.crf.decode import best_labels
    from bibkaz.read import read_with_problems

    texts = [list(clip_lines(read_with_problems(d)[0])[0].lines) for d in sorted(folder.iterdir())]
    model = finder()
    lines = [document_lines(t) for t in texts]
    try:  # features as ids (since the thirteenth session) or as strings
        from bibkaz.extract.finder.features import own_ids as own
        score = lambda ids: model._scorer.scores(*ids)  # noqa: E731
    except ImportError:
        from bibkaz.extract.finder.features import own_features as own
        score = model._scorer.scores
    features = [own(x) for x in lines]
    scores = [score(f) for f in features]
    transitions = model._scorer.weights.transitions
    parts = {
        "finder": (model.label, texts),
        "lines": (document_lines, texts),
        "features": (own, lines),
        "scoring": (score, features),
        "decoding": (lambda s: best_labels(s, transitions), scores),
    }
    # each feature module's share of "features"
    parts.update((module.__name__.rsplit(".", 1)[-1], (getattr(module, "observe_ids", module.observe), lines))
                 for module in MODULES)
    return parts


#: The steps of ``bibkaz.extract.find`` timed by --find-parts: the names it calls them by in
#: bibkaz/extract/__init__.py (the finder, the zones, the notes, the calls, the own record, the in-text
#: sources, the author-date citations; the columns and the margin numbers before any of them).
FIND_STEPS = ("finder", "read_zones", "_note_targets", "paragraphs", "superscript_calls", "bracket_calls",
              "markdown_calls", "paren_calls", "glued_calls", "_call_mentions", "find_own", "in_text_sources",
              "find_author_date", "cites_by_key", "read_front_matter", "fenced_code_lines", "unfold_columns",
              "without_margin_numbers", "number_named_footnotes", "split_at_reports", "_in_notes", "keys_in",
              "_pages_of", "registered_domain")


#: Steps inside those, timed wherever bibkaz's modules call them ("module:function"): the own record's
#: costliest parts, the note parts, the report citations.
DEEP_STEPS = ("bibkaz.extract.metadata.title:find_title", "bibkaz.extract.metadata.fold:lines_holding",
              "bibkaz.extract.metadata.site:running_organisation", "bibkaz.extract.metadata.people:ordinary_words",
              "bibkaz.extract.note_parts.model:citing_parts", "bibkaz.extract.report_citations:find_report_citations",
              "bibkaz.extract.notes:classify_note")


def find_parts(folder: Path, rounds: int) -> None:
    """CPU milliseconds a document in each step of ``find`` (FIND_STEPS, each wrapped in a timer where
    find looks it up, and DEEP_STEPS wherever a module of bibkaz looks them up) and in the whole of find,
    the least over ``rounds``. Each step's own time: what a timed step spends inside another timed
    step is that step's (the finder's labels are in "finder" only, the title in find_title, not in
    find_own). Why: "the rest of find" is a third of a document's time, spread over modules of several
    owners; this says which."""
    import importlib

    import bibkaz.extract as extract
    from bibkaz.limits import clip_lines
    from bibkaz.read import read_with_problems

    documents = [clip_lines(read_with_problems(d)[0])[0] for d in sorted(folder.iterdir())]
    spent: dict[str, float] = {}
    inside: list[float] = []  # for each timed step under way, the time spent in timed steps it called

    def timed(name: str, fn):
        def run(*args, **kwargs):
            c0 = time.process_time()
            inside.append(0.0)
            try:
                return fn(*args, **kwargs)
            finally:
                took = time.process_time() - c0
                spent[name] = spent.get(name, 0.0) + took - inside.pop()
                if inside:
                    inside[-1] += took
        return run

    for name in FIND_STEPS:
        fn = getattr(extract, name, None)
        if fn is None:  # a step find no longer calls by this name (an older or newer checkout)
            continue
        if name == "finder":  # a function giving the loaded finder: time its label()
            model = fn()
            model.label = timed(name, model.label)
        else:
            setattr(extract, name, timed(name, fn))
    for step in DEEP_STEPS:
        module_name, name = step.split(":")
        try:
            fn = getattr(importlib.import_module(module_name), name)
        except (ImportError, AttributeError):
            continue
        wrapped = timed(name, fn)
        for module in list(sys.modules.values()):
            if getattr(module, "__name__", "").startswith("bibkaz."):
                for key, value in list(vars(module).items()):
                    if value is fn:
                        setattr(module, key, wrapped)
    extract.find(documents[0])
    best: dict[str, float] = {}
    for _ in range(rounds):
        spent.clear()
        c0 = time.process_time()
        for document in documents:
            extract.find(document)
        spent["find (all)"] = time.process_time() - c0
        for name, seconds in spent.items():
            best[name] = min(best.get(name, seconds), seconds)
    total = best["find (all)"]
    rest = total - sum(v for k, v in best.items() if k != "find (all)")
    for name, seconds in sorted(best.items(), key=lambda kv: -kv[1]):
        print(f"{name:24} {seconds * 1000 / len(documents):6.2f} ms a document ({seconds / total:5.1%})")
    print(f"{'(find itself, untimed)':24} {rest * 1000 / len(documents):6.2f} ms a document")


def serve_finder(folder: Path) -> None:
    """The worker side of --finder: for each line read from stdin, one round over the documents,
    answered with the CPU milliseconds a document in each part of the finder."""
    sys.path.insert(0, str(Path.cwd()))
    parts = _finder_parts(folder)
    print(json.dumps(list(parts)), flush=True)
    label, texts = parts["finder"]
    for line in sys.stdin:
        if line.startswith("document "):  # --finder --paired: one document, the least CPU ms of three labellings
            text = texts[int(line.split()[1])]
            times = []
            for _ in range(3):
                c0 = time.process_time()
                label(text)
                times.append(time.process_time() - c0)
            print(json.dumps(min(times) * 1000), flush=True)
            continue
        out = {}
        for name, (fn, items) in parts.items():
            c0 = time.process_time()
            for item in items:
                fn(item)
            out[name] = (time.process_time() - c0) * 1000 / len(items)
        print(json.dumps(out), flush=True)


def finder_side_by_side(folder: Path, against: Path | None, rounds: int) -> None:
    """The finder's CPU milliseconds a document, in each checkout's worker, one round each in turn
    (which goes first alternating): the range and the median over rounds (the least is the cost
    with the least interference from the machine's neighbours)."""
    checkouts = [("this", ROOT)] + ([("other", against)] if against else [])
    workers = {name: subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "--serve-finder",
                                       "--folder", str(folder)], cwd=cwd, stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, text=True, bufsize=1)
               for name, cwd in checkouts}
    names = [json.loads(w.stdout.readline()) for w in workers.values()][0]
    results: dict[str, list[dict]] = {name: [] for name in workers}
    try:
        for r in range(rounds):
            order = list(workers) if r % 2 == 0 else list(reversed(workers))
            for name in order:
                workers[name].stdin.write("round\n")
                results[name].append(json.loads(workers[name].stdout.readline()))
    finally:
        for worker in workers.values():
            worker.stdin.close()
            worker.wait()
    for name, cwd in checkouts:
        cells = "; ".join(f"{part} {min(r[part] for r in results[name]):.2f}–{max(r[part] for r in results[name]):.2f} "
                          f"(median {statistics.median(r[part] for r in results[name]):.2f})" for part in names)
        print(f"{name:5} {cwd}: finder CPU ms a document over {rounds} rounds: {cells}")


def finder_paired(folder: Path, against: Path, rounds: int) -> None:
    """The finder's CPU milliseconds a document in both checkouts' workers, handed each document one
    after the other (which goes first alternating), as :func:`paired` does for whole documents: the
    load of the same moment falls on both, which whole rounds in turn (:func:`finder_side_by_side`)
    do not give on a busy machine."""
    count = len(list(folder.iterdir()))
    workers = {name: subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "--serve-finder",
                                       "--folder", str(folder)], cwd=cwd, stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, text=True, bufsize=1)
               for name, cwd in (("this", ROOT), ("other", against))}
    for worker in workers.values():
        worker.stdout.readline()
    sums = {name: [0.0] * rounds for name in workers}
    try:
        for r in range(rounds):
            for i in range(count):
                for name in (("this", "other") if (r + i) % 2 == 0 else ("other", "this")):
                    workers[name].stdin.write(f"document {i}\n")
                    sums[name][r] += json.loads(workers[name].stdout.readline())
    finally:
        for worker in workers.values():
            worker.stdin.close()
            worker.wait()
    for name in workers:
        per_doc = [s / count for s in sums[name]]
        where = str(ROOT) if name == "this" else f"({against})"
        print(f"{name:5} {where}: the finder, {count} documents, paired: {min(per_doc):.2f}–{max(per_doc):.2f} "
              f"CPU ms a document (median {statistics.median(per_doc):.2f})")
    ratios = [o / t for t, o in zip(sums["this"], sums["other"])]
    print(f"other / this, round by round: {min(ratios):.3f}–{max(ratios):.3f} (median {statistics.median(ratios):.3f})")


def serve() -> None:
    """The worker side of --paired: extract each document path read from stdin, answer with the
    CPU and wall seconds it took (models loaded and warmed first)."""
    sys.path.insert(0, str(Path.cwd()))
    from bibkaz.pipeline import extract_document

    print("ready", flush=True)
    warmed = False
    for line in sys.stdin:
        path = Path(line.strip())
        if not warmed:
            extract_document(path)
            warmed = True
        c0, t0 = time.process_time(), time.perf_counter()
        extract_document(path)
        print(f"{time.process_time() - c0} {time.perf_counter() - t0}", flush=True)


def paired(folder: Path, against: Path, rounds: int) -> None:
    """Both checkouts in a worker process each, handed the same document one after the other
    (which goes first alternating), so both see the machine's load of the same moment: on a shared
    machine, whose neighbours' load swings within seconds, this compares better than whole runs."""
    docs = sorted(folder.iterdir())
    workers = {}
    for name, cwd in (("this", ROOT), ("other", against)):
        workers[name] = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "--serve"], cwd=cwd,
                                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
        assert workers[name].stdout.readline().strip() == "ready"
    cpu = {name: [0.0] * rounds for name in workers}
    wall = {name: [0.0] * rounds for name in workers}
    try:
        for r in range(rounds):
            for i, doc in enumerate(docs):
                for name in (("this", "other") if (r + i) % 2 == 0 else ("other", "this")):
                    worker = workers[name]
                    worker.stdin.write(f"{doc}\n")
                    c, w = map(float, worker.stdout.readline().split())
                    cpu[name][r] += c
                    wall[name][r] += w
    finally:
        for worker in workers.values():
            worker.stdin.close()
            worker.wait()
    for name in workers:
        rates = [len(docs) / c for c in cpu[name]]
        wall_rates = [len(docs) / w for w in wall[name]]
        where = str(ROOT) if name == "this" else f"({against})"
        print(f"{name:5} {where}: {len(docs)} documents, paired: {min(rates):.0f}–{max(rates):.0f} per CPU second, "
              f"{min(wall_rates):.0f}–{max(wall_rates):.0f} per wall second")
    ratios = [o / t for t, o in zip(cpu["this"], cpu["other"])]
    print(f"this / other, documents per CPU second, round by round: {min(ratios):.2f}–{max(ratios):.2f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--against", type=Path, help="another checkout to measure side by side")
    ap.add_argument("--paired", action="store_true",
                    help="with --against: hand both checkouts each document in turn instead of whole runs")
    ap.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--finder", action="store_true",
                    help="measure the line finder alone, in its parts (with --against: side by side)")
    ap.add_argument("--serve-finder", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--find-parts", action="store_true",
                    help="the CPU time of each step of find (the finder, zones, notes, own record, …) in this checkout")
    args = ap.parse_args()
    if args.serve:
        serve()
        return
    if args.serve_finder:
        serve_finder(args.folder)
        return
    if args.find_parts:
        sys.path.insert(0, str(Path.cwd()))
        with tempfile.TemporaryDirectory() as tmp:
            _documents(Path(tmp))
            find_parts(Path(tmp), args.rounds)
        return
    if args.finder:
        if args.paired and args.against is None:
            ap.error("--paired needs --against")
        with tempfile.TemporaryDirectory() as tmp:
            _documents(Path(tmp))
            if args.paired:
                finder_paired(Path(tmp), args.against, args.rounds)
            else:
                finder_side_by_side(Path(tmp), args.against, args.rounds)
        return
    if args.folder:  # the subprocess side of --against
        print(json.dumps(measure(args.folder, args.rounds)))
        return
    if args.paired:
        if args.against is None:
            ap.error("--paired needs --against")
        with tempfile.TemporaryDirectory() as tmp:
            _documents(Path(tmp))
            paired(Path(tmp), args.against, args.rounds)
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        _documents(folder)
        runs: dict[str, list[dict]] = {"this": [], "other": []}
        for _ in range(args.rounds):
            for name, cwd in (("this", ROOT), ("other", args.against)):
                if cwd is None:
                    continue
                res = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--folder", str(folder), "--rounds", "1"],
                                     cwd=cwd, capture_output=True, text=True, check=True)
                runs[name].append(json.loads(res.stdout.strip().splitlines()[-1]))
    for name, results in runs.items():
        if not results:
            continue
        rates = [r for res in results for r in res["docs_per_s"]]
        first = results[0]
        line = (f"{name:5} {'(' + str(args.against) + ')' if name == 'other' else str(ROOT)}: {first['documents']} documents, "
                f"{first['kb'] / first['documents']:.1f} KB each: {min(rates):.0f}–{max(rates):.0f} documents/s "
                f"(median {statistics.median(rates):.0f})")
        cpu = [r for res in results for r in res.get("cpu_docs_per_s", [])]
        if cpu:  # a loaded machine stretches wall time: documents per CPU second compare better
            line += f", {min(cpu):.0f}–{max(cpu):.0f} per CPU second (median {statistics.median(cpu):.0f})"
        if "finder_load_ms" in first:
            load = [r["finder_load_ms"] for r in results]
            line += f"; finder model load {min(load):.1f}–{max(load):.1f} ms"
        print(line)
        if "stages_ms" in first:  # per stage, CPU ms a document, best of 3 in each run: the range over runs
            stages = "; ".join(f"{stage} {min(r['stages_ms'][stage] for r in results):.2f}–"
                               f"{max(r['stages_ms'][stage] for r in results):.2f}" for stage in first["stages_ms"])
            print(f"      CPU ms a document: {stages}")


if __name__ == "__main__":
    main()

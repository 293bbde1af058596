"""Speed and scale (issue 15): `bibkaz extract` with --jobs 1, --jobs 2 and a local Dask cluster.

    python bench/scale.py [--documents 200] [--rounds 2] [--cluster] [--workdir DIR]

Corpus: copies of the seeds and the corpus's development documents
(tests/corpus/dev, .txt/.md/.html), copy k with every year 19xx/20xx shifted by
k mod 7 and its own file name, so the copies are new documents whose references
the resolver must still group. Each round runs every configuration once,
interleaved (the machine has busy neighbours: compare side by side, report
ranges), as a new user would: `bibkaz extract DIR -o … --json …` in a fresh
process, wall time measured from outside. Also checks that the outputs of all
configurations are byte-identical, and reports the peak resident memory of the
client process (ru_maxrss of the `bibkaz` process; workers are separate processes).

CPU seconds (the client and every process below it: pool workers, the
forkserver, Dask's nanny and worker processes; read from /proc every 0.2 s,
since the workers are not all waited for by the client) are reported beside wall time: on a
machine with busy neighbours, CPU seconds a document is what shows whether the
work grows linearly with the corpus (``--only`` picks configurations, e.g.
``--documents 10000 --rounds 1 --only "--jobs 2"`` for the scaling table).
"""

from __future__ import annotations

import argparse
import datetime
import filecmp
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-2]\d)\b")


def build_corpus(folder: Path, documents: int) -> int:
    """``documents`` files made from the seeds and the dev corpus; returns their total bytes."""
    sources = sorted((ROOT / "seeds").glob("*.txt"))
    sources += sorted(p for p in (ROOT / "tests" / "corpus" / "dev").iterdir() if p.suffix in (".txt", ".md", ".html"))
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for n in range(documents):
        src = sources[n % len(sources)]
        shift = (n // len(sources)) % 7
        text = src.read_text(encoding="utf-8", errors="replace")
        if shift:
            text = _YEAR.sub(lambda m: str(int(m.group()) + shift), text)
        path = folder / f"{src.stem}_c{n // len(sources):04d}{src.suffix}"
        path.write_text(text, encoding="utf-8")
        total += path.stat().st_size
    return total


def run(corpus: Path, out: Path, options: list[str], log: Path | None = None) -> tuple[float, float, int, int]:
    """Wall seconds, CPU seconds (the whole process tree), client peak RSS in MB, and exit status
    of one `bibkaz extract` of this checkout (its folder first on PYTHONPATH, so a worktree of
    an older commit measures its own code). ``log``: every 30 s a line of elapsed seconds, CPU
    seconds and the client's resident and peak memory (for a run too long to wait for)."""
    out.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, "-c", "from bibkaz.cli import main; main()", "extract", str(corpus), "-o", str(out / "references.bib"),
           "--json", str(out / "library.json"), "-q", "--force", *options]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])}
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    seen: dict[int, float] = {}  # pid → its own CPU seconds at the last look (at most 0.2 s old)
    logged = started
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        seen.update(_tree_cpu(proc.pid))
        if log is not None and time.perf_counter() - logged >= 30:
            logged = time.perf_counter()
            with log.open("a") as handle:
                handle.write(f"{logged - started:.0f} s\t{sum(seen.values()):.1f} CPU s\t{_memory(proc.pid)}\n")
        time.sleep(0.2)
    wall = time.perf_counter() - started
    return wall, sum(seen.values()), usage.ru_maxrss // 1024, os.waitstatus_to_exitcode(status)


_TICK = os.sysconf("SC_CLK_TCK")


def _stat(pid: str) -> tuple[int, float] | None:
    """(parent pid, own CPU seconds) of one process, or None once it has gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return int(fields[1]), (int(fields[11]) + int(fields[12])) / _TICK


def _memory(pid: int) -> str:
    """The client's resident and peak resident memory, as /proc shows them now."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return ""
    fields = dict(line.split(":", 1) for line in status.splitlines() if line.startswith(("VmRSS", "VmHWM")))
    return f"client RSS {int(fields['VmRSS'].split()[0]) // 1024} MB, peak {int(fields['VmHWM'].split()[0]) // 1024} MB"


def _tree_cpu(root: int) -> dict[int, float]:
    """Own CPU seconds of ``root`` and every process below it, as /proc shows them now."""
    stats = {int(p): s for p in os.listdir("/proc") if p.isdigit() and (s := _stat(p)) is not None}
    below, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        for pid, (ppid, _) in stats.items():
            if ppid == parent and pid not in below:
                below.add(pid)
                frontier.append(pid)
    return {pid: stats[pid][1] for pid in below if pid in stats}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--cluster", action="store_true", help="Also run on a Dask LocalCluster of 2 workers.")
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--only", action="append", default=[],
                        help='Run only this configuration ("--jobs 1", "--jobs 2", "--cluster local (2 workers)"); repeatable.')
    parser.add_argument("--log", type=Path, help="Append elapsed time, CPU time and client memory every 30 s here.")
    args = parser.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="bibkaz-scale-"))
    corpus = work / "corpus"
    if corpus.exists():
        shutil.rmtree(corpus)
    size = build_corpus(corpus, args.documents)
    configs = {"--jobs 1": ["--jobs", "1"], "--jobs 2": ["--jobs", "2"]}
    if args.cluster:
        configs["--cluster local (2 workers)"] = ["--cluster", "local", "--jobs", "2"]
    if args.only:
        configs = {name: options for name, options in configs.items() if name in args.only}
    times: dict[str, list[float]] = {name: [] for name in configs}
    cpus: dict[str, list[float]] = {name: [] for name in configs}
    memory: dict[str, list[int]] = {name: [] for name in configs}
    for r in range(args.rounds):
        for name, options in configs.items():
            wall, cpu, rss, status = run(corpus, work / f"out-{r}-{len(times[name])}-{options[-1]}{len(options)}", options,
                                         args.log)
            assert status in (0, 1), f"{name}: exit {status}"
            times[name].append(wall)
            cpus[name].append(cpu)
            memory[name].append(rss)
            print(f"round {r + 1} {name}: {wall:.1f} s, {cpu:.1f} CPU s, client peak {rss} MB", file=sys.stderr)
    outs = sorted(work.glob("out-*"))
    same = all(filecmp.cmp(outs[0] / f, o / f, shallow=False) for o in outs[1:] for f in ("references.bib", "library.json"))
    base = times.get("--jobs 1", next(iter(times.values())))
    only = "".join(f' --only "{name}"' for name in args.only)
    print(f"{datetime.date.today()} · python bench/scale.py --documents {args.documents} --rounds {args.rounds}"
          f"{' --cluster' if args.cluster else ''}{only} · {args.documents} documents, {size / 1e6:.1f} MB · "
          f"{os.cpu_count()} cores · outputs byte-identical: {'yes' if same else 'NO'}")
    print("| run | wall s (min–max) | documents/s | speed-up vs --jobs 1 (per round) | CPU ms a document | client peak MB |")
    print("|---|---|---|---|---|---|")
    for name, wall in times.items():
        ups = [b / w for b, w in zip(base, wall)]
        print(f"| `{name}` | {min(wall):.1f}–{max(wall):.1f} | {args.documents / max(wall):.1f}–"
              f"{args.documents / min(wall):.1f} | {min(ups):.2f}–{max(ups):.2f}× | "
              f"{1000 * min(cpus[name]) / args.documents:.1f}–{1000 * max(cpus[name]) / args.documents:.1f} | "
              f"{min(memory[name])}–{max(memory[name])} |")


if __name__ == "__main__":
    main()

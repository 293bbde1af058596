"""The long fuzz run: ``python bench/fuzz.py --minutes N``.

Alternates fuzzed documents (``bibkaz extract``) and fuzzed reference strings
(``bibkaz parse``), each in its own forked process with a time limit (see
bench/fuzzlib.py), on every CPU, until the time is up (or, with ``--inputs N``, until N
documents and N strings are done). Prints the figures that
docs/benchmarks.md records: inputs, crashes, timeouts, slow inputs (over 5 s per
100 KB), the slowest input per 100 KB and the peak memory; keeps every crashing or
slow input under --keep for replay.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import fuzzlib  # noqa: E402

#: Inputs whose run peaks above this are kept too, to find what costs memory.
KEEP_PEAK_KB = 400 * 1024


def _worker(index: int, seed: int, deadline: float, out: Path, keep: Path, inputs: int | None = None) -> None:
    """One CPU's share: fuzz until ``deadline`` (or ``inputs`` inputs), one JSON line per input."""
    rnd = random.Random(seed * 1000 + index)
    docs = fuzzlib.seed_documents(corpus=True)
    strings = fuzzlib.seed_strings(docs)
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        while time.time() < deadline and (inputs is None or n < inputs):
            n += 1
            if n % 2:
                suffix, data = fuzzlib.make_document(rnd, docs)
                result, kind = fuzzlib.run_document(suffix, data), "document"
            else:
                text = fuzzlib.make_string(rnd, strings)
                suffix, data = ".ref.txt", text.encode("utf-8", "surrogatepass")
                result, kind = fuzzlib.run_string(text), "string"
            row = {"kind": kind, "status": result.status, "seconds": round(result.seconds, 3),
                   "peak_kb": result.peak_kb, "size": result.size, "per_100kb": round(result.per_100kb, 3),
                   "cpu_seconds": round(result.cpu_seconds, 3), "cpu_per_100kb": round(result.cpu_per_100kb, 3),
                   "detail": result.detail}
            if result.status != "ok" or result.per_100kb > fuzzlib.SLOW_SECONDS_PER_100KB \
                    or result.peak_kb > KEEP_PEAK_KB:
                name = keep / f"w{index}-{n}{suffix}"
                name.write_bytes(data)
                row["kept"] = str(name)
            fh.write(json.dumps(row) + "\n")
            fh.flush()


def _summary(rows: list[dict]) -> list[str]:
    out = []
    for kind in ("document", "string"):
        mine = [r for r in rows if r["kind"] == kind]
        if not mine:
            continue
        crashes = [r for r in mine if r["status"] == "crash"]
        timeouts = [r for r in mine if r["status"] == "timeout"]
        slow = [r for r in mine if r["per_100kb"] > fuzzlib.SLOW_SECONDS_PER_100KB]
        slow_cpu = [r for r in mine if r.get("cpu_per_100kb", 0) > fuzzlib.SLOW_SECONDS_PER_100KB]
        worst = max(mine, key=lambda r: r["per_100kb"])
        worst_cpu = max(mine, key=lambda r: r.get("cpu_per_100kb", 0))
        biggest = max(mine, key=lambda r: r["size"])
        out.append(f"{kind}s: {len(mine)} inputs, {len(crashes)} crashes, {len(timeouts)} timeouts, "
                   f"{len(slow)} over {fuzzlib.SLOW_SECONDS_PER_100KB:g} s per 100 KB "
                   f"({len(slow_cpu)} by CPU time, slowest {worst_cpu.get('cpu_per_100kb', 0):.2f} CPU s per 100 KB); slowest "
                   f"{worst['per_100kb']:.2f} s per 100 KB ({worst['seconds']:.2f} s, {worst['size']:,} bytes); "
                   f"largest {biggest['size']:,} bytes in {biggest['seconds']:.2f} s, {biggest['peak_kb'] // 1024} MB; "
                   f"peak memory {max(r['peak_kb'] for r in mine) // 1024} MB")
        for r in (crashes + timeouts)[:10]:
            out.append(f"  {r['status']}: {r.get('kept', '')} {r['detail']}")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--minutes", type=float, default=1.0)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--keep", type=Path, default=Path("/tmp/bibkaz-fuzz"), help="where crashing and slow inputs go")
    ap.add_argument("--inputs", type=int, metavar="N",
                    help="stop once N documents and N strings are done (or --minutes are up, whichever comes first)")
    args = ap.parse_args()
    args.keep.mkdir(parents=True, exist_ok=True)
    fuzzlib.warm()
    deadline = time.time() + args.minutes * 60
    started = time.time()
    children = []
    for i in range(args.workers):
        out = args.keep / f"results-{i}.jsonl"
        pid = os.fork()
        if pid == 0:
            try:
                share = None if args.inputs is None else 2 * -(-args.inputs // args.workers)
                _worker(i, args.seed, deadline, out, args.keep, share)
            finally:
                os._exit(0)
        children.append((pid, out))
    for pid, _ in children:
        os.waitpid(pid, 0)
    rows = [json.loads(line) for _, out in children for line in out.read_text(encoding="utf-8").splitlines()]
    print(f"bench/fuzz.py --minutes {args.minutes:g} --seed {args.seed}: {len(rows)} inputs in "
          f"{time.time() - started:.0f} s on {args.workers} workers")
    for line in _summary(rows):
        print(line)


if __name__ == "__main__":
    main()

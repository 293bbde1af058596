"""Run `bibkaz extract` over many real files nobody here chose, and count what breaks.

Issue 2 (reliability): fuzzing (bench/fuzz.py) makes shapes we thought of; real files make the
others (a JRC report's raster legend "[30 – 23 – 22]" crashed a whole document in the seventeenth
session). This takes up to ``--per-repo`` files (.md, .html, .txt, .pdf, .docx, .rst, 200 B–2 MB)
from each git mirror under ``--mirrors`` (the acceptance repositories are never read), runs
`bibkaz extract` on batches of 200 with a time limit, and reports: files by format, documents whose
extraction failed (the pipeline's "extraction failed" warning), batches that timed out, seconds a
batch, and whether every .bib parses with bibtexparser and every library JSON loads.

    python bench/real_files_sweep.py --mirrors /work/.mirror --work /tmp/sweep
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import random
import re
import subprocess
import sys
import time
from pathlib import Path

ACCEPTANCE = ("bsafes-archive", "giocomai+giorgiocomai_eu", "cch123+eco2020", "kjdragan+universal_agent",
              "yizhengyuan+rag-lab-pipeline", "dvollrath+growthecon", "lrudl+site", "bjpcjp+bjpcjp.github.io",
              "agorahub+pen0", "druce+druce.github.io", "dorae222+fomc")
SUFFIX = re.compile(r"\.(md|html?|txt|pdf|docx|rst)$", re.I)
BATCH = 200


def _git_dir(repo: Path) -> Path:
    for dirpath, dirs, files in os.walk(repo):
        if "HEAD" in files and "objects" in dirs:
            return Path(dirpath)
    return repo


def collect(mirrors: Path, work: Path, per_repo: int, seed: int) -> int:
    rng = random.Random(seed)
    n = 0
    for repo in sorted(mirrors.iterdir()):
        if any(a in repo.name.lower() for a in ACCEPTANCE):
            continue
        git = _git_dir(repo)
        listing = subprocess.run(["git", "-C", str(git), "ls-tree", "-r", "-l", "HEAD"], capture_output=True,
                                 text=True, timeout=120).stdout.splitlines()
        paths = []
        for row in listing:
            parts = row.split(None, 4)
            if len(parts) == 5 and parts[1] == "blob" and parts[3].isdigit() and 200 <= int(parts[3]) <= 2_000_000 \
                    and SUFFIX.search(parts[4]):
                paths.append(parts[4])
        rng.shuffle(paths)
        for path in paths[:per_repo]:
            data = subprocess.run(["git", "-C", str(git), "show", f"HEAD:{path}"], capture_output=True,
                                  timeout=120).stdout
            if data.startswith(b"version https://git-lfs"):
                continue
            batch = work / "docs" / f"b{n // BATCH:03d}"
            batch.mkdir(parents=True, exist_ok=True)
            (batch / re.sub(r"[^A-Za-z0-9._-]", "_", f"{repo.name}__{path}")[-150:]).write_bytes(data)
            n += 1
    return n


def run(work: Path, timeout: int) -> dict[str, object]:
    out = work / "out"
    out.mkdir(exist_ok=True)
    failed, timed_out, seconds, formats = [], [], [], collections.Counter()
    entries = broken = 0
    import bibtexparser
    for batch in sorted((work / "docs").iterdir()):
        formats.update(p.suffix.lower() for p in batch.iterdir())
        start = time.monotonic()
        try:
            done = subprocess.run([str(Path(sys.executable).parent / "bibkaz"), "extract", str(batch), "-o", str(out / f"{batch.name}.bib"),
                                   "--json", str(out / f"{batch.name}.json"), "--jobs", "1"],
                                  capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            timed_out.append(batch.name)
            continue
        seconds.append(round(time.monotonic() - start, 1))
        failed += [line for line in done.stderr.splitlines() if "extraction failed" in line]
        bib = out / f"{batch.name}.bib"
        if bib.exists():
            library = bibtexparser.parse_string(bib.read_text(encoding="utf-8"))
            entries += len(library.entries)
            broken += len(library.failed_blocks)
            json.loads((out / f"{batch.name}.json").read_text(encoding="utf-8"))
    return {"files": dict(formats), "batches": len(seconds) + len(timed_out), "extraction_failed": failed,
            "timed_out": timed_out, "batch_seconds": sorted(seconds), "bib_entries": entries,
            "bib_failed_blocks": broken}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mirrors", type=Path, required=True, help="folder of git mirrors (one per repository)")
    ap.add_argument("--work", type=Path, required=True, help="scratch folder for the files and outputs")
    ap.add_argument("--per-repo", type=int, default=25)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--timeout", type=int, default=900, help="seconds a batch of 200 may take")
    args = ap.parse_args()
    if not (args.work / "docs").exists():
        print("files:", collect(args.mirrors, args.work, args.per_repo, args.seed), file=sys.stderr)
    print(json.dumps(run(args.work, args.timeout), indent=1))


if __name__ == "__main__":
    main()

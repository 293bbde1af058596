"""The dev part's stored web pages against their gold, page by page (issue 14).

``bench/extract_accuracy.py`` scores every dev document together; this scores only the ones a user
holds as a web page (``.html``, ``.htm``, ``.xhtml``), so what the HTML reader loses against the gold
(footnote anchors, reference lists in ``<ol>``, links on words, navigation read as text) is seen per
page: works found, spurious, fields, citations linked, and with ``--errors`` each missed and spurious
work. Dev documents only; the test part is never looked into.

    python bench/formats_dev_html.py [--skip-prefix dev52_,dev53_] [--per-document] [--errors]

``--skip-prefix`` leaves out batches not to be tuned on (a session's new, unseen documents).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Sequence

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bibkaz.read.formats import HTML_SUFFIXES  # noqa: E402
from extract_accuracy import CORPUS, ToolScore, score_document  # noqa: E402
from formats_vs_text import print_twin_errors, score_cells  # noqa: E402


def dev_pages(skip: Sequence[str] = ()) -> list[tuple[Path, Path]]:
    """(page, its gold) for each dev web page with a gold beside it, skipped prefixes left out."""
    out = []
    for page in sorted((CORPUS / "dev").iterdir()):
        if page.suffix.lower() not in HTML_SUFFIXES or any(page.name.startswith(p) for p in skip if p):
            continue
        gold = page.with_name(page.name.split(".")[0] + ".gold.json")
        if gold.is_file():
            out.append((page, gold))
    return out


def row(name: str, score: ToolScore) -> str:
    return f"| {name} | {score_cells(score)} | {score.cites_linked}/{score.cites_total} |"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--skip-prefix", default="", help="comma-separated name prefixes to leave out")
    parser.add_argument("--per-document", action="store_true")
    parser.add_argument("--errors", action="store_true", help="works missed and spurious (stderr)")
    args = parser.parse_args(argv)
    pages = dev_pages(args.skip_prefix.split(","))
    total = ToolScore()
    lines = ["| page | gold works | recall | spurious | fields | citations linked |", "|---|---|---|---|---|---|"]
    for page, gold_path in pages:
        score = score_document(page, json.loads(gold_path.read_text(encoding="utf-8")), ["bibkaz"])["bibkaz"]
        total.add(score)
        if args.per_document:
            lines.append(row(page.name, score))
        if args.errors:
            print_twin_errors(page.name, score)
    lines.append(row(f"**all {len(pages)}**", total))
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

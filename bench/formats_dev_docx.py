"""Every real Word file of the dev part against its gold, side by side with its text (issue 14).

Labellers add real Word documents to the dev part as ``<name>.docx`` beside the text a user gets by
converting it (``<name>.txt``, pandoc's plain text) and that text's gold (``<name>.gold.json``). The
corpus bench scores the text; this reads the Word file with bibkaz's Word reader and scores both
against the same gold (works found, spurious, fields, notes linked to their call, and the document's
own record as ``bench/record_accuracy.py`` scores it: title, authors, date, year, publisher right /
wrong / missing), document by document and summed, so "the same document as Word gives the works and citations of its clean text
or better" is measured on real Word files with gold rather than on pandoc's twins.

    python bench/formats_dev_docx.py [--prefix dev40_] [--per-document] [--errors]

The notes the Word file holds (its ``word/footnotes.xml`` and ``word/endnotes.xml``, separators
left out) are counted beside the notes each reading hands on and links to a call
(``formats_vs_text.notes_linked``). Dev documents only; the test part is never looked into.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from collections import Counter
from typing import Sequence

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from extract_accuracy import CORPUS, ToolScore, bibkaz_items, gold_items, run_bibkaz, score_tool  # noqa: E402
from formats_real_docx import notes_in_file, print_errors  # noqa: E402
from formats_vs_text import notes_linked, score_cells  # noqa: E402
from record_accuracy import score_record  # noqa: E402


def dev_word_files(prefix: str = "") -> list[tuple[Path, Path, Path]]:
    """(Word file, its text, its gold) for each dev Word file with a text and a gold beside it."""
    out = []
    for docx in sorted((CORPUS / "dev").glob(prefix + "*.docx")):
        text, gold = docx.with_suffix(".txt"), docx.with_suffix(".gold.json")
        if text.is_file() and gold.is_file():
            out.append((docx, text, gold))
    return out


def _row(label: str, kind: str, score: ToolScore, linked: int, notes: int, in_file: str, record: Counter) -> str:
    return (f"| {label} | {kind} | {score_cells(score)} | {in_file} | {linked}/{notes} | "
            f"{record['right']}/{record['wrong']}/{record['missing']} |")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--prefix", default="", help="only the dev Word files whose names start with this")
    parser.add_argument("--per-document", action="store_true")
    parser.add_argument("--errors", action="store_true", help="works missed and spurious, notes not linked (stderr)")
    args = parser.parse_args(argv)
    files = dev_word_files(args.prefix)
    header = ("| document | read from | gold works | recall | spurious | fields | notes in file | notes linked | "
              "record right/wrong/missing |\n|---|---|---|---|---|---|---|---|---|")
    if args.per_document:
        print(header)
    totals = {"text": [ToolScore(), 0, 0, Counter()], "Word": [ToolScore(), 0, 0, Counter()]}
    in_file_total = 0
    for docx, text, gold_path in files:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        golds = gold_items(gold)
        in_file = notes_in_file(docx.read_bytes())
        in_file_total += in_file
        for kind, path in (("text", text), ("Word", docx)):
            library = run_bibkaz(path)
            score, _ = score_tool(golds, bibkaz_items(library))
            linked, notes = notes_linked(library)
            record = Counter(outcome for outcome in score_record(gold, library).values() if outcome)
            total = totals[kind]
            total[0].add(score)
            total[1] += linked
            total[2] += notes
            total[3].update(record)
            if args.per_document:
                print(_row(docx.stem, kind, score, linked, notes, str(in_file) if kind == "Word" else "–", record))
            if args.errors:
                print_errors(path.name, score, library)
    print(f"\n# {len(files)} dev Word files with gold\n")
    print(header)
    for kind, (score, linked, notes, record) in totals.items():
        print(_row(f"all {len(files)}", kind, score, linked, notes, str(in_file_total) if kind == "Word" else "–", record))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The corpus table: every document of tests/corpus with its part, shape, counts, licence and source.

    python bench/corpus_sources.py > tests/corpus/SOURCES.md

Read from the gold files, so the table cannot drift from them.
"""

from __future__ import annotations

import json
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus"


def rows() -> list[str]:
    out = []
    for part in ("dev", "test"):
        for gold_path in sorted((CORPUS / part).glob("*.gold.json")):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            cell = lambda s: " ".join(str(s).split()).replace("|", "\\|")  # noqa: E731
            out.append(
                f"| {gold.get('document', gold_path.name)} | {part} | {cell(gold.get('shape', ''))} | "
                f"{len(gold.get('works', []))} | {len(gold.get('notes', []))} | {len(gold.get('citations', []))} | "
                f"{cell(gold.get('licence', ''))} | {cell(gold.get('source', ''))} |"
            )
    return out


def main() -> None:
    table = rows()
    print("# Sources and licences of the real-document corpus\n")
    print("Generated from the gold files by `python bench/corpus_sources.py > tests/corpus/SOURCES.md`.")
    print(f"{len(table)} documents. Every document is redistributable under the licence given; the source")
    print("names the repository, path and commit it was taken from (and the original address where known).\n")
    print("| document | part | shape | works | notes | citations | licence | source |")
    print("|---|---|---|---:|---:|---:|---|---|")
    print("\n".join(table))


if __name__ == "__main__":
    main()

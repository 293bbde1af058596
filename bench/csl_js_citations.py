"""Share of in-text citations identical to citeproc-js (issue 16, ``format --citations``).

Run by hand (never as a test):

    python bench/csl_js_citations.py tests/corpus/dev [--styles apa,ieee] [--show N]

Each document's citations (its mentions, grouped by line and text as
``format --citations`` groups them, with their locators) go in reading order
through bibkaz and through citeproc-js (``processCitationCluster`` with one
note per citation, bench/node/format.mjs, all documents of a style in one node
process, a fresh engine each); the rendered citations are compared
as plain text, with the same locale file on both sides (``csl_js_compare.locale_xml``).

A cite citeproc-js cannot print (a work with neither author nor title in MLA:
"[CSL STYLE ERROR: reference with no printed form.]") has nothing to be
identical to; such citations are counted apart ("cp-js errors") and the last
column gives the share of the others.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bibkaz.commands.format import citation_clusters, works_to_format  # noqa: E402
from bibkaz.formats.csl import record_to_csl  # noqa: E402
from bibkaz.load import load_library  # noqa: E402
from bibkaz.style import find_style  # noqa: E402
from bibkaz.style.citations import cite_locator, render_citations  # noqa: E402
from csl_js_compare import locale_xml  # noqa: E402

NODE = Path(__file__).resolve().parent / "node"
STYLES = ("apa", "ieee", "modern-language-association", "chicago-author-date", "chicago-notes-bibliography",
          "harvard-cite-them-right")


def citeproc_js(documents: list[tuple[list[dict], list[list[dict]]]], style_path: str) -> list[list[str]]:
    """Each document's citations by citeproc-js, a fresh engine per document, one node process for all."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fh:
        json.dump({"documents": [{"items": items, "clusters": clusters} for items, clusters in documents]}, fh)
    out = subprocess.run(["node", str(NODE / "format.mjs"), fh.name, style_path, "en-US", "citations",
                          str(locale_xml(style_path, "en-US"))],
                         capture_output=True, text=True, timeout=3600, check=True)
    Path(fh.name).unlink()
    return json.loads(out.stdout)["documents"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--styles", default=",".join(STYLES))
    parser.add_argument("--show", type=int, default=0)
    args = parser.parse_args()
    library = load_library(args.paths).library
    items = [record_to_csl(w.record, w.key) for w in works_to_format(library)]
    by_doc = citation_clusters(library)
    print("| style | documents | citations | identical | share | cp-js errors | share without them |")
    print("|---|---|---|---|---|---|---|")
    for style in args.styles.split(","):
        path = str(find_style(style).path)
        total = same = shown = errors = 0
        documents, ours_by_doc = [], []
        for doc, found in by_doc.items():
            clusters = [cites for _text, cites in found]
            keys = {c.key for cluster in clusters for c in cluster}
            mine_items = [i for i in items if i["id"] in keys]
            ours_by_doc.append(render_citations(mine_items, clusters, path))
            documents.append((mine_items, [[dict(id=c.key, **dict(zip(("label", "locator"), cite_locator(c) or ())))
                                            for c in cl] for cl in clusters]))
        for doc, ours, theirs in zip(by_doc, ours_by_doc, citeproc_js(documents, path)):
            for a, b in zip(ours, theirs):
                total += 1
                errors += "CSL STYLE ERROR" in str(b) or "CITEPROC-JS ERROR" in str(b)
                same += " ".join(a.split()) == " ".join(str(b).split())
                if a != b and shown < args.show and "ERROR" not in str(b):
                    shown += 1
                    print(f"--- {style} {doc}\n  bibkaz: {a}\n  cp-js:  {b}")
        print(f"| {style} | {len(by_doc)} | {total} | {same} | {100 * same / max(total, 1):.1f}% | {errors} | "
              f"{100 * same / max(total - errors, 1):.1f}% |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Fidelity of bibkaz's exports, judged by independent readers.

For every work of the corpus, export to CSL-JSON, RIS, BibLaTeX and BibTeX,
read each file back with readers bibkaz did not write, and count the fields
that survive:

- citation-js (npm: @citation-js/core + plugin-bibtex, plugin-ris, plugin-csl;
  ``npm ci --prefix bench/node``) for all formats;
- pandoc (Debian ``pandoc``) for BibLaTeX, BibTeX and CSL-JSON;
- bibkaz's own RIS and CSL-JSON readers (round trip);
- ``biber --tool --validate-datamodel`` on the BibLaTeX file and ``bibtex`` with a
  minimal .aux (style plain) on the BibTeX file: their warnings are counted.

A field is *kept* when the reader gives it back in its own field (names compared
as displayed, titles case-insensitively, whitespace collapsed), *in note* when
its value only survives inside the note, else *lost*. Reader conventions that
carry the same data are not counted as loss: citation-js reads RIS ``AU`` of a
film as ``director``; "csl-variable: value" lines and leading "{:csl-variable:
value}" groups in a note are read as fields the reader left empty (citeproc-js
applies both forms when it renders; Zotero and pandoc read the line form);
typographic quotes count as their ASCII forms (pandoc's reader makes quotes smart).
(citation-js reads ``AU`` of a NEWS item as ``reporter``, a role its CSL 1.0.2
data drops: that *is* counted as lost.) bench/node/read.mjs resolves CSL "raw"
dates with citation-js's own date parser, as its formatter does when rendering.

Run by hand, never in the test suite:

    python bench/zotero_fidelity.py seeds/ --sample
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bibkaz.formats import csl_json, ris  # noqa: E402
from bibkaz.formats.csl import csl_to_record  # noqa: E402
from bibkaz.model import Library, Record  # noqa: E402
from bibkaz.zotero.files import render  # noqa: E402

NODE_DIR = ROOT / "bench" / "node"
#: Author-like roles some readers use for what we export as authors.
AUTHOR_ROLES = ("reporter", "director", "interviewer", "composer", "performer")
_NOTE_VARS = re.compile(r"^([a-zA-Z][\w-]*): (.+)$")
#: citeproc-js's inline note fields, applied when they open the note (CSL.NOTE_FIELDS_REGEXP).
_CHEATER = re.compile(r"^\{:([-_a-z]+|[A-Z]+):\s*([^}]+)\}\s*")


def _note_lines(note: str) -> list[str]:
    """The note's lines with leading "{:var: value}" groups on lines of their own, as citeproc-js splits them."""
    out = []
    for line in note.split("\n"):
        rest = line.strip()
        while (m := _CHEATER.match(rest)) is not None:
            out.append(f"{m.group(1)}: {m.group(2).strip()}")
            rest = rest[m.end():]
        out.append(rest)
    return out


# ------------------------------------------------------------------ readers


def _run(cmd: list[str], cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, capture_output=True, text=True, cwd=cwd, timeout=300)


def citation_js(path: Path, fmt: str) -> list[dict[str, Any]]:
    out = _run(["node", str(NODE_DIR / "read.mjs"), str(path), fmt])
    if out.returncode:
        raise RuntimeError(out.stderr.strip().splitlines()[-1] if out.stderr.strip() else "citation-js failed")
    return json.loads(out.stdout)


def pandoc(fmt: str) -> Callable[[Path, str], list[dict[str, Any]]]:
    def read(path: Path, _: str) -> list[dict[str, Any]]:
        out = _run(["pandoc", "-f", fmt, "-t", "csljson", str(path)])
        if out.returncode:
            raise RuntimeError(out.stderr.strip())
        return json.loads(out.stdout)

    return read


def bibkaz_csl(path: Path, _: str) -> list[dict[str, Any]]:
    from bibkaz.formats.csl import record_to_csl

    return [record_to_csl(r, k) for k, r, _ in csl_json.loads(path.read_text(encoding="utf-8"))]


def bibkaz_ris(path: Path, _: str) -> list[dict[str, Any]]:
    from bibkaz.formats.csl import record_to_csl

    return [record_to_csl(r, k) for k, r, _ in ris.loads(path.read_text(encoding="utf-8"))]


READERS: dict[str, list[tuple[str, Callable[[Path, str], list[dict[str, Any]]], str]]] = {
    # format -> [(reader name, reader, program it needs)]
    "csl-json": [("citation-js", citation_js, "node"), ("pandoc", pandoc("csljson"), "pandoc"),
                 ("bibkaz", bibkaz_csl, "")],
    "ris": [("citation-js", citation_js, "node"), ("bibkaz (rispy)", bibkaz_ris, "")],
    "biblatex": [("citation-js", citation_js, "node"), ("pandoc", pandoc("biblatex"), "pandoc")],
    "bibtex": [("citation-js", citation_js, "node"), ("pandoc", pandoc("bibtex"), "pandoc")],
}


def biber_warnings(path: Path) -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copy(path, Path(tmp) / "refs.bib")
        out = _run(["biber", "--tool", "--validate-datamodel", "refs.bib"], cwd=Path(tmp))
    lines = (out.stdout + out.stderr).splitlines()
    if out.returncode and not any(line.startswith("ERROR") for line in lines):
        lines.append(f"ERROR - biber exited with {out.returncode}")
    return [line for line in lines if line.startswith(("WARN", "ERROR"))]


def bibtex_warnings(path: Path) -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copy(path, Path(tmp) / "refs.bib")
        (Path(tmp) / "fid.aux").write_text("\\citation{*}\n\\bibdata{refs}\n\\bibstyle{plain}\n", encoding="utf-8")
        out = _run(["bibtex", "fid"], cwd=Path(tmp))
    return [line for line in out.stdout.splitlines() if line.startswith(("Warning--", "I was expecting", "error"))]


# ------------------------------------------------------------------ comparison


_TYPOGRAPHY = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-"})


def _norm(value: str) -> str:
    """Whitespace collapsed, typographic quotes and dashes as ASCII (pandoc makes quotes smart)."""
    return " ".join(value.translate(_TYPOGRAPHY).replace("--", "-").split())


def _comparable(field: str, value: Any) -> Any:
    if isinstance(value, tuple):
        return tuple(_norm(n.display()) for n in value)
    text = _norm(str(value))
    if field in ("title", "container_title", "collection_title", "doi"):
        return text.casefold()
    return text


def _reader_record(item: dict[str, Any], original: Record) -> Record:
    item = dict(item)
    if original.authors and not item.get("author"):
        role = next((r for r in AUTHOR_ROLES if item.get(r)), None)
        if role:
            item["author"] = item[role]
    note_lines = []
    for line in _note_lines(str(item.get("note", ""))):
        m = _NOTE_VARS.match(line.strip())
        var = m.group(1) if m else ""
        if m and var not in item and var not in ("bibkaz",):
            item[var] = m.group(2) if var not in ("accessed", "issued", "event-date") else {"raw": m.group(2)}
        elif not line.startswith("bibkaz:"):
            note_lines.append(line)
    item["note"] = "\n".join(note_lines)
    if "event-title" not in item and item.get("event"):
        item["event-title"] = item["event"]
    return csl_to_record(item)


def _own_note(note: str) -> str:
    return _norm(re.split(r"\.?\s*bibkaz:", note, maxsplit=1)[0])


def compare(original: Record, item: dict[str, Any] | None) -> dict[str, str]:
    """field -> "kept" | "in note" | "lost" for every filled field of ``original``."""
    out = {}
    back = _reader_record(item, original) if item is not None else None
    blob = json.dumps(item, ensure_ascii=False).casefold() if item is not None else ""
    for field, value in original.filled():
        if field == "year_suffix":
            continue  # tells two works apart in one bibliography; not a fact about the work
        if back is None:
            out[field] = "lost"
            continue
        got = getattr(back, field)
        if field == "note":
            kept = _norm(original.note) and _norm(original.note) in _own_note(got)
        else:
            kept = _comparable(field, got) == _comparable(field, value)
        if kept:
            out[field] = "kept"
        elif not isinstance(value, tuple) and _norm(str(value)).casefold() in blob:
            out[field] = "in note"
        else:
            out[field] = "lost"
    out["type"] = "kept" if back is not None and back.type == original.type else "lost"
    return out


# ------------------------------------------------------------------ corpus


def load(paths: list[str], sample: bool) -> Library:
    libraries = []
    if paths:
        from bibkaz.load import load_library

        libraries.append(load_library(paths).library)
    if sample:
        sys.path.insert(0, str(ROOT / "tests"))
        from test_export import sample_library

        libraries.append(sample_library())
    works = tuple(w for lib in libraries for w in lib.works)
    keys = Counter(w.key for w in works)
    if any(n > 1 for n in keys.values()):
        raise SystemExit(f"duplicate keys across inputs: {[k for k, n in keys.items() if n > 1][:5]}")
    return Library(documents=tuple(d for lib in libraries for d in lib.documents), works=works)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", help="folders of briefs, .bib or library JSON (e.g. seeds/)")
    parser.add_argument("--sample", action="store_true", help="add the hand-built sample of tests/test_export.py")
    parser.add_argument("--keep", type=Path, help="keep the exported files in this folder")
    args = parser.parse_args()
    library = load(args.paths, args.sample)
    originals = {w.key: w.record for w in library.works}
    print(f"{len(originals)} works, {sum(1 for r in originals.values() for _ in r.filled())} filled fields\n")
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bibkaz-fidelity-"))
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    per_type: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for fmt, readers in READERS.items():
        path = folder / f"export{ {'csl-json': '.json', 'ris': '.ris'}.get(fmt, '.' + fmt + '.bib') }"
        path.write_text(render(library, fmt), encoding="utf-8", newline="")
        for name, reader, program in readers:
            if program and not shutil.which(program):
                rows.append((fmt, name, "skipped: no " + program, "", "", "", ""))
                continue
            if program == "node" and not (NODE_DIR / "node_modules").exists():
                rows.append((fmt, name, "skipped: run npm ci --prefix bench/node", "", "", "", ""))
                continue
            try:
                items = {str(i.get("id")): i for i in reader(path, fmt)}
            except Exception as exc:  # a reader that crashes is a result too
                rows.append((fmt, name, f"failed: {exc}"[:80], "", "", "", ""))
                continue
            status: Counter[str] = Counter()
            lost: Counter[str] = Counter()
            for key, record in originals.items():
                for field, state in compare(record, items.get(key)).items():
                    status[state] += 1
                    if state != "kept":
                        lost[f"{field} ({state})" if state == "in note" else field] += 1
                        if name == "citation-js" or name == "pandoc":
                            per_type[(fmt, record.type)][f"{field}{'*' if state == 'in note' else ''}"] += 1
            total = sum(status.values())
            rows.append((fmt, name, f"{len(set(items) & set(originals))}/{len(originals)}", str(total),
                         f"{status['kept']} ({100 * status['kept'] / total:.1f}%)", str(status["in note"]),
                         ", ".join(f"{f}×{n}" for f, n in lost.most_common())))
    print("| format | reader | works read | fields | kept | in note | not kept (field×count) |")
    print("|---|---|---|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print()
    for label, check, prog, fmt in (("biber --validate-datamodel", biber_warnings, "biber", "biblatex"),
                                    ("bibtex (plain.bst)", bibtex_warnings, "bibtex", "bibtex")):
        if not shutil.which(prog):
            print(f"{label}: skipped (no {prog})")
            continue
        warnings = check(folder / f"export.{fmt}.bib")
        print(f"{label}: {len(warnings)} warnings")
        for w in warnings[:40]:
            print(f"    {w}")
    print("\nLoss by CSL type (citation-js and pandoc together; * = only in the note):\n")
    print("| format | type | fields not kept |")
    print("|---|---|---|")
    for (fmt, ctype), lost in sorted(per_type.items()):
        print(f"| {fmt} | {ctype} | {', '.join(f'{f}×{n}' for f, n in lost.most_common())} |")
    print(f"\nexports in {folder}")


if __name__ == "__main__":
    main()

"""Our outputs read by real, independent clients: biber, bibtex, pandoc and citation-js.

Each test skips, with the reason, when its program is not installed (.ci/run
installs them from Debian and npm).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from bibkaz.cli import main

ROOT = Path(__file__).resolve().parent.parent
BIB = ROOT / "references.bib"
NODE_DIR = ROOT / "bench" / "node"


def need(program: str) -> None:
    if not shutil.which(program):
        pytest.skip(f"{program} is not installed (Debian package; .ci/run installs it)")


def test_biber_validates_references_bib(tmp_path):
    need("biber")
    shutil.copy(BIB, tmp_path / "refs.bib")
    out = subprocess.run(["biber", "--tool", "--validate-datamodel", "refs.bib"], cwd=tmp_path,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr
    problems = [l for l in out.stdout.splitlines() if l.startswith(("WARN", "ERROR"))]
    # Only data the briefs do not state may be missing; no unknown field or type, no syntax error.
    assert problems and all("Missing mandatory field" in l for l in problems), problems


def test_classic_bibtex_reads_the_bibtex_dialect(tmp_path):
    need("bibtex")
    out_bib = tmp_path / "refs.bib"
    assert CliRunner().invoke(main, ["extract", str(ROOT / "seeds"), "-o", str(out_bib), "--dialect", "bibtex", "-q"]).exit_code == 0
    (tmp_path / "t.aux").write_text("\\citation{*}\n\\bibstyle{plain}\n\\bibdata{refs}\n", encoding="utf-8")
    run = subprocess.run(["bibtex", "t"], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    if "couldn't open style file plain.bst" in run.stdout:
        pytest.skip("plain.bst missing (Debian texlive-base)")
    assert "error message" not in run.stdout, run.stdout
    bbl = (tmp_path / "t.bbl").read_text(encoding="utf-8", errors="replace")
    assert bbl.count("\\bibitem") == 28


def _pandoc_titles(path: Path, fmt: str) -> list[str]:
    out = subprocess.run(["pandoc", "-f", fmt, "-t", "csljson", str(path)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return sorted(item.get("title", "") for item in json.loads(out.stdout))


def _flat(s: str) -> str:
    # pandoc turns BibLaTeX titles into sentence case except for braced words, so
    # case is compared loosely here (the bracing itself is tested in test_bibtex.py).
    return re.sub(r"[‘’“”'\"]", "'", " ".join(s.split())).casefold()


def test_pandoc_reads_biblatex_and_csl_json_alike(tmp_path):
    need("pandoc")
    csl = tmp_path / "seeds.json"
    assert CliRunner().invoke(main, ["export", str(ROOT / "seeds"), "--to", "csl-json", "-o", str(csl)]).exit_code == 0
    from_bib = sorted(_flat(t) for t in _pandoc_titles(BIB, "biblatex"))
    from_csl = sorted(_flat(t) for t in _pandoc_titles(csl, "csljson"))
    assert len(from_bib) == len(from_csl) == 28
    assert from_bib == from_csl
    ours = sorted(_flat(item["title"]) for item in json.loads(csl.read_text(encoding="utf-8")) if "title" in item)
    assert ours == from_csl


def test_citation_js_reads_our_csl_json_and_ris(tmp_path):
    need("node")
    if not (NODE_DIR / "node_modules" / "@citation-js" / "core").exists():
        pytest.skip("citation-js not installed (npm ci --prefix bench/node; .ci/run does it)")
    for fmt, suffix in (("csl-json", "json"), ("ris", "ris")):
        path = tmp_path / f"seeds.{suffix}"
        assert CliRunner().invoke(main, ["export", str(ROOT / "seeds"), "--to", fmt, "-o", str(path)]).exit_code == 0
        out = subprocess.run(["node", str(NODE_DIR / "read.mjs"), str(path), fmt], capture_output=True, text=True, timeout=120)
        assert out.returncode == 0, out.stderr
        items = json.loads(out.stdout)
        assert len(items) == 28
        dois = {i.get("DOI", "").lower() for i in items} - {""}
        assert "10.1080/10758216.2016.1220257" in dois

"""A small corpus for the --jobs and --cluster tests (issue 15), and how to compare two runs.

The slowest document sorts first, so in a parallel run the others finish
before it: the outputs match only if results are taken in input order. An empty
and a binary file make the run exit 1 with two warnings, which must match too.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from bibkaz.cli import main

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "corpus" / "dev"
SMALL = ("web_digitalgov_developer_page.md", "web_rust_call_for_blogs_2020.md", "web_18f_dark_standup.md",
         "web_18f_po_vs_cor.md", "open_joss_tidyhte.txt")
SLOW = "gov_crs_r48913_corporate_tax.txt"


def make_corpus(folder: Path, bad: bool = True, slow: bool = True) -> Path:
    """Seeds, a few small dev briefs, the slowest dev brief first, and two bad files."""
    folder.mkdir(parents=True, exist_ok=True)
    for seed in sorted((ROOT / "seeds").iterdir()):
        shutil.copy(seed, folder / seed.name)
    for name in SMALL:
        shutil.copy(DEV / name, folder / name)
    if slow:
        shutil.copy(DEV / SLOW, folder / ("0000_" + SLOW))
    if bad:
        (folder / "empty.txt").write_text("", encoding="utf-8")
        (folder / "zz_binary.txt").write_bytes(b"\x00\x01\x02binary")
    return folder


def run_extract(inputs: list[str], out: Path, *options: str) -> tuple[int, bytes, bytes, str]:
    """``bibkaz extract``: exit status, the .bib and JSON bytes, and stderr without the timing."""
    bib, js = out / "references.bib", out / "library.json"
    out.mkdir(parents=True, exist_ok=True)
    result = CliRunner().invoke(main, ["extract", *inputs, "-o", str(bib), "--json", str(js), *options])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    stderr = re.sub(r" in \d+\.\d+ s → .*", "", result.stderr if hasattr(result, "stderr") else result.output)
    return result.exit_code, bib.read_bytes(), js.read_bytes(), stderr


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The corpus above, made once per test module."""
    return make_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="module")
def serial(corpus, tmp_path_factory) -> tuple[int, bytes, bytes, str]:
    """What ``--jobs 1`` writes for it: every other run must write the same."""
    return run_extract([str(corpus)], tmp_path_factory.mktemp("serial"), "--jobs", "1")

"""Real Word files against their text conversion (issue 14: "measure on at least 10 real documents
per format").

The other format benches read twins built from the dev corpus (``bench/formats_twins.py``): the
PDFs are the real ones the corpus's texts were converted from, and real web pages stand beside
their text, but every Word file there is pandoc's conversion of a page or a Markdown post. This
bench reads Word files that agencies wrote and published in Word, each beside the text a user
gets by converting it first (``pandoc -t plain``, the conversion bibkaz names when it is handed a
Word file under a text name), and asks of the Word reading what the issue asks:

* the text's works found again (each Word file's text has no gold: its works as bibkaz reads them
  stand in for it, matched by the corpus scorer, ``extract_accuracy.score_tool``);
* the works the Word reading adds, and of those the ones whose address is a hyperlink's target
  that the text conversion does not show ("URLs from hyperlinks added");
* every note linked to its call: the notes the file holds (``word/footnotes.xml`` and
  ``word/endnotes.xml``, separators left out), the notes the reading hands on as a work's
  footnote or endnote, and those linked to their call (``formats_vs_text.notes_linked``).

    python bench/formats_real_docx.py [--mirrors /work/.mirror] [--out DIR] [--errors]

A second table scores real Word files that are the same document as a dev text with gold (same
source: the authors' Word manuscript beside the PDF the corpus text was converted from; a
petition's OpenDocument original, made a Word file by pandoc, beside its PDF). Each is mapped to
its gold by the dev document's name (:attr:`GoldWord.gold`) and scored against that gold as the
dev text is (works found, spurious, fields, notes linked), side by side with the dev text.

The files are taken from local mirrors of their repositories (``MIRRORS/<owner>+<name>/repo``,
``git show COMMIT:PATH``); every one is a work of the United States government, in the public
domain, and each repository dedicates it to the public domain worldwide (CC0 1.0). Files whose
mirror is missing are skipped with a message.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from extract_accuracy import (  # noqa: E402
    CORPUS, ToolScore, bibkaz_items, gold_items, norm_url, pct, run_bibkaz, score_tool,
)
from formats_twins import git_show  # noqa: E402
from formats_vs_text import notes_linked, unlinked_notes  # noqa: E402
from formats_vs_text import text_of as dev_text_of  # noqa: E402

_S508 = "GSA+Section508.gov"
_S508_2024 = "f2325da50e4f919c170632e431aadda06a4f565a"


@dataclass(frozen=True)
class RealWord:
    """A Word file as its publisher keeps it: repository mirror, commit and path; and its licence."""

    name: str
    repo: str
    commit: str
    path: str
    licence: str = "US government work, public domain; repository CC0 1.0"


REAL_WORD = (
    RealWord("s508_word2013_baseline_tests", _S508, _S508_2024, "assets/files/MS Word 2013 Baseline Test Process.docx"),
    RealWord("s508_word2010_baseline_tests", _S508, _S508_2024,
             "assets/files/Baseline_Tests_for_Docs_MS_Word_2010_accessibility_v  1.0 2.1.2015 FINAL.docx"),
    RealWord("s508_pdf_baseline_tests", _S508, _S508_2024, "assets/files/PDF Baseline Test Process.docx"),
    RealWord("s508_compliant_solicitations", _S508, _S508_2024,
             "assets/files/guidance-on-508-compliant-solicitations-20150921.docx"),
    RealWord("s508_acquisition_accessible_eit", _S508, _S508_2024,
             "assets/files/Guidance-on-Acquisition-for-Accessible-EIT-20150921.docx"),
    RealWord("s508_accessibility_playbook_2018", _S508, _S508_2024,
             "assets/files/Technology-Accessibility-Playbook-2018-Update.docx"),
    RealWord("s508_procurement_guide_iaaf2023", _S508, _S508_2024,
             "assets/files/iaaf/2023/Accessibility in Procurement Guide - IAAF 2023.docx"),
    RealWord("s508_word2013_authoring_guide", _S508, _S508_2024,
             "assets/files/MS Word 2013 Basic Authoring and Testing Guide.docx"),
    RealWord("s508_presentations_and_workshops", _S508, _S508_2024,
             "assets/files/Accessibility Presentations and Workshop Materials.docx"),
    RealWord("s508_standards_applicability_checklist", _S508, "65b63a1e9137e69f5b3893a0942b98e462b95d65",
             "assets/images/508-standards-applicability-checklist.docx"),
    RealWord("cio_ai_use_case_inventory_guidance", "GSA+cio.gov-redo", "78934372a24f048dd44396e90af34fc6368f48cf",
             "assets/resources/2021 Guidance for Creating Agency Inventories of AI Use Cases 10.06.2021.docx"),
    RealWord("plainlanguage_federal_guidelines", "GSA+plainlanguage.gov", "43230773bd7c589ac6394ead7b36a2554241abdc",
             "media/FederalPLGuidelines.docx"),
)



@dataclass(frozen=True)
class GoldWord:
    """A Word file that is the same document as a dev text with gold (same source), and that gold.

    ``converted`` names the format of a file the mirror holds instead of a Word file (``odt``):
    pandoc makes it a Word file, its footnotes kept as Word's own."""

    gold: str  # the dev document whose gold scores the Word file (tests/corpus/dev/<gold>.gold.json)
    repo: str
    commit: str
    path: str
    licence: str
    converted: str = ""


GOLD_WORD = (
    GoldWord("dev32_curtin_institutional_oa_evaluation", "Curtin-Open-Knowledge-Initiative+institutional-oa-evaluation-2020",
             "d286082708717ef31edac33a4d812b5dbcb15996", "revised_manuscript.docx",
             "Apache-2.0 (repository LICENSE); the published article CC BY 4.0 (eLife)"),
    GoldWord("dev8_sfc_1201_smart_tv_petition", "stain+conservancy-website", "9e41ddff766fe517a99198d60701193e8b68415e",
             "www/conservancy/static/docs/conservancy-1201-petition-2014-10-31.odt",
             "CC BY-SA 3.0 Unported (sfconservancy.org's licence page in the same repository)", converted="odt"),
)

_NOTE = re.compile(rb"<w:(footnote|endnote)\b([^>]*)>")
_SEPARATOR = re.compile(rb'w:type="(?:separator|continuationSeparator|continuationNotice)"')


def notes_in_file(data: bytes) -> int:
    """The footnotes and endnotes a Word file holds, its separators left out."""
    count = 0
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for part in ("word/footnotes.xml", "word/endnotes.xml"):
            if part in package.namelist():
                count += sum(1 for m in _NOTE.finditer(package.read(part)) if not _SEPARATOR.search(m.group(2)))
    return count


def text_of(docx: Path, target: Path) -> bool:
    """The Word file as a user converts it before a text-only tool reads it: pandoc's plain text."""
    done = subprocess.run(["pandoc", "-f", "docx", "-t", "plain", str(docx), "-o", str(target)], capture_output=True)
    if done.returncode:
        print(f"pandoc failed on {docx.name}: {done.stderr.decode()[:300]}", file=sys.stderr)
    return done.returncode == 0


def _urls(library: dict) -> set[str]:
    return {norm_url(w.get("csl", {}).get("URL", "")) for w in library.get("works", []) if w.get("csl", {}).get("URL")}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mirrors", type=Path, default=Path("/work/.mirror"))
    parser.add_argument("--out", type=Path, help="keep the Word files and their texts here")
    parser.add_argument("--errors", action="store_true",
                        help="list the text's works the Word reading misses, the works it adds, and unlinked notes (stderr)")
    args = parser.parse_args(argv)
    if not shutil.which("pandoc"):
        raise SystemExit("pandoc is needed for the text side")
    out = args.out or Path(tempfile.mkdtemp(prefix="real_docx_"))
    out.mkdir(parents=True, exist_ok=True)
    print("| Word file | text's works | found in Word | Word adds | from hyperlinks | notes in file | "
          "notes read | linked | text: notes linked |")
    print("|---|---|---|---|---|---|---|---|---|")
    totals = [0] * 9
    documents = 0
    for real in REAL_WORD:
        data = git_show(args.mirrors, real.repo, real.commit, real.path)
        if data is None:
            print(f"skip {real.name}: {real.repo} not mirrored", file=sys.stderr)
            continue
        docx, text = out / f"{real.name}.docx", out / f"{real.name}.txt"
        docx.write_bytes(data)
        if not text_of(docx, text):
            continue
        text_library, word_library = run_bibkaz(text), run_bibkaz(docx)
        word_items = bibkaz_items(word_library)
        score, matching = score_tool(bibkaz_items(text_library), word_items)
        added_urls = {norm_url(o.url) for o in matching.spurious(word_items) if o.url}
        from_links = len(added_urls - _urls(text_library) - {""})
        in_file = notes_in_file(data)
        linked, read = notes_linked(word_library)
        text_linked, text_read = notes_linked(text_library)
        row = (score.gold_works, score.found, score.spurious, from_links, in_file, read, linked)
        print(f"| {real.name} | {row[0]} | {row[1]} | {row[2]} | {row[3]} | {row[4]} | {row[5]} | {row[6]} | "
              f"{text_linked}/{text_read} |")
        for i, n in enumerate((*row, text_linked, text_read)):
            totals[i] += n
        documents += 1
        if args.errors:
            print_errors(real.name, score, word_library, extra="added")
    works, found, added, from_links, in_file, read, linked, text_linked, text_read = totals
    share = pct(found / works) if works else "–"
    print(f"| **all {documents}** | {works} | {found} ({share}) | {added} | {from_links} | {in_file} | {read} | "
          f"{linked} | {text_linked}/{text_read} |")
    print()
    gold_table(args.mirrors, out, args.errors)
    return 0


def gold_table(mirrors: Path, out: Path, errors: bool) -> None:
    """The Word files of :data:`GOLD_WORD` and their dev texts, each scored against the dev gold."""
    print("| Word file (gold) | read from | gold works | recall | spurious | fields | notes in file | notes linked |")
    print("|---|---|---|---|---|---|---|---|")
    for real in GOLD_WORD:
        data = git_show(mirrors, real.repo, real.commit, real.path)
        if data is None:
            print(f"skip {real.gold}: {real.repo} not mirrored", file=sys.stderr)
            continue
        docx = out / f"{real.gold}.docx"
        if real.converted:
            source = out / f"{real.gold}.{real.converted}"
            source.write_bytes(data)
            done = subprocess.run(["pandoc", "-f", real.converted, str(source), "-o", str(docx)], capture_output=True)
            if done.returncode:
                print(f"pandoc failed on {source.name}: {done.stderr.decode()[:300]}", file=sys.stderr)
                continue
            data = docx.read_bytes()
        else:
            docx.write_bytes(data)
        gold = json.loads((CORPUS / "dev" / f"{real.gold}.gold.json").read_text(encoding="utf-8"))
        text = dev_text_of(docx)
        in_file = notes_in_file(data)
        for kind, path in ((f"text ({text.suffix[1:]})", text), ("Word" + (f" (from {real.converted})" if real.converted else ""), docx)):
            library = run_bibkaz(path)
            score, _ = score_tool(gold_items(gold), bibkaz_items(library))
            linked, read = notes_linked(library)
            print(f"| {real.gold} | {kind} | {score.gold_works} | {pct(score.recall())} ({score.found}) | "
                  f"{pct(score.spurious_share())} ({score.spurious}/{score.outputs}) | {pct(score.field_accuracy())} | "
                  f"{in_file if path == docx else '–'} | {linked}/{read} |")
            if errors:
                print_errors(path.name, score, library)


def print_errors(name: str, score: ToolScore, library: dict, extra: str = "spurious") -> None:
    """A reading's works missed and ``extra`` (spurious against gold, or added to its text's reading),
    and its notes not linked (stderr)."""
    for item in score.missed:
        print(f"{name}: missed {item}", file=sys.stderr)
    for item in score.spurious_items:
        print(f"{name}: {extra} {item}", file=sys.stderr)
    for label, note in unlinked_notes(library):
        print(f"{name}: note {label} not linked: {note[:160]}", file=sys.stderr)


if __name__ == "__main__":
    raise SystemExit(main())

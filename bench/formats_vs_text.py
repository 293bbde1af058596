"""The same document as a web page or a Word file against its text (issue 14).

For each dev document with twins under TWINS (``bench/formats_twins.py``
writes them: real pages from the source repositories, pages built by Hugo,
kramdown and pandoc, Word files made by pandoc), bibkaz extracts the twin and
the corpus's text, and both are scored against the same gold: recall, spurious
share, field accuracy, the citations bibkaz links (scored by line for the
text; a count for the twins, whose lines differ from the gold's), and the notes
linked to a call (:func:`notes_linked`, alike for both). Dev documents only.

    python bench/formats_vs_text.py --twins DIR [--format html|docx|both] [--errors] [--numbered]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Iterator, Sequence

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from extract_accuracy import (  # noqa: E402
    CORPUS, ToolScore, bibkaz_citations, bibkaz_items, gold_items, pct, run_bibkaz, score_document, score_tool,
)


def score_cells(s: ToolScore) -> str:
    """The cells every format bench's table shares: gold works | recall (found) | spurious | fields."""
    return (f"{s.gold_works} | {pct(s.recall())} ({s.found}) | {pct(s.spurious_share())} ({s.spurious}/{s.outputs}) | "
            f"{pct(s.field_accuracy())}")


def row(name: str, kind: str, s: ToolScore, cites: str, notes: tuple[int, int]) -> str:
    return f"| {name} | {kind} | {score_cells(s)} | {cites} | {notes[0]}/{notes[1]} |"


_RAISED = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def notes_linked(library: dict, numbered: bool = False) -> tuple[int, int]:
    """(notes linked to a call, notes): each footnote or endnote reference, one for every work a note
    names, counts as linked when its work carries a note citation with the note's number in the same
    document. Unlike the citation count, this needs no line alignment with the gold, so a twin and
    its text are compared on the same terms ("every note linked to its call", issue 14).

    ``numbered`` counts a numbered reference list's entries and their bracket calls too: a Wikipedia
    page's "[9]" and its "References" list are notes in its text conversion (the "^" back-links make
    them endnotes) and a numbered list in the page, linked either way."""
    unlinked = unlinked_notes(library, numbered)
    total = sum(1 for _ in _note_references(library, numbered))
    return total - len(unlinked), total


def unlinked_notes(library: dict, numbered: bool = False) -> list[tuple[str, str]]:
    """The notes :func:`notes_linked` counts as not linked: (label, reference text), for ``--errors``."""
    return [(str(ref.get("label", "")), str(ref.get("text", ""))) for ref, calls in _note_references(library, numbered)
            if (ref.get("document"), int(str(ref.get("label")))) not in calls]


def _note_references(library: dict, numbered: bool = False) -> Iterator[tuple[dict, set[tuple[str, int]]]]:
    """Each numbered footnote or endnote reference (and with ``numbered`` each numbered reference-list
    entry) with its work's calls ((document, number) pairs)."""
    kinds = ("footnote", "endnote", "reference-list") if numbered else ("footnote", "endnote")
    call_kinds = ("note", "numeric") if numbered else ("note",)
    for work in library.get("works", []):
        if work.get("document"):
            continue
        calls = {(c.get("document"), int(n)) for c in work.get("citations", []) if c.get("kind") in call_kinds
                 for n in re.findall(r"\d+", str(c.get("text", "")).translate(_RAISED))}
        for ref in work.get("references", []):
            if ref.get("kind") in kinds and str(ref.get("label", "")).isdigit():
                yield ref, calls


def text_of(doc: Path) -> Path:
    """The corpus document a twin stands for: ``<doc>.<tool>.html`` or ``<doc>.docx`` → the dev file."""
    stem = doc.name.split(".")[0]
    return next(p for p in sorted((CORPUS / "dev").glob(stem + ".*")) if not p.name.endswith(".gold.json"))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--twins", type=Path, required=True)
    parser.add_argument("--format", choices=("html", "docx", "both"), default="both")
    parser.add_argument("--errors", action="store_true", help="list the works each twin and its text miss or add (stderr)")
    parser.add_argument("--numbered", action="store_true",
                        help="notes linked counts numbered reference-list entries and their bracket calls as notes")
    args = parser.parse_args(argv)

    formats = ("html", "docx") if args.format == "both" else (args.format,)
    print("| document | read from | gold works | recall | spurious | fields | citations linked | notes linked |")
    print("|---|---|---|---|---|---|---|---|")
    # per kind of twin ("html (hugo)", "docx"): its scores, the text's on the same documents, and documents,
    # citations, notes linked and notes of the twin and of the text
    totals: dict[str, tuple[ToolScore, ToolScore, list[int]]] = {}
    text_scores: dict[str, ToolScore] = {}
    text_notes: dict[str, tuple[int, int]] = {}
    for fmt in formats:
        for twin in sorted((args.twins / fmt).glob(f"*.{fmt}")):
            stem = twin.name.split(".")[0]
            gold_path = CORPUS / "dev" / f"{stem}.gold.json"
            if not gold_path.exists():
                continue
            source = text_of(twin)
            if source.suffix == twin.suffix:
                continue  # the corpus holds this page itself: no text to compare with
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            if stem not in text_scores:
                text_scores[stem] = s = score_document(source, gold, ["bibkaz"])["bibkaz"]
                text_library = run_bibkaz(source)
                text_notes[stem] = notes_linked(text_library, args.numbered)
                print(row(stem, f"text ({source.suffix[1:]})", s, f"{s.cites_linked}/{s.cites_total}", text_notes[stem]))
                if args.errors:
                    print_twin_errors(source.name, s)
                    for label, text in unlinked_notes(text_library, args.numbered):
                        print(f"{source.name}: note {label} not linked: {text[:160]}", file=sys.stderr)
            library = run_bibkaz(twin)
            score, _ = score_tool(gold_items(gold), bibkaz_items(library))
            kind = f"{fmt} ({twin.name.split('.')[1]})" if twin.name.count(".") > 1 else fmt
            cites = len(bibkaz_citations(library))
            notes = notes_linked(library, args.numbered)
            print(row(stem, kind, score, f"{cites} (unaligned)", notes))
            twin_total, text_total, counts = totals.setdefault(kind, (ToolScore(), ToolScore(), [0] * 6))
            twin_total.add(score)
            text_total.add(text_scores[stem])
            for i, n in enumerate((1, cites, *notes, *text_notes[stem])):
                counts[i] += n
            if args.errors:
                print_twin_errors(twin.name, score, text_scores[stem])
                for label, text in unlinked_notes(library, args.numbered):
                    print(f"{twin.name}: note {label} not linked: {text[:160]}", file=sys.stderr)
    print()
    print("| read from | documents | gold works | recall | spurious | fields | citations linked | notes linked |")
    print("|---|---|---|---|---|---|---|---|")
    for kind, (twin_total, text_total, (n, cites, linked, notes, text_linked, text_notes_n)) in totals.items():
        print(_total_row(kind, n, twin_total, f"{cites} (unaligned)", (linked, notes)))
        print(_total_row("text, same documents", n, text_total, f"{text_total.cites_linked}/{text_total.cites_total}",
                         (text_linked, text_notes_n)))
    return 0


def print_twin_errors(name: str, score: ToolScore, text: ToolScore | None = None) -> None:
    """The works ``name`` misses and adds, one a line on stderr (``--errors``); a twin's errors that
    its text shares are marked "(text too)", so what the reader hands on stands out. A missed work
    is its gold key; an added one is known by its words."""
    missed = {str(i.get("key")) for i in text.missed} if text else set()
    added = {_words(i) for i in text.spurious_items} if text else set()
    for item in score.missed:
        print(f"{name}: missed {item}{' (text too)' if str(item.get('key')) in missed else ''}", file=sys.stderr)
    for item in score.spurious_items:
        print(f"{name}: spurious {item}{' (text too)' if _words(item) in added else ''}", file=sys.stderr)


def _words(item: dict) -> str:
    """A work's letters and digits as both readings write it: web addresses without their scheme,
    raised call digits out (a PDF's "d111654²⁶" is the text's "d111654")."""
    words = re.sub(r"https?://(?:www\.)?|[⁰¹²³⁴⁵⁶⁷⁸⁹]+", "", str(item.get("text", "")))
    return re.sub(r"[\W_]+", "", words.lower())[:40]


def _total_row(kind: str, n: int, s: ToolScore, cites: str, notes: tuple[int, int]) -> str:
    share = f" ({pct(notes[0] / notes[1])})" if notes[1] else ""
    return f"| {kind} | {n} | {score_cells(s)} | {cites} | {notes[0]}/{notes[1]}{share} |"


if __name__ == "__main__":
    raise SystemExit(main())

"""Pass rate of the CSL processor test suite, through bibkaz's formatter and plain citeproc-py (issue 16).

Run by hand (never as a test); the fixtures are not in this repository (the
test-suite repository states no licence), so the folder is an argument:

    python bench/csl_test_suite.py PATH/test-suite/processor-tests/humans [--processor both|bibkaz|plain]
                                   [--only 'collapse_*'] [--show N] [--list-failing FILE]

Each fixture (``group_Name.txt``: MODE, CSL, INPUT, RESULT and optional
CITATION-ITEMS / CITATIONS) is rendered to HTML and compared line by line with
its RESULT, as citeproc-py's own harness compares (``&amp;`` read as ``&#38;``):

* ``plain``: citeproc-py alone (a fresh process, so none of bibkaz's patches
  are installed), fed as citeproc-py's harness feeds it;
* ``bibkaz``: ``bibkaz.style.render`` (bibliographies) and
  ``bibkaz.style.citations.render_citations`` (citations), the code behind
  ``bibkaz format``.

Every fixture counts; modes neither path supports (``bibliography-header``,
citation clusters with note numbers printed as "..[0]" lines, which need
citeproc-js's incremental API) count as failures. Results are reported
overall, per group, and for the groups the six target styles need
(:data:`STYLE_GROUPS`: a group is needed when one of the six styles uses the
feature it tests).
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import re
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

_SECTION = re.compile(r"^>>=+\s*([A-Z-]+)\s*=+>>\s*$(.*?)^<<=+\s*\1\s*=+<<\s*$", re.M | re.S)

#: Feature groups of the suite and the CSL markup that makes one of the six target styles need them.
STYLE_GROUPS = {
    "affix": r'\b(prefix|suffix)="', "collapse": r'\bcollapse="', "condition": r"<if ", "date": r"<date ",
    "decorations": r'font-(style|weight|variant)="', "disambiguate": r'disambiguate', "display": r'\bdisplay="',
    "etal": r"<et-al|et-al-min", "flipflop": r'quotes="true"|font-style="italic"', "form": r'form="short"',
    "group": r"<group", "label": r"<label", "locale": r"<term|term=\"", "locator": r'variable="locator"',
    "name": r"<name ", "nameattr": r'name-as-sort-order|initialize-with|et-al-min', "nameorder": r'name-as-sort-order',
    "number": r"<number", "page": r'variable="page"', "plural": r'plural="|<label', "position": r'position="',
    "punctuation": r'quotes="true"', "quotes": r'quotes="true"', "sort": r"<sort", "sortseparator": r'sort-separator',
    "substitute": r"<substitute", "textcase": r'text-case="', "variables": r'variable="',
}
STYLES = ("apa", "chicago-author-date", "chicago-notes-bibliography", "ieee", "modern-language-association",
          "harvard-cite-them-right")


@dataclass(frozen=True)
class Fixture:
    name: str
    group: str
    mode: str
    csl: str
    items: list[dict[str, Any]]
    expected: list[str]
    citation_items: list[list[dict[str, Any]]] | None
    citations: list[Any] | None


def read_fixture(path: Path) -> Fixture:
    sections = {m.group(1): m.group(2).strip("\n") for m in _SECTION.finditer(path.read_text(encoding="utf-8-sig"))}
    items = json.loads(sections["INPUT"])
    for n, item in enumerate(items):  # as citeproc-py's harness: ids and types the fixture leaves out
        item.setdefault("id", str(n))
        item["id"] = str(item["id"])
        item.setdefault("type", "book")
    # citeproc-js's runner keys items by id: an id given twice is one item, the later data winning
    items = list({item["id"]: item for item in items}.values())
    return Fixture(
        name=path.stem, group=path.stem.split("_")[0], mode=sections.get("MODE", "").strip(), csl=sections["CSL"],
        items=items, expected=sections["RESULT"].splitlines(),
        citation_items=json.loads(sections["CITATION-ITEMS"]) if "CITATION-ITEMS" in sections else None,
        citations=json.loads(sections["CITATIONS"]) if "CITATIONS" in sections else None,
    )


def documents(fixture: Fixture) -> list[list[tuple[str, list[dict[str, Any]]]]]:
    """The document's citations, (citation id, cite dicts) in order, after each step of the fixture.

    CITATIONS replays citeproc-js's ``processCitationCluster(citation, pre, post)``: each step
    names the document's citations before and after the one it adds or replaces (by
    ``citationID``), so the document after a step is those, in that order; citations it does
    not name are gone. Other fixtures are one step (CITATION-ITEMS, or every item cited once).
    """
    if fixture.citations is None:
        if fixture.citation_items is not None:
            return [[(str(n), c) for n, c in enumerate(fixture.citation_items)]]
        return [[("0", [{"id": item["id"]} for item in fixture.items])]]
    known: dict[str, list[dict[str, Any]]] = {}
    steps = []
    for citation, pre, post in fixture.citations:
        known[citation["citationID"]] = citation["citationItems"]
        order = [c[0] for c in pre] + [citation["citationID"]] + [c[0] for c in post]
        steps.append([(cid, known[cid]) for cid in order if cid in known])
    return steps


def note_numbers(fixture: Fixture) -> dict[str, int] | None:
    """citationID → the note holding it (``properties.noteIndex``; 0 in the running text), for
    fixtures that give CITATIONS; None otherwise (no notes to speak of)."""
    if fixture.citations is None:
        return None
    return {c["citationID"]: int((c.get("properties") or {}).get("noteIndex", 0) or 0)
            for c, _pre, _post in fixture.citations}


def clusters(fixture: Fixture) -> list[list[dict[str, Any]]]:
    """The citations of the document at the fixture's end."""
    return [cites for _cid, cites in documents(fixture)[-1]]


def cited_items(fixture: Fixture) -> list[dict[str, Any]]:
    """The items a bibliography lists: those the fixture's citations cite, in the order first
    cited (as citeproc-js registers them), or every item when it gives no citations."""
    if fixture.citations is None and fixture.citation_items is None:
        return fixture.items
    by_id = {str(item["id"]): item for item in fixture.items}
    order = dict.fromkeys(str(c["id"]) for cluster in clusters(fixture) for c in cluster)
    return [by_id[i] for i in order if i in by_id]


def _bib_lines(entries: list[tuple[str, str]]) -> list[str]:
    """citeproc-js's HTML bibliography, one element a line; (label, body) pairs. An aligned entry's
    trailing white space (a layout ending in ``suffix=". "``) citeproc-js writes after the
    right-inline element's line break, before the entry's closing tag ("   </div>")."""
    lines = ['<div class="csl-bib-body">']
    for label, body in entries:
        if label:
            text = body.rstrip()
            lines += ['  <div class="csl-entry">',
                      f'    <div class="csl-left-margin">{label}</div><div class="csl-right-inline">{text}</div>',
                      body[len(text):] + "  </div>"]
        else:
            lines.append(f'  <div class="csl-entry">{body}</div>')
    return lines + ["</div>"]


def _numbered(render_document: Any, fixture: Fixture) -> list[str]:
    """citeproc-js's test-runner lines: every citation of the final document, ">>" before the
    one the last step processed and those whose text that step changed (compared with the
    document rendered before it), ".." before the others. Without CITATIONS: the texts alone."""
    steps = documents(fixture)
    texts = render_document(steps[-1])
    if fixture.citations is None:
        return texts
    before = {}
    if len(steps) > 1:
        before = dict(zip((cid for cid, _ in steps[-2]), render_document(steps[-2])))
    current = fixture.citations[-1][0]["citationID"]
    lines = []
    for n, ((cid, _cites), text) in enumerate(zip(steps[-1], texts)):
        changed = cid == current or before.get(cid) != text
        lines.append(f"{'>>' if changed else '..'}[{n}] {text}")
    return lines


def _style_file(fixture: Fixture) -> tuple[str, str]:
    handle = tempfile.NamedTemporaryFile("w", suffix=".csl", delete=False, encoding="utf-8")
    handle.write(fixture.csl)
    handle.close()
    locale = re.search(r'default-locale="([^"]+)"', fixture.csl)
    return handle.name, locale.group(1) if locale else "en-US"


def run_bibkaz(fixture: Fixture) -> list[str]:
    from bibkaz.style import render
    from bibkaz.style.citations import Cite, render_citations

    path, locale = _style_file(fixture)
    try:
        if fixture.mode.startswith("bibliography"):
            rendered = render(cited_items(fixture), path, locale, "html")
            return _bib_lines([(e.label, e.gap + e.body) for e in rendered.entries])

        notes = note_numbers(fixture)

        def render_document(document: list[tuple[str, list[dict[str, Any]]]]) -> list[str]:
            cited = [[Cite(str(c["id"]), str(c.get("locator", "")), c.get("label", "page") if "locator" in c else "",
                           c.get("prefix", ""), c.get("suffix", "")) for c in cluster] for _cid, cluster in document]
            return render_citations(fixture.items, cited, path, locale, to="html",
                                    notes=[notes[cid] for cid, _ in document] if notes is not None else None)

        return _numbered(render_document, fixture)
    finally:
        Path(path).unlink()


def run_plain(fixture: Fixture) -> list[str]:
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source import Locator
    from citeproc.source.json import CiteProcJSON

    path, _locale = _style_file(fixture)
    try:
        style = CitationStylesStyle(path, validate=False)
    finally:
        Path(path).unlink()
    def render_document(document: list[tuple[str, list[dict[str, Any]]]]) -> list[str]:
        bib = CitationStylesBibliography(style, CiteProcJSON(fixture.items), formatter.html)
        citations = []
        for _cid, cluster in document:
            cites = []
            for cite in cluster:
                extra = {k.replace("-", "_"): v for k, v in cite.items() if k not in ("id", "label", "locator")}
                if "locator" in cite:
                    extra["locator"] = Locator(cite.get("label", "page"), cite["locator"])
                cites.append(CitationItem(str(cite["id"]), **extra))
            citations.append(Citation(cites))
        for citation in citations:
            bib.register(citation)
        if style.has_bibliography():
            bib.sort()
        if fixture.mode.startswith("bibliography"):
            return _bib_lines([("", str(entry)) for entry in bib.bibliography()])
        return [str(bib.cite(c, lambda item: None)) for c in citations]

    if fixture.mode.startswith("bibliography"):
        return render_document(documents(fixture)[-1])
    return _numbered(render_document, fixture)


class _Timeout(Exception):
    pass


def _alarm(_signum: int, _frame: Any) -> None:
    raise _Timeout


def passes(fixture: Fixture, processor: str) -> tuple[bool, list[str]]:
    if fixture.mode not in ("citation", "bibliography"):
        return False, [f"(mode {fixture.mode!r} not run)"]
    run = run_bibkaz if processor == "bibkaz" else run_plain
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(30)
    try:
        got = [line for text in run(fixture) for line in str(text).split("\n")]
    except _Timeout:
        return False, ["(timed out after 30 s)"]
    except Exception as exc:  # a processor failing on a fixture is a failed fixture
        return False, [f"(error: {type(exc).__name__}: {str(exc)[:200]})"]
    finally:
        signal.alarm(0)
    got = [line.replace("&amp;", "&#38;") for line in got]
    return got == fixture.expected, got


def run_all(folder: Path, processor: str, only: str) -> dict[str, Any]:
    results = {}
    for path in sorted(folder.glob("*.txt")):
        if not fnmatch.fnmatch(path.name, only):
            continue
        try:
            fixture = read_fixture(path)
        except (KeyError, ValueError) as exc:
            results[path.stem] = {"pass": False, "got": [f"(unreadable fixture: {exc})"], "expected": []}
            continue
        ok, got = passes(fixture, processor)
        results[path.stem] = {"pass": ok, "got": got, "expected": fixture.expected}
    return results


def needed_groups() -> set[str]:
    from bibkaz.style import find_style

    texts = [Path(find_style(s).path).read_text(encoding="utf-8") for s in STYLES]
    return {group for group, pattern in STYLE_GROUPS.items() if any(re.search(pattern, t) for t in texts)}


def table(by_processor: dict[str, dict[str, Any]]) -> list[str]:
    names = sorted(next(iter(by_processor.values())))
    groups = sorted({n.split("_")[0] for n in names})
    needed = needed_groups()
    procs = list(by_processor)
    lines = ["| group | fixtures | " + " | ".join(procs) + " |", "|---|---|" + "---|" * len(procs)]

    def row(label: str, members: list[str]) -> str:
        cells = []
        for p in procs:
            passed = sum(by_processor[p][n]["pass"] for n in members)
            cells.append(f"{passed} ({100 * passed / max(len(members), 1):.1f} %)")
        return f"| {label} | {len(members)} | " + " | ".join(cells) + " |"

    lines.append(row("**all**", names))
    lines.append(row("**groups the six styles need**", [n for n in names if n.split("_")[0] in needed]))
    for group in groups:
        lines.append(row(group + (" *" if group in needed else ""), [n for n in names if n.split("_")[0] == group]))
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="processor-tests/humans of the CSL test-suite repository")
    parser.add_argument("--processor", choices=("both", "bibkaz", "plain"), default="both")
    parser.add_argument("--only", default="*.txt", help="glob of fixture file names")
    parser.add_argument("--show", type=int, default=0, help="print this many failures (bibkaz's)")
    parser.add_argument("--json", action="store_true", help="print raw results as JSON (used for --processor both)")
    parser.add_argument("--list-failing", type=Path, help="write the names of the fixtures bibkaz fails here")
    args = parser.parse_args()
    folder = args.folder / "processor-tests" / "humans" if (args.folder / "processor-tests").is_dir() else args.folder
    if args.processor != "both":
        results = run_all(folder, args.processor, args.only)
        if args.json:
            print(json.dumps(results))
            return 0
        by_processor = {args.processor: results}
    else:
        # Separate processes: bibkaz patches citeproc-py in place, so plain citeproc-py needs its own.
        by_processor = {}
        for proc in ("plain", "bibkaz"):
            out = subprocess.run([sys.executable, __file__, str(folder), "--processor", proc, "--only", args.only,
                                  "--json"], capture_output=True, text=True, check=True)
            by_processor[proc] = json.loads(out.stdout)
    print("\n".join(table(by_processor)))
    mine = by_processor.get("bibkaz") or next(iter(by_processor.values()))
    failing = sorted(n for n, r in mine.items() if not r["pass"])
    for name in failing[: args.show]:
        print(f"--- {name}\n  expected: {mine[name]['expected']}\n  got:      {mine[name]['got']}")
    if args.list_failing:
        args.list_failing.write_text("".join(f"{n}\n" for n in failing), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

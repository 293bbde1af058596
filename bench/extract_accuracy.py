"""Whole-document accuracy on the real-document corpus (issue 11, item 2):
bibkaz and refextract side by side against the hand-checked gold files of
tests/corpus/{dev,test}/ (schema: tests/corpus/README.md).

Run by hand from the repository root (never as a test):

    python bench/extract_accuracy.py --part dev|test|all [--tool bibkaz|refextract|both]
        [--per-document] [--json out.json] [--errors]

What is measured, per document and over all documents:

- recall: share of gold works found. A gold work is found when an output work
  matches it (see :func:`match_score`): same DOI; same URL (scheme, ``www.``,
  trailing slash and case of the host ignored); title similarity >= 0.85 with the
  years agreeing when both have one; or its reference text matching an output
  reference text (>= 0.85). Output and gold works are paired one to one, best
  match first, so one merged output work cannot stand for two gold works.
- spurious: output works that match no gold work at all, as a share of output
  works. An output work that matches a gold work already paired with another
  output work is a duplicate (bibkaz failed to merge), counted apart.
- field accuracy on the paired works: authors' family names (in order), title,
  container, year, DOI, URL; a field is scored where gold or output has a value:
  right, wrong (both have it, or only the output has it) or missing (only gold).
- citations linked (bibkaz only): share of (gold citation, gold work) pairs for
  which bibkaz has a citation within one line of the gold one, on a work that
  matches the gold work. HTML documents are numbered by their file lines in gold
  and by the converted text in bibkaz; :func:`line_map` maps one onto the other.

bibkaz's record of the document itself (the work with ``document`` set) is not
a cited work and is left out of its output. refextract (GPL, benchmark only,
``pip install -e ".[bench]"``) gets the same plain text bibkaz reads.
``--errors`` lists missed and spurious works, for the dev part only: the test
part is scored, never looked into.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from anyascii import anyascii
from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CORPUS = ROOT / "tests" / "corpus"
DOC_SUFFIXES = (".txt", ".md", ".html", ".htm")
FIELDS = ("authors", "title", "container", "year", "doi", "url")
#: Title similarity from which two titles name the same work (the brief's threshold).
TITLE_MATCH = 0.85
#: Reference-text similarity from which two reference strings cite the same work.
TEXT_MATCH = 0.85
#: token_set_ratio calls "Incidents" and "Recent Incidents" equal; below this many
#: words in the shorter title only the plain ratio is trusted.
TOKEN_SET_MIN_WORDS = 3
TOOLS = ("bibkaz", "refextract")


# --------------------------------------------------------------------------- normalising


def norm_text(s: str) -> str:
    """Lower-case ASCII words only, so quotes, dashes, italics stars and diacritics
    in PDF or HTML conversions do not decide a match."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", anyascii(s or "").lower()).split())


_MARKER = re.compile(r"^\s*(?:\[\d+\]|\(\d+\)|\d{1,3}[.)]?\s|[\u00b9\u00b2\u00b3\u2070-\u2079]+)\s*")


def strip_marker(s: str) -> str:
    """A reference without the note or entry number in front ("¹ ", "[3] ", "12. "),
    which gold texts never carry and tools' raw texts sometimes do."""
    return _MARKER.sub("", s or "", count=1)


def norm_doi(s: str) -> str:
    """DOIs are case-insensitive; resolver prefixes and trailing punctuation are not part of them."""
    s = (s or "").strip().lower()
    s = re.sub(r"^(?:https?://)?(?:dx\.)?doi\.org/|^doi:\s*", "", s)
    return s.rstrip(".,;)")


def norm_url(s: str) -> str:
    """One spelling per address: no scheme, no ``www.``, no trailing slash or
    punctuation, host case ignored (the brief's normalisation)."""
    s = (s or "").strip().strip("<>").rstrip(".,;)")
    s = re.sub(r"^[a-z]+://", "", s, flags=re.I)
    s = re.sub(r"^www\.", "", s, flags=re.I)
    host, _, rest = s.partition("/")
    s = host.lower() + ("/" + rest if rest else "")
    return s.rstrip("/")


def norm_year(s: Any) -> str:
    """The four-digit year in a date or year string, or ""."""
    m = re.search(r"\b(1[5-9]\d\d|20\d\d)\b", str(s or ""))
    return m.group(1) if m else ""


def norm_family(s: str) -> str:
    """Family names compared without case, diacritics or punctuation ("O’Neil" = "O'Neil")."""
    return norm_text(s).replace(" ", "")


# --------------------------------------------------------------------------- items


@dataclass(frozen=True)
class Item:
    """A work as the scorer sees it, whether from gold, bibkaz or refextract."""

    key: str
    authors: tuple[str, ...] = ()
    title: str = ""
    container: str = ""
    year: str = ""
    doi: str = ""
    url: str = ""
    texts: tuple[str, ...] = ()
    lines: tuple[int, ...] = ()

    def value(self, name: str) -> Any:
        """The field as scored: authors as a tuple of family names, the rest as strings."""
        return getattr(self, name)


def gold_items(gold: dict[str, Any]) -> list[Item]:
    """The gold file's works as Items."""
    out = []
    for w in gold.get("works", []):
        authors = w.get("authors") or []
        if isinstance(authors, str):
            authors = [authors] if authors else []
        out.append(Item(
            key=w["id"], authors=tuple(authors), title=w.get("title") or "", container=w.get("container") or "",
            year=norm_year(w.get("year")), doi=w.get("doi") or "", url=w.get("url") or "",
            texts=(w.get("text") or "",), lines=(int(w.get("line") or 0),),
        ))
    return out


def csl_family(name: dict[str, Any]) -> str:
    """A CSL name's family name as printed (with its particle), or an organisation's literal."""
    if name.get("literal"):
        return name["literal"]
    return " ".join(p for p in (name.get("non-dropping-particle", ""), name.get("family", "")) if p)


def csl_year(csl: dict[str, Any]) -> str:
    """The year of a CSL item's ``issued`` date, in any of its CSL shapes."""
    issued = csl.get("issued") or {}
    parts = issued.get("date-parts") or [[]]
    if parts and parts[0]:
        return norm_year(parts[0][0])
    return norm_year(issued.get("literal") or issued.get("raw") or "")


def bibkaz_items(library: dict[str, Any]) -> list[Item]:
    """bibkaz's works from its library JSON, without the document's own record,
    which the document does not cite."""
    out = []
    for w in library.get("works", []):
        if w.get("document"):
            continue
        csl = w.get("csl", {})
        out.append(Item(
            key=w["key"], authors=tuple(csl_family(n) for n in csl.get("author", [])), title=csl.get("title", ""),
            container=csl.get("container-title") or csl.get("collection-title") or "", year=csl_year(csl),
            doi=csl.get("DOI", ""), url=csl.get("URL", ""),
            texts=tuple(r.get("text", "") for r in w.get("references", [])),
            lines=tuple(int(r.get("line") or 0) for r in w.get("references", [])),
        ))
    return out


def bibkaz_citations(library: dict[str, Any]) -> list[tuple[int, str]]:
    """(line, work key) for every citation bibkaz linked to a cited work."""
    return [(int(c.get("line") or 0), w["key"]) for w in library.get("works", []) if not w.get("document")
            for c in w.get("citations", [])]


def refextract_families(author: str) -> tuple[str, ...]:
    """Family names from refextract's author string ("J. Smith and K. Lee"), read
    with bibkaz's name parser as bench/parse_accuracy.py does."""
    from bibkaz.parse.normalise.names import parse_names

    author = strip_marker(author)
    if not author.strip():
        return ()
    return tuple(n.literal or n.full_family for n in parse_names(author))


def refextract_items(refs: Sequence[dict[str, Any]]) -> list[Item]:
    """refextract's references as Items; each reference is one output work
    (refextract does not merge repeated citations of a work)."""
    out = []
    for i, r in enumerate(refs, 1):
        get = lambda k: " ".join(r.get(k, []))  # noqa: E731
        doi = (r.get("doi") or [""])[0]
        url = (r.get("url") or [""])[0]
        out.append(Item(
            key=f"r{i}", authors=refextract_families(get("author")), title=get("title"),
            container=get("journal_title"), year=norm_year(get("year") or get("journal_year")),
            doi=doi, url=url, texts=(strip_marker(get("raw_ref")),),
        ))
    return out


# --------------------------------------------------------------------------- matching


def title_similarity(a: str, b: str) -> float:
    """Similarity of two titles in [0, 1]: token_set_ratio forgives a missing
    subtitle or series prefix, but only for titles of several words."""
    a, b = norm_text(a), norm_text(b)
    if not a or not b:
        return 0.0
    score = fuzz.ratio(a, b)
    if min(len(a.split()), len(b.split())) >= TOKEN_SET_MIN_WORDS:
        score = max(score, fuzz.token_set_ratio(a, b))
    return score / 100


def text_similarity(gold_text: str, texts: Iterable[str]) -> float:
    """Best plain similarity between a gold reference text and an output's
    reference texts (plain ratio: a note holding two works is not either one)."""
    g = norm_text(strip_marker(gold_text))
    if not g:
        return 0.0
    return max((fuzz.ratio(g, norm_text(strip_marker(t))) / 100 for t in texts if t), default=0.0)


def match_score(gold: Item, out: Item) -> float:
    """How surely ``out`` is ``gold``: 0 for no match; identifiers (6 DOI, 5 URL)
    beat titles (3 + similarity), which beat reference texts (1 + similarity)."""
    if gold.doi and out.doi and norm_doi(gold.doi) == norm_doi(out.doi):
        return 6.0
    if gold.url and out.url and norm_url(gold.url) == norm_url(out.url):
        return 5.0
    years_agree = not (gold.year and out.year) or gold.year == out.year
    sim = title_similarity(gold.title, out.title)
    if sim >= TITLE_MATCH and years_agree:
        return 3.0 + sim
    sim = text_similarity(gold.texts[0] if gold.texts else "", out.texts)
    if sim >= TEXT_MATCH:
        return 1.0 + sim
    return 0.0


@dataclass
class Matching:
    """The one-to-one pairing of gold and output works, plus every matching pair
    (which citations and duplicates need)."""

    pairs: dict[str, str]  # gold key -> output key
    matches: set[tuple[str, str]]  # every (gold key, output key) that match

    def spurious(self, outputs: Sequence[Item]) -> list[Item]:
        """Output works that match no gold work."""
        matched = {o for _, o in self.matches}
        return [o for o in outputs if o.key not in matched]

    def duplicates(self, outputs: Sequence[Item]) -> list[Item]:
        """Output works that match a gold work but were not paired: unmerged repeats."""
        matched = {o for _, o in self.matches}
        paired = set(self.pairs.values())
        return [o for o in outputs if o.key in matched and o.key not in paired]


def match(golds: Sequence[Item], outputs: Sequence[Item]) -> Matching:
    """Pair gold and output works greedily, surest match first, each at most once."""
    scored = []
    for g in golds:
        for o in outputs:
            s = match_score(g, o)
            if s > 0:
                scored.append((s, g.key, o.key))
    scored.sort(key=lambda t: -t[0])
    pairs: dict[str, str] = {}
    used: set[str] = set()
    for _, g, o in scored:
        if g not in pairs and o not in used:
            pairs[g] = o
            used.add(o)
    return Matching(pairs, {(g, o) for _, g, o in scored})


# --------------------------------------------------------------------------- field scoring


def field_right(name: str, gold: Any, out: Any) -> bool:
    """Whether an output field value equals the gold one, up to spelling that no
    reader would call a different value."""
    if name == "authors":
        return [norm_family(a) for a in gold] == [norm_family(a) for a in out]
    if name == "doi":
        return norm_doi(gold) == norm_doi(out)
    if name == "url":
        return norm_url(gold) == norm_url(out)
    if name == "year":
        return gold == out
    a, b = norm_text(gold), norm_text(out)
    return a == b or fuzz.ratio(a, b) >= (95 if name == "title" else 90)


def field_outcome(name: str, gold: Any, out: Any) -> str | None:
    """right / wrong / missing for one field, None when neither side has a value."""
    if not gold and not out:
        return None
    if gold and not out:
        return "missing"
    if out and not gold:
        return "wrong"
    return "right" if field_right(name, gold, out) else "wrong"


def paired_outcome(name: str, gold: "Item", out: "Item") -> str | None:
    """right / wrong / missing for one field of a gold work and the output work paired with it.

    A doi.org link in one side's ``url`` where the other side gives no URL but the same DOI is the
    same address written once: the golds disagree on keeping it beside the DOI (tests/corpus/README.md,
    "DOI links"), and an export that gives the DOI gives its link. Counted right, not missing.
    """
    g, o = gold.value(name), out.value(name)
    if name == "url" and bool(g) != bool(o):
        link, doi = (g, out.value("doi")) if g else (o, gold.value("doi"))
        if doi and _DOI_LINK.match(link or "") and norm_doi(link) == norm_doi(doi):
            return "right"
    return field_outcome(name, g, o)


#: A DOI's resolver address ("https://doi.org/10.…", "http://dx.doi.org/10.…").
_DOI_LINK = re.compile(r"^(?:https?://)?(?:dx\.)?doi\.org/10\.", re.I)


def score_fields(golds: Sequence[Item], outputs: Sequence[Item], matching: Matching,
                 fields: Sequence[str] = FIELDS) -> dict[str, Counter]:
    """Per field, the count of right / wrong / missing over the paired works."""
    by_key = {o.key: o for o in outputs}
    counts: dict[str, Counter] = {f: Counter() for f in fields}
    for g in golds:
        o = by_key.get(matching.pairs.get(g.key, ""))
        if o is None:
            continue
        for f in fields:
            outcome = paired_outcome(f, g, o)
            if outcome:
                counts[f][outcome] += 1
    return counts


# --------------------------------------------------------------------------- citations


def _visible(html_line: str) -> str:
    """The text of one HTML source line, tags (also ones cut by the line break) removed."""
    s = re.sub(r"^[^<]*>", " ", html_line) if ">" in html_line.split("<")[0] else html_line
    s = re.sub(r"<[^>]*>", " ", s)
    s = re.sub(r"<[^>]*$", " ", s)
    return html.unescape(s)


def _squash(s: str) -> str:
    """Letters and digits only, so text found in HTML matches the converted text."""
    return re.sub(r"[^a-z0-9]", "", anyascii(s).lower())


def line_map(path: Path, read_lines: Sequence[str]) -> Callable[[int], int]:
    """Gold line numbers (of the file) → bibkaz's line numbers (of the text it read).

    The same for text and Markdown; for HTML each source line is found by its text
    in the converted text (in order, from where the previous one was found), and a
    line without text of its own takes the position of the line before it.
    """
    if path.suffix.lower() not in (".html", ".htm"):
        return lambda n: n
    source = path.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n").split("\n")
    squashed = [_squash(line) for line in read_lines]
    mapping: dict[int, int] = {}
    cursor, last = 0, 1
    for i, line in enumerate(source, 1):
        snippet = _squash(_visible(line))[:40]
        if len(snippet) >= 16:
            # text that occurs once in the converted document places the line for sure; repeated text
            # (a title in <head> and <h1>) is taken at its first place after the last line placed
            hits = [j for j, text in enumerate(squashed) if snippet in text]
            after = [j for j in hits if j >= cursor]
            if len(hits) == 1 or after:
                j = hits[0] if len(hits) == 1 else after[0]
                cursor, last = j, j + 1
        mapping[i] = last
    return lambda n: mapping.get(n, n)


def score_citations(gold: dict[str, Any], cites: Sequence[tuple[int, str]], matching: Matching,
                    to_read_line: Callable[[int], int]) -> tuple[int, int, list[dict[str, Any]]]:
    """(linked, total, unlinked) over (gold citation, gold work) pairs: linked when
    bibkaz cites, within one line, a work that matches the gold work."""
    near: dict[int, set[str]] = {}
    for line, key in cites:
        near.setdefault(line, set()).add(key)
    linked, total, unlinked = 0, 0, []
    for c in gold.get("citations", []):
        line = to_read_line(int(c["line"]))
        keys = set().union(*(near.get(n, set()) for n in (line - 1, line, line + 1)))
        for w in c.get("works", []):
            total += 1
            if any((w, k) in matching.matches for k in keys):
                linked += 1
            else:
                unlinked.append({"line": c["line"], "marker": c.get("marker", ""), "work": w})
    return linked, total, unlinked


# --------------------------------------------------------------------------- running the tools


def corpus_documents(part: str, root: Path = CORPUS) -> list[tuple[Path, Path]]:
    """(document, gold file) pairs of one part ("dev", "test") or both ("all")."""
    parts = ("dev", "test") if part == "all" else (part,)
    out = []
    for p in parts:
        for gold in sorted((root / p).glob("*.gold.json")):
            name = json.loads(gold.read_text(encoding="utf-8")).get("document", "")
            doc = gold.parent / name
            if not name or not doc.exists():
                doc = next((gold.with_name(gold.name[: -len(".gold.json")] + s) for s in DOC_SUFFIXES
                            if gold.with_name(gold.name[: -len(".gold.json")] + s).exists()), doc)
            out.append((doc, gold))
    return out


def run_bibkaz(path: Path) -> dict[str, Any]:
    """bibkaz's library JSON for one document alone, built in-process as
    ``bibkaz extract DOC --json`` writes it (so scoring reads the documented format)."""
    from bibkaz.formats import library_json
    from bibkaz.pipeline import build_library

    return json.loads(library_json.dumps(build_library([path]).library))


def read_text(path: Path) -> list[str]:
    """The lines bibkaz reads (HTML converted), which both tools are given."""
    from bibkaz.read import read_document

    return read_document(path).lines


def run_refextract(lines: Sequence[str]) -> list[dict[str, Any]]:
    """refextract's references for the document's plain text."""
    from refextract import extract_references_from_string

    return extract_references_from_string("\n".join(lines))


# --------------------------------------------------------------------------- per document


@dataclass
class ToolScore:
    """One tool on one document (or summed over documents)."""

    gold_works: int = 0
    found: int = 0
    outputs: int = 0
    spurious: int = 0
    duplicates: int = 0
    fields: dict[str, Counter] = field(default_factory=lambda: {f: Counter() for f in FIELDS})
    cites_linked: int = 0
    cites_total: int = 0
    seconds: float = 0.0
    missed: list[dict[str, Any]] = field(default_factory=list)
    spurious_items: list[dict[str, Any]] = field(default_factory=list)
    unlinked: list[dict[str, Any]] = field(default_factory=list)

    def add(self, other: "ToolScore") -> None:
        """Sum another document's counts into this one (errors are kept per document)."""
        for name in ("gold_works", "found", "outputs", "spurious", "duplicates", "cites_linked", "cites_total",
                     "seconds"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for f in FIELDS:
            self.fields[f].update(other.fields[f])

    def recall(self) -> float | None:
        return self.found / self.gold_works if self.gold_works else None

    def spurious_share(self) -> float | None:
        return self.spurious / self.outputs if self.outputs else None

    def field_accuracy(self, name: str | None = None) -> float | None:
        """Share right of the scored field values, of one field or all together."""
        counts = Counter()
        for f in ([name] if name else FIELDS):
            counts.update(self.fields[f])
        n = sum(counts.values())
        return counts["right"] / n if n else None

    def citations(self) -> float | None:
        return self.cites_linked / self.cites_total if self.cites_total else None

    def summary(self) -> dict[str, Any]:
        """The figures as JSON."""
        return {
            "gold_works": self.gold_works, "found": self.found, "recall": self.recall(),
            "output_works": self.outputs, "spurious": self.spurious, "spurious_share": self.spurious_share(),
            "duplicates": self.duplicates, "field_accuracy": self.field_accuracy(),
            "fields": {f: dict(self.fields[f]) | {"accuracy": self.field_accuracy(f)} for f in FIELDS},
            "citations_linked": self.cites_linked, "citations_total": self.cites_total,
            "citations_share": self.citations(), "seconds": round(self.seconds, 2),
        }


def describe(item: Item) -> dict[str, Any]:
    """An Item for the error listing: where it stands and what it says."""
    return {"key": item.key, "line": item.lines[0] if item.lines else None, "title": item.title,
            "year": item.year, "text": (item.texts[0] if item.texts else "")[:160]}


def score_tool(golds: Sequence[Item], outputs: Sequence[Item]) -> tuple[ToolScore, Matching]:
    """Recall, spurious, duplicates, fields and the error lists of one tool on one document."""
    m = match(golds, outputs)
    s = ToolScore(gold_works=len(golds), found=len(m.pairs), outputs=len(outputs))
    spurious = m.spurious(outputs)
    s.spurious, s.duplicates = len(spurious), len(m.duplicates(outputs))
    s.fields = score_fields(golds, outputs, m)
    s.missed = [describe(g) for g in golds if g.key not in m.pairs]
    s.spurious_items = [describe(o) for o in spurious]
    return s, m


def score_document(doc: Path, gold: dict[str, Any], tools: Sequence[str]) -> dict[str, ToolScore]:
    """Every asked-for tool's score on one corpus document."""
    golds = gold_items(gold)
    lines = read_text(doc)
    out: dict[str, ToolScore] = {}
    if "bibkaz" in tools:
        started = time.perf_counter()
        library = run_bibkaz(doc)
        seconds = time.perf_counter() - started
        s, m = score_tool(golds, bibkaz_items(library))
        s.cites_linked, s.cites_total, s.unlinked = score_citations(
            gold, bibkaz_citations(library), m, line_map(doc, lines))
        s.seconds = seconds
        out["bibkaz"] = s
    if "refextract" in tools:
        started = time.perf_counter()
        refs = run_refextract(lines)
        seconds = time.perf_counter() - started
        s, _ = score_tool(golds, refextract_items(refs))
        s.seconds = seconds
        out["refextract"] = s
    return out


# --------------------------------------------------------------------------- reporting


def pct(x: float | None) -> str:
    return "–" if x is None else f"{100 * x:.1f} %"


def table_rows(name: str, scores: dict[str, ToolScore]) -> list[str]:
    """Markdown rows, one per tool, for one document or the total."""
    rows = []
    for tool, s in scores.items():
        cites = pct(s.citations()) + (f" ({s.cites_linked}/{s.cites_total})" if s.cites_total else "")
        rows.append(f"| {name} | {tool} | {s.gold_works} | {pct(s.recall())} ({s.found}) | "
                    f"{pct(s.spurious_share())} ({s.spurious}/{s.outputs}) | {s.duplicates} | "
                    f"{pct(s.field_accuracy())} | {cites if tool == 'bibkaz' else 'n/a'} |")
    return rows


HEADER = ["| document | tool | gold works | recall (found) | spurious (of output) | duplicates | field accuracy "
          "| citations linked |", "|---|---|---:|---:|---:|---:|---:|---:|"]


def field_table(total: dict[str, ToolScore]) -> list[str]:
    """Markdown table of each field's accuracy, tools side by side."""
    tools = list(total)
    rows = ["| field | " + " | ".join(f"{t} right / wrong / missing" for t in tools) + " |",
            "|---|" + "---:|" * len(tools)]
    for f in FIELDS:
        cells = []
        for t in tools:
            c = total[t].fields[f]
            cells.append(f"{pct(total[t].field_accuracy(f))} ({c['right']} / {c['wrong']} / {c['missing']})")
        rows.append(f"| {f} | " + " | ".join(cells) + " |")
    return rows


def print_errors(doc: str, scores: dict[str, ToolScore]) -> None:
    """Missed gold works, spurious output works and unlinked citations of one document."""
    for tool, s in scores.items():
        print(f"\n## {doc} — {tool}")
        for label, items in (("missed", s.missed), ("spurious", s.spurious_items), ("unlinked citation", s.unlinked)):
            for it in items:
                print(f"  {label}: {json.dumps(it, ensure_ascii=False)}")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--part", choices=("dev", "test", "all"), required=True)
    ap.add_argument("--tool", choices=("bibkaz", "refextract", "both"), default="both")
    ap.add_argument("--per-document", action="store_true")
    ap.add_argument("--json", type=Path, help="write every figure here")
    ap.add_argument("--errors", action="store_true", help="list missed and spurious works (dev part only)")
    ap.add_argument("--corpus", type=Path, default=CORPUS, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.errors and args.part != "dev":
        ap.error("--errors is for the dev part only: the test part is scored, never looked into")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    tools = TOOLS if args.tool == "both" else (args.tool,)
    docs = corpus_documents(args.part, args.corpus)
    if not docs:
        print(f"no gold files in {args.corpus}/{args.part}", file=sys.stderr)
        return 1
    total = {t: ToolScore() for t in tools}
    per_doc: dict[str, dict[str, ToolScore]] = {}
    for doc, gold_path in docs:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        name = f"{gold_path.parent.name}/{doc.name}"
        print(f"scoring {name}", file=sys.stderr)
        per_doc[name] = score_document(doc, gold, tools)
        for t in tools:
            total[t].add(per_doc[name][t])
    print(f"# extract accuracy, part {args.part}: {len(docs)} documents\n")
    print("\n".join(HEADER))
    if args.per_document:
        for name, scores in per_doc.items():
            print("\n".join(table_rows(name, scores)))
    print("\n".join(table_rows("**all**", total)))
    print()
    print("\n".join(field_table(total)))
    if args.errors:
        for name, scores in per_doc.items():
            print_errors(name, scores)
    if args.json:
        args.json.write_text(json.dumps({
            "part": args.part, "documents": len(docs), "date": time.strftime("%Y-%m-%d"),
            "overall": {t: s.summary() for t, s in total.items()},
            "per_document": {n: {t: s.summary() for t, s in sc.items()} for n, sc in per_doc.items()},
        }, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

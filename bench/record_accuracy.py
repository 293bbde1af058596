"""Accuracy of bibkaz's record of the document itself (issue 17): its title,
authors, date and publisher/site against the gold ``record`` of each document of
the real-document corpus (tests/corpus/README.md).

Run by hand from the repository root (never as a test):

    python bench/record_accuracy.py --part dev|test|all|records [--prefix r3_|dev20_] [--per-document] [--errors] [--json out.json]
    python bench/record_accuracy.py --part records|dev --speed 5 [--speed-set extract]
    python bench/record_accuracy.py --part dev --prefix dev52_,dev53_ --tagger

``--tagger`` (dev and records) scores the own-record line tagger (bibkaz/extract/metadata/tagger/) beside the
rules: the tagger alone, and the rules with the tagger's value where the rules give none. Score it only on
documents it was not trained on (the held-out group dev52_–dev67_ and later batches: its training module
says which).

``--part records`` scores the own-record development set in tests/records/
(documents with ``NAME.record.json`` beside them, tests/records/README.md): many
shapes of title pages, bylines and front matter to tune the record rules on, apart
from the corpus. A record may list other spellings of its publisher
(``publisher_also``) that count as right; a gold publisher "A (B)" (a journal or site
and its publisher) is right when bibkaz names either.

``--prefix`` (records and dev) scores the documents whose file names start with it, so a
batch added later (``r3_``; on dev several, set apart by commas: ``dev20_,dev21_``) can be scored
alone, before anything is tuned on it.

``--errors`` (dev and records only: the test part is scored, never looked at) lists
every wrong or missing field with gold's and bibkaz's values side by side.

bibkaz's record is the library JSON's ``documents[]`` entry (title, authors,
date) and the work with ``document`` set (its CSL ``publisher``, or the site in
``container-title``); the publisher is right too when bibkaz states both a publisher and a site (a journal)
and gold's "publisher/site" names the site ("Wikipedia" for a page the Wikimedia Foundation publishes). Each
field is right, wrong (both have a value and they
differ, or only bibkaz has one) or missing (only gold has one); a field neither
has is not scored. "U.S." equals "United States" in a publisher or an
organisation author. ``date`` is right when bibkaz's date equals gold's at
gold's precision; ``year`` is scored too, since a right year with a wrong day
is a different failure from a wrong year.

``--speed ROUNDS`` times ``find_own`` instead (CPU milliseconds a document, each round
with the finder's caches emptied): on the part's documents, or with ``--speed-set
extract`` on bench/extract_speed.py's documents (seeds, briefs and dev documents at
about 10 KB). Run it in two checkouts one after the other, rounds alternating, to
compare a change (the machine has neighbours: report ranges).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any, Sequence

sys.path.insert(0, str(Path(__file__).resolve().parent))

from extract_accuracy import (  # noqa: E402
    CORPUS, corpus_documents, csl_family, field_outcome, norm_family, norm_year, pct, run_bibkaz,
)

RECORD_FIELDS = ("title", "authors", "date", "year", "publisher")
RECORDS = Path(__file__).resolve().parent.parent / "tests" / "records"
RECORD_SUFFIX = ".record.json"


def record_documents(root: Path = RECORDS, prefix: str = "") -> list[tuple[Path, Path]]:
    """(document, record file) pairs of the own-record set (only names starting with
    ``prefix`` when given: one batch scored alone)."""
    out = []
    for rec in sorted(root.glob(prefix + "*" + RECORD_SUFFIX)):
        name = json.loads(rec.read_text(encoding="utf-8")).get("document", "")
        out.append((rec.parent / name, rec))
    return out


def gold_family(name: str) -> str:
    """The family name of a gold record author ("Family, Given"; organisations whole)."""
    return name.split(",", 1)[0].strip() if "," in name else name.strip()


def gold_record(gold: dict[str, Any]) -> dict[str, Any]:
    """The gold record's scored fields, in the shapes :func:`record_outcome` compares."""
    r = gold.get("record") or {}
    authors = r.get("authors") or []
    return {"title": r.get("title") or "", "authors": tuple(gold_family(a) for a in authors if a),
            "authors_whole": tuple(a.strip() for a in authors if a),
            "date": (r.get("date") or "").strip(), "year": norm_year(r.get("date")),
            "publisher": r.get("publisher") or "",
            "publisher_also": tuple(gold.get("publisher_also") or ())}


def bibkaz_record(library: dict[str, Any]) -> dict[str, Any]:
    """bibkaz's record of the (single) document in a library JSON, same shapes as gold."""
    doc = (library.get("documents") or [{}])[0]
    own = next((w.get("csl", {}) for w in library.get("works", []) if w.get("document")), {})
    authors = doc.get("authors") or own.get("author") or []
    date = str(doc.get("date") or "").strip()
    return {"title": doc.get("title") or own.get("title") or "",
            "authors": tuple(csl_family(a) if isinstance(a, dict) else str(a) for a in authors),
            "date": date, "year": norm_year(date),
            "publisher": own.get("publisher") or own.get("container-title") or "",
            "site": own.get("container-title") or ""}


#: "U.S." and "United States" name the same country: "U.S. Government Accountability Office" (gold) is
#: the "United States Government Accountability Office" a GAO cover prints.
_US = re.compile(r"\bU\.\s?S\.(?=\s)")


def same_spelling(value: str) -> str:
    """A publisher or organisation with "U.S." written out, so the two spellings of one name compare equal."""
    return _US.sub("United States", value)


def record_outcome(name: str, gold: Any, out: Any) -> str | None:
    """right / wrong / missing for one record field (None when neither has it)."""
    if name == "publisher":
        gold, out = same_spelling(gold), same_spelling(out)
    if name == "authors":
        gold, out = tuple(map(same_spelling, gold)), tuple(map(same_spelling, out))
    if name == "date" and gold and out:
        return "right" if out.startswith(gold) else "wrong"
    if name == "year" and gold and out:
        return "right" if gold == out else "wrong"
    if name == "authors" and gold and out:
        return "right" if [norm_family(a) for a in gold] == [norm_family(a) for a in out] else "wrong"
    return field_outcome("container" if name == "publisher" else name, gold, out)


def score_record(gold: dict[str, Any], library: dict[str, Any]) -> dict[str, str | None]:
    """Each record field's outcome for one document (a publisher is right when it is
    gold's or one of the other spellings gold lists)."""
    g, o = gold_record(gold), bibkaz_record(library)
    out = {f: record_outcome(f, g[f], o[f]) for f in RECORD_FIELDS}
    if out["authors"] == "wrong" and _whole_organisations(g["authors"], g["authors_whole"], o["authors"]):
        out["authors"] = "right"
    if out["publisher"] == "wrong" and any(record_outcome("publisher", a, o["publisher"]) == "right"
                                           for a in g["publisher_also"] + _parts(g["publisher"])):
        out["publisher"] = "right"
    if out["publisher"] == "wrong" and o["site"] and o["site"] != o["publisher"] and any(
            record_outcome("publisher", a, o["site"]) == "right" for a in (g["publisher"],) + g["publisher_also"] + _parts(g["publisher"])):
        # bibkaz names both the site (or journal) and its publisher, and gold's "publisher/site" is the site
        # ("Wikipedia" for a page the Wikimedia Foundation publishes): right
        out["publisher"] = "right"
    return out


def _whole_organisations(families: tuple[str, ...], whole: tuple[str, ...], out: tuple[str, ...]) -> bool:
    """Whether bibkaz's authors are gold's when an organisation that gold writes "Body, Unit" ("Chief
    Information Officers Council, Innovation Committee") is compared whole: gold's family split is made
    for a person's "Family, Given", and an organisation's literal name has no family part."""
    if len(families) != len(out) or len(whole) != len(out):
        return False
    return all(record_outcome("authors", (f,), (o,)) == "right" or record_outcome("authors", (w,), (o,)) == "right"
               for f, w, o in zip(families, whole, out))


def _parts(publisher: str) -> tuple[str, ...]:
    """The two bodies a gold publisher "A (B)" names: a journal or site and who publishes it
    ("Systematic Reviews (BioMed Central)", "Digital.gov (General Services Administration)");
    bibkaz naming either is right."""
    m = re.match(r"^(?P<a>[^()]+?)\s*\((?P<b>[^()]+)\)$", publisher)
    return (m.group("a"), m.group("b")) if m else ()


def tagger_library(doc: Path) -> dict[str, Any]:
    """The tagger's record of a document in the library JSON's shape that :func:`bibkaz_record` reads."""
    from bibkaz.extract.metadata.tagger.model import tag_document
    from bibkaz.extract.metadata.tagger.values import tagged_record
    from bibkaz.read import read_document

    r = tagged_record(tag_document(read_document(doc).lines))
    names = [{"literal": n.literal} if n.literal else {"family": n.family, "given": n.given, "non-dropping-particle": n.particle}
             for n in (r.authors.value if r.authors else ())]
    own = {"publisher": r.publisher.value} if r.publisher else {}
    return {"documents": [{"title": r.title.value if r.title else "", "authors": names,
                           "date": r.date.value if r.date else ""}],
            "works": [{"document": True, "csl": own}] if own else []}


def table(rows: dict[str, Counter]) -> list[str]:
    """Markdown table: per field right / wrong / missing and the share right."""
    out = ["| field | right | wrong | missing | accuracy |", "|---|---:|---:|---:|---:|"]
    for f in RECORD_FIELDS:
        c = rows[f]
        n = c["right"] + c["wrong"] + c["missing"]
        out.append(f"| {f} | {c['right']} | {c['wrong']} | {c['missing']} | {pct(c['right'] / n if n else None)} |")
    return out


def error_lines(per_doc: dict[str, dict[str, Any]]) -> list[str]:
    """One line per wrong or missing field, gold's value beside bibkaz's, grouped by field
    (so a shape of error is read across documents, one field at a time)."""
    out = []
    for f in RECORD_FIELDS:
        for name, d in per_doc.items():
            outcome = d["outcomes"][f]
            if outcome in ("wrong", "missing"):
                out.append(f"{f:9} {outcome:7} {name}: gold={d['gold'][f]!r} bibkaz={d['bibkaz'][f]!r}")
    return out


def _clear_caches() -> None:
    """Empty every memo the own-record finder keeps (its modules' ``lru_cache``s and the name tests it
    asks), so each round pays for what a run's first document pays for."""
    import importlib
    import pkgutil

    import bibkaz.extract.metadata as metadata

    names = [metadata.__name__] + [f"{metadata.__name__}.{m.name}" for m in pkgutil.iter_modules(metadata.__path__)]
    for name in names + ["bibkaz.parse.normalise.names"]:
        module = importlib.import_module(name)
        for value in vars(module).values():
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()


def speed(paths: Sequence[Path], rounds: int) -> list[float]:
    """CPU milliseconds ``find_own`` spends a document on ``paths`` (read once, as a run reads them),
    one figure a round, caches cleared before each round: CPU time, since the machine has neighbours."""
    from bibkaz.extract.metadata import find_own
    from bibkaz.read import read_document

    documents = [read_document(p).lines for p in paths]
    out = []
    for _ in range(rounds):
        _clear_caches()
        c0 = time.process_time()
        for lines in documents:
            find_own(lines)
        out.append((time.process_time() - c0) * 1000 / len(documents))
    return out


def speed_documents(which: str, part: str, prefix: str, corpus: Path) -> list[Path]:
    """The documents timed: the part's own (``part``) or bench/extract_speed.py's set of seeds, briefs
    and dev documents cut or repeated to about 10 KB (``extract``), written to a temporary folder."""
    if which == "part":
        docs = record_documents(prefix=prefix) if part == "records" else corpus_documents(part, corpus)
        return [doc for doc, _ in docs]
    import tempfile

    from extract_speed import _documents

    return _documents(Path(tempfile.mkdtemp(prefix="record_speed_")))


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--part", choices=("dev", "test", "all", "records"), required=True)
    ap.add_argument("--prefix", default="", help="records and dev only: score the documents whose names start with this")
    ap.add_argument("--per-document", action="store_true")
    ap.add_argument("--errors", action="store_true", help="dev and records only: each wrong or missing field, gold beside bibkaz")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--tagger", action="store_true",
                    help="dev and records: score the own-record line tagger alone and filling what the rules miss")
    ap.add_argument("--corpus", type=Path, default=CORPUS, help=argparse.SUPPRESS)
    ap.add_argument("--speed", type=int, metavar="ROUNDS",
                    help="time find_own instead of scoring: CPU ms a document, each round, caches cleared")
    ap.add_argument("--speed-set", choices=("part", "extract"), default="part",
                    help="with --speed: the part's documents, or bench/extract_speed.py's 10 KB documents")
    args = ap.parse_args(argv)
    if args.prefix and args.part not in ("records", "dev"):
        ap.error("--prefix selects documents of --part records or dev only")
    if args.speed:
        if args.part == "test":
            ap.error("--speed times dev or records documents only")
        paths = speed_documents(args.speed_set, args.part, args.prefix, args.corpus)
        rounds = speed(paths, args.speed)
        print(f"find_own CPU ms a document, {len(paths)} documents ({args.speed_set}), rounds: "
              + " ".join(f"{r:.2f}" for r in rounds) + f"; best {min(rounds):.2f}")
        return 0
    docs = record_documents(prefix=args.prefix) if args.part == "records" else corpus_documents(args.part, args.corpus)
    if args.prefix and args.part == "dev":
        docs = [(doc, gold) for doc, gold in docs if gold.name.startswith(tuple(args.prefix.split(",")))]
    if not docs:
        print(f"no gold or record files for part {args.part}", file=sys.stderr)
        return 1
    totals: dict[str, Counter] = {f: Counter() for f in RECORD_FIELDS}
    tagged: dict[str, Counter] = {f: Counter() for f in RECORD_FIELDS}
    filled: dict[str, Counter] = {f: Counter() for f in RECORD_FIELDS}
    per_doc: dict[str, dict[str, Any]] = {}
    for doc, gold_path in docs:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        library = run_bibkaz(doc)
        outcomes = score_record(gold, library)
        name = f"{gold_path.parent.name}/{doc.name}"
        per_doc[name] = {"outcomes": outcomes, "gold": gold_record(gold), "bibkaz": bibkaz_record(library)}
        for f, o in outcomes.items():
            if o:
                totals[f][o] += 1
        if args.tagger and args.part in ("dev", "records"):
            by_tagger = score_record(gold, tagger_library(doc))
            per_doc[name]["tagger"] = by_tagger
            for f, o in by_tagger.items():
                if o:
                    tagged[f][o] += 1
                either = outcomes[f] if outcomes[f] != "missing" else o
                if either:
                    filled[f][either] += 1
    subset = f" (names starting {args.prefix!r})" if args.prefix else ""
    print(f"# document record accuracy, part {args.part}{subset}: {len(docs)} documents\n")
    print("\n".join(table(totals)))
    if args.tagger and args.part in ("dev", "records"):
        print("\n## the own-record tagger alone\n\n" + "\n".join(table(tagged)))
        print("\n## the rules, the tagger where they give nothing\n\n" + "\n".join(table(filled)))
    if args.per_document:
        print("\n| document | " + " | ".join(RECORD_FIELDS) + " |\n|---|" + "---|" * len(RECORD_FIELDS))
        for name, d in per_doc.items():
            print(f"| {name} | " + " | ".join(d["outcomes"][f] or "–" for f in RECORD_FIELDS) + " |")
    if args.errors and args.part in ("dev", "records"):
        print("\n" + "\n".join(error_lines(per_doc)))
    if args.json:
        args.json.write_text(json.dumps({
            "part": args.part, "documents": len(docs), "date": time.strftime("%Y-%m-%d"),
            "overall": {f: dict(c) for f, c in totals.items()},
            "per_document": per_doc if args.part in ("dev", "records") else {n: d["outcomes"] for n, d in per_doc.items()},
        }, indent=1, ensure_ascii=False, default=list), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

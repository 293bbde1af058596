"""Works the dev corpus cites in two documents: are they one work when the documents are run together?

bench/resolve_accuracy.py scores the resolver on tests/resolver_corpus, made for it. This measure
is built from the dev golds instead (issue 13: "works split across documents 0 in the corpus"): two
gold works of two documents are one work when they share a DOI, an address (normalised as
bench/extract_accuracy.py does, without a fragment) or a title of three words or more, and their
years and first authors do not contradict (see :func:`gold_links`). Each document is run alone (as ``bibkaz extract DOC``) to pair its gold works with
its references; then every document's references are resolved together (as ``bibkaz extract
tests/corpus/dev``) and each cross-document pair is **joined** (its two references in one work) or
**split**. Pairs the golds keep apart but the run joins are listed too (**joined, golds apart**):
each is a false merge or a pair the golds' rule above does not see; they are read one by one.

Usage:
    python bench/resolve_split.py [--cache DIR] [--list]

``--cache DIR`` keeps each document's extraction (pickled) so a resolver change is measured again
without parsing the corpus again; delete it after a parser change. Dev part only.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import sys
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from extract_accuracy import (  # noqa: E402
    CORPUS, bibkaz_items, corpus_documents, gold_items, match, norm_doi, norm_family, norm_text, norm_url, norm_year,
)

#: A shared title this short ("Annual Report", "Fact sheet") names no one work.
MIN_TITLE_WORDS = 3


def _extracted(doc: Path, cache: Path | None) -> tuple[Any, list[Any]]:
    from bibkaz.pipeline import extract_document

    if cache is None:
        return extract_document(doc)
    key = hashlib.sha1(f"{doc.resolve()}:{doc.stat().st_size}:{doc.stat().st_mtime_ns}".encode()).hexdigest()[:16]
    path = cache / f"{doc.name}.{key}.pickle"
    if path.exists():
        return pickle.loads(path.read_bytes())
    result = extract_document(doc)
    cache.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(result))
    return result


def _library_items(library: Any) -> list[Any]:
    from bibkaz.formats import library_json

    return bibkaz_items(json.loads(library_json.dumps(library)))


def _reference_ids(library: Any) -> dict[str, set[tuple[str, int, str]]]:
    """Each work's key → its references, named by (document, line, text)."""
    return {w.key: {(r.document, r.line, r.text) for r in w.references} for w in library.works if not w.document}


def _address(url: str) -> str:
    """A URL as bench/extract_accuracy.py normalises it, without its fragment ("#page=59"), which
    names a place in the work; a "#!" route names a page of its own and is kept."""
    url = norm_url(url)
    return url if "#!" in url else url.split("#", 1)[0].rstrip("/")


def _title(title: str) -> str:
    words = norm_text(title).split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def _years_differ(a: Any, b: Any) -> bool:
    return bool(norm_year(a.year) and norm_year(b.year) and norm_year(a.year) != norm_year(b.year))


def gold_links(golds: dict[str, list[Any]]) -> list[tuple[tuple[str, str], tuple[str, str], str]]:
    """Cross-document pairs of gold works that are one work, with the evidence: the same DOI; the
    same address (a site's bare root only with the same title); the same title of MIN_TITLE_WORDS
    words or more. Never when the golds' years differ (a package's 2021 and 2024 versions at one
    address) or, for titles, their first authors."""
    by: dict[str, dict[str, list[tuple[str, str]]]] = {"doi": defaultdict(list), "url": defaultdict(list),
                                                        "title": defaultdict(list)}
    items = {}
    for doc, works in golds.items():
        for g in works:
            items[(doc, g.key)] = g
            if g.doi:
                by["doi"][norm_doi(g.doi)].append((doc, g.key))
            address = _address(g.url) if g.url else ""
            if address:
                by["url"][address if "/" in address else f"{address}|{_title(g.title)}"].append((doc, g.key))
            if len(_title(g.title).split()) >= MIN_TITLE_WORDS:
                by["title"][_title(g.title)].append((doc, g.key))
    found: dict[tuple[tuple[str, str], tuple[str, str]], str] = {}
    for evidence, groups in by.items():
        for members in groups.values():
            for a, b in combinations(sorted(set(members)), 2):
                if a[0] == b[0] or (a, b) in found:
                    continue
                ga, gb = items[a], items[b]
                if evidence != "doi" and _years_differ(ga, gb):
                    continue
                if evidence == "title" and ga.authors and gb.authors \
                        and norm_family(ga.authors[0]) != norm_family(gb.authors[0]):
                    continue
                found[(a, b)] = evidence
    return [(a, b, e) for (a, b), e in sorted(found.items())]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cache", type=Path, help="keep each document's extraction here (pickled)")
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="corpus root (its dev/ part is read)")
    ap.add_argument("--list", action="store_true", help="list every split pair and every join the golds keep apart")
    args = ap.parse_args()
    from bibkaz.resolve import resolve

    golds: dict[str, list[Any]] = {}
    ours: dict[tuple[str, str], set[tuple[str, int, str]]] = {}  # (doc, gold key) -> its references
    extractions, parsed = [], []
    for doc, gold_path in corpus_documents("dev", args.corpus):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        golds[doc.name] = gold_items(gold)
        extraction, refs = _extracted(doc, args.cache)
        extractions.append(extraction)
        parsed.extend(refs)
        alone = resolve([extraction], refs)
        matching = match(golds[doc.name], _library_items(alone))
        members = _reference_ids(alone)
        for g, o in matching.pairs.items():
            ours[(doc.name, g)] = members.get(o, set())
    together = resolve(extractions, parsed)
    work_of = {ref: w for w, refs in _reference_ids(together).items() for ref in refs}

    def works(key: tuple[str, str]) -> set[str]:
        return {work_of[r] for r in ours.get(key, ()) if r in work_of}

    links = gold_links(golds)
    outcome: Counter = Counter()
    split = []
    for a, b, evidence in links:
        wa, wb = works(a), works(b)
        if not wa or not wb:
            outcome[(evidence, "not found")] += 1
            continue
        kind = "joined" if wa & wb else "split"
        outcome[(evidence, kind)] += 1
        if kind == "split":
            split.append((a, b, evidence))
    linked = {frozenset((a, b)) for a, b, _ in links}
    owners: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for key in ours:
        for w in works(key):
            owners[w].add(key)
    apart = sorted({(a, b) for keys in owners.values() for a, b in combinations(sorted(keys), 2)
                    if a[0] != b[0] and frozenset((a, b)) not in linked})
    items = {(doc, g.key): g for doc, ws in golds.items() for g in ws}
    print(f"{len(golds)} documents, {len(links)} cross-document gold pairs")
    print("| evidence | joined | split | not found |\n|---|---:|---:|---:|")
    for evidence in ("doi", "url", "title"):
        print(f"| {evidence} | {outcome[(evidence, 'joined')]} | {outcome[(evidence, 'split')]} | "
              f"{outcome[(evidence, 'not found')]} |")
    total = sum(v for (e, k), v in outcome.items() if k != "not found")
    print(f"pairs found in both documents: {total}; split: {len(split)}; "
          f"joined, golds apart: {len(apart)}")
    if args.list:
        for title, rows in (("split", [(a, b, e) for a, b, e in split]), ("joined, golds apart", [(a, b, "") for a, b in apart])):
            print(f"\n## {title}: {len(rows)}")
            for a, b, evidence in rows:
                ga, gb = items[a], items[b]
                print(f"- [{evidence}] {a[0]} {a[1]} | {b[0]} {b[1]}")
                print(f"    gold: {ga.title!r} {ga.year} {ga.url or ga.doi}")
                print(f"    gold: {gb.title!r} {gb.year} {gb.url or gb.doi}")
                print(f"    text: {ga.texts[0][:200]!r}")
                print(f"    text: {gb.texts[0][:200]!r}")


if __name__ == "__main__":
    main()

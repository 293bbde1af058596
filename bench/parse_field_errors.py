"""Every field the pipeline gets wrong on the dev corpus, gold beside ours (issue 13).

bench/extract_accuracy.py counts right / wrong / missing fields of the works it pairs;
this lists them, one JSON line per wrong or missing field, so they can be sorted into
classes (which field, which reference shape) and so a parser change can be checked
for the fields it mends and the fields it breaks (``--compare before.jsonl``).

Each line says whether bibkaz's reference text is the gold's (``cut``: the finder's
reference differs from the gold text by more than spelling), because a reference cut
wrongly into lines is the finder's fault, not the parser's.

Usage:
    python bench/parse_field_errors.py --out /tmp/errors.jsonl [--compare old.jsonl]

Dev part only: the test part is never listed.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any, Iterator

sys.path.insert(0, str(Path(__file__).resolve().parent))

from extract_accuracy import (  # noqa: E402
    FIELDS,
    bibkaz_items,
    corpus_documents,
    field_outcome,
    gold_items,
    match,
    norm_text,
    paired_outcome,
    run_bibkaz,
    strip_marker,
)
from rapidfuzz import fuzz  # noqa: E402

#: Below this similarity of the gold text and bibkaz's reference text the reference was
#: cut differently by the finder (joined with another, or cut short).
SAME_TEXT = 0.9


def _gold_types(gold: dict[str, Any]) -> dict[str, str]:
    return {w["id"]: w.get("type") or "" for w in gold.get("works", [])}


def _our_types(library: dict[str, Any]) -> dict[str, str]:
    return {w["key"]: (w.get("csl") or {}).get("type", "") for w in library.get("works", [])}


def _our_publishers(library: dict[str, Any]) -> dict[str, str]:
    return {w["key"]: (w.get("csl") or {}).get("publisher", "") for w in library.get("works", [])}


def document_errors(doc: Path, gold_path: Path) -> Iterator[dict[str, Any]]:
    """The wrong and missing fields of one dev document's paired works."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    golds = gold_items(gold)
    library = run_bibkaz(doc)
    outputs = bibkaz_items(library)
    matching = match(golds, outputs)
    by_key = {o.key: o for o in outputs}
    gtypes, otypes, publishers = _gold_types(gold), _our_types(library), _our_publishers(library)
    for g in golds:
        o = by_key.get(matching.pairs.get(g.key, ""))
        if o is None:
            continue
        gold_text = norm_text(strip_marker(g.texts[0] if g.texts else ""))
        sims = [fuzz.ratio(gold_text, norm_text(strip_marker(t))) / 100 for t in o.texts if t]
        for f in FIELDS:
            outcome = paired_outcome(f, g, o)
            if outcome in ("wrong", "missing"):
                yield {
                    "doc": doc.name, "work": g.key, "field": f, "outcome": outcome,
                    "gold": g.value(f), "ours": o.value(f), "gold_type": gtypes.get(g.key, ""),
                    "our_type": otypes.get(o.key, ""), "our_publisher": publishers.get(o.key, ""),
                    "cut": bool(sims) and max(sims) < SAME_TEXT,
                    "text": g.texts[0] if g.texts else "", "our_text": o.texts[0] if o.texts else "",
                }


_LINK_ONLY = re.compile(r"^\s*(?:\[[^\]]*\]\([^)]*\)|<a\s[^>]*>[^<]*</a>|<?https?://\S+>?)\s*[.,;]?\s*$", re.S)
_BARE_NUMBER = re.compile(r"[A-Z]{2,8}(?:/[A-Z]{2,8})?-\s?\d{2,4}(?:-\s?\d{1,7})+[A-Z]{0,3}")
_CRS_SERIES = re.compile(r"^CRS (?:Report|In Focus|Insight|Legal Sidebar)(?: No\.)?(?: [A-Z]{0,3}\d[\d-]*)?$")
_ENTITY = re.compile(r"&(?:[a-z]{2,8}|#\d{2,5});")
_PUBLIC_LAW = re.compile(r"^(?:P\.\s?L\.|Pub\. L\.(?: No\.)?|Public Law)\s*\d{2,3}-\d{1,3}\b")
_CODE_PINPOINT = re.compile(r"(?:U\.S\.C\.|C\.F\.R\.|USC|CFR)\s*(?:§+\s*)?\d[\w.-]*\(\w{1,4}\)")
_BY_PIPES = re.compile(r"\|\s*by\s+[^|]+\|")
_DOI_LINK = re.compile(r"^https?://(?:dx\.)?doi\.org/10\.", re.I)
_ACRONYM_AFTER = re.compile(r"\s*\([A-Z][A-Za-z&.]{1,9}\)\s*$")
#: A pandoc citation key standing for its entry ("@HealyMoody:2014", "- @Imbens:2021"): the entry is
#: in the document's bibliography file; the golds read family names and year out of the key, the
#: extract stage keeps the key as a pointer (nothing guessed). No parse of the string can mend it.
_CITE_KEY_ONLY = re.compile(r"^\s*(?:-\s*)?\[?@[\w:.-]+\]?\s*$")
#: A Manubot short-DOI link ("https://doi.org/ckcj") printed beside the full "DOI: 10.…": one
#: labeller leaves the URL empty (the Sci-Hub manuscript's golds), the other keeps it (dev4 Manubot).
_SHORT_DOI_LINK = re.compile(r"^https?://doi\.org/[a-z0-9]{3,8}$")
#: What follows a body's name when the author names its office too: "DOL, Office of Unemployment Insurance".
_OFFICE_AFTER = re.compile(r"^, (?:Office|Bureau|Division|Directorate|Centers?|Centre|Branch|Administration|Service)\b")
#: A reference that opens with its editors ("Barkow, Jerome, ed. (2006).", "Kunte K, Sondhi S (Eds)
#: (2020)", "Brian E. Carpenter, ed.,"): the dev golds list them as authors (45 of 45), the parser
#: as editors, as CSL and BibTeX have it.
_EDITORS_FIRST = re.compile(r"^[^“\"«]{2,120}?(?:,\s*eds?\.|\((?:eds?\.?|Eds?\.?)\)|\bEds?\.,|\(ed\.\))", re.I)


def _flat(value: Any) -> str:
    return " ".join(value) if isinstance(value, (list, tuple)) else str(value or "")


def _not_in_text(field: str, gold: Any, text: str) -> bool:
    """Whether the gold value is nowhere in the reference's text: an author none of whose family
    names it prints ("GAO" for "Title. GAO-24-105833.", the writer of a CRS report cited by number
    alone), a title or container whose words it does not hold. The golds know it from elsewhere
    (the document, the report's own page); no parser reads it from the string."""
    words = f" {norm_text(text)} "
    values = list(gold) if isinstance(gold, (list, tuple)) else [gold]
    values = [norm_text(str(v)) for v in values if v]
    if field == "authors":
        return bool(values) and all(f" {v.split()[-1]} " not in words for v in values if v)
    return bool(values) and all(f" {v} " not in words for v in values if v)


def mark_alone(errors: list[dict[str, Any]]) -> None:
    """Set each error's ``alone``: the field's outcome when the gold's reference text is parsed by
    itself. "right" there means the parser reads the string right and the pipeline lost the field
    elsewhere: two citations the resolver made one work kept the other's value, or the finder's
    text of the reference differs in a way that matters (a class of its own, not the parser's)."""
    from bibkaz.formats.csl import record_to_csl
    from bibkaz.parse import parse_references
    from extract_accuracy import csl_family, csl_year

    records = parse_references([strip_marker(e["text"]) for e in errors])
    for e, record in zip(errors, records):
        csl = record_to_csl(record, "k")
        value = {"authors": tuple(csl_family(n) for n in csl.get("author", [])), "title": csl.get("title", ""),
                 "container": csl.get("container-title") or csl.get("collection-title") or "",
                 "year": csl_year(csl), "doi": csl.get("DOI", ""), "url": csl.get("URL", "")}[e["field"]]
        e["alone"] = field_outcome(e["field"], e["gold"], value) or "right"


def error_class(e: dict[str, Any]) -> str:
    """The class of one field error: whose fault and which reference shape (first rule that fits).

    ``finder:`` classes are references the finder cut or chose differently from the gold;
    ``convention:`` classes are where the dev golds disagree with each other on a convention
    (counted, not tuned to); ``pipeline:`` fields the parser reads right from the reference alone
    (see mark_alone); the rest are the parser's.
    """
    f, gold, ours, text = e["field"], _flat(e["gold"]), _flat(e["ours"]), e["text"]
    if e["cut"]:
        return "finder: reference cut or joined differently"
    if _CITE_KEY_ONLY.match(text):
        return "finder: a pandoc citation key (its entry is in the bibliography file)"
    if f == "url" and not gold and _SHORT_DOI_LINK.match(ours) and "DOI:" in text:
        return "convention: a Manubot short-DOI link beside the full DOI (kept or dropped by the golds)"
    if _LINK_ONLY.match(text) and not _BY_PIPES.search(text):
        return "finder: a bare link or linked words (gold from outside the text)"
    if f == "container" and _BARE_NUMBER.fullmatch(gold.strip(" .,;")) and not ours:
        return "convention: bare report number as container (GAO-…)"
    if f == "container" and _CRS_SERIES.match(gold) and _CRS_SERIES.match(ours):
        return "convention: CRS series with or without its number"
    if f == "container" and not ours and gold and norm_text(gold) == norm_text(e.get("our_publisher", "")):
        return "convention: a report's publishing body as its container (ours: publisher)"
    if f == "url" and not ours and _DOI_LINK.match(gold):
        return "convention: a doi.org link as URL beside the DOI"
    if f == "authors" and ours and ours.startswith("U.S. Congress, ") and norm_text(ours).endswith(norm_text(gold)) and gold:
        return "convention: 'U.S. Congress, ' before a committee"
    if f == "authors" and gold and _OFFICE_AFTER.match(ours[len(gold):]) and ours.startswith(gold):
        return "convention: a body's office after the body, kept (13 golds) or dropped (3)"
    if f == "authors" and ours.startswith("U.S. President (") and gold and gold in ours:
        return "convention: 'U.S. President (Name)' or the president's name"
    if f == "authors" and gold and norm_text(_ACRONYM_AFTER.sub("", ours)) == norm_text(gold):
        return "convention: a body's name with or without its acronym '(GAO)'"
    if f == "title" and _CODE_PINPOINT.search(text) and e["gold_type"] == "legislation" \
            and norm_text(ours).startswith(norm_text(gold)) or norm_text(gold).startswith(norm_text(ours) + " ") \
            and _CODE_PINPOINT.search(text):
        return "convention: code section with or without its subsection"
    if f == "authors" and not ours and gold and _EDITORS_FIRST.match(text):
        return "convention: editors first and no author: the golds list the editors as authors"
    if not ours and gold and f in ("authors", "container", "title") and _not_in_text(e["field"], e["gold"], text):
        return "convention: gold names what the reference does not say"
    if e.get("alone") == "right":
        return "pipeline: right when the reference is parsed alone (merged with another citation, or the finder's text)"
    if _ENTITY.search(ours):
        return "parser: HTML entity left in a field"
    if _BY_PIPES.search(text):
        return "parser: page title 'Title | by Author | date | Site'"
    if f == "title" and _PUBLIC_LAW.match(gold) and norm_text(ours).startswith(norm_text(gold)):
        return "parser: public law with its pinpoint or Statutes at Large"
    kind = e["gold_type"] or "?"
    shape = {"legislation": "legal", "legal_case": "legal", "article-newspaper": "news", "article-magazine": "news",
             "webpage": "web", "post-weblog": "web", "post": "web"}.get(kind, kind)
    g, o = norm_text(gold), norm_text(ours)
    if not o:
        how = "missing"
    elif not g:
        how = "extra"
    elif o.startswith(g):
        how = "ran on"
    elif o.endswith(g):
        how = "took what precedes"
    elif g.startswith(o) or g.endswith(o) or o in g:
        how = "cut short"
    else:
        how = "other"
    return f"parser: {f} {how} ({shape})"


def class_table(errors: list[dict[str, Any]]) -> list[str]:
    """Markdown rows: each class and its count, largest first."""
    counts = Counter(error_class(e) for e in errors)
    return ["| class | fields |", "|---|---:|"] + [f"| {c} | {n} |" for c, n in counts.most_common()]


def _key(e: dict[str, Any]) -> tuple[str, str, str]:
    return e["doc"], e["work"], e["field"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True, help="JSON lines of the wrong and missing fields")
    ap.add_argument("--compare", help="an earlier --out: list fields mended and fields broken since")
    ap.add_argument("--only", help="score only documents whose name contains this")
    ap.add_argument("--classes", help="only print the class table of an earlier --out (no scoring)")
    args = ap.parse_args()
    if args.classes:
        print("\n".join(class_table([json.loads(x) for x in Path(args.classes).read_text(encoding="utf-8").splitlines()])))
        return
    errors = []
    for doc, gold_path in corpus_documents("dev"):
        if args.only and args.only not in doc.name:
            continue
        errors.extend(document_errors(doc, gold_path))
    mark_alone(errors)
    with open(args.out, "w", encoding="utf-8") as fh:
        for e in errors:
            fh.write(json.dumps(e, ensure_ascii=False) + "\n")
    print(f"{len(errors)} wrong or missing fields -> {args.out}")
    print("\n".join(class_table(errors)))
    if args.compare:
        old = {_key(e): e for e in map(json.loads, Path(args.compare).read_text(encoding="utf-8").splitlines())}
        new = {_key(e): e for e in errors}
        for label, keys in (("mended", old.keys() - new.keys()), ("broken", new.keys() - old.keys())):
            print(f"\n## {label}: {len(keys)}")
            for k in sorted(keys):
                e = (old if label == "mended" else new)[k]
                print(f"  {k[0]} {k[1]} {k[2]}: gold {e['gold']!r} ours {e['ours']!r}")


if __name__ == "__main__":
    main()

"""The date the HTML reader takes from a page's schema.org JSON-LD, against pages whose date is known.

The corpus's dev pages hold no JSON-LD and the own-record set only thirteen (twelve Wikipedia pages
and a GitLab post), too few to tell which of a page's ``datePublished`` / ``dateModified``, in which
object, is the date the page shows. trafilatura's evaluation set has hundreds of real news, blog
and company pages, each with the date its annotators read off the page (``tests/evaldata.json``,
key ``date``, "" for a page that shows none); about 400 hold JSON-LD. This bench reads those pages
(never committed here: trafilatura's repository holds them as its test data) and scores the
``citation_publication_date`` the reader emits:

* *pages stating no date tag*: the date the reader's front matter takes from JSON-LD on the pages
  whose own ``<meta>`` tags state none (elsewhere the page's tag wins and JSON-LD adds no date; a
  page's own ``citation_publication_date`` tag is counted here as well);
* *JSON-LD alone, every page*: the date JSON-LD gives as if the page stated no date tag, the
  rule's own figure.

Each is right (the day gold names), wrong (another day, or a date where gold names none) or
missing (gold names one, the reader none).

    python bench/formats_json_ld_dates.py --pages TRAFILATURA/tests [--errors]

``TRAFILATURA`` is a checkout (or ``git archive``) of adbar/trafilatura: ``tests/evaldata.json``
and the pages under ``tests/eval/`` and ``tests/cache/``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lxml import etree  # noqa: E402

from bibkaz.parse.normalise.dates import parse_date  # noqa: E402
from bibkaz.read.html import html_to_text  # noqa: E402
from bibkaz.read.html_json_ld import STATED_BY, json_ld_meta  # noqa: E402

_DATE = "citation_publication_date"


def pages(base: Path) -> list[tuple[str, str, Path]]:
    """(address, gold day, file) of each evaluation page with a gold date key and JSON-LD."""
    evaldata = json.loads((base / "evaldata.json").read_text(encoding="utf-8"))
    out = []
    for address, item in sorted(evaldata.items()):
        if "date" not in item:
            continue
        path = next((p for p in (base / "eval" / item["file"], base / "cache" / item["file"]) if p.is_file()), None)
        if path is None or b"application/ld+json" not in path.read_bytes():
            continue
        gold = parse_date(item["date"])[0] if item["date"] else ""
        out.append((address, gold, path))
    return out


def front_dates(text: str) -> dict[str, str]:
    """The date keys of the front matter the reader wrote and their values."""
    if not text.startswith("---\n"):
        return {}
    out = {}
    for line in text.split("\n---\n", 1)[0].splitlines():
        name, _, value = line.partition(": ")
        if name in STATED_BY[_DATE] and value.strip():
            out[name] = json.loads(value.strip())
    return out


def json_ld_date(html: str, shown: str) -> str:
    """The date JSON-LD gives when the page states no date tag of its own."""
    parser = etree.HTMLParser(recover=True, huge_tree=True, remove_comments=True)  # as the reader parses it
    parser.feed(html)
    root = parser.close()
    if root is None:
        return ""
    return next((value for name, value in json_ld_meta(root, set(), shown) if name == _DATE), "")


def outcome(value: str, gold: str) -> str:
    day = parse_date(value)[0] if value else ""
    if not day:
        return "missing" if gold else "none"
    if not gold:
        return "wrong"
    return "right" if day == gold else "wrong"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=Path, required=True, help="trafilatura's tests/ directory")
    ap.add_argument("--errors", action="store_true", help="each wrong or missing date, gold beside the reader's")
    args = ap.parse_args(argv)
    counts = {"pages stating no date tag": Counter(), "JSON-LD alone, every page": Counter()}
    errors = []
    listed = pages(args.pages)
    for address, gold, path in listed:
        html = path.read_bytes().decode("utf-8", "replace")
        text = html_to_text(html)
        dates = front_dates(text)
        body = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text
        alone = json_ld_date(html, body)
        scored = [("JSON-LD alone, every page", alone)]
        if set(dates) <= {_DATE}:  # no date tag of the page's own: the reader's date is JSON-LD's
            scored.append(("pages stating no date tag", dates.get(_DATE, "")))
        for key, value in scored:
            result = outcome(value, gold)
            counts[key][result] += 1
            if args.errors and key.startswith("JSON-LD alone") and result in ("wrong", "missing"):
                errors.append(f"{result:7} {path.name}: gold={gold or '-'} reader={value or '-'}")
    print(f"# JSON-LD dates, {len(listed)} pages of trafilatura's evaluation set holding JSON-LD\n")
    print("| date | pages | right | wrong | missing | neither |")
    print("|---|---:|---:|---:|---:|---:|")
    for key, c in counts.items():
        print(f"| {key} | {sum(c.values())} | {c['right']} | {c['wrong']} | {c['missing']} | {c['none']} |")
    if errors:
        print()
        print("\n".join(errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

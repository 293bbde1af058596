"""Share of bibliography entries identical to citeproc-js (issue 16).

Run by hand (never as a test):

    bibkaz export tests/corpus/dev --to csl-json -o /tmp/dev.json
    bibkaz export tests/corpus/test --to csl-json -o /tmp/test.json
    python bench/csl_js_compare.py /tmp/dev.json /tmp/test.json [--styles apa,ieee] [--show N]

Both processors render the same CSL-JSON (each file is one bibliography, as a
user's library would be); entries are lined up by id and compared as plain text
after whitespace normalisation. citeproc-js runs through citation-js in
bench/node (``npm ci --prefix bench/node``). Plain text, because the question is
whether a reader could tell the two apart. citeproc-js gets the locale file bibkaz
renders with (:func:`locale_xml`), so a difference is the processor's, not an older
locale's (citation-js 0.7 bundles an en-US without the "number" term).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bibkaz.style import find_style, render  # noqa: E402
from bibkaz.style.render import load_style  # noqa: E402

NODE = Path(__file__).resolve().parent / "node"
#: citeproc-js output does not change between runs of ours; keyed by items, style and locale.
CACHE = Path(tempfile.gettempdir()) / "bibkaz-citeproc-js"
STYLES = ("apa", "ieee", "modern-language-association", "chicago-author-date", "chicago-notes-bibliography",
          "harvard-cite-them-right")


def normalise(text: str) -> str:
    """Whitespace collapsed; citeproc-js's text output has a newline per entry."""
    return re.sub(r"\s+", " ", text).strip()


def locale_xml(style_path: str, locale: str) -> Path:
    """The locale file bibkaz renders ``locale`` with (citeproc-py's, with bibkaz's term updates), written out for node."""
    from lxml import etree

    style = load_style(style_path, locale, need_bibliography=False)
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    element = next(loc for loc in style.root.locales if loc.getparent() is not style.root and loc.get(xml_lang) == locale)
    text = etree.tostring(element, encoding="unicode")
    path = CACHE / f"locale-{hashlib.sha256(text.encode()).hexdigest()[:16]}.xml"
    CACHE.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def citeproc_js(items: list[dict[str, Any]], style_path: str, locale: str) -> dict[str, str]:
    """id → entry text from citeproc-js on the same items and locale file."""
    payload = json.dumps(items, sort_keys=True)
    locale_file = locale_xml(style_path, locale)
    script = (NODE / "format.mjs").read_text()  # a fix to the script must not be hidden by the cache
    digest = hashlib.sha256(f"{payload}{Path(style_path).read_text()}{locale}{locale_file.read_text()}{script}".encode()).hexdigest()[:20]
    cached = CACHE / f"{digest}.json"
    if not cached.exists():
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fh:
            fh.write(payload)
        out = subprocess.run(["node", str(NODE / "format.mjs"), fh.name, style_path, locale, "bibliography", str(locale_file)],
                             capture_output=True, text=True, timeout=3600, check=True)  # an hour: MLA and Chicago notes on 5,000 works took ten minutes on a loaded machine
        Path(fh.name).unlink()
        CACHE.mkdir(parents=True, exist_ok=True)
        cached.write_text(out.stdout)
    entries = json.loads(cached.read_text())["entries"]
    return {str(k): normalise(v) for k, v in entries if v is not None}


def ours(items: list[dict[str, Any]], style_path: str, locale: str) -> dict[str, str]:
    """id → entry text from bibkaz."""
    rendered = render(items, style_path, locale, "text")
    return {e.key: normalise(e.text) for e in rendered.entries}


def compare(items: list[dict[str, Any]], style: str, locale: str, show: int) -> dict[str, Any]:
    path = str(find_style(style).path)
    t0 = time.perf_counter()
    a = ours(items, path, locale)
    t1 = time.perf_counter()
    b = citeproc_js(items, path, locale)
    t2 = time.perf_counter()
    keys = [k for k in a if k in b]
    differing = [k for k in keys if a[k] != b[k]]
    for k in differing[:show]:
        print(f"--- {style} {k}\n  bibkaz: {a[k]}\n  cp-js:  {b[k]}")
    return {"style": style, "entries": len(keys), "identical": len(keys) - len(differing),
            "seconds_ours": t1 - t0, "seconds_js": t2 - t1}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", help="CSL-JSON files (bibkaz export --to csl-json)")
    parser.add_argument("--styles", default=",".join(STYLES))
    parser.add_argument("--locale", default="en-US")
    parser.add_argument("--show", type=int, default=0, help="print this many differing pairs per style and file")
    args = parser.parse_args()
    print("| file | style | entries | identical | share | bibkaz s | citeproc-js s |")
    print("|---|---|---|---|---|---|---|")
    totals: dict[str, list[int]] = {}
    for file in args.files:
        items = json.loads(Path(file).read_text())
        for style in args.styles.split(","):
            r = compare(items, style, args.locale, args.show)
            t = totals.setdefault(style, [0, 0])
            t[0] += r["entries"]
            t[1] += r["identical"]
            print(f"| {Path(file).name} | {style} | {r['entries']} | {r['identical']} | "
                  f"{100 * r['identical'] / max(r['entries'], 1):.1f}% | {r['seconds_ours']:.2f} | {r['seconds_js']:.2f} |", flush=True)
    for style, (n, same) in totals.items():
        print(f"| all | {style} | {n} | {same} | {100 * same / max(n, 1):.1f}% | | |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

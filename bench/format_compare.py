"""Compare bibkaz's citeproc-py rendering with pandoc's citeproc on the same CSL-JSON.

Run by hand (never as a test):

    python bench/format_compare.py [--seeds seeds/] [--styles apa,chicago-author-date,modern-language-association] [--show]

For every style, both processors render the same items (bibkaz's
``record_to_csl`` of each work); entries are lined up by key and compared
after whitespace normalisation, as plain text (markup stripped) and with
italics/bold kept. ``--show`` prints every differing pair. Needs pandoc
(Debian package ``pandoc``) on PATH.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bibkaz.formats.csl import record_to_csl  # noqa: E402
from bibkaz.model import BibkazError, Name, Record  # noqa: E402
from bibkaz.style import find_style, render  # noqa: E402

N = Name


def _org(name: str) -> Name:
    return Name(literal=name)


#: Hand-made works covering what briefs cite: every CSL type we emit, particles,
#: suffixes, organisations, editors and translators, long author lists, missing
#: dates and authors, page ranges of every shape, DOIs, URLs and access dates.
CORPUS: dict[str, Record] = {
    "meister2018": Record(type="article-journal", authors=(N("Meister", "Stefan"),), title="The Eurasian Economic Union: a work in progress", container_title="Central Asian Survey", volume="37", issue="2", pages="300-320", date="2018-05", doi="10.1080/02634937.2018.1234567"),
    "cooley2012": Record(type="book", authors=(N("Cooley", "Alexander"),), title="Great games, local rules: the new great power contest in Central Asia", publisher="Oxford University Press", place="New York", date="2012"),
    "worldbank2020": Record(type="report", authors=(_org("World Bank"),), title="Kazakhstan economic update: navigating the storm", publisher="World Bank", place="Washington, DC", date="2020-06", url="https://openknowledge.worldbank.org/handle/10986/34000", accessed="2022-09-26"),
    "dave2007": Record(type="book", authors=(N("Davé", "Bhavna"),), title="Kazakhstan: ethnicity, language and power", publisher="Routledge", place="London", date="2007"),
    "king1963": Record(type="article-journal", authors=(N("King", "Martin Luther", suffix="Jr."),), title="Letter from Birmingham jail", container_title="The Atlantic Monthly", volume="212", issue="2", pages="78-88", date="1963-08"),
    "vanbeethoven": Record(type="book", authors=(N("Beethoven", "Ludwig", particle="van"),), title="Letters", editors=(N("Anderson", "Emily"),), publisher="Macmillan", place="London", date="1961", edition="2"),
    "ohle2020": Record(type="chapter", authors=(N("Ohle", "Max"), N("Cook", "Richard J.")), editors=(N("Mayer", "Anna"), N("Olcott", "Martha Brill")), title="Energy politics in the Caspian region", container_title="The Caspian region at a crossroads", publisher="Routledge", place="London", date="2020", pages="45-67"),
    "umarov2022a": Record(type="webpage", authors=(N("Umarov", "Temur"),), title="Is Uzbekistan's reform agenda stalling?", container_title="Carnegie Endowment for International Peace", date="2022-03-14", url="https://carnegieendowment.org/politika/86612", accessed="2022-09-01"),
    "umarov2022b": Record(type="article-newspaper", authors=(N("Umarov", "Temur"),), title="Russia and Central Asia: never closer, or drifting apart?", container_title="The Diplomat", date="2022-12-23", url="https://thediplomat.com/2022/12/russia-central-asia/"),
    "ipcc2021": Record(type="report", authors=(_org("Intergovernmental Panel on Climate Change"),), title="Climate change 2021: the physical science basis", publisher="Cambridge University Press", place="Cambridge", date="2021", doi="10.1017/9781009157896"),
    "many2019": Record(type="article-journal", authors=tuple(N(f, g) for f, g in [("Abbott", "Ann"), ("Baker", "Bruno"), ("Chen", "Chao"), ("Diaz", "Dora"), ("Evans", "Eli"), ("Fischer", "Fay"), ("Garcia", "Gil"), ("Huang", "Hui"), ("Ivanova", "Irina"), ("Jones", "Jack"), ("Kowalski", "Kasia"), ("Li", "Lei"), ("Müller", "Max"), ("Nakamura", "Nao"), ("Okafor", "Obi"), ("Patel", "Priya"), ("Quinn", "Quentin"), ("Rossi", "Rita"), ("Smith", "Sam"), ("Tanaka", "Taro"), ("Ueda", "Umi"), ("Volkov", "Vlad")]), title="A very collaborative study of water governance", container_title="Nature Sustainability", volume="2", pages="1001-1012", date="2019", doi="10.1038/s41893-019-0001-1"),
    "nodate": Record(type="webpage", authors=(_org("OSCE Academy"),), title="Programmes", url="https://osce-academy.net/en/study/", accessed="2023-02-01"),
    "noauthor2021": Record(type="article-newspaper", title="Kazakhstan lifts fuel price caps", container_title="Reuters", date="2021-01-05", url="https://www.reuters.com/article/kazakhstan-fuel"),
    "laruelle2017": Record(type="article-journal", authors=(N("Laruelle", "Marlène"), N("Peyrouse", "Sébastien")), title="Cross-border minorities as cultural and economic mediators between China and Central Asia", container_title="China and Eurasia Forum Quarterly", volume="7", issue="1", pages="93-119", date="2009"),
    "thesis2015": Record(type="thesis", authors=(N("Sultanov", "Bulat"),), title="Water and power in the Syr Darya basin", genre="PhD thesis", publisher="University of Oxford", place="Oxford", date="2015"),
    "conf2019": Record(type="paper-conference", authors=(N("Kim", "Yoon"), N("Park", "Ji-hoon")), title="Railways and regional integration", container_title="Proceedings of the Central Eurasian Studies Society Annual Conference", publisher="CESS", place="Bloomington", date="2019-10", pages="12-19"),
    "translated": Record(type="book", authors=(N("Aitmatov", "Chingiz"),), translators=(N("French", "F. J."),), title="The day lasts more than a hundred years", publisher="Indiana University Press", place="Bloomington", date="1983"),
    "pages1": Record(type="article-journal", authors=(N("Lee", "Ann"),), title="Short pages", container_title="Asian Affairs", volume="51", issue="3", pages="1-10", date="2020"),
    "pages2": Record(type="article-journal", authors=(N("Lee", "Ann"),), title="Longer pages", container_title="Asian Affairs", volume="52", issue="1", pages="321-328", date="2021"),
    "pages3": Record(type="article-journal", authors=(N("Lee", "Ann"),), title="Crossing a hundred", container_title="Asian Affairs", volume="53", pages="98-102", date="2022"),
    "de_gaulle": Record(type="book", authors=(N("Gaulle", "Charles", particle="de"),), title="Mémoires de guerre", publisher="Plon", place="Paris", date="1954"),
    "al_farabi": Record(type="book", authors=(N("Farabi", "Abu Nasr", particle="al-"),), title="The political regime", publisher="Dar al-Mashriq", place="Beirut", date="1964"),
    "editedbook": Record(type="book", editors=(N("Cummings", "Sally N."),), title="Power and change in Central Asia", publisher="Routledge", place="London", date="2002"),
    "unhcr": Record(type="report", authors=(_org("UNHCR"),), title="Global trends: forced displacement in 2022", publisher="UNHCR", place="Geneva", date="2023-06-14", url="https://www.unhcr.org/global-trends-report-2022"),
    "magazine": Record(type="article-magazine", authors=(N("Shapiro", "Jeremy"),), title="Why the West keeps misreading Central Asia", container_title="Foreign Policy", date="2023-04-10", url="https://foreignpolicy.com/2023/04/10/central-asia/"),
    "blog": Record(type="post-weblog", authors=(N("Pannier", "Bruce"),), title="Majlis podcast: Kazakhstan after January", container_title="RFE/RL Qishloq Ovozi", date="2022-01-30", url="https://www.rferl.org/a/majlis-podcast/31679000.html"),
    "range2014": Record(type="report", authors=(_org("Asian Development Bank"),), title="Central Asia regional economic cooperation: annual report", publisher="ADB", place="Manila", date="2014/2015"),
    "threeauthors": Record(type="article-journal", authors=(N("Olcott", "Martha Brill"), N("Åslund", "Anders"), N("Garnett", "Sherman W.")), title="Getting it wrong: regional cooperation and the Commonwealth of Independent States", container_title="Foreign Affairs", volume="78", issue="6", pages="125-137", date="1999"),
    "sevenauthors": Record(type="article-journal", authors=tuple(N(f, "A.") for f in ("Ahn", "Bell", "Cho", "Dunn", "Eng", "Fox", "Gray")), title="Seven authors and a title", container_title="World Development", volume="140", pages="105-120", date="2021", doi="10.1016/j.worlddev.2020.105120"),
    "hyphen": Record(type="article-journal", authors=(N("Sartre", "Jean-Paul"),), title="Existentialism is a humanism", container_title="Journal of Existential Studies", volume="1", pages="5-15", date="1946"),
    "edition": Record(type="book", authors=(N("Rashid", "Ahmed"),), title="Jihad: the rise of militant Islam in Central Asia", edition="3", publisher="Yale University Press", place="New Haven", date="2002"),
    "isbnbook": Record(type="book", authors=(N("Starr", "S. Frederick"),), title="Lost enlightenment: Central Asia's golden age from the Arab conquest to Tamerlane", publisher="Princeton University Press", place="Princeton, NJ", date="2013", isbn="9780691157733"),
    "doiurl": Record(type="article-journal", authors=(N("Pomfret", "Richard"),), title="The Central Asian economies in the twenty-first century", container_title="Post-Communist Economies", volume="31", issue="4", pages="409-426", date="2019-06-02", doi="10.1080/14631377.2019.1607440", url="https://www.tandfonline.com/doi/full/10.1080/14631377.2019.1607440"),
    "encyclopedia": Record(type="entry-encyclopedia", authors=(N("Golden", "Peter B."),), title="Turkic peoples", container_title="Encyclopaedia of Islam", edition="3", publisher="Brill", place="Leiden", date="2018"),
    "dataset": Record(type="dataset", authors=(_org("World Bank"),), title="World development indicators", publisher="World Bank", date="2023", url="https://databank.worldbank.org/source/world-development-indicators", accessed="2023-05-01"),
    "speech": Record(type="speech", authors=(N("Tokayev", "Kassym-Jomart"),), title="State of the nation address", event="Joint session of Parliament", event_place="Astana", date="2022-03-16"),
    "interview": Record(type="interview", authors=(N("Nazarbayev", "Nursultan"),), title="Interview with Euronews", container_title="Euronews", date="2013-04-12", url="https://www.euronews.com/2013/04/12/interview"),
    "bill": Record(type="legislation", title="Law of the Republic of Kazakhstan on languages", date="1997-07-11", publisher="Parliament of Kazakhstan"),
    "twoeditors": Record(type="chapter", authors=(N("Jones Luong", "Pauline"),), editors=(N("Jones Luong", "Pauline"),), title="Politics in the periphery", container_title="The transformation of Central Asia", publisher="Cornell University Press", place="Ithaca", date="2004", pages="1-26"),
    "manuscript": Record(type="manuscript", authors=(N("Karimov", "Islam"),), title="Unpublished memo on cotton policy", date="1995", note="Archive of the President, Tashkent"),
}


def corpus_items() -> list[dict[str, Any]]:
    return [record_to_csl(record, key) for key, record in CORPUS.items()]


def seed_items(folder: str) -> list[dict[str, Any]]:
    """The seeds' works through the real pipeline, or [] (with a note) when it cannot run yet."""
    try:
        from bibkaz.commands.format import works_to_format
        from bibkaz.load import load_library

        library = load_library([folder]).library
    except (ImportError, BibkazError) as exc:
        print(f"seeds skipped: {type(exc).__name__}: {exc}", file=sys.stderr)
        return []
    return [record_to_csl(w.record, w.key) for w in works_to_format(library)]


_TAG = re.compile(r"<[^>]+>")
_KEEP = re.compile(r"</?(i|b)>")


def _normalise(text: str, keep_markup: bool) -> str:
    text = text.replace("<em>", "<i>").replace("</em>", "</i>").replace("<strong>", "<b>").replace("</strong>", "</b>")
    if keep_markup:
        kept = _KEEP.sub(lambda m: m.group(0).replace("<", "\x00").replace(">", "\x01"), text)
        text = _TAG.sub("", kept).replace("\x00", "<").replace("\x01", ">")
    else:
        text = _TAG.sub("", text)
    return " ".join(html.unescape(text).split())


def pandoc_entries(items: list[dict[str, Any]], style_path: str, locale: str) -> dict[str, str]:
    """key → entry HTML from ``pandoc --citeproc`` on the same CSL-JSON."""
    with tempfile.TemporaryDirectory() as tmp:
        bib = Path(tmp) / "items.json"
        bib.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
        doc = f"---\nnocite: '@*'\nlang: {locale}\n---\n"
        out = subprocess.run(
            ["pandoc", "--citeproc", "--bibliography", str(bib), "--csl", style_path, "-f", "markdown", "-t", "html", "--wrap=none"],
            input=doc, capture_output=True, text=True, check=True,
        ).stdout
    entries = {}
    for m in re.finditer(r'<div id="ref-(.*?)" class="csl-entry"[^>]*>(.*?)</div>\s*(?=<div id="ref-|</div>\s*$)', out, re.S):
        entries[html.unescape(m.group(1))] = m.group(2)
    return entries


def compare(items: list[dict[str, Any]], style: str, locale: str, show: bool) -> dict[str, Any]:
    info = find_style(style)
    t0 = time.perf_counter()
    ours = {e.key: e.text for e in render(items, str(info.path), locale, "html").entries}
    t_ours = time.perf_counter() - t0
    t0 = time.perf_counter()
    theirs = pandoc_entries(items, str(info.path), locale)
    t_pandoc = time.perf_counter() - t0
    same_text = same_markup = 0
    for key, mine in ours.items():
        other = theirs.get(key, "")
        a, b = _normalise(mine, False), _normalise(other, False)
        same_text += a == b
        same_markup += _normalise(mine, True) == _normalise(other, True)
        if show and a != b:
            print(f"--- {style} {key}\n  bibkaz: {a}\n  pandoc: {b}")
    n = len(ours)
    return {"style": style, "entries": n, "identical_text": same_text, "identical_markup": same_markup,
            "share_text": same_text / n if n else 0.0, "seconds_bibkaz": t_ours, "seconds_pandoc": t_pandoc}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", help="folder of briefs to load through bibkaz's pipeline")
    parser.add_argument("--styles", default="apa,chicago-author-date,modern-language-association")
    parser.add_argument("--locale", default="en-US")
    parser.add_argument("--show", action="store_true", help="print every differing entry")
    args = parser.parse_args()
    if shutil.which("pandoc") is None:
        print("pandoc is not installed (apt-get install pandoc)", file=sys.stderr)
        return 2
    version = subprocess.run(["pandoc", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    sets = {"corpus": corpus_items()}
    if args.seeds:
        sets["seeds"] = seed_items(args.seeds)
    print(f"# {version}; citeproc-py via bibkaz; locale {args.locale}")
    print("| set | style | entries | identical (text) | identical (with italics) | bibkaz s | pandoc s |")
    print("|---|---|---|---|---|---|---|")
    for name, items in sets.items():
        if not items:
            continue
        for style in args.styles.split(","):
            r = compare(items, style, args.locale, args.show)
            print(f"| {name} | {style} | {r['entries']} | {r['identical_text']} ({r['share_text']:.1%}) | "
                  f"{r['identical_markup']} | {r['seconds_bibkaz']:.2f} | {r['seconds_pandoc']:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

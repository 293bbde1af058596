"""Scale bench for the resolver: N references of N/5 works in varied styles.

    python bench/resolve_bench.py                 # 10k, 20k, 50k, 100k, each in a fresh process
    python bench/resolve_bench.py --size 100000   # one size

Works are generated from templates (author pools with diacritics, title
vocabularies with subtitles, journals with their abbreviations, organisations),
then each is cited 1–9 times (5 on average) in a style variant: initials,
sentence case, dropped subtitle, abbreviated journal, "et al.", diacritics lost,
online-first year, a short note without year. The generator is seeded, so every
run resolves the same references. Reported: wall time of clustering and of the
whole resolve() (field merging, keys, library), peak RSS, and pairwise
precision/recall against the generating work ids. Run by hand, never in tests.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from anyascii import anyascii  # noqa: E402

from bibkaz.model import Document, Extraction, Name, ParsedReference, RawReference, Record  # noqa: E402

SYLLABLES = "ka ra mo na be li to sa ve du ri go al ex an dr er ov ich ba ze tu ma hi ko".split()
DIACRITIC = {"a": "á", "e": "é", "o": "ö", "u": "ü", "s": "ş", "c": "č"}
GIVEN = "Alexander Bhavna Marlène Temur Richard Aigerim Nargis Reid Luca Rico Adeeb Rilka David Sandra".split()
WORDS = """water power security trade migration energy pipelines identity language nation state politics economy
reform corruption protest border conflict cooperation governance religion islam media elites labour remittances
hydropower agriculture land cotton gas oil transit railway sanctions diplomacy region neighbours transition
authoritarianism legitimacy memory youth education health urban rural steppe mountains rivers dams cities
markets bazaars banks debt investment infrastructure connectivity ports logistics corridors customs union""".split()
PLACES = "Kazakhstan Kyrgyzstan Uzbekistan Tajikistan Turkmenistan Afghanistan Xinjiang Fergana Caspian Aral Russia China".split()
JOURNALS = [
    ("Central Asian Survey", "Cent. Asian Surv."),
    ("Europe-Asia Studies", "Eur.-Asia Stud."),
    ("Journal of Democracy", "J. Democr."),
    ("Post-Soviet Affairs", "Post-Sov. Aff."),
    ("Problems of Post-Communism", "Probl. Post-Communism"),
    ("International Affairs", "Int. Aff."),
    ("Water International", "Water Int."),
    ("Energy Policy", "Energy Pol."),
]
ORGS = ["World Bank", "International Crisis Group", "Asian Development Bank", "OSCE", "United Nations Development Programme"]


def _surname(rng: random.Random) -> str:
    name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
    if rng.random() < 0.2:
        i = rng.randrange(1, len(name))
        if name[i] in DIACRITIC:
            name = name[:i] + DIACRITIC[name[i]] + name[i + 1 :]
    return name


def make_work(rng: random.Random, surnames: list[str], n: int) -> Record:
    kind = rng.choice(["article-journal"] * 5 + ["book"] * 2 + ["report", "webpage"])
    if kind == "report" and rng.random() < 0.7:
        authors = (Name(literal=rng.choice(ORGS)),)
    else:
        authors = tuple(Name(rng.choice(surnames), rng.choice(GIVEN)) for _ in range(rng.choice([1, 1, 1, 2, 2, 3, 4])))
    words = rng.sample(WORDS, 3)
    place = rng.choice(PLACES)
    title = f"{words[0].capitalize()} and {words[1].capitalize()} in {place}"
    if rng.random() < 0.6:
        title += f": {rng.choice(WORDS).capitalize()} {rng.choice(['after', 'before', 'beyond', 'under'])} {rng.choice(WORDS).capitalize()} {n}"
    else:
        title += f" {n}"  # keeps generated titles distinct, as real ones are
    journal = rng.choice(JOURNALS)
    return Record(
        type=kind,
        authors=authors,
        title=title,
        container_title=journal[0] if kind == "article-journal" else "",
        date=str(rng.randint(1995, 2024)),
        volume=str(rng.randint(1, 60)) if kind == "article-journal" else "",
        pages=f"{(p := rng.randint(1, 900))}-{p + rng.randint(5, 30)}" if kind == "article-journal" else "",
        publisher=rng.choice(["Routledge", "Oxford University Press", "Palgrave"]) if kind == "book" else "",
        doi=f"10.1234/bench.{n}" if kind == "article-journal" and rng.random() < 0.3 else "",
    )


def variant(rng: random.Random, work: Record) -> Record:
    """One citation of ``work`` in a random style variant."""
    r = work
    style = rng.choice(["apa", "chicago", "harvard", "ieee", "mla", "short"])
    abbrev = dict(JOURNALS)
    if style in ("apa", "harvard", "ieee"):
        r = r.with_(authors=tuple(Name(n.family, n.given[:1] + ".") if not n.literal else n for n in r.authors))
    if style == "apa":
        r = r.with_(title=r.title[:1] + r.title[1:].lower())
    if style == "ieee" and r.container_title:
        r = r.with_(container_title=abbrev[r.container_title])
    if style == "mla" and len(r.authors) >= 3:
        r = r.with_(authors=r.authors[:1])
    if style == "harvard":
        r = r.with_(authors=tuple(Name(anyascii(n.family), n.given, literal=n.literal) for n in r.authors))
        if ":" in r.title and rng.random() < 0.5:
            r = r.with_(title=r.title.split(":")[0])
    if style == "short":
        r = Record(type=r.type, authors=r.authors[:1], title=r.title.split(":")[0])
    if style == "apa" and r.type == "article-journal" and rng.random() < 0.1:
        r = r.with_(date=str(int(r.date) - 1))
    if style in ("chicago", "mla") or rng.random() < 0.5:
        r = r.with_(doi="")
    return r


def generate(size: int, seed: int = 7) -> tuple[list[Extraction], list[ParsedReference], list[int]]:
    rng = random.Random(seed)
    surnames = [_surname(rng) for _ in range(max(200, size // 25))]
    works = [make_work(rng, surnames, n) for n in range(size // 5)]
    parsed, truth = [], []
    docs = max(1, size // 40)
    while len(parsed) < size:
        w = rng.randrange(len(works))
        doc = f"doc{rng.randrange(docs)}"
        ref = RawReference(doc, "reference-list", f"ref {len(parsed)}", len(parsed) + 1)
        parsed.append(ParsedReference(ref, variant(rng, works[w])))
        truth.append(w)
    extractions = [Extraction(Document(f"doc{d}", f"doc{d}.txt", "")) for d in range(docs)]
    return extractions, parsed, truth


def run(size: int) -> dict:
    from bibkaz.resolve import resolve_report
    from bibkaz.resolve.evaluate import pairwise_scores

    extractions, parsed, truth = generate(size)
    start, cpu = time.perf_counter(), time.process_time()
    report = resolve_report(extractions, parsed)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    scores = pairwise_scores(report.clustering.groups, truth)
    return {
        "references": size,
        "works": len(report.library.works),
        "true_works": len(set(truth)),
        "seconds": round(elapsed, 2),
        "cpu_seconds": round(cpu, 2),
        "comparisons": report.clustering.comparisons,
        "skipped_blocks": report.clustering.skipped_blocks,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "precision": round(scores.precision, 4),
        "recall": round(scores.recall, 4),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, help="one size, in this process")
    args = parser.parse_args()
    if args.size:
        print(json.dumps(run(args.size)))
        return
    for size in (10_000, 20_000, 50_000, 100_000):
        out = subprocess.run([sys.executable, __file__, "--size", str(size)], capture_output=True, text=True, check=True)
        print(out.stdout.strip(), flush=True)


if __name__ == "__main__":
    main()

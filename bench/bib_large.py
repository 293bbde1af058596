"""Write a large synthetic .bib file for ``bibkaz merge`` speed and memory runs.

    python3 bench/bib_large.py /tmp/large.bib --entries 230000

Entries look like a real library's (articles, books, chapters, 1–4 authors,
titles of 5–12 words, some DOIs) and about 5 % are the same work written again
with another key, initials for first names and a lower-case title, so the
resolver has real duplicates to find. Deterministic for a given seed.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

FAMILIES = ("Laruelle Cooley Umarov Anceschi Meister Dave Pomfret Heathershaw Schatz Isaacs Olcott Kassenova "
            "Nurmakov Satpayev Bohr Burkhanov Peyrouse Marat Lewis Collins Kudaibergenova Junisbai Sharipova "
            "Ahmed Tokayev Wolters Roberts Cummings Matveeva Ibraimova Kemelbayeva Smith Jones Müller Garcia").split()
WORDS = ("policy power regime energy security migration water cotton Russia China Kazakhstan Eurasia border "
         "trade reform elite identity media protest nation state region oil gas corridor belt road finance "
         "authoritarian memory language religion labour remittances sanctions war peace order hedging "
         "leadership integration customs union development aid loans infrastructure").split()
JOURNALS = ("Central Asian Survey", "Europe-Asia Studies", "Problems of Post-Communism", "Post-Soviet Affairs",
            "Nationalities Papers", "Journal of Eurasian Studies")
PUBLISHERS = ("Routledge", "Oxford University Press", "Springer", "Palgrave Macmillan", "Cambridge University Press")


SYLLABLES = "ka ra ba li mo nu sa te vo ze dra kov yev bek ova ul an er is on".split()


def family(rng: random.Random) -> str:
    """A real surname a quarter of the time, else one of ~8,000 made of syllables (a
    library's authors are diverse; 36 surnames would make every block huge)."""
    if rng.random() < 0.25:
        return rng.choice(FAMILIES)
    return "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()


def entry(rng: random.Random, n: int) -> str:
    """One entry (about 220 bytes)."""
    authors = " and ".join(f"{family(rng)}, {rng.choice('ABCDEFGHJKLMNOPRST')}." for _ in range(rng.randint(1, 3)))
    title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 10))).capitalize()
    year = rng.randint(1990, 2024)
    kind = rng.random()
    if kind < 0.6:
        body = f"journal = {{{rng.choice(JOURNALS)}}}, volume = {{{rng.randint(1, 70)}}}, pages = {{{rng.randint(1, 400)}--{rng.randint(401, 900)}}}"
        typ = "article"
    elif kind < 0.85:
        body = f"publisher = {{{rng.choice(PUBLISHERS)}}}, address = {{London}}"
        typ = "book"
    else:
        body = f"booktitle = {{{rng.choice(WORDS).capitalize()} in Central Asia}}, publisher = {{{rng.choice(PUBLISHERS)}}}"
        typ = "incollection"
    doi = f",\n  doi = {{10.{1000 + n % 9000}/x{n}}}" if rng.random() < 0.3 else ""
    return f"@{typ}{{k{n},\n  author = {{{authors}}},\n  title = {{{title}}},\n  year = {{{year}}},\n  {body}{doi}\n}}\n"


def restyled(text: str, n: int) -> str:
    """The same work as another file would write it: new key, lower-case title."""
    head, _, rest = text.partition(",\n")
    lines = rest.split("\n")
    lines = [line.replace(line[line.index("{") + 1 :], line[line.index("{") + 1 :].lower()) if line.strip().startswith("title") else line for line in lines]
    return f"{head.split('{')[0]}{{dup{n},\n" + "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("output", type=Path)
    ap.add_argument("--entries", type=int, default=230_000)
    ap.add_argument("--seed", type=int, default=12)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    with args.output.open("w", encoding="utf-8") as out:
        previous = ""
        for n in range(args.entries):
            if previous and rng.random() < 0.05:
                out.write(restyled(previous, n) + "\n")
            else:
                previous = entry(rng, n)
                out.write(previous + "\n")
    print(f"{args.entries} entries, {args.output.stat().st_size / 1e6:.1f} MB → {args.output}")


if __name__ == "__main__":
    main()

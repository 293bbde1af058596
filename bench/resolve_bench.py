"""Scale bench for the resolver: N references of N/5 works in varied styles.

    python bench/resolve_bench.py                 # 10k, 20k, 50k, 100k, each in a fresh process
    python bench/resolve_bench.py --size 100000   # one size
    python bench/resolve_bench.py --scenario one-work --size 10000   # one work cited 10,000 times
    python bench/resolve_bench.py --scenarios      # one-work, prefixes, small at 10,000, each in a fresh process
    python bench/resolve_bench.py --extract 2000   # bibkaz extract on 2,000 near-identical reference lines
    python bench/resolve_bench.py --size 100000 --spool                # the spooled resolver, buckets on disk
    python bench/resolve_bench.py --size 100000 --cluster local        # the same on a LocalCluster of 2 workers
    python bench/resolve_bench.py --stream --size 1000000 --cluster local   # generated as resolved, never all held
    python bench/resolve_bench.py --stream --scenario real --size 1000000 --cluster local   # real references, perturbed
    python bench/resolve_bench.py --stream --scenario real --size 100000 --cluster local --check   # = in-process spooled?

Works are generated from templates (author pools with diacritics, title
vocabularies with subtitles, journals with their abbreviations, organisations),
then each is cited 1–9 times (5 on average) in a style variant: initials,
sentence case, dropped subtitle, abbreviated journal, "et al.", diacritics lost,
online-first year, a short note without year. The generator is seeded, so every
run resolves the same references.

Scenarios for the resolver's worst cases (issue 15: "a work cited 10,000 times
costs what 10,000 small works cost"): ``one-work`` cites one work N times in the
style variants above plus typos (a character dropped, doubled or changed in the
title, a name, the journal), so nearly every citation is a distinct record in
one block; ``prefixes`` is N distinct works whose titles share a long prefix
(numbered reports, one series title by many authors, subtitles that differ in
all their words), none of which may merge; ``small`` is the default
generator at N references; ``real`` (streamed only) is the real citations of
tests/resolver_corpus (48 works in 2–4 styles each, as each citation gives them)
copied into N/5 works, each copy with its people's and organisations' names and
its years perturbed (and its DOI and URL its own), cited a Zipf number of times
(the most cited work about 28,000 times at a million, 4,300 at 100,000) with typos in 30 % of
the citations. Reported: wall time of clustering and of the
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
from array import array
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from anyascii import anyascii  # noqa: E402

from fuzzlib import near_duplicate_document, slip  # noqa: E402

from bibkaz.model import Document, Extraction, Mention, Name, ParsedReference, RawReference, Record  # noqa: E402

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


def citations(size: int, seed: int = 7) -> Iterator[tuple[str, Record, int]]:
    """The usual scenario's citations one at a time: (document, record, work), so a
    million of them never have to be held (``--stream``)."""
    rng = random.Random(seed)
    surnames = [_surname(rng) for _ in range(max(200, size // 25))]
    works = [make_work(rng, surnames, n) for n in range(size // 5)]
    docs = max(1, size // 40)
    for _ in range(size):
        w = rng.randrange(len(works))
        doc = f"doc{rng.randrange(docs)}"
        yield doc, variant(rng, works[w]), w


CORPUS = ROOT / "tests" / "resolver_corpus" / "corpus.jsonl"


def _code(k: int) -> str:
    """Copy ``k``'s name perturbation: ``k`` written in syllables ("", "Ka", "RaMo", …), one a copy."""
    out = ""
    while k:
        k, digit = divmod(k, len(SYLLABLES))
        out += SYLLABLES[digit].capitalize()
    return out


def _perturbed(record: Record, k: int) -> Record:
    """Copy ``k`` of a real citation: every family name and organisation ends in the copy's own
    syllables, every year is shifted by k mod 11, the DOI and URL are the copy's. Copy 0 is the
    real citation itself."""
    if not k:
        return record
    code, shift = _code(k), k % 11

    def name(n: Name) -> Name:
        if n.literal:
            return Name(literal=f"{n.literal} {code}")
        return Name(n.family + code.lower(), n.given, n.particle, n.suffix)

    def year(text: str) -> str:
        return f"{int(text[:4]) + shift}{text[4:]}" if text[:4].isdigit() else text

    return record.with_(
        authors=tuple(map(name, record.authors)), editors=tuple(map(name, record.editors)),
        date=year(record.date), doi=f"{record.doi}.{k}" if record.doi else "",
        url=f"{record.url}?copy={k}" if record.url else "",
    )


def real_citations(size: int, seed: int = 7) -> Iterator[tuple[str, Record, int]]:
    """``size`` citations of ``size // 5`` works made from real ones (see the module), one at a
    time: (document, record, work). Work r is copy r // 48 of real work r % 48 and is cited with
    weight 1 / (r + 1) ** 0.85, so clusters come in every size, from one to N/50."""
    from bisect import bisect
    from itertools import accumulate

    from bibkaz.formats.csl import csl_to_record

    rng = random.Random(seed)
    cited: dict[str, list[Record]] = {}
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        one = json.loads(line)
        cited.setdefault(one["work"], []).append(csl_to_record(one["csl"]))
    bases = [cited[w] for w in sorted(cited)]
    works = max(1, size // 5)
    weights = list(accumulate(1 / (r + 1) ** 0.85 for r in range(works)))
    docs = max(1, size // 40)
    for _ in range(size):
        w = bisect(weights, rng.random() * weights[-1])
        k, base = divmod(w, len(bases))
        record = _perturbed(rng.choice(bases[base]), k)
        if rng.random() < 0.3:
            record = mutated(rng, record)
        yield f"doc{rng.randrange(docs)}", record, w


def generate(size: int, seed: int = 7) -> tuple[list[Extraction], list[ParsedReference], list[int]]:
    parsed, truth = [], []
    for doc, record, w in citations(size, seed):
        ref = RawReference(doc, "reference-list", f"ref {len(parsed)}", len(parsed) + 1)
        parsed.append(ParsedReference(ref, record))
        truth.append(w)
    docs = max(1, size // 40)
    extractions = [Extraction(Document(f"doc{d}", f"doc{d}.txt", "")) for d in range(docs)]
    return extractions, parsed, truth


def mutated(rng: random.Random, r: Record) -> Record:
    """A citation with the slips a careless author or a parser makes: typos in the
    title, the first author's name or the journal, a missing or extra page range."""
    if rng.random() < 0.7:
        r = r.with_(title=slip(rng, r.title))
    if rng.random() < 0.15 and r.title:
        r = r.with_(title=slip(rng, r.title))
    if rng.random() < 0.1 and r.authors and not r.authors[0].literal:
        first = r.authors[0]
        r = r.with_(authors=(Name(slip(rng, first.family), first.given),) + r.authors[1:])
    if rng.random() < 0.1 and r.container_title:
        r = r.with_(container_title=slip(rng, r.container_title))
    if rng.random() < 0.3:
        r = r.with_(pages=f"{rng.randint(1, 40)}-{rng.randint(41, 90)}")
    return r


def one_work(size: int, seed: int = 7) -> tuple[list[Extraction], list[ParsedReference], list[int]]:
    """One work cited ``size`` times in ``size // 40`` documents, styles and typos varied."""
    rng = random.Random(seed)
    work = Record(
        type="article-journal",
        authors=(Name("Kassenova", "Nargis"), Name("Cooley", "Alexander"), Name("Mörtensen", "Rilka")),
        title="Water and Power in Central Asia: Hydropower, Cotton and the Politics of the Aral Basin",
        container_title="Central Asian Survey",
        date="2019",
        volume="38",
        issue="2",
        pages="211-236",
        doi="10.1080/02634937.2019.1234567",
    )
    docs = max(1, size // 40)
    parsed = []
    for n in range(size):
        record = variant(rng, work)
        if rng.random() < 0.6:
            record = mutated(rng, record)
        ref = RawReference(f"doc{n % docs}", "reference-list", f"ref {n}", n + 1)
        parsed.append(ParsedReference(ref, record))
    extractions = [Extraction(Document(f"doc{d}", f"doc{d}.txt", "")) for d in range(docs)]
    return extractions, parsed, [0] * size


PREFIX = "Water Security and Regional Cooperation in Central Asia"


def prefix_works(size: int, seed: int = 7) -> tuple[list[Extraction], list[ParsedReference], list[int]]:
    """``size`` distinct works (one citation each) that share a long title prefix and a
    handful of authors: what tells them apart is a number, a year, an author or the
    words of a subtitle. (Titles one word apart by one author in one year, "…: Caspian
    Country Report" and "…: Turkmenistan Country Report", are left out: under a long
    shared prefix the similarity rules take them for one work, slow or fast.)"""
    rng = random.Random(seed)
    authors = [(Name(literal="International Crisis Group"),), (Name(literal="World Bank"),),
               (Name("Kassenova", "Nargis"),), (Name("Cooley", "Alexander"), Name("Heathershaw", "John"))]
    surnames = [_surname(rng) for _ in range(400)]
    parsed, seen = [], set()
    docs = max(1, size // 40)
    while len(parsed) < size:
        n = len(parsed)
        kind = n % 3
        who = authors[rng.randrange(len(authors))]
        year = rng.randint(1995, 2024)
        if kind == 0:  # numbered reports: the number tells them apart
            title = f"{PREFIX}: Policy Brief No. {rng.randint(1, 10 ** 6)}"
        elif kind == 1:  # one series title, many authors and years
            who = (Name(rng.choice(surnames), rng.choice(GIVEN)),)
            title = f"{PREFIX}: Annual Country Report"
        else:  # subtitles one to three words apart, by many authors
            who = (Name(rng.choice(surnames), rng.choice(GIVEN)),)
            words = rng.sample(WORDS, 3)
            title = f"{PREFIX}: {' '.join(w.capitalize() for w in words)}"
        record = Record(type="report", authors=who, title=title, date=str(year), publisher="Bench Press")
        # The resolver compares family names folded to ASCII: two given names are one author to it.
        # One word of a long title is under its 93 % title threshold, so one author's
        # subtitles in one year would be one work to it: those are left out too.
        identity = (tuple(anyascii(a.family or a.literal).lower() for a in who), title if kind != 2 else "", year)
        if identity in seen:
            continue
        seen.add(identity)
        ref = RawReference(f"doc{n % docs}", "reference-list", f"ref {n}", n + 1)
        parsed.append(ParsedReference(ref, record))
    extractions = [Extraction(Document(f"doc{d}", f"doc{d}.txt", "")) for d in range(docs)]
    return extractions, parsed, list(range(size))


SCENARIOS = {"small": generate, "one-work": one_work, "prefixes": prefix_works}


def _peak_mb() -> int:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def _rss_mb() -> int:
    """This process's resident memory now (Linux), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024)
    return 0


class _Where:
    """Where the spooled resolver's buckets run: here (``--spool``) or on a Dask cluster
    (``--cluster local`` starts a LocalCluster of ``--workers`` processes)."""

    def __init__(self, cluster: str | None, workers: int):
        self.runner = None
        if cluster:
            from bibkaz.run.dask_runner import DaskRunner

            self.runner = DaskRunner(cluster, workers)
            self.runner.client()  # started before the clock

    @property
    def mapper(self):
        from bibkaz.resolve.spool import serial_map

        return self.runner.map if self.runner is not None else serial_map

    def worker_cpu(self) -> list[float]:
        """Each worker process's CPU seconds so far (user + system)."""
        if self.runner is None:
            return []

        def used() -> float:
            usage = resource.getrusage(resource.RUSAGE_SELF)
            return round(usage.ru_utime + usage.ru_stime, 1)

        return sorted(self.runner.client().run(used).values())

    def worker_rss(self) -> list[int]:
        """Each worker's resident memory now, in MB."""
        return sorted(self.runner.client().run(_rss_mb).values()) if self.runner is not None else []

    def worker_peaks(self) -> list[int]:
        """Each worker's peak resident memory in MB (its own process)."""
        if self.runner is None:
            return []
        peaks = self.runner.client().run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
        return sorted(peaks.values())

    def close(self) -> None:
        if self.runner is not None:
            self.runner.close()


def run(size: int, scenario: str = "small", spool: bool = False, cluster: str | None = None, workers: int = 2,
        bucket: int | None = None) -> dict:
    from bibkaz.resolve import resolve_report
    from bibkaz.resolve.evaluate import pairwise_scores
    from bibkaz.resolve.spool import BUCKET, resolve_report_spooled

    extractions, parsed, truth = SCENARIOS[scenario](size)
    where = _Where(cluster, workers) if spool or cluster else None
    before = _peak_mb()
    start, cpu = time.perf_counter(), time.process_time()
    if where is None:
        report = resolve_report(extractions, parsed)
    else:
        report = resolve_report_spooled(extractions, parsed, mapper=where.mapper, bucket=bucket or BUCKET)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    scores = pairwise_scores(report.clustering.groups, truth)
    out = {
        "scenario": scenario,
        "resolver": "memory" if where is None else f"spooled on {cluster} ({workers} workers)" if cluster else "spooled",
        "references": size,
        "works": len(report.library.works),
        "true_works": len(set(truth)),
        "seconds": round(elapsed, 2),
        "cpu_seconds": round(cpu, 2),  # this process only: a cluster's workers are not in it
        "comparisons": report.clustering.comparisons,
        "windowed_blocks": report.clustering.windowed_blocks,
        "peak_rss_mb_before_resolving": before,
        "peak_rss_mb": _peak_mb(),
        "precision": round(scores.precision, 4),
        "recall": round(scores.recall, 4),
    }
    if where is not None:
        out["worker_peak_rss_mb"] = where.worker_peaks()
        where.close()
    return out


STREAMS = {"small": citations, "real": real_citations}


def run_stream(size: int, cluster: str | None, workers: int, bucket: int | None = None, scenario: str = "small",
               check: bool = False, library: bool = False) -> dict:
    """The ``scenario``'s ``size`` references streamed into the spooled resolver as they
    are generated (nothing but the answer and one work id a reference is held here):
    the resolver's own footprint, on the client and on each worker. ``check``: then the
    same references in this process (the in-process spooled resolver), and whether
    both answers (groups, merged records, near misses) are identical. ``library``: the
    references are also written to spools as a large run keeps them (forty a document,
    in order: then each is cited in its own document, not a random one) and the run goes
    on as ``bibkaz extract`` does past the in-memory limit: the streamed library
    (:func:`bibkaz.resolve.streamed.streamed_resolution`) written as .bib and JSON."""
    from array import array

    from bibkaz.resolve.evaluate import pairwise_scores
    from bibkaz.resolve.spool import BUCKET, cluster_spooled, serial_map

    truth = array("l")
    spools = _LibrarySpools() if library else None

    def entries():
        for n, (doc, record, w) in enumerate(STREAMS[scenario](size)):
            truth.append(w)
            if spools is not None:
                yield spools.add(n, record)
            else:
                yield (n, f"{doc}:{n + 1}", record, doc, "")

    where = _Where(cluster, workers)
    at_start = {"client_rss_mb_at_start": _rss_mb(), "worker_rss_mb_at_start": where.worker_rss()}
    start, cpu = time.perf_counter(), time.process_time()
    clustering, merged = cluster_spooled(entries(), where.mapper, bucket=bucket or BUCKET)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    # Peaks of the resolver's own work, before this bench scores the answer (a dict of every reference).
    client_peak, worker_peaks, worker_cpu = _peak_mb(), where.worker_peaks(), where.worker_cpu()
    out = {
        "scenario": f"{scenario}, streamed" + (", library written" if library else ""),
        "resolver": f"spooled on {cluster} ({workers} workers)" if cluster else "spooled",
        "references": size, "seconds": round(elapsed, 2), "client_cpu_seconds": round(cpu, 2),
        "worker_cpu_seconds": worker_cpu, **at_start, "client_peak_rss_mb": client_peak,
        "worker_peak_rss_mb": worker_peaks,
    }
    if spools is not None:
        start, cpu = time.perf_counter(), time.process_time()
        out["library"] = spools.write(clustering, merged, where.runner)
        out["library"].update(seconds=round(time.perf_counter() - start, 2),
                              client_cpu_seconds=round(time.process_time() - cpu, 2), client_peak_rss_mb=_peak_mb(),
                              worker_peak_rss_mb=where.worker_peaks())
    where.close()
    scores = pairwise_scores(clustering.groups, truth)
    sizes = sorted((len(g) for g in clustering.groups), reverse=True)
    out.update({
        "works": len(clustering.groups), "true_works": len(set(truth)),
        "largest_works": sizes[:3], "works_of_one": sum(1 for n in sizes if n == 1),
        "comparisons": clustering.comparisons, "near_misses": len(clustering.near_misses),
        "precision": round(scores.precision, 4), "recall": round(scores.recall, 4),
    })
    if check:
        truth = array("l")
        spools = _LibrarySpools() if library else None
        start, cpu = time.perf_counter(), time.process_time()
        here, here_merged = cluster_spooled(entries(), serial_map, bucket=bucket or BUCKET)
        out["in_process_seconds"] = round(time.perf_counter() - start, 2)
        out["in_process_cpu_seconds"] = round(time.process_time() - cpu, 2)
        out["identical_to_in_process"] = (tuple(here.groups) == tuple(clustering.groups)
                                          and list(here_merged) == list(merged)
                                          and tuple(here.near_misses) == tuple(clustering.near_misses))
    return out


#: References a document of ``--library`` holds.
PER_DOCUMENT = 40


class _LibrarySpools:
    """The run's results as ``bibkaz extract`` keeps them past its in-memory limit
    (bibkaz/pipeline.py's collector): extractions, parsed references and mentions on
    disk, an int a document here."""

    def __init__(self):
        from bibkaz.run.store import Folder, Spool

        self.folder = Folder("bibkaz-bench-")
        self.extractions, self.parsed = Spool(self.folder, "extractions"), Spool(self.folder, "parsed")
        self.starts = array("q", [0])
        self._refs: list = []
        self._mentions: list = []

    def add(self, n: int, record: Record) -> tuple:
        doc = f"doc{n // PER_DOCUMENT}"
        ref = RawReference(doc, "reference-list", f"ref {n}", n % PER_DOCUMENT + 1)
        self.parsed.append(ParsedReference(ref, record))
        self._refs.append(ref)
        self._mentions.append(Mention(doc, "author-date", f"({n})", n % PER_DOCUMENT + 1, reference=ref))
        if len(self._refs) == PER_DOCUMENT:
            self._flush()
        return (n, ref.id, record, doc, "")

    def _flush(self) -> None:
        if self._refs:
            doc = self._refs[0].document
            self.extractions.append(Extraction(Document(doc, f"{doc}.txt", ""), tuple(self._refs),
                                               tuple(self._mentions)))
            self.starts.append(len(self.parsed))
        self._refs, self._mentions = [], []

    def write(self, clustering, merged, runner) -> dict:
        """The streamed library of the clustered run, written as .bib and JSON (on ``runner``
        beside, as ``bibkaz extract --cluster`` does); their sizes."""
        import tempfile

        from bibkaz.pipeline import Built, write_outputs
        from bibkaz.resolve.streamed import Results, streamed_resolution
        from bibkaz.run.store import Spool

        self._flush()
        self.extractions.close()
        self.parsed.close()
        results = Results(self.extractions, self.parsed, self.starts, ())
        resolution = streamed_resolution(results, clustering, merged, Spool(self.folder, "mentions"),
                                         Spool(self.folder, "unresolved"))
        built = Built(resolution.library, results.extractions, (), resolution)
        with tempfile.TemporaryDirectory(prefix="bibkaz-bench-out-") as tmp:
            bib, lib = Path(tmp) / "references.bib", Path(tmp) / "library.json"
            write_outputs(built, bib, lib, runner=runner)
            return {"bib_mb": round(bib.stat().st_size / 2 ** 20, 1), "json_mb": round(lib.stat().st_size / 2 ** 20, 1),
                    "bib_sha256": _digest(bib), "json_sha256": _digest(lib)}


def _digest(path: Path) -> str:
    """The file's SHA-256 (its first 16 hex digits): the bytes compared between two trees."""
    import hashlib

    digest = hashlib.sha256()
    with path.open("rb") as source:
        for block in iter(lambda: source.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()[:16]


def run_extract(lines: int) -> dict:
    """``bibkaz extract`` on one brief whose reference list is ``lines`` near-identical
    lines (bench/fuzzlib.py's near_duplicate_document): the CLI's wall time in a
    child process, then the stages in this one (read + find + parse, resolve)."""
    import tempfile

    from bibkaz.pipeline import extract_document
    from bibkaz.resolve import resolve_report

    with tempfile.TemporaryDirectory(prefix="bibkaz-near-") as tmp:
        docs = Path(tmp) / "docs"
        docs.mkdir()
        path = docs / "near.txt"
        size = path.write_bytes(near_duplicate_document(random.Random(7), lines).encode("utf-8"))
        start = time.perf_counter()
        # The CLI of this tree (not whatever bibkaz is installed), as `bibkaz extract DOCS -o OUT -q`.
        cli_of_tree = "import sys; sys.path.insert(0, sys.argv.pop(1)); from bibkaz.cli import main; main(prog_name='bibkaz')"
        subprocess.run([sys.executable, "-c", cli_of_tree, str(ROOT), "extract", str(docs),
                        "-o", str(Path(tmp) / "out.bib"), "-q"], capture_output=True, check=True)
        cli = time.perf_counter() - start
        start = time.process_time()
        extraction, parsed = extract_document(path)
        extract_cpu = time.process_time() - start
        start = time.process_time()
        report = resolve_report([extraction], parsed)
        resolve_cpu = time.process_time() - start
    return {"lines": lines, "bytes": size, "cli_seconds": round(cli, 2),
            "extract_parse_cpu": round(extract_cpu, 2), "resolve_cpu": round(resolve_cpu, 2),
            "references": len(parsed), "works": len(report.library.works)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, help="one size, in this process")
    parser.add_argument("--scenario", choices=sorted({*SCENARIOS, *STREAMS}), default="small",
                        help="'real' with --stream only")
    parser.add_argument("--scenarios", action="store_true", help="every scenario at 10,000, each in a fresh process")
    parser.add_argument("--extract", type=int, metavar="LINES",
                        help="time bibkaz extract on a brief of LINES near-identical reference lines")
    parser.add_argument("--spool", action="store_true", help="the spooled resolver (buckets on disk), in this process")
    parser.add_argument("--cluster", metavar="ADDRESS", help="the spooled resolver on a Dask cluster ('local': a LocalCluster)")
    parser.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes (default 2)")
    parser.add_argument("--bucket", type=int, help="references a bucket holds on average (default: spool.BUCKET)")
    parser.add_argument("--stream", action="store_true",
                        help="stream --size references of the usual scenario into the spooled resolver (for 1,000,000)")
    parser.add_argument("--check", action="store_true",
                        help="with --stream: resolve again in this process and compare the answers")
    parser.add_argument("--library", action="store_true",
                        help="with --stream: keep the references as a large run does and write the streamed "
                             "library (.bib and JSON) after resolving")
    args = parser.parse_args()
    if args.stream:
        print(json.dumps(run_stream(args.size, args.cluster, args.workers, args.bucket, args.scenario, args.check,
                                    args.library)))
        return
    if args.extract:
        print(json.dumps(run_extract(args.extract)))
        return
    if args.size:
        print(json.dumps(run(args.size, args.scenario, args.spool, args.cluster, args.workers, args.bucket)))
        return
    if args.scenarios:
        for scenario in ("one-work", "prefixes", "small"):
            out = subprocess.run([sys.executable, __file__, "--size", "10000", "--scenario", scenario],
                                 capture_output=True, text=True, check=True)
            print(out.stdout.strip(), flush=True)
        return
    for size in (10_000, 20_000, 50_000, 100_000):
        out = subprocess.run([sys.executable, __file__, "--size", str(size)], capture_output=True, text=True, check=True)
        print(out.stdout.strip(), flush=True)


if __name__ == "__main__":
    main()

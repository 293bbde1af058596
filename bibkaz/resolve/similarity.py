"""Are two parsed references the same work? A decision table over folded fields.

Precision comes first: a false merge silently loses a work from a user's
bibliography, a missed merge only shows it twice. So every rule that says "same"
needs agreeing authors, titles and years, and the rules that could be fooled
(short titles, dropped subtitles, missing years) only say "weak": the clusterer
merges a weak pair only when the less complete side has exactly one candidate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein
from rapidfuzz.fuzz import ratio

from bibkaz.resolve.features import Features, fold

SAME = "same"  # merge
WEAK = "weak"  # merge only when unambiguous
DIFFER = "differ"  # keep apart
NEVER = "never"  # keep apart, and never let a chain of merges join them either

#: Folded strings at least this similar (rapidfuzz ratio, 0–100) count as equal.
TITLE_EQUAL = 93.0
NAME_EQUAL = 88.0
CONTAINER_EQUAL = 90.0


@dataclass(frozen=True, slots=True)
class Verdict:
    """The decision for one pair, with what ``--explain`` shows about it.

    ``dependent`` is 1 when the first record is the less complete one (a short
    title, no year), 2 when the second is, 0 when neither: a weak merge is decided
    from the dependent side's candidates.
    """

    kind: str
    score: float
    reason: str
    dependent: int = 0
    #: A merge only across documents: a document that cites both records under two names (one
    #: address for two reports of a programme) keeps them apart (:func:`cluster.decide`).
    across: bool = False
    #: A weak merge only inside one document: a short title alone ("Archived copy") names one work
    #: where one document cites it twice, not across documents (:func:`cluster.decide`).
    within: bool = False


def same_name(a: str, b: str) -> bool:
    """Folded family names that are one name: equal, or one typo apart in a long name."""
    if a == b:
        return True
    if min(len(a), len(b)) < 5:
        return False
    return ratio(a, b) >= NAME_EQUAL


def _first_author_matches(fa: Features, fb: Features) -> bool:
    a, b = fa.families[0], fb.families[0]
    if same_name(a, b):
        return True
    # Given and family swapped by one parse ("Alexander Cooley" read as family
    # "Alexander"), or a compound family name cut in two ("Jones Luong" / "Luong").
    x, y = fa.first_family_tokens, fb.first_family_tokens
    return bool(x) and bool(y) and x <= fb.first_tokens and y <= fa.first_tokens


def author_relation(fa: Features, fb: Features) -> tuple[str, float]:
    """"match", "partial" (one side has no authors), "none" (neither has) or "mismatch"."""
    if not fa.families and not fb.families:
        return "none", 50.0
    if not fa.families or not fb.families:
        return "partial", 50.0
    if not _first_author_matches(fa, fb):
        return "mismatch", ratio(fa.families[0], fb.families[0])
    short, long_ = sorted((fa.families, fb.families), key=len)
    found = 1 + sum(1 for s in short[1:] if any(same_name(s, other) for other in long_))
    # "et al." against a full list: the shorter list must be inside the longer one,
    # allowing one parse slip in long lists.
    allowed_misses = 1 if len(short) >= 4 else 0
    if found >= len(short) - allowed_misses:
        return "match", 100.0
    return "mismatch", 100.0 * found / len(short)


def _is_prefix(short: tuple[str, ...], long_: tuple[str, ...]) -> bool:
    if not short or len(short) >= len(long_):
        return False
    if len(short) == 1 and len(short[0]) < 6:
        return False
    return ratio(" ".join(short), " ".join(long_[: len(short)])) >= TITLE_EQUAL


def _overrun(short: Features, long_: Features) -> bool:
    """``long_``'s title is ``short``'s plus words that belong to other fields of
    ``short`` (its publisher, container, place, year): a title a parser did not
    cut, as in "How Kazakhstan's Unrest Reshaped Its Politics, Carnegie Endowment"."""
    n = len(short.title_words)
    if not n or len(long_.title_words) <= n:
        return False
    if ratio(short.title, " ".join(long_.title_words[:n])) < TITLE_EQUAL:
        return False
    year = str(short.year) if short.year else ""
    return all(w in short.tail_words or w == year for w in long_.title_words[n:])


def _author_in_title(bare: Features, named: Features) -> bool:
    """``bare`` has no authors and its title is ``named``'s first author followed
    by ``named``'s title: a parse that took "R. Pomfret, The Central Asian …" as
    the title."""
    for title in {named.title, named.main}:
        if len(title.split()) < 2:
            continue
        at = f" {bare.title} ".find(f" {title} ")
        if at > 0 and named.first_family_tokens <= set(bare.title[:at].split()):
            return True
    return False


def title_relation(fa: Features, fb: Features) -> tuple[str, float, int]:
    """"equal", "subtitle" (one dropped it), "prefix" (a short title), "differ" or "missing"."""
    if not fa.title or not fb.title:
        return "missing", 0.0, 0
    full = max(ratio(fa.title, fb.title), ratio(" ".join(fa.title_sig), " ".join(fb.title_sig)))
    if full >= TITLE_EQUAL and fa.numbers == fb.numbers:
        return "equal", full, 0
    if _overrun(fa, fb) or _overrun(fb, fa):
        return "equal", max(full, TITLE_EQUAL), 0
    if fa.has_subtitle != fb.has_subtitle:
        longer, shorter, dependent = (fa, fb, 2) if fa.has_subtitle else (fb, fa, 1)
        if ratio(longer.main, shorter.title) >= TITLE_EQUAL and shorter.numbers <= longer.numbers:
            return "subtitle", max(full, 90.0), dependent
    if len(fa.title_sig) != len(fb.title_sig):
        dependent = 1 if len(fa.title_sig) < len(fb.title_sig) else 2
        short, long_ = (fa, fb) if dependent == 1 else (fb, fa)
        if _is_prefix(short.title_sig, long_.title_sig) and short.numbers <= long_.numbers:
            return "prefix", max(full, 85.0), dependent
    return "differ", full, 0


def _abbreviates(short: tuple[str, ...], long_: tuple[str, ...]) -> bool:
    """"cent asian surv" abbreviates "central asian survey": word by word prefixes."""
    return len(short) == len(long_) and all(l.startswith(s) for s, l in zip(short, long_))


def container_relation(fa: Features, fb: Features) -> str:
    """"same", "missing" (one side has none) or "differ"."""
    if not fa.container or not fb.container:
        return "missing"
    if fa.container == fb.container or ratio(fa.container, fb.container) >= CONTAINER_EQUAL:
        return "same"
    a, b = fa.container_words, fb.container_words
    if _abbreviates(a, b) or _abbreviates(b, a):
        return "same"
    return "differ"


def year_relation(fa: Features, fb: Features) -> str:
    """"eq", "missing", "near" (one apart: online-first vs print) or "conflict"."""
    if not fa.year or not fb.year:
        return "missing"
    gap = abs(fa.year - fb.year)
    return "eq" if gap == 0 else "near" if gap == 1 else "conflict"


def _identical(fa: Features, fb: Features) -> bool:
    """Everything but the DOI agrees exactly: one work given two DOIs by its sources."""
    return (
        bool(fa.title)
        and fa.title == fb.title
        and fa.families == fb.families
        and fa.year == fb.year
        and fa.type == fb.type
        and container_relation(fa, fb) != "differ"
    )


def _number_key(number: str) -> str:
    return "".join(c for c in number.lower() if c.isalnum())


def same_report_number(a: str, b: str) -> bool:
    """Two spellings of one number: equal but for case and punctuation ("GAO-04-38",
    "GAO 04-38"), or one without the other's letter prefix ("R43743" / "43743")."""
    x, y = _number_key(a), _number_key(b)
    if x == y:
        return True
    core_x, core_y = x.lstrip("abcdefghijklmnopqrstuvwxyz"), y.lstrip("abcdefghijklmnopqrstuvwxyz")
    return core_x == core_y and (core_x == x or core_y == y)


def same_report_series(a: frozenset[str], b: frozenset[str]) -> bool:
    """Series that may be one: either not given, or one's words within the other's
    ("Working Paper" / "NBER Working Paper"; "CRS Report" / "CRS Report, updated March")."""
    return not a or not b or a <= b or b <= a


def report_conflict(series_a: frozenset[str], number_a: str, series_b: frozenset[str], number_b: str) -> str:
    """The reason two stated report numbers name two works, or ""."""
    if number_a and number_b and same_report_series(series_a, series_b) and not same_report_number(number_a, number_b):
        return f"different report numbers ({number_a} / {number_b})"
    return ""


#: A title this short (significant words) is no evidence alone: "Archived copy", "Privacy Act".
SHORT_TITLE = 3


def _run_within(short: tuple[str, ...], long_: tuple[str, ...]) -> bool:
    """``short`` (two words or more) is a run of consecutive words of ``long_``."""
    n = len(short)
    return n >= 2 and n < len(long_) and any(long_[i : i + n] == short for i in range(len(long_) - n + 1))


def same_address_named(fa: Features, fb: Features) -> str:
    """Why two records at one address (a page of a site, not its root) name one work, or "": one
    title's significant words run inside the other's ("Time for Change" / "Time for Change Model";
    "NIST Cybersecurity Framework" / "National Institute of Standards and Technology. The NIST
    Cybersecurity Framework"), or one title is the number the other states ("M-19-17" / "Enabling
    Mission Delivery …", series "M-19-17"). Writers name one document by its title, its short
    name or its number; the address says which document it is."""
    if not fa.url or fa.url != fb.url or "/" not in fa.url or not fa.title or not fb.title:
        return ""
    short, long_ = sorted((fa, fb), key=lambda f: len(f.title_sig))
    if _run_within(short.title_sig, long_.title_sig):
        return f"same URL, title “{short.title}” within “{long_.title}”"
    for named, numbered in ((fa, fb), (fb, fa)):
        number = fold(numbered.report_number)
        if number and any(c.isdigit() for c in number) and f" {number} " in f" {named.title} ":
            return f"same URL, title “{named.title}” is the number {numbered.report_number}"
    for named in (fa, fb):
        designation = _designation_in_address(named.title, fa.url)
        if designation:
            return f"same URL, title “{named.title}” is the document's number {designation} its address names"
    return ""


#: A document's number ("M-19-17", "GAO-24-105833", "SP 800-157") as features fold it: letters, then
#: groups of digits ("m 19 17", "gao 24 105833", "sp 800 157").
_DESIGNATION = re.compile(r"\b[a-z]{1,8} ?\d{1,6}(?: \d{1,6})+[a-z]?\b")
#: A title naming a document by its number has few other words ("OMB M-22-10", "Memorandum M-19-17").
_DESIGNATION_OTHER_WORDS = 2


def _designation_in_address(title: str, url: str) -> str:
    """The document number a (folded) ``title`` is made of when the address's last step names it too
    ("M-19-17" at "…/uploads/2019/05/M-19-17.pdf"), else "". One memorandum is cited by its number in
    one document and by its title in another; the address says which document the number is."""
    m = _DESIGNATION.search(title)
    if m is None or len((title[: m.start()] + title[m.end():]).split()) > _DESIGNATION_OTHER_WORDS:
        return ""
    last = url.rstrip("/").rsplit("/", 1)[-1]
    return m.group(0) if f" {m.group(0)} " in f" {fold(last)} " else ""


def _unrelated_titles(fa: Features, fb: Features) -> bool:
    if (not fa.families and _author_in_title(fa, fb)) or (not fb.families and _author_in_title(fb, fa)):
        return False
    if same_address_named(fa, fb):
        return False
    sim = Levenshtein.normalized_similarity
    if max(sim(fa.title, fb.title), sim(fa.main, fb.main), sim(fa.main, fb.title), sim(fa.title, fb.main)) >= 0.5:
        return False
    return not (_is_prefix(fa.title_sig, fb.title_sig) or _is_prefix(fb.title_sig, fa.title_sig))


def conflict(fa: Features, fb: Features) -> str:
    """Why two records can never be one work, or "" when nothing forbids it.

    Cheap on purpose: the clusterer checks it for every cross pair before joining
    two clusters, so a chain A~B~C never joins an A and a C that contradict.
    """
    if fa.is_document and fb.is_document:
        return "both are input documents"
    if fa.doi and fb.doi and fa.doi != fb.doi and not _identical(fa, fb):
        return f"different DOIs ({fa.doi} / {fb.doi})"
    if fa.report_number and fb.report_number:
        why = report_conflict(fa.report_series, fa.report_number, fb.report_series, fb.report_number)
        if why:
            return why
    if fa.year and fa.year == fb.year and fa.suffix and fb.suffix and fa.suffix != fb.suffix:
        return f"{fa.year}{fa.suffix} and {fb.year}{fb.suffix} are two works"
    if fa.year and fb.year and fa.year != fb.year:
        # One year apart is online-first vs print, for a journal article only.
        if abs(fa.year - fb.year) > 1 or container_relation(fa, fb) != "same":
            return f"years {fa.year} and {fb.year}"
    if fa.year == fb.year and fa.month and fb.month and fa.month != fb.month:
        return f"dates {fa.year}-{fa.month} and {fb.year}-{fb.month}"
    if {fa.type, fb.type} == {"chapter", "book"}:
        return "a chapter and a book"
    if fa.is_review != fb.is_review:
        return "a review and a non-review"
    if fa.edition and fb.edition and fa.edition != fb.edition:
        return f"editions {fa.edition} and {fb.edition}"
    return fuzzy_conflict(fa, fb)


def fuzzy_conflict(fa: Features, fb: Features) -> str:
    """The conflicts that need a string comparison (first authors, titles): the part of
    :func:`conflict` a large cluster checks against its representatives only (see
    :mod:`bibkaz.resolve.conflicts`); every other rule compares discrete values."""
    if fa.families and fb.families and not _first_author_matches(fa, fb):
        return f"first authors {fa.families[0]} and {fb.families[0]}"
    if fa.title and fb.title and _unrelated_titles(fa, fb):
        return "unrelated titles"
    if fa.url and fb.url and fa.url != fb.url and _other_page(fa.url, fb.url):
        return "two pages of one site"
    return ""


def _other_page(a: str, b: str) -> bool:
    """Whether two normalised addresses on one site name two pages: their last path steps (an
    article's slug, without a file's extension) differ, and both are slugs, not an index's short word
    ("dsd-fall-2022-quantifying-the-commons-0-10-d1844092fc7a" and "…-1-10-970dc24626b", a series'
    two posts whose titles differ only by their numbers). A report's landing page and its PDF
    ("…/products/gao-05-391", "…/assets/gao-05-391.pdf") share their last step, and stay one work; so
    does an address cut short by a conversion ("…/kent-agencies-need-to-get-started-on-automati")."""
    host_a, _, path_a = a.partition("/")
    host_b, _, path_b = b.partition("/")
    if host_a != host_b:
        return False
    last_a, last_b = _last_step(path_a), _last_step(path_b)
    if last_a.startswith(last_b) or last_b.startswith(last_a):
        return False  # one address cut short where a conversion broke its line
    return min(len(last_a), len(last_b)) >= _SLUG


def _last_step(path: str) -> str:
    """A path's last step, without its query or a file's extension, lower-cased."""
    return _SUFFIX.sub("", path.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]).lower()


#: A file's extension on a path's last step.
_SUFFIX = re.compile(r"\.(?:html?|pdf|php|aspx?)$", re.I)
#: A path step this long is an item's slug or id, not a section's word ("news", "blog").
_SLUG = 12


def conflict_profile(f: Features) -> tuple:
    """Every field :func:`conflict` reads: two records with one profile conflict with
    exactly the same records, so a cluster checks each profile once, not each member."""
    return (f.is_document, f.doi, f.report_series, f.report_number, f.year, f.suffix, f.month, f.container, f.container_words, f.type, f.is_review,
            f.edition, f.families, f.first_family_tokens, f.first_tokens, f.title, f.main, f.title_sig, f.url)


def compare(fa: Features, fb: Features) -> Verdict:
    """The verdict for one candidate pair (see the module docstring)."""
    if fa.doi and fa.doi == fb.doi:
        return Verdict(SAME, 100.0, "same DOI")
    why = conflict(fa, fb)
    title, t_score, dependent = title_relation(fa, fb)
    if why:
        return Verdict(NEVER, t_score, why)
    authors, a_score = author_relation(fa, fb)
    if authors == "partial" and (_author_in_title(fa, fb) if not fa.families else _author_in_title(fb, fa)):
        authors, a_score, title, t_score = "match", 100.0, "equal", max(t_score, TITLE_EQUAL)
    year = year_relation(fa, fb)
    container = container_relation(fa, fb)
    detail = f"title {title} {t_score:.0f}, authors {authors} {a_score:.0f}, year {year}, container {container}"
    if authors == "mismatch":
        return Verdict(DIFFER, t_score, detail)
    if year == "near" and not (container == "same" and title == "equal" and authors == "match"):
        # One year apart is online-first vs print only for a journal article
        # cited with its journal; otherwise it is the next annual report or edition.
        return Verdict(DIFFER, t_score, detail)
    if title == "missing":
        if fa.url and fa.url == fb.url:
            if not fa.title and not fb.title:
                return Verdict(SAME, 95.0, "same URL")
            return Verdict(WEAK, 90.0, "same URL, one without title", 1 if not fa.title else 2)
        return Verdict(DIFFER, 0.0, detail)
    verdict = _by_title(fa, fb, title, t_score, dependent, authors, year, container, detail)
    if verdict.kind == DIFFER and title in ("differ", "prefix", "subtitle"):
        named = same_address_named(fa, fb)
        if named:
            return Verdict(SAME, max(t_score, 90.0), f"{named}; {detail}", across=True)
    return verdict


def _by_title(fa: Features, fb: Features, title: str, t_score: float, dependent: int, authors: str, year: str,
              container: str, detail: str) -> Verdict:
    """The verdict of a pair with no conflict and no author mismatch, from how its titles relate."""
    if title == "differ":
        return Verdict(DIFFER, t_score, detail)
    if title == "equal":
        if authors == "match":
            if year == "missing" and (fa.year or fb.year):
                # A short note's title can be the full title of another work of
                # the same author (a report and next year's report with a subtitle).
                return Verdict(WEAK, t_score, detail, 1 if not fa.year else 2)
            kind = WEAK if container == "differ" else SAME
            return Verdict(kind, t_score, detail, 0)
        if year == "eq" and container != "differ" and len(fa.title_sig) >= SHORT_TITLE:
            return Verdict(SAME, t_score, detail, 0)
        dependent = 1 if not fa.families else 2 if not fb.families else 0
        if len(fa.title_sig) < SHORT_TITLE and year != "eq" and not (fa.url and fa.url == fb.url):
            # "Archived copy" of two Wikipedia articles, Canada's and Australia's "Privacy Act": a short
            # title with no author and no year on both sides says which work it is inside one document only.
            return Verdict(WEAK, t_score, f"a short title alone; {detail}", dependent, within=True)
        return Verdict(WEAK, t_score, detail, dependent)
    if title == "subtitle":
        if authors == "match" and year == "eq" and container != "differ":
            return Verdict(SAME, t_score, detail, 0)
        if authors == "match" or year == "eq":
            return Verdict(WEAK, t_score, detail, dependent)
        return Verdict(DIFFER, t_score, detail)
    # A short title ("Cooley, 'Great Games'"): only with the same author, and only
    # from a short note, which gives no year.
    short = fa if dependent == 1 else fb
    if authors == "match" and not short.year:
        return Verdict(WEAK, t_score, detail, dependent)
    return Verdict(DIFFER, t_score, detail)

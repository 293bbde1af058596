"""Can two clusters be one work? The clusterer's cross-pair conflict check, bounded.

Merging is transitive, so before two clusters join, no member of one may
contradict a member of the other (:func:`bibkaz.resolve.similarity.conflict`).
Checked member by member that costs |A|·|B| per join, quadratic in the size of
a work: one work cited 10,000 times took 3.2 million checks (17 s of the
resolver's 18). So each cluster keeps a :class:`Guard`:

- its distinct conflict profiles (:func:`~bibkaz.resolve.similarity.conflict_profile`),
  in order of arrival. While both clusters have at most ``REPRESENTATIVES`` of
  them, the check is the exact pairwise one over profiles instead of members:
  the same answer and the same reason, since members with one profile conflict
  with the same records;
- beyond that, a :class:`Summary` of every discrete value the rules read (input
  document, DOIs, report numbers with their series, years with their suffixes, months and containers, chapter or
  book, review, edition), so those rules stay exact at any size, and its first
  ``REPRESENTATIVES`` profiles as the representatives the two string rules (first
  author, unrelated titles) are checked against.

A join then costs at most ``REPRESENTATIVES``² string checks plus the size of
the smaller summary, whatever the clusters' sizes. The representatives are the
profiles that formed the cluster first; sure merges run best first, so they are
its best-attested forms.
"""

from __future__ import annotations

from typing import Iterable

from bibkaz.resolve.features import Features
from bibkaz.resolve.similarity import (
    conflict,
    conflict_profile,
    container_relation,
    fuzzy_conflict,
    report_conflict,
    same_report_number,
)

#: Distinct profiles a cluster is checked by exactly; beyond, its first ones represent it.
REPRESENTATIVES = 12
#: Distinct containers kept per year and per DOI (a missing container is always kept).
CONTAINERS = 12
#: Distinct series kept per report number (a missing series is always kept).
SERIES = 12

_Identity = tuple[str, tuple[str, ...], int, str]  # title, families, year, type: what _identical compares


class _Year:
    """What the members of one cluster with one year say about it."""

    __slots__ = ("suffixes", "months", "containers")

    def __init__(self) -> None:
        self.suffixes: set[str] = set()
        self.months: set[str] = set()
        self.containers: dict[str, Features] = {}  # folded container ("" for none) -> a member with it


def _keep(containers: dict[str, Features], f: Features) -> None:
    if f.container not in containers and (len(containers) < CONTAINERS or not f.container):
        containers[f.container] = f


def _containers_differ(a: dict[str, Features], b: dict[str, Features], unless: str) -> bool:
    """Some container of ``a`` and some of ``b`` are in a relation other than ``unless``."""
    return any(container_relation(x, y) != unless for x in a.values() for y in b.values())


def _keep_series(kept: set[frozenset[str]], series: frozenset[str]) -> None:
    if len(kept) < SERIES or not series:
        kept.add(series)


def _report_conflict(a: dict[str, set[frozenset[str]]], b: dict[str, set[frozenset[str]]]) -> str:
    """similarity.report_conflict for every (series, number) of ``a`` and of ``b``: one
    comparison per two distinct numbers (a cluster holds one number per series, but
    for parse slips), then per two of their series."""
    for na, series_a in a.items():
        for nb, series_b in b.items():
            if same_report_number(na, nb):
                continue
            for sa in series_a:
                for sb in series_b:
                    why = report_conflict(sa, na, sb, nb)
                    if why:
                        return why
    return ""


def _first_differing(a: Iterable[str], b: Iterable[str]) -> tuple[str, str] | None:
    for x in sorted(a):
        for y in sorted(b):
            if x != y:
                return x, y
    return None


class Summary:
    """The discrete values of a cluster's members that :func:`conflict` compares."""

    __slots__ = ("documents", "dois", "reports", "years", "kinds", "reviews", "editions")

    def __init__(self) -> None:
        self.documents = False
        self.dois: dict[str, tuple[set[_Identity], dict[str, Features]]] = {}
        self.reports: dict[str, set[frozenset[str]]] = {}  # report number -> its series
        self.years: dict[int, _Year] = {}
        self.kinds: set[str] = set()  # "chapter" and "book" only
        self.reviews: set[bool] = set()
        self.editions: set[str] = set()

    def add(self, f: Features) -> None:
        self.documents = self.documents or f.is_document
        if f.doi:
            identities, containers = self.dois.setdefault(f.doi, (set(), {}))
            if len(identities) < 2:  # only "one identity or more" matters
                identities.add((f.title, f.families, f.year, f.type))
            _keep(containers, f)
        if f.report_number:
            _keep_series(self.reports.setdefault(f.report_number, set()), f.report_series)
        if f.year:
            year = self.years.get(f.year)
            if year is None:
                year = self.years[f.year] = _Year()
            if f.suffix:
                year.suffixes.add(f.suffix)
            if f.month:
                year.months.add(f.month)
            _keep(year.containers, f)
        if f.type in ("chapter", "book"):
            self.kinds.add(f.type)
        self.reviews.add(f.is_review)
        if f.edition:
            self.editions.add(f.edition)

    def absorb(self, other: Summary) -> None:
        """Add everything ``other`` holds (the two clusters joined)."""
        self.documents = self.documents or other.documents
        for doi, (identities, containers) in other.dois.items():
            mine = self.dois.setdefault(doi, (set(), {}))
            for identity in identities:
                if len(mine[0]) < 2:
                    mine[0].add(identity)
            for f in containers.values():
                _keep(mine[1], f)
        for number, series in other.reports.items():
            kept = self.reports.setdefault(number, set())
            for one in series:
                _keep_series(kept, one)
        for value, year in other.years.items():
            here = self.years.get(value)
            if here is None:
                here = self.years[value] = _Year()
            here.suffixes |= year.suffixes
            here.months |= year.months
            for f in year.containers.values():
                _keep(here.containers, f)
        self.kinds |= other.kinds
        self.reviews |= other.reviews
        self.editions |= other.editions


def summary_of(profiles: Iterable[Features]) -> Summary:
    summary = Summary()
    for f in profiles:
        summary.add(f)
    return summary


def _identical(a: tuple[set[_Identity], dict[str, Features]], b: tuple[set[_Identity], dict[str, Features]]) -> bool:
    """Every member of ``a`` with its DOI and every one of ``b`` with its DOI are
    one record but for the DOI (similarity._identical, for all pairs at once)."""
    if len(a[0]) != 1 or a[0] != b[0] or not next(iter(a[0]))[0]:
        return False
    return not _containers_differ(a[1], b[1], "differ")


def summary_conflict(a: Summary, b: Summary) -> str:
    """The first discrete rule of :func:`conflict` that some member of ``a`` and some
    member of ``b`` break, or ""; the rules in conflict()'s order."""
    if a.documents and b.documents:
        return "both are input documents"
    for da, held_a in a.dois.items():
        for db, held_b in b.dois.items():
            if da != db and not _identical(held_a, held_b):
                return f"different DOIs ({da} / {db})"
    why = _report_conflict(a.reports, b.reports)
    if why:
        return why
    common = sorted(a.years.keys() & b.years.keys())
    for y in common:
        pair = _first_differing(a.years[y].suffixes, b.years[y].suffixes)
        if pair:
            return f"{y}{pair[0]} and {y}{pair[1]} are two works"
    if a.years and b.years:
        low_a, high_a, low_b, high_b = min(a.years), max(a.years), min(b.years), max(b.years)
        if high_a - low_b > 1:
            return f"years {high_a} and {low_b}"
        if high_b - low_a > 1:
            return f"years {low_a} and {high_b}"
        # Now every two years are at most one apart: online-first and print, for a
        # journal article cited with its journal on both sides.
        for ya in sorted(a.years):
            for yb in (ya - 1, ya + 1):
                if yb in b.years and _containers_differ(a.years[ya].containers, b.years[yb].containers, "same"):
                    return f"years {ya} and {yb}"
    for y in common:
        pair = _first_differing(a.years[y].months, b.years[y].months)
        if pair:
            return f"dates {y}-{pair[0]} and {y}-{pair[1]}"
    if ("chapter" in a.kinds and "book" in b.kinds) or ("book" in a.kinds and "chapter" in b.kinds):
        return "a chapter and a book"
    if len(a.reviews | b.reviews) == 2:
        return "a review and a non-review"
    pair = _first_differing(a.editions, b.editions)
    if pair:
        return f"editions {pair[0]} and {pair[1]}"
    return ""


class Guard:
    """What one cluster keeps to check a join: its profiles (all of them while there
    are at most REPRESENTATIVES, else the first ones) and, beyond that, its Summary."""

    __slots__ = ("reps", "keys", "summary")

    def __init__(self, f: Features) -> None:
        self.reps: list[Features] = [f]
        self.keys: set[tuple] = {conflict_profile(f)}
        self.summary: Summary | None = None

    def full_summary(self) -> Summary:
        return self.summary if self.summary is not None else summary_of(self.reps)


def _first_between(a: Guard, b: Guard, check) -> str:
    """The first reason ``check`` gives for a pair of representatives of ``a`` and ``b``, or ""."""
    for x in a.reps:
        for y in b.reps:
            why = check(x, y)
            if why:
                return why
    return ""


def blocker(a: Guard, b: Guard) -> str:
    """The first conflict between a member of ``a``'s cluster and one of ``b``'s, or ""."""
    if a.summary is None and b.summary is None:
        return _first_between(a, b, conflict)
    return summary_conflict(a.full_summary(), b.full_summary()) or _first_between(a, b, fuzzy_conflict)


def join(big: Guard, small: Guard) -> Guard:
    """``big``'s Guard after ``small``'s cluster joined it (``big`` is changed and returned)."""
    new = []
    for f in small.reps:
        key = conflict_profile(f)
        if key not in big.keys:
            new.append((key, f))
    if big.summary is None and small.summary is None and len(big.reps) + len(new) <= REPRESENTATIVES:
        for key, f in new:
            big.keys.add(key)
            big.reps.append(f)
        return big
    summary = big.full_summary()
    summary.absorb(small.full_summary())
    big.summary = summary
    for key, f in new[: max(0, REPRESENTATIVES - len(big.reps))]:
        big.keys.add(key)
        big.reps.append(f)
    return big

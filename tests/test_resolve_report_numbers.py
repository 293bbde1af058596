"""Report numbers tell reports apart: two numbers of one series are two works.

Made-up references in the shapes policy briefs cite congressional, GAO, CBO
and working-paper reports; each goes through the real parser, then the resolver.
"""

from __future__ import annotations

from bibkaz.model import Name, Record
from bibkaz.parse import parse_reference
from bibkaz.resolve.cluster import cluster_records
from bibkaz.resolve.conflicts import REPRESENTATIVES, Guard, blocker, join
from bibkaz.resolve.features import features, report_number
from bibkaz.resolve.similarity import conflict

CRS_43743 = "CRS Report R43743, Highway Bridges: Conditions and the Federal Role, by Ann Lee."
CRS_43743_CHICAGO = ("Lee, Ann. Highway Bridges: Conditions and the Federal Role. CRS Report R43743. "
                     "Washington, DC: Congressional Research Service, 2020.")
CRS_43744 = "Lee, Ann. Highway Bridges. CRS Report R43744. Washington, DC: Congressional Research Service, 2020."


def _groups(*texts: str) -> list[set[int]]:
    clustering = cluster_records([parse_reference(t) for t in texts])
    return sorted((set(g) for g in clustering.groups), key=min)


def test_the_number_is_read_from_the_series_or_a_bare_genre():
    assert report_number("CRS Report R43743") == (frozenset({"crs", "report"}), "R43743")
    assert report_number("GAO-05-391T") == (frozenset(), "GAO-05-391T")
    assert report_number("CBO Publication No. 4869") == (frozenset({"cbo", "publication"}), "4869")
    assert report_number("NBER Working Paper 12345") == (frozenset({"nber", "working", "paper"}), "12345")
    assert report_number("Asia Report N°318") == (frozenset({"asia", "report"}), "318")
    # A date after the number, a Congress's ordinal: not the number.
    assert report_number("CRS Report R43743, updated March 2, 2020")[1] == "R43743"
    assert report_number("H. Rept. 115-100, 115th Congress")[1] == "115-100"
    # No number at all: a series with only a season and a year, a genre.
    assert report_number("Brookings Papers on Economic Activity, Spring 2019") == (frozenset(), "")
    assert report_number("PhD thesis") == (frozenset(), "")


def test_two_crs_reports_of_one_author_with_different_numbers_stay_two_works():
    groups = _groups(CRS_43743, CRS_43743_CHICAGO, CRS_43744)
    # The same report cited in two forms still merges; the other number stays apart.
    assert groups == [{0, 1}, {2}]
    clustering = cluster_records([parse_reference(t) for t in (CRS_43743_CHICAGO, CRS_43744)])
    reasons = [m.reason for m in clustering.near_misses]
    assert "never: different report numbers (R43743 / R43744)" in reasons


def test_gao_numbers_in_the_genre_tell_testimonies_apart():
    a = "U.S. Government Accountability Office, Highway Bridges: Oversight, GAO-05-391T (Washington, DC, 2005)."
    b = "U.S. Government Accountability Office, Highway Bridges: Oversight, GAO-05-392T (Washington, DC, 2005)."
    a_again = "U.S. Government Accountability Office. 2005. Highway Bridges: Oversight. GAO-05-391T. Washington, DC."
    assert parse_reference(a).genre == "GAO-05-391T"
    assert _groups(a, b, a_again) == [{0, 2}, {1}]


def test_working_papers_with_and_without_the_publisher_in_the_series():
    a = "Smith, John. 2006. Trade and Growth. NBER Working Paper 12345. Cambridge, MA: National Bureau of Economic Research."
    same = "Smith, John. 2006. Trade and Growth. NBER Working Paper No. 12345."
    other = "Smith, John. 2006. Trade and Growth. NBER Working Paper No. 12346."
    assert _groups(a, same, other) == [{0, 1}, {2}]


def _report(number: str, title: str = "Highway Bridges: Conditions and the Federal Role", **more) -> Record:
    return Record(type="report", authors=(Name("Lee", "Ann"),), title=title, date="2020",
                  collection_title=f"CRS Report {number}", **more)


def test_one_spelling_of_a_number_is_not_a_conflict():
    base = features(_report("R43743"))
    assert conflict(base, features(_report("R 43743"))) == ""
    assert conflict(base, features(_report("43743"))) == ""
    assert conflict(base, features(Record(type="report", title="Highway Bridges", genre="R43743"))) == ""
    # Another series' number is not compared: a working paper is no CRS report.
    other_series = Record(type="report", authors=(Name("Lee", "Ann"),), title="Highway Bridges", date="2020",
                          collection_title="Occasional Paper 7")
    assert conflict(base, features(other_series)) == ""
    assert conflict(base, features(_report("RL43743"))) == "different report numbers (R43743 / RL43743)"


def _guard_of(records: list[Record]) -> Guard:
    guard = Guard(features(records[0]))
    for r in records[1:]:
        guard = join(guard, Guard(features(r)))
    return guard


def test_a_large_cluster_of_one_report_refuses_a_cluster_of_another_number():
    title = "Highway Bridges: Conditions and the Federal Role"
    # 40 citations of R43743, with distinct profiles (typos late in the title,
    # the series written out in several ways), so the cluster is summarised.
    many = [_report("R43743", title[:-k] + "x" * k if k else title) for k in range(30)]
    many += [_report(f"R43743, updated March {day}") for day in range(1, 11)]
    guard = _guard_of(many)
    assert len(many) == 40 and guard.summary is not None and len(guard.reps) == REPRESENTATIVES
    other = _guard_of([_report("R43744"), _report("R43744", "Highway Bridges")])
    assert blocker(guard, other) == "different report numbers (R43743 / R43744)"
    assert blocker(other, guard) == "different report numbers (R43744 / R43743)"
    # A bare number in the genre is compared with every series.
    assert blocker(guard, Guard(features(Record(type="report", title=title, genre="GAO-04-38")))) \
        == "different report numbers (R43743 / GAO-04-38)"
    assert blocker(guard, Guard(features(_report("R43743")))) == ""
    assert blocker(guard, Guard(features(Record(type="report", title=title, genre="R43743")))) == ""
    # The whole clusterer, on the 40 copies plus two of the other report (one
    # title: in a block this large, pairs are compared by sorted neighbourhood).
    clustering = cluster_records(many + [_report("R43744"), _report("R43744", pages="12")])
    assert sorted(len(g) for g in clustering.groups) == [2, 40]

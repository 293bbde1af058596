"""The document's own record on shapes the twelfth and thirteenth batches of tests/records/ (``r12_``:
Julia posts whose writers carry affiliations or links, a working group's cover; ``r13_``: an 18F slug,
a CRS margin beside the title, a CRS title over a heading) and a dev CRS In Focus brought: each test
pins one rule on a real file against its hand-labelled record.

Each batch was scored whole, before these rules, by
``python bench/record_accuracy.py --part records --prefix r12_`` (and ``r13_``).
"""

from __future__ import annotations

import json

from bibkaz.extract.metadata.byline import byline
from bibkaz.extract.metadata.front_matter import read_front_matter
from bibkaz.extract.metadata.site import issuing_body
from bibkaz.read import read_document

from own_record_gold import DEV, RECORDS
from own_record_gold import families as _families, gold as _gold, gold_families as _gold_families, own_found as _own


def test_writers_each_with_an_affiliation_in_brackets_after_by():
    # '@def authors = "By Mike Innes (JuliaHub), David Barber (UCL), … and Deniz Yuret (Koç University)"'
    name = "r12_julia_ml_pl.md"
    own = _own(RECORDS / name)
    assert _families(own.record) == _gold_families(_gold(name))
    assert len(own.record.authors) == 13 and dict(own.lines)["authors"] == 5


def test_the_same_list_as_a_byline_in_the_text():
    # the writers' line of the same post, as its page prints it under the title
    lines = read_document(RECORDS / "r12_julia_ml_pl.md").lines
    entries, _ = read_front_matter(lines)
    found = byline([entries["authors"].values[0]], 0, 1)
    assert found is not None
    assert [n.family for n in found[0].value] == _gold_families(_gold("r12_julia_ml_pl.md"))


def test_linked_writers_in_a_triple_quoted_value_on_one_line():
    # '@def authors = """<a href=…>Xiu-Zhe (Roger) Luo</a> and <a href=…>Jin-Guo Liu</a>"""': the value closes
    # on its line, the reader makes Markdown links of the anchors, the nickname is no part of the name
    name = "r12_julia_yao_quantum.md"
    own = _own(RECORDS / name)
    assert _families(own.record) == _gold_families(_gold(name)) == ["Luo", "Liu"]
    assert own.record.authors[0].given == "Xiu-Zhe"


def test_title_case_title_does_not_run_on_into_the_first_paragraph():
    # "Prediction Markets Legislation in the 119th Congress" right over "Prediction markets are exchange
    # platforms that specialize in" (no blank line between): the sentence is the body, not the title's end
    path = DEV / "dev11_crs_if13207_prediction_markets.txt"
    gold = json.loads(path.with_name(path.stem + ".gold.json").read_text(encoding="utf-8"))["record"]
    own = _own(path)
    assert own.record.title == gold["title"] and dict(own.lines)["title"] == 3
    assert _families(own.record) == _gold_families(gold)
    assert own.record.date == gold["date"]


def test_a_body_named_alone_between_cover_title_and_date_issues_the_paper():
    # "Framework to Conduct 5G Testing" / "Federal Mobility Group" / "November 2020", no writer named
    name = "r12_cio_fmg_5g_testing.txt"
    own = _own(RECORDS / name)
    assert _families(own.record) == _gold_families(_gold(name))
    assert own.record.publisher == _gold(name)["publisher"]
    assert dict(own.lines)["authors"] == dict(own.lines)["publisher"] == 6


def test_an_organisation_under_the_date_is_no_issuing_body():
    # a CRS cover prints its date, then "Congressional Research Service": the publisher, and the writers
    # stand elsewhere (cut off in this file), so the report gets no organisation as its writer
    name = "crs_r47438_rural_credit.txt"
    lines = read_document(RECORDS / name).lines
    assert issuing_body(lines, 1) is None
    assert _own(RECORDS / name).record.authors == ()


def test_a_slug_whose_family_is_a_word_organisations_use_is_a_person():
    # "allison-press" in an 18F post's author list is Allison Press, not an organisation called so
    name = "r13_18f_culture_of_innovation.md"
    own = _own(RECORDS / name)
    assert _families(own.record) == _gold_families(_gold(name))
    assert not any(n.literal for n in own.record.authors)


def test_a_team_slug_stays_whole():
    # "mobilegov-team": the team signs the post, kept as one name
    own = _own(DEV / "dev7_digitalgov_test_devices.md")
    assert [n.literal.lower() for n in own.record.authors] == ["mobilegov team"]


def test_margin_writer_beside_the_title_and_a_position_glued_to_the_body():
    # -layout summary page: "the 119th Congress      Julie M. Whittaker" (the name five characters right of
    # the column below it), then "… consists of two  Specialist in Income" (two spaces only)
    name = "r13_crs_r48447_unemployment_insurance.txt"
    own = _own(RECORDS / name)
    assert _families(own.record) == _gold_families(_gold(name)) == ["Whittaker", "Isaacs"]


def test_title_line_printed_alone_again_is_not_joined_to_the_heading_under_it():
    # "The U.S. Army’s Typhon Mid-Range Capability (MRC) System" over "What Is the Army’s Mid-Range" /
    # "Capability System?"; the running header on page 2 prints the title line alone
    name = "r13_crs_if12135_typhon_mrc.txt"
    own = _own(RECORDS / name)
    assert own.record.title == _gold(name)["title"]
    assert _families(own.record) == _gold_families(_gold(name))

"""The document's own record on shapes the fourteenth session's rules cover, each general to a kind of
document rather than to one file: a journal article's history ("Published: October 2, 2025", "Received …;
accepted …; published online …"), its running footer naming the journal, its copyright line naming the
publisher after the writers, affiliation marks around the commas of an author line, writers set over the
title; a memorandum posted on a page under its metadata; a page's schema.org type. Whole-document tests pin
a rule on a real file of the dev part (dev30_, dev31_: scored unseen first) against its hand-labelled record.

The session also made the own record cheaper with the same answers: the helpers that replaced a pattern
tried at every line or character are checked here against that pattern on every document of the dev part.
"""

from __future__ import annotations

import importlib

import pytest

from bibkaz.extract.metadata.fold import fold, lines_holding
from bibkaz.extract.metadata.labelled import memo, memo_senders
from bibkaz.extract.metadata.people import is_person, name_list
from bibkaz.extract.metadata.title import title_case
from bibkaz.extract.metadata import find_own
from bibkaz.read import read_document

from own_record_gold import DEV, RECORDS
from own_record_gold import dev_gold as _dev_gold, families as _families, gold_families as _gold_families, own_found as _own

# the package re-exports functions under its modules' names: the modules themselves
_byline = importlib.import_module("bibkaz.extract.metadata.byline")
_people = importlib.import_module("bibkaz.extract.metadata.people")
_site = importlib.import_module("bibkaz.extract.metadata.site")
_title = importlib.import_module("bibkaz.extract.metadata.title")


def test_the_history_block_after_the_text_dates_the_article():
    # "Received: March 13, 2025" / "Revised: …" / "Accepted: …" / "Published: October 2, 2025" before the
    # references (Cell Press), the cover's issue date ("December 12, 2025") being later
    name = "dev30_patterns_llm_writing_adoption.txt"
    own = _own(DEV / name)
    assert own.record.date == _dev_gold(name)["date"] == "2025-10-02"


def test_a_first_page_note_and_a_history_line_date_the_article():
    # PNAS: "Published October 15, 2025." alone among the first page's notes; De Gruyter: "Received August 15,
    # 2025; accepted September 9, 2025; published online November 6, 2025" under the title
    for name in ("dev30_pnas_safety_market_entry.txt", "dev30_rne_genai_copyright_primer.txt"):
        assert _own(DEV / name).record.date == _dev_gold(name)["date"]


def test_history_dates_that_disagree_date_nothing():
    # a page listing several publications, each "Published: …": no one of them is the page's
    from bibkaz.extract.metadata.dates import history_published

    lines = ["Related reports", "", "Published: March 3, 2021", "", "Published: May 9, 2022"]
    assert history_published(lines) is None
    assert history_published(lines[:3]).value == "2021-03-03"


def test_the_running_footer_names_the_journal():
    # "Scientific Reports |" / "(2024) 14:10413" / "| https://doi.org/…" on each page (plain pdftotext);
    # "Patterns 6, 101366, December 12, 2025" on each page
    sci = _own(DEV / "dev30_scirep_genai_knowledge_communities.txt").record
    assert (sci.container_title, sci.date, sci.type) == ("Scientific Reports", "2024", "article-journal")
    assert _own(DEV / "dev30_patterns_llm_writing_adoption.txt").record.container_title == "Patterns"


def test_the_copyright_line_names_the_publisher_after_the_writers():
    # "Copyright © 2025 the Author(s). Published by PNAS.", "… © 2025 The Author(s). Published by Elsevier Inc."
    assert _site.site_line(["Copyright © 2025 the Author(s). Published by PNAS."]).value == "PNAS"
    assert _site.site_line(["December 12, 2025 © 2025 The Author(s). Published by Elsevier Inc."]).value == "Elsevier Inc"
    assert _own(DEV / "dev30_pnas_safety_market_entry.txt").record.container_title == "PNAS"


def test_marks_around_the_commas_of_an_author_line():
    # marks after the comma (Cell Press) and a corresponding author's mark set apart (Nature)
    line = "Weixin Liang,1,7,* Yaohui Zhang,2,7 Mihai Codreanu,3 Jiayu Wang,4 Hancheng Cao,6 and James Zou1,2,5,8,*"
    assert [n.family for n in name_list(line)] == ["Liang", "Zhang", "Codreanu", "Wang", "Cao", "Zou"]
    assert [n.family for n in name_list("Gordon Burtch *, Dokyun Lee  & Zhichen Chen")] == ["Burtch", "Lee", "Chen"]
    assert name_list("Smith, 2019 and Jones") == ()
    for name in ("dev30_scirep_genai_knowledge_communities.txt", "dev30_patterns_llm_writing_adoption.txt"):
        assert _families(_own(DEV / name).record) == _gold_families(_dev_gold(name))


def test_two_people_on_a_line_are_not_one_person():
    # "Weixin Liang, Yaohui Zhang," (a cover's author column) is two names; a name written family first stays one
    assert not is_person("Weixin Liang, Yaohui Zhang,")
    assert is_person("Smith, John") and is_person("Bellini Saibene, Yanina")


def test_writers_set_over_the_title():
    # De Gruyter: "Zachary Cooper*, Bertin Martens, Christian Peukert and" / "Volker Stocker" / the title's
    # three lines: the names are the writers, the title is under them
    name = "dev30_rne_genai_copyright_primer.txt"
    own = _own(DEV / name)
    gold = _dev_gold(name)
    assert own.record.title == gold["title"]
    assert _families(own.record) == _gold_families(gold) == ["Cooper", "Martens", "Peukert", "Stocker"]


def test_a_memorandum_under_a_page_metadata():
    # "#### August 8, 2016" / "### FROM: Tony Scott- United States Chief Information Officer<br/>" / "### Anne E.
    # Rung- …" / "###SUBJECT: Federal Source Code Policy: …" under a front matter titled "M-16-21 - MEMORANDUM FOR
    # THE HEADS OF DEPARTMENTS AND AGENCIES": the subject is the title, both signers write, the heading dates it
    for name in ("dev31_omb_m16_21_source_code_policy.md", "dev31_omb_m15_14_fitara_policy_page.html"):
        own = _own(DEV / name)
        gold = _dev_gold(name)
        assert (own.record.title, own.record.date) == (gold["title"], gold["date"])
        assert _families(own.record) == _gold_families(gold)


def test_memo_senders_cut_their_office():
    lines = ["MEMORANDUM FOR THE HEADS OF AGENCIES", "FROM: Tony Scott - United States Chief Information Officer",
             "Anne E. Rung- United States Chief Acquisition Officer", "SUBJECT: A Policy"]
    head = memo(lines)
    assert [f.value for f in memo_senders(lines, head.sender)] == ["Tony Scott", "Anne E. Rung"]
    hyphen = ["MEMORANDUM", "FROM: Melissa Emrey-Arras", "SUBJECT: A Policy"]
    assert [f.value for f in memo_senders(hyphen, memo(hyphen).sender)] == ["Melissa Emrey-Arras"]


def test_initialisms_keep_their_capitals_in_title_case():
    assert title_case("FINANCIAL REPORT OF THE U.S. GOVERNMENT") == "Financial Report of the U.S. Government"


def test_a_table_of_contents_is_no_title():
    assert _title._chrome("Table of contents") and _title._chrome("RESEARCH ARTICLE")
    assert find_own(read_document(DEV / "dev30_turing_ai_environment_sustainability.txt").lines) is None


def test_a_proceedings_name_cut_short_is_no_container():
    # the ACM Reference Format breaks "In Proceedings of the" / "2025 ACM Internet Measurement Conference …"
    own = _own(DEV / "dev30_imc_scrapers_robots_txt.txt")
    assert not own.record.container_title.startswith(("In ", "Proceedings of the"))


def test_the_page_schema_type():
    # the HTML reader passes a page's JSON-LD type on as dc.type: a Wikipedia article is a web page, not a post
    assert _own(RECORDS / "r11_wiki_bacillus.html").record.type == "webpage"


# ---------------------------------------------------------------- the cheaper helpers give the patterns' answers

_DEV_TEXTS = sorted(p for p in DEV.iterdir() if p.suffix in (".txt", ".md", ".html"))


@pytest.mark.parametrize("path", _DEV_TEXTS[::7], ids=lambda p: p.name)
def test_cheaper_helpers_agree_with_the_patterns(path):
    lines = read_document(path).lines
    words = ("publish", "director", "author", "©", "(c)")
    assert lines_holding(lines, words) == [i for i, line in enumerate(lines) if any(w in fold(line) for w in words)]
    low = "\n".join(lines).lower()
    assert lines_holding(lines, ("the",), lowered=low) == [i for i, line in enumerate(lines) if "the" in line.lower()]
    top = "\n".join(lines[:120])
    assert _byline._position_cell(top) == bool(_byline._POSITION_CELL.search(top))
    assert _site._holds_verb_by(fold(top)) == bool(_site._PREPARED_VERB.search(fold(top)))
    for line in lines[:200]:
        text = line.rstrip()
        if text[-1:].isdecimal():
            assert _site._without_page_number(text) == _site._PAGE_NO.sub("", text)
        s = " ".join(line.split())
        assert _title._trailing_decor_off(_title._DECOR_LEAD.sub("", s)) == _title._DECOR.sub("", s)
        assert _people._lettered_over(line, 6) == (len(_people._LETTERED.findall(line)) > 6)


def test_repeated_lines_that_name_no_publisher():
    # a table's head in three columns ("Rate of    Service     Declining     Hulten-Wykoff"), a figure's heading
    # opening with a preposition ("Among Industries"), a source named in tables far from the pages' edges: no
    # running header; NASA's "Goddard Space Flight Center" printed at each page's foot still is
    for name in ("dev33_bea_depreciation_estimates.txt", "dev33_bea_scb_2013_nipa_revision_preview.txt"):
        record = _own(DEV / name).record
        assert not record.publisher and not record.container_title
    # (the CBO report's publisher is its cover's masthead, line 2, since the sixteenth session: not a table's head)
    cbo = _own(DEV / "dev33_cbo_49817_taxing_capital_income.txt")
    assert cbo.record.publisher == "Congressional Budget Office" and cbo.line_of("publisher") == 2
    assert _own(DEV / "dev26_nasa_icesat2_atbd_troposphere.txt").record.publisher == "Goddard Space Flight Center"


def test_a_site_cut_from_a_sentence_is_no_site():
    # a paragraph's wrapped line opening "published by the …" runs on into the next sentence
    assert _site.site_line(["published by the Federal Reserve Board. Prior to 2000,"]) is None
    assert _site.site_line(["Published by the U.S. Department of Energy"]).value == "U.S. Department of Energy"

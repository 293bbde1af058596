"""The label repairs after tagging (bibkaz/parse/crf/repairs/), each on the
pattern it exists for and on look-alikes it must leave alone."""

from __future__ import annotations

from bibkaz.parse.crf.repairs import repair
from bibkaz.parse.crf.repairs import edited_book, second_title


def _split(labelled: str) -> tuple[list[str], list[str]]:
    pairs = [item.rsplit("/", 1) for item in labelled.split()]
    return [t for t, _ in pairs], [label for _, label in pairs]


def test_an_edited_book_gets_its_title_back():
    tokens, labels = _split("Peitgen,/editor H.-O./editor (Eds.),/editor The/container-title "
                            "Science/container-title of/container-title Fractals,/container-title "
                            "Springer/publisher 1988./date")
    assert edited_book.repair(tokens, labels)[3:7] == ["title"] * 4
    # a chapter (a title before the container) and an author-first entry are left alone
    chapter = ["editor", "editor", "title", "container-title"]
    assert edited_book.repair(tokens[:4], chapter) == chapter
    authored = ["author", "author", "container-title", "container-title"]
    assert edited_book.repair(tokens[:4], authored) == authored


def test_a_second_title_after_the_editors_is_the_container():
    tokens, labels = _split("Baker,/author M./author (1997)./date Thematic/title roles./title "
                            "In/editor L./editor Haegeman/editor (ed.),/editor Elements/title of/title "
                            "Grammar,/title 73-137./pages Kluwer./publisher")
    fixed = repair(tokens, labels)
    assert fixed[9:12] == ["container-title"] * 3 and fixed[3:5] == ["title", "title"]
    # an edited book (editors, then its only title) is not touched
    book = ["editor", "editor", "title", "title"]
    assert second_title.repair(tokens[:4], book) == book
    # nor is a reference that already has a container
    with_container = labels[:9] + ["container-title"] * 3 + labels[12:]
    assert second_title.repair(tokens, with_container) == with_container


def test_repair_never_changes_its_input():
    tokens, labels = _split("Smith,/editor J./editor (ed.),/editor A/container-title Book./container-title")
    before = list(labels)
    repair(tokens, labels)
    assert labels == before


def test_the_entry_type_follows_the_other_labels_not_the_journal_or_container_label():
    from bibkaz.parse.crf.convert import to_record

    def kind(*segments: tuple[str, str]) -> str:
        return to_record(list(segments)).type

    # a "container" with volume, issue and pages and nothing a book has is a journal
    assert kind(("author", "Fisher, D. H."), ("title", "Knowledge acquisition."),
                ("container-title", "Machine Learning,"), ("volume", "2 (2),"), ("pages", "139-172.")) \
        == "article-journal"
    # … not with editors, a publisher, or a leading "In"
    assert kind(("title", "A chapter."), ("container-title", "A Book,"), ("volume", "2,"),
                ("pages", "1-9."), ("publisher", "Verso.")) == "chapter"
    assert kind(("title", "A chapter."), ("container-title", "In A Book,"), ("volume", "2,"),
                ("pages", "1-9.")) == "chapter"
    # a proceedings labelled journal, with no issue, is a conference paper; with an issue it stays a journal
    assert kind(("title", "Thin oxide damage,"), ("journal", "Proc. IEEE/IRPS,"), ("pages", "pp. 37-41,")) \
        == "paper-conference"
    assert kind(("title", "Gradient-based learning."), ("journal", "Proceedings of the IEEE,"),
                ("volume", "86(11):"), ("pages", "2278-2324.")) == "article-journal"


def test_a_quoted_title_ends_at_its_closing_quote():
    from bibkaz.parse.crf.repairs import quoted_title

    # a Chicago note from a CRS report: the words after the quote are not title
    tokens, labels = _split("Sen./author Tom/author Harkin,/author “Equal/title Protection/title of/title "
                            "Voting/title Rights/title Act/title of/title 2001,”/title debate/title in/title "
                            "the/title Senate,/title Congressional/journal Record,/journal")
    fixed = quoted_title.repair(tokens, labels)
    assert fixed[3:11] == ["title"] * 8 and fixed[11:15] == ["note"] * 4
    # a Wikipedia citation: a one-word quoted title, then the site, which is the container
    tokens, labels = _split('"Coffee"./title Fairtrade/title Labelling/title Organizations/title '
                            "International./title Retrieved/note 2010./note")
    assert repair(tokens, labels)[:5] == ["title", "container-title", "container-title",
                                          "container-title", "container-title"]
    # an unquoted title, or a quoted one that is the whole run, is left alone
    plain = ["title", "title", "title"]
    assert quoted_title.repair(["Coffee", "and", "tea"], plain) == plain
    whole = ["author", "title", "title", "date"]
    assert quoted_title.repair(["Ma,", "“Water", "Reform,”", "1995."], whole) == whole


def test_a_subtitle_is_not_a_place_and_publisher():
    from bibkaz.parse.crf.repairs import subtitle_place

    # APA report from tests/briefs/apa_blank_lines.txt
    tokens, labels = _split("International/author Energy/author Agency./author (2018)./date Off-grid/title "
                            "power/title in/title sub-Saharan/title Africa:/location Market/publisher "
                            "outlook/publisher 2018./date https://www.iea.org/reports/x/url")
    assert subtitle_place.repair(tokens, labels)[4:12] == ["title"] * 8
    # a real place after a finished title (APA/MLA period, Chicago bracket) stays
    tokens, labels = _split("Doss,/author Erika./author Memorial/title Mania./title New/location York:/location "
                            "Penguin,/publisher 2010./date")
    assert subtitle_place.repair(tokens, labels) == labels
    tokens, labels = _split("Erika/author Doss,/author Memorial/title Mania/title (Chicago:/location "
                            "Penguin,/publisher 2010)./date")
    assert subtitle_place.repair(tokens, labels) == labels


def test_a_short_note_is_names_year_and_pages():
    from bibkaz.parse.crf.repairs import short_note

    # Wikipedia "sfn" notes (wiki/lead, a training document): the names read as a journal
    tokens, labels = _split("Greenwood/journal &/journal Earnshaw/journal 1998,/date pp./pages 372–/pages 73./pages")
    assert short_note.repair(tokens, labels) == ["author"] * 3 + ["date"] + ["pages"] * 3
    tokens, labels = _split("Thornton,/title Rautiu/title &/title Brush/title 2001,/date p./pages 8./pages")
    assert short_note.repair(tokens, labels)[:5] == ["author"] * 4 + ["date"]
    # a full reference, or a short note the model already read, is left alone
    tokens, labels = _split("Rich/author 1994,/date p./pages 4./pages")
    assert short_note.repair(tokens, labels) == labels
    tokens, labels = _split("Rich,/author A./author 1994,/date Lead,/title p./pages 4./pages")
    assert short_note.repair(tokens, labels) == labels


def test_a_web_citation_names_its_site_then_its_publisher():
    from bibkaz.parse.crf.repairs import site_publisher

    # Wikipedia CS1 (more_wiki_mozilla, a training document)
    tokens, labels = _split('"Top/title 5/title Browsers"./title StatCounter/container-title Global/container-title '
                            "Stats./container-title StatCounter./container-title Retrieved/note 2012-05-10./note")
    assert site_publisher.repair(tokens, labels)[3:7] == ["container-title"] * 3 + ["publisher"]
    # one name said twice, or a description naming the site's domain, stays one container
    tokens, labels = _split('"Tech/title Celeb"./title BetaBeat./container-title BetaBeat./container-title '
                            "Retrieved/note 2014-04-28./note")
    assert site_publisher.repair(tokens, labels) == labels
    tokens, labels = _split('"OkCupid"./title Josh/container-title Eidelson/container-title article/container-title '
                            "on/container-title salon.com./container-title salon.com./container-title")
    assert site_publisher.repair(tokens, labels) == labels


def test_a_public_law_citation_runs_to_its_statutes_at_large_page():
    from bibkaz.parse.crf.repairs import statute_cite

    # GAO footnote form (gao-26-107551, a training document)
    tokens, labels = _split("Pub./title L./title No./title 113-101,/title 128/volume Stat./journal 1146/pages "
                            "(2014)./date")
    assert statute_cite.repair(tokens, labels) == ["title"] * 7 + ["date"]
    tokens, labels = _split("Pub./title L./title No./title 116-283,/title div./title H,/title §/title 9601,/title "
                            "134/title Stat./note 3388,/note 4823–4828/note (2021);/date https://fpi.omb.gov//url")
    assert statute_cite.repair(tokens, labels)[:12] == ["title"] * 12
    # a whole title, or one naming no public law, is left alone
    tokens, labels = _split("Pub./title L./title No./title 108-130,/title 117/title Stat./title 1361/title")
    assert statute_cite.repair(tokens, labels) == labels
    tokens, labels = _split("Smith,/author Title/title 12/volume Stat./journal 4/pages")
    assert statute_cite.repair(tokens, labels) == labels


def test_a_year_that_opens_a_title_belongs_to_it():
    from bibkaz.parse.crf.repairs import title_year

    tokens, labels = _split("GAO,/author 2025/date Annual/title Report:/title Opportunities,/title "
                            "(Washington,/location D.C.:/location May/date 13,/date 2025)./date")
    assert title_year.repair(tokens, labels)[1] == "title"
    # the only date, or a year with its own punctuation, stays a date
    tokens, labels = _split("GAO,/author 2025/date Annual/title Report/title")
    assert title_year.repair(tokens, labels) == labels
    tokens, labels = _split("Lee,/author 2020./date Title/title 2021/date")
    assert title_year.repair(tokens, labels) == labels


def _keeps(module, labelled: str) -> bool:
    """Whether ``module``'s repair leaves the labels of ``labelled`` ("token/label …") as they are."""
    tokens, labels = _split(labelled)
    return module.repair(tokens, labels) == labels


def test_a_package_version_statement_is_not_part_of_the_title():
    from bibkaz.parse.crf.repairs import package_version

    # dev corpus, F1000 taxize paper: "Winter D: rentrez: Entrez in R, R package version 0.2.1 2013."
    tokens, labels = _split("Winter/author D:/author rentrez:/title Entrez/title in/title R,/title R/title package/title "
                            "version/title 0.2.1/title 2013./date")
    assert package_version.repair(tokens, labels)[6:10] == ["note"] * 4
    assert package_version.repair(tokens, labels)[:6] == labels[:6]
    # a title about a package keeps its words
    assert _keeps(package_version, "Pfaff,/author B./author (2008)./date Implementation/title within/title "
                                   "r/title package/title vars./title")


def test_a_parsed_r_package_keeps_its_title_and_its_quoted_name():
    from bibkaz.parse.crf import CrfParser

    parser = CrfParser.load()
    # dev corpus, BDJ Matheran butterflies paper
    vegan = parser.parse("Oksanen J, Guillaume Blanchet F, Friendly M, Kindt R (2020) vegan: Community Ecology Package. "
                         "R package version 2.5-7. URL: https://CRAN.R-project.org/package=vegan")
    assert vegan.title == "vegan: Community Ecology Package"
    assert "R package version 2.5-7" in vegan.note
    # the closing quote of a quoted word inside a title is the title's own
    keras = parser.parse("JJ Allaire and François Chollet (2020). keras: R Interface to 'Keras'. "
                         "R package version 2.3.0.0. https://CRAN.R-project.org/package=keras")
    assert keras.title == "keras: R Interface to 'Keras'"


def test_a_titles_last_words_before_by_are_the_titles():
    from bibkaz.parse.crf.repairs import byline

    # dev corpus, CRS R47194 note
    tokens, labels = _split("CRS/collection-title Report/collection-title R47724,/collection-title Emergency/title "
                            "Relief/title Highways/title and/title Bridges,/author by/author Ali/author E./author "
                            "Lohman./author")
    assert byline.repair(tokens, labels)[7] == "title"
    # a name before "by" (initials) or without a name after it stays
    assert _keeps(byline, "Title/title Smith,/author J.,/author by/author Ann/author Lee./author")
    assert _keeps(byline, "Title/title Bridges,/author by/author")


def test_a_report_cited_by_series_and_number_has_a_title():
    from bibkaz.parse.crf.repairs import report_title

    # dev corpus, CRS 98-317 note: the title read as publisher and place
    tokens, labels = _split("CRS/collection-title Report/collection-title 98-488,/collection-title House/publisher "
                            "Committee/publisher Hearings:/location Preparation;/publisher")
    assert report_title.repair(tokens, labels)[3:] == ["title"] * 4
    # a dated imprint is one ("GAO-01-1084SP. Washington, D.C.: August 2001.")
    assert _keeps(report_title, "GAO-01-1084SP./collection-title Washington,/location D.C.:/location August/date 2001./date")


def test_quoted_words_are_the_title_when_there_is_none():
    from bibkaz.parse.crf.repairs import quoted_no_title

    # dev corpus, CRS R45741 note
    tokens, labels = _split("U.S./author Forest/container-title Service,/container-title “Cold/container-title "
                            "War/container-title Heroes,”/container-title Forest/container-title Service/container-title "
                            "Blogs,/container-title July/date 21,/date 2016,/date")
    out = quoted_no_title.repair(tokens, labels)
    assert out[:3] == ["author"] * 3 and out[3:6] == ["title"] * 3 and out[6:9] == ["container-title"] * 3
    # a reference that has a title keeps its labels
    assert _keeps(quoted_no_title, "Lee,/author “Quoted/journal Name”/journal Title/title")


def test_a_title_cut_after_a_linking_word_runs_on():
    from bibkaz.parse.crf.repairs import title_run_on

    # dev corpus, CRS R48908 note
    tokens, labels = _split("Office/author of/author the/author USTR,/author 2026/title Trade/title Policy/title "
                            "Agenda/title and/title 2025/title Annual/journal Report,/journal February/date 2026./date")
    assert title_run_on.repair(tokens, labels)[10:12] == ["title", "title"]
    # a title that ends in its own punctuation keeps its journal
    assert _keeps(title_run_on, "Lee,/author Title/title of/title 2025./title Annual/journal Report,/journal 2026./date")
    # and so does one followed by more than a date, pages or a link
    assert _keeps(title_run_on, "Title/title and/title Annual/journal Review,/journal 12/volume 3–4./pages")


def test_names_given_first_and_closed_by_a_colon_are_the_authors():
    from bibkaz.parse.crf.repairs import colon_authors

    # a reading list's "Names: Title <link>. Publisher, ISBN, year" (Software Carpentry's)
    tokens, labels = _split("Jennifer/author Campbell,/author Paul/author Gries,/author and/title Greg/title "
                            "Wilson:/title Practical/title Programming/title")
    assert colon_authors.repair(tokens, labels) == ["author"] * 7 + ["title"] * 2
    tokens, labels = _split("Michael/title Feathers:/title Working/title Effectively/title")
    assert colon_authors.repair(tokens, labels) == ["author", "author", "title", "title"]
    # a title after the names, or a title opening with a capitalised phrase, is left alone
    tokens, labels = _split("Erika/author Doss,/author Memorial/title Mania:/title Public/title Feeling/title")
    assert colon_authors.repair(tokens, labels) == labels
    tokens, labels = _split("Humble/title Inquiry:/title The/title Gentle/title Art/title")
    assert colon_authors.repair(tokens, labels) == labels


def test_vancouver_names_the_model_ran_into_the_title_are_authors_again():
    from bibkaz.parse.crf.repairs import colon_authors

    tokens, labels = _split("Webb/author CO,/author Donoghue/title MJ:/title Phylomatic:/title tree/title")
    assert colon_authors.repair(tokens, labels) == ["author"] * 4 + ["title"] * 2


def test_a_date_the_title_ran_into_is_the_date():
    from bibkaz.parse.crf.repairs import title_date

    # CRS notes: an agency's report whose title holds numbers, then ", Month year, link"
    tokens, labels = _split("Congressional/author Budget/author Office,/author The/title Budget/title and/title "
                            "Economic/title Outlook:/title 2024/title to/title 2034,/title February/title 2024,/title "
                            "https://www.cbo.gov/publication/59710./url")
    out = title_date.repair(tokens, labels)
    assert out[11:13] == ["date", "date"] and out[10] == "title"
    tokens, labels = _split("OMB,/author Technical/title Supplement,/title May/title 30,/title 2025./title")
    assert title_date.repair(tokens, labels)[2:6] == ["title", "date", "date", "date"]
    # a month after a colon is the title's; a reference with a date keeps its labels
    assert _keeps(title_date, "USDA/author ERS,/author Livestock/title Outlook:/title May/title 2022./title")
    assert _keeps(title_date, "CBO,/author Options,/title December/title 2024,/title 2025./date")
    # the title must end the reference or come before a link, note or pages
    assert _keeps(title_date, "CBO,/author Options,/title December/title 2024,/title CBO./publisher")


def test_a_news_outlet_is_the_periodical_and_a_domain_is_a_site():
    from bibkaz.parse.crf.repairs import news_outlet

    # Wikipedia and CRS shapes: the outlet read as a site's name
    tokens, labels = _split('Kolbert,/author Elizabeth/author "A/title Reporter"./title The/container-title '
                            'New/container-title Yorker./container-title Retrieved/note 2008./note')
    assert news_outlet.repair(tokens, labels)[4:7] == ["journal"] * 3
    tokens, labels = _split('"Suzuki\'s/title concept"./title Earthtimes.org./journal Retrieved/note 2009./note')
    assert news_outlet.repair(tokens, labels)[2] == "container-title"
    # a site that is no outlet, and a journal with words, keep their labels
    assert _keeps(news_outlet, '"Head/title Offices"./title Global/container-title Suzuki./container-title')
    assert _keeps(news_outlet, '"X"./title Nature./journal 5/volume')


def test_an_outlet_named_or_linked_makes_a_news_story():
    from bibkaz.parse.crf.convert import to_record

    hill = to_record([("author", "Brett Samuels,"), ("title", "“White House to Cover Troop Pay,”"),
                      ("journal", "The Hill,"), ("date", "October 29, 2025,")])
    assert hill.type == "article-newspaper"
    linked = to_record([("author", "Rockwell, Mark."), ("title", "RPA: ‘It’s entry-level AI’."),
                        ("date", "28 February 2019."), ("url", "https://fcw.com/articles/2019/02/28/rpa.aspx")])
    assert linked.type == "article-magazine"
    page = to_record([("author", "USDA,"), ("title", "“Mission Areas,”"),
                      ("url", "https://www.usda.gov/about-usda/general-information/mission-areas.")])
    assert page.type == "webpage"


def test_an_italic_title_with_a_byline_gives_the_names_without_their_affiliations():
    from bibkaz.parse import parse_reference
    from bibkaz.parse.crf.repairs import italic_byline

    # a journal issue's contents on the Software Carpentry blog (CC BY): "<em>Title</em>, by Names (Affiliation)"
    tokens, labels = _split("*Automated/author Software/author Testing/author for/author MATLAB*,/author by/container-title "
                            "Steve/container-title Eddins/container-title (The/note MathWorks)/note")
    out = italic_byline.repair(tokens, labels)
    assert out == ["title"] * 5 + ["author"] * 3 + ["note"] * 2
    assert _keeps(italic_byline, "*Title*,/title Routledge,/publisher 2010./date")  # no "by": left alone
    record = parse_reference("*Scientific Computing's Productivity Gridlock: How Software Engineering Can Help*, by Stuart "
                             "Faulk (University of Oregon), Eugene Loh and Michael L. Van De Vanter (Sun Microsystems)")
    assert record.title.startswith("Scientific Computing's Productivity Gridlock")
    assert [n.family for n in record.authors] == ["Faulk", "Loh", "Van De Vanter"]

"""A document's own record is never merged with a work that document cites."""

from __future__ import annotations

from pathlib import Path

from bibkaz.pipeline import build_library

RECORDS = Path(__file__).parent / "records"


def test_an_article_citing_an_entry_of_its_own_title_stays_apart_from_it():
    # Wikipedia's "Climate" (CC BY-SA, tests/records) cites '"Climate". Glossary of Meteorology.':
    # the same title, but an article does not cite itself; the two were one work, with the
    # glossary's publisher on the article.
    built = build_library([RECORDS / "r3_wiki_climate.txt"])
    own = [w for w in built.library.works if w.document]
    assert len(own) == 1 and own[0].record.container_title != "Glossary of Meteorology"
    assert not own[0].references
    glossary = [w for w in built.library.works if w.record.container_title == "Glossary of Meteorology"
                and w.record.title == "Climate"]
    assert len(glossary) == 1 and not glossary[0].document


def test_a_paper_printing_its_own_citation_is_still_one_work_with_it():
    # JOSS papers (CC BY, tests/corpus/dev) print "Citation: Ryan, (2024). kilianr: …": the paper itself.
    corpus = Path(__file__).parent / "corpus" / "dev"
    built = build_library([corpus / "open_joss_kilianr.txt"])
    own = [w for w in built.library.works if w.document]
    assert len(own) == 1
    titles = [w.record.title for w in built.library.works if not w.document]
    assert not [t for t in titles if t.lower().startswith("kilianr")]

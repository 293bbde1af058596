"""The seventeenth session's own-record shapes (issue 17), each on the real document it was found on and on a
small text of the same shape: a line that reads as a name but is made of the document's ordinary words (a centred
title's second line, a diagram's label), and a journal's copyright line naming its publisher after the writers."""

from __future__ import annotations

from bibkaz.extract.metadata.people import ordinary_words
from bibkaz.extract.metadata.site import site_line
from own_record_gold import DEV, dev_gold, families, gold_families, own_found


def _own(name: str):
    return own_found(DEV / name)


def test_a_centred_title_line_made_of_the_texts_words_is_the_titles_not_a_writer():
    # "Safety Under Scaffolding: How Evaluation Conditions" / "              Shape Measured Safety" /
    # "Dr. David Gringras": the second line reads as a name, but the paper writes "shape", "measured" and "safety"
    name = "dev50_gringras_safety_scaffolding_paper.txt"
    own = _own(name)
    gold = dev_gold(name)
    assert own.record.title == gold["title"]
    assert families(own.record) == gold_families(gold) == ["Gringras"]


def test_a_diagrams_label_is_no_writer_and_a_title_set_flush_does_not_run_on_into_it():
    # "EUDI Wallet Initialisation and Activation" / "Journey Steps" (both flush left): the label is no person, and
    # with no centring to carry the title on it stays out of the title too
    name = "dev32_eudi_arf_annex4_wallet_activation_journey.txt"
    own = _own(name)
    assert own.record.title == dev_gold(name)["title"]
    assert own.record.authors == ()


def test_ordinary_words_are_told_from_a_writers_names():
    text = "The scores were measured under a safety scaffold; the shape of each curve is shown. By David Gringras."
    assert ordinary_words("Shape Measured Safety", text)
    assert not ordinary_words("David Gringras", text)
    # a slug or an address holding the name in small letters is no ordinary use of its words
    assert not ordinary_words("Clara Tsao", "authors: clara-tsao\nmail clara.tsao@example.gov")
    assert not ordinary_words("Safety", text)  # one word is never asked


def test_a_journal_copyright_line_names_its_publisher_after_the_writers():
    # "Open Access. © 2025 the author(s), published by De Gruyter.    This work is licensed under the Creative"
    name = "dev30_rne_genai_copyright_primer.txt"
    own = _own(name)
    assert "De Gruyter" in (own.record.publisher, own.record.container_title)
    lines = ["", "  Open Access. © 2025 the author(s), published by De Gruyter.    This work is licensed under the", ""]
    found = site_line(lines)
    assert found is not None and found.value == "De Gruyter" and found.line == 2

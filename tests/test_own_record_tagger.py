"""The own-record line tagger (bibkaz/extract/metadata/tagger/): its lines, its gold labels, its values, and
the shipped model on documents of the held-out group it was never trained on."""

from __future__ import annotations

import json
from pathlib import Path

from bibkaz.extract.metadata.tagger.features import featurize
from bibkaz.extract.metadata.tagger.lines import top_lines
from bibkaz.extract.metadata.tagger.model import tag_document
from bibkaz.extract.metadata.tagger.training.gold import gold_record, line_labels
from bibkaz.extract.metadata.tagger.training.train import trainable
from bibkaz.extract.metadata.tagger.values import people, tagged_record
from bibkaz.read import read_document

DEV = Path(__file__).parent / "corpus" / "dev"


def _lines(name: str) -> list[str]:
    return read_document(DEV / name).lines


def test_front_matter_keys_and_values() -> None:
    lines = top_lines(_lines("dev10_carpentries_new_lesson_maintainers.md"))
    by_key = {line.key: line for line in lines if line.key}
    assert by_key["title"].text == "Welcome to our Newest Lesson Maintainers!"
    assert by_key["authors"].text == "Erin Becker"  # the list's brackets and quotes off
    assert all(line.in_front_matter for line in by_key.values())
    body = next(line for line in lines if not line.key)
    assert not body.in_front_matter and body.text.startswith("I am thrilled")


def test_a_title_in_capitals_is_no_key() -> None:
    # "Unemployment Insurance: Legislative Issues": a capitalised word before a colon opens a title, not a key
    lines = top_lines(_lines("dev10_crs_r48447_unemployment_insurance.txt"))
    assert lines[0].key == "" and lines[0].text == "Unemployment Insurance: Legislative Issues"


def test_gold_labels_of_a_report_cover() -> None:
    gold = gold_record(json.loads((DEV / "dev10_crs_r48447_unemployment_insurance.gold.json").read_text(encoding="utf-8")))
    assert gold is not None
    lines = top_lines(_lines("dev10_crs_r48447_unemployment_insurance.txt"))
    labels = line_labels(lines, gold)
    # the title over two lines, the cover's date, the publisher's name alone
    assert labels[:4] == ["title", "title", "date", "publisher"]


def test_features_for_every_line() -> None:
    lines = top_lines(_lines("dev10_carpentries_new_lesson_maintainers.md"))
    rows = featurize(lines)
    assert len(rows) == len(lines)
    title = next(k for k, line in enumerate(lines) if line.key == "title")
    assert "markup.key=title" in rows[title] and "position.front" in rows[title]


def test_writers_cut_from_a_byline() -> None:
    names = people("By Andrew Young, Christina Rogawski and Stefaan Verhulst¹", False)
    assert [n.family for n in names] == ["Young", "Rogawski", "Verhulst"]
    assert [n.family for n in people("Rafael Irizarry | September 28, 2018", False)] == ["Irizarry"]
    assert people("Affiliations", False) == ()
    assert [n.literal for n in people("emileigh", True)] == ["emileigh"]  # a front matter's handle
    assert people("emileigh", False) == ()


def test_held_out_groups_are_not_trained_on() -> None:
    assert trainable("dev40_epa_fluorometer_qapp_draft")
    assert not trainable("dev55_collabra_online_shooters_aggression")
    assert not trainable("dev67_anything") and not trainable("dev68_anything") and not trainable("dev74_anything")
    assert not trainable("dev40_x", also_out=("dev40_",))


def test_shipped_model_on_a_held_out_post() -> None:
    # dev53_ is in the held-out group: the model never saw this document
    record = tagged_record(tag_document(_lines("dev53_simplystats_puerto_rico_mortality_data.md")))
    assert record.title is not None and record.title.value == (
        "The complex process of obtaining Puerto Rico mortality data: a timeline")
    assert record.title.line == 2
    assert record.date is not None and record.date.value == "2018-09-28"
    assert record.authors is not None and [n.family for n in record.authors.value] == ["Irizarry"]


def test_a_title_line_naming_its_site() -> None:
    # an Our World in Data page (held out): its <title> "Civil Wars - Our World in Data" over the heading
    record = tagged_record(tag_document(_lines("dev58_owid_civil_wars_entry.html")))
    assert record.title is None or record.title.value == "Civil Wars"

"""Record ⇄ CSL-JSON mapping (bibkaz/formats/csl.py) against the CSL-JSON 1.0.2 schema."""

from __future__ import annotations

import jsonschema
import pytest

from bibkaz.formats.csl import CSL_TYPES, csl_to_record, date_from_csl, date_to_csl, record_to_csl
from bibkaz.model import Name, Record
from bibkaz.schemas import load


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft7Validator:
    return jsonschema.Draft7Validator(load("csl-data.schema.json"))


FULL = Record(
    authors=(Name(family="Gaulle", given="Charles", particle="de"), Name(literal="UNDP")),
    editors=(Name(family="King", given="Martin Luther", suffix="Jr."),),
    translators=(Name(family="Ли", given="Анна"),),
    title="T", container_title="C", collection_title="S", date="2021-03-04", year_suffix="a", volume="3",
    issue="2", pages="10-19", edition="2", publisher="P", place="Almaty", event="E", event_date="2021-03-01",
    event_place="Astana", doi="10.1/x", url="https://example.org", accessed="2022-01-01", isbn="978-0-306-40615-7",
    genre="Policy brief", medium="Video", note="N",
)


@pytest.mark.parametrize("csl_type", sorted(CSL_TYPES))
def test_every_csl_type_is_valid_and_round_trips(csl_type: str, validator: jsonschema.Draft7Validator):
    record = FULL.with_(type=csl_type)
    item = record_to_csl(record, "k")
    validator.validate([item])
    assert csl_to_record(item) == record


def test_unknown_types_become_document(validator: jsonschema.Draft7Validator):
    item = record_to_csl(FULL.with_(type="blog-comment"), "k")
    validator.validate([item])
    assert item["type"] == "document"


def test_shapes():
    item = record_to_csl(FULL.with_(type="book"), "k")
    assert item["author"] == [{"family": "Gaulle", "given": "Charles", "non-dropping-particle": "de"}, {"literal": "UNDP"}]
    assert item["editor"] == [{"family": "King", "given": "Martin Luther", "suffix": "Jr."}]
    assert item["issued"] == {"date-parts": [[2021, 3, 4]]} and item["page"] == "10–19"
    assert item["event-title"] == item["event"] == "E"


def test_dates():
    assert date_to_csl("2014/2015") == {"date-parts": [[2014], [2015]]}
    assert date_to_csl("n.d.") == {"literal": "n.d."}
    assert date_from_csl({"date-parts": [["2020", "2"]]}) == "2020-02"
    assert date_from_csl({"date-parts": [[2014], [2015]]}) == "2014/2015"
    assert date_from_csl({"literal": "Spring 2020"}) == "Spring 2020"
    assert date_from_csl("2021-07") == "2021-07"

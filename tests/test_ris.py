"""RIS spec conformance on tricky values: multi-line text, non-ASCII names, organisations, notes."""

from __future__ import annotations

import pytest

from bibkaz.formats import ris
from bibkaz.model import InputError, Library, Name, Record, Work


def _lines(record: Record, key: str = "k1") -> list[str]:
    text = ris.dumps(Library(works=(Work(key=key, record=record),)), provenance=False)
    assert text.endswith("ER  - \r\n") and "\n" not in text.replace("\r\n", "")
    return text.split("\r\n")[:-1]


def test_multi_line_values_become_one_line_each():
    lines = _lines(Record(type="report", title="Energy  security\n in the\tCaspian", publisher="Centre for\nPolicy"))
    assert "TI  - Energy security in the Caspian" in lines
    assert "PB  - Centre for Policy" in lines


def test_multi_line_note_is_one_n1_per_line_and_comes_back_whole():
    record = Record(type="book", title="T", note="First line\nsecond line")
    lines = _lines(record)
    assert [x for x in lines if x.startswith("N1")] == ["N1  - First line", "N1  - second line"]
    (_, back, _), = ris.loads("\r\n".join(lines) + "\r\n")
    assert back.note == "First line\nsecond line"


def test_non_ascii_and_structured_names():
    names = (
        Name(family="Ахметова", given="Айгерим"),
        Name(family="Øvergaard", given="Sølvi"),
        Name(family="Gaulle", given="Charles", particle="de"),
        Name(family="King", given="Martin Luther", suffix="Jr."),
        Name(family="Nazarbayev"),
    )
    lines = _lines(Record(type="article-journal", title="T", authors=names))
    assert [x for x in lines if x.startswith("AU")] == [
        "AU  - Ахметова, Айгерим", "AU  - Øvergaard, Sølvi", "AU  - de Gaulle, Charles",
        "AU  - King, Martin Luther, Jr.", "AU  - Nazarbayev",
    ]
    (_, back, _), = ris.loads("\r\n".join(lines) + "\r\n")
    assert [n.display() for n in back.authors][:4] == [n.display() for n in names][:4]


def test_organisations_are_one_name_without_an_added_comma():
    lines = _lines(Record(type="report", title="T", authors=(Name(literal="World Bank"), Name(literal="OSCE/ODIHR"))))
    assert [x for x in lines if x.startswith("AU")] == ["AU  - World Bank", "AU  - OSCE/ODIHR"]
    (_, back, _), = ris.loads("\r\n".join(lines) + "\r\n")
    assert back.authors == (Name(literal="World Bank"), Name(literal="OSCE/ODIHR"))


def test_dates_follow_yyyy_mm_dd_other():
    assert ris.ris_date("2022-09-26") == "2022/09/26/"
    assert ris.ris_date("2022-09") == "2022/09//"
    assert ris.ris_date("2022") == "2022///"
    lines = _lines(Record(type="webpage", title="T", date="2014/2015", accessed="2023-01-31"))
    assert "PY  - 2014" in lines and "DA  - 2014///" in lines and "Y2  - 2023/01/31/" in lines


def test_types_without_their_own_code_keep_their_csl_type():
    lines = _lines(Record(type="interview", title="T", medium="Telephone"))
    assert lines[0] == "TY  - GEN" and "N1  - type: interview" in lines and "N1  - medium: Telephone" in lines
    (_, back, _), = ris.loads("\r\n".join(lines) + "\r\n")
    assert (back.type, back.medium) == ("interview", "Telephone")


def test_unreadable_ris_names_the_file():
    with pytest.raises(InputError, match="refs.ris"):
        ris.loads("this is not RIS at all", "refs.ris")

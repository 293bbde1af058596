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


def test_all_note_text_is_one_n1_on_one_line_and_comes_back():
    record = Record(type="book", title="T", note="First line\nsecond line")
    lines = _lines(record)
    assert [x for x in lines if x.startswith("N1")] == ["N1  - First line second line"]
    (_, back, _), = ris.loads("\r\n".join(lines) + "\r\n")
    assert back.note == "First line second line"


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
    assert lines[0] == "TY  - PCOMM" and "N1  - {:type: interview} {:medium: Telephone}" in lines
    (_, back, _), = ris.loads("\r\n".join(lines) + "\r\n")
    assert (back.type, back.medium) == ("interview", "Telephone")


def test_full_date_in_py_only_where_the_type_table_has_no_da():
    news = _lines(Record(type="article-newspaper", title="T", date="2022-09-26"))
    assert "PY  - 2022/09/26/" in news and "DA  - 2022/09/26/" in news
    chapter = _lines(Record(type="chapter", title="T", date="2019-05"))
    assert "PY  - 2019/05//" in chapter
    journal = _lines(Record(type="article-journal", title="T", date="2022-09-26"))
    assert "PY  - 2022" in journal and "DA  - 2022/09/26/" in journal
    year_only = _lines(Record(type="article-newspaper", title="T", date="2022"))
    assert "PY  - 2022" in year_only
    for lines in (news, chapter):
        (_, back, _), = ris.loads("\r\n".join(lines) + "\r\n")
        assert back.date in ("2022-09-26", "2019-05")


def test_web_pages_carry_the_access_date_in_m1_too():
    lines = _lines(Record(type="webpage", title="T", accessed="2023-04-30"))
    assert "Y2  - 2023/04/30/" in lines and "M1  - 2023/04/30/" in lines
    assert not [x for x in _lines(Record(type="report", title="T", accessed="2023-04-30")) if x.startswith("M1")]


def test_book_series_in_t2_and_editors_in_a3():
    record = Record(type="book", title="T", collection_title="Studies", editors=(Name(family="Lūsis", given="Žanis"),))
    lines = _lines(record)
    assert "T2  - Studies" in lines and "A3  - Lūsis, Žanis" in lines
    assert not [x for x in lines if x.startswith(("T3", "A2"))]
    (_, back, _), = ris.loads("\r\n".join(lines) + "\r\n")
    assert (back.collection_title, back.editors, back.container_title) == ("Studies", record.editors, "")


def test_report_with_series_and_container_keeps_both():
    record = Record(type="report", title="T", collection_title="Working Papers", container_title="Policy Portal")
    lines = _lines(record)
    assert "T2  - Working Papers" in lines and "N1  - {:container-title: Policy Portal}" in lines
    (_, back, _), = ris.loads("\r\n".join(lines) + "\r\n")
    assert (back.collection_title, back.container_title) == ("Working Papers", "Policy Portal")


def test_note_field_with_braces_gets_its_own_n1():
    record = Record(type="speech", title="T", event="Forum {2019}", event_place="Astana", note="Own.")
    lines = _lines(record)
    assert [x for x in lines if x.startswith("N1")] == ["N1  - {:event-place: Astana} Own.", "N1  - event-title: Forum {2019}"]
    (_, back, _), = ris.loads("\r\n".join(lines) + "\r\n")
    assert (back.event, back.event_place, back.note) == ("Forum {2019}", "Astana", "Own.")


def test_provenance_of_several_documents_shares_the_one_n1():
    works = (Work(key="w", record=Record(type="article-journal", title="T", note="Own note."),
                  references=()),)
    text = ris.dumps(Library(works=works))
    # no citing documents: only the own note
    assert [x for x in text.split("\r\n") if x.startswith("N1")] == ["N1  - Own note."]
    note = "{:event-date: 2019-05-16} Own note. bibkaz: cited once in a (line 3) bibkaz: cited 2 times in b (note 1, line 9)"
    fields, own = ris._note_parts([note])
    assert fields == {"event-date": "2019-05-16"} and own == ["Own note."]


def test_unreadable_ris_names_the_file():
    with pytest.raises(InputError, match="refs.ris"):
        ris.loads("this is not RIS at all", "refs.ris")

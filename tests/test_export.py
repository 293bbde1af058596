"""Exports for Zotero: CSL-JSON (schema-valid), RIS, BibTeX, provenance, the export command.

The sample library is built by hand (two invented briefs, works of every type we
map) so the tests do not depend on the extraction pipeline.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from bibkaz.formats import csl_json, ris
from bibkaz.formats.csl import csl_to_record, record_to_csl
from bibkaz.formats.library_json import dumps as library_dumps
from bibkaz.model import BibkazError, Document, Library, Mention, Name, RawReference, Record, Work
from bibkaz.schemas import load as load_schema
from bibkaz.zotero.files import render
from bibkaz.zotero.provenance import document_groups, library_provenance, split_note


def _ref(doc: str, kind: str, line: int, label: str = "") -> RawReference:
    return RawReference(document=doc, kind=kind, text="…", line=line, label=label)


def _mention(doc: str, line: int, locator: str = "") -> Mention:
    return Mention(document=doc, kind="note", text="¹", line=line, locator=locator)


RECORDS: dict[str, Record] = {
    "ohle2020multi": Record(
        type="article-journal",
        authors=(Name(family="Ohle", given="Mario"), Name(family="Gogh", given="Vincent", particle="van")),
        title="Multi-vector foreign policy revisited:\nKazakhstan after 2022",
        container_title="Central Asian Survey", date="2020-03", volume="39", issue="2", pages="150-171",
        doi="10.1080/02634937.2020.1234567", url="https://doi.org/10.1080/02634937.2020.1234567",
    ),
    "reuters2022unrest": Record(
        type="article-newspaper", authors=(Name(literal="Reuters"),),
        title="Kazakhstan’s president says order restored", container_title="The Moscow Times",
        date="2022-01-07", url="https://example.org/news/1", accessed="2022-02-01",
    ),
    "mfa2021strategy": Record(
        type="webpage", authors=(Name(literal="Ministry of Foreign Affairs of the Republic of Kazakhstan"),),
        title="Foreign policy concept 2020–2030", container_title="gov.kz", date="2021",
        url="https://example.org/mfa/concept", accessed="2023-04-30",
    ),
    "kudaibergenova2019chapter": Record(
        type="chapter", authors=(Name(family="Kudaibergenova", given="Diana T."),),
        editors=(Name(family="Lūsis", given="Žanis"), Name(family="King", given="Martin Luther", suffix="Jr.")),
        title="Nation-building and its discontents", container_title="Routledge Handbook of Central Asia",
        publisher="Routledge", place="London", pages="45-67", date="2019", doi="10.4324/9781315123456-4",
        edition="2",
    ),
    "toqaev2018book": Record(
        type="book", authors=(Name(family="Toqaev", given="Qasym-Jomart"),),
        translators=(Name(family="Smith", given="Anne"),),
        title="Pobeda i pravda", publisher="Palgrave Macmillan", place="Cham", date="2018", isbn="978-0-306-40615-7",
        collection_title="Studies in Central Asian Politics",
    ),
    "worldbank2021report": Record(
        type="report", authors=(Name(literal="World Bank"),), title="Kazakhstan economic update",
        genre="Policy Research Working Paper", publisher="World Bank", place="Washington, DC", date="2021-06-15",
        url="https://example.org/wb/update",
    ),
    "nazarbayev2019speech": Record(
        type="speech", authors=(Name(family="Nazarbayev", given="Nursultan"),), title="Address at the forum",
        event="Astana International Forum", event_date="2019-05-16", event_place="Nur-Sultan", date="2019-05-16",
    ),
    "vassilenko2022interview": Record(
        type="interview", authors=(Name(family="Vassilenko", given="Roman"),), title="Interview with the author",
        medium="Telephone", date="2022-04-12",
    ),
    "film2020steppe": Record(
        type="motion_picture", authors=(Name(family="Omarova", given="Gulshat"),), title="Steppe Light",
        publisher="Kazakhfilm", date="2020",
    ),
    "law2022constitution": Record(
        type="legislation", title="Law on amendments to the Constitution", date="2022-06-05",
        container_title="Vedomosti Parlamenta", url="https://example.org/law",
    ),
    "blog2023post": Record(
        type="post-weblog", authors=(Name(family="Ахметова", given="Айгерим"),), title="Notes from Almaty",
        container_title="Steppe Dispatches", date="2023-01-02", url="https://example.org/blog/1",
        note="Archived copy consulted",
    ),
    "sultanova2023water": Record(
        type="report", authors=(Name(family="Sultanova", given="Aigerim"),),
        title="Water and power in Central Asia", publisher="Caspian Policy Lab", date="2023-05-04",
        genre="Policy brief", url="https://example.org/briefs/water",
    ),
}

CITES = {  # work -> [(doc, kind, line, label)]
    "ohle2020multi": [("brief-a", "footnote", 40, "3"), ("brief-a", "footnote", 52, "7")],
    "reuters2022unrest": [("brief-a", "footnote", 60, "9"), ("blog-b", "inline-url", 12, "")],
    "mfa2021strategy": [("blog-b", "inline-url", 20, "")],
    "kudaibergenova2019chapter": [("blog-b", "reference-list", 88, "")],
    "toqaev2018book": [("brief-a", "endnote", 101, "12")],
    "worldbank2021report": [("brief-a", "footnote", 70, "10")],
    "nazarbayev2019speech": [("brief-a", "footnote", 72, "11")],
    "vassilenko2022interview": [("brief-a", "footnote", 30, "2")],
    "film2020steppe": [("blog-b", "inline-url", 30, "")],
    "law2022constitution": [("brief-a", "footnote", 80, "13")],
    "blog2023post": [("blog-b", "reference-list", 90, "")],
}


def sample_library() -> Library:
    works = []
    for key, record in RECORDS.items():
        refs = tuple(_ref(d, k, line, label) for d, k, line, label in CITES.get(key, []))
        mentions = (_mention("brief-a", 39, "p. 151"), _mention("brief-a", 51)) if key == "ohle2020multi" else ()
        works.append(Work(key=key, record=record, references=refs, mentions=mentions,
                          document="brief-a" if key == "sultanova2023water" else ""))
    docs = (
        Document(id="brief-a", path="brief-a.txt", text="", meta=RECORDS["sultanova2023water"]),
        Document(id="blog-b", path="blog-b.md", text=""),
    )
    return Library(documents=docs, works=tuple(works))


def _comparable(r: Record) -> dict[str, object]:
    """Fields as a reader can give them back: names by display, whitespace collapsed."""
    out: dict[str, object] = {}
    for name, value in r.filled():
        if isinstance(value, tuple):
            out[name] = tuple(n.display() for n in value)
        else:
            out[name] = " ".join(str(value).split())
    return out


# --------------------------------------------------------------------- CSL-JSON


def test_csl_json_export_is_valid_against_the_official_schema():
    items = csl_json.library_items(sample_library())
    jsonschema.Draft7Validator(load_schema("csl-data.schema.json")).validate(items)
    types = {i["id"]: i["type"] for i in items}
    assert types["reuters2022unrest"] == "article-newspaper"
    assert types["blog2023post"] == "post-weblog"
    assert types["law2022constitution"] == "legislation"
    by_id = {i["id"]: i for i in items}
    assert by_id["worldbank2021report"]["author"] == [{"literal": "World Bank"}]
    assert by_id["ohle2020multi"]["issued"] == {"date-parts": [[2020, 3]]}
    assert by_id["ohle2020multi"]["author"][1] == {"family": "Gogh", "given": "Vincent", "non-dropping-particle": "van"}
    assert by_id["reuters2022unrest"]["accessed"] == {"date-parts": [[2022, 2, 1]]}
    assert by_id["kudaibergenova2019chapter"]["DOI"] == "10.4324/9781315123456-4"


def test_csl_json_round_trip_keeps_every_field_and_the_own_note():
    lib = sample_library()
    back = csl_json.loads(csl_json.dumps(csl_json.library_items(lib)))
    assert [k for k, _, _ in back] == [w.key for w in lib.works]
    for (key, record, _), work in zip(back, lib.works):
        assert _comparable(record) == _comparable(work.record), key


def test_csl_json_provenance_in_note_and_custom():
    items = {i["id"]: i for i in csl_json.library_items(sample_library())}
    ohle = items["ohle2020multi"]
    assert "bibkaz: cited 2 times in brief-a (note 3, line 40; note 7, line 52)" in ohle["note"]
    assert ohle["custom"]["bibkaz"]["cited-in"] == [
        {"document": "brief-a", "count": 2, "places": ["note 3, line 40", "note 7, line 52"]}
    ]
    assert ohle["custom"]["bibkaz"]["related"] == ["sultanova2023water"]
    assert ohle["keyword"] == "bibkaz:cited-in:brief-a"
    blog = items["blog2023post"]
    assert blog["note"].split("\n")[0] == "Archived copy consulted"
    own = items["sultanova2023water"]
    assert own["note"].startswith("bibkaz: source document brief-a; cites 7 works: ohle2020multi")
    reuters = items["reuters2022unrest"]["custom"]["bibkaz"]["cited-in"]
    assert [c["document"] for c in reuters] == ["brief-a", "blog-b"]


def test_invalid_csl_json_is_refused_with_the_item_named():
    bad = [record_to_csl(RECORDS["ohle2020multi"], "k1") | {"bogus": 1}]
    with pytest.raises(BibkazError, match="k1"):
        csl_json.dumps(bad)


def test_csl_reader_accepts_what_other_tools_write():
    rec = csl_to_record({
        "id": "x", "type": "paper-conference", "issued": "2021-04", "event": "ECPR",
        "volume": 12, "page": "3–9", "accessed": {"raw": "2022-01-01"},
    })
    assert (rec.date, rec.event, rec.volume, rec.pages, rec.accessed) == ("2021-04", "ECPR", "12", "3-9", "2022-01-01")


# --------------------------------------------------------------------- RIS


def test_ris_follows_the_spec_line_format():
    text = ris.dumps(sample_library())
    assert "\n" not in text.replace("\r\n", "")
    records = text.split("ER  - \r\n")
    assert records[-1] == "" and len(records) == len(RECORDS) + 1
    for line in text.split("\r\n"):
        if line:
            assert len(line) >= 6 and line[2:6] == "  - " and line[:2].isalnum() and line[:2].isupper(), line
    first = records[0].split("\r\n")
    assert first[0] == "TY  - JOUR"
    assert "TI  - Multi-vector foreign policy revisited: Kazakhstan after 2022" in first
    assert "AU  - van Gogh, Vincent" in first
    assert "PY  - 2020" in first and "DA  - 2020/03//" in first
    assert "SP  - 150" in first and "EP  - 171" in first and "DO  - 10.1080/02634937.2020.1234567" in first
    assert "KW  - bibkaz:cited-in:brief-a" in first
    assert "N1  - bibkaz: cited 2 times in brief-a (note 3, line 40; note 7, line 52)" in first


def test_ris_types_names_and_dates():
    text = ris.dumps(sample_library())
    blocks = {b.lstrip().split("\r\n")[1][6:]: b.lstrip().split("\r\n") for b in text.split("ER  - \r\n") if b}
    assert blocks["reuters2022unrest"][0] == "TY  - NEWS"
    assert "AU  - Reuters" in blocks["reuters2022unrest"]
    assert "Y2  - 2022/02/01/" in blocks["reuters2022unrest"]
    assert "T2  - The Moscow Times" in blocks["reuters2022unrest"]
    assert blocks["mfa2021strategy"][0] == "TY  - ELEC"
    assert blocks["kudaibergenova2019chapter"][0] == "TY  - CHAP"
    assert "A2  - Lūsis, Žanis" in blocks["kudaibergenova2019chapter"]
    assert "A2  - King, Martin Luther, Jr." in blocks["kudaibergenova2019chapter"]
    assert blocks["worldbank2021report"][0] == "TY  - RPRT"
    assert "DA  - 2021/06/15/" in blocks["worldbank2021report"]
    assert "AU  - Ахметова, Айгерим" in blocks["blog2023post"]
    assert "PY  - 2022/01/07/" in blocks["reuters2022unrest"]
    notes = [x for x in blocks["nazarbayev2019speech"] if x.startswith("N1")]
    assert notes == ["N1  - {:event-title: Astana International Forum} {:event-date: 2019-05-16} "
                     "{:event-place: Nur-Sultan} bibkaz: cited once in brief-a (note 11, line 72)"]
    two = [x for x in blocks["reuters2022unrest"] if x.startswith("N1")]
    assert two == ["N1  - bibkaz: cited once in brief-a (note 9, line 60) bibkaz: cited once in blog-b (line 12)"]


def test_ris_round_trip_through_our_reader():
    lib = sample_library()
    back = ris.loads(ris.dumps(lib))
    assert [k for k, _, _ in back] == [w.key for w in lib.works]
    for (key, record, tags), work in zip(back, lib.works):
        assert _comparable(record) == _comparable(work.record), key
    assert back[0][2] == ("bibkaz:cited-in:brief-a",)
    assert ris.parse_ris_name("van Gogh, Vincent") == Name(family="Gogh", given="Vincent", particle="van")


# --------------------------------------------------------------------- provenance, BibTeX


def test_provenance_counts_and_places():
    prov = library_provenance(sample_library())
    assert prov["toqaev2018book"].lines() == ("bibkaz: cited once in brief-a (note 12, line 101)",)
    assert prov["kudaibergenova2019chapter"].lines() == ("bibkaz: cited once in blog-b (reference list, line 88)",)
    assert prov["sultanova2023water"].tags == ("bibkaz:source-document",)
    assert "sultanova2023water" in prov["worldbank2021report"].related
    assert split_note("own\nbibkaz: cited once in x") == ("own", ("bibkaz: cited once in x",))
    groups = dict(document_groups(sample_library()))
    assert {w.key for w in groups["blog-b"]} == {
        "reuters2022unrest", "mfa2021strategy", "kudaibergenova2019chapter", "film2020steppe", "blog2023post"
    }


def test_bibtex_export_goes_through_the_writer_with_provenance():
    from bibkaz.formats.bibtex import read_records_text

    text = render(sample_library(), "biblatex")
    assert "@online{mfa2021strategy" in text.replace(" ", "") or "mfa2021strategy" in text
    back = dict(read_records_text(text))
    assert "bibkaz: cited 2 times in brief-a" in back["ohle2020multi"].note
    assert back["ohle2020multi"].doi == "10.1080/02634937.2020.1234567"
    assert "bibtex" in render(sample_library(), "bibtex").split("\n")[0]


# --------------------------------------------------------------------- command


@pytest.fixture()
def library_file(tmp_path: Path) -> Path:
    path = tmp_path / "library.json"
    path.write_text(library_dumps(sample_library()), encoding="utf-8")
    return path


def test_export_command_writes_each_format(tmp_path: Path, library_file: Path):
    from bibkaz.cli import main

    runner = CliRunner()
    for fmt in ("csl-json", "ris", "biblatex", "bibtex"):
        out = tmp_path / f"out.{fmt}"
        result = runner.invoke(main, ["export", str(library_file), "--to", fmt, "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 500
    items = json.loads((tmp_path / "out.csl-json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(load_schema("csl-data.schema.json")).validate(items)
    assert len(items) == len(RECORDS)
    assert (tmp_path / "out.ris").read_bytes().count(b"\r\nER  - \r\n") == len(RECORDS)


def test_export_collection_per_document_writes_one_file_per_document(tmp_path: Path, library_file: Path):
    from bibkaz.cli import main

    out = tmp_path / "per-doc"
    result = CliRunner().invoke(
        main, ["export", str(library_file), "--to", "csl-json", "-o", str(out), "--collection-per-document"]
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["blog-b.json", "brief-a.json"]
    brief = json.loads((out / "brief-a.json").read_text(encoding="utf-8"))
    assert "sultanova2023water" in {i["id"] for i in brief} and "blog2023post" not in {i["id"] for i in brief}
    reuters = next(i for i in brief if i["id"] == "reuters2022unrest")
    assert "blog-b" in reuters["note"]  # provenance still covers the whole corpus


def test_export_per_document_needs_a_folder(library_file: Path):
    from bibkaz.cli import main

    result = CliRunner().invoke(main, ["export", str(library_file), "--to", "ris", "--collection-per-document"])
    assert result.exit_code == 1 and "needs -o FOLDER" in result.output


def test_export_keeps_a_hand_edited_bib_unless_forced(tmp_path: Path, library_file: Path):
    from bibkaz.cli import main

    out = tmp_path / "refs.bib"
    args = ["export", str(library_file), "--to", "biblatex", "-o", str(out)]
    assert CliRunner().invoke(main, args).exit_code == 0
    assert CliRunner().invoke(main, args).exit_code == 0  # our own file: overwritten
    out.write_text(out.read_text(encoding="utf-8") + "% my edit\n", encoding="utf-8")
    refused = CliRunner().invoke(main, args)
    assert refused.exit_code == 1 and "--force" in refused.output and "% my edit" in out.read_text(encoding="utf-8")
    assert CliRunner().invoke(main, args + ["--force"]).exit_code == 0
    assert "% my edit" not in out.read_text(encoding="utf-8")

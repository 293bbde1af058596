"""Checks that tests/briefs/expected.json is consistent with itself and with the briefs.

expected.json is hand-counted ground truth for the extractor tests: if a count or a
field in it is wrong, those tests would pass or fail for the wrong reason. This file
checks only what can be checked without the extractor: the counts agree with the
detailed lists, every title, name, DOI, URL and citation text really stands in its
brief, and every value has the form the model promises (ISO dates, hyphenated
pages, bare DOIs, CSL types).

Shape of expected.json, one object per brief file name:

- ``own``: the brief's own record: title, authors ("Family, Given"), date (ISO) or
  null, publisher or null. Null means the text does not state it.
- ``works``: distinct works the brief cites (its own entry excluded); inline bare URLs
  and DOIs that are not part of a reference count as works.
- ``references``: raw reference strings (a note citing two works separated by ";"
  gives two; "Ibid." and short notes give none: they are citations of the earlier
  reference).
- ``citations``: linked in-text citations, one per call or per cited work in a
  parenthesis; a call whose note cites two works counts once per work.
- ``unresolved``: calls and citations that link to nothing.
- ``work_ids``: one identifier per work: its title, or its URL/DOI when it has none.
- ``links``: every linked citation in text order: kind, ``marker`` (note/numeric) or
  ``text`` (author-date, the citation's own part of the parenthesis), ``to`` (a
  work id) and ``locator`` when the citation gives one.
- ``unresolved_detail``: every unresolved citation with its line and a phrase of its
  sentence.
- ``sample``: works whose ``fields`` are asserted exactly (fields not listed are not
  asserted), found by ``match`` on title, url or doi.
- ``notes``: the judgment calls made while counting.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import fields
from pathlib import Path

import pytest

from bibkaz.formats.csl import CSL_TYPES
from bibkaz.model import MENTION_KINDS, Record

BRIEFS = Path(__file__).parent / "briefs"
EXPECTED = json.loads((BRIEFS / "expected.json").read_text(encoding="utf-8"))
BRIEF_SUFFIXES = {".txt", ".md", ".html"}
RECORD_FIELDS = {f.name for f in fields(Record)} - {"confidence"}
NAME_FIELDS = {"authors", "editors", "translators"}
ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def _text(name: str) -> str:
    return (BRIEFS / name).read_text(encoding="utf-8")


def _flat(text: str) -> str:
    """Text with markup, line wrapping and quote styles removed, for "does it stand
    in the brief" checks: a title wrapped over two lines or set in *italics* still
    counts as present."""
    text = unicodedata.normalize("NFC", text).replace("*", "")
    text = text.translate(str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'}))
    return re.sub(r"\s+", " ", text)


def _in_brief(value: str, name: str) -> bool:
    return _flat(value) in _flat(_text(name))


def _family(name: str) -> str:
    return name.split(",")[0].strip()


BRIEF_NAMES = sorted(EXPECTED)


def test_every_brief_has_an_entry_and_every_entry_a_brief() -> None:
    on_disk = {p.name for p in BRIEFS.iterdir() if p.suffix in BRIEF_SUFFIXES}
    assert on_disk == set(EXPECTED)


@pytest.mark.parametrize("name", BRIEF_NAMES)
def test_brief_length_and_encoding(name: str) -> None:
    raw = (BRIEFS / name).read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), "briefs are plain UTF-8 without BOM"
    words = len(raw.decode("utf-8").split())
    assert 600 <= words <= 1500, f"{name}: {words} words"


@pytest.mark.parametrize("name", BRIEF_NAMES)
def test_counts_agree_with_details(name: str) -> None:
    e = EXPECTED[name]
    for key in ("works", "references", "citations", "unresolved"):
        assert isinstance(e[key], int) and e[key] >= 0, key
    assert len(e["work_ids"]) == e["works"]
    assert len(set(e["work_ids"])) == e["works"], "work ids must be distinct"
    assert e["references"] >= e["works"], "every work comes from at least one reference"
    assert len(e["links"]) == e["citations"]
    assert len(e["unresolved_detail"]) == e["unresolved"]
    assert isinstance(e["notes"], str) and e["notes"].strip()


@pytest.mark.parametrize("name", BRIEF_NAMES)
def test_own_record_stands_in_the_brief(name: str) -> None:
    own = EXPECTED[name]["own"]
    assert set(own) == {"title", "authors", "date", "publisher"}
    assert _in_brief(own["title"], name)
    for author in own["authors"]:
        assert _in_brief(_family(author), name), author
    assert own["date"] is None or ISO_DATE.match(own["date"])
    assert own["publisher"] is None or _in_brief(own["publisher"], name)


@pytest.mark.parametrize("name", BRIEF_NAMES)
def test_links_point_at_known_works_and_stand_in_the_brief(name: str) -> None:
    e = EXPECTED[name]
    text = _text(name)
    for link in e["links"]:
        assert link["kind"] in MENTION_KINDS, link
        assert link["to"] in e["work_ids"], link
        if "text" in link:
            assert _in_brief(link["text"], name), link
        else:
            assert link["marker"].isdigit(), link
        if "locator" in link:
            assert re.fullmatch(r"\d+(-\d+)?", link["locator"]), link
    for item in e["unresolved_detail"]:
        assert item["kind"] in MENTION_KINDS
        line = text.split("\n")[item["line"] - 1]
        assert item["text"] in line, item
        assert item["sentence"] in line, item


@pytest.mark.parametrize("name", BRIEF_NAMES)
def test_samples_are_well_formed_and_stand_in_the_brief(name: str) -> None:
    e = EXPECTED[name]
    samples = e["sample"]
    assert len(samples) >= min(4, e["works"])
    matched = [next(iter(s["match"].values())) for s in samples]
    assert len(set(matched)) == len(matched), "each work sampled once"
    for sample in samples:
        (how, ident), = sample["match"].items()
        assert how in {"title", "url", "doi"}
        assert ident in e["work_ids"]
        fields_ = sample["fields"]
        assert fields_.get(how) == ident
        assert set(fields_) <= RECORD_FIELDS, set(fields_) - RECORD_FIELDS
        for key, value in fields_.items():
            if key in NAME_FIELDS:
                assert value and all(_in_brief(_family(n), name) for n in value), value
                assert not any("et al" in n for n in value)
            elif key in ("date", "accessed"):
                assert ISO_DATE.match(value), value
            elif key == "pages":
                assert re.fullmatch(r"\d+(-\d+)?", value), value
            elif key == "type":
                assert value in CSL_TYPES, value
            elif key == "doi":
                assert value.startswith("10.") and _in_brief(value, name), value
            elif key == "year_suffix":
                assert re.fullmatch(r"[a-z]", value)
            else:
                assert _in_brief(value, name), (key, value)


def _superscript_calls(text: str) -> list[str]:
    """Superscript runs glued to the preceding text (a run opening a line starts a note)."""
    runs = re.finditer(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+", text)
    return [m.group().translate(SUPERSCRIPTS) for m in runs if m.start() and not text[m.start() - 1].isspace()]


def _bracket_calls(text: str) -> list[str]:
    """Numbers cited by "[1]", "[2, 3]", "[4–6]" and "[4]–[6]", ranges expanded."""
    out: list[str] = []
    for m in re.finditer(r"\[(\d+(?:\s*[,–-]\s*\d+)*)\](?:–\[(\d+)\])?", text):
        if m.start() == 0 or text[m.start() - 1] == "\n":
            continue  # "[1] A. Author ..." opens a list entry, it is no call
        body, range_end = m.group(1), m.group(2)
        for part in body.split(","):
            lo, _, hi = part.strip().partition("–")
            out += [str(n) for n in range(int(lo), int(hi or lo) + 1)]
        if range_end:
            out += [str(n) for n in range(int(out[-1]) + 1, int(range_end) + 1)]
    return out


def test_chicago_calls_match_links() -> None:
    """The superscripts in the body, de-duplicated per call, are the link markers."""
    text = _text("chicago_notes.txt")
    calls = _superscript_calls(text)
    assert calls == [str(n) for n in range(1, len(calls) + 1)], "calls run 1, 2, 3 ..."
    markers = [link["marker"] for link in EXPECTED["chicago_notes.txt"]["links"]]
    assert sorted(set(markers), key=int) == calls
    # A call that counts twice is a note citing two works, split on ";".
    notes = {m.group(1).translate(SUPERSCRIPTS): m.group(2) for m in re.finditer(r"^([⁰¹²³⁴⁵⁶⁷⁸⁹]+) (.*)$", text, re.M)}
    for marker in set(markers):
        assert markers.count(marker) == notes[marker].count(";") + 1, marker


def test_ieee_calls_match_links() -> None:
    markers = [link["marker"] for link in EXPECTED["ieee.txt"]["links"] if link["kind"] == "numeric"]
    assert _bracket_calls(_text("ieee.txt")) == markers


@pytest.mark.parametrize("name", ["endnotes_glued.txt", "notes_missing.txt"])
def test_glued_calls_run_in_order(name: str) -> None:
    e = EXPECTED[name]
    items = [link for link in e["links"] if "marker" in link] + e["unresolved_detail"]  # calls, not links
    text = _text(name)
    seen: list[str] = []
    for item in items:
        glued = item["text"]
        assert glued.endswith(item["marker"]) and glued in text, item
        if not seen or seen[-1] != item["marker"]:
            seen.append(item["marker"])
    assert seen == [str(n) for n in range(1, len(seen) + 1)]
    positions = [text.index(item["text"]) for item in items]
    assert positions == sorted(positions), "calls are listed in text order"

"""``bibkaz parse``, ``bibkaz train`` and ``bibkaz check`` through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from bibkaz.cli import main

SAMPLE = Path(__file__).resolve().parents[1] / "bibkaz" / "parse" / "crf" / "training-data" / "sample.jsonl"
SCHEMA = Path(__file__).resolve().parents[1] / "bibkaz" / "schemas" / "csl-data.schema.json"
ARTICLE = (
    "Tulepbayeva, R., & Vanderhill, S. F. (2019). Grain, water and power in Central Asia. "
    "Europe-Asia Studies, 71(8), 1345–1367."
)
BOOK = "Cooley, Alexander. Great Games, Local Rules. Oxford: Oxford University Press, 2012."


def run(*args: str, input: str | None = None):
    result = CliRunner().invoke(main, list(args), input=input)
    return result


def test_parse_prints_bibtex_by_default():
    result = run("parse", ARTICLE, BOOK)
    assert result.exit_code == 0, result.output
    assert "@article{tulepbayeva2019," in result.output
    journal = next(line for line in result.output.splitlines() if line.strip().startswith("journaltitle"))
    assert journal.replace("{", "").replace("}", "").strip() == "journaltitle = Europe-Asia Studies,"
    assert "volume = {71}" in result.output and "number = {8}" in result.output
    assert "@book{cooley2012," in result.output
    assert "bibkaz-review" not in result.output


def test_parse_flags_a_non_reference_for_review_in_bibtex():
    result = run("parse", "The weather was fine and we went for a walk")
    assert result.exit_code == 0 and "bibkaz-review = {parser confidence" in result.output


def test_parse_csl_json_is_valid_and_carries_confidence(tmp_path):
    refs = tmp_path / "refs.txt"
    refs.write_text(f"{ARTICLE}\n\n{BOOK}\n", encoding="utf-8")
    result = run("parse", "--file", str(refs), "--format", "csl-json")
    assert result.exit_code == 0, result.output
    items = json.loads(result.output)
    jsonschema.Draft7Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(items)
    assert [i["type"] for i in items] == ["article-journal", "book"]
    assert items[0]["custom"]["needs_review"] is False and items[0]["page"] == "1345–1367"


def test_parse_json_lines_from_stdin():
    result = run("parse", "--file", "-", "--format", "json", input=f"{ARTICLE}\nhello\n")
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [r["needs_review"] for r in rows] == [False, True]
    assert rows[0]["csl"]["volume"] == "71" and rows[0]["csl"]["issue"] == "8"


def test_labels_output_trains_and_checks(tmp_path):
    """The loop: parse --format labels → (a user corrects) → train → check → parse --model."""
    result = run("parse", "--format", "labels", ARTICLE, BOOK)
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert set(rows[0]) == {"text", "tokens", "fields"}
    assert rows[0]["fields"]["journal"] == ["Europe-Asia Studies,"]
    labelled = tmp_path / "mine.jsonl"
    labelled.write_text(result.output + SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    model = tmp_path / "mine.crfsuite"
    trained = run("train", str(labelled), "-o", str(model), "--iterations", "30")
    assert trained.exit_code == 0, trained.output
    assert "trained on 295 references" in trained.output and model.is_file()
    # --source "" selects the user's own lines (they carry no source)
    only_mine = run("train", str(labelled), "-o", str(tmp_path / "m2.crfsuite"), "--source", "", "--iterations", "5")
    assert "trained on 2 references" in only_mine.output
    checked = run("check", str(labelled), "--model", str(model), "--json")
    assert checked.exit_code == 0, checked.output
    figures = json.loads(checked.output)
    assert figures["references"] == 295 and figures["token_error_rate"] < 0.15
    parsed = run("parse", "--model", str(model), "--format", "json", ARTICLE)
    assert json.loads(parsed.output)["csl"]["issued"] == {"date-parts": [[2019]]}


def test_check_prints_a_table_for_the_shipped_model():
    result = run("check", str(SAMPLE), "--source", "core")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("token error rate:") and "micro" in result.output


@pytest.mark.parametrize(
    "args, message",
    [
        (["parse"], "give reference strings"),
        (["parse", "--file", "/nonexistent/refs.txt"], "/nonexistent/refs.txt: cannot read"),
        (["train", "{sample}", "-o", "{tmp}/m.crfsuite", "--source", "nosuch"], "no labelled references"),
    ],
)
def test_errors_are_one_line(tmp_path, args, message):
    args = [a.format(sample=SAMPLE, tmp=tmp_path) for a in args]
    result = run(*args)
    assert result.exit_code != 0
    assert message in result.output


def test_bad_training_file_names_the_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"tokens": [["a", "title"]]}\n{oops\n', encoding="utf-8")
    result = run("check", str(bad))
    assert result.exit_code == 1 and f"{bad}:2: not JSON" in result.output


def test_a_file_that_is_not_utf8_is_named(tmp_path):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Müller, K. (2019). Titel. Verlag.\n".encode("latin-1"))
    result = run("parse", "--file", str(bad))
    assert result.exit_code == 1 and f"{bad}: not UTF-8 text" in result.output


def test_long_and_odd_lines_from_a_file_all_get_an_entry(tmp_path):
    refs = tmp_path / "odd.txt"
    lines = ["x " * 10000, "\x07\x08 Smith, J. 2020. Title.", "詹慧珊、吳明芳 數位影像在彩妝設計之研究 2008年4月19日", ARTICLE]
    refs.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("parse", "--file", str(refs), "--format", "json")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 4 and rows[0]["needs_review"] is True and rows[3]["needs_review"] is False
    assert "reference 1 is 20,000 characters, over the 5,000 limit" in result.stderr

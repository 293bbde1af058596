"""Bad input, atomic and guarded writing, and small extractor cases written for the tests."""

from __future__ import annotations

from click.testing import CliRunner

from bibkaz.cli import main
from bibkaz.extract.calls import glued_calls
from bibkaz.extract.text import paragraphs
from bibkaz.formats.bibtex import format_entries
from bibkaz.model import Name, Record
from bibkaz.parse.rules import parse_rules

GOOD = """A Brief on Rivers

by Ana Costa on 3/14/2019

Dams matter (Nguyen, 2019, p. 4).

References

Nguyen, T. (2019). Rivers of power. Water Policy, 21(2), 10–20. https://doi.org/10.2166/wp.2019.001
"""


def run(args, **kw):
    return CliRunner().invoke(main, args, **kw)


def test_one_bad_file_does_not_lose_the_others(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    out = tmp_path / "out.bib"
    result = run(["extract", str(tmp_path), "-o", str(out)])
    assert result.exit_code == 1
    assert "bin.txt: binary file" in result.output and "empty.txt: file is empty" in result.output
    text = out.read_text(encoding="utf-8")
    assert "@article{nguyen2019rivers," in text and "doi = {10.2166/wp.2019.001}" in text


def test_missing_path_and_empty_folder(tmp_path):
    result = run(["extract", str(tmp_path / "nope")])
    assert result.exit_code == 2 and "does not exist" in result.output  # a usage error
    (tmp_path / "empty").mkdir()
    result = run(["extract", str(tmp_path / "empty"), "-o", str(tmp_path / "x.bib")])
    assert result.exit_code == 1 and "no documents" in result.output


def test_cp1252_is_decoded(tmp_path):
    (tmp_path / "win.txt").write_bytes(GOOD.replace("Rivers of power", "Rivers of power \u2013 caf\u00e9").encode("cp1252"))
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + GOOD.replace("Nguyen", "Tran").replace("2019.001", "2019.777").encode("utf-8"))
    out = tmp_path / "o.bib"
    result = run(["extract", str(tmp_path), "-o", str(out), "-q"])
    assert result.exit_code == 0
    assert "win.txt: not plain UTF-8: decoded as cp1252" in result.output
    assert "bom.txt: not plain UTF-8: decoded as utf-8-sig" in result.output
    text = out.read_text(encoding="utf-8")
    assert "café" in text and "tran2019rivers" in text


def test_huge_file_is_refused_by_name(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    with open(tmp_path / "huge.txt", "wb") as fh:
        fh.truncate(21 * 1024 * 1024)  # sparse: no disk cost
    result = run(["extract", str(tmp_path), "-o", str(tmp_path / "o.bib"), "-q"])
    assert result.exit_code == 1
    assert "huge.txt: file is 21 MiB, over the 20 MiB limit" in result.output


def test_hand_edited_bib_is_not_overwritten_without_force(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "refs.bib"
    assert run(["extract", str(tmp_path / "d"), "-o", str(out), "-q"]).exit_code == 0
    assert run(["extract", str(tmp_path / "d"), "-o", str(out), "-q"]).exit_code == 0  # ours: overwritten
    out.write_text(out.read_text(encoding="utf-8") + "\n% my note\n", encoding="utf-8")
    result = run(["extract", str(tmp_path / "d"), "-o", str(out), "-q"])
    assert result.exit_code == 2 and "edited by hand" in result.output
    assert "% my note" in out.read_text(encoding="utf-8")
    assert run(["extract", str(tmp_path / "d"), "-o", str(out), "-q", "--force"]).exit_code == 0


def test_latex_injection_is_escaped():
    text = format_entries([("k", Record(title="Pwned \\input{/etc/passwd} \\write18{rm}", publisher="Taylor & Francis",
                                         url="https://x.org/a_b%20c"))])
    assert "\\input{" not in text and "\\write18{" not in text
    assert "Taylor \\& Francis" in text and "url = {https://x.org/a_b%20c}" in text


def test_glued_calls_follow_the_sequence():
    lines = ["Policy moved.1 In 2020,2 it grew by 1,800 kms and 3.5 percent in 2022.3 Then G20 met.4"]
    calls = glued_calls(paragraphs(lines))
    assert [c.label for c in calls] == [1, 2, 3, 4]


def test_enumerations_are_no_calls_and_lost_calls_are_bridged():
    # "(1) … (2) …" lists what a report asks; a call the layout set apart at the end of its line
    # ("accountability.   3") is read; one glued to a year ("Act of 19985") is lost, and the calls
    # after it still count.
    lines = ["GAO examined (1) challenges and (2) mechanisms and (3) strategies.",
             "Trends grew (GPRA),1 as the No Child Left Behind Act.2 noted accountability.   3",
             "They manage.4 The Incentive Act of 19985 pays states that meet targets,6 and more.7"]
    calls = glued_calls(paragraphs(lines))
    assert [(c.label, c.line) for c in calls] == [(1, 2), (2, 2), (3, 2), (4, 3), (6, 3), (7, 3)]
    # a stray number after the last call is not taken for the call after next
    assert [c.label for c in glued_calls(paragraphs(["A claim.1 Another.2 As the annex shows.4"]))] == [1, 2]
    # two calls glued together ("auditing;3334") are both read; a year glued to a word is no pair
    lines = ["Grants and funds distributions;32 reporting and auditing;3334 and inventory.35 Tools.3637",
             "These bots serve.38 In FY2039 the market grew.39"]
    assert [c.label for c in glued_calls(paragraphs(lines), first=32)] == [32, 33, 34, 35, 36, 37, 38, 39]
    # two calls lost in a row (each glued to a year: "Act of 199822") do not end the run
    lines = ["Methane leaks.20 It traps heat.21 The Clean Air Act of 199822 and the",
             "Energy Act of 200123 Scientists agree.24 EPA reports it.25 And more.26"]
    assert [c.label for c in glued_calls(paragraphs(lines), first=20)] == [20, 21, 24, 25, 26]
    # a call after a formula's digit and a full stop is read: "CO2.22" ends a sentence, no number 2.22
    lines = ["Methane leaks.20 It traps heat.21 Its potential is 28 times that of CO2.22 Over 20 years",
             "it is 84 times that of CO2.23 Scientists agree.24 EPA reports it.25 And more.26"]
    assert [c.label for c in glued_calls(paragraphs(lines), first=20)] == [20, 21, 22, 23, 24, 25, 26]


def test_parse_rules_chicago_note_and_harvard():
    r = parse_rules('Jane Okafor, "Transit Futures in Lagos," *Urban Studies* 57, no. 3 (2020): 45–67.')
    assert (r.type, r.title, r.container_title, r.volume, r.issue, r.pages, r.date) == (
        "article-journal", "Transit Futures in Lagos", "Urban Studies", "57", "3", "45-67", "2020")
    assert r.authors == (Name("Okafor", "Jane"),)
    h = parse_rules("World Bank (2021) Water Security in Asia. Washington, DC: World Bank.")
    assert h.authors == (Name(literal="World Bank"),) and h.date == "2021" and h.title == "Water Security in Asia"


def test_file_without_references_and_malformed_reference_are_reported(tmp_path):
    (tmp_path / "plain.txt").write_text("A Note on Nothing\n\nThis text cites nobody at all.\n", encoding="utf-8")
    (tmp_path / "odd.txt").write_text(
        "Odd Brief on Things\n\nA claim.¹ Another.²\n\n¹ ok so we went there and it was fine I guess\n\n² see the thing from 2019 again and again\n", encoding="utf-8")
    out, js = tmp_path / "o.bib", tmp_path / "o.json"
    result = run(["extract", str(tmp_path), "-o", str(out), "--json", str(js)])
    assert result.exit_code == 0  # read fine, just worth a look
    assert "plain.txt: no references, notes or citations found" in result.output
    assert "odd.txt:7: reference looks malformed, flagged for review" in result.output
    assert "bibkaz-review = {parser confidence" in out.read_text(encoding="utf-8")
    import json

    data = json.loads(js.read_text(encoding="utf-8"))
    assert [w["needs_review"] for w in data["works"] if "needs_review" in w] == [True]
    unresolved = data["unresolved"]
    assert [(u["marker"], u["reason"]) for u in unresolved] == [("1", "note 1 is a comment, not a reference")]


def test_html_brief_with_sup_calls_and_notes(tmp_path):
    html = """<html><head><title>x</title><style>p{}</style></head><body>
<h1>Water and Power in the Andes</h1><p>by Lucia Quispe on 3/2/2021</p>
<p>Glaciers are retreating fast.<sup>1</sup> Cities depend on them.<sup>2</sup></p>
<h2>Notes</h2>
<ol><li>1. Ana Torres, &ldquo;Glacier Loss in Peru,&rdquo; <em>Mountain Research</em> 12, no. 3 (2019): 45&ndash;60.</li>
<li>2. World Bank, <em>Andean Water Security</em> (Washington, DC: World Bank, 2020).</li></ol>
<script>var x = "1. not a note";</script></body></html>"""
    (tmp_path / "andes.html").write_text(html, encoding="utf-8")
    out, js = tmp_path / "o.bib", tmp_path / "o.json"
    assert run(["extract", str(tmp_path), "-o", str(out), "--json", str(js), "-q"]).exit_code == 0
    import json

    lib = json.loads(js.read_text(encoding="utf-8"))
    assert lib["documents"][0]["title"] == "Water and Power in the Andes"
    works = {w["key"]: w for w in lib["works"]}
    torres = works["torres2019glacier"]
    assert torres["csl"]["container-title"] == "Mountain Research" and torres["csl"]["page"] == "45–60"
    assert [c["kind"] for c in torres["citations"]] == ["note"]
    assert works["world2020andean"]["csl"]["type"] == "report"
    assert lib["unresolved"] == []


def test_explain_prints_merges_and_near_misses(tmp_path):
    text = GOOD + "\nSee also (Nguyen, 2020).\n\nNguyen, T. (2020). Rivers of power, again. Water Policy, 22(1), 1–9.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    result = run(["extract", str(tmp_path), "-o", str(tmp_path / "o.bib"), "-q", "--explain"])
    assert result.exit_code == 0
    assert "apart" in result.output and "Nguyen" in result.output

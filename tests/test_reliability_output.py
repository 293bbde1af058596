"""Issue 12, part B: what bibkaz writes and reads stays sound whatever the input holds.

Document text must never change the structure of a .bib file: every hostile
string goes through the writer and is read back by pybtex and (when installed)
BibTeX 0.99d, which must see the same entries and the same text.
"""

from __future__ import annotations

import random
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from bibkaz.cli import main
from bibkaz.formats.bibtex import format_entries, read_records_text
from bibkaz.formats.bibtex.latex import clean_text
from bibkaz.model import Name, Record

pybtex_database = pytest.importorskip("pybtex.database")

EVIL = 'Evil, A. (2020). A title } @misc{pwned, title = "Injected title"} {. Journal of Things, 1(2), 3-4.'

HAND_WRITTEN = [
    "A title } @misc{pwned, title = \"Injected title\"} {",
    "}", "{", "}}}}", "{{{{", "}{", "\\", "\\\\", "a\\", "\\}", "\\{", "{\\}", "\\input{/etc/passwd}",
    "%", "% comment } here", "#", "a # b # c", "@", "@comment{", "@string{x = {y}}", "@preamble{\\x}",
    '"', '""', 'say "hi" }', "'", "`", "``quoted''", "&", "$x^2$", "_", "^", "~", "a = b, c = d",
    "\x00", "a\x00b", "tab\tand\nnewline\r", "\x1b[31mred\x1b[0m", "\x7f\x80\x9f", "\u2028line\u2029para",
    "Ürümqi – Қазақстан · 北京 · عربي", "emoji 😀 }", "\ufeffBOM", "zero\u200bwidth", "and", " and ", "Smith and Jones",
    "A, B", "x" * 3000 + "}", "}" * 200 + "{" * 200, "@misc{a,\n title={b}}\n@misc{c,",
]
_ALPHABET = list("{}\\%#@\"'&$_^~,=() \t\n\x00\x01\x1fabcXYZ é—漢😀") + ["and", "@misc{", "\\}", "\\{", "\\textbf{"]


def hostile_strings(count: int = 300, seed: int = 12) -> list[str]:
    """The hand-written cases, then ``count`` random strings over a hostile alphabet."""
    rng = random.Random(seed)
    generated = ["".join(rng.choice(_ALPHABET) for _ in range(rng.randint(1, 40))) for _ in range(count)]
    return HAND_WRITTEN + generated


def _text(value: str) -> str:
    """What a reader should get back: no control characters, whitespace collapsed."""
    return " ".join(clean_text(value).split())


def _records(strings: list[str]) -> list[tuple[str, Record]]:
    out = []
    for i, s in enumerate(strings):
        out.append((f"k{i}", Record(
            type="book" if i % 2 else "chapter", title=s or "t", container_title=s, publisher=s, note=s,
            authors=(Name(family=s or "f", given=s), Name(literal=s or "l")), url="https://x.org/" + s, doi="10.1/" + s,
            pages=s, date="2020",
        )))
    return out


def _pybtex(text: str):
    return pybtex_database.parse_string(text, "bibtex")


def test_the_injection_reference_stays_one_entry_with_its_text(tmp_path):
    """Before: the title ended at the lone "}"; pybtex refused the file and BibTeX read an entry "pwned"."""
    brief = tmp_path / "docs" / "evil.txt"
    brief.parent.mkdir()
    brief.write_text(f"A brief\n\nSome text (Evil, 2020).\n\nReferences\n\n{EVIL}\n", encoding="utf-8")
    out = tmp_path / "out.bib"
    assert CliRunner().invoke(main, ["extract", str(brief.parent), "-o", str(out), "-q"]).exit_code == 0
    text = out.read_text(encoding="utf-8")
    db = _pybtex(text)
    written = int(re.search(r"; (\d+) entries;", text).group(1))  # the reference (and the brief's own entry)
    assert "evil2020title" in db.entries and "pwned" not in db.entries and len(db.entries) == written
    record = dict(read_records_text(text))["evil2020title"]
    assert 'A title } @misc{pwned, title = "Injected title"} {' in record.title
    if shutil.which("bibtex"):
        dumped = _bibtex_dump(tmp_path, text)
        assert [e["KEY"] for e in dumped] == list(db.entries)


@pytest.mark.parametrize("dialect", ["biblatex", "bibtex"])
def test_hostile_strings_round_trip_through_pybtex(dialect):
    strings = hostile_strings()
    text = format_entries(_records(strings), dialect)
    assert "\x00" not in text and not re.search(r"[\x01-\x08\x0b-\x1f\x7f]", text)
    db = _pybtex(text)
    assert len(db.entries) == len(strings)
    back = dict(read_records_text(text))
    for i, s in enumerate(strings):
        entry = db.entries[f"k{i}"]
        record = back[f"k{i}"]
        if _text(s):
            assert len(entry.persons["author"]) == 2, (s, entry.persons["author"])
            assert record.authors[-1].literal == _text(s), s
        assert record.title == _text(s or "t"), s
        assert record.publisher == _text(s), s
        if dialect == "biblatex":
            assert record.url.startswith("https://x.org/") and not re.search(r"[{}\\\s]", record.url)


def test_keys_from_a_merged_file_cannot_break_the_entry():
    text = format_entries([('a"b%c#d', Record(type="book", title="T")), ("", Record(type="book", title="U"))])
    assert list(_pybtex(text).entries) == ["a-b-c-d", "entry"]


def _bibtex_dump(folder: Path, bib: str) -> list[dict[str, str]]:
    """Each entry as BibTeX 0.99d reads it: key and raw fields, written out by a tiny .bst."""
    (folder / "h.bib").write_text(bib, encoding="utf-8")
    (folder / "dump.bst").write_text(
        "ENTRY { title author publisher note } {} {}\n"
        "FUNCTION {or.empty} { duplicate$ missing$ { pop$ \"\" } 'skip$ if$ }\n"
        "FUNCTION {dump}\n{ \"@@KEY \" cite$ * write$ newline$\n"
        "  \"@@TITLE \" title or.empty * write$ newline$\n  \"@@AUTHOR \" author or.empty * write$ newline$\n"
        "  \"@@PUBLISHER \" publisher or.empty * write$ newline$\n  \"@@NOTE \" note or.empty * write$ newline$\n"
        "  \"@@NAMES \" author or.empty num.names$ int.to.str$ * write$ newline$ }\n"
        "READ\nITERATE {dump}\n", encoding="utf-8")
    (folder / "h.aux").write_text("\\citation{*}\n\\bibdata{h}\n\\bibstyle{dump}\n", encoding="utf-8")
    env = {"PATH": "/usr/bin:/bin", "BIBINPUTS": ".", "BSTINPUTS": ".", "HOME": str(folder)}
    run = subprocess.run(["bibtex", "h"], cwd=folder, capture_output=True, timeout=120, env=env)
    log = run.stdout.decode("utf-8", "replace")
    assert run.returncode < 2 and "error message" not in log, log
    entries: list[dict[str, str]] = []
    field = ""
    for line in (folder / "h.bbl").read_text(encoding="utf-8", errors="strict").splitlines():
        m = re.match(r"@@(KEY|TITLE|AUTHOR|PUBLISHER|NOTE|NAMES) ?(.*)", line)
        if m:
            field = m.group(1)
            if field == "KEY":
                entries.append({})
            entries[-1][field] = m.group(2)
        else:  # write$ wraps long lines at a space
            entries[-1][field] += " " + line.strip()
    return entries


@pytest.mark.parametrize("dialect", ["biblatex", "bibtex"])
def test_hostile_strings_read_alike_by_bibtex_and_pybtex(tmp_path, dialect):
    if not shutil.which("bibtex"):
        pytest.skip("bibtex is not installed (Debian texlive-binaries; .ci/run installs it)")
    strings = hostile_strings()
    text = format_entries(_records(strings), dialect)
    dumped = _bibtex_dump(tmp_path, text)
    db = _pybtex(text)
    assert [e["KEY"] for e in dumped] == list(db.entries)
    flat = lambda v: " ".join(v.split())  # noqa: E731 - BibTeX collapses whitespace
    for entry in dumped:
        fields = db.entries[entry["KEY"]].fields
        assert int(entry["NAMES"]) == len(db.entries[entry["KEY"]].persons.get("author", [])), entry
        for name in ("TITLE", "PUBLISHER", "NOTE"):
            assert flat(entry[name]) == flat(fields.get(name.lower(), "")), (entry["KEY"], name)


# --- bibkaz merge and the BibTeX reader -------------------------------------------------

BROKEN_BIB = """@article{alpha2020, author = {Alpha, A.}, title = {First}, year = {2020}}

@article{broken2021, author = {Broken, B.}, title = {Unbalanced {brace, year = {2021}}

@article{gamma2022, author = {Gamma, C.}, title = {Third}, year = {2022}}

@book{beta2019, author = {Beta, B.}, title = {Beta book}, year = {2019}}
@book{beta2019, author = {Beta, B.}, title = {Another beta}, year = {2018}}
@misc{nul, title = {N\x00UL}, year = {2001}}
"""


def test_merge_keeps_every_entry_around_a_malformed_one_and_says_why(tmp_path):
    """Before: the unbalanced entry and every entry after it were dropped, with an empty
    reason, bibtexparser's own log line, a silently renamed key, {{Beta, B.}} and a NUL."""
    bib = tmp_path / "a.bib"
    bib.write_text(BROKEN_BIB, encoding="utf-8")
    out = tmp_path / "out.bib"
    result = CliRunner().invoke(main, ["merge", str(bib), "-o", str(out)])
    assert result.exit_code == 1  # an entry was skipped
    err = result.stderr
    assert "a.bib:3: malformed entry 'broken2021': unbalanced braces: 1 '{' still open before the next entry at line 5" in err
    assert "a.bib:8: duplicate key 'beta2019' (first at line 7): another work, written as beta2019a" in err
    assert "Parsing of" not in result.output + err and "aborted" not in err  # no bibtexparser log lines
    written = out.read_text(encoding="utf-8")
    keys = [e.key for e in __import__("bibkaz.formats.bibtex.reader", fromlist=["read_bib"]).read_bib(out).entries]
    assert keys == ["alpha2020", "beta2019", "beta2019a", "gamma2022", "nul"]
    assert "{{Beta" not in written and "author = {Beta, B.}" in written
    assert "\x00" not in written and "title = {{NUL}}" in written


def test_reader_reasons_name_the_line():
    from bibkaz.formats.bibtex.scan import Malformed, scan

    cases = {
        "@a{x, title = }\n": "no value for field 'title'",
        "@a{x, title {y}}\n": "no '=' after field name 'title'",
        '@a{x, t = "a{"}\n': "unbalanced quotes: a quoted value is not closed at the end of the file",
        "@a{x, t = {y}\n": "the entry is not closed at the end of the file",
    }
    for text, reason in cases.items():
        (item,) = scan(["% a comment line\n", text])
        assert isinstance(item, Malformed) and item.line == 2 and item.reason == reason, (text, item)


def test_reader_macros_concatenation_and_parentheses():
    from bibkaz.formats.bibtex.scan import RawEntry, scan

    text = '@string{me = {Me}}\n@comment{ignored {x}}\n@a(x, author = me # { and } # "You", month = jan, n = 3)\n'
    (entry,) = scan(text.splitlines(True))
    assert entry == RawEntry("a", "x", (("author", "Me and You"), ("month", "jan"), ("n", "3")), 3)


def test_large_files_report_progress(tmp_path):
    from bibkaz.formats.bibtex.reader import read_bib

    bib = tmp_path / "big.bib"
    bib.write_text("".join(f"@book{{k{i}, author = {{A{i}, B.}}, title = {{T {i}}}, year = {{2001}}}}\n" for i in range(10_001)),
                   encoding="utf-8")
    seen: list[tuple[int, int, int]] = []
    read = read_bib(bib, lambda n, done, size: seen.append((n, done, size)))
    assert len(read.entries) == 10_001 and read.entries[-1].line == 10_001
    size = bib.stat().st_size
    assert seen == [(10_000, size, size), (10_001, size, size)]  # one block here: bytes are whole blocks


def test_a_bib_that_is_not_utf8_is_read_and_named(tmp_path):
    from bibkaz.formats.bibtex.reader import read_bib

    bib = tmp_path / "w.bib"
    bib.write_bytes(b"@book{a, title = {Caf\xe9}, year = {2001}}\n")
    read = read_bib(bib)
    assert read.entries[0].record.title == "Café"
    assert [str(p) for p in read.problems] == [f"{bib}:1: not UTF-8 (byte 0xe9); such lines are read as cp1252"]


# --- output files bibkaz did not write ---------------------------------------------------

def test_json_output_bibkaz_did_not_write_is_kept(tmp_path):
    """Before: --json overwrote any file."""
    seeds = Path(__file__).resolve().parent.parent / "seeds"
    mine = tmp_path / "library.json"
    mine.write_text('{"mine": true}\n', encoding="utf-8")
    out = tmp_path / "refs.bib"
    result = CliRunner().invoke(main, ["extract", str(seeds), "-o", str(out), "--json", str(mine), "-q"])
    assert result.exit_code == 2 and "is not a library JSON bibkaz wrote; use --force" in result.stderr
    assert mine.read_text(encoding="utf-8") == '{"mine": true}\n' and not out.exists()
    assert CliRunner().invoke(main, ["extract", str(seeds), "-o", str(out), "--json", str(mine), "-q", "--force"]).exit_code == 0
    assert mine.read_text(encoding="utf-8").startswith('{\n  "bibkaz": 1,')
    # A JSON bibkaz wrote is bibkaz's to replace.
    assert CliRunner().invoke(main, ["extract", str(seeds), "-o", str(out), "--json", str(mine), "-q"]).exit_code == 0


_SLOW_WRITER = """
import os, sys, time
from bibkaz import fsutil
real_fsync = os.fsync
def slow_fsync(fd):
    print("writing", flush=True)
    time.sleep(30)
fsutil.os.fsync = slow_fsync
fsutil.write_atomic(sys.argv[1], "x" * 1000)
"""


def test_an_interrupted_write_leaves_no_temporary_file(tmp_path):
    """Before: SIGTERM during the write left .references.bib.*.tmp behind."""
    import signal
    import sys

    target = tmp_path / "references.bib"
    proc = subprocess.Popen([sys.executable, "-c", _SLOW_WRITER, str(target)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "writing"
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=20) == -signal.SIGTERM  # ends as SIGTERM would, after cleaning up
    assert list(tmp_path.iterdir()) == []


def test_a_killed_writers_temporary_file_goes_on_the_next_write(tmp_path):
    import signal
    import sys

    from bibkaz.fsutil import write_atomic

    target = tmp_path / "references.bib"
    proc = subprocess.Popen([sys.executable, "-c", _SLOW_WRITER, str(target)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "writing"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=20)
    assert [p.name.endswith(".tmp") for p in tmp_path.iterdir()] == [True]
    write_atomic(target, "new")
    assert [p.name for p in tmp_path.iterdir()] == ["references.bib"]


# --- bibkaz zotero push against servers that answer wrongly ------------------------------

def _library_json(tmp_path: Path) -> Path:
    from bibkaz.formats.library_json import dumps
    from bibkaz.model import Library, Work

    path = tmp_path / "library.json"
    works = (Work(key="a2020", record=Record(type="book", title="A book", date="2020")),)
    path.write_text(dumps(Library(works=works)), encoding="utf-8")
    return path


def _push(*args: str, env: dict[str, str] | None = None):
    result = CliRunner().invoke(main, ["zotero", "push", *args], env=env)
    assert isinstance(result.exception, SystemExit), result.exception  # a message, never a traceback
    return result


def test_a_non_json_reply_to_keys_current_is_one_line(httpserver, tmp_path):
    """Before: requests.JSONDecodeError traceback from zotero/api.py."""
    httpserver.expect_request("/keys/current").respond_with_data("<html>Please log in</html>", content_type="text/html")
    result = _push(str(_library_json(tmp_path)), "--library", "user:1", "--base-url", httpserver.url_for(""),
                   env={"ZOTERO_API_KEY": "k"})
    assert result.exit_code == 1
    (line,) = result.output.strip().splitlines()
    assert line.startswith("bibkaz: error: ") and "answered GET /keys/current with text/html, not JSON ('<html>Please log in</html>')" in line


def test_a_403_names_the_variable_to_set(httpserver, tmp_path):
    """Before: the message ended at "put it in the environment variable"."""
    httpserver.expect_request("/keys/current").respond_with_data("Forbidden", status=403)
    result = _push(str(_library_json(tmp_path)), "--library", "user:1", "--base-url", httpserver.url_for(""),
                   "--api-key-env", "MY_ZOTERO_KEY", env={"MY_ZOTERO_KEY": "secret-key"})
    assert result.exit_code == 1
    assert result.output.strip().endswith("put it in the environment variable MY_ZOTERO_KEY")
    assert "secret-key" not in result.output


@pytest.mark.parametrize("answer", ["garbage", "{}", "[]"])
def test_connector_that_answers_garbage_is_an_error(httpserver, tmp_path, answer):
    """Before: "Zotero desktop imported 0 items" and exit 0."""
    httpserver.expect_request("/connector/ping").respond_with_data("hello")
    httpserver.expect_request("/connector/import").respond_with_data(answer, status=201)
    result = _push(str(_library_json(tmp_path)), "--connector", "--connector-url", httpserver.url_for(""))
    assert result.exit_code == 1 and "imported 0 items" not in result.output
    expected = "imported none of the 1 items" if answer == "[]" else "not the list of saved items Zotero sends"
    assert expected in result.output


# --- the CLI does what the README says --------------------------------------------------

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.mark.parametrize("args", [
    ["extract", "/nonexistent/briefs", "-o", "x.bib"],                  # wrong path
    ["format", str(SEEDS), "--style", "no-such-style"],                 # unknown style
    ["format", str(SEEDS), "--locale", "xx"],                           # unknown locale
    ["network", str(SEEDS), "-o", "net.xlsx"],                          # unknown output extension
    ["network", str(SEEDS), "--plot", "net.jpg"],                       # unknown picture extension
    ["zotero", "push", str(SEEDS)],                                     # missing --library
    ["zotero", "push", str(SEEDS), "--library", "users/12"],            # malformed --library
])
def test_every_usage_error_exits_2(args, tmp_path, monkeypatch):
    """Before: these four exited 1, like a failed run."""
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2, result.output
    assert "works" not in result.output  # refused before any document was read or network built


def test_extract_says_which_works_are_the_briefs_own(tmp_path):
    """Before: "28 works" here and "24 works" in top/network, unexplained."""
    result = CliRunner().invoke(main, ["extract", str(SEEDS), "-o", str(tmp_path / "r.bib")])
    works, own = map(int, re.search(r"(\d+) works \((\d+) of them the documents' own entries\)", result.stderr).groups())
    assert own == 4  # one per brief whose own title, authors or date were found
    network = CliRunner().invoke(main, ["network", str(SEEDS), "-o", str(tmp_path / "n.json")])
    assert f"5 documents, {works - own} works," in network.stderr


def test_style_titles_are_decoded():
    """Before: "Taylor &amp; Francis" in `bibkaz styles chicago`."""
    result = CliRunner().invoke(main, ["styles", "taylor", "chicago"])
    assert "Taylor & Francis" in result.output and "&amp;" not in result.output


def test_writing_a_large_library_logs_nothing(caplog):
    """Before: bibtexparser logged a deep-copy warning on stderr for every large merge."""
    from bibtexparser import entrypoint

    count = getattr(entrypoint, "LARGE_LIBRARY_WARNING_THRESHOLD", 1000) + 1
    with caplog.at_level("DEBUG"):
        text = format_entries([(f"k{i}", Record(type="book", title=f"T{i}")) for i in range(count)])
    assert text.count("@book{") == count and caplog.records == []


def test_ci_runs_the_readme_test_command_verbatim():
    root = Path(__file__).resolve().parent.parent
    readme = (root / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"```sh\n(.+?)\n```", readme)
    assert commands[:2] == [
        "python3 -m venv .venv && .venv/bin/pip install -e . && .venv/bin/bibkaz extract seeds/",
        'python3 -m venv .venv && .venv/bin/pip install -q -e ".[test]" && .venv/bin/python -m pytest',
    ]
    ci = (root / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert commands[1] in ci


def test_fuzz_corpus_strings_round_trip_through_pybtex_and_bibtex(tmp_path):
    """The fuzz suite's reference strings (bench/fuzzlib.py; seeded, cut to 2,000
    characters to keep the run short) through the writer, pybtex, BibTeX and our reader."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    fuzzlib = pytest.importorskip("fuzzlib")
    rnd = random.Random(12)
    seeds = fuzzlib.seed_strings(fuzzlib.seed_documents())
    strings = [fuzzlib.make_string(rnd, seeds)[:2000] for _ in range(150)]
    text = format_entries(_records(strings), "biblatex")
    db = _pybtex(text)
    assert len(db.entries) == len(strings)
    back = dict(read_records_text(text))
    assert [back[f"k{i}"].title for i in range(len(strings))] == [_text(s or "t") for s in strings]
    if shutil.which("bibtex"):
        assert [e["KEY"] for e in _bibtex_dump(tmp_path, text)] == list(db.entries)


def test_other_commands_name_a_malformed_entry_and_keep_the_rest(tmp_path):
    bib = tmp_path / "a.bib"
    bib.write_text(BROKEN_BIB, encoding="utf-8")
    result = CliRunner().invoke(main, ["export", str(bib), "--to", "ris", "-o", str(tmp_path / "a.ris")])
    assert "a.bib:3: malformed entry 'broken2021': unbalanced braces" in result.stderr
    assert "wrote 5 items" in result.output + result.stderr

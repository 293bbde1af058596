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
    assert list(db.entries) == ["evil2020title"]
    ((_, record),) = read_records_text(text)
    assert 'A title } @misc{pwned, title = "Injected title"} {' in record.title
    if shutil.which("bibtex"):
        dumped = _bibtex_dump(tmp_path, text)
        assert [e["KEY"] for e in dumped] == ["evil2020title"]


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

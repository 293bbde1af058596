"""Issue 12, part A: each reproducer of a crash or a quadratic slow-down, as a test.

Linearity is checked by counting, not by timing: the number of regex scans or the
characters examined must grow in proportion to the input. Where a whole run is
exercised, a generous subprocess-free time limit is only a hang guard.
"""

from __future__ import annotations

import re

from click.testing import CliRunner

from bibkaz.cli import main
from bibkaz.extract import calls, text as text_mod
from bibkaz.extract.author_date import find_author_date
from bibkaz.extract.calls import glued_calls, superscript_calls
from bibkaz.extract.text import paragraphs, sentence_around
from bibkaz.limits import MAX_LINE_CHARS, MAX_PARAGRAPH_CHARS, MAX_REFERENCE_CHARS
from bibkaz.parse.normalise.pages import normalise_pages
from bibkaz.parse.rules import _first_sentence, parse_rules
from bibkaz.read.decode import decode_bytes
from bibkaz.read.html import html_to_text

GOOD = """A Brief on Rivers

Dams matter (Nguyen, 2019, p. 4).

References

Nguyen, T. (2019). Rivers of power. Water Policy, 21(2), 10–20. https://doi.org/10.2166/wp.2019.001
"""


def extract(tmp_path, files: dict[str, bytes]):
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, data in files.items():
        (docs / name).write_bytes(data)
    out = tmp_path / "out.bib"
    result = CliRunner().invoke(main, ["extract", str(docs), "-o", str(out), "-q"])
    return result, (out.read_text(encoding="utf-8") if out.exists() else "")


# --- decoding: a BOM then bytes that are not UTF-8 ---------------------------------

def test_bom_then_bad_bytes_beside_good_briefs_writes_the_good_ones(tmp_path):
    result, bib = extract(tmp_path, {"b.txt": b"\xef\xbb\xbfA\xff\n", "good.txt": GOOD.encode()})
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert "b.txt:1: not valid UTF-8" in result.output and "0xff" in result.output
    assert "nguyen2019rivers" in bib


def test_decoding_never_raises_and_names_the_first_bad_line():
    decoded = decode_bytes(b"ok\nstill ok\nbad \x81 byte\n", "x.txt")  # 0x81: undefined in cp1252
    assert decoded.encoding == "utf-8-replaced" and decoded.bad_line == 3 and decoded.bad_byte == "0x81"
    assert "\ufffd" in decoded.text and decoded.text.startswith("ok\nstill ok\n")
    assert decode_bytes("café".encode("cp1252"), "x").text == "café"
    assert decode_bytes("café".encode("utf-16"), "x").text == "café"
    assert decode_bytes(b"\xef\xbb\xbfcaf\xc3\xa9", "x").encoding == "utf-8-sig"


def test_pdf_and_docx_get_one_line_saying_what_is_read_and_how_to_convert(tmp_path):
    result, bib = extract(tmp_path, {"paper.txt": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00",
                                     "brief.txt": b"PK\x03\x04\x14\x00\x06\x00", "good.txt": GOOD.encode()})
    lines = [line for line in result.output.splitlines() if "paper.txt" in line or "brief.txt" in line]
    assert len(lines) == 2
    assert all(".txt, .md" in line and ".html" in line for line in lines)
    assert "pdftotext" in lines[1] and "pandoc" in lines[0]
    assert "nguyen2019rivers" in bib


def test_an_exception_in_one_document_is_a_problem_not_a_lost_run(tmp_path, monkeypatch):
    # No known input still makes extraction raise (the fuzz suite checks that), so a bug
    # is planted in one document's extraction; the rest of the pipeline runs for real.
    from bibkaz import pipeline

    real = pipeline.find

    def find_with_a_bad_line(document):
        found = real(document)
        if document.id == "bad":
            raise ZeroDivisionError("division by zero")
        return found

    monkeypatch.setattr(pipeline, "find", find_with_a_bad_line)
    result, bib = extract(tmp_path, {"bad.txt": GOOD.encode(), "good.txt": GOOD.replace("Nguyen", "Tran").encode()})
    assert result.exit_code == 1
    assert "bad.txt: extraction failed (ZeroDivisionError" in result.output
    assert "tran2019rivers" in bib


# --- HTML that made html.parser assert ---------------------------------------------

def test_broken_markup_declarations_do_not_assert(tmp_path):
    assert html_to_text("<![\n") == "\n"
    assert html_to_text("a <![foo[ b").startswith("a")
    result, bib = extract(tmp_path, {"m.html": b"<![\n", "n.html": b"a <![foo[ b", "good.txt": GOOD.encode()})
    assert "Traceback" not in result.output and "nguyen2019rivers" in bib


def test_html_text_keeps_blocks_superscripts_and_italics():
    # italics are marked in list items and <cite> only; in a paragraph they are plain words (as w3m shows them)
    html = "<p>Rivers rise.<sup>1</sup> See <em>Water</em> &amp; power.<br>Next</p><script>x</script><p>B</p>"
    assert html_to_text(html) == "Rivers rise.¹ See Water & power.\nNext\n\nB\n"
    assert "*Water*" in html_to_text("<ul><li>Lee, A. <em>Water</em>. 2020.</li></ul>")


# --- quadratic paths, checked by counting -------------------------------------------

class Counting:
    """Wraps a compiled pattern and counts the characters its searches are given."""

    def __init__(self, pattern: re.Pattern[str]):
        self.pattern, self.chars = pattern, 0

    def _span(self, s, pos=0, endpos=None):
        self.chars += (len(s) if endpos is None else min(endpos, len(s))) - pos

    def search(self, s, pos=0, endpos=None):
        self._span(s, pos, endpos)
        return self.pattern.search(s, pos, endpos if endpos is not None else len(s))

    def finditer(self, s, pos=0, endpos=None):
        self._span(s, pos, endpos)
        return self.pattern.finditer(s, pos, endpos if endpos is not None else len(s))


def _scanned(monkeypatch, module, name, run, n):
    counter = Counting(getattr(module, name))
    monkeypatch.setattr(module, name, counter)
    run(n)
    return counter.chars


def test_superscript_calls_scan_linearly(monkeypatch):
    def run(n):
        text_mod._sentence_ends.cache_clear()
        found = superscript_calls(paragraphs(["text¹ " * n]))
        assert len(found) == n

    small = _scanned(monkeypatch, text_mod, "_SENTENCE_END", run, 1000)
    large = _scanned(monkeypatch, text_mod, "_SENTENCE_END", run, 8000)
    assert large <= 8 * small * 1.1
    unit_small = _scanned(monkeypatch, calls, "_UNIT_BEFORE", run, 1000)
    unit_large = _scanned(monkeypatch, calls, "_UNIT_BEFORE", run, 8000)
    assert unit_large <= 8 * unit_small * 1.1


def test_sentence_around_is_unchanged():
    # the answers the old scan-from-the-start version gave, break rules and all
    t = "One claim.¹ Two “claims.” Three. (Four) five? Six"
    assert sentence_around(t, t.index("¹"), t.index("¹") + 1) == "One claim.¹ Two “claims.”"
    assert sentence_around(t, t.index("Three"), t.index("Three") + 5) == "Two “claims.” Three."
    assert sentence_around(t, t.index("five"), t.index("five") + 4) == "(Four) five?"


def test_glued_calls_do_not_rescan_the_paragraph(monkeypatch):
    def body(n):
        return " ".join(f"A claim about policy.{i}" for i in range(1, n + 1))

    def run(n):
        text_mod._sentence_ends.cache_clear()
        found = glued_calls(paragraphs([body(n)]))
        assert [c.label for c in found] == list(range(1, n + 1))

    small = _scanned(monkeypatch, text_mod, "_SENTENCE_END", run, 100)
    large = _scanned(monkeypatch, text_mod, "_SENTENCE_END", run, 800)
    assert large <= 8 * small * 1.2
    # the year-or-number test looks at most 5 characters back
    assert [c.label for c in glued_calls(paragraphs(["In 2022.1 and 1,800 km.2 and G20.3"]))] == [1, 2]


def test_pages_of_16000_zeros_is_found_without_backtracking():
    assert normalise_pages("0" * 16000) == "0" * 16000
    assert normalise_pages("pp. 975–93.") == "975-993"
    assert normalise_pages("5a12-15") == "a12-15"  # a letter before digits may still start a range


def test_first_sentence_of_smith_repeated_looks_back_a_few_characters(monkeypatch):
    from bibkaz.parse import rules

    def run(n):
        assert _first_sentence("Smith, J. " * n) == ("Smith, J. " * n, "")

    small = _scanned(monkeypatch, rules, "_ABBREV", run, 640)
    large = _scanned(monkeypatch, rules, "_ABBREV", run, 6400)
    assert large <= 10 * small * 1.1
    assert _first_sentence("Smith, J. Dr. Who. Title here. Rest") == ("Smith, J. Dr. Who.", "Title here. Rest")


def test_narrative_citations_in_long_runs_of_capitals_and_names():
    # "A" * n and "Smith, J. " * n made the narrative pattern retry every position.
    assert find_author_date(paragraphs(["A" * 20000])) == []
    found = find_author_date(paragraphs(["Smith, J. " * 2000 + "as Nguyen and Lee (2019) show."]))
    assert [(c.names, c.year) for c in found] == [(("Nguyen", "Lee"), "2019")]


def test_one_paragraph_of_many_reference_lines_is_read_in_bounded_pieces():
    line = "Author, A. (2001). Title number. Journal of Things, 4(2), 1-9."
    n = 2 * MAX_PARAGRAPH_CHARS // len(line)
    paras = paragraphs([line] * n)
    assert len(paras) >= 2 and all(len(p.text) <= MAX_PARAGRAPH_CHARS for p in paras)
    assert sum(len(p.line_starts) for p in paras) == n


# --- the guard: limits with a warning and a partial result --------------------------

def test_over_long_line_and_reference_are_cut_with_a_warning(tmp_path):
    long_line = ("word " * (MAX_LINE_CHARS // 5 + 100)).strip()
    result, bib = extract(tmp_path, {"long.txt": (GOOD + "\n" + long_line + "\n").encode()})
    assert f"over the {MAX_LINE_CHARS:,} limit" in result.output and "long.txt:9:" in result.output
    assert "nguyen2019rivers" in bib
    record = parse_rules("Smith, J. " * 6400)  # 13.9 s before; now a partial, flagged record
    assert record.title and record.confidence < 1


def test_parse_command_cuts_a_huge_string_with_a_warning():
    result = CliRunner().invoke(main, ["parse", "0" * 16000, "--format", "json"])
    assert result.exit_code == 0
    assert f"over the {MAX_REFERENCE_CHARS:,} limit" in result.stderr and '"key"' in result.stdout


def test_author_date_linking_compares_a_citation_with_its_year_only(monkeypatch):
    from bibkaz.extract import linker
    from bibkaz.extract.author_date import AuthorDate
    from bibkaz.model import Name, RawReference, Record

    def run(n):
        records = {RawReference("d", "reference-list", f"Smith {1900 + i}", i, i):
                   Record(type="book", title="T", authors=(Name(family="Smith", given="J."),), date=str(1900 + i))
                   for i in range(n)}
        cites = [AuthorDate(("Smith",), str(1900 + i), "", "", "Smith", 1, "") for i in range(n)]
        mentions = linker.link_author_date("d", cites, records)
        assert all(m.reference is not None for m in mentions)

    calls_made = []
    real = linker._matches
    monkeypatch.setattr(linker, "_matches", lambda *a: calls_made.append(1) or real(*a))
    run(300)
    assert len(calls_made) == 300  # one candidate per citation, not 300 × 300


def test_keys_for_thousands_of_records_with_one_base_are_not_quadratic(monkeypatch):
    from bibkaz.model import Name, Record
    from bibkaz.resolve import keys

    tried = []
    real = keys.suffixes

    def counted():
        for s in real():
            tried.append(s)
            yield s

    monkeypatch.setattr(keys, "suffixes", counted)
    records = [Record(type="book", title="Title", authors=(Name(family="Smith"),), date="2001")] * 2000
    assigned = keys.assign_keys(records)
    assert len(set(assigned)) == 2000 and assigned[:3] == ["smith2001title", "smith2001titlea", "smith2001titleb"]
    assert len(tried) == 2000  # each suffix tried once, not 2000 × 2000 / 2


def test_a_link_with_an_unpaired_bracket_in_its_host_costs_nothing(tmp_path):
    # Fuzz seed 45 (2026-11-30): "http://[x" in a body made urlsplit raise "Invalid IPv6 URL" and the
    # document's extraction fail.
    from bibkaz.pipeline import extract_document

    path = tmp_path / "brief.txt"
    path.write_text("A brief\n\nSee http://[2001:db8::1/page and https://example.org/report for more.\n", encoding="utf-8")
    extraction, _ = extract_document(path)
    assert any("example.org/report" in r.text for r in extraction.references)


def test_note_calls_beyond_the_limit_are_not_read(tmp_path):
    # Fuzz seed 46: 417,128 superscript calls in an 8.9 MB file made mentions worth 4.8 GB.
    from bibkaz.limits import MAX_CALLS
    from bibkaz.pipeline import extract_document

    body = "\n".join("A claim¹ and a claim¹ again. " * 200 for _ in range(MAX_CALLS // 400 + 10))
    path = tmp_path / "brief.txt"
    path.write_text("A brief\n\n" + body + "\n\n¹ Ann Lee, Title of a Work (Oxford: Press, 2020).\n", encoding="utf-8")
    extraction, _ = extract_document(path)
    notes = [m for m in extraction.mentions if m.kind == "note"]
    assert 0 < len(notes) <= MAX_CALLS
    assert any(f"over the {MAX_CALLS:,} limit" in w for w in extraction.warnings)


def test_calls_past_the_limit_are_not_even_collected(tmp_path):
    # Fuzz seed 50: a 9.6 MB file of "[1][1][1]…" lines peaked at 997 MB: every one of ~1.2 million
    # bracket calls was collected, each with its sentence, before the list was cut to MAX_CALLS.
    from bibkaz.extract.calls import bracket_calls, superscript_calls
    from bibkaz.extract.text import paragraphs

    paras = paragraphs(["A claim [1][2] and¹ ²" * 50 for _ in range(200)])
    assert len(bracket_calls(paras, limit=100)) == 101
    assert len(superscript_calls(paras, limit=100)) == 101
    assert len(bracket_calls(paras)) == 200 * 50 * 2


def test_case_names_are_read_within_a_bounded_window_and_long_names_still_found():
    # The case pattern reads at most a dozen words on either side of "v." (a fuzzed 42 KB line of
    # capitalised words with no "v." made it read the whole run from every word: quadratic).
    from bibkaz.extract.legal_cases import find_case_names

    lines = ["In Nestlé USA, Inc. v. Doe, the Court held so; " + "Programme of the European Union" * 300 + ".",
             "",
             "See Trade Commission of the State of New York v. Alpha Beta Gamma Holdings, Inc. today."]
    names = [c.name for c in find_case_names(paragraphs(lines))]
    assert names == ["Nestlé USA, Inc. v. Doe",
                     "Trade Commission of the State of New York v. Alpha Beta Gamma Holdings, Inc."]


def test_a_contact_label_is_looked_for_right_before_a_link_only(tmp_path):
    # Fuzz seed 53: a 56 KB web page on one line took 10.9 CPU s, the contact-label patterns being
    # tried at every position of the whole line before each link. Now a window before the link.
    from bibkaz.extract.in_text import _labelled_contact

    line = ("word" * 3000 + " ") * 4 + "   Web site: www.gao.gov/fraudnet and the report https://example.org/r1"
    assert _labelled_contact(line, "www.gao.gov/fraudnet")
    assert not _labelled_contact(line, "https://example.org/r1")
    assert not _labelled_contact("See the Web site: https://example.org/x", "https://example.org/x")


def test_the_own_citation_footer_is_counted_once_for_the_whole_document():
    # A 10 MB file of reference lines ("(2020). Title …") took minutes: each citation past the first
    # page was looked for in every line. Counted once now; a footer printed twice still counts.
    from bibkaz.extract.metadata.own_citation import own_citation

    title = "eyecite: A tool for parsing legal citations"
    footer = "Cushman et al., (2021). eyecite: A tool for parsing legal citations. Journal of Open Source Software, 6(66), 3617."
    lines = ["Some text."] * 100 + [footer, "More text."] * 2 + [f"Lee, (2020). Work number {n}." for n in range(20000)]
    found = own_citation(lines, title)
    assert found is not None and found.year.value == "2021"
    assert own_citation(["Some text."] * 100 + [footer], title) is None

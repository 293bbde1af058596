"""The line finder's document-wide passes give what the line-by-line definitions give.

The finder reads a document's lines once as a whole (joined with newlines) where it used to
read every line on its own: note calls, line shapes, character counts and the content signs.
Each test holds the whole-document pass to the line-by-line definition, on the finder's test
documents and the corpus's development documents, as they are and with characters spliced in
that case-fold to ASCII letters, that no line-by-line ASCII shortcut covers.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from bibkaz.extract.finder.features import content
from bibkaz.extract.finder.features.vocabulary import NAMES
from bibkaz.extract.finder.lines import Line, _digit_lines, _first_calls, _new_line, _shapes, document_lines, joined_lines
from bibkaz.extract.text import SUPERSCRIPT_DIGITS, superscript_value
from bibkaz.read import read_document

HERE = Path(__file__).resolve().parent


def names(ids: list[int]) -> list[str]:
    return [NAMES[i] for i in ids]

#: Spliced into every third line: letters a case-insensitive pattern matches to ASCII ones (but not
#: "İ", whose lower case is two characters and sends a document down the line-by-line path), note
#: calls of each kind, and signs at a line's edges.
ODD = ["\u212a", "ſ", "ı", " ſep 5 ", " edıted by ", " ſubscribe ", " doı ", " 10.1/x ", "“", "–", "©",
       "¹", "²³", "*", "(12)", "pp. 4", "text.3", "[4]", "Σ", "ǅ", "٣", "Ⅻ", "½", " ﬁ "]


def _documents() -> list[list[str]]:
    paths = sorted((HERE / "finder").iterdir()) + sorted((HERE / "corpus" / "dev").glob("*.txt"))[:40]
    docs = [list(read_document(p).lines) for p in paths]
    rng = random.Random(11)
    for doc in list(docs):
        docs.append([line if not line.strip() or i % 3 else line[:len(line) // 2] + rng.choice(ODD)
                     + line[len(line) // 2:] for i, line in enumerate(doc)])
        docs.append([rng.choice(ODD) + line.strip() + rng.choice(ODD) if line.strip() and i % 4 == 0 else line
                     for i, line in enumerate(doc)])
    return docs


#: The note-call pattern as it is defined line by line: each branch after a character that is not
#: white space.
_CALL_BY_LINE = re.compile(r"(?<=\S)(?:(?P<sup>[" + SUPERSCRIPT_DIGITS + r"]{1,3})|\[(?P<br>\d{1,3})\]|"
                           r"(?<=[a-z.,;:”\"’)])(?P<glued>\d{1,2})(?=[\s.,;:]|$)|"
                           r"(?:(?<=[a-z])|(?<=[a-z][.,;:”\"’)])|(?<=[a-z][.,;:”\"’)]{2}))(?P<long>\d{3})(?=[\s.,;:]|$))")


def _first_calls_by_line(texts: list[str]) -> dict[int, int]:
    first: dict[int, int] = {}
    for i, text in enumerate(texts):
        for m in _CALL_BY_LINE.finditer(text):
            first.setdefault(superscript_value(m.group("sup") or m.group("br") or m.group("glued") or m.group("long")), i)
    return first


def test_note_calls_and_shapes_found_in_the_whole_document_are_those_of_each_line():
    checked = 0
    for doc in _documents():
        texts = [line.stripped for line in document_lines(doc)]
        joined = "\n".join(texts)
        has_digit = _digit_lines(joined_lines(tuple(texts)))
        by_line = _first_calls_by_line(texts)
        assert _first_calls(texts) == _first_calls(texts, has_digit) == by_line
        half = len(texts) // 2  # the calls before a line: those of the whole document that come before it
        assert _first_calls(texts, has_digit, half) == {value: i for value, i in by_line.items() if i < half}
        assert _shapes(texts, joined) == _shapes(texts, joined, has_digit) == \
            _shapes(texts, joined, has_digit, joined_lines(tuple(texts)).low) == \
            [re.sub(r"\d+", "#", t.lower())[:60] for t in texts]
        checked += len(texts)
    assert checked > 10_000


def test_a_line_holding_a_newline_is_still_read_on_its_own():
    texts = ["See the report.¹", "one\nline 12", "²"]
    joined = "\n".join(texts)
    has_digit = _digit_lines(joined_lines(tuple(texts)))
    assert has_digit == [True, True, True]
    assert _first_calls(texts, has_digit) == _first_calls_by_line(texts) == {1: 0}
    assert _shapes(texts, joined, has_digit) == _shapes(texts, joined) == ["see the report.¹", "one\nline #", "²"]


def test_character_counts_and_signs_of_the_whole_document_are_those_of_each_line():
    checked = 0
    for doc in _documents():
        texts = [line.stripped for line in document_lines(doc)]
        if not texts:
            continue
        for text, (signs, letters, upper, digits) in zip(texts, content._document_signs(texts)):
            expected = content._signs(text, text.lower())
            assert (names(signs), letters, upper, digits) == expected, text
            assert (letters, upper, digits) == (sum(map(str.isalpha, text)), sum(map(str.isupper, text)),
                                                sum(map(str.isdigit, text)))
            checked += 1
    assert checked > 10_000


#: Case-insensitive signs whose gate looks for ASCII strings only: a letter folded to ASCII ("ſ" for
#: "s") may make their pattern match where the gate lets no line through, and the gate decides.
_ASCII_GATED = {"url", "social", "access", "copyright", "ibid", "etal"}


def test_sign_counts_are_the_patterns_own_where_the_gates_let_a_line_through():
    """The document pass drops the per-line gates but the digit one (and the doi and pages ones):
    on every line, a sign's count is its pattern's count on lines the gates pass, 0 elsewhere."""
    for doc in _documents()[::4]:
        texts = [line.stripped for line in document_lines(doc)]
        if not texts:
            continue
        for text, (signs, *_rest) in zip(texts, content._document_signs(texts)):
            low = text.lower()
            digits = sum(map(str.isdigit, text))
            for i, (name, pattern) in enumerate(content._SIGNS):
                if name in content._WORD_SIGNS:
                    continue
                need = content._NEEDS.get(name)
                gated = ((digits or name not in content._NEEDS_DIGIT) and (need is None or need(text, low))
                         and (name not in content._PREFILTER or content._PREFILTER[name].search(text)))
                count = len(pattern.findall(text)) if gated else 0
                assert NAMES[signs[i]] == content._BUCKETS[name][min(count, 2)], (name, text)
                if name not in _ASCII_GATED:  # the other gates only skip lines the pattern cannot match
                    raw = len(pattern.findall(text)) if digits or name not in content._NEEDS_DIGIT else 0
                    assert count == raw, (name, text)


def test_lines_are_built_as_the_dataclass_builds_them():
    values = (3, "  1. Lee", "1. Lee", 2, 1, 0, True, "dot", 1, "Lee", 1, False, True, False, 0.5, 4, -1, 0.9, True)
    fast, slow = _new_line(values), Line(*values)
    assert fast == slow and repr(fast) == repr(slow) and hash(fast) == hash(slow)


def test_a_sentence_end_inside_a_line_is_found_as_the_plain_pattern_finds_it():
    plain = re.compile(r"[a-z]{3}[.!?]\s+[A-Z][a-z]")
    checked = 0
    for doc in _documents()[::3]:
        for line in document_lines(doc):
            assert bool(content._SENTENCE_INSIDE.search(line.stripped)) == bool(plain.search(line.stripped))
            checked += 1
    assert checked > 5000


def test_the_signs_that_open_with_what_they_match_count_as_they_were_first_written():
    """year, pages and sup-digit open with the characters their match starts with (content.py says
    why): on every line they match as often as the patterns first written, which look behind first."""
    edges = ["x.12 3", "a.123 ", "word,4", "end.¹²", "a¹", ")²", "(1999)", "21999", "1999a", "2020-21", "p.5",
             "pp. 12–14", "app. 3", "12 - 14", "x1950", "“2001”", "a.5", "A.5"]
    lines = [line.stripped for doc in _documents() for line in document_lines(doc)]
    lines += [a + b for a in edges for b in edges]
    checked = 0
    for name, first_written in content.SIGN_DEFINITIONS.items():
        pattern = dict(content._SIGNS)[name]
        for text in lines:
            assert len(pattern.findall(text)) == len(first_written.findall(text)), (name, text)
            checked += bool(first_written.search(text))
    assert checked > 1000


def test_the_per_line_shortcuts_give_what_the_plain_definitions_give():
    """Where a feature module makes a line's feature without calling the function that defines it
    (layout's neighbour comparisons, section's test for a heading's name at a line's end, opening's
    first-character class, document_lines's lines that open with no marker), the feature is what
    that function gives, on every line (spliced ones included) and on headings made for the test."""
    from bibkaz.extract.finder.features import layout, opening as opening_features, section
    from bibkaz.extract.finder.lines import opening

    headings = ["References", "NOTES:", "  **Sources and further reading**", "Notes [edit]", "1. Bibliography",
                "Endnotes __", "WORKS CITED\t:", "Bibliografía", "Further ſources", "Literatur *", "See the notes"]
    checked = 0
    for doc in _documents()[::2] + [headings, [h.lower() + " x" for h in headings]]:
        lines = document_lines(doc)
        if not lines:
            continue
        compared = {"indent-vs-prev", "len-vs-prev", "indent-vs-next"}
        for i, (line, features) in enumerate(zip(lines, layout.observe(lines))):
            got = {f.partition("=")[0]: f.partition("=")[2] for f in features if f.partition("=")[0] in compared}
            want = {}
            if i:
                want["indent-vs-prev"] = layout._compare(line.indent, lines[i - 1].indent, 1)
                want["len-vs-prev"] = layout._compare(len(line.stripped), len(lines[i - 1].stripped), 10)
            if i + 1 < len(lines):
                want["indent-vs-next"] = layout._compare(line.indent, lines[i + 1].indent, 1)
            assert got == want, line.stripped
        for line, features in zip(lines, section.observe(lines)):
            kind = section.heading_kind(line.stripped)
            assert [f for f in features if f.startswith("heading-word=")] == ([f"heading-word={kind}"] if kind else [])
        for line, features in zip(lines, opening_features.observe(lines)):
            assert f"first={opening_features._first_class(line.rest)}" in features
            if line.marker == "bullet":
                assert f"bullet-first={opening_features._first_class(line.rest)}" in features
            assert (line.marker, line.value, line.rest) == opening(line.stripped)
            checked += 1
    assert checked > 5000
    assert sum(bool(section.heading_kind(h)) for h in headings) >= 8


def _non_blank_by_loop(lines: list[str]) -> tuple[list[int], list[str], list[int], list[bool]]:
    """The non-blank lines as document_lines first read them, one line after another."""
    out: tuple[list, list, list, list] = ([], [], [], [])
    blanks, page_break = 0, False
    for number, line in enumerate(lines, start=1):
        if "\f" in line:
            page_break, line = True, line.replace("\f", "")
        if not line.strip():
            blanks += 1
            continue
        for column, value in zip(out, (number, line.rstrip(), blanks, page_break)):
            column.append(value)
        blanks, page_break = 0, False
    return out


def _page_distances_by_walk(page_breaks: list[bool]) -> tuple[list[int], list[int]]:
    """Distances to the page breaks as document_lines first walked them."""
    breaks = [i for i, b in enumerate(page_breaks) if b] + [-1]
    to_break, from_break, k = [], [], 0
    for i in range(len(page_breaks)):
        while 0 <= breaks[k] <= i:
            k += 1
        previous = breaks[k - 1] if k else -1
        to_break.append(breaks[k] - i if breaks[k] >= 0 else -1)
        from_break.append(i - previous if previous >= 0 else -1)
    return to_break, from_break


def test_lines_and_page_distances_read_column_by_column_are_those_read_line_by_line():
    from bibkaz.extract.finder.lines import _non_blank, _page_distances

    blank_kinds = ["", " ", "\t", "\u00a0", "\x1c", "\u2003 ", "\r"]
    rng = random.Random(5)
    for doc in _documents()[::3]:
        with_blanks = [rng.choice(blank_kinds) if i % 7 == 3 else line for i, line in enumerate(doc)]
        with_pages = [("\f" + line) if i % 11 == 5 else line for i, line in enumerate(with_blanks)]
        for lines in (doc, with_blanks, with_pages, [], ["", " "], ["\f"]):
            assert _non_blank(lines) == _non_blank_by_loop(lines)
    for _ in range(300):
        breaks = [rng.random() < 0.1 for _ in range(rng.randrange(0, 40))]
        assert _page_distances(breaks) == _page_distances_by_walk(breaks)

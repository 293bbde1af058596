"""The trained line finder on the shapes real briefs take (tests/finder/, written for these tests).

Each document has one of the shapes that hand-written rules lost: bulleted
entries without blank lines, an endnote number glued to its first word, page-end
footnotes with a number alone on its line and a note running over a page break,
and a document that cites nothing although it has numbered and bulleted lists.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bibkaz.extract import find
from bibkaz.extract.finder import labels as L
from bibkaz.extract.finder.lines import document_lines, opening
from bibkaz.extract.finder.model import MODEL_PATH, LineFinder, finder
from bibkaz.model import BibkazError
from bibkaz.pipeline import build_library
from bibkaz.read import read_document

HERE = Path(__file__).resolve().parent / "finder"


def _extract(name: str):
    document = read_document(HERE / name)
    return find(document)


@pytest.mark.parametrize(
    "line, expected",
    [
        ("1. Lee, A.", ("dot", 1, "Lee, A.")),
        ("[12] A. Lee", ("bracket", 12, "A. Lee")),
        ("4Maria Ruiz, Title", ("glued", 4, "Maria Ruiz, Title")),
        ("3", ("alone", 3, "")),
        ("¹² Lee", ("sup", 12, "Lee")),
        ("[^7]: Lee", ("md-note", 7, "Lee")),
        ("1- Lee", ("dash", 1, "Lee")),
        ("-   Gleick, P.", ("bullet", None, "Gleick, P.")),
        ("2020 was a year", ("none", None, "2020 was a year")),
    ],
)
def test_openings(line, expected):
    assert opening(line) == expected


def test_numbers_in_sequence_are_seen_both_ways():
    lines = document_lines(["1 A note.", "", "2 Another.", "text", "3 Third.", "7 stray"])
    assert [(x.continues, x.followed) for x in lines] == [
        (False, True), (True, True), (False, False), (True, False), (False, False)]


def test_a_note_number_continues_its_sequence_however_far_the_last_note_stands():
    """Footnotes of a long page: note 3 comes 80 lines after note 2, beyond the window of `continues`."""
    text = ["1 First note."] + [f"Body line {i} of a long page with words." for i in range(40)] + ["2 Second."]
    text += [f"More body {i} on the next long page here." for i in range(80)] + ["3 Third.", "7 stray"]
    lines = document_lines(text)
    numbered = [line for line in lines if line.value is not None]
    assert [(x.value, x.continues, x.continues_far) for x in numbered] == [
        (1, False, False), (2, True, True), (3, False, True), (7, False, False)]


def test_line_width_is_measured_against_the_documents_full_line():
    """A PDF conversion's footnote lines (smaller type) hold more characters than its body lines."""
    body = ["x" * 80] * 20
    lines = document_lines(body + ["y" * 100, "z" * 30, "heading"])
    assert [round(x.width, 2) for x in lines[-3:]] == [1.25, 0.38, 0.09]
    assert all(x.width == 0.0 for x in document_lines(["short line"] * 30))  # not wrapped to a width


def test_table_columns_are_seen_as_gaps():
    from bibkaz.extract.finder.features import layout

    lines = document_lines(["Year   Cases   Deaths", "2019  1,204  33", "A sentence with  one double space."])
    gaps = [[f for f in features if f.startswith("gaps=")] for features in layout.observe(lines)]
    assert gaps == [["gaps=2+"], ["gaps=2+"], ["gaps=1"]]


def test_documents_set_in_columns_side_by_side_are_not_trained_on():
    """A two-column reference list or a table of works puts two entries on one line: no one label
    per line says what such a line is, so training leaves the document out (scoring keeps it)."""
    from bibkaz.extract.finder.training.corpus import side_by_side

    assert side_by_side({"list_entries": [{"line": 5, "end_line": 8}, {"line": 7, "end_line": 9}]})
    assert side_by_side({"list_entries": [{"line": 5, "end_line": 8}], "notes": [{"line": 8}]})
    assert not side_by_side({"list_entries": [{"line": 5, "end_line": 8}, {"line": 9}], "notes": [{"line": 20}]})


def test_bulleted_reference_list_without_blank_lines_is_one_entry_per_bullet():
    _, refs, _, author_date, _ = _extract("bulleted_apa.md")
    texts = [r.text for r in refs if r.kind == "reference-list"]
    assert len(texts) == 3
    assert texts[0].startswith("Gleick, P. H.") and texts[1].startswith("Reisner, M.")
    assert len(author_date) == 2


def test_endnote_number_glued_to_first_word_keeps_the_sequence():
    _, refs, mentions, _, _ = _extract("glued_endnotes.txt")
    notes = [r for r in refs if r.kind == "endnote"]
    assert [r.label for r in notes] == ["1", "2", "3", "4"]
    assert notes[3].text.startswith("Maria Ruiz, Chokepoints")
    assert [m.marker for m in mentions if m.reference is not None] == ["1", "2", "3", "4"]


def test_page_end_footnotes_number_alone_and_note_over_a_page_break():
    _, refs, mentions, _, _ = _extract("pdf_footnotes.txt")
    notes = {r.label: r for r in refs if r.kind == "footnote"}
    assert sorted(notes) == ["1", "2", "3"]  # note 4 explains, it cites nothing
    assert notes["2"].text.endswith("(London: LMA, 2022), 3.")
    assert notes["3"].text.startswith("United Nations, Black Sea Grain Initiative")
    assert not any("Policy Brief 7" in r.text for r in refs)
    linked = {m.marker for m in mentions if m.reference is not None}
    assert linked == {"1", "2", "3"}


def test_a_document_that_cites_nothing_gets_no_references():
    built = build_library([HERE / "nothing_cited.md"])
    assert [w for w in built.library.works if not w.document] == []


def test_labels_cover_every_non_blank_line():
    text = (HERE / "glued_endnotes.txt").read_text(encoding="utf-8").split("\n")
    lines, labels = finder().label(text)
    assert len(lines) == len(labels) == sum(1 for t in text if t.strip())
    assert set(labels) <= set(L.LABELS)
    assert labels[-4:] == [L.NOTE_START] * 4


def test_shipped_model_loads_and_a_broken_one_is_refused(tmp_path):
    assert MODEL_PATH.exists()
    bad = tmp_path / "broken.crfsuite"
    bad.write_bytes(b"not a model")
    with pytest.raises(BibkazError, match="cannot load the line finder model"):
        LineFinder(bad)


def test_a_note_that_is_only_a_url_is_a_web_page_not_a_malformed_reference(tmp_path):
    (tmp_path / "links.txt").write_text(
        "Shipping Notes\n\nTraffic fell sharply.1 Rates rose.2\n\nNotes\n\n"
        "1 https://www.example.org/reports/traffic-2023.pdf\n"
        "2 https://doi.org/10.1000/xyz123\n", encoding="utf-8")
    built = build_library([tmp_path / "links.txt"])
    works = {w.record.url or w.record.doi: w.record for w in built.library.works if not w.document}
    assert works["https://www.example.org/reports/traffic-2023.pdf"].type == "webpage"
    assert works["10.1000/xyz123"].type == "article-journal"
    assert not any("flagged for review" in w for w in built.library.warnings)


def test_quiet_counts_review_warnings_in_one_line_and_explain_lists_them(tmp_path):
    from click.testing import CliRunner

    from bibkaz.cli import main

    (tmp_path / "odd.txt").write_text(
        "Odd Brief on Things\n\nA claim.¹ Another.²\n\n"
        "¹ see the thing from 2019 again and again\n\n² and the other one from 2018 once more\n", encoding="utf-8")
    out = tmp_path / "o.bib"
    loud = CliRunner().invoke(main, ["extract", str(tmp_path / "odd.txt"), "-o", str(out)])
    flagged = [line for line in loud.output.splitlines() if "flagged for review" in line]
    assert flagged, loud.output
    quiet = CliRunner().invoke(main, ["extract", str(tmp_path / "odd.txt"), "-o", str(out), "-q"])
    assert [line for line in quiet.output.splitlines() if "flagged for review" in line] == [
        f"bibkaz: {len(flagged)} reference{'s' if len(flagged) > 1 else ''} flagged for review: --explain lists them"]
    explained = CliRunner().invoke(main, ["extract", str(tmp_path / "odd.txt"), "-o", str(out), "-q", "--explain"])
    assert sum(line.startswith("review: ") for line in explained.output.splitlines()) == len(flagged)


def test_training_on_corpus_gold_writes_models_that_label(tmp_path):
    """The training loop end to end on the corpus's dev gold (the shared data is not needed for this)."""
    from bibkaz.extract.finder.training.corpus import corpus_documents
    from bibkaz.extract.finder.training.train import train_finder
    from bibkaz.extract.note_parts.model import label_segments
    from bibkaz.extract.note_parts.segments import segments
    from bibkaz.extract.note_parts.training import corpus_notes, train_note_parts

    dev = Path(__file__).resolve().parent / "corpus" / "dev"
    docs = list(corpus_documents(dev))
    assert docs and all(len(d.lines) == len(d.labels) for d in docs)
    result = train_finder(docs[:4], tmp_path / "finder.crfsuite", iterations=10)
    assert result.documents == 4 and result.size_bytes > 0
    lines, labels = LineFinder(tmp_path / "finder.crfsuite").label(list(docs[0].lines))
    assert len(labels) == len(lines) and set(labels) <= set(L.LABELS)
    notes = list(corpus_notes(dev))
    assert notes and all(len(labels) == len(segments(text)) for text, labels in notes)
    count, _ = train_note_parts(notes[:40], tmp_path / "notes.crfsuite", iterations=10)
    assert count == 40
    assert {label for _, label in label_segments("See Lee, Title (2020).", tmp_path / "notes.crfsuite")} <= {"B", "I", "O"}


def test_a_call_links_to_at_most_the_first_hundred_works_of_a_note(tmp_path):
    """A list read as one huge note must not make calls × works mentions (bibkaz/limits.py)."""
    from bibkaz.limits import MAX_WORKS_PER_CALL

    works = "; ".join(f"Ann Lee{i}, “Title number {i},” Journal {i} (2020): {i}" for i in range(300))
    body = " ".join(f"Claim {i}.¹" for i in range(200))
    (tmp_path / "big.txt").write_text(f"Big Note\n\n{body}\n\nNotes\n\n¹ {works}.\n", encoding="utf-8")
    _, refs, mentions, _, _ = find(read_document(tmp_path / "big.txt"))
    assert len([r for r in refs if r.kind == "endnote"]) == 300  # every work is kept
    assert len(mentions) == sum(1 for m in mentions if m.reference is not None) == MAX_WORKS_PER_CALL * 200


def test_a_citation_in_text_without_sentence_breaks_keeps_a_window_not_the_whole_text():
    from bibkaz.extract.text import MAX_SENTENCE_CHARS, sentence_around

    text = "word " * 50_000 + "claim¹ " + "word " * 50_000
    at = text.index("¹")
    sentence = sentence_around(text, at, at + 1)
    assert "claim¹" in sentence and len(sentence) <= MAX_SENTENCE_CHARS + 1
    assert sentence_around("One. Two claim¹ here. Three.", 14, 15) == "Two claim¹ here."


def _documents_for_equivalence() -> list[list[str]]:
    """The finder test documents and the corpus's development documents, each also with characters
    that case-fold or lower-case oddly spliced into every third line ("İ" lower-cases to two
    characters; "ſ", "ı" and the Kelvin sign match ASCII letters in a case-insensitive pattern)."""
    import random

    paths = sorted(HERE.iterdir()) + sorted((HERE.parent / "corpus" / "dev").glob("*.txt"))[:25]
    docs = [list(read_document(p).lines) for p in paths]
    rng = random.Random(7)
    odd = ["İ", "\u212a", "ſ", "ı", " ſep 5 ", " ıss. 3 ", " doı ", " 10.1/x ", "“", "–", "©", "¹", "*", "(12)", "pp. 4"]
    for doc in list(docs):
        docs.append([line if not line.strip() or i % 3 else line[:len(line) // 2] + rng.choice(odd)
                     + line[len(line) // 2:] for i, line in enumerate(doc)])
    return docs


def test_the_finder_labels_lines_as_crfsuite_tags_their_features():
    """The finder scores lines from the model's weights itself (finder/scoring.py): the labels
    must be those crfsuite's own tagger gives the features of featurize()."""
    import pycrfsuite

    from bibkaz.extract.finder.features import featurize

    tagger = pycrfsuite.Tagger()
    tagger.open(str(MODEL_PATH))
    checked = 0
    for text in _documents_for_equivalence():
        lines = document_lines(text)
        if lines:
            assert finder().label_lines(lines, continuations=False) == list(tagger.tag(featurize(lines)))
            checked += len(lines)
    assert checked > 5000


def _orphans(labels: list[str], breaks: list[bool]) -> list[int]:
    """Where a continuation continues nothing: an entry's follows neither its start nor its
    continuation, a note's neither a note on its page nor the running text of the page after it
    (furniture passed over everywhere)."""
    out, last, zone = [], None, None  # zone: "note" (on its page), "next" (the page after), None
    for i, (label, page_break) in enumerate(zip(labels, breaks)):
        if page_break:
            zone = "next" if zone == "note" else None
        if label == "furniture":
            continue
        if label == "ref-cont" and last not in ("ref-start", "ref-cont") or label == "note-cont" and zone is None:
            out.append(i)
        if label in ("note-start", "note-cont"):
            zone = "note"
        elif label != "text" or zone != "next":
            zone = None
        last = label
    return out


def test_every_continuation_continues_something_and_the_model_decides_the_rest():
    """The finder's labels are crfsuite's best among the labelings in which a continuation has
    something to continue: where crfsuite's best has none astray they are the same."""
    changed = 0
    for text in _documents_for_equivalence():
        lines = document_lines(text)
        if not lines:
            continue
        free, chained = finder().label_lines(lines, continuations=False), finder().label_lines(lines)
        breaks = [line.page_break_before for line in lines]
        assert not _orphans(chained, breaks)
        if not _orphans(free, breaks):
            assert chained == free
        changed += chained != free
    assert changed  # the fuzzed documents hold some a first-order chain gets wrong


def test_content_signs_found_by_document_search_are_those_of_every_line_searched():
    from bibkaz.extract.finder.features import content

    for text in _documents_for_equivalence():
        lines = document_lines(text)
        one_by_one = [content._signs(line.stripped, line.stripped.lower())[0] for line in lines]
        assert [f[:len(content._SIGNS)] for f in content.observe(lines)] == one_by_one


def test_the_characters_case_folded_to_ascii_letters_are_all_known():
    import re
    import sys

    from bibkaz.extract.finder.features.content import FOLDS_TO_ASCII

    others = "".join(chr(c) for c in range(128, sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    found = {m.group() for letter in "abcdefghijklmnopqrstuvwxyz" for m in re.finditer(f"[{letter}]", others, re.I)}
    assert found == set(FOLDS_TO_ASCII)

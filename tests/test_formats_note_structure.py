"""The Word and HTML readers hand their notes and calls over as data (issue 14, item 4), and the
extract stage takes them for what the finder and the call finders would guess."""

from __future__ import annotations

from pathlib import Path

import pytest

from bibkaz.extract import find
from bibkaz.model import CallMark, Document, NoteSpan
from bibkaz.read import read_document
from bibkaz.read.docx import docx_to_text
from bibkaz.read.html import html_to_text
from bibkaz.read.note_marks import marked_call, marked_note, take_marks

FORMATS = Path(__file__).parent / "fixtures" / "formats"
DEV = Path(__file__).parent / "corpus" / "dev"


@pytest.mark.parametrize("name", ["web_18f_po_vs_cor.docx", "web_18f_po_vs_cor.pandoc.html",
                                  "web_18f_po_vs_cor.kramdown.html", "web_18f_po_vs_cor.hugo.html"])
def test_each_note_and_call_stands_where_the_reader_says(name: str) -> None:
    path = FORMATS / name
    doc = read_document(path)
    lines = doc.lines
    assert [n.label for n in doc.notes] == ["1", "2", "3"]
    assert [c.label for c in doc.calls] == ["1", "2", "3"]
    for note in doc.notes:
        assert lines[note.line - 1].startswith(note.label)
    for call in doc.calls:
        assert lines[call.line - 1][call.column:call.column + len(call.mark)] == call.mark
        assert call.line < doc.notes[0].line  # the calls are in the running text, above the notes
    # the text is what the reader wrote without the structure
    plain = docx_to_text(path.read_bytes(), str(path)) if name.endswith(".docx") else html_to_text(path.read_text())
    assert doc.text.rstrip("\n") == plain.rstrip("\n")
    assert "\ue030" not in doc.text and "\ue032" not in doc.text


def test_marks_are_read_off_whatever_lines_a_note_fills() -> None:
    text = f"Intro{marked_call(12)} and more.\n\n" + marked_note("12 First line\nsecond line") + "\n"
    marked = take_marks(text)
    assert marked.text == "Intro¹² and more.\n\n12 First line\nsecond line\n"
    assert marked.calls == (CallMark("12", 1, 5, "¹²"),)
    assert marked.notes == (NoteSpan("12", 3, 4),)


def test_text_without_marks_is_left_as_it_is() -> None:
    assert take_marks("Plain¹ text\n1 A note.\n").notes == ()


def test_numbered_paragraphs_do_not_compete_with_a_word_files_footnotes() -> None:
    # NZGOAL's guidance numbers its paragraphs ("12. …") and cites in 19 footnotes: each call goes to
    # its footnote, none to a paragraph
    doc = read_document(DEV / "dev56_nzgoal_se_gn1_procurement.docx")
    assert len(doc.notes) == 19
    _, refs, mentions, _, _ = find(doc)
    notes = {r.label: r for r in refs if r.kind in ("footnote", "endnote")}
    linked = [m for m in mentions if m.kind == "note" and m.reference is not None]
    assert len({m.marker for m in linked}) >= 15
    for m in linked:
        note = doc.notes[int(m.marker) - 1]
        assert note.line <= m.reference.line <= note.end_line
    assert all(r.line >= doc.notes[0].line for r in notes.values())


def test_structure_that_does_not_fit_the_text_is_not_used() -> None:
    # lines rewritten after reading (columns unfolded): the notes no longer stand where they said
    text = "A sentence with a call.¹\n\n1 Smith, J. A report. Agency, 2020.\n"
    good = Document("d", "d.docx", text, notes=(NoteSpan("1", 3, 3),), calls=(CallMark("1", 1, 23, "¹"),))
    bad = Document("d", "d.docx", text, notes=(NoteSpan("1", 2, 2),), calls=(CallMark("1", 1, 3, "¹"),))
    plain = Document("d", "d.txt", text)
    assert _summary(find(bad)) == _summary(find(plain))
    assert any(m.reference is not None and m.marker == "1" for m in find(good)[2])


def _summary(found) -> tuple:
    _, refs, mentions, author_date, _ = found
    return ([(r.kind, r.label, r.line, r.text) for r in refs], [(m.kind, m.marker, m.line) for m in mentions],
            [(a.text, a.line) for a in author_date])

"""Markdown footnotes with names are numbered as a renderer numbers them, and keep their names."""

from __future__ import annotations

from pathlib import Path

from bibkaz.extract.markdown_notes import number_named_footnotes
from bibkaz.pipeline import extract_document

DEV = Path(__file__).parent / "corpus" / "dev"


def test_names_are_numbered_in_the_order_of_their_first_call():
    text = "A.[^b] B.[^a] C.[^b]\n\n[^a]: Note a.\n[^b]: Note b.\n[^c]: Never called.\n"
    named = number_named_footnotes(text)
    assert named is not None
    assert named.text == "A.[^1] B.[^2] C.[^1]\n\n[^2]: Note a.\n[^1]: Note b.\n[^3]: Never called.\n"
    assert named.names == {1: "b", 2: "a", 3: "c"}
    assert number_named_footnotes("A.[^1]\n\n[^1]: Note.\n") is None


def test_a_post_with_named_footnotes_links_each_call_to_its_note_under_its_name():
    # the Rust blog: "… so do the costs.[^costs]", definitions at the end in another order
    extraction, _ = extract_document(DEV / "dev12_rust_safety_critical.md")
    calls = {(m.line, m.marker): m for m in extraction.mentions if m.kind == "note"}
    assert set(calls) >= {(19, "costs"), (103, "qnx"), (133, "fls"), (135, "mcdc")}
    assert calls[(19, "costs")].text == "[^costs]" and calls[(19, "costs")].reference.line == 170
    assert calls[(103, "qnx")].reference.label == "qnx" and calls[(103, "qnx")].reference.line == 176

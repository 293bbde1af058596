"""Variables typed in the note ("original-date: 1850", Zotero's Extra), read as citeproc-js's
``parseNoteFieldHacks`` reads them (issue 16, eleventh session)."""

from __future__ import annotations

from pathlib import Path

from bibkaz.style import find_style, render
from bibkaz.style.note_fields import apply


def test_lines_set_missing_variables_and_leave_the_note():
    item = apply({"id": "a", "type": "book", "note": "event-date: 2004-10-01/2004-10-14\ngenre: Peer commentary\n"
                                                      "author: Hall || W.C.\nvolume: 2"})
    assert item["event-date"] == {"date-parts": [[2004, 10, 1], [2004, 10, 14]]}
    assert item["genre"] == "Peer commentary" and item["volume"] == "2"
    assert item["author"] == [{"family": "Hall", "given": "W.C."}]
    assert item["note"] == ""


def test_a_field_the_item_has_is_kept_but_dates_and_type_are_replaced():
    item = apply({"id": "a", "type": "book", "volume": "1", "issued": {"date-parts": [[2000]]},
                  "note": "volume: 2\nissued: 1999\ntype: report"})
    assert item["volume"] == "1" and item["issued"] == {"date-parts": [[1999]]} and item["type"] == "report"


def test_reading_stops_at_the_first_text_line_after_the_first():
    item = apply({"id": "a", "note": "A remark\noriginal-date: 1850\nmore text\nvolume: 3"})
    assert item["original-date"] == {"date-parts": [[1850]]} and "volume" not in item
    assert item["note"] == "A remark\n\nmore text\nvolume: 3"


def test_inline_fields_and_unknown_keys():
    item = apply({"id": "a", "note": "{:original-date: -44-03-15}{:volume: 2} rest"})
    assert item["original-date"] == {"date-parts": [[-44, 3, 15]]} and item["volume"] == "2"
    assert item["note"] == "rest"
    own = apply({"id": "a", "note": "bibkaz: cited once in dev1 (note 3, line 40)"})
    assert own == {"id": "a", "note": ""}  # removed, as citeproc-js removes it; no variable "bibkaz"


def test_in_a_rendered_entry(tmp_path: Path):
    """Chicago prints the original date given in the note, as citeproc-js does with Zotero's Extra."""
    item = {"id": "a", "type": "book", "title": "Moby-Dick", "author": [{"family": "Melville", "given": "Herman"}],
            "issued": {"date-parts": [[2003]]}, "publisher": "Penguin", "note": "original-date: 1851"}
    entry = render([item], str(find_style("chicago-author-date").path), "en-US", "text").entries[0].body
    assert entry == "Melville, Herman. (1851) 2003. Moby-Dick. Penguin."  # citeproc-js 2.4.63 prints the same

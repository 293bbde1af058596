"""A web address a PDF sets over two lines is read whole, and calls it sets side by side apart
(bibkaz/read/pdf_pages.py)."""

from __future__ import annotations

from bibkaz.read.pdf_pages import join_broken_urls


def test_an_address_cut_after_a_slash_or_its_own_hyphen_is_joined_and_sentences_are_not():
    # CRS notes as PDFium gives their lines (R48447, R45741, R48910)
    lines = ["Laws, https://oui.doleta.gov/unemploy/", "pdf/uilawcompar/2023/nonmonetary.pdf.",
             "Memorial (https://www.amfcse.org/visit-the-", "       memorial), is located on NASA property",
             "2025, https://www.irs.gov/pub/irs-drop/n-25-", "68.pdf (hereinafter IRS, Notice)."]
    assert join_broken_urls(lines) == [
        "Laws, https://oui.doleta.gov/unemploy/pdf/uilawcompar/2023/nonmonetary.pdf.",
        "Memorial (https://www.amfcse.org/visit-the-memorial),", "       is located on NASA property",
        "2025, https://www.irs.gov/pub/irs-drop/n-25-68.pdf", "(hereinafter IRS, Notice)."]
    # an address that ends a sentence, or one followed by words, is left as it stands
    kept = ["data at https://data.opm.gov/.", "The next sentence.", "see https://x.org/ for", "details here",
            "at https://x.org/", "Agency data/files are new."]
    assert join_broken_urls(kept) == kept


def test_calls_set_side_by_side_are_split_where_the_pages_notes_say():
    from bibkaz.read.pdf_pages import note_numbers, split_adjacent_calls

    # a CIO Council paper's page as PDFium gives it: calls 33 and 34 drawn with nothing between
    page = ["grants management and funds distributions;³² reporting and financial auditing;³³³⁴   and inventory",
            "³² NASA. RPA at the NSSC.", "³³ MeriTalk. IRS Looks to Adopt Robotic Process Automation Tech.",
            "³⁴ Leonard, Matt. What the rest of government can learn from DISA’s RPA pilot."]
    notes = note_numbers(page)
    assert notes == {32, 33, 34}
    assert split_adjacent_calls(page[0], notes).endswith("auditing;³³,³⁴   and inventory")
    # a run that is a note's number, or that no two consecutive notes make, stays
    assert split_adjacent_calls("in 2019.¹² Next", {12}) == "in 2019.¹² Next"
    assert split_adjacent_calls("in 2019.¹² Next", {3, 4}) == "in 2019.¹² Next"

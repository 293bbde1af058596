"""A web address a PDF sets over two lines is read whole (bibkaz/read/pdf_pages.py)."""

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

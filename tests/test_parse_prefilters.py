"""The rules' and repairs' cheap pre-tests skip a search only where it could not match
(ninth session: parse cost a document down without changing any record)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from bibkaz.parse.normalise.text import any_word, folded
from bibkaz.parse.rules import _ACCESSED, _ACCESSED_WORDS, _without_trailing_doi, parse_rules

ROOT = Path(__file__).resolve().parents[1]
_OLD_TRAILING_DOI = re.compile(r"\s*(?:,\s*)?(?:doi:?)?\s*[.,]?\s*$")


def _real_strings() -> list[str]:
    path = ROOT / "bibkaz" / "parse" / "crf" / "training-data" / "real.jsonl"
    return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_trailing_doi_cut_as_the_whole_string_search_cut_it():
    texts = _real_strings()
    texts += [t + tail for t in texts[:50] for tail in (", doi:", " doi.", " ,  DOI", ".,", " , ", "doi")]
    for text in texts:
        assert _without_trailing_doi(text) == _OLD_TRAILING_DOI.sub("", text)


def test_case_blind_pre_test_sees_what_ignorecase_sees():
    # re.IGNORECASE matches dotted/dotless i and the long s to ASCII letters; str.lower() alone does not
    for word in ("ACCESSED 2 May 2023", "Acceſſed 2 May 2023", "Vİewed 1 May 2020", "retrıeved 1 May 2020"):
        assert _ACCESSED.search(word)
        assert any_word(word, _ACCESSED_WORDS), word
    assert folded("Reſearch İN") == "research in"


def test_real_notes_still_read_their_access_dates_and_links():
    record = parse_rules("DOL, Significant Provisions of State Unemployment Insurance Laws, Effective July 2025, "
                         "https://oui.doleta.gov/unemploy/content/sigpros/2020-2029/July2025.pdf (accessed March 30, 2026).")
    assert record.accessed == "2026-03-30"
    assert record.url == "https://oui.doleta.gov/unemploy/content/sigpros/2020-2029/July2025.pdf"

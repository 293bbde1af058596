"""Citations by pandoc key ("[@lee2020, p. 4; @ruiz:2018]", "@lee2020 shows") in Quarto and R Markdown sources.

The documents are real posts of the development corpus, kept as their authors wrote them.
"""

from __future__ import annotations

from pathlib import Path

from bibkaz.extract.citation_keys import cites_by_key, find_key_citations
from bibkaz.extract.text import paragraphs
from bibkaz.pipeline import build_library, extract_document

DEV = Path(__file__).resolve().parent / "corpus" / "dev"


def test_each_key_is_a_work_and_each_place_it_stands_a_citation():
    # "…a “philosophical” term.[@HicksHumphriesSlater:2024, 2; @Frankfurt:2005]": two works, one bracket
    extracted, parsed = extract_document(DEV / "dev21_heiss_ai_usage_qmd.md")
    keyed = {r.text: r for r in extracted.references if r.kind == "citation-key"}
    assert {"@HicksHumphriesSlater:2024", "@Frankfurt:2005", "@BenderHanna:2025", "@Hao:2025"} <= set(keyed)
    at_44 = [m for m in extracted.mentions if m.kind == "key" and m.line == 44]
    assert {m.reference.text for m in at_44} == {"@HicksHumphriesSlater:2024", "@Frankfurt:2005"}
    assert all(m.marker == "[@HicksHumphriesSlater:2024, 2; @Frankfurt:2005]" for m in at_44)
    # nothing is guessed from a key: the record says where its reference is, and the review flag says so
    record = next(p.record for p in parsed if p.reference.text == "@Frankfurt:2005")
    assert not record.authors and not record.title and record.needs_review
    assert "bibliography file" in record.note


def test_a_keyed_work_takes_its_key_as_its_bibtex_key():
    # so that the entry of the author's own bibliography file can stand in for it
    result = build_library([DEV / "dev21_inbo_goodbye_proj4_rmd.md"])
    keys = {w.key for w in result.library.works}
    assert {"bivand_ecs530_2019", "bivand_migration_2020", "nowosad_recent_2020"} <= keys


def test_handles_mail_addresses_links_and_code_are_no_key_citations():
    text = ("Thanks to @antfu and [@hynek](https://github.com/hynek); write to me@example.org.\n\n"
            "In R, `obj@slot` is a slot; as shown by @lee2020 [p. 4] and in [see @ruiz:2018, ch. 2].\n")
    paras = paragraphs(text.split("\n"))
    assert cites_by_key(paras, names_bibliography=False)
    keys = [c.key for c in find_key_citations(paras)]
    assert keys == ["antfu", "lee2020", "ruiz:2018"]  # a handle in a keyed document reads as a key
    # a post that never cites by key in brackets, and names no bibliography file, has no key citations
    assert not cites_by_key(paragraphs(["Follow @antfu and @hynek for news."]), names_bibliography=False)

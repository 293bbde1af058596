"""A bibliography's "———." stands for the names of the entry above (Chicago 15.17, MLA 5.131).

On a real paper of the development corpus (CC BY 4.0; pandoc's Chicago author-date output), whose list
gives Cole's, Comstock's, Helfer's and the United Nations' later works under dashes.
"""

from pathlib import Path

from bibkaz.pipeline import extract_document

PAPER = Path(__file__).parent / "corpus" / "dev" / "dev45_chaudhry_comstock_heiss_pandemic_pass_derogations.txt"


def test_dashes_take_the_names_above_and_the_citations_find_their_works() -> None:
    extraction, parsed = extract_document(PAPER)
    dashed = [p for p in parsed if p.reference.text.startswith("———")]
    assert len(dashed) >= 8
    assert all(p.record.authors for p in dashed)
    names = {p.reference.text.split("“")[1][:20]: [n.family or n.literal for n in p.record.authors]
             for p in dashed if "“" in p.reference.text}
    assert names["Mind the Gap: State "] == ["Cole"]
    assert names["Rethinking Derogatio"] == ["Helfer"]
    # "(Cole 2015)" and "Helfer 2021)" now find their works
    linked = {(m.line, m.text) for m in extraction.mentions if m.reference is not None}
    assert (34, "Cole 2015") in linked and (101, "Helfer 2021") in linked

"""Personal communications in notes are no works (APA 8.9, Chicago 14.214): a reader cannot look them up.

The shapes are those of the development corpus: a case study's "GovLab interview with …" notes, a
guide's "Email interview with …", a technical report's "…, personal communication, 30 March 2020".
"""

from pathlib import Path

from bibkaz.extract import find
from bibkaz.extract.notes import classify_note, is_personal_communication
from bibkaz.read import read_document


def test_personal_communications_are_told_from_published_sources() -> None:
    assert is_personal_communication("GovLab interview with Jason Kim, Senior Advisor, National Coordination Office, September 2015.")
    assert is_personal_communication("Email interview with Steve Marquess")
    assert is_personal_communication("Eric Stringfield, VDOT, personal communication, 30 March 2020 to Dale Stith.")
    # a published interview has a title or an address; a book may be called "Conversations with …"
    assert not is_personal_communication("Ann Lee, interview with NPR, “Why Rivers Matter,” Morning Edition, May 3, 2019.")
    assert not is_personal_communication("Smith, John. Conversations with Power. Oxford: Oxford University Press, 2019.")
    assert not is_personal_communication("Interview with the minister, https://example.gov/transcripts/2019-05-03")


def test_a_note_of_an_interview_cites_nothing_and_its_neighbours_still_do(tmp_path: Path) -> None:
    assert classify_note("Author interview with a program officer, May 2016.").kind == "comment"
    doc = tmp_path / "brief.md"
    doc.write_text(
        "# Open data in practice\n\n"
        "Surveyors reuse the data widely.[^1] The agency saw costs fall.[^2] Staff agreed.[^3]\n\n"
        "[^1]: Ann Lee, *Open Maps* (London: Ordnance Press, 2014), 45.\n"
        "[^2]: GovLab interview with Jason Kim, Senior Advisor, Space Office, September 2015.\n"
        "[^3]: GovLab interview with Jason Kim, Senior Advisor, Space Office, September 2015.\n",
        encoding="utf-8")
    _, refs, _, _, _ = find(read_document(doc))
    assert [r.text for r in refs] == ["Ann Lee, *Open Maps* (London: Ordnance Press, 2014), 45."]

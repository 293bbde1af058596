"""One work cited by two documents in two forms, and two works that only look alike (issue 13).

The reference strings are the dev corpus's own (bench/resolve_split.py measures the corpus):
each side is parsed as the pipeline parses it (its kind as the finder gives it) and the
two documents' references are resolved together, as ``bibkaz extract`` does for a folder.
"""

from __future__ import annotations

from bibkaz.model import Document, Extraction, RawReference
from bibkaz.parse import parse_raws
from bibkaz.resolve import resolve_report
from bibkaz.resolve.features import normalise_url


def _resolved(*cited: tuple[str, str, str]):
    """(document, kind, text) references resolved together: the report of the run."""
    refs = [RawReference(doc, kind, text, n + 1) for n, (doc, kind, text) in enumerate(cited)]
    extractions = [Extraction(Document(doc, f"{doc}.md", ""), tuple(r for r in refs if r.document == doc))
                   for doc in dict.fromkeys(d for d, _, _ in cited)]
    return resolve_report(extractions, parse_raws(refs))


def works(*cited: tuple[str, str, str]) -> int:
    return len(_resolved(*cited).library.works)


def test_a_memorandum_by_its_number_and_by_its_title_at_one_address_is_one_work():
    report = _resolved(
        ("a", "reference-list", "OMB Memorandum M-19-17. https://www.whitehouse.gov/wp-content/uploads/2019/05/M-19-17.pdf"),
        ("b", "reference-list", "M-19-17. Enabling Mission Delivery through Improved Identity, Credential, and Access "
                                "Management. 21 May 2019. https://www.whitehouse.gov/wp-content/uploads/2019/05/M-19-17.pdf"),
    )
    assert len(report.library.works) == 1


def test_a_short_name_and_the_full_title_at_one_address_is_one_work():
    assert works(
        ("a", "reference-list", "[Time for Change](https://www.washingtonpost.com/blogs/ezra-klein/files/2012/08/abramowitz.pdf)"),
        ("b", "reference-list", "[Time for Change Model](https://www.washingtonpost.com/blogs/ezra-klein/files/2012/08/abramowitz.pdf)"),
    ) == 1


def test_two_titles_at_one_address_that_share_no_run_of_words_stay_two():
    # one page of OSSF templates linked under two names that share only "OpenSSF … Policy Templates"
    assert works(
        ("a", "reference-list", "[Guide to Writing Security Policies](https://github.com/ossf/oss-vulnerability-guide/tree/main/templates)"),
        ("b", "reference-list", "[Coordinated Disclosure Checklist](https://github.com/ossf/oss-vulnerability-guide/tree/main/templates)"),
    ) == 2


def test_two_forum_posts_behind_hashbang_routes_are_two_works():
    assert normalise_url("https://groups.google.com/forum/#!topic/hmecology/o6cWDqHHgOE") \
        != normalise_url("https://groups.google.com/forum/#!topic/rustlang-security-announcements/rVQ5e3TDnpQ")
    assert normalise_url("https://nvlpubs.nist.gov/nistpubs/CSWP/NIST.CSWP.04162018.pdf#page=49") \
        == normalise_url("https://nvlpubs.nist.gov/nistpubs/CSWP/NIST.CSWP.04162018.pdf")
    assert works(
        ("a", "reference-list", "https://groups.google.com/forum/#!topic/rustlang-security-announcements/rVQ5e3TDnpQ"),
        ("b", "reference-list", "Chandler, R. B. 2018. Speeding up data augmentation in BUGS. "
                                "<https://groups.google.com/forum/#!topic/hmecology/o6cWDqHHgOE>."),
    ) == 2


def test_a_short_title_alone_names_no_one_work():
    assert works(
        ("a", "reference-list", '"Archived copy" (PDF). Archived (PDF) from the original on 2016-03-04. Retrieved 2014-08-30.'),
        ("b", "reference-list", '"Archived copy" (PDF). Archived from the original (PDF) on 2012-04-14. Retrieved 2011-10-23.'),
    ) == 2
    assert works(
        ("a", "reference-list", "[Privacy Act](https://www.legislation.gov.au/Series/C2004A03712)"),
        ("b", "reference-list", "[Privacy Act](https://laws-lois.justice.gc.ca/eng/acts/p-21/FullText.html)"),
    ) == 2


def test_the_merge_says_why():
    report = _resolved(
        ("a", "reference-list", "[NIST Cybersecurity Framework](https://www.nist.gov/cyberframework/guide)"),
        ("b", "reference-list", "National Institute of Standards and Technology. The NIST Cybersecurity Framework (CSF) "
                                "2.0. *NIST*. [https://www.nist.gov/cyberframework/guide](https://www.nist.gov/cyberframework/guide)"),
    )
    assert len(report.library.works) == 1
    assert any("same URL" in why for _, _, why in report.clustering.merges)

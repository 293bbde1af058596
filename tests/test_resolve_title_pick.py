"""Seventeenth session (issue 13): which title a work cited twice keeps when one citation's parse ran
on into a note's lead-in or the next sentence (bibkaz/resolve/fields.py), and one memorandum cited by
its number in one document and by its title in another at one address (bibkaz/resolve/similarity.py).
Titles of the development corpus's shapes."""

from __future__ import annotations

from bibkaz.model import Record
from bibkaz.resolve.features import features
from bibkaz.resolve.fields import merge_records
from bibkaz.resolve.similarity import SAME, compare


def _title_of(*titles: str) -> str:
    merged = merge_records([(f"s{i}", Record(type="report", title=t)) for i, t in enumerate(titles)])
    return merged.record.title


def test_a_title_that_ran_on_loses_to_the_other_citations():
    # another sentence after the title, and a note's lead-in before it
    assert _title_of("Illegal to be Homeless. National Coalition for the Homeless",
                     "Illegal to be Homeless") == "Illegal to be Homeless"
    assert _title_of("Preparation, Submission, and Execution of the Budget, Circular A-11, August 2025, Section 124",
                     "Preparation, Submission, and Execution of the Budget") == \
        "Preparation, Submission, and Execution of the Budget"
    assert _title_of("The source is: “Compute North vs. Compute South: The Uneven Possibilities”",
                     "Compute North vs. Compute South: The Uneven Possibilities") == \
        "Compute North vs. Compute South: The Uneven Possibilities"


def test_a_subtitle_or_the_rest_of_a_short_title_still_wins():
    assert _title_of("Balancing Acts in Middle Powers: Europe and Asia",
                     "Balancing Acts in Middle Powers") == "Balancing Acts in Middle Powers: Europe and Asia"
    assert _title_of("Why the Corridor Matters Now", "Why the Corridor Matters") == "Why the Corridor Matters Now"
    # words before a title without a quote or a colon may be its own
    assert _title_of("U.S. Digital Services Playbook", "Digital Services Playbook") == "U.S. Digital Services Playbook"
    # a short title may be a cut of the full one
    assert _title_of("Preparation, Submission, and Execution of the Budget", "Preparation") == \
        "Preparation, Submission, and Execution of the Budget"
    # a title's own quoted subtitle after its colon is no lead-in
    assert _title_of('Artificial intelligence in educational assessment: "Breakthrough? Or buncombe and ballyhoo?"',
                     "Breakthrough? Or buncombe and ballyhoo?") == \
        'Artificial intelligence in educational assessment: "Breakthrough? Or buncombe and ballyhoo?"'


def _verdict(title_a: str, title_b: str, url_a: str, url_b: str = ""):
    a = Record(type="document", title=title_a, url=url_a)
    b = Record(type="document", title=title_b, url=url_b or url_a)
    return compare(features(a), features(b))


def test_a_memorandum_cited_by_its_number_at_its_address_is_the_titled_one():
    v = _verdict("M-19-17", "Enabling Mission Delivery through Improved Identity, Credential, and Access Management",
                 "https://www.whitehouse.gov/wp-content/uploads/2019/05/M-19-17.pdf")
    assert v.kind == SAME and v.across and "number" in v.reason
    assert _verdict("OMB M-22-10", "Improving Access to Public Benefits Programs Through the Paperwork Reduction Act",
                    "https://www.whitehouse.gov/wp-content/uploads/2022/04/M-22-10.pdf").kind == SAME


def test_a_number_the_address_does_not_name_or_a_title_of_many_words_is_no_evidence():
    # another memorandum's address
    assert _verdict("M-22-10", "Improving Access to Public Benefits Programs Through the Paperwork Reduction Act",
                    "https://www.whitehouse.gov/wp-content/uploads/2022/04/M-22-09.pdf").kind != SAME
    # a title that holds a number among many other words names more than the number
    assert _verdict("Lessons from the M-22-10 rollout in three agencies", "Improving Access to Public Benefits",
                    "https://www.whitehouse.gov/wp-content/uploads/2022/04/M-22-10.pdf").kind != SAME

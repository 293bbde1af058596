"""Label repairs after tagging, where the evidence in the tokens is clear.

A linear-chain CRF decides each token from a few neighbours and the previous
label; some mistakes are only visible from the whole reference (a container
with no contained work, a second title after the editors). Each repair is one
small module with a ``repair(tokens, labels) -> labels`` function, applied in
the order below; each was kept only because it raised the held-out scores of
bench/parse_accuracy.py over five folds (docs/benchmarks.md). They work on the
labels, not in labels → Record, so gold labels are never rewritten and
``bibkaz parse --format labels`` shows what the parser decided.
"""

from __future__ import annotations

from typing import Callable, Sequence

from bibkaz.parse.crf.repairs import (access_date, acronym_author, nation_body, comma_segment, title_lead_year, designation_first, body_sentence, manubot, publisher_and, report_number, reviewed_date, semicolon_year, agency_designation, author_date_org, book_length, bracket_run, author_before_italic, author_run_title, author_stop, bill_number, byline,
                                     colon_authors, colon_series, congress_session, domain_site, edited_book, ieee_book_editors, isbn_publisher, italic_byline, italic_title, news_outlet, note_date, package_version, preprint_server, quoted_no_title,
                                     quoted_title, report_title, role_phrases, rule_genre, second_title, series_number,
                                     series_title, short_note, site_publisher, standard_series, statute_cite, sub_office, subtitle_place,
                                     title_body, title_comma, title_date, title_read_as_author, title_run_on, title_year, wikipedia_site,
                                     vancouver_journal)

Repair = Callable[[Sequence[str], list[str]], list[str]]

#: Applied in this order (adding a repair: a module here and one line below).
REPAIRS: tuple[Repair, ...] = (role_phrases.repair, edited_book.repair, second_title.repair, quoted_title.repair,
                                 subtitle_place.repair, short_note.repair, site_publisher.repair,
                                 statute_cite.repair, title_year.repair, colon_authors.repair,
                                 byline.repair, package_version.repair, report_title.repair, quoted_no_title.repair,
                                 title_run_on.repair, author_before_italic.repair, italic_title.repair, italic_byline.repair, vancouver_journal.repair, colon_series.repair,
                                 author_date_org.repair, rule_genre.repair, title_read_as_author.repair,
                                 series_title.repair, bill_number.repair, agency_designation.repair, author_stop.repair,
                                 title_date.repair,
                                 news_outlet.repair, standard_series.repair, series_number.repair, title_body.repair,
                                 author_run_title.repair, domain_site.repair,
                                 isbn_publisher.repair, book_length.repair, congress_session.repair,
                                 access_date.repair, note_date.repair, ieee_book_editors.repair, bracket_run.repair,
                                 title_comma.repair, sub_office.repair, wikipedia_site.repair,
                                 preprint_server.repair, acronym_author.repair, nation_body.repair, reviewed_date.repair, body_sentence.repair,
                                 publisher_and.repair, manubot.repair, semicolon_year.repair,
                                 report_number.repair, comma_segment.repair, title_lead_year.repair,
                                 designation_first.repair)


def repair(tokens: Sequence[str], labels: list[str]) -> list[str]:
    """``labels`` after every repair (a new list; ``labels`` is left as it was)."""
    out = list(labels)
    for fix in REPAIRS:
        out = fix(tokens, out)
    return out

"""Which of a page's JSON-LD dates the reader hands on as its own (bibkaz/read/html_json_ld.py, shown_date.py).

The pages are written here in the shapes measured on trafilatura's evaluation pages
(bench/formats_json_ld_dates.py): Yoast SEO's ``WebPage`` on a WordPress page that prints no date,
a news site's instant in UTC the morning after the day its page prints, a story that shows only its
update. The reader's own front matter is read, as the own record reads it.
"""

from __future__ import annotations

import json

from bibkaz.read.html import html_to_text
from bibkaz.read.shown_date import shows_day


def page(block: object, body: str) -> str:
    return (f'<html><head><title>Heat pumps in old houses</title>'
            f'<script type="application/ld+json">{json.dumps(block)}</script></head>'
            f'<body><h1>Heat pumps in old houses</h1>{body}<p>Most old houses can be heated with one.</p></body></html>')


def date_line(html: str) -> str:
    lines = html_to_text(html).splitlines()
    return next((line for line in lines[:lines.index("---", 1)] if line.startswith("citation_publication_date")), "")


_YOAST_PAGE = {"@context": "https://schema.org", "@graph": [
    {"@type": "WebPage", "@id": "https://example.org/heat-pumps/", "url": "https://example.org/heat-pumps/",
     "name": "Heat pumps in old houses", "datePublished": "2019-09-24T08:03:49+00:00",
     "dateModified": "2020-09-30T14:43:49+00:00"},
    {"@type": "WebSite", "@id": "https://example.org/#website", "url": "https://example.org/", "name": "Example"}]}


def test_a_page_object_dated_by_nothing_the_page_shows_gives_no_date():
    assert date_line(page(_YOAST_PAGE, "<p>Our guide to heating.</p>")) == ""


def test_a_page_object_whose_day_the_page_prints_gives_it():
    assert date_line(page(_YOAST_PAGE, "<p>Published 24 September 2019</p>")) == \
        'citation_publication_date: "2019-09-24T08:03:49+00:00"'
    # in the page's own language
    assert date_line(page(_YOAST_PAGE, "<p>Veröffentlicht am 24. September 2019</p>")) != ""


_STORY = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Heat pumps in old houses",
          "datePublished": "2020-02-25T02:25:54Z", "dateModified": "2020-02-25T02:25:54Z"}


def test_an_articles_utc_instant_the_morning_after_gives_the_day_its_page_prints():
    assert date_line(page(_STORY, "<p>February 24, 2020 | 9:25pm</p>")) == 'citation_publication_date: "2020-02-24"'
    # shown nowhere: an article keeps its datePublished
    assert date_line(page(_STORY, "<p>By Ann Lee</p>")) == 'citation_publication_date: "2020-02-25T02:25:54Z"'
    # the day of the instant itself shown: kept as stated
    assert date_line(page(_STORY, "<p>Feb. 25, 2020</p><p>Feb 24, 2020</p>")) == \
        'citation_publication_date: "2020-02-25T02:25:54Z"'


def test_an_instant_in_its_own_zone_is_not_moved():
    story = dict(_STORY, datePublished="2020-02-25T02:25:54-05:00")
    assert date_line(page(story, "<p>February 24, 2020</p>")) == 'citation_publication_date: "2020-02-25T02:25:54-05:00"'


def test_a_story_showing_only_its_update_is_dated_by_it():
    story = dict(_STORY, datePublished="2020-01-03T09:48:24Z", dateModified="2020-01-06T09:22:36Z")
    assert date_line(page(story, "<p>Updated January 6, 2020</p>")) == 'citation_publication_date: "2020-01-06T09:22:36Z"'
    assert date_line(page(story, "<p>Published 3 January 2020, updated 6 January 2020</p>")) == \
        'citation_publication_date: "2020-01-03T09:48:24Z"'


def test_the_forms_a_day_is_printed_in():
    for text in ("January 28, 2020", "Jan. 28th 2020", "28 January 2020", "the 28th of January, 2020",
                 "28. Januar 2020", "28 janvier 2020", "2020-01-28", "2020/1/28", "01/28/2020", "28.01.2020",
                 "28/01/2020"):
        assert shows_day(f"Posted {text} by Ann", "2020-01-28"), text
    assert shows_day("el 6 de mayo de 2022", "2022-05-06")
    assert shows_day("le 1er mars 2020", "2020-03-01")
    for text in ("January 28, 2021", "January 2020", "128 January 2020", "https://x.org/news/2020-01-28-statement",
                 "January 28, 20201", "2020-01-280"):
        assert not shows_day(text, "2020-01-28"), text
    assert not shows_day("January 28, 2020", "2020")

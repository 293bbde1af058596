"""A page's schema.org JSON-LD read as the <meta> tags of its own record (bibkaz/read/html_json_ld.py).

Real pages: GitLab's blog post (tests/records/, CC BY-SA 4.0) states its writer, date and publisher
only in a ``BlogPosting`` block, beside the site's ``Organization`` (with its founders) and a
``BreadcrumbList``; Wikipedia pages (CC BY-SA) give the title as ``name``, a short description as
``headline``, the page's creation as ``datePublished`` and "Contributors to Wikimedia projects" as
author. The small pages below are written here in the shapes Yoast SEO (WordPress) and news sites
emit: an ``@graph`` whose article names its writer and publisher by ``@id``.
"""

from __future__ import annotations

import json
from pathlib import Path

from lxml import etree

from bibkaz.read.html import html_to_text
from bibkaz.read.html_json_ld import json_ld_meta

RECORDS = Path(__file__).resolve().parent / "records"


def front(text: str) -> list[str]:
    """The front-matter lines the reader opens its text with."""
    lines = text.splitlines()
    assert lines[0] == "---"
    return lines[1:lines.index("---", 1)]


def meta(html: str) -> list[tuple[str, str]]:
    return json_ld_meta(etree.HTML(html), set())


def page(*blocks: object, head: str = "") -> str:
    scripts = "".join(f'<script type="application/ld+json">{json.dumps(b)}</script>' for b in blocks)
    return f"<html><head>{head}{scripts}</head><body><p>Text.</p></body></html>"


def test_a_blog_posts_writer_date_and_publisher_come_from_its_posting_not_from_the_sites_objects():
    lines = front(html_to_text((RECORDS / "r14_gitlab_blog_devsecops_survey.html").read_text(encoding="utf-8")))
    assert 'citation_author: "Dave Steer"' in lines
    assert 'citation_publication_date: "2024-06-25"' in lines
    assert 'citation_publisher: "GitLab"' in lines
    assert 'dc.type: "BlogPosting"' in lines
    # the page's own og:title and og:url win: no second title or address
    assert not any(line.startswith(("citation_title", "citation_public_url")) for line in lines)
    # the site's Organization (its founders) and its breadcrumbs are other objects
    assert not any("Sijbrandij" in line or "Insights" in line for line in lines)


def test_a_wiki_page_is_its_shown_title_at_its_last_edit_and_no_collective_writes_it():
    lines = front(html_to_text((RECORDS / "r10_wiki_analogue_electronics.html").read_text(encoding="utf-8")))
    assert 'citation_title: "Analogue electronics"' in lines  # not the headline's description
    assert 'citation_publication_date: "2018-11-29T13:36:40Z"' in lines  # dateModified, not 2005's creation
    assert 'citation_public_url: "https://en.wikipedia.org/wiki/Analogue_electronics"' in lines
    assert not any(line.startswith("citation_author") for line in lines)  # "Contributors to Wikimedia projects"
    tsne = front(html_to_text((RECORDS / "web_wikipedia_tsne.html").read_text(encoding="utf-8")))
    assert 'citation_title: "t-distributed stochastic neighbor embedding"' in tsne  # as its <title> shows it


GRAPH = {"@context": "https://schema.org", "@graph": [
    {"@type": "Organization", "@id": "https://example.org/#organization", "name": "Example Policy Institute"},
    {"@type": "WebSite", "@id": "https://example.org/#website", "name": "Example Policy Institute",
     "potentialAction": [{"@type": "SearchAction", "target": "https://example.org/?s={search_term_string}"}]},
    {"@type": "WebPage", "@id": "https://example.org/brief/#webpage", "url": "https://example.org/brief/",
     "name": "Water rights after the drought - Example Policy Institute", "datePublished": "2023-03-22T11:46:01+00:00"},
    {"@type": "Article", "@id": "https://example.org/brief/#article",
     "author": [{"@id": "https://example.org/#/schema/person/1"}, {"@type": "Person", "givenName": "Ana", "familyName": "Torres"}],
     "headline": "Water rights after the drought", "datePublished": "2023-03-22T11:46:01+00:00",
     "mainEntityOfPage": {"@id": "https://example.org/brief/#webpage"}, "publisher": {"@id": "https://example.org/#organization"},
     "identifier": [{"@type": "PropertyValue", "propertyID": "DOI", "value": "10.5555/epi.2023.7"}]},
    {"@type": "Person", "@id": "https://example.org/#/schema/person/1", "name": "Jean S&#233;villia"},
    {"@type": "BreadcrumbList", "itemListElement": [{"@type": "ListItem", "position": 1, "name": "Home"}]},
]}


def test_a_graphs_article_names_its_writers_and_publisher_by_id():
    assert meta(page(GRAPH)) == [
        ("citation_title", "Water rights after the drought"),
        ("citation_author", "Jean Sévillia"),
        ("citation_author", "Ana Torres"),
        ("citation_publication_date", "2023-03-22T11:46:01+00:00"),
        ("citation_publisher", "Example Policy Institute"),
        ("citation_public_url", "https://example.org/brief/"),  # the page the article is the main entity of
        ("citation_doi", "10.5555/epi.2023.7"),
        ("dc.type", "Article"),
    ]


def test_the_pages_own_meta_tags_win_field_by_field():
    head = ('<meta property="og:title" content="Water rights"/><meta property="og:site_name" content="EPI"/>'
            '<meta name="author" content="Ana Torres"/>')
    lines = front(html_to_text(page(GRAPH, head=head)))
    assert lines[:3] == ['og:title: "Water rights"', 'og:site_name: "EPI"', 'author: "Ana Torres"']
    assert not any(line.startswith(("citation_title", "citation_author", "citation_publisher")) for line in lines)
    assert 'citation_publication_date: "2023-03-22T11:46:01+00:00"' in lines


def story(n: int) -> dict:
    return {"@context": "https://schema.org", "@type": "NewsArticle", "headline": f"Story {n}",
            "url": f"https://news.example.com/story-{n}", "author": {"@type": "Person", "name": f"Writer {n}"}}


def test_another_pages_record_is_never_taken():
    # related stories at the top level: which one is the page's, only its address can tell
    assert meta(page(story(1), story(2))) == []
    here = '<link rel="canonical" href="https://news.example.com/story-2/"/>'
    assert ("citation_title", "Story 2") in meta(page(story(1), story(2), head=here))
    # one story at another address than the page's is that page's record
    assert meta(page(story(1), head=here)) == []
    # a list of stories and a site's search box are no record of this page
    listed = {"@context": "https://schema.org", "@type": "ItemList",
              "itemListElement": [{"@type": "ListItem", "position": 1, "item": story(3)}]}
    site = {"@context": "https://schema.org", "@type": "WebSite", "name": "News",
            "potentialAction": {"@type": "SearchAction", "target": "https://news.example.com/?q={q}"}}
    assert meta(page(listed, site)) == []


def test_a_broken_block_is_passed_over_and_an_xhtml_wrapper_read():
    wrapped = '<script type="application/ld+json"><![CDATA[\n' + json.dumps(story(4)) + "\n]]></script>"
    html = f'<html><head><script type="application/ld+json">{{"@type": "Article", "headline": </script>{wrapped}</head><body><p>x</p></body></html>'
    assert ("citation_author", "Writer 4") in meta(html)


def test_a_byline_written_as_html_in_a_name_loses_its_tags():
    posting = {"@type": "NewsArticle", "headline": "Live updates",
               "author": {"@type": "Person", "name": 'By <a href="/profiles/amir-vera">Amir Vera</a> and Adam Renton, CNN'},
               "publisher": {"@type": "Organization", "name": "https://www.example.com"}}
    assert meta(page(posting)) == [("citation_title", "Live updates"),
                                   ("citation_author", "By Amir Vera and Adam Renton, CNN"), ("dc.type", "NewsArticle")]

"""Which parts of a parsed web page are the site around the text, not the text.

A saved web page holds its site's menus, header and footer, a sidebar, share
buttons, a comment thread, a table of contents, and on a wiki navigation boxes
and category links. Read as text they are linked words, and linked words are
what a post that cites by hyperlink cites: on the dev corpus's real pages (GAO
report pages, Wikipedia articles) they made 15 spurious works where the text of
the same documents made 3 (docs/benchmarks.md, issue 14).

Three signals, each one a page states about itself, none a site's own names:

1. the landmark that holds the page's text: ``<main>`` or ``role="main"``, else
   the page's only ``<article>``, when it holds at least :data:`MAIN_SHARE` of
   the body's words; everything of ``<body>`` outside it goes;
2. landmarks that are not text wherever they stand: ``<nav>``, ``role`` of
   navigation, banner, search or menu, forms and their controls, and links
   made buttons (``class="btn"``, ``role="button"``, ``download``);
3. class and id words that name a site's furniture (``nav``, ``menu``,
   ``sidebar``, ``breadcrumb``, ``share``, ``cookie``, ``comments``, ``toc``…),
   whole words of a class or id only ("contentWithSidebar" is not a sidebar).

A page's footer (``<footer>`` outside any ``<article>``, ``role="contentinfo"``,
a class or id ``footer``) is kept as words without its links: it is where a
page says when it was last edited and under which licence, which the
document's own record reads ("This page was last edited on 6 August 2019"),
while its links lead to the site's policies.

An element that holds a note call or a note (:mod:`bibkaz.read.html_notes`) is
never dropped, nor the main landmark and what holds it, nor the page's first
``<h1>`` and what holds it (a title, byline and date before ``<main>`` are the
page's own record).
"""

from __future__ import annotations

import re

from dataclasses import dataclass

from lxml import etree

from bibkaz.read.html_notes import PageNotes

#: The main landmark must hold this share of the body's characters; less, and it is a box on the page.
MAIN_SHARE = 0.4
#: Words of a class or id (split at "-", "_" and spaces) that name a site's furniture.
_CHROME_WORDS = frozenset({
    "nav", "navbar", "navigation", "navbox", "menu", "menubar", "breadcrumb", "breadcrumbs", "sidebar", "share",
    "sharing", "social", "cookie", "cookies", "consent", "newsletter", "subscribe", "comments", "toc", "catlinks",
    "topbar", "masthead", "pagination", "pager", "skip", "jump", "prevlink", "nextlink",
    # what the site leaves out of a printed page (MediaWiki's "noprint": maintenance tags such as
    # "[permanent dead link]", portals, navigation boxes), as the page's own print style says
    "noprint",
})
_FOOTER_WORDS = frozenset({"footer"})
_CONTROL_TAGS = frozenset({"nav", "form", "button", "select", "textarea", "input", "dialog"})
_CHROME_ROLES = frozenset({"navigation", "banner", "search", "menu", "menubar", "toolbar"})
_BUTTON_WORDS = frozenset({"btn", "button"})
_SPLIT = re.compile(r"[\s_\-]+")
#: Never dropped by their names: the page itself and the containers of its text.
_NEVER = frozenset({"html", "body", "head", "main", "article", "title", "meta"})


@dataclass(frozen=True)
class PageChrome:
    """What a reader of the page's text leaves out: ``drop`` elements with all they hold, and the
    links of the ``unlinked`` ones (their words stay)."""

    drop: frozenset[etree._Element]
    unlinked: frozenset[etree._Element]


def _words_of(element: etree._Element, attribute: str) -> set[str]:
    return name_words(str(element.get(attribute, "")))


def _text_length(element: etree._Element) -> int:
    return sum(len(t.strip()) for t in element.itertext() if isinstance(t, str))


def main_content(root: etree._Element) -> etree._Element | None:
    """The landmark that holds the page's text, or None when the page names none (or a small one)."""
    body = root.find(".//body")
    if body is None:
        return None
    landmarks = [e for e in body.iter() if isinstance(e.tag, str)
                 and (e.tag == "main" or str(e.get("role", "")).strip().lower() == "main")]
    if not landmarks:
        landmarks = [e for e in body.iter("article")]
        if len(landmarks) != 1:
            return None  # a list of posts, or none: no one article is the page
    best = max(landmarks, key=_text_length)
    total = _text_length(body)
    return best if total and _text_length(best) >= MAIN_SHARE * total else None


def _kind(element: etree._Element, in_article: bool) -> str:
    """"drop" for the site's furniture, "footer" for a page footer, "" for text."""
    tag = element.tag
    if tag in _NEVER:
        return ""
    role = str(element.get("role", "")).strip().lower()
    if tag in _CONTROL_TAGS or role in _CHROME_ROLES:
        return "drop"
    classes = _words_of(element, "class")
    if tag == "a" and (classes & _BUTTON_WORDS or role == "button" or element.get("download") is not None):
        return "drop"
    names = classes | _words_of(element, "id")
    if (tag == "footer" and not in_article) or role == "contentinfo":
        return "footer" if not names & _CHROME_WORDS else "drop"
    return named_kind(names)


def named_kind(names: set[str]) -> str:
    """"drop" when a part's class or id words name the site's furniture, "footer" when they name a page
    footer, "" otherwise. Shared with the Word reader, which finds a page's ids as the bookmarks
    pandoc leaves where the page's divisions stood (:meth:`bibkaz.read.docx._Renderer.blocks`)."""
    if names & _CHROME_WORDS:
        return "drop"
    return "footer" if names & _FOOTER_WORDS else ""


def name_words(name: str) -> set[str]:
    """The words of a class or id (split at "-", "_" and spaces, lower case): whole words only."""
    return {part for part in _SPLIT.split(name.lower()) if part}


def page_chrome(root: etree._Element, notes: PageNotes) -> PageChrome:
    """The elements of ``root`` a reader of its text skips, and the footers whose links it skips."""
    kept: set[etree._Element] = set()  # notes, calls and everything holding them
    for element in [*notes.calls, *(note for _, note in notes.notes)]:
        kept.add(element)
        kept.update(element.iterancestors())
    heading = root.find(".//body//h1")
    if heading is not None:
        # the page's title (and the header holding its byline and date) may stand before the
        # main landmark: it is the document's own record, not the site's furniture
        kept.add(heading)
        kept.update(heading.iterancestors())
    outside: set[etree._Element] = set()  # beside the main landmark: dropped unless a footer
    main = main_content(root)
    if main is not None:
        kept.add(main)
        path = [main, *main.iterancestors()]
        kept.update(path)
        for child, parent in zip(path, path[1:]):
            if parent.tag == "html":
                break
            outside.update(c for c in parent if c is not child and isinstance(c.tag, str) and c not in kept)
    out: set[etree._Element] = set()
    unlinked: set[etree._Element] = set()
    stack: list[tuple[etree._Element, bool]] = [(root, False)]
    while stack:  # iterative: pages nest deeper than Python recurses
        element, in_article = stack.pop()
        kind = _kind(element, in_article) if element not in kept else ""
        if kind == "drop" or (element in outside and kind != "footer"):
            out.add(element)
            continue
        if kind == "footer":
            unlinked.add(element)
        inside = in_article or element.tag == "article" or element is main
        stack.extend((child, inside) for child in element if isinstance(child.tag, str))
    return PageChrome(frozenset(out), frozenset(unlinked))

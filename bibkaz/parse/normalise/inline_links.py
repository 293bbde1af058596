"""A link target that HTML conversion put inside a reference goes to its end.

Converted HTML keeps a link's target right after the linked words:
'"cisco/openh264 · GitHub" <https://github.com/…>. github.com. Retrieved
2014-04-05.' Printed references (and the strings the parser learnt from) give
the link last, if at all; a target in the middle cuts the title from what
follows it, so "github.com" was no longer read as the site. The parsers are
given the reference with such targets after a quoted title (where Wikipedia's
and many web pages' citations put them) moved to its end; the words are the same.
Stray emphasis marks left before the reference ("**** Eich, …") go too.
"""

from __future__ import annotations

import re

#: "<https://…>" with the space before it, after a quoted title and not at the end of the text.
_INNER_LINK = re.compile(
    r"(?<=[\"”’'])\s*<((?:https?://|www\.)[^<>\s]+)>(?=[.,;:)\]]*(?:\s*<[^<>]*>)*\s*[^\s<.,;:)\]])", re.I
)
_LEADING_MARKS = re.compile(r"^\s*\*{2,}\s*")
#: A Markdown link in a reference: "[Getting the Most Out of Testing](http://…/most.pdf)".
_MARKDOWN_LINK = re.compile(r"\[([^\[\]]{1,500})\]\(((?:https?://|www\.)[^\s()]+(?:\([^\s()]*\))?[^\s()]*)\)", re.I)


def _markdown_links_to_end(text: str) -> str:
    """"[Title](url), Site, 2020." → "Title, Site, 2020. <url>": the words stay where they stand,
    the target goes last; words that are the address itself are the address."""
    urls: list[str] = []

    def words(m: re.Match[str]) -> str:
        shown, url = m.group(1).strip(), m.group(2)
        if shown.rstrip("/") == url.rstrip("/") or shown.startswith(("http://", "https://", "www.")):
            return shown if shown.rstrip("/") == url.rstrip("/") else url
        urls.append(url)
        return shown

    text = _MARKDOWN_LINK.sub(words, text)
    return text.rstrip() + "".join(f" <{u}>" for u in urls) if urls else text


def links_to_end(text: str) -> str:
    """``text`` with inner "<url>" targets and Markdown links' targets moved to its end (see the
    module docstring)."""
    if "](" in text:
        text = _markdown_links_to_end(text)
    if "<" in text:
        # an archived copy after the page it copies: the page is the work's address
        urls = sorted(_INNER_LINK.findall(text), key=lambda u: "web.archive.org/" in u)
        if urls:
            text = _INNER_LINK.sub("", text).rstrip() + " " + " ".join(f"<{u}>" for u in urls)
    if text[:1] == "*" or text[:2].strip()[:1] == "*":
        text = _LEADING_MARKS.sub("", text)
    return text

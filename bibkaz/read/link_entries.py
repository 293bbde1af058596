"""Whether a bulleted list item that holds a link is a source's entry or a sentence with a link.

A site's resource list ("• 19 Tools for mobile testing – article containing tools for mobile
testing") and a wiki's bulleted references ("• Kay, M.G., 2012, Material Handling Equipment,
Retrieved 2014-10-02") are entries: their links' addresses follow their words, as in numbered
lists. A bullet that is a sentence of running text with a link inside ("• Use tools that help
identify [power dynamics](…) on your project …") or a menu item (the link alone) keeps the
Markdown form, as the Markdown such a page or Word file is built from has it: on 18F's post the
sentences made three spurious works. The HTML and Word readers ask the same question here.
"""

from __future__ import annotations

import re

#: A heading over a document's sources, as whole words: "Resources" or "Testing Resources" is none (a
#: post's links in running text were written as references' addresses under it). The paragraphs under
#: such a heading are where references stand, for the HTML and the Word reader alike.
REFERENCE_HEADING = re.compile(r"\b(?:referenc\w*|bibliograph\w*|works cited|sources|literature)\b", re.I)
#: Words of two letters or more.
_WORDS = re.compile(r"[^\W\d_]{2,}")
_YEAR = re.compile(r"\b(?:1[6-9]|20)\d\d\b")
_LABEL = re.compile(r"^[\s•·◦▪‣*–-]*")


def is_entry(before: str, outside: str, shows_address: bool) -> bool:
    """``before``: the item's text before its first link; ``outside``: its text outside all links;
    ``shows_address``: a link's words are its own address ("… is here: https://github.com/x/y").

    An entry says more than its links (two words or more outside them) and opens with its link,
    carries a year as a reference does, or gives the address it links to (a Software Carpentry
    post's list of the software it used)."""
    if len(_WORDS.findall(outside)) < 2:
        return False
    return not _WORDS.search(_LABEL.sub("", before)) or bool(_YEAR.search(outside)) or shows_address

"""Markup nested deeper than libxml2 builds a tree, flattened so that the whole page is read.

libxml2's HTML parser stops at 2,048 open elements (XML_PARSE_HUGE does not lift it for HTML) and
drops, without an error, everything of the page after the element that went past it. Old pages
reach that depth without meaning to: a ``<font>`` or ``<span>`` opened in every paragraph and never
closed nests one level deeper each time, so a page of 3,000 such paragraphs read as its first
1,023 and nothing of the rest, its reference list included. A browser reads the same page whole
(Blink puts an element past 512 levels beside its parent instead of inside it).

When the tree reached libxml2's limit, the page is parsed again with the innermost open element
closed before each start tag that would open one past :data:`MAX_DEPTH` levels, so that the new
element stands beside it, as a browser's parser sets it. The count of open elements follows the markup's own
start and end tags: void elements open nothing, an end tag closes what it names and everything
opened inside it, a stray one closes nothing, and a paragraph, list item or table row or cell
closes the one of its own kind that is still open as the innermost element, as libxml2 does.
"""

from __future__ import annotations

import re

from lxml import etree

#: libxml2's HTML parser keeps no element deeper than this (its tree's deepest element has this depth).
LIBXML_DEPTH = 2047
#: Start tags that would open an element deeper than this are left out of the flattened markup.
MAX_DEPTH = 512
#: A start or end tag: its slash, name and the rest up to ">" (no nested quantifiers: linear).
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:_-]{0,40})([^<>]{0,4000})>")
#: Elements that never hold content.
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                   "track", "wbr", "basefont", "frame", "isindex", "keygen"})
#: Elements whose start closes an open one of the same kind that is the innermost element.
_SELF_CLOSING_KIN = frozenset({"p", "li", "dt", "dd", "tr", "td", "th", "option"})


def too_deep(root: etree._Element) -> bool:
    """Whether libxml2 stopped at its depth limit building ``root``'s tree: it stops right after the
    element that went past it, so the page's last element stands that deep (a walk down the last
    children, not over the whole tree)."""
    depth, element = 0, root
    while len(element):
        element = element[-1]
        depth += 1
    return depth >= LIBXML_DEPTH - 1


def flattened(html: str) -> str:
    """``html`` with the innermost open element closed before any start tag that would open an element
    past :data:`MAX_DEPTH` open ones: the new element stands beside it, as a browser sets it."""
    out: list[str] = []
    open_names: list[str] = []
    last = 0
    for m in _TAG.finditer(html):
        closing, name, rest = m.group(1), m.group(2).lower(), m.group(3)
        if closing:
            if name in open_names:
                del open_names[len(open_names) - 1 - open_names[::-1].index(name):]
            continue
        if name in _VOID or rest.rstrip().endswith("/"):
            continue
        if name in _SELF_CLOSING_KIN and open_names and open_names[-1] == name:
            open_names.pop()
        if len(open_names) >= MAX_DEPTH:
            out.append(html[last:m.start()])
            out.append(f"</{open_names.pop()}>")
            last = m.start()
        open_names.append(name)
    out.append(html[last:])
    return "".join(out)

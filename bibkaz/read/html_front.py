"""A page's own record kept in a script block: Distill's front matter, read as ``<meta>`` tags.

A Distill article (distill.pub's template, and the R Markdown and Python tools that write its
pages) names its title and writers nowhere in its markup: the template's script draws the byline
in the browser from a block the page holds as data, ``<script type="text/front-matter">`` (YAML,
template v1) or ``<d-front-matter><script type="text/yaml">`` / ``type="text/json"`` (v2)::

    title: Deconvolution and Checkerboard Artifacts
    authors:
    - Augustus Odena
    - Vincent Dumoulin: http://vdumoulin.github.io/
    affiliations:
    - Google Brain: http://g.co/brain

The HTML reader drops scripts, so the page's own record had no writer. Here the block's title and
writers become the ``(name, content)`` pairs the reader keeps for ``<meta name="citation_title">``
and ``<meta name="citation_author">``, which it hands on as the page's front matter (one key per
writer, in order): the own-record stage reads them as it reads a journal page's Highwire tags.
Affiliations name no writer and have no Highwire tag the own record reads; they are left out.

Only the small YAML the template documents is read (top-level ``key: value`` and lists of
``- Name`` / ``- Name: address`` / maps with ``name:`` or ``author:``); PyYAML is no dependency of
the package.
"""

from __future__ import annotations

import json
import re

from lxml import etree

#: The script types that hold a Distill page's front matter.
_YAML_TYPES = frozenset({"text/front-matter", "text/yaml"})
_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<rest>.*)$")
_ITEM = re.compile(r"^-\s+(?P<value>.*)$")
#: "Vincent Dumoulin: http://vdumoulin.github.io/" — a writer and their page: a one-pair map whose key is the name.
_NAME_AND_PAGE = re.compile(r"^(?P<name>[^:]+?)\s*:(?:\s|$)")
#: A map item's key that holds the writer's name ("- name: Chris Olah", JSON's "author").
_NAME_KEYS = ("author", "name")


def front_matter_meta(root: etree._Element) -> list[tuple[str, str]]:
    """The ``citation_title`` and ``citation_author`` pairs of the page's front-matter script
    blocks, in the blocks' order; [] when the page has none (or they name neither)."""
    out: list[tuple[str, str]] = []
    for script in root.iter("script"):
        kind = str(script.get("type", "")).strip().lower()
        text = script.text or ""
        if kind in _YAML_TYPES:
            title, authors = _from_yaml(text)
        elif kind == "application/json" or (kind == "text/json" and _in_front_matter(script)):
            title, authors = _from_json(text)
        else:
            continue
        if title:
            out.append(("citation_title", title))
        out.extend(("citation_author", name) for name in authors)
    return out


def _in_front_matter(script: etree._Element) -> bool:
    """A JSON block is the front matter only inside ``<d-front-matter>`` (other JSON is a page's data)."""
    parent = script.getparent()
    return parent is not None and str(parent.tag).lower() == "d-front-matter"


def _from_json(text: str) -> tuple[str, list[str]]:
    try:
        data = json.loads(text)
    except ValueError:
        return "", []
    if not isinstance(data, dict):
        return "", []
    title = data.get("title")
    authors = data.get("authors")
    names = [n for n in (_json_name(a) for a in authors) if n] if isinstance(authors, list) else []
    return (" ".join(title.split()) if isinstance(title, str) else ""), names


def _json_name(author: object) -> str:
    if isinstance(author, str):
        return " ".join(author.split())
    if isinstance(author, dict):
        for key in _NAME_KEYS:
            value = author.get(key)
            if isinstance(value, str) and value.strip():
                return " ".join(value.split())
    return ""


def _from_yaml(text: str) -> tuple[str, list[str]]:
    """The title and the writers of a Distill YAML block (indented as the page indents it)."""
    lines = [line for line in text.replace("\t", "    ").split("\n") if line.strip()]
    if not lines:
        return "", []
    margin = min(len(line) - len(line.lstrip()) for line in lines)
    title, names = "", []
    key = ""
    for line in lines:
        depth = len(line) - len(line.lstrip()) - margin
        body = line.strip()
        top = _KEY.match(body) if depth == 0 and not body.startswith("-") else None
        if top:
            key = top.group("key").lower()
            if key == "title" and top.group("rest"):
                title = _unquote(top.group("rest"))
            continue
        if key != "authors":
            continue
        item = _ITEM.match(body)
        if item:
            names.append(_yaml_name(item.group("value")))
        elif names and not names[-1] and (field := _KEY.match(body)) and field.group("key").lower() in _NAME_KEYS:
            names[-1] = _unquote(field.group("rest"))  # a map item whose name comes on a later line
    return title, [n for n in names if n]


def _yaml_name(value: str) -> str:
    """A list item's writer: "Augustus Odena", "Vincent Dumoulin: http://…", "name: Chris Olah";
    "" for a map item whose name is on a later line."""
    value = value.strip()
    field = _KEY.match(value)
    if field and field.group("key").lower() in _NAME_KEYS:
        return _unquote(field.group("rest"))
    if field and field.group("key").lower() in ("url", "affiliation", "affiliations", "affiliationurl", "authorurl"):
        return ""
    paged = _NAME_AND_PAGE.match(value)
    return _unquote(paged.group("name") if paged else value)


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    return " ".join(value.split())

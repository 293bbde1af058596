"""Citations by key, as pandoc Markdown writes them: "[@lee2020, p. 4; @ruiz:2018]", "@lee2020 shows".

A Quarto, R Markdown or pandoc Markdown source cites a work by its key in a
bibliography file that travels beside it (the document's front matter names
it); the rendered page prints the reference, the source holds only the key.
A user who runs bibkaz on the source still cites those works: each key is a
work of its own (all the source says of it is its key, so no field is
guessed from it), and each place the key stands a citation of it. Where a
list entry or note of the document carries the key beside a written-out
reference ("Matthew Blackwell and Adam N. Glynn, "How to …" [@BlackwellGlynn:2018]"),
the key's citations point at that entry.

The syntax is pandoc's (pandoc manual, "Citation syntax"): a key opens with a
letter, a digit or "_" and goes on with those and internal punctuation
(":.#$%&-+?<>~/"); a bracketed citation holds one or more keys, separated by
";", each with words before it and a locator after it; "-@key" suppresses the
author, which cites the work all the same. A key in running text outside
brackets is an author-in-text citation. Since "@name" is also how a post
names a person on a social site, keys are read only in a document that cites
by key in brackets at least once, or whose front matter names a bibliography
file; an e-mail address, a linked "[@name](https://…)", code and Quarto's
cross-references to the document's own parts ("@fig-map", "@tbl-2") are never
citations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bibkaz.extract.text import Paragraph, sentence_around

#: A key after its "@" (pandoc: internal punctuation may not end it).
_KEY = r"[\w][\w:.#$%&+?<>~/-]*(?<=[\w])"
#: "@key" not inside a word (an e-mail address) and not in braces' form: "{@key}" is rare and left; not a
#: Quarto cross-reference to the document's own figure, table, section or equation ("@fig-rents", "@tbl-2").
_AT_KEY = re.compile(rf"(?<![\w@.])-?@(?!(?:fig|tbl|sec|eq|lst|thm|lem|cor|prp|cnj|def|exm|exr|sol|rem|apx)-)"
                     rf"(?P<key>{_KEY})")
#: A bracketed citation: brackets holding at least one "@key", not a link's words ("[@name](…)").
_BRACKETED = re.compile(r"\[(?P<body>[^\[\]]{0,400}?(?<![\w.])-?@[\w][^\[\]]{0,400})\](?![(\[:])")
#: An author-date unit's year right before a bracketed key ("Sachs and Frank 2025 [@n3dgl88q4zm]").
_YEAR_BEFORE = re.compile(r"\b(?:1[5-9]|20)\d\d[a-z]?\s?$")
#: Inline code, whose "@x" is a language's (a decorator, an R slot).
_CODE_SPAN = re.compile(r"`[^`]*`")


@dataclass(frozen=True)
class KeyCitation:
    """One key cited at one place: what was written there and the key it names."""

    key: str
    line: int
    marker: str  # the bracketed citation as written, or "@key" for an author-in-text one
    sentence: str
    after_year: bool = False  # the key stands right after an author-date unit ("Bach 2015 [@nn27yywd2cz]")


def cites_by_key(paras: list[Paragraph], names_bibliography: bool) -> bool:
    """Whether a document cites by key: its front matter names a bibliography file, or its text has a
    bracketed key citation."""
    return names_bibliography or any("@" in p.text and _BRACKETED.search(_CODE_SPAN.sub(_blank, p.text)) for p in paras)


def find_key_citations(paras: list[Paragraph]) -> list[KeyCitation]:
    """Every key cited in the paragraphs, in order, once for each place it is cited."""
    found: list[tuple[int, int, KeyCitation]] = []  # (paragraph, offset, citation): the text's order
    for n, p in enumerate(paras):
        if "@" not in p.text:
            continue
        text = _CODE_SPAN.sub(_blank, p.text)
        taken: list[tuple[int, int]] = []
        for m in _BRACKETED.finditer(text):
            taken.append(m.span())
            sentence = sentence_around(p.text, m.start(), m.end())
            after_year = bool(_YEAR_BEFORE.search(text, max(0, m.start() - 8), m.start()))
            for k in _AT_KEY.finditer(m.group("body")):
                at = m.start("body") + k.start()
                found.append((n, at, KeyCitation(k.group("key"), p.line_at(at), m.group(0), sentence, after_year)))
        for k in _AT_KEY.finditer(text):
            if any(a <= k.start() < b for a, b in taken) or text[k.end():k.end() + 2] == "](":
                continue
            found.append((n, k.start(), KeyCitation(k.group("key"), p.line_at(k.start()), "@" + k.group("key"),
                                                    sentence_around(p.text, k.start(), k.end()))))
    return [c for _, _, c in sorted(found, key=lambda f: (f[0], f[1]))]


def keys_in(text: str) -> list[str]:
    """The keys a list entry's or note's text cites (the keys it carries beside its reference)."""
    return [k.group("key") for m in _BRACKETED.finditer(text) for k in _AT_KEY.finditer(m.group("body"))]


def _blank(m: re.Match[str]) -> str:
    """Code blanked out, its length kept (so offsets still point at the paragraph's lines)."""
    return " " * len(m.group(0))

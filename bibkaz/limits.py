"""Limits that bound the work done per line, per paragraph and per reference string.

Every stage is meant to run in linear time, but a pattern-heavy stage that
meets a shape nobody foresaw (a 1 MB line, thousands of reference-like lines in
one paragraph) must not hang a run. Past these limits bibkaz reads a part, says
so in a warning, and goes on. The limits sit far above anything the test corpora
hold (longest line 1,812 characters, paragraph 29,973, reference 2,918).
"""

from __future__ import annotations

from dataclasses import replace

from bibkaz.model import Document, Problem

#: Characters of one line fed to the extractors; the rest of a longer line is dropped.
MAX_LINE_CHARS = 20_000
#: Characters of one paragraph searched for citations at once; longer ones are searched in pieces.
MAX_PARAGRAPH_CHARS = 100_000
#: Characters of one reference string given to the parsers; the rest is dropped.
MAX_REFERENCE_CHARS = 5_000
#: Works one note call links to. A real note cites a few (at most 10 in one note of the dev
#: corpus); a "note" citing hundreds is a list read as one note, and linking every call to all
#: of them makes calls × works mentions (a fuzzed 42 KB brief calling one such note 6,681 times
#: took 4–5 CPU s with 100). The works are all kept; a call links to the first ones.
MAX_WORKS_PER_CALL = 40
#: Note calls read in one document, in reading order. A report has hundreds, a long book a few
#: thousand; a fuzzed 8.9 MB file had 417,128 superscript calls, whose mentions took 4.8 GB.
MAX_CALLS = 20_000


def clip_lines(document: Document) -> tuple[Document, list[Problem]]:
    """The document with every line cut to MAX_LINE_CHARS, and a warning per cut line.

    Lines keep their numbers, so every later warning still points at the right line.
    """
    lines = document.text.split("\n")
    long = [i for i, line in enumerate(lines) if len(line) > MAX_LINE_CHARS]
    if not long:
        return document, []
    problems = [Problem(document.path, f"line is {len(lines[i]):,} characters, over the {MAX_LINE_CHARS:,} limit: "
                                       f"only its first {MAX_LINE_CHARS:,} were read", i + 1) for i in long]
    for i in long:
        lines[i] = lines[i][:MAX_LINE_CHARS]
    return replace(document, text="\n".join(lines)), problems


def clip_reference(text: str) -> str:
    """``text`` cut to MAX_REFERENCE_CHARS (at a space when there is one near the limit)."""
    if len(text) <= MAX_REFERENCE_CHARS:
        return text
    cut = text.rfind(" ", MAX_REFERENCE_CHARS - 200, MAX_REFERENCE_CHARS)
    return text[: cut if cut > 0 else MAX_REFERENCE_CHARS]

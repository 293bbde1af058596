"""An italic span is one field, and in a reference without quotes it is the title.

Markdown and converted pages keep the italics that set a book's, report's or standard's title:
"IETF, *The Kerberos Network Authentication Service (V5)*, RFC 4120, …", "NIST Special
Publication 800-63-4, *Digital Identity Guidelines*, December 2022, …", GAO's "_Standards for
Internal Control in the Federal Government_". AnyStyle's data has no such markup, so the model
split the span ("*Federal Risk and Authorization Management" / "Program*" as title and site),
ran the title on past its end ("…(V5)*, RFC 4120,") or took a designation in front of it into it
or into the series. The italics settle where the title is:

- a span whose first token, or most of whose tokens, are labelled title is all title
  ("*A" of "IETF, *A Generalized Framework …*" was read as the author's initial);
- a span inside a series or container run in a reference that has no title is the title;
- title tokens after the span (when the title starts with it) are the series' designation
  when they hold a number ("RFC 4120"), else the container, or a note when there is one;
- title tokens before the span (when the title ends with it) are the series' designation
  ("Executive Order 13985,", "NIST Internal Report 8112 (Draft),") when they hold a number.

An italic span that is a journal's name (APA: "*Journal of X*, 5(2)") has a title before it
and no title label inside, so it is left alone.
"""

from __future__ import annotations

import re
from typing import Sequence

_OPENS = re.compile(r"^[*_](?![*_])[\w“\"‘'(]")
_CLOSES = re.compile(r"\w[.,;:?!)”\"’']{0,2}[*_][.,;:)]*$")
_CONTAINERS = ("collection-title", "container-title", "journal")


def _close(tokens: Sequence[str], i: int) -> int | None:
    """The token closing the italic span that ``tokens[i]`` opens, else None."""
    for j in range(i + 1, min(len(tokens), i + 40)):
        if _OPENS.match(tokens[j]) and not _CLOSES.search(tokens[j]):
            return None  # another span opens first: not markup we can read
        if _CLOSES.search(tokens[j]):
            return j
    return None


def _span(tokens: Sequence[str]) -> tuple[int, int] | None:
    """(first, last) token of the first italic span of two tokens or more, else None. Spans
    that follow each other are one: a converted PDF closes and reopens the italics at each line
    end ("_… Needed to Ensure_ _Transparency and Accountability …,_")."""
    for i, token in enumerate(tokens):
        if _OPENS.match(token) and not _CLOSES.search(token):
            j = _close(tokens, i)
            while j is not None and j + 1 < len(tokens) and _OPENS.match(tokens[j + 1]):
                nxt = j + 1 if _CLOSES.search(tokens[j + 1]) else _close(tokens, j + 1)
                if nxt is None:
                    break
                j = nxt
            return (i, j) if j is not None else None
    return None


def _has_number(tokens: Sequence[str]) -> bool:
    return any(c.isdigit() for t in tokens for c in t)


def repair(tokens: Sequence[str], labels: list[str]) -> list[str]:
    """Labels with the italic span read as one title (see the module docstring)."""
    joined = "".join(tokens)
    if ("*" not in joined and "_" not in joined) or not any(t[0] in "*_" for t in tokens if t):
        return labels
    span = _span(tokens)
    if span is None:
        return labels
    i, j = span
    out = list(labels)
    n = len(out)
    if out[i] == "title" or 2 * sum(out[k] == "title" for k in range(i, j + 1)) > j + 1 - i:
        for k in range(i, j + 1):
            out[k] = "title"
    elif "title" not in out and all(out[k] in _CONTAINERS for k in range(i, j + 1)):
        for k in range(i, j + 1):
            out[k] = "title"
    else:
        return labels
    # title run on past the span's end
    if i == 0 or out[i - 1] != "title":
        end = j + 1
        while end < n and out[end] == "title":
            end += 1
        if end > j + 1:
            after = tokens[j + 1:end]
            if _has_number(after) and len(after) <= 4:
                rest = "collection-title"
            else:
                rest = "note" if any(out[k] in ("journal", "container-title") for k in range(n)) else "container-title"
            for k in range(j + 1, end):
                out[k] = rest
    # a designation in front of the span in the same title run
    start = i
    while start > 0 and out[start - 1] == "title":
        start -= 1
    if start < i and (j + 1 >= n or out[j + 1] != "title") and _has_number(tokens[start:i]) and i - start <= 6:
        for k in range(start, i):
            out[k] = "collection-title"
    return out

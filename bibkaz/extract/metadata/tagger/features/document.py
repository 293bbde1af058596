"""Cues that need the other top lines: a line printed again (a <title> over its heading), a line whose
words open another's ("Books" and "Books - Our World in Data"), the first heading, the first line after a
front matter."""

from __future__ import annotations

from bibkaz.extract.metadata.tagger.lines import TopLine
from bibkaz.extract.metadata.tagger.text import words


def features(lines: list[TopLine]) -> list[list[str]]:
    """Each line's cues from its place among the others."""
    seen = [tuple(words(line.text[:300])) for line in lines]
    out: list[list[str]] = [[] for _ in lines]
    first_heading = next((k for k, line in enumerate(lines) if line.heading), None)
    first_h1 = next((k for k, line in enumerate(lines) if line.heading == 1), None)
    first_plain = next((k for k, line in enumerate(lines) if not line.key and not line.in_front_matter), None)
    for k, w in enumerate(seen):
        f = out[k]
        if k == first_heading:
            f.append("document.first_heading")
        if k == first_h1:
            f.append("document.first_h1")
        if k == first_plain:
            f.append("document.first_plain")
        if first_plain is not None and k == first_plain + 1:
            f.append("document.after_first_plain")
        if not w:
            continue
        n = len(w)
        for j, other in enumerate(seen):
            if j == k or not other:
                continue
            if other == w:
                f.append("document.again_above" if j < k else "document.again_below")
            elif len(other) > n and other[:n] == w:
                f.append("document.opens_another")
            elif len(other) < n and w[:len(other)] == other:
                f.append("document.opened_by_another")
            elif len(other) < n and w[-len(other):] == other:
                f.append("document.closed_by_another")
        out[k] = sorted(set(f))
    return out

"""Where a line stands: its rank among the top lines, front matter, blank lines round it."""

from __future__ import annotations

from bibkaz.extract.metadata.tagger.lines import TopLine

_RANKS = ((0, "0"), (1, "1"), (2, "2"), (3, "3"), (5, "4-5"), (8, "6-8"), (12, "9-12"), (20, "13-20"), (35, "21-35"))


def features(line: TopLine) -> list[str]:
    rank = next((name for top, name in _RANKS if line.rank <= top), "36+")
    out = [f"position.rank={rank}"]
    if line.in_front_matter:
        out.append("position.front")
    if line.blank_before:
        out.append("position.blank_before")
    if line.blank_after:
        out.append("position.blank_after")
    if line.blank_before and line.blank_after:
        out.append("position.alone")
    return out

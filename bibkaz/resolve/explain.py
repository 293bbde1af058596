"""What ``--explain`` prints: which sources became one work, and the near misses.

A resolver that silently merges or splits cannot be trusted; one that shows every
merge and every close call that it kept apart (with the score and the rule that
decided) can be checked by a user in a minute.
"""

from __future__ import annotations

from typing import Sequence

from bibkaz.resolve.assemble import Item, Resolution


def item_label(item: Item) -> str:
    """How an item is named: its reference's place and text, or its source."""
    ref = item.reference
    if ref is not None:
        text = " ".join(ref.text.split())
        return f"{ref.document}:{ref.line} “{text[:70]}{'…' if len(text) > 70 else ''}”"
    if item.document:
        return f"document {item.document}"
    if item.work is not None:
        return item.work.key
    return item.source


def explain_lines(resolution: Resolution, labels: Sequence[str] | None = None) -> list[str]:
    """One line per merged work (with its sources) and per near-miss pair.

    ``labels[i]`` names item i when the caller knows better (``A.bib:key``).
    """
    items = resolution.items
    name = (lambda i: labels[i]) if labels is not None else (lambda i: item_label(items[i]))
    lines = []
    evidence: dict[int, list[str]] = {}
    for a, _b, reason in resolution.clustering.merges:
        evidence.setdefault(a, []).append(reason)
    for group, key in zip(resolution.clustering.groups, resolution.keys):
        if len(group) < 2:
            continue
        shown = _distinct_names([name(i) for i in group])
        why = sorted({r for i in group for r in evidence.get(i, []) if r})
        lines.append(f"merged {key}: " + " + ".join(shown) + (f" (evidence: {'; '.join(why)})" if why else ""))
    for miss in resolution.clustering.near_misses:
        lines.append(f"apart  {name(miss.first)} ~ {name(miss.second)} (score {miss.score:.0f}; {miss.reason})")
    return lines


def _distinct_names(names: list[str]) -> list[str]:
    counts: dict[str, int] = {}
    for n in names:
        counts[n] = counts.get(n, 0) + 1
    return [f"{n} ×{c}" if c > 1 else n for n, c in counts.items()]

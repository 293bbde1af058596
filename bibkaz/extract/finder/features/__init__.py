"""The line finder's features: one module per concern, each ``observe(lines)``.

Every module returns, for each non-blank line, a few strings; :func:`featurize`
joins them and lets each line see a chosen few of its neighbours' features
(a reference continues the line above it; a note starts after one that ended).
Adding a signal is adding a module and one entry in ``MODULES``.
"""

from __future__ import annotations

from bibkaz.extract.finder.features import content, layout, opening, section
from bibkaz.extract.finder.lines import Line

MODULES = (opening, content, layout, section)

#: Feature names a line also sees on its neighbours (prefix before "=").
_SHARED = ("mark", "seq", "opens", "first", "end", "blank-before", "blank-after", "indent", "year", "initial",
           "words", "heading-word", "heading-shape", "repeats", "only-url", "verb", "len", "lower-words",
           "to-break", "under")


#: And on the lines two away.
_FAR = ("mark", "seq", "opens", "heading-word", "blank-before", "end")


_NEAR = frozenset(_SHARED)
_FAR_SET = frozenset(_FAR)


#: Feature string → (seen by the lines next to it, seen two lines away). Feature strings repeat
#: across lines and documents ("year=0"), so each is looked at once per process.
_SEEN: dict[str, tuple[bool, bool]] = {}


def _seen(feature: str) -> tuple[bool, bool]:
    seen = _SEEN.get(feature)
    if seen is None:
        name = feature.partition("=")[0]
        seen = _SEEN[feature] = (name in _NEAR, name in _FAR_SET)
    return seen


def _conjunction(features: list[str]) -> str:
    """How the line opens, together with the heading it stands under: a numbered line under
    "Notes" is a note, under "References" an entry, under neither either (one feature, as a
    linear model cannot combine two on its own)."""
    mark = next((f[5:] for f in features if f.startswith("mark=")), "none")
    under = next((f[6:] for f in features if f.startswith("under=")), "none")
    return f"mark-under={'num' if mark not in ('none', 'bullet') else mark}:{under}"


_PREFIX = {-2: "-2:", -1: "-1:", 1: "+1:", 2: "+2:"}


def featurize(lines: list[Line]) -> list[list[str]]:
    """crfsuite item features for every line (plain strings, weight 1)."""
    per_module = [m.observe(lines) for m in MODULES]
    own = [sum((m[i] for m in per_module), ["bias"]) for i in range(len(lines))]
    near: list[list[str]] = []
    far: list[list[str]] = []
    for f in own:
        f.append(_conjunction(f))
        flags = [_seen(x) for x in f]
        near.append([x for x, (n, _) in zip(f, flags) if n])
        far.append([x for x, (_, d) in zip(f, flags) if d])
    out = []
    n = len(own)
    for i, f in enumerate(own):
        items = list(f)
        for offset, prefix in _PREFIX.items():
            j = i + offset
            if 0 <= j < n:
                items += [prefix + x for x in (near[j] if offset in (-1, 1) else far[j])]
            else:
                items.append(prefix + "none")
        out.append(items)
    return out

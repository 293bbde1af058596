"""The own-record tagger's features: one module per kind of cue, joined here with the neighbours' cues.

Each module's ``features(line)`` gives strings for one line (crfsuite's binary features); featurize adds
the line's neighbours' shapes ("the line after the title", a byline under a heading), as the finder does.
"""

from __future__ import annotations

from bibkaz.extract.metadata.tagger.features import dates, document, markup, names, position, shape, words
from bibkaz.extract.metadata.tagger.lines import TopLine

_MODULES = (position, markup, shape, names, dates, words)
#: The cues a neighbour passes on: its shape and kind, not its words.
_NEIGHBOUR_PREFIXES = ("shape.", "names.", "dates.", "markup.", "words.body", "words.label", "document.")


def line_features(line: TopLine) -> list[str]:
    """The line's own cues, from every module."""
    out: list[str] = ["bias"]
    for module in _MODULES:
        out.extend(module.features(line))
    return out


def featurize(lines: list[TopLine]) -> list[list[str]]:
    """Each top line's cues and its neighbours' (one and two lines up and down)."""
    own = [line_features(line) + among for line, among in zip(lines, document.features(lines))]
    passed = [[f for f in fs if f.startswith(_NEIGHBOUR_PREFIXES)] for fs in own]
    out = []
    for k, fs in enumerate(own):
        row = list(fs)
        for d in (-2, -1, 1, 2):
            j = k + d
            if 0 <= j < len(lines):
                row.extend(f"{d:+d}:{f}" for f in passed[j])
            else:
                row.append(f"{d:+d}:none")
        out.append(row)
    return out

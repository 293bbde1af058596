"""The title search's bound (``_cannot_beat``) never falls below a line's score.

Why: find_title skips the candidates whose bound cannot beat the best score so
far, so a bound below a score would change the title found. The bound counts
the score's terms that depend on the whole title at their most; a new term
added to ``_score`` must be counted there too. Checked on every line of the top
of real documents (the seeds, tests/briefs and the first development
documents), with the line itself and the first line as the first candidate.
"""

from __future__ import annotations

from itertools import islice
from pathlib import Path

import pytest

from bibkaz.extract.metadata.title import TOP, _STRAP, _cannot_beat, _near_top, _score, clean
from bibkaz.read import read_document

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "briefs").glob("*.*")) + list(
    islice((p for p in sorted((ROOT / "tests" / "corpus" / "dev").glob("*")) if p.suffix in (".txt", ".md", ".html")), 40))


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_bound_is_never_below_the_score(path: Path) -> None:
    lines = list(read_document(path).lines)
    top = lines[:TOP]
    near_top = _near_top(top, lines)
    straps = [j for j in range(len(top)) if _STRAP.match(clean(top[j]))]
    firsts = [i for i in range(len(top)) if clean(top[i])]
    for i in firsts:
        for first in {i, firsts[0]}:
            score = _score(top, i, first, near_top)
            assert not _cannot_beat(top, i, first, near_top, straps, score - 1), (i, first, score, top[i])

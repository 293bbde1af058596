"""An edited book read as a chapter: editors first, a container, no title.

"Peitgen, H.-O. and Saupe, D. (Eds.), The Science of Fractal Images, Springer
1988." starts like the second half of a chapter reference, so the model labels
the book's title container-title. A container holds a contained work; with no
title anywhere and the editors first, the container-title is the work's own
title.
"""

from __future__ import annotations

from typing import Sequence


def repair(tokens: Sequence[str], labels: list[str]) -> list[str]:
    """Container-title → title when there is no title and the editors come first."""
    if not labels or labels[0] != "editor" or "title" in labels or "container-title" not in labels:
        return labels
    return ["title" if label == "container-title" else label for label in labels]

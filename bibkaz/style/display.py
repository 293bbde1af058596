"""The ``display`` attribute in HTML output, written as citeproc-js writes it (CSL 1.0.2, "Display").

citeproc-py 0.11 reads ``display`` and does nothing with it, so a style that
sets an author as a heading (``display="block"``) or an annotation apart
(``display="indent"``) printed one run-on line. citeproc-js wraps each such
element in a ``div`` and lays the bibliography out around it:

- ``block``: ``\\n\\n    <div class="csl-block">…</div>\\n``
- ``left-margin``: ``\\n    <div class="csl-left-margin">…</div>``
- ``right-inline``: ``<div class="csl-right-inline">…</div>\\n  ``
- ``indent``: ``<div class="csl-indent">…</div>\\n  ``

Rendering leaves private-use marks around the element (so the cases, quotes and
punctuation passes see plain text); :func:`to_html` turns them into those divs
and plain text and Markdown drop them (:func:`strip`).
"""

from __future__ import annotations

import re
from functools import wraps
from typing import Any

KINDS = ("block", "left-margin", "right-inline", "indent")
OPEN = {kind: chr(0xE0F0 + n) for n, kind in enumerate(KINDS)}
CLOSE = {kind: chr(0xE0F8 + n) for n, kind in enumerate(KINDS)}
_HTML = {
    "block": ('\n\n    <div class="csl-block">', "</div>\n"),
    "left-margin": ('\n    <div class="csl-left-margin">', "</div>"),
    "right-inline": ('<div class="csl-right-inline">', "</div>\n  "),
    "indent": ('<div class="csl-indent">', "</div>\n  "),
}
_TABLE = {OPEN[k]: _HTML[k][0] for k in KINDS} | {CLOSE[k]: _HTML[k][1] for k in KINDS}
MARKS = re.compile("[" + "".join(_TABLE) + "]")


def to_html(text: str) -> str:
    return MARKS.sub(lambda m: _TABLE[m.group(0)], text) if MARKS.search(text) else text


def strip(text: str) -> str:
    return MARKS.sub("", text) if MARKS.search(text) else text


def install(model: Any) -> None:
    """Wrap ``render`` of the rendering elements that may carry ``display``."""
    from citeproc.string import String

    for cls in (model.Text, model.Group, model.Names, model.Date, model.Number, model.Label):
        render = cls.render
        if getattr(render, "_bibkaz_display", False):
            continue

        def make(original: Any) -> Any:
            @wraps(original)
            def displayed(self, *args, **kwargs):  # type: ignore[no-untyped-def]
                output = original(self, *args, **kwargs)
                kind = self.get("display")
                if kind not in OPEN or output is None or str(output) == "":
                    return output
                return String(OPEN[kind]) + output + String(CLOSE[kind])

            displayed._bibkaz_display = True  # type: ignore[attr-defined]
            return displayed

        cls.render = make(render)

"""Assemble rendered entries into one text, HTML or Markdown document.

Text: one entry per line, so the output greps and diffs well. Markdown: one
paragraph per entry. HTML: a fragment in the markup pandoc and citeproc-js use
(``csl-bib-body`` / ``csl-entry`` / ``csl-left-margin``), so existing CSS for
those classes applies; URLs become links because a bibliography on screen is
read by clicking.
"""

from __future__ import annotations

import html
import re

from bibkaz.style.render import Rendered

_URL = re.compile(r"(https?://[^\s<>\"]+?)([.,;:]?)(?=\s|<|$)")


def _link(body: str) -> str:
    return _URL.sub(lambda m: f'<a href="{m.group(1)}">{m.group(1)}</a>{m.group(2)}', body)


def _html(rendered: Rendered) -> str:
    indent = ' style="padding-left:2em;text-indent:-2em"' if rendered.hanging_indent else ""
    lines = ['<div class="csl-bib-body">']
    for entry in rendered.entries:
        ident = html.escape(f"ref-{entry.key}", quote=True)
        if entry.label:
            lines.append(
                f'<div class="csl-entry" id="{ident}"><div class="csl-left-margin">{entry.label}</div>'
                f'<div class="csl-right-inline">{_link(entry.body)}</div></div>'
            )
        else:
            lines.append(f'<div class="csl-entry" id="{ident}"{indent}>{_link(entry.body)}</div>')
    lines.append("</div>")
    return "\n".join(lines) + "\n"


def document(rendered: Rendered, to: str) -> str:
    """The whole bibliography as ``to`` ("text", "html" or "markdown") wants it."""
    if to == "html":
        return _html(rendered)
    separator = "\n\n" if to == "markdown" else "\n"
    return separator.join(e.text for e in rendered.entries) + ("\n" if rendered.entries else "")

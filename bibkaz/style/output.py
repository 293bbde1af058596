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
    """Wrap URLs in links; the URL text arrives escaped (bibkaz.style.items), so the
    attribute is built from its unescaped form, escaped once."""

    def anchor(m: re.Match[str]) -> str:
        url = html.escape(html.unescape(m.group(1)), quote=True)
        return f'<a href="{url}">{url}</a>{m.group(2)}'

    return _URL.sub(anchor, body)


def _html(rendered: Rendered) -> str:
    indent = ' style="padding-left:2em;text-indent:-2em"' if rendered.hanging_indent else ""
    lines = ['<div class="csl-bib-body">']
    for entry in rendered.entries:
        ident = html.escape(f"ref-{entry.key}", quote=True)
        if entry.label:
            lines.append(
                f'<div class="csl-entry" id="{ident}"><div class="csl-left-margin">{entry.label}</div>'
                f'<div class="csl-right-inline">{entry.gap}{_link(entry.body)}</div></div>'
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

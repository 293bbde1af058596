"""CSL bibliographies: find a style, render CSL-JSON items with citeproc-py, write
text, HTML or Markdown. See docs/decisions.md (CSL formatter) for why each piece is
the way it is."""

from bibkaz.style.locales import resolve_locale
from bibkaz.style.lookup import PROJECT_STYLES, StyleInfo, closest_names, find_style, list_styles
from bibkaz.style.output import document
from bibkaz.style.render import FORMATS, Entry, Rendered, render

__all__ = [
    "FORMATS",
    "PROJECT_STYLES",
    "Entry",
    "Rendered",
    "StyleInfo",
    "closest_names",
    "document",
    "find_style",
    "list_styles",
    "render",
    "resolve_locale",
]

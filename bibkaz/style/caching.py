"""Structural look-ups of a CSL style answered once per style, not once per rendering.

citeproc-py finds a macro by an XPath search of the whole style on every call,
and decides whether an element "calls a variable" (for group suppression) by
walking its subtree, macros included, every time a group renders. Neither
answer depends on the item, so on Chicago (hundreds of macros) these searches
were over half of the rendering time. Both answers are kept in dictionaries on
the style's root element (so they live and die with the style), keyed by the
element; holding the element keeps lxml's proxy for it alive, so the next
look-up meets the same object.
"""

from __future__ import annotations

from functools import wraps
from typing import Any



def _cache(root: Any, name: str) -> dict[Any, Any]:
    cache = getattr(root, name, None)
    if cache is None:
        cache = {}
        setattr(root, name, cache)
    return cache


def install(model: Any) -> None:
    """Wrap ``get_macro`` and the ``calls_variable`` of text and container elements with caches."""
    get_macro = model.CitationStylesElement.get_macro
    if getattr(get_macro, "_bibkaz_cached", False):
        return

    @wraps(get_macro)
    def cached_macro(self, name):  # type: ignore[no-untyped-def]
        macros = _cache(self.get_root(), "_bibkaz_macros")
        if name not in macros:
            macros[name] = get_macro(self, name)
        return macros[name]

    cached_macro._bibkaz_cached = True  # type: ignore[attr-defined]
    model.CitationStylesElement.get_macro = cached_macro

    for cls in (model.Parent, model.Text):
        calls = cls.__dict__["calls_variable"]

        def cached_calls(self, _calls=calls):  # type: ignore[no-untyped-def]
            calls_cache = _cache(self.get_root(), "_bibkaz_calls")
            if self not in calls_cache:
                calls_cache[self] = _calls(self)
            return calls_cache[self]

        cls.calls_variable = wraps(calls)(cached_calls)

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
    """Wrap ``get_macro``, ``xpath_search``, term look-ups and the ``calls_variable`` of text and container elements with caches."""
    get_macro = model.CitationStylesElement.get_macro
    if getattr(get_macro, "_bibkaz_cached", False):
        return
    _install_structure(model)
    _install_xpath(model)
    _install_terms(model)
    _install_reference()

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


def _install_xpath(model: Any) -> None:
    """Each (element, expression) evaluated once; callers get a fresh list, as from lxml."""
    xpath_search = model.CitationStylesElement.xpath_search

    @wraps(xpath_search)
    def cached_xpath(self, expression):  # type: ignore[no-untyped-def]
        found = _cache(self.get_root(), "_bibkaz_xpath")
        key = (self, expression)
        hit = found.get(key)
        if hit is None:
            hit = found[key] = tuple(xpath_search(self, expression))
        return list(hit)

    model.CitationStylesElement.xpath_search = cached_xpath


_MISSING = object()


def _install_terms(model: Any) -> None:
    """``get_term`` of a style element and of a locale, answered once per arguments.

    Terms are looked up after the style is loaded and its locale terms updated
    (:func:`bibkaz.style.locales.update_terms`), so the answer for a name and
    form does not change while the style lives. A locale's miss is an
    ``IndexError`` (citeproc-py's signal to try the next locale), kept as such.
    """
    style_term = model.CitationStylesElement.get_term
    locale_term = model.Locale.get_term

    @wraps(style_term)
    def cached_style_term(self, name, form=None, fallback_locale=True, zero_padded=False):  # type: ignore[no-untyped-def]
        root = self.get_root()
        if isinstance(root, model.Locale):
            return root.get_term(name, form)
        terms = _cache(root, "_bibkaz_terms")
        key = (name, form, fallback_locale, zero_padded)
        hit = terms.get(key, _MISSING)
        if hit is _MISSING:
            hit = terms[key] = style_term(self, name, form, fallback_locale, zero_padded)
        return hit

    @wraps(locale_term)
    def cached_locale_term(self, name, form=None, zero_padded=False):  # type: ignore[no-untyped-def]
        terms = _cache(self, "_bibkaz_locale_terms")
        key = (name, form, zero_padded)
        hit = terms.get(key, _MISSING)
        if hit is _MISSING:
            try:
                hit = locale_term(self, name, form, zero_padded)
            except IndexError:
                hit = None
            terms[key] = hit
        if hit is None:
            raise IndexError(name)
        return hit

    model.CitationStylesElement.get_term = cached_style_term
    model.Locale.get_term = cached_locale_term


def _install_reference() -> None:
    """``CitationItem.reference`` looked up once per cite and citation."""
    from citeproc.source import CitationItem

    lookup = CitationItem.reference.fget

    def reference(self):  # type: ignore[no-untyped-def]
        citation = dict.get(self, "citation")
        kept = self.__dict__.get("_bibkaz_reference")
        if kept is not None and kept[0] is citation:
            return kept[1]
        found = lookup(self)
        self.__dict__["_bibkaz_reference"] = (citation, found)
        return found

    CitationItem.reference = property(wraps(lookup)(reference))


def _install_structure(model: Any) -> None:
    """An element's root and its named children (``element.layout``, ``element.name``), found once per proxy."""
    base = model.SomewhatObjectifiedElement
    get_root = model.CitationStylesElement.get_root
    child = base.__getattr__

    @wraps(get_root)
    def kept_root(self):  # type: ignore[no-untyped-def]
        own = self.__dict__
        root = own.get("_bibkaz_root")
        if root is None:
            root = own["_bibkaz_root"] = get_root(self)
        return root

    @wraps(child)
    def kept_child(self, name):  # type: ignore[no-untyped-def]
        found = child(self, name)
        if not name.startswith("_"):  # dunder and private probes stay live look-ups
            self.__dict__[name] = found
        return found

    model.CitationStylesElement.get_root = kept_root
    base.__getattr__ = kept_child

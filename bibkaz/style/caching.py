"""Structural look-ups of a CSL style answered once per style, not once per rendering.

citeproc-py finds a macro by an XPath search of the whole style on every call,
finds an element's layout by another, and decides whether an element "calls a
variable" (for group suppression) by walking its subtree, macros included,
every time a group renders. None of these answers depends on the item, so on
Chicago (hundreds of macros) these searches were over half of the rendering
time. Each answer is kept in the ``__dict__`` of the element's lxml proxy (so it
lives and dies with the style), and :func:`keep_proxies` holds every proxy of a
loaded style so lxml never replaces one with a fresh, empty one. Terms are kept
per root.
"""

from __future__ import annotations

from functools import wraps
from typing import Any


def keep_proxies(style: Any) -> None:
    """Hold a Python proxy for every element of ``style`` and of its locales while the style lives.

    lxml drops an element's proxy when Python holds no reference to it and
    makes a new one on the next visit, with an empty ``__dict__``: the answers
    kept there (layout, macros, XPath results) would be found again for every
    entry. About 2,000 proxies for APA and its locale.
    """
    root = style.root
    kept = list(root.iter())
    for locale in getattr(root, "locales", None) or ():
        kept.extend(locale.iter())
    root._bibkaz_proxies = kept


def _own(element: Any, name: str) -> dict[Any, Any]:
    """A dictionary kept in ``element``'s proxy (see :func:`keep_proxies`)."""
    own = element.__dict__
    cache = own.get(name)
    if cache is None:
        cache = own[name] = {}
    return cache


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
    _install_layout(model)
    _install_terms(model)
    _install_locale_options(model)
    _install_static_attributes(model)
    _install_options(model)
    _install_reference()

    @wraps(get_macro)
    def cached_macro(self, name):  # type: ignore[no-untyped-def]
        macros = _own(self, "_bibkaz_macros")
        hit = macros.get(name)
        if hit is None:
            hit = macros[name] = get_macro(self, name)
        return hit

    cached_macro._bibkaz_cached = True  # type: ignore[attr-defined]
    model.CitationStylesElement.get_macro = cached_macro

    for cls in (model.Parent, model.Text):
        calls = cls.__dict__["calls_variable"]

        def cached_calls(self, _calls=calls):  # type: ignore[no-untyped-def]
            own = self.__dict__
            hit = own.get("_bibkaz_calls")
            if hit is None:
                hit = own["_bibkaz_calls"] = _calls(self)
            return hit

        cls.calls_variable = wraps(calls)(cached_calls)


def _install_xpath(model: Any) -> None:
    """Each (element, expression) evaluated once; callers get a fresh list, as from lxml."""
    xpath_search = model.CitationStylesElement.xpath_search

    @wraps(xpath_search)
    def cached_xpath(self, expression):  # type: ignore[no-untyped-def]
        found = _own(self, "_bibkaz_xpath")
        hit = found.get(expression)
        if hit is None:
            hit = found[expression] = tuple(xpath_search(self, expression))
        return list(hit)

    model.CitationStylesElement.xpath_search = cached_xpath


_MISSING = object()
#: The key under which ``get_layout``'s answer is kept on an element, and the answer "no layout".
LAYOUT_KEY = "_bibkaz_layout"
NO_LAYOUT = _MISSING
_KEPT_LAYOUT_CODE: list[Any] = [None]


def kept_layout_code() -> Any:
    """The code of the installed ``kept_layout`` (None before :func:`install`), for callers that
    read its kept answer directly (:func:`bibkaz.style.compiled._repressed`)."""
    return _KEPT_LAYOUT_CODE[0]


def _install_layout(model: Any) -> None:
    """An element's layout and formatter holder, found once per proxy.

    citeproc-py answers ``get_layout`` with an XPath search and ``get_formatter``
    through the root, about 500 times an APA entry; the layout enclosing an
    element never changes. The formatter is read live from its holder (the
    style root, or a locale's style) because a style may be rendered with two
    formatters in turn. An element outside a layout keeps raising ``IndexError``.
    """
    get_layout = model.CitationStylesElement.get_layout
    locale = model.Locale

    @wraps(get_layout)
    def kept_layout(self):  # type: ignore[no-untyped-def]
        own = self.__dict__
        hit = own.get(LAYOUT_KEY)
        if hit is None:
            try:
                hit = get_layout(self)
            except IndexError:
                hit = _MISSING
            own[LAYOUT_KEY] = hit
        if hit is _MISSING:
            raise IndexError("no enclosing cs:layout")
        return hit

    def kept_formatter(self):  # type: ignore[no-untyped-def]
        own = self.__dict__
        holder = own.get("_bibkaz_formatter_holder")
        if holder is None:
            root = self.get_root()
            holder = own["_bibkaz_formatter_holder"] = root.style if isinstance(root, locale) else root
        return holder.formatter

    model.CitationStylesElement.get_layout = kept_layout
    _KEPT_LAYOUT_CODE[0] = kept_layout.__code__
    model.CitationStylesElement.get_formatter = wraps(model.CitationStylesElement.get_formatter)(kept_formatter)


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


def _install_locale_options(model: Any) -> None:
    """``get_locale_option`` once per root and option, and a term's ``single``/``multiple`` text
    found once per term.

    citeproc-py reads a locale option (``punctuation-in-quote`` at every quoted or
    unquoted text, ``limit-day-ordinals-to-day-1`` at every day) by searching each
    locale for its ``cs:style-options`` with ``find``, which compiles the path each
    time: about 35 µs a call, 40 calls an APA entry. Options and term texts are read
    after loading (and :func:`bibkaz.style.locales.update_terms`) and never change;
    the term text is still run through the formatter's ``preformat`` on every call,
    as citeproc-py does, because one locale may serve two formatters.
    """
    locale_option = model.CitationStylesElement.get_locale_option
    string_type = model.String

    @wraps(locale_option)
    def cached_locale_option(self, name):  # type: ignore[no-untyped-def]
        options = _own(self.get_root(), "_bibkaz_locale_options")
        hit = options.get(name, _MISSING)
        if hit is _MISSING:
            hit = options[name] = locale_option(self, name)
        return hit

    model.CitationStylesElement.get_locale_option = cached_locale_option

    for form in ("single", "multiple"):
        original = getattr(model.Term, form).fget

        def term_text(self, _form=form):  # type: ignore[no-untyped-def]
            own = self.__dict__
            key = "_bibkaz_" + _form
            raw = own.get(key, _MISSING)
            if raw is _MISSING:
                found = self.find("cs:" + _form, self.nsmap)
                raw = own[key] = found.text if found is not None else self.text
            return string_type(self.preformat(raw or ""))

        setattr(model.Term, form, property(wraps(original)(term_text)))


#: Elements whose attributes nothing changes after loading. Not ``cs:name`` (bibkaz's et-al,
#: delimiter and disambiguation rules set attributes on it for one rendering) nor ``cs:date-part``
#: (citeproc-py merges a localized date's part attributes into it while rendering).
STATIC = ("Style", "Citation", "Bibliography", "Layout", "Macro", "Text", "Group", "Choose", "If", "Else_If",
          "Else", "Label", "Number", "Date", "Names", "Substitute", "Et_Al", "Key", "Sort", "Term", "Locale")


def _install_static_attributes(model: Any) -> None:
    """``element.get(name)`` from a dictionary of the element's attributes read once per proxy.

    lxml's ``get`` resolves the name and decodes the value on every call, about a
    microsecond, and citeproc-py and bibkaz's rules read twenty attributes or more
    each time a ``cs:text`` renders (its variable, form, case, quotes, affixes,
    fonts, display …). For the element types in :data:`STATIC` the answers cannot
    change, so the first ``get`` copies the attributes and the rest read the copy.
    """
    def static_get(self, key, default=None):  # type: ignore[no-untyped-def]
        own = self.__dict__
        attributes = own.get("_bibkaz_attributes")
        if attributes is None:
            attributes = own["_bibkaz_attributes"] = dict(self.attrib)
        return attributes.get(key, default)

    for name in STATIC:
        getattr(model, name).get = static_get


def _install_options(model: Any) -> None:
    """The options of the style, its ``cs:citation`` and its ``cs:bibliography`` read once per element and name.

    Every ``cs:name`` rendering asks some thirty options (``Name.get_option``), each
    through the citation or bibliography and then the style root; their attributes
    never change (:data:`STATIC`), so neither do the answers. An option that raises
    (an unknown name) is not kept and raises again.
    """
    for cls in (model.FormattingInstructions, model.Style):
        get_option = cls.get_option

        def kept_option(self, name, _get_option=get_option):  # type: ignore[no-untyped-def]
            options = _own(self, "_bibkaz_options")
            hit = options.get(name, _MISSING)
            if hit is _MISSING:
                hit = options[name] = _get_option(self, name)
            return hit

        cls.get_option = wraps(get_option)(kept_option)


class _KeptReference:
    """``CitationItem.reference`` looked up once per cite and kept in the cite's ``__dict__``.

    A non-data descriptor: once the answer is in the instance's ``__dict__``, Python finds it
    there without calling anything (a property ran on each of the ~250 look-ups of an APA entry's
    three passes). The answer depends on the cite's citation (its bibliography's source), so
    setting the cite's ``citation`` (``cite.citation = …``, :class:`citeproc.source.Citation`)
    drops it."""

    def __init__(self, lookup: Any) -> None:
        self.lookup = lookup
        self.__doc__ = lookup.__doc__

    def __get__(self, cite: Any, owner: Any = None) -> Any:
        if cite is None:
            return self
        found = self.lookup(cite)
        cite.__dict__["reference"] = found
        return found


def _install_reference() -> None:
    """``CitationItem.reference`` looked up once per cite (:class:`_KeptReference`)."""
    from citeproc.source import CitationItem

    if isinstance(CitationItem.__dict__.get("reference"), _KeptReference):
        return
    lookup = CitationItem.reference.fget
    set_attribute = CitationItem.__setattr__

    def setattr_dropping_reference(self, name, value):  # type: ignore[no-untyped-def]
        if name == "citation":
            self.__dict__.pop("reference", None)
        set_attribute(self, name, value)

    CitationItem.__setattr__ = setattr_dropping_reference
    CitationItem.reference = _KeptReference(lookup)


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

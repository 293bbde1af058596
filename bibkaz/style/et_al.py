"""Et-al abbreviation only where the style asks for it in full (CSL 1.0.2, "Name", et-al-min / et-al-use-first).

The specification enables et-al abbreviation by the *two* attributes together. citeproc-py
fills a missing ``et-al-use-first`` with 1, so a bibliography whose ``cs:name`` sets
``et-al-min="3"`` alone prints "John Doe et al." where citeproc-js prints every name
(suite fixture ``nameattr_EtAlUseFirstOnCitationInBibliography``: ``et-al-use-first``
on ``cs:citation`` does not reach the bibliography). Where neither the ``cs:name``, its
``cs:citation`` or ``cs:bibliography`` nor the style sets ``et-al-use-first``,
``et-al-min`` reads as 0 (no abbreviation). Sort keys with ``names-use-first`` keep theirs.

``et-al-subsequent-min`` / ``et-al-subsequent-use-first`` (ignored by citeproc-py 0.11) replace
the two for a cite whose work was cited before (position "subsequent"), and for every cite while
disambiguation compares cites, which citeproc-js does in their subsequent form
(:func:`install_subsequent`).
"""

from __future__ import annotations

from functools import wraps
from typing import Any, Callable

_USE_FIRST = "et-al-use-first"
_SUBSEQUENT_OF = {"et-al-min": "et-al-subsequent-min", "et-al-use-first": "et-al-subsequent-use-first"}
#: Above 0 while the names of a cite at position "subsequent" are rendered.
_IN_SUBSEQUENT = [0]
_UNSET = object()


def _set_anywhere(name: Any, context: Any, option: str = _USE_FIRST) -> bool:
    """Whether ``option`` is written on ``name``, the citation or bibliography holding it, or the style."""
    if name.get(option) is not None:
        return True
    ancestors = (context if context is not None else name).xpath_search(
        "./ancestor::*[self::cs:citation or self::cs:bibliography][1]")
    if ancestors and ancestors[0].get(option) is not None:
        return True
    return name.get_root().get(option) is not None


#: Where a ``cs:name`` keeps the options it answered (:func:`install`), until :func:`forget`.
_MEMO = "_bibkaz_name_options"


def forget(name: Any) -> None:
    """Drop the options ``name`` answered: called by every rule that sets or restores an
    attribute of a ``cs:name`` for one rendering (disambiguation's counts and given names, the
    institution "and", the et-al and after-inverted-name overrides of :mod:`bibkaz.style.names`)."""
    name.__dict__.pop(_MEMO, None)


def install(model: Any) -> None:
    """Wrap ``Name.get_option`` so "et-al-min" is 0 when no "et-al-use-first" goes with it, and
    answer each option once per ``cs:name``, context and position.

    citeproc-py's ``Name.process`` reads fifteen options at every rendering of a name list, and
    bibkaz's rules around it as many again, each through this wrapper, citeproc-py's look-up of
    the enclosing citation or bibliography and its options (7 % of APA's time). Outside sort keys
    the answer depends only on the element's attributes, the context's citation or bibliography
    (static), and whether a cite at position "subsequent" is rendered; attributes change only in
    the rules that call :func:`forget`. Sort keys (their options per key) and answers that raise
    are not kept."""
    get_option = model.Name.get_option

    @wraps(get_option)
    def option(self, name, context=None, sort_options=None):  # type: ignore[no-untyped-def]
        if sort_options is not None:
            return answer(self, name, context, sort_options)
        own = self.__dict__
        memo = own.get(_MEMO)
        if memo is None:
            memo = own[_MEMO] = {}
        key = (name, context, _IN_SUBSEQUENT[0] > 0)
        value = memo.get(key, _UNSET)
        if value is _UNSET:
            value = memo[key] = answer(self, name, context, sort_options)
        return value

    def answer(self, name, context, sort_options):  # type: ignore[no-untyped-def]
        if _IN_SUBSEQUENT[0] and name in _SUBSEQUENT_OF and not sort_options:
            try:
                if _set_anywhere(self, context, _SUBSEQUENT_OF[name]):
                    return get_option(self, _SUBSEQUENT_OF[name], context, sort_options)
            except (IndexError, AttributeError):  # a name outside a citation or bibliography
                pass
        value = get_option(self, name, context, sort_options)
        if name != "et-al-min" or not value or (sort_options and _USE_FIRST in sort_options):
            return value
        try:
            return value if _set_anywhere(self, context) else 0
        except (IndexError, AttributeError):  # a name outside a citation or bibliography (a locale's)
            return value

    model.Name.get_option = option


def citation_options(citation: Any) -> tuple[str | None, str | None]:
    """(``et-al-min``, ``et-al-use-first``) as written for ``citation``'s cites when compared: the
    ``et-al-subsequent-`` values where the citation or the style sets them (citeproc-js compares
    cites in their subsequent form), else the plain ones of the citation."""
    root = citation.getroottree().getroot()
    values = []
    for plain in ("et-al-min", "et-al-use-first"):
        later = _SUBSEQUENT_OF[plain]
        values.append(citation.get(later) or root.get(later) or citation.get(plain))
    return values[0], values[1]


def install_subsequent(model: Any, layout_of: Callable[[Any, Any], Any], at_subsequent: Callable[[Any, Any], bool]) -> None:
    """Wrap ``Name.process`` so a cite at position "subsequent" reads the ``et-al-subsequent-``
    options. ``layout_of(element, context)`` finds the layout rendering; ``at_subsequent(layout,
    item)`` says whether the cite is at that position (true for every cite being compared)."""
    process = model.Name.process
    if getattr(process, "_bibkaz_subsequent", False):
        return

    @wraps(process)
    def name_process(self, item, variable, context=None, sort_options=None, **kwargs):  # type: ignore[no-untyped-def]
        layout = layout_of(self, context) if sort_options is None else None
        later = layout is not None and at_subsequent(layout, item)
        _IN_SUBSEQUENT[0] += 1 if later else 0
        try:
            return process(self, item, variable, context=context, sort_options=sort_options, **kwargs)
        finally:
            _IN_SUBSEQUENT[0] -= 1 if later else 0

    name_process._bibkaz_subsequent = True  # type: ignore[attr-defined]
    model.Name.process = name_process

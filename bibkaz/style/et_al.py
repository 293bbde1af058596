"""Et-al abbreviation only where the style asks for it in full (CSL 1.0.2, "Name", et-al-min / et-al-use-first).

The specification enables et-al abbreviation by the *two* attributes together. citeproc-py
fills a missing ``et-al-use-first`` with 1, so a bibliography whose ``cs:name`` sets
``et-al-min="3"`` alone prints "John Doe et al." where citeproc-js prints every name
(suite fixture ``nameattr_EtAlUseFirstOnCitationInBibliography``: ``et-al-use-first``
on ``cs:citation`` does not reach the bibliography). Where neither the ``cs:name``, its
``cs:citation`` or ``cs:bibliography`` nor the style sets ``et-al-use-first``,
``et-al-min`` reads as 0 (no abbreviation). Sort keys with ``names-use-first`` keep theirs.
"""

from __future__ import annotations

from functools import wraps
from typing import Any

_USE_FIRST = "et-al-use-first"


def _set_anywhere(name: Any, context: Any) -> bool:
    """Whether ``et-al-use-first`` is written on ``name``, the citation or bibliography holding it, or the style."""
    if name.get(_USE_FIRST) is not None:
        return True
    ancestors = (context if context is not None else name).xpath_search(
        "./ancestor::*[self::cs:citation or self::cs:bibliography][1]")
    if ancestors and ancestors[0].get(_USE_FIRST) is not None:
        return True
    return name.get_root().get(_USE_FIRST) is not None


def install(model: Any) -> None:
    """Wrap ``Name.get_option`` so "et-al-min" is 0 when no "et-al-use-first" goes with it."""
    get_option = model.Name.get_option

    @wraps(get_option)
    def option(self, name, context=None, sort_options=None):  # type: ignore[no-untyped-def]
        value = get_option(self, name, context, sort_options)
        if name != "et-al-min" or not value or (sort_options and _USE_FIRST in sort_options):
            return value
        try:
            return value if _set_anywhere(self, context) else 0
        except (IndexError, AttributeError):  # a name outside a citation or bibliography (a locale's)
            return value

    model.Name.get_option = option

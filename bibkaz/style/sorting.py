"""Sort keys from macros compare the text, not the quotation marks around it.

citeproc-py sorts by a macro's rendered output with its quotes, so a quoted
article title (“Estimating …”) sorts after every unquoted book title: “ is
U+201C, above all letters. citeproc-js builds sort keys without the quotes a
style puts around a title, so MLA lists Imai's “Estimating …” (2013) before his
*FindIt* (2018), and the "———" of subsequent-author-substitute falls on the
second. We drop the locale's quote marks from macro sort keys.
"""

from __future__ import annotations

from functools import wraps
from typing import Any


def _quote_marks(element: Any) -> str:
    marks = []
    for term in ("open-quote", "close-quote", "open-inner-quote", "close-inner-quote"):
        try:
            marks.append(str(element.get_single_term(term)))
        except Exception:  # a locale without the term: nothing to strip for it
            continue
    return "".join(dict.fromkeys(m for m in marks if len(m) == 1))


def install(model: Any) -> None:
    """Wrap ``Key.sort_keys`` so keys rendered from a macro lose the locale's quotation marks."""
    sort_keys = model.Key.sort_keys

    @wraps(sort_keys)
    def unquoted_sort_keys(self, items, context):  # type: ignore[no-untyped-def]
        keys = sort_keys(self, items, context)
        if "macro" not in self.attrib:
            return keys
        table = str.maketrans("", "", _quote_marks(self))
        # citeproc-py compares str(key.lower()); a plain str keeps that working for every key type.
        return [None if key is None else str(key).translate(table) for key in keys]

    model.Key.sort_keys = unquoted_sort_keys

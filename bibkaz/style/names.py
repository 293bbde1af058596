"""Name rendering rules citeproc-py 0.11 lacks (CSL 1.0.2, "Names" and "Name").

- ``form="count"`` on a ``cs:names`` of several variables is the number of names
  they would print together ("author editor": 3 + 2 → "5"); citeproc-py
  printed the counts side by side ("32").
- ``delimiter-precedes-last`` and ``delimiter-precedes-et-al`` with the value
  ``after-inverted-name``: the delimiter goes before the last name / "et al."
  only when the name before it is printed inverted ("Weinstock, R., Leong, G. B.,
  & Silva, J. A." under name-as-sort-order="all"; "Doe, John, Jane Roe et al."
  under "first" with two names shown).
- ``et-al-use-first="0"`` on a list long enough to be cut prints nothing, not
  a lone "et al." (citeproc-js); ``et-al-use-first`` of as many names as the list
  has or more prints them all, with no "et al." after them.
- A name-part affix that ends in a no-break space ("John&#160;" + "Doe") is not
  followed by the space between name parts, as citeproc-js joins them.
"""

from __future__ import annotations

from functools import wraps
from typing import Any

from bibkaz.style.et_al import forget as forget_options

_NBSP = "\u00a0"


def _count(names_element: Any, name: Any, item: Any, context: Any) -> int:
    """The names the variables would print: all of each, or ``et-al-use-first`` when truncated."""
    et_al_min, use_first = name.get_option("et-al-min", context), name.get_option("et-al-use-first", context)
    total = 0
    for role in names_element.get("variable", "").split():
        names = item.reference.get(role, []) if role in item.reference else []
        truncated = bool(et_al_min) and len(names) > 1 and len(names) >= et_al_min
        total += min(len(names), use_first) if truncated else len(names)
    return total


def _inverted(name_as_sort_order: str | None, position: int) -> bool:
    return name_as_sort_order == "all" or (name_as_sort_order == "first" and position == 0)


def install(model: Any) -> None:
    """Wrap ``Names.process`` (counts) and ``Name.process`` (after-inverted-name, no-break spaces)."""
    names_process = model.Names.process
    if getattr(names_process, "_bibkaz_names", False):
        return

    @wraps(names_process)
    def counted(self, item, names_context=None, context=None, **kwargs):  # type: ignore[no-untyped-def]
        name = (names_context if names_context is not None else self).name
        if name is not None and name.get_option("form", context) == "count":
            total = _count(self, name, item, context)
            if total:
                return str(total)
        return names_process(self, item, names_context=names_context, context=context, **kwargs)

    counted._bibkaz_names = True  # type: ignore[attr-defined]
    model.Names.process = counted

    name_process = model.Name.process

    @wraps(name_process)
    def process(self, item, variable, context=None, sort_options=None, **kwargs):  # type: ignore[no-untyped-def]
        def option(key: str) -> Any:
            return self.get_option(key, context, sort_options)

        names = item.reference.get(variable, [])
        try:
            et_al_min, use_first = option("et-al-min"), option("et-al-use-first")
        except (KeyError, TypeError, ValueError, IndexError, AttributeError):  # the style sets no et-al rule
            et_al_min, use_first = None, None
        if use_first == 0 and et_al_min and len(names) > 1 and len(names) >= et_al_min:
            raise model.VariableError  # et-al-use-first="0": a truncated list prints nothing, "et al." neither
        overrides: dict[str, str] = {}
        truncated = bool(et_al_min) and len(names) > 1 and len(names) >= et_al_min
        if truncated and use_first is not None and use_first >= len(names):
            # Nothing to cut: no "et al." after the last name (citeproc-py printed one).
            overrides = {"et-al-min": str(len(names) + 1), "et-al-subsequent-min": str(len(names) + 1)}
            truncated = False
        last, et_al = option("delimiter-precedes-last"), option("delimiter-precedes-et-al")
        if "after-inverted-name" in (last, et_al):
            # Decide the delimiter by where the name before the last (or before "et al.") stands.
            shown = min(len(names), use_first) if truncated else len(names)
            before = shown - 1 if truncated else shown - 2  # position of the name before "et al." / the last
            inverted = _inverted(option("name-as-sort-order"), before) if before >= 0 else False
            replacement = "always" if inverted else "never"
            overrides.update({k: replacement for k, v in (("delimiter-precedes-last", last),
                                                          ("delimiter-precedes-et-al", et_al))
                              if v == "after-inverted-name"})
        if not overrides:
            text = name_process(self, item, variable, context=context, sort_options=sort_options, **kwargs)
            return _no_space_after_nbsp(text)
        saved = {k: self.attrib.get(k) for k in overrides}
        self.attrib.update(overrides)
        forget_options(self)
        try:
            text = name_process(self, item, variable, context=context, sort_options=sort_options, **kwargs)
        finally:
            for key, value in saved.items():
                if value is None:
                    del self.attrib[key]
                else:
                    self.attrib[key] = value
            forget_options(self)
        return _no_space_after_nbsp(text)

    model.Name.process = process


def _no_space_after_nbsp(text: Any) -> Any:
    if isinstance(text, str) and _NBSP + " " in text:
        return type(text)(text.replace(_NBSP + " ", _NBSP))
    return text

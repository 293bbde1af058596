"""``subsequent-author-substitute``: "———." for a repeated author (CSL 1.0.2, cs:bibliography).

citeproc-py 0.11 reads neither the option nor its rule, so MLA prints the same
author in full on every line where citeproc-js, Zotero and pandoc print "———".
The rule is about the names of the first ``cs:names`` element rendered in an
entry compared with the previous entry's; only the processor's own loop over
entries knows "previous", so :mod:`bibkaz.style.render` owns that loop and hands
each entry a :class:`Substitution` through the layout's per-entry state; the
patched ``Name.process`` below consults it.

Names are "the same" when the names the entry shows (after et-al truncation)
have the same parts (family, given, particles, suffix, literal); "et al." is not
a name, so "Wickham, H., et al." after "Wickham, H." is a repeat, as in citeproc-js.
Names printed with a role label ("Wilson, Greg, editor", an editor standing in
for the missing author) are never replaced and are not "previous" for the next
entry, as in citeproc-js; neither is an entry without names: the entry after it
compares with the last names printed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import wraps
from typing import Any

#: Key in citeproc-py's per-entry ``layout.repressed`` dict (reset for every entry).
STATE = "bibkaz:subsequent"
_DONE = "bibkaz:subsequent-done"
RULES = ("complete-all", "complete-each", "partial-each", "partial-first")

NameKey = tuple[Any, ...]


@dataclass
class Substitution:
    """The style's option and rule, and the first names of the entry before."""

    text: str
    rule: str = "complete-all"
    previous: tuple[NameKey, ...] | None = None
    current: tuple[NameKey, ...] | None = field(default=None)

    def next_entry(self) -> None:
        """Called by the loop after each entry: its names, if it printed an author's, become "previous"."""
        if self.current is not None:
            self.previous = self.current
        self.current = None

    def replaced(self, names: tuple[NameKey, ...]) -> list[bool]:
        """Which of ``names`` print as the substitute under the rule."""
        prev = self.previous or ()
        if not names or not prev:
            return [False] * len(names)
        if self.rule in ("complete-all", "complete-each"):
            return [names == prev] * len(names)
        matching = []
        for mine, theirs in zip(names, prev):
            if mine != theirs:
                break
            matching.append(True)
        if self.rule == "partial-first":
            matching = matching[:1]
        return matching + [False] * (len(names) - len(matching))


def from_style(style: Any) -> Substitution | None:
    """The style's substitution, or None when its bibliography asks for none."""
    bibliography = style.root.bibliography
    text = bibliography.get("subsequent-author-substitute") if bibliography is not None else None
    if text is None:
        return None
    rule = bibliography.get("subsequent-author-substitute-rule", "complete-all")
    return Substitution(str(text), rule if rule in RULES else "complete-all")


def _key(name: Any) -> NameKey:
    return tuple(name.parts())


def _shown(element: Any, names: list[Any], context: Any) -> tuple[NameKey, ...]:
    """Keys of the names ``element`` prints (after et-al truncation; "et al." itself is not a name)."""
    keys = tuple(_key(n) for n in names)
    try:
        et_al_min = element.get_option("et-al-min", context)
        use_first = element.get_option("et-al-use-first", context)
    except (TypeError, ValueError, IndexError, AttributeError):  # the style sets no et-al rule
        return keys
    if et_al_min and len(names) > 1 and len(names) >= et_al_min:
        return keys[:use_first]
    return keys


class _Substituted(dict):  # type: ignore[type-arg]
    """A name whose every part is the substitute (citeproc-py prints a literal as is)."""

    def __init__(self, text: str) -> None:
        super().__init__(literal=text)

    def parts(self) -> tuple[Any, ...]:
        return (None, self["literal"], None, None, None)


def _labelled(element: Any, item: Any, variable: str, names: list[Any]) -> bool:
    """Whether the ``cs:names`` holding ``element`` prints a role label after these names ("editor")."""
    label = getattr(element.getparent(), "label", None)
    if label is None:
        return False
    try:
        return label.render(item, variable, len(names) > 1) is not None
    except Exception:  # a label citeproc-py cannot render prints nothing
        return False


def install(model: Any, repressed_of: Any) -> None:
    """Wrap ``Name.process``; ``repressed_of(element, context)`` finds the entry's state."""
    process = model.Name.process

    @wraps(process)
    def name_process(self, item, variable, context=None, sort_options=None, **kwargs):  # type: ignore[no-untyped-def]
        repressed = repressed_of(self, context) if sort_options is None else {}
        state: Substitution | None = repressed.get(STATE)
        names = item.reference.get(variable, []) if state is not None else []
        if state is None or repressed.get(_DONE) or not names:
            return process(self, item, variable, context=context, sort_options=sort_options, **kwargs)
        repressed[_DONE] = True
        if _labelled(self, item, variable, names):
            return process(self, item, variable, context=context, sort_options=sort_options, **kwargs)
        keys = _shown(self, names, context)
        state.current = keys
        replaced = (state.replaced(keys) + [False] * len(names))[: len(names)]
        if not any(replaced):
            return process(self, item, variable, context=context, sort_options=sort_options, **kwargs)
        if state.rule == "complete-all":
            return self.preformat(state.text)
        original = item.reference[variable]
        item.reference[variable] = [_Substituted(state.text) if r else n for n, r in zip(names, replaced)]
        try:
            return process(self, item, variable, context=context, sort_options=sort_options, **kwargs)
        finally:
            item.reference[variable] = original

    model.Name.process = name_process

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
An entry without names is not "previous": the entry after it compares with the
last names printed.

What citeproc-js (2.4.63, read and run) does beyond the specification's few lines:

* names printed with a role label ("Doe, John, editor") are compared and replaced
  like any others, and the label stays: "———, editor" (suite fixtures
  ``sort_SeparateAuthorsAndOthers``, ``sort_DropNameLabelInSort``);
* a variable that ``cs:substitute`` prints through ``cs:text`` (a title, a
  newspaper's name) stands for the names: it is compared as a one-name list and
  printed as the substitute when it repeats (``name_SubstitutePartialEach``,
  ``name_SubsequentAuthorSubstituteSingleField``);
* once ``cs:substitute`` has tried a ``cs:names`` with children of its own (its own
  ``cs:name``) that printed nothing, citeproc-js has re-initialised its name output
  and substitutes nothing more in the entry, which is then not "previous" either.
  MLA's substitute tries ``guest`` (with its own ``cs:name``) before editors,
  translators and the title, so in MLA an editor or a title is never replaced,
  while authors are: what Zotero prints with MLA, checked on the real style.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from functools import wraps
from typing import Any

#: Key in citeproc-py's per-entry ``layout.repressed`` dict (reset for every entry).
STATE = "bibkaz:subsequent"
_DONE = "bibkaz:subsequent-done"
#: Set when cs:substitute tried a cs:names with children of its own that printed nothing.
_BLOCKED = "bibkaz:subsequent-blocked"
#: (variable, value) pairs cs:text printed while a substitute of the first names renders.
_TEXTS = "bibkaz:subsequent-texts"
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


def _like(value: Any, text: str) -> Any:
    """``text`` as the string type citeproc-py read ``value`` into (title case and quotes need its methods)."""
    from citeproc.string import MixedString, String

    return MixedString([String(text)]) if isinstance(value, MixedString) else type(value)(text)


def _own_children_in_substitute(names: Any, model: Any) -> bool:
    """Whether ``names`` has child elements and sits in a ``cs:substitute`` (citeproc-js re-initialises there)."""
    if not len(names):
        return False
    return any(isinstance(a, model.Substitute) for a in names.iterancestors())


def install(model: Any, repressed_of: Any) -> None:
    """Wrap ``Name.process``, ``Names.process``, ``Substitute.render`` and ``Text._variable``;
    ``repressed_of(element, context)`` finds the entry's state."""
    _install_names(model, repressed_of)
    _install_blocking(model, repressed_of)
    _install_texts(model, repressed_of)


def _install_names(model: Any, repressed_of: Any) -> None:
    process = model.Name.process

    @wraps(process)
    def name_process(self, item, variable, context=None, sort_options=None, **kwargs):  # type: ignore[no-untyped-def]
        repressed = repressed_of(self, context) if sort_options is None else {}
        state: Substitution | None = repressed.get(STATE)
        names = item.reference.get(variable, []) if state is not None else []
        if state is None or repressed.get(_DONE) or not names:
            return process(self, item, variable, context=context, sort_options=sort_options, **kwargs)
        repressed[_DONE] = True
        if repressed.get(_BLOCKED):
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


def _install_blocking(model: Any, repressed_of: Any) -> None:
    process = model.Names.process

    @wraps(process)
    def names_process(self, item, *args, context=None, **kwargs):  # type: ignore[no-untyped-def]
        text = None
        try:
            text = process(self, item, *args, context=context, **kwargs)
        finally:  # citeproc-py raises VariableError for a cs:names that printed nothing
            if not text:
                repressed = repressed_of(self, context)
                if STATE in repressed and not repressed.get(_DONE) and _own_children_in_substitute(self, model):
                    repressed[_BLOCKED] = True
        return text

    model.Names.process = names_process


def _install_texts(model: Any, repressed_of: Any) -> None:
    variable_of = model.Text._variable
    render = model.Substitute.render

    @wraps(variable_of)
    def text_variable(self, item, context):  # type: ignore[no-untyped-def]
        value = variable_of(self, item, context)
        texts = repressed_of(self, context).get(_TEXTS) if value else None
        if texts is not None:
            key = str(self.get("variable")).replace("-", "_")
            texts.append((key, item.reference.get(key)))
        return value

    @wraps(render)
    def substitute_render(self, item, context=None, **kwargs):  # type: ignore[no-untyped-def]
        repressed = repressed_of(self, context)
        state: Substitution | None = repressed.get(STATE)
        if state is None or repressed.get(_DONE) or _TEXTS in repressed:
            return render(self, item, context=context, **kwargs)
        before = {k: copy.copy(v) for k, v in repressed.items() if k != STATE}
        repressed[_TEXTS] = []
        try:
            text = render(self, item, context=context, **kwargs)
        finally:
            texts = repressed.pop(_TEXTS)
        if not text or repressed.get(_DONE) or not texts or texts[0][1] is None:
            return text  # names printed (Name.process compared them), or nothing a text printed
        repressed[_DONE] = True
        if repressed.get(_BLOCKED):
            return text
        variable, value = texts[0]
        state.current = ((None, str(value), None, None, None),)
        if not any(state.replaced(state.current)):
            return text
        # Rendered again on the entry's state as it was (the first rendering marked the variable printed).
        repressed.clear()
        repressed.update(before, **{STATE: state, _DONE: True})
        item.reference[variable] = _like(value, state.text)
        try:
            return render(self, item, context=context, **kwargs)
        finally:
            item.reference[variable] = value

    model.Text._variable = text_variable
    model.Substitute.render = substitute_render

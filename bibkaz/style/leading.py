"""A term that opens a bibliography entry is capitalised, as citeproc-js does.

citeproc-js capitalises the first letter of a ``cs:text term`` when nothing has
been printed before it in the entry ("(No date a). Available at: …" in Harvard,
"Vol. ^ …" in IEEE after the "[381]" number, "In Congressional Record" in
Chicago), as a sentence starts with a capital; citeproc-py prints the locale's
lower case. What counts as "printed before" is citeproc-js's: names, dates,
labels, text variables, values and terms; not the citation number nor the
affixes of a group; and nothing from a group that was suppressed for lack of
variables.

:mod:`bibkaz.style.render` turns the rule on for each bibliography entry by
putting :data:`STATE` in the layout's per-entry state, and
:mod:`bibkaz.style.citations` for each citation of a note style (one state for
all its cites: "Ibid." opening a note, "…; ibid." after another cite); without
it (sort keys, in-text citations, where citeproc-js does not capitalise either)
nothing changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import wraps
from typing import Any, Callable

#: Key in citeproc-py's per-entry ``layout.repressed`` dict (reset for every entry).
STATE = "bibkaz:leading"


@dataclass
class Leading:
    """Whether anything has been printed yet in the entry being rendered."""

    printed: bool = False


def capitalize_first(text: Any) -> Any:
    """"no date" → "No date"; keeps citeproc-py's string type."""
    value = str(text)
    if not value or not value[0].islower():
        return text
    capitalised = value[0].upper() + value[1:]
    return capitalised if type(text) is str else type(text)(capitalised)


def install(model: Any, repressed_of: Callable[[Any, Any], dict[str, Any]]) -> None:
    """Wrap the rendering of texts, names, dates, labels and groups to track and apply the rule."""

    def state_of(element: Any, context: Any) -> Leading | None:
        return repressed_of(element, context).get(STATE)

    text_process = model.Text.process

    @wraps(text_process)
    def text(self, item, context=None, **kwargs):  # type: ignore[no-untyped-def]
        value, language = text_process(self, item, context=context, **kwargs)
        state = state_of(self, context)
        if state is None or not value:
            return value, language
        if "term" in self.attrib:
            if not state.printed:
                value = capitalize_first(value)
            state.printed = True
        elif "value" in self.attrib or self.get("variable") not in (None, "citation-number"):
            state.printed = True
        return value, language

    model.Text.process = text

    def marking(cls: Any) -> None:
        process = cls.process

        @wraps(process)
        def marked(self, item, *args, context=None, **kwargs):  # type: ignore[no-untyped-def]
            value = process(self, item, *args, context=context, **kwargs)
            state = state_of(self, context)
            if value and state is not None:
                state.printed = True
            return value

        cls.process = marked

    for cls in (model.Names, model.Date, model.Label):
        marking(cls)

    group_process = model.Group.process

    @wraps(group_process)
    def group(self, item, context=None, **kwargs):  # type: ignore[no-untyped-def]
        state = state_of(self, context)
        before = state.printed if state is not None else False
        try:
            return group_process(self, item, context=context, **kwargs)
        except model.VariableError:
            if state is not None:  # a suppressed group printed nothing
                state.printed = before
            raise

    model.Group.process = group

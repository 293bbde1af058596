"""Group suppression decided at render time (CSL 1.0.2, "Group"), as citeproc-js decides it.

CSL: a ``cs:group`` is suppressed when at least one of its elements calls a
variable (directly or through a macro) and every variable it calls is empty.
citeproc-py 0.11 decides this statically: a child counts as "rendering a
variable" when it printed anything and *could* call one, so a macro printing a
term beside an empty variable ("in" + no container title) keeps its group and
Chicago prints "His Anonymous Life, in ".

Here each variable-rendering element (``cs:text variable``, ``cs:number``,
``cs:date``, ``cs:names``) counts, per thread, the variables it was asked for
and the ones it printed; a group compares the counts before and after its
children. citeproc-js expands a macro into a group, so a ``cs:text macro``
follows the same rule ("in " alone is not printed). A nested group or macro
that prints counts as a non-empty variable of the group around it (CSL 1.0.2:
"Bloggs (has no title)" keeps the text of its inner group). Generated variables
(``year-suffix``) count as citeproc-py counts them: not at all.
"""

from __future__ import annotations

import threading
from functools import wraps
from typing import Any


class _Counts(threading.local):
    called = 0
    rendered = 0


COUNTS = _Counts()


def _printed(output: Any) -> bool:
    return output is not None and str(output) != ""


def _counting(render: Any, *, is_variable: Any = None) -> Any:
    """``render`` counting one variable asked for, and one printed when it returns text."""

    @wraps(render)
    def counted(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        if is_variable is not None and not is_variable(self):
            return render(self, *args, **kwargs)
        COUNTS.called += 1
        output = render(self, *args, **kwargs)
        if _printed(output):
            COUNTS.rendered += 1
        return output

    return counted


def suppressed(called_before: int, rendered_before: int) -> bool:
    """Whether the element rendered since the counts were taken called variables and printed none."""
    return COUNTS.called > called_before and COUNTS.rendered == rendered_before


def install(model: Any) -> None:
    """Count variables in Text, Number, Date and Names; decide Group and macro suppression by the counts."""
    if getattr(model.Group.process, "_bibkaz_suppression", False):
        return
    def is_variable(el: Any) -> bool:  # read once per element: a cs:text's attributes never change
        own = el.__dict__
        answer = own.get("_bibkaz_counts")
        if answer is None:
            answer = own["_bibkaz_counts"] = "variable" in el.attrib and el.get("variable") not in el.generated_variables
        return answer

    model.Text.render = _counting(model.Text.render, is_variable=is_variable)
    for cls in (model.Number, model.Date, model.Names):
        cls.render = _counting(cls.render)

    def group_process(self, item, context=None, **kwargs):  # type: ignore[no-untyped-def]
        called, rendered = COUNTS.called, COUNTS.rendered
        output = []
        delimiter = self.get("delimiter", "")
        for child in self.iterchildren():
            try:
                if isinstance(child, model.Choose):
                    text = child.render(item, context=context, delimiter=delimiter, **kwargs)
                else:
                    text = child.render(item, context=context, **kwargs)
            except model.VariableError:
                continue
            if text is not None:
                output.append(text)
        if not output or suppressed(called, rendered):
            raise model.VariableError
        COUNTS.rendered += 1  # CSL 1.0.2: a nested group that prints counts as a non-empty variable
        return self.join(output)

    group_process._bibkaz_suppression = True  # type: ignore[attr-defined]
    model.Group.process = group_process

    text_process = model.Text.process

    @wraps(text_process)
    def macro_as_group(self, item, context=None, **kwargs):  # type: ignore[no-untyped-def]
        if "macro" not in self.attrib:
            return text_process(self, item, context, **kwargs)
        called, rendered = COUNTS.called, COUNTS.rendered
        text, language = text_process(self, item, context, **kwargs)
        if suppressed(called, rendered):
            return None, language
        if text is not None and str(text) != "":
            COUNTS.rendered += 1
        return text, language

    model.Text.process = macro_as_group

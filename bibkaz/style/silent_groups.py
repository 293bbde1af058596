"""Groups that an item's missing variables suppress, told before the group is walked.

A ``cs:group`` that calls variables and prints none of them prints nothing (CSL's
group suppression, :mod:`bibkaz.style.suppression`). APA's entry holds some forty
groups (edition, volume and issue, pages, the archive, the reviewed work, …), and
for a typical work most of them are walked, test by test and variable by variable,
only to be suppressed: 26 suppressed groups an APA work over its three passes
(entry, sort key, citation key), about 30 % of the run in the outermost of them
(measured with a timer on each compiled group, 2,000 dev works).

The same holds for a ``cs:text`` of a macro, which prints nothing when its macro is suppressed
as a group would be (APA's "edition", "publisher", "event" macros for most works).

When the group's elements are all of kinds whose output, for an item that has none
of the variables they can read, is known without rendering, the group's outcome is
known too. :func:`plan` decides that once per ``cs:group`` from the style alone; per
item, :class:`SilentPlan` asks only whether the item lacks every variable the group
can read. The analysis (each element kind, its output and what it counts, with every
variable absent):

- ``cs:text`` of a variable (read by :func:`bibkaz.style.compiled._variable_reader`),
  ``cs:names`` (without ``cs:substitute``), ``cs:date`` (one the compiled walk renders
  itself) and ``cs:number``: no output, one variable counted as asked for and none as
  printed ("calls");
- ``cs:label`` of a variable (not the locator, not inside ``cs:names``): no output, no
  count;
- ``cs:text`` of a term or a value: prints, counts nothing;
- ``cs:group`` and ``cs:text`` of a macro (which the suppression rules treat alike): print
  nothing and count nothing as printed when each child counts nothing as printed and the
  element calls a variable on every path, or when no child prints; they call a variable
  on every path when one child does;
- ``cs:choose``: its branch's children stand in the parent; it calls a variable on every
  path when it has a ``cs:else`` and every branch does. Its tests (type, variable,
  is-numeric, is-uncertain-date, locator) change nothing; position, disambiguate and
  note-number tests, whose state other modules keep, make the group unplanned.

A group planned this way, for an item lacking all its variables, prints nothing and has
raised the "asked for" count, which is all its enclosing group or macro reads (they compare
counts before and after, never their values); so its closure counts one variable asked for
and returns :data:`bibkaz.style.compiled.SKIP` (a macro's ``cs:text``: None), as its walk would have. The leading-capital
state a suppressed group restores is left untouched. Conditions read at render time, when
the walk itself would take another path: a layout that collapses cites (text variables
note that they were asked), a ``cs:names`` while subsequent-author-substitute watches the
entry's names, a ``cs:names`` whose inherited form is "count", a ``cs:date`` in a sort key
or an ``accessed`` date while disambiguation compares cites. Any other element (an unknown
kind, a ``cs:substitute``, a variable a rule of its own reads: locator, pages, citation
number, year suffix) and the group is walked as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

#: Variables whose reading is not the plain look-up (a rule of their own, or generated).
_OWN = frozenset({"locator", "citation-number", "citation-label", "first-reference-note-number", "year-suffix"})
#: ``cs:if`` attributes whose test is pure for these purposes (no state read or written).
_PURE_TESTS = frozenset({"type", "variable", "is-numeric", "is-uncertain-date", "locator", "match"})


class _Unplanned(Exception):
    """An element this analysis does not cover: the group is walked."""


@dataclass(frozen=True)
class _Shape:
    """What an element does when the item lacks every variable it reads."""

    calls: bool  #: counts a variable as asked for on every path
    quiet: bool  #: prints nothing and counts nothing as printed
    counts_free: bool  #: counts nothing as printed (it may print terms)


@dataclass(frozen=True)
class SilentPlan:
    """Per item: whether the group is known to be suppressed (see the module docstring)."""

    keys: frozenset[str]  #: every spelling of every variable the group can read
    names: tuple[Any, ...]  #: ``cs:name`` elements whose form is inherited (asked per context)
    has_names: bool
    has_dates: bool

    def silent(self, item: Any, context: Any, element: Any, repressed: Any) -> bool:
        """Whether ``item`` lacks every variable and no state the walk consults is in play."""
        reference = item.reference
        if not self.keys.isdisjoint(reference):
            return False
        try:
            layout = (context if context is not None else element).get_layout()
        except (IndexError, AttributeError):
            return False
        if getattr(layout, "bibkaz_collapse", None) is not None:
            return False
        if self.has_names:
            from bibkaz.style.subsequent import STATE as SUBSTITUTING

            if SUBSTITUTING in repressed(element, context):
                return False
            try:  # asked of names the walk may not reach: where asking raises, the walk decides
                if any(name.get_option("form", context) == "count" for name in self.names):
                    return False
            except Exception:  # noqa: BLE001 — citeproc-py's option look-up raises IndexError outside a layout
                return False
        if self.has_dates:
            from bibkaz.style import disambiguate, sorting

            if sorting._SORTING[0] or disambiguate._LOOKING[0]:
                return False
        return True


def plan(element: Any, model: Any) -> SilentPlan | None:
    """The plan of ``element`` (a ``cs:group``, or a ``cs:text`` of a macro, which the suppression
    rules treat as a group), or None when the analysis does not cover it or it may print with every
    variable missing."""
    if any(isinstance(ancestor, model.Substitute) for ancestor in element.iterancestors()):
        return None
    try:
        found = _Walker(model).element(element)
    except _Unplanned:
        return None
    if not (found.shape.calls and found.shape.quiet):
        return None
    return SilentPlan(found.keys, found.inherited, found.has_names, found.has_dates)


@dataclass(frozen=True)
class _Found:
    """An element's shape and what its subtree reads, kept on the element (a macro is walked once,
    not once for each group and macro call above it: planning every group and macro call of APA
    walked its macros again each time, 12 % of a 600-work run)."""

    shape: _Shape
    keys: frozenset[str] = frozenset()
    inherited: tuple[Any, ...] = ()
    has_names: bool = False
    has_dates: bool = False


#: Kept on each element: its :class:`_Found`, or :data:`_UNPLANNED`.
_KEPT = "_bibkaz_silent"
_UNPLANNED = object()
_CALLS = _Shape(calls=True, quiet=True, counts_free=True)


def _keys(name: str) -> frozenset[str]:
    if name in _OWN or name.startswith("page"):
        raise _Unplanned
    return frozenset(f"{spelling}{end}" for spelling in (name, name.replace("-", "_")) for end in ("", "-short", "_short"))


def _merged(shape: _Shape, found: list[_Found]) -> _Found:
    return _Found(shape, frozenset().union(*(f.keys for f in found)), tuple(n for f in found for n in f.inherited),
                  any(f.has_names for f in found), any(f.has_dates for f in found))


class _Walker:
    def __init__(self, model: Any) -> None:
        self.model = model
        self.macros: list[str] = []  # the macros being walked (a macro calling itself is not planned)

    def element(self, element: Any) -> _Found:
        own = element.__dict__
        kept = own.get(_KEPT)
        if kept is None:
            try:
                kept = self._walk(element)
            except _Unplanned:
                kept = _UNPLANNED
            # kept whatever the macros being walked: a macro met again means a cycle, which the
            # element's own expansion reaches from any start, so its answer is the same everywhere
            own[_KEPT] = kept
        if kept is _UNPLANNED:
            raise _Unplanned
        return kept  # type: ignore[no-any-return]

    def parent(self, children: list[Any]) -> _Found:
        """A group's or a macro's shape from its children's (the suppression rule)."""
        found = [self.element(child) for child in children]
        calls = any(f.shape.calls for f in found)
        counts_free = all(f.shape.counts_free for f in found)
        quiet = counts_free and (calls or all(f.shape.quiet for f in found))
        return _merged(_Shape(calls, quiet, quiet), found)

    def _walk(self, element: Any) -> _Found:
        model = self.model
        kind = type(element)
        if kind is model.Group:
            return self.parent(list(element.iterchildren()))
        if kind is model.Choose:
            return self.choose(element)
        if kind is model.Text:
            return self.text(element)
        if kind is model.Names:
            if element.substitute() is not None or element.get("variable") is None:
                raise _Unplanned
            name = element.name
            if name is None or name.get("form") == "count":
                raise _Unplanned
            keys = frozenset().union(*(_keys(role) for role in element.get("variable").split()))
            return _Found(_CALLS, keys, (name,) if name.get("form") is None else (), has_names=True)
        if kind is model.Date:
            variable, form = element.get("variable"), element.get("form")
            if variable is None or element.is_locale_date() or (form is not None and element.get_date(form) is None):
                raise _Unplanned
            return _Found(_CALLS, _keys(variable), has_dates=True)
        if kind is model.Number:
            variable = element.get("variable")
            if variable is None:
                raise _Unplanned
            return _Found(_CALLS, _keys(variable))
        if kind is model.Label:
            variable = element.get("variable")
            if not variable or isinstance(element.getparent(), model.Names):
                raise _Unplanned
            return _Found(_Shape(calls=False, quiet=True, counts_free=True), _keys(variable))
        raise _Unplanned

    def text(self, element: Any) -> _Found:
        attrib = element.attrib
        kinds = [k for k in ("variable", "macro", "term", "value") if k in attrib]
        if len(kinds) != 1:
            raise _Unplanned
        kind = kinds[0]
        if kind == "variable":
            variable = element.get("variable")
            if variable in element.generated_variables:
                raise _Unplanned
            return _Found(_CALLS, _keys(variable))
        if kind in ("term", "value"):
            return _Found(_Shape(calls=False, quiet=False, counts_free=True))
        name = element.get("macro")
        if name in self.macros:
            raise _Unplanned
        macro = element.get_macro(name)
        kept = macro.__dict__.get(_KEPT)
        if kept is not None:
            if kept is _UNPLANNED:
                raise _Unplanned
            return kept  # type: ignore[no-any-return]
        self.macros.append(name)
        try:
            found = self.parent(list(macro.iterchildren()))
        except _Unplanned:
            found = _UNPLANNED  # type: ignore[assignment]
        finally:
            self.macros.pop()
        macro.__dict__[_KEPT] = found
        if found is _UNPLANNED:
            raise _Unplanned
        return found

    def choose(self, element: Any) -> _Found:
        model = self.model
        branches = []
        has_else = False
        for branch in element.iterchildren():
            if type(branch) is model.Else:
                has_else = True
            elif isinstance(branch, model.If):
                if any(attribute not in _PURE_TESTS for attribute in branch.attrib):
                    raise _Unplanned
                if "first-reference-note-number" in (branch.get("variable") or "").split():
                    raise _Unplanned
            else:
                raise _Unplanned
            children = [self.element(child) for child in branch.iterchildren()]
            branches.append(_merged(_Shape(calls=any(f.shape.calls for f in children),
                                           quiet=all(f.shape.quiet for f in children),
                                           counts_free=all(f.shape.counts_free for f in children)), children))
        shape = _Shape(calls=has_else and all(f.shape.calls for f in branches),
                       quiet=all(f.shape.quiet for f in branches),
                       counts_free=all(f.shape.counts_free for f in branches))
        return _merged(shape, branches)

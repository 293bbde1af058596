"""Cite collapsing in author-date citations: "(GAO 1996, 2003d)", not "(GAO 1996; GAO 2003d)".

CSL 1.0.2 ``collapse="year"`` (and ``year-suffix``, ``year-suffix-ranged``, or
``cite-group-delimiter`` alone) asks that cites of a citation whose names read
the same print the names once. citeproc-py 0.11 ignores the attribute. The
specification leaves the details open; we follow citeproc-js (the processor of
Zotero, Mendeley and citation-js) as found in ``citeproc_commonjs.js``:

* the names compared are the output of the first ``cs:names`` of a cite that
  prints real names (a substituted editor counts; a title standing in for the
  author does not), compared as rendered text with the last names printed in
  the same citation; a cite whose names equal them prints without them;
* a cite is "collapsed" unless it prints names of its own or reaches a
  ``cs:text`` variable other than the locator and year suffix (even an empty
  one): so an undated, anonymous web page after "(Tsui, n.d." joins it as
  ", n.d.-a" while an anonymous report (whose macros test its number) does not;
* the delimiter before a cite is chosen as ``CSL.getSpliceDelimiter`` does:
  ``after-collapse-delimiter`` when the style sets it, else
  ``cite-group-delimiter`` within a group, else ", " before a collapsed cite
  of an in-text style, else the layout's delimiter.

:func:`install` records, per cite, what the rule needs while citeproc-py
renders it; :class:`Collapser` decides cuts and delimiters for one citation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import wraps
from typing import Any

#: Per-cite keys in citeproc-py's ``layout.repressed`` (reset for every cite).
_DEPTH = "bibkaz:collapse-depth"
_NAMES = "bibkaz:collapse-names"
_SEEN = "bibkaz:collapse-names-seen"
_SAME = "bibkaz:collapse-same"
_OWN_NAMES = "bibkaz:collapse-own-names"
_TEXT = "bibkaz:collapse-text-variable"
_YEAR = "bibkaz:collapse-year"
_SUFFIX_ONLY = "bibkaz:collapse-suffix-only"
_HAS_SUFFIX = "bibkaz:collapse-has-suffix"

#: Around a year left out of a cite's output. The year is rendered (so the groups around it
#: count it as a variable printed, as citeproc-js counts a date that has a value) and cut out
#: of the cite's text afterwards by :func:`cut_hidden`. Private-use characters, never in data.
_HIDDEN_START, _HIDDEN_END = "\ue0b0", "\ue0b1"
_HIDDEN = re.compile(f"{_HIDDEN_START}[^{_HIDDEN_END}]*{_HIDDEN_END}")

#: Variables whose ``cs:text`` does not stop a cite from collapsing (citeproc-js renders
#: the year suffix in its own branch and exempts the locator by name).
_EXEMPT = frozenset({"locator", "year-suffix"})


def active(citation: Any) -> bool:
    """Whether ``cs:citation`` asks for cite grouping."""
    collapse = citation.get("collapse", "")
    return collapse.startswith("year") or bool(citation.get("cite-group-delimiter"))


@dataclass
class CiteState:
    """What rendering one cite told the collapser."""

    own_names: bool  # it printed names other than the last printed
    same: bool  # its names equalled the last names printed (and were left out under collapse="year…")
    collapsed: bool  # citeproc-js's ``have_collapsed`` after the cite
    has_locator: bool
    year: int | None = None  # the first year it rendered
    suffix_only: bool = False  # its year was left out, as the last cite's (collapse="year-suffix…")


@dataclass
class Collapser:
    """The state of one citation being rendered: the last names printed and the cites so far."""

    citation: Any
    last_names: str | None = None
    cites: list[CiteState] = field(default_factory=list)
    last_year: int | None = None

    def cite_start(self, repressed: dict[str, Any], item: Any) -> None:
        """Called with a cite's fresh ``layout.repressed`` before it renders."""
        repressed[_HAS_SUFFIX] = bool(item.reference.get("year_suffix"))

    def cite_done(self, repressed: dict[str, Any], has_locator: bool) -> None:
        collapsed = not repressed.get(_OWN_NAMES) and not repressed.get(_TEXT)
        year = repressed.get(_YEAR)
        self.cites.append(CiteState(bool(repressed.get(_OWN_NAMES)), bool(repressed.get(_SAME)), collapsed, has_locator,
                                    year, bool(repressed.get(_SUFFIX_ONLY))))
        self.last_year = year

    def collapses_years(self) -> bool:
        """Whether repeated years print as their suffix only ("2000a, b"): citeproc-js asks for
        ``collapse="year-suffix"`` or ``"year-suffix-ranged"`` and year suffixes switched on."""
        return (self.citation.get("collapse") in ("year-suffix", "year-suffix-ranged")
                and self.citation.get("disambiguate-add-year-suffix", "false").lower() == "true")

    def suffix_delimiter(self, layout_delimiter: str) -> str:
        """What precedes a suffix-only cite (citeproc-js's ``successor_prefix`` of the suffix)."""
        for attribute in ("cite-group-delimiter", "year-suffix-delimiter"):
            if self.citation.get(attribute) is not None:
                return str(self.citation.get(attribute))
        return layout_delimiter

    def delimiter_before(self, position: int, layout_delimiter: str, in_text: bool) -> str:
        """The delimiter printed between cite ``position - 1`` and cite ``position``."""
        now, last = self.cites[position], self.cites[position - 1]
        after = self.citation.get("after-collapse-delimiter")
        if after is not None:
            if last.has_locator or (last.collapsed and not now.collapsed):
                return after
            if not last.collapsed and not now.collapsed and self.citation.get("collapse") != "year-suffix":
                return after
            return layout_delimiter
        if self.use_group_delimiter_at(position):
            return str(self.citation.get("cite-group-delimiter"))
        if now.collapsed and in_text:
            return ", "
        return layout_delimiter

    def use_group_delimiter_at(self, position: int) -> bool:
        """citeproc-js's ``use_cite_group_delimiter`` after cite ``position``: set by a cut, cleared
        by a cite printing other names, kept by a cite printing none."""
        if not self.citation.get("cite-group-delimiter"):
            return False
        state = False
        for cite in self.cites[: position + 1]:
            if cite.same:
                state = True
            elif cite.own_names:
                state = False
        return state


def cut_hidden(text: str) -> str:
    """A cite's text without the years :func:`install` hid (collapse="year-suffix")."""
    return _HIDDEN.sub("", text) if _HIDDEN_START in text else text


def install(model: Any, layout_of: Any) -> None:
    """Wrap ``Names.process`` and ``Text._variable`` so a layout rendering with a
    ``bibkaz_collapse`` :class:`Collapser` records names and text variables per cite and
    leaves out names equal to the last printed."""
    names_process = model.Names.process
    text_variable = model.Text._variable
    part_process = model.Date_Part.process
    if getattr(names_process, "_bibkaz_collapse", False):
        return

    @wraps(names_process)
    def process(self, item, names_context=None, context=None, **kwargs):  # type: ignore[no-untyped-def]
        layout = layout_of(self, context)
        collapser = getattr(layout, "bibkaz_collapse", None)
        if collapser is None:
            return names_process(self, item, names_context=names_context, context=context, **kwargs)
        repressed = layout.repressed
        depth = repressed.get(_DEPTH, 0)
        if depth == 0 and repressed.get(_SEEN):  # only a cite's first cs:names is compared
            return names_process(self, item, names_context=names_context, context=context, **kwargs)
        repressed[_DEPTH] = depth + 1
        try:
            text = names_process(self, item, names_context=names_context, context=context, **kwargs)
        finally:
            repressed[_DEPTH] = depth
        present = any(item.reference.get(role) for role in self.get("variable", "").split())
        if present and text and _NAMES not in repressed:
            repressed[_NAMES] = str(text)
        if depth:
            return text
        repressed[_SEEN] = True
        names = repressed.get(_NAMES)
        if names is None:
            return text
        if names == collapser.last_names:
            repressed[_SAME] = True
            return None if collapser.citation.get("collapse", "").startswith("year") else text
        repressed[_OWN_NAMES] = True
        collapser.last_names = names
        return text

    @wraps(text_variable)
    def _variable(self, item, context):  # type: ignore[no-untyped-def]
        layout = layout_of(self, context)
        if getattr(layout, "bibkaz_collapse", None) is not None and self.get("variable") not in _EXEMPT:
            layout.repressed[_TEXT] = True
        return text_variable(self, item, context)

    @wraps(part_process)
    def year_process(self, date, context=None):  # type: ignore[no-untyped-def]
        text = part_process(self, date, context)
        if self.get("name") != "year" or not text:
            return text
        layout = layout_of(self, context)
        collapser = getattr(layout, "bibkaz_collapse", None)
        if collapser is None or _YEAR in layout.repressed:
            return text
        year = getattr(date, "year", None)
        repressed = layout.repressed
        repressed[_YEAR] = year
        # citeproc-js (the year date-part): in a cite that has printed no names of its own nor a
        # text variable so far ("have_collapsed"), a year equal to the last cite's prints as its
        # suffix alone; the suffix, when appended to the year (a style without cs:text
        # variable="year-suffix"), stays.
        if (not repressed.get(_OWN_NAMES) and not repressed.get(_TEXT) and collapser.collapses_years() and year is not None
                and year == collapser.last_year and repressed.get(_HAS_SUFFIX)):
            repressed[_SUFFIX_ONLY] = True
            plain = str(part_process.__wrapped__(self, date, context) if hasattr(part_process, "__wrapped__") else text)
            if str(text).startswith(plain):
                return _HIDDEN_START + plain + _HIDDEN_END + str(text)[len(plain):]
        return text

    process._bibkaz_collapse = True  # type: ignore[attr-defined]
    model.Names.process = process
    model.Text._variable = _variable
    model.Date_Part.process = year_process


def names_shown(layout: Any, item: Any) -> str | None:
    """The names a cite of ``item`` prints first, rendered alone (citeproc-js's "authorstring"),
    None when it prints none (a title standing in for the author)."""
    layout.bibkaz_collapse = Collapser(layout.getparent())
    layout.repressed = {}
    try:
        layout.render_children(item)
    except Exception:  # a cite that cannot render alone has no names to group by
        return None
    finally:
        names = layout.repressed.get(_NAMES)
        layout.bibkaz_collapse = None
        layout.repressed = {}
    return str(names) if names else None


def grouped(cites: list[Any], layout: Any) -> list[Any]:
    """Cites sorted by ``cs:sort`` (``cites``, in that order) regrouped as citeproc-js's "grouped
    sort" does when a citation collapses: sorted by the names they print first (cites printing
    none last, as one group: citeproc-js's key is undefined for them), then each run of equal
    names keyed by the first sort key of its first cite and its place ("Blei 2012" before "Blei
    et al. 2003", whose sort keys compare equal on the name)."""
    from bibkaz.style.sorting import collation_key

    if len(cites) < 2:
        return cites
    names = {}
    for cite in cites:
        shown = names_shown(layout, cite)
        names[id(cite)] = None if shown is None else collation_key(shown)
    first_key = layout.getparent().sort.find("cs:key", layout.nsmap)
    # citeproc-js renders sort keys without year suffixes ("no date", not "no date a")
    suffixes = [c.reference.pop("year_suffix", None) for c in cites]
    try:
        keys = first_key.sort_keys(cites, layout) if first_key is not None else [None] * len(cites)
    finally:
        for cite, suffix in zip(cites, suffixes):
            if suffix is not None:
                cite.reference["year_suffix"] = suffix
    by_cite = {id(c): k for c, k in zip(cites, keys)}
    # stable: ties keep the cs:sort order
    order = sorted(cites, key=lambda c: (names[id(c)] is None, names[id(c)] or ""))
    composite = {}
    last: Any = object()
    group_key = ""
    for n, cite in enumerate(order):
        if names[id(cite)] != last:
            key = by_cite[id(cite)]
            group_key = "undefined" if key is None or key == "" else str(key)  # as citeproc-js concatenates
            last = names[id(cite)]
        composite[id(cite)] = collation_key(f"{group_key}{n}")
    return sorted(order, key=lambda c: composite[id(c)])

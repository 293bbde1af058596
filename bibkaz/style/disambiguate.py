"""Year suffixes where citations would collide (CSL 1.0.2, "Disambiguation").

CSL gives "2020a"/"2020b" (and "n.d.-a") to works whose *citations* would read
the same, after the style's other means have been tried: ``add-names`` (show
more authors) and ``add-givenname`` (show given names). Grouping works by
"same first author and year", as we did before, both misses collisions
(citeproc-js writes "Mozilla n.d.-a", "n.d.-b" where the first-author field
differs in spelling but the citation is the same) and invents some ("Landau
2021e" where the given names already tell the works apart in Chicago, which adds
given names first).

So the key is the citation itself, rendered by the style's own ``cs:citation``
layout without a suffix, plus the names when the style may add names or given
names. Letters follow the sorted bibliography, as the specification asks.

``disambiguate-add-names`` (step 1) is :func:`name_counts`: works whose
citations read the same ("Chen et al.") show more names, one more at a time,
while that tells more of them apart ("Chen, Bittinger, et al." / "Chen, Zhang,
et al."). citeproc-js carries the count into the bibliography when it exceeds
the bibliography's ``et-al-use-first`` (MLA: "Chen, J., K. Bittinger, et al."),
which :func:`install_name_counts` does with the counts handed to the layout.
"""

from __future__ import annotations

from functools import wraps
from contextlib import contextmanager
from typing import Any, Callable, Hashable, Iterator, Mapping, Sequence

from bibkaz.style import et_al, positions
from bibkaz.style.items import lettered


def _flag(citation: Any, name: str) -> bool:
    return str(citation.get(name, "false")).lower() == "true"


def _names(reference: Any) -> tuple[Hashable, ...]:
    for role in ("author", "editor"):
        if role in reference:
            return tuple(tuple(n.parts()) for n in reference[role])
    return ()


#: Citation keys kept inside :func:`keys_kept`: (style, item key) → key.
_KEPT: list[dict[tuple[int, str], Hashable] | None] = [None]


@contextmanager
def keys_kept() -> Iterator[None]:
    """Keep each work's :func:`citation_key` inside the block. :func:`name_counts`,
    :func:`given_levels` and :func:`year_suffixes` each render every work's citation, and
    nothing they read changes between them (year suffixes are set after the block); a
    by-cite style (Harvard) would otherwise render its citations twice."""
    _KEPT[0] = {}
    try:
        yield
    finally:
        _KEPT[0] = None


def citation_key(style: Any, item: Any) -> Hashable:
    """What a reader of the citation sees of ``item``, and the names disambiguation may add.

    The key is (citation text, names): names as (family parts, given) pairs, all
    of them when the style may add names, the first when it may add given names
    only. :func:`year_suffixes` decides how much of the names tells works apart.
    """
    kept = _KEPT[0]
    if kept is not None:
        found = kept.get((id(style), item.key))
        if found is None:
            found = kept[(id(style), item.key)] = _citation_key(style, item)
        return found
    return _citation_key(style, item)


def _citation_key(style: Any, item: Any) -> Hashable:
    citation = style.root.citation
    layout = citation.layout
    layout.repressed = {}
    # The work's citation, not this cite's: its locator ("p. 45") tells no works apart.
    own = {k: item.pop(k) for k in ("locator", "prefix", "suffix") if hasattr(item, "pop") and k in item}
    _LOOKING[0] += 1
    try:
        text = layout.render_children(item)
    except Exception:  # a citation layout that needs a cite's position or locator: fall back to names
        text = None
    finally:
        _LOOKING[0] -= 1
        layout.repressed = {}
        item.update(own) if own else None
    names = _names(item.reference)
    if _flag(citation, "disambiguate-add-names"):
        extra: tuple[Hashable, ...] = names
    elif _flag(citation, "disambiguate-add-givenname"):
        extra = names[:1]
    else:
        extra = ()
    return (str(text) if text is not None else "", extra)


def _families(names: tuple[Hashable, ...]) -> tuple[Hashable, ...]:
    """Names without their given names: (given, family, dp, ndp, suffix) → the rest."""
    return tuple(n[1:] for n in names)  # type: ignore[index]


def _tells_apart(keys: list[Hashable], add_givenname: bool, rule: str,
                 hides: Callable[[tuple[Hashable, ...]], bool] = lambda names: True) -> list[Hashable]:
    """The part of each colliding key that disambiguation can use.

    Adding names tells works apart by who else wrote them. Adding given names
    does under the default rule "by-cite"; under the name-level rules
    ("primary-name", "all-names", with or without initials) only when every work
    has a given name to add: citeproc-js gives APA's and Chicago's "GAO 2023c"
    to a "GAO, Small" beside works of the bare "GAO", and "Pfaff 2008a" /
    "Pfaff, B. 2008b", where Harvard (by-cite) prints "Pfaff 2008" twice.
    Under "primary-name" only the first name gets its given name; added names
    are compared by family, so two "Howard et al." whose lists differ only in a
    later given name get "2000a" / "2000b" in Chicago.

    A cite with nothing to add reads as its text alone: every name shown (``hides`` says
    whether et-al hides some) and no given name to add. "ISO" (a literal author) and a
    work whose citation puts its container "ISO" in the author's place collide, and
    citeproc-js letters them "ISO (no date a)", "(no date b)" in Harvard.
    """
    texts = [k[0] for k in keys]  # type: ignore[index]
    names = [k[1] for k in keys]  # type: ignore[index]
    with_given = add_givenname and (rule == "by-cite" or all(n[0] for ns in names for n in ns))  # type: ignore[index]
    first_only = rule.startswith("primary-name")
    initials = rule.endswith("-with-initials")  # "J. L." and "Jonathan L." read the same: a year suffix

    def told(ns: tuple[Hashable, ...]) -> tuple[Hashable, ...]:
        if not hides(ns) and not (with_given and any(n[0] for n in (ns[:1] if first_only else ns))):  # type: ignore[index]
            return ()
        if not with_given:
            return _families(ns)
        if initials:
            ns = tuple((_initials(n[0]),) + tuple(n[1:]) for n in ns)  # type: ignore[index]
        return ns[:1] + _families(ns[1:]) if first_only else ns

    return [(t, told(ns)) for t, ns in zip(texts, names)]


def year_suffixes(style: Any, items_in_order: Sequence[Any],
                  levels: Mapping[str, tuple[int, ...]] | None = None) -> dict[str, str]:
    """Citation item key → "a", "b", … for items whose citations collide.

    ``levels`` are :func:`given_levels`' answers. Under the name-level rules ("primary-name",
    "all-names") they show given names in every citation of a work whose name has a namesake in the
    library, before cites are compared; two works whose names then print differently do not collide.
    citeproc-js: beside "Samuelson, P. (2023)", "Samuelson, P. A. (1954)" cites as "P. A. Samuelson
    1954" and a bare "Samuelson (1954)" as "Samuelson 1954": no year suffixes, where without the
    2023 work both are "Samuelson 1954" and get "a" and "b"."""
    citation = style.root.citation
    if citation is None or not _flag(citation, "disambiguate-add-year-suffix"):
        return {}
    by_text: dict[Hashable, list[tuple[Hashable, str]]] = {}
    for item in items_in_order:
        key = citation_key(style, item)
        by_text.setdefault(key[0], []).append((key, item.key))  # type: ignore[index]
    groups: dict[Hashable, list[str]] = {}
    add_givenname = _flag(citation, "disambiguate-add-givenname")
    rule = str(citation.get("givenname-disambiguation-rule", "by-cite"))
    et_al_min, use_first = _et_al(citation)
    adds_names = _flag(citation, "disambiguate-add-names")

    def hides(names: tuple[Hashable, ...]) -> bool:
        return adds_names and bool(et_al_min) and len(names) >= et_al_min and len(names) > use_first

    expanded = levels if (levels and add_givenname and rule != "by-cite") else {}

    def printed(ident: str, names: tuple[Hashable, ...]) -> tuple[Hashable, ...]:
        """The given names :func:`given_levels` shows for the work: initials at 1, in full at 2."""
        at = expanded.get(ident)
        if not at:
            return ()
        return tuple((_initials(n[0]) if level == 1 else n[0] if level == 2 else None,) + tuple(n[1:])  # type: ignore[index]
                     for n, level in zip(names, at))

    for members in by_text.values():
        for told, (key, ident) in zip(_tells_apart([k for k, _ in members], add_givenname, rule, hides), members):
            groups.setdefault((told, printed(ident, key[1])), []).append(ident)  # type: ignore[index]
    return lettered(groups.values())


#: Non-zero while :func:`citation_key` renders a cite to compare it (citeproc-js's "just looking").
_LOOKING = [0]


def install_just_looking(model: Any) -> None:
    """citeproc-js compares cites without their ``accessed`` date (``just_looking`` in its date
    node), so two undated pages by one author seen on different days are ambiguous:
    "Doe n.d.-a [accessed 1965]", "Doe n.d.-b [accessed 2065]"."""
    render = model.Date.render
    if getattr(render, "_bibkaz_looking", False):
        return

    @wraps(render)
    def date_render(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        if _LOOKING[0] and self.get("variable") == "accessed":
            return None
        return render(self, *args, **kwargs)

    date_render._bibkaz_looking = True  # type: ignore[attr-defined]
    model.Date.render = date_render


def looking() -> bool:
    """Whether a cite is being rendered only to compare it (:func:`citation_key`)."""
    return bool(_LOOKING[0])


def at_subsequent(layout: Any, item: Any) -> bool:
    """Whether ``item``, rendered by ``layout``, is a cite at position "subsequent": its work was
    cited before in the document (in the same sequence of notes when notes are known), or any cite
    while cites are compared (:func:`install_looking_position`)."""
    if _LOOKING[0]:
        return True
    citation = layout.getparent()
    if not str(citation.tag).endswith("citation"):
        return False
    cites = list(getattr(citation, "cites", None) or ())
    if positions.note_of(item) is not None:
        return positions.position(item, cites, "subsequent", 0)
    key = getattr(item, "key", None)
    return any(c.key == key for c in cites)


def install_looking_position(model: Any) -> None:
    """citeproc-js compares cites in their subsequent form (``getAmbiguousCite`` renders every cite
    with position "subsequent" and "near-note" true, whatever its place), so two works read the
    same when their short notes or ``et-al-subsequent`` forms do: "Baur et al. 2000a" / "2000b"
    beside first cites that print every author. ``If._position`` answers so while comparing."""
    original = model.If._position
    if getattr(original, "_bibkaz_looking", False):
        return

    @wraps(original)
    def _position(self, item, context):  # type: ignore[no-untyped-def]
        if _LOOKING[0]:
            return [name in ("subsequent", "near-note") for name in self.get("position").split()]
        return original(self, item, context)

    _position._bibkaz_looking = True  # type: ignore[attr-defined]
    model.If._position = _position

    # The cite compared carries the note of the work's first cite (citeproc-js's itemSupp under
    # "by-cite"): two works by "Doe" first cited in note 1 read "Doe, supra note 1" alike.
    text_variable = model.Text._variable

    @wraps(text_variable)
    def _variable(self, item, context):  # type: ignore[no-untyped-def]
        if _LOOKING[0] and self.get("variable") == "first-reference-note-number":
            note = positions.note_of(item)
            return str(note) if note else None
        return text_variable(self, item, context)

    model.Text._variable = _variable

    if_variable = model.If._variable

    @wraps(if_variable)
    def _if_variable(self, item):  # type: ignore[no-untyped-def]
        results = if_variable(self, item)
        if not _LOOKING[0]:
            return results
        names = self.get("variable").split()
        if "first-reference-note-number" not in names:
            return results
        return [bool(positions.note_of(item)) if name == "first-reference-note-number" else result
                for name, result in zip(names, results)]

    model.If._variable = _if_variable


#: While cites are compared: item key → how many ``disambiguate="true"`` tests to pass (a trial).
_TRIAL: dict[str, int] = {}
#: Keys in a layout's per-cite state: tests passed so far, and tests met so far.
_PASSED = "bibkaz:disambiguate-passed"
_MET = "bibkaz:disambiguate-met"
#: Most tests any compared cite met (how far :func:`ambiguous` may go on turning tests on).
_MOST_MET = [0]


def install_disambiguate_condition(model: Any) -> None:
    """``<if disambiguate="true">`` (CSL 1.0.2: true when the cite is still ambiguous after the other
    methods) is always true in citeproc-py 0.11 (no test, ``all([])``), so MLA cited "(Lee, Steppe
    Politics 45)" where citeproc-js prints "(Lee 45)". As in citeproc-js, a work gets a number of
    tests to pass (:func:`ambiguous`, handed over by :func:`set_name_counts` as the layout's
    ``bibkaz_ambiguous``): the first that many tests met in a cite or entry are true, the later
    ones false ("Smith, Book One" where the title tells works apart, "Smith, Complete Works, ed. 5"
    where the next test's edition is needed too). Elsewhere false."""
    render = model.If.render
    if getattr(render, "_bibkaz_fix", False):
        return

    def if_render(self, item, context=None, delimiter="", **kwargs):  # type: ignore[no-untyped-def]
        own = self.__dict__  # whether this cs:if tests disambiguate, read once per element (styles are static)
        tests = own.get("_bibkaz_disambiguates")
        if tests is None:
            tests = own["_bibkaz_disambiguates"] = (str(self.get("disambiguate", "false")).lower() == "true"
                                                    and self.get("match") != "none")
        if tests:
            try:
                layout = (context if context is not None else self).get_layout()
            except (IndexError, AttributeError):
                layout = None
            key = getattr(item, "key", None)
            levels = _TRIAL if _LOOKING[0] else (getattr(layout, "bibkaz_ambiguous", None) or {})
            state = getattr(layout, "repressed", None)
            state = state if isinstance(state, dict) else {}
            passed, met = state.get(_PASSED, 0), state.get(_MET, 0) + 1
            state[_MET] = met
            _MOST_MET[0] = max(_MOST_MET[0], met)
            if passed >= levels.get(key, 0):
                raise model.ConditionFailed
            state[_PASSED] = passed + 1
        return render(self, item, context=context, delimiter=delimiter, **kwargs)

    if_render._bibkaz_fix = True  # type: ignore[attr-defined]
    model.If.render = if_render


#: Key in a layout's per-entry state: set once the entry's first names have been rendered.
_DONE = "bibkaz:names-counted"


def set_name_counts(layout: Any, counts: dict[str, int], still_ambiguous: Mapping[str, int] | None = None,
                    levels: dict[str, tuple[int, ...]] | None = None) -> None:
    """Hand ``layout`` (a bibliography's or a citation's) the counts of :func:`name_counts`, the
    tests ``<if disambiguate="true">`` passes for each work (:func:`ambiguous`) and :func:`given_levels`."""
    layout.bibkaz_name_counts = counts
    layout.bibkaz_ambiguous = still_ambiguous or {}
    layout.bibkaz_given_levels = levels or {}


def _et_al(citation: Any) -> tuple[int, int]:
    """``et-al-min`` and ``et-al-use-first`` of cites as they are compared (their subsequent form)."""
    values = []
    for value in et_al.citation_options(citation):
        try:
            values.append(int(value or 0))
        except ValueError:
            values.append(0)
    return values[0], values[1]


def _initials(given: Any) -> Any:
    return " ".join(w[:1] for w in str(given).split()) if given else given


def _truncated(names: tuple[Hashable, ...], shown: int, et_al_min: int, givens: int, initials: bool) -> tuple[Hashable, ...]:
    """What a citation showing ``shown`` names prints of ``names`` ("et al." when cut), with the
    given names of the first ``givens`` of them as ``disambiguate-add-givenname`` may add them."""
    full = tuple((_initials(n[0]) if initials else n[0],) + tuple(n[1:]) for n in names)  # type: ignore[index]
    parts = full[:givens] + _families(names)[givens:]
    if not et_al_min or len(names) < et_al_min or shown >= len(names):
        return parts
    return parts[:shown] + (("et-al",),)


def name_counts(style: Any, items: Sequence[Any]) -> dict[str, int]:
    """Citation item key → names to show, for works whose citations collide (``disambiguate-add-names``).

    Names are added to every work of a colliding set while that makes more of
    them distinct; the count kept is the last one that helped (CSL 1.0.2,
    disambiguation step 1). Works the step cannot help are left out. Like
    citeproc-js, a name is added only where the names already shown, with the
    given names step 2 may add, do not tell the works apart ("Chang, Q." and
    "Chang, W." stay one name each; "Chen, J." twice becomes two names).
    """
    citation = style.root.citation
    if citation is None or not _flag(citation, "disambiguate-add-names"):
        return {}
    et_al_min, use_first = _et_al(citation)
    if not et_al_min or not use_first:
        return {}
    rule = str(citation.get("givenname-disambiguation-rule", "by-cite"))
    givens = (0 if not _flag(citation, "disambiguate-add-givenname") else 1 if rule.startswith("primary-name") else 10**6)
    initials = rule.endswith("-with-initials")

    def shows(names: tuple[Hashable, ...], shown: int) -> tuple[Hashable, ...]:
        return _truncated(names, shown, et_al_min, givens, initials)

    by_text: dict[str, list[tuple[str, tuple[Hashable, ...]]]] = {}
    for item in items:
        names = _names(item.reference)
        if len(names) >= et_al_min and len(names) > use_first:
            text = citation_key(style, item)[0]
            if text:  # a citation that cannot render alone (a note style's position) collides with nothing
                by_text.setdefault(str(text), []).append((item.key, names))
    counts: dict[str, int] = {}
    for members in by_text.values():
        if len(members) < 2:
            continue
        best, distinct = use_first, len({shows(n, use_first) for _, n in members})
        for shown in range(use_first + 1, max(len(n) for _, n in members) + 1):
            now = len({shows(n, shown) for _, n in members})
            if now > distinct:
                best, distinct = shown, now
            if distinct == len(members):
                break
        if best <= use_first:
            continue
        # Each work shows as few names as tell it apart from the works it can be told apart from
        # at all (citeproc-js: "Smith, Benson, et al." beside two "Smith, Brown & Jones").
        for key, names in members:
            apart = [n for k, n in members if k != key and shows(n, best) != shows(names, best)]
            counts[key] = next((s for s in range(use_first + 1, best + 1)
                                if all(shows(n, s) != shows(names, s) for n in apart)), best)
    return counts


def _family_only(name: Any) -> Any:
    """``name`` as a short-form name shows it: family with its non-dropping particle."""
    if "literal" in name or not name.get("given"):
        return name
    return type(name)(**{k: v for k, v in name.items() if k in ("family", "non-dropping-particle")})


def _base_level(element: Any, context: Any) -> int:
    """The given names ``element`` prints by itself: 0 (short form: family only), 1 (long form with
    ``initialize-with``: initials) or 2 (long form: given names in full). citeproc-js starts name
    disambiguation from this level, so a long-form "J. Doe" is never cut back to "Doe"."""
    try:
        form = element.get_option("form", context)
        mark = element.get_option("initialize-with", context)
    except (KeyError, TypeError, ValueError, AttributeError):
        return 0
    if form == "short":
        return 0
    if mark is not None and str(element.get("initialize", "true")).lower() != "false":
        return 1
    return 2


def _initialized(name: Any, element: Any, context: Any) -> Any:
    """``name`` with its given name as ``element`` initialises it ("Crispin" → "C."), so it prints
    as initials while other names of the list print their given names in full."""
    given = name.get("given") if "literal" not in name else None
    if not given:
        return name
    try:
        mark = element.get_option("initialize-with", context)
    except (KeyError, TypeError, ValueError, AttributeError):
        mark = None
    if mark is None:
        return name
    fields = dict(name.items())
    fields["given"] = type(given)(element.initialize(str(given), mark, context))
    return type(name)(**fields)


def _with_given_names(element: Any, levels: tuple[int, ...], item: Any, variable: str, render: Any,
                      context: Any = None) -> Any:
    """``render()`` with ``element`` (a ``cs:name``) in long form, each name at its level: family only
    at 0, initials at 1, full given names at 2. A name's level is never below the element's own
    (:func:`_base_level`). Names left at 0 print as the short form does ("I. Jackson & Schwarz", as
    citeproc-js expands only the names that need it); names at 1 beside a name at 2 are initialised
    one by one ("Asthma, Bosworth Bronchitis and C. Cold")."""
    base = _base_level(element, context)
    own = {k: element.get(k) for k in ("form", "initialize")}
    names = item.reference.get(variable)
    if names:
        top = max(max(levels), base)
        at = [max(levels[i] if i < len(levels) else 0, base) for i in range(len(names))]
        item.reference[variable] = [
            _family_only(n) if level == 0 else _initialized(n, element, context) if level == 1 and top == 2 else n
            for n, level in zip(names, at)]
    element.set("form", "long")
    if max(levels) == 2:
        element.set("initialize", "false")
    et_al.forget(element)
    try:
        return render()
    finally:
        if names:
            item.reference[variable] = names
        for k, v in own.items():
            if v is None:
                element.attrib.pop(k, None)
            else:
                element.set(k, v)
        et_al.forget(element)


def install_name_counts(model: Any, layout_of: Any) -> None:
    """Wrap ``Name.process`` so the first names of an entry or cite show the count disambiguation asked for.

    ``layout_of(element, context)`` finds the layout rendering; its counts come
    from :func:`set_name_counts`. As citeproc-js does: only when the count
    exceeds the element's own ``et-al-use-first`` and the list is long enough
    to be cut (``et-al-min``).
    """
    process = model.Name.process

    @wraps(process)
    def name_process(self, item, variable, context=None, sort_options=None, **kwargs):  # type: ignore[no-untyped-def]
        layout = layout_of(self, context) if sort_options is None else None
        counts = getattr(layout, "bibkaz_name_counts", None)
        levels = getattr(layout, "bibkaz_given_levels", None)
        shown = None
        level: tuple[int, ...] | None = None
        if (counts or levels) and not layout.repressed.get(_DONE):
            layout.repressed[_DONE] = True
            shown = (counts or {}).get(item.key)
            level = (levels or {}).get(item.key)

        def counted() -> Any:  # the names, as many as disambiguation asked for
            names = item.reference.get(variable, []) if shown else []
            try:
                use_first = int(self.get_option("et-al-use-first", context) or 0) if names else 0
                et_al_min = int(self.get_option("et-al-min", context) or 0) if names else 0
            except (TypeError, ValueError, KeyError, AttributeError):  # the style sets no et-al rule
                use_first = et_al_min = 0
            if not names or not et_al_min or shown <= use_first or len(names) < et_al_min:
                return process(self, item, variable, context=context, sort_options=sort_options, **kwargs)
            # all the names shown: no "et al." (citeproc-py would print one after the last name)
            options = {"et-al-use-first": str(shown)} if shown < len(names) else {"et-al-min": str(len(names) + 1)}
            options.update({"et-al-subsequent-" + k[6:]: v for k, v in options.items()})  # a later cite's too
            own = {k: self.get(k) for k in options}
            for k, v in options.items():
                self.set(k, v)
            et_al.forget(self)
            try:
                return process(self, item, variable, context=context, sort_options=sort_options, **kwargs)
            finally:
                for k, v in own.items():
                    if v is None:
                        del self.attrib[k]
                    else:
                        self.set(k, v)
                et_al.forget(self)

        if level and any(level):  # given names added, on the names disambiguation added too
            return _with_given_names(self, level, item, variable, counted, context)
        return counted()

    model.Name.process = name_process


def tests_condition(style: Any) -> bool:
    """Whether any ``cs:if`` or ``cs:else-if`` of ``style`` tests ``disambiguate="true"`` (MLA,
    Chicago notes), so :func:`ambiguous` is worth computing for its bibliography."""
    return any(str(el.get("disambiguate", "")).lower() == "true" for el in style.root.iter())


def ambiguous(style: Any, items: Sequence[Any], counts: dict[str, int]) -> dict[str, int]:
    """Key → how many ``<if disambiguate="true">`` tests its cites pass, for works whose citations
    read the same after names and given names (CSL 1.0.2, step 4).

    As citeproc-js does it: works that collide get the first test, then those still colliding the
    first two, and so on while tests are left; a work keeps the number that set it apart (or all,
    if nothing does). MLA's two works by "Lee" become "(Lee, Steppe Politics)" and "(Lee, Steppe
    Water)". Empty when year suffixes are added instead.
    """
    citation = style.root.citation
    if citation is None or _flag(citation, "disambiguate-add-year-suffix"):
        return {}
    et_al_min, use_first = _et_al(citation)
    rule = str(citation.get("givenname-disambiguation-rule", "by-cite"))
    givens = (0 if not _flag(citation, "disambiguate-add-givenname") else 1 if rule.startswith("primary-name") else 10**6)
    initials = rule.endswith("-with-initials")
    by_key = {item.key: item for item in items}

    def told(keys: Sequence[str]) -> list[list[str]]:
        groups: dict[Hashable, list[str]] = {}
        for key in keys:
            item = by_key[key]
            text = citation_key(style, item)[0]
            if not text:
                continue
            names = _names(item.reference)
            shown = counts.get(key, use_first or len(names))
            groups.setdefault((text, _truncated(names, shown, et_al_min, givens, initials)), []).append(key)
        return [keys for keys in groups.values() if len(keys) > 1]

    _TRIAL.clear()
    _MOST_MET[0] = 0
    pending = told(list(by_key))
    levels: dict[str, int] = {}
    tests = 0
    while pending:
        tests += 1
        if tests > _MOST_MET[0]:  # every test met is on and these still read the same
            levels.update({key: tests - 1 for keys in pending for key in keys})
            break
        apart = []
        for keys in pending:
            _TRIAL.update(dict.fromkeys(keys, tests))
            try:
                still = told(keys)
            finally:
                _TRIAL.clear()
            alike = {key for group in still for key in group}
            levels.update({key: tests for key in keys if key not in alike})
            apart += still
        pending = apart
    return levels


def bibliography_initializes(style: Any) -> bool:
    """Whether a name of the bibliography may print initials: a ``cs:name`` its layout reaches
    (through macros) with ``initialize-with``, its own or the style's or the bibliography's, and
    without ``initialize="false"``. Only then can the given names citations add
    (:func:`given_levels`) change an entry; MLA's and Chicago's entries print given names in full
    (``initialize="false"``), and their by-cite rule would render every citation again for nothing."""
    root = style.root
    bibliography = root.bibliography
    if bibliography is None:
        return False
    inherited = bibliography.get("initialize-with", root.get("initialize-with"))
    seen: set[str] = set()
    pending = [bibliography.layout]
    while pending:
        for element in pending.pop().iter():
            tag = element.tag if isinstance(element.tag, str) else ""
            if tag.endswith("}name") and element.get("initialize-with", inherited) is not None \
                    and str(element.get("initialize", "true")).lower() != "false":
                return True
            if (tag.endswith("}names") and inherited is not None and element.find("{*}name") is None
                    and not any(str(a.tag).endswith("}substitute") for a in element.iterancestors())):
                return True  # a cs:name made on the fly inherits initialize-with (in a substitute: the outer's)
            macro = element.get("macro") if tag.endswith("}text") else None
            if macro and macro not in seen:
                seen.add(macro)
                try:
                    pending.append(element.get_macro(macro))
                except Exception:  # a missing macro fails where it is rendered, not here
                    continue
    return False


def name_level_rule(style: Any) -> bool:
    """Whether citations add given names by a name-level rule ("primary-name", "all-names", with or
    without initials): :func:`given_levels` then reads names only, no citation text."""
    citation = style.root.citation
    return (citation is not None and _flag(citation, "disambiguate-add-givenname")
            and str(citation.get("givenname-disambiguation-rule", "by-cite")) != "by-cite")


def given_levels(style: Any, items: Sequence[Any], counts: dict[str, int]) -> dict[str, tuple[int, ...]]:
    """Citation item key → for each name shown, 0 (family only), 1 (initials) or 2 (full given
    names), where ``disambiguate-add-givenname`` shows given names in citations (CSL 1.0.2, step 2).

    "by-cite" expands names only in citations that collide; the name-level rules
    ("primary-name", "all-names") expand a name wherever another work's name has
    the same family and a different given name ("J. Roe 2001" beside "K. Roe
    2002"), first names only under "primary-name". Initials are tried first;
    "-with-initials" rules go no further.
    """
    citation = style.root.citation
    if citation is None or not _flag(citation, "disambiguate-add-givenname"):
        return {}
    rule = str(citation.get("givenname-disambiguation-rule", "by-cite"))
    et_al_min, use_first = _et_al(citation)
    shown_names: dict[str, tuple[Hashable, ...]] = {}
    texts: dict[str, str] = {}
    for item in items:
        names = _names(item.reference)
        shown = counts.get(item.key, use_first if et_al_min and len(names) >= et_al_min else len(names))
        shown_names[item.key] = names[:shown] if not rule.startswith("primary-name") else names[:1]
        if rule == "by-cite":
            texts[item.key] = str(citation_key(style, item)[0])
    levels: dict[str, tuple[int, ...]] = {}

    # Each name shown, by where it can clash (the citation text under by-cite) and family parts:
    # the works' given names there. Looked up per name, not by scanning every other work (a
    # bibliography of 10,000 works would compare 10^8 pairs).
    index: dict[Hashable, list[tuple[str, Any]]] = {}
    for key, names in shown_names.items():
        scope = texts[key] if rule == "by-cite" else ""
        if rule == "by-cite" and not scope:
            continue  # a citation that cannot render alone collides with nothing
        for name in names:
            index.setdefault((scope, name[1:]), []).append((key, name[0]))  # type: ignore[index]

    by_cite = rule == "by-cite"

    def level(key: str, mine: tuple[Hashable, ...], scope: str) -> tuple[int, ...]:
        needs = []
        for name in mine:
            given, rest = name[0], name[1:]  # type: ignore[index]
            # Under the name-level rules a namesake without a given name is no reason to add one
            # (citeproc-js: "Hall/CRC" beside "B. R. Hall/CRC & Florida" in APA leaves both as they
            # are); by cite it is, the cites collide: "DOL" beside "E. DOL" in MLA and Harvard.
            clashing = [g for k, g in index.get((scope, rest), ()) if k != key and g != given and (g or by_cite)]
            same_initials = any(_initials(c) == _initials(given) for c in clashing)
            if not given or not clashing:
                needs.append(0)
            elif same_initials and not rule.endswith("-with-initials"):
                needs.append(2)
            elif same_initials and all(_initials(c) == _initials(given) for c in clashing):
                needs.append(0)  # initials are all these rules may add, and they tell nothing apart
            else:
                needs.append(1)
        return tuple(needs)

    for key, mine in shown_names.items():
        scope = texts[key] if rule == "by-cite" else ""
        if rule == "by-cite" and not scope:
            continue
        needs = level(key, mine, scope)
        if any(needs):
            levels[key] = needs
    return levels

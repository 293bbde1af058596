"""The style's tree walk compiled once into closures; what each element prints stays the same.

citeproc-py renders a ``cs:text`` through about twenty Python frames: the
display, group-suppression, leading-capital and quoting wrappers bibkaz adds
(:mod:`bibkaz.style.display`, :mod:`bibkaz.style.suppression`,
:mod:`bibkaz.style.leading`, :mod:`bibkaz.style.quotes`), the fast paths of
:mod:`bibkaz.style.fast_paths`, then citeproc-py's own dispatch, each asking the
element again what kind it is, which attributes it has and which layout holds
it. An APA entry walks some 120 ``cs:if``, 70 ``cs:text`` and 40 ``cs:group``
elements that way. Here the walk of the elements whose rules are all known is
built once per element into a closure that answers those questions at build
time and does, per item, only what depends on the item: the tests of a
``cs:if``, the counts of group suppression, the leading-capital state, the
variable's value and the markup.

Compiled: ``cs:layout``'s and ``cs:macro``'s children, ``cs:choose``,
``cs:if``/``cs:else-if`` (except ``disambiguate="true"``, whose state lives in
:mod:`bibkaz.style.disambiguate`), ``cs:else``, ``cs:group`` and ``cs:text``
(one of variable, macro, term or value). Everything else (``cs:names``,
``cs:date``, ``cs:number``, ``cs:label``, a ``cs:text`` with two kinds) is
rendered by its own ``render``, the interpreted path with all its rules; a
compiled macro called from there runs compiled again. The value of a variable
(``Text._variable`` with its rules), a term, and the markup (``strip_periods``,
``case``, ``format``, ``quote``, ``wrap``) are the element's own methods.

Each closure does what the wrapper chain it replaces does, in the same order,
so the output is the same string of the same type (checked by
``bench/format_speed.py --digest`` and ``tests/test_style_compiled.py``). The
chain is checked when installing: if any of the methods compiled around is not
the chain this module was written against (another patch installed, a
citeproc-py release), nothing is compiled and citeproc-py's walk runs as
before.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Callable, Iterator

from bibkaz.style import caching, display, leading, richtext, silent_groups, suppression
from bibkaz.style.fast_paths import FORMATTING, IF_TESTS
from bibkaz.style.quotes import outer_marks, value_text

#: A compiled element: (item, context, delimiter of the enclosing group, other keyword arguments) → output.
Node = Callable[[Any, Any, str, dict[str, Any]], Any]
#: A compiled list of children: the same arguments → the outputs that are not None.
Children = Callable[[Any, Any, str, dict[str, Any]], list[Any]]

#: Per element proxy (kept for the style's life by :func:`bibkaz.style.caching.keep_proxies`).
_PLAN = "_bibkaz_compiled"
_MISSING = object()
#: What a compiled element returns where its chain raises VariableError (a variable asked for and
#: missing, a group suppressed). A raise and its catch cost about 3 µs, and an APA entry raised some
#: 70 of them in its three passes (entry, sort key, citation key): 7 % of the run. The list of
#: children drops it as it dropped the error, as does the substitute's loop (:func:`node_of`).
SKIP = object()

#: Names of the functions of each wrapper chain, outermost first, as :mod:`bibkaz.style.workarounds` installs them.
EXPECTED_CHAINS = {
    ("Text", "render"): ("displayed", "counted", "render"),
    ("Text", "process"): ("text", "value_as_field", "macro_as_group", "fast_process", "process"),
    ("Group", "render"): ("displayed", "render"),
    ("Group", "process"): ("group", "group_process"),
    ("Group", "markup"): ("markup",),
    ("Text", "markup"): ("markup",),
    ("If", "render"): ("if_render",),
    ("Choose", "render"): ("render",),
    ("Else", "render"): ("render",),
    ("Macro", "render"): ("render",),
    ("If", "_type"): ("fast_type", "_type"),
    ("Names", "render"): ("displayed", "counted", "render"),
    ("Date", "render"): ("date_render", "displayed", "counted", "render"),
    ("Date", "process"): ("process", "date_as_key", "marked", "process"),
    ("Label", "render"): ("no_name_label_in_keys", "displayed", "render"),
    ("Label", "process"): ("marked", "label_process", "process"),
    ("Names", "process"): ("process", "marked", "names_process", "process", "counted", "process"),
    ("If", "_variable"): ("_if_variable", "_if_variable", "fast_variable", "_variable"),
    ("Layout", "render_children"): ("render_children",),
}


def _chain(function: Any) -> tuple[str, ...]:
    names = []
    while function is not None:
        code = getattr(function, "__code__", None)  # functools.wraps copies __name__, not the code's own name
        names.append(code.co_name if code is not None else "?")
        function = getattr(function, "__wrapped__", None)
    return tuple(names)


def chains_known(model: Any) -> bool:
    """Whether every method the closures stand for is the wrapper chain they were written from."""
    return all(_chain(getattr(getattr(model, cls), method)) == names for (cls, method), names in EXPECTED_CHAINS.items())


#: Whether the compiled closures run (off: citeproc-py's walk with bibkaz's wrappers, for comparisons).
_ON = [True]
#: The builder of the installed walk, for callers outside it (:func:`node_of`); None until :func:`install`.
_BUILDER: list[Any] = [None]
_NODE = "_bibkaz_node"


def node_of(element: Any) -> Node | None:
    """The compiled closure of ``element`` (called as ``node(item, context, "", kwargs)``; it returns
    :data:`SKIP` where the element's chain raises VariableError, and an element it does not
    compile raises), or None when the compiled walk is off or not installed.

    For elements rendered from outside a compiled list of children: the children of a
    ``cs:substitute`` (:func:`bibkaz.style.workarounds._substitute_children`), which render the
    title or the editors in the author's place, over half of APA's time on works without authors.
    """
    builder = _BUILDER[0]
    if builder is None or not _ON[0]:
        return None
    own = element.__dict__
    node = own.get(_NODE)
    if node is None:
        node = own[_NODE] = builder.node(element)
    return node


@contextmanager
def interpreted() -> Iterator[None]:
    """Render with the interpreted walk inside the block (benches and tests compare the two)."""
    before = _ON[0]
    _ON[0] = False
    try:
        yield
    finally:
        _ON[0] = before


def install(model: Any) -> None:
    """Route ``Layout.render_children`` and ``Macro.render`` through compiled closures.

    Called last by :func:`bibkaz.style.workarounds.install`, after every wrapper it
    compiles around is in place.
    """
    if getattr(model.Macro.render, "_bibkaz_compiled", False) or not chains_known(model):
        return
    builder = _Builder(model)
    interpreted_children = model.Layout.render_children
    interpreted_macro = model.Macro.render

    def render_children(self, item, delimiter="", **kwargs):  # type: ignore[no-untyped-def]
        if not _ON[0]:
            return interpreted_children(self, item, delimiter, **kwargs)
        context = kwargs.pop("context", None)
        return builder.children_of(self)(item, context, delimiter, kwargs)

    def render(self, item, context=None, sort_options=None):  # type: ignore[no-untyped-def]
        if not _ON[0]:
            return interpreted_macro(self, item, context, sort_options)
        return builder.children_of(self)(item, context, "", {"sort_options": sort_options})

    render._bibkaz_compiled = True  # type: ignore[attr-defined]
    _LAYOUT_KEPT[0] = getattr(model.CitationStylesElement.get_layout, "__code__", None) is caching.kept_layout_code()
    _BUILDER[0] = builder
    model.Layout.render_children = render_children
    model.Macro.render = render


class _Builder:
    """Builds, once per element, the closure that renders it."""

    def __init__(self, model: Any) -> None:
        self.model = model
        self.variable_error = model.VariableError
        self.condition_failed = model.ConditionFailed

    # -- lists of children ------------------------------------------------------------------

    def children_of(self, parent: Any) -> Node:
        """``Parent.render_children`` of ``parent``: its children's outputs joined with the delimiter passed in."""
        own = parent.__dict__
        plan = own.get(_PLAN)
        if plan is None:
            collect = self.collect(parent)
            join = self.model.join

            def plan(item: Any, context: Any, delimiter: str, kw: dict[str, Any]) -> Any:
                output = collect(item, context, delimiter, kw)
                return join(output, delimiter) if output else None

            own[_PLAN] = plan
        return plan

    def collect(self, parent: Any) -> Children:
        """The outputs of ``parent``'s children that are not None, a child raising VariableError (or
        returning :data:`SKIP`) left out.

        ``delimiter`` reaches the ``cs:choose`` children only, as in citeproc-py."""
        nodes = tuple(self.node(child) for child in parent.iterchildren())
        variable_error = self.variable_error

        def collect(item: Any, context: Any, delimiter: str, kw: dict[str, Any]) -> list[Any]:
            output = []
            for node in nodes:
                try:
                    text = node(item, context, delimiter, kw)
                except variable_error:
                    continue
                if text is not None and text is not SKIP:
                    output.append(text)
            return output

        return collect

    # -- one element ----------------------------------------------------------------------

    def node(self, element: Any) -> Node:
        """The closure of ``element``, or its own ``render`` for an element this module does not
        compile or cannot build (a broken style raises when rendered, as it did before). A closure
        returns :data:`SKIP` where its chain raises VariableError; an interpreted element raises."""
        model = self.model
        builders = {model.Choose: self.choose, model.Group: self.group, model.Text: self.text,
                    model.Names: self.names, model.Date: self.date, model.Label: self.label}
        build = builders.get(type(element))
        try:
            built = build(element) if build is not None else None
        except Exception:  # lxml and citeproc-py raise many types on a broken style
            built = None
        return built if built is not None else _interpreted(element)

    def date(self, element: Any) -> Node:
        """``Date.render`` of a date the item lacks: one variable asked for (two for a localized
        date, whose locale ``cs:date`` is counted too) and VariableError, as the chain does
        outside sort keys (:mod:`bibkaz.style.sorting` answers None there) and outside
        disambiguation's look at an ``accessed`` date; :mod:`bibkaz.style.implicit_suffix`
        leaves its state as it found it when no year printed. Any other date renders itself."""
        from bibkaz.style import disambiguate, sorting

        interpreted = _interpreted(element)
        variable = element.get("variable")
        form = element.get("form")
        if variable is None or element.is_locale_date() or (form is not None and element.get_date(form) is None):
            return interpreted
        key = variable.replace("-", "_")
        asked = 2 if form is not None else 1
        accessed = variable == "accessed"
        looking, sorting_keys = disambiguate._LOOKING, sorting._SORTING
        counts = suppression.COUNTS

        def date(item: Any, context: Any, delimiter: str, kw: dict[str, Any]) -> Any:
            if key in item.reference or sorting_keys[0] or (accessed and looking[0]):
                return interpreted(item, context, delimiter, kw)
            counts.called += asked
            return SKIP

        return date

    def label(self, element: Any) -> Node:
        """``Label.render`` of a label whose variable (not the locator) the item lacks: nothing
        (:func:`bibkaz.style.workarounds._install_empty_label_fix`); any other label renders itself."""
        interpreted = _interpreted(element)
        variable = element.get("variable")
        if not variable or variable == "locator" or isinstance(element.getparent(), self.model.Names):
            return interpreted
        key = variable.replace("-", "_")

        def label(item: Any, context: Any, delimiter: str, kw: dict[str, Any]) -> Any:
            if key in item.reference:
                return interpreted(item, context, delimiter, kw)
            return None

        return label

    def names(self, element: Any) -> Node:
        """``Names.render`` of an element none of whose variables the item has (four in five
        renderings of APA's): it counts one variable asked for and prints nothing (VariableError),
        as the wrapper chain does when no state of a rule is in play. Rendered by its own
        ``render`` when the item has one of the variables, when the layout collapses cites
        (:mod:`bibkaz.style.collapse` tracks the names) or substitutes a repeated author
        (:mod:`bibkaz.style.subsequent` notes a blocked substitute), when the name's form is
        "count", and always for an element with a ``cs:substitute``. One inside a
        ``cs:substitute`` (APA tries ten roles in the author's place) takes its ``cs:name``
        from the ``cs:names`` it substitutes when it has none, as the chain does, and renders
        itself when present, where the chain finds that ``cs:names`` again."""
        from bibkaz.style.subsequent import STATE as SUBSTITUTING
        from bibkaz.style.workarounds import _substituted_names

        interpreted = _interpreted(element)
        variables = element.get("variable")
        if variables is None or element.substitute() is not None:
            return interpreted
        roles = tuple(variables.split())
        name = element.name
        outer = _substituted_names(element, self.model)
        if name is None and outer is not None:
            name = outer.name
        form = name.get("form") if name is not None else None
        ask_form = name is not None and form is None  # inherited from the citation or bibliography: asked per context
        if form == "count":
            return interpreted
        counts = suppression.COUNTS

        def names(item: Any, context: Any, delimiter: str, kw: dict[str, Any]) -> Any:
            reference = item.reference
            if any(role in reference for role in roles):
                return interpreted(item, context, delimiter, kw)
            try:
                layout = (context if context is not None else element).get_layout()
            except (IndexError, AttributeError):
                layout = None
            if (getattr(layout, "bibkaz_collapse", None) is not None
                    or SUBSTITUTING in _repressed(element, context)
                    or (ask_form and name.get_option("form", context) == "count")):
                return interpreted(item, context, delimiter, kw)
            counts.called += 1
            return SKIP

        return names

    def choose(self, element: Any) -> Node:
        """``Choose.render``: the first branch whose test passes renders its children with the group's delimiter."""
        model = self.model
        branches: list[tuple[Any, Node]] = []
        for child in element.getchildren():
            if isinstance(child, model.If) and not _tests_disambiguate(child):
                branches.append((_condition(child), self.children_of(child)))
            elif type(child) is model.Else:
                branches.append((None, self.children_of(child)))
            else:  # a disambiguate test (its state is disambiguate.py's) or an unknown child
                branches.append((_FALLBACK, _interpreted_branch(child)))
        condition_failed = self.condition_failed
        steps = tuple(branches)

        def choose(item: Any, context: Any, delimiter: str, kw: dict[str, Any]) -> Any:
            for test, render in steps:
                if test is _FALLBACK:
                    try:
                        return render(item, context, delimiter, kw)
                    except condition_failed:
                        continue
                if test is None or test(item, context):
                    return render(item, context, delimiter, kw)
            return None

        return choose

    def group(self, element: Any) -> Node:
        """``Group.render``: leading-capital state restored when suppressed, suppression by the
        variable counts, the group's own delimiter, markup, display."""
        collect = self.collect(element)
        own_delimiter = element.get("delimiter", "")
        join = element.join
        plain = not any(element.get(attribute) is not None for attribute in FORMATTING)
        format_ = element.format
        wrap = element.wrap
        marks = _display_marks(element)
        counts = suppression.COUNTS
        state_key = leading.STATE
        known = _variable_chain(self.model.Text._variable) == VARIABLE_CHAIN  # text variables read as planned
        silent = silent_groups.plan(element, self.model) if known else None
        silent_for = silent.silent if silent is not None else None

        def group(item: Any, context: Any, delimiter: str, kw: dict[str, Any]) -> Any:
            if silent_for is not None and silent_for(item, context, element, _repressed):
                counts.called += 1  # what its walk would have left: variables asked for, none printed
                return SKIP
            state = _repressed(element, context).get(state_key)
            before = state.printed if state is not None else False
            called, rendered = counts.called, counts.rendered
            output = collect(item, context, own_delimiter, kw)
            if not output or (counts.called > called and counts.rendered == rendered):
                if state is not None:
                    state.printed = before
                return SKIP
            counts.rendered += 1
            text = join(output)
            if not text:
                return None
            out = wrap(text if plain else format_(text))
            return _displayed(out, marks)

        return group

    def text(self, element: Any) -> Node | None:
        """``Text.render`` with its process chain (leading capital, values read as field text,
        macros suppressed as groups, the item's language), or None for a ``cs:text`` of two kinds."""
        attrib = element.attrib
        kinds = [k for k in ("variable", "macro", "term", "value") if k in attrib]
        if len(kinds) != 1:
            return None
        kind = kinds[0]
        counted = kind == "variable" and element.get("variable") not in element.generated_variables
        opens_sentence = kind == "term"
        marks_printed = kind == "value" or (kind == "variable" and element.get("variable") != "citation-number")
        marks = _display_marks(element)
        markup = _markup(element)
        cased = element.get("text-case") is not None  # the language only matters to text-case
        counts = suppression.COUNTS
        state_key = leading.STATE
        capitalize_first = leading.capitalize_first
        language_of = _language_reader(element, self.model)
        value_of = self._value_reader(element, kind)
        macro_kind = kind == "macro"
        silent = (silent_groups.plan(element, self.model)
                  if macro_kind and _variable_chain(self.model.Text._variable) == VARIABLE_CHAIN else None)
        silent_for = silent.silent if silent is not None else None

        def text(item: Any, context: Any, delimiter: str, kw: dict[str, Any]) -> Any:
            if silent_for is not None and silent_for(item, context, element, _repressed):
                counts.called += 1  # the macro's walk: variables asked for, none printed, so None
                return None
            if counted:
                counts.called += 1
            holder = context if context is not None else element
            language = language_of(item) if cased else None
            if macro_kind:
                called, rendered = counts.called, counts.rendered
                value = value_of(item, holder)
                if counts.called > called and counts.rendered == rendered:
                    value = None
                elif value is not None and str(value) != "":
                    counts.rendered += 1
            else:
                value = value_of(item, holder)
                if value is SKIP:
                    return SKIP
            if value:
                state = _repressed(element, context).get(state_key)
                if state is not None:
                    if opens_sentence:
                        if not state.printed:
                            value = capitalize_first(value)
                        state.printed = True
                    elif marks_printed:
                        state.printed = True
            out = markup(value, language)
            if counted and out is not None and str(out) != "":
                counts.rendered += 1
            return _displayed(out, marks)

        return text

    def _value_reader(self, element: Any, kind: str) -> Callable[[Any, Any], Any]:
        """What ``fast_process`` (and ``value_as_field`` for a value) computes for the element's kind."""
        if kind == "variable":
            return _variable_reader(element, self.model)
        if kind == "term":
            term = element._term
            return lambda item, holder: term(item)
        if kind == "value":
            string_type = self.model.String
            value = element.get("value")
            preformat = element.preformat

            def typed_value(item: Any, holder: Any) -> Any:
                return string_type(richtext.encode(value_text(value, outer_marks(element)), preformat))

            return typed_value
        name = element.get("macro")
        builder = self
        found: list[Node] = []  # looked up when first rendered, as citeproc-py does (a missing macro raises then)

        def macro_value(item: Any, holder: Any) -> Any:  # Macro.render(item, context): sort options not passed on
            if not found:
                found.append(builder.children_of(element.get_macro(name)))
            return found[0](item, holder, "", {"sort_options": None})

        return macro_value


#: A branch of ``cs:choose`` whose element renders itself, raising ConditionFailed when its test fails.
_FALLBACK = object()

#: ``Text._variable``'s wrapper chain, outermost first, as (module, function) pairs: the rules
#: :func:`_variable_reader` folds into one function. Another chain (a rule added, a citeproc-py
#: release) and every variable is read through the installed chain, as before.
VARIABLE_CHAIN = (("collapse", "_variable"), ("citation_label", "_variable"), ("disambiguate", "_variable"),
                  ("subsequent", "text_variable"), ("plurals", "_variable"), ("workarounds", "_variable"),
                  ("workarounds", "_variable"), ("positions", "_variable"), ("model", "_variable"))
#: Variables some rule of the chain reads or rewrites itself (labels, note numbers, locators,
#: citation numbers, pages): always read through the chain.
_OWN_RULES = frozenset({"citation-label", "first-reference-note-number", "locator", "citation-number"})


def _variable_chain(function: Any) -> tuple[tuple[str, str], ...]:
    out = []
    while function is not None:
        code = getattr(function, "__code__", None)
        out.append((code.co_filename.rsplit("/", 1)[-1].removesuffix(".py"), code.co_name) if code else ("?", "?"))
        function = getattr(function, "__wrapped__", None)
    return tuple(out)


def _variable_reader(element: Any, model: Any) -> Callable[[Any, Any], Any]:
    """``Text._variable`` of a plain variable with the rules of :data:`VARIABLE_CHAIN` in one function.

    Each rule's step, in the order the chain runs it: collapsing notes that a text variable
    printed (:mod:`bibkaz.style.collapse`, not for the year suffix); a variable the
    ``cs:substitute`` already printed is suppressed, one printed inside it is recorded
    (:func:`bibkaz.style.workarounds._install_substitute_fix`); citeproc-py's own reading (the
    tag's repressed variables, the ``-short`` form, the item's value; where it raises
    VariableError for an absent value this returns :data:`SKIP`); en dashes in ranged numbers (:func:`bibkaz.style.plurals.en_dashed`); the value
    noted for subsequent-author-substitute (:mod:`bibkaz.style.subsequent`). About 20 of these
    an APA entry, each nine frames deep in the chain. The chain itself reads the variables of
    :data:`_OWN_RULES`, pages, and any variable rendered outside a layout."""
    chained = element._variable
    variable = element.get("variable")
    if (variable is None or variable in _OWN_RULES or variable.startswith("page")
            or _variable_chain(type(element)._variable) != VARIABLE_CHAIN):
        return chained
    from citeproc.source import CustomDict, Reference
    from citeproc.string import String

    from bibkaz.style.collapse import _EXEMPT, _TEXT
    from bibkaz.style.plurals import _RANGED, en_dashed
    from bibkaz.style.subsequent import _TEXTS
    from bibkaz.style.workarounds import _RECORDING, _SUPPRESSED

    tag = element.tag
    key = variable.replace("-", "_")
    short = element.get("form") == "short"
    short_key = (variable + "-short").replace("-", "_")
    collapsing = variable not in _EXEMPT
    ranged = not short and variable in _RANGED
    range_format = bool(element.get_root().get("page-range-format"))
    # a Reference whose lookup is CustomDict's is read with dict.get (no VariableError raised)
    reference_type = Reference if Reference.__getitem__ is CustomDict.__getitem__ else None

    def read(item: Any, holder: Any) -> Any:
        try:
            layout = holder.get_layout()
        except (IndexError, AttributeError):  # outside a layout: the chain's own answers
            return chained(item, holder)
        repressed = layout.repressed
        if collapsing and getattr(layout, "bibkaz_collapse", None) is not None:
            repressed[_TEXT] = True
        if variable in repressed.get(_SUPPRESSED, ()):
            return None
        if tag in repressed and variable in repressed[tag]:
            value = None
        else:
            reference = item.reference
            name = short_key if short and short_key in reference else key
            if type(reference) is reference_type:  # CustomDict.__getitem__: VariableError when absent
                value = dict.get(reference, name, SKIP)
                if value is SKIP:
                    return SKIP
            else:
                value = reference[name]
        if value and _RECORDING in repressed:
            repressed[_RECORDING].add(variable)
        if ranged and value is not None:
            dashed = en_dashed(variable, str(value), range_format)
            if dashed is not None:
                value = String(dashed)
        if value:
            texts = repressed.get(_TEXTS)
            if texts is not None:
                texts.append((key, item.reference.get(key)))
        return value

    return read


def _markup(element: Any) -> Callable[[Any, Any], Any]:
    """``Text.markup`` (strip periods, case, format, quote, affixes) with the steps the element's
    attributes make identities left out.

    Each step left out returns its input unchanged for such an element: ``strip_periods``
    without ``strip-periods``, ``case`` without ``text-case`` (:mod:`bibkaz.style.titlecase`,
    ``turkic_case`` and the label fix pass it through), ``format`` without font attributes
    (numbers become strings), ``quote`` without ``quotes`` (when the locale answers
    ``punctuation-in-quote``), ``wrap`` without affixes for citeproc-py's own string types and
    ``str`` (``"" + s`` would turn a formatter's tag string into ``str``, so other types still go
    through ``wrap``). Without a language (no ``text-case``) ``None`` is passed, never read.
    """
    from citeproc.string import MixedString, String

    get = element.get
    strips = get("strip-periods") is not None
    cased = get("text-case") is not None
    plain = not any(get(attribute) is not None for attribute in FORMATTING)
    try:
        answers = isinstance(element.get_locale_option("punctuation-in-quote"), str)
    except Exception:  # a locale without the option: Quoted.quote raises, let it
        answers = False
    quoted = get("quotes") is not None or not answers
    affixed = get("prefix") is not None or get("suffix") is not None
    kept = (String, MixedString, str)
    strip_periods, case, format_, quote, wrap = (element.strip_periods, element.case, element.format, element.quote,
                                                 element.wrap)

    def markup(text: Any, language: Any) -> Any:
        if not text:
            return None
        if strips:
            text = strip_periods(text)
        if cased:
            text = case(text, language)
        if not plain:
            text = format_(text)
        elif isinstance(text, (int, float)):
            text = str(text)
        if quoted:
            text = quote(text)
        return wrap(text) if affixed or type(text) not in kept else text

    return markup


def _interpreted(element: Any) -> Node:
    render = element.render

    def interpreted(item: Any, context: Any, delimiter: str, kw: dict[str, Any]) -> Any:
        return render(item, context=context, **kw)

    return interpreted


def _interpreted_branch(element: Any) -> Node:
    render = element.render

    def interpreted(item: Any, context: Any, delimiter: str, kw: dict[str, Any]) -> Any:
        return render(item, context=context, delimiter=delimiter, **kw)

    return interpreted


def _tests_disambiguate(element: Any) -> bool:
    """As :func:`bibkaz.style.disambiguate.install_disambiguate_condition` decides which ``cs:if`` it handles."""
    return str(element.get("disambiguate", "false")).lower() == "true" and element.get("match") != "none"


#: The variable whose ``cs:if`` test :mod:`bibkaz.style.positions` and :mod:`bibkaz.style.disambiguate` answer.
_NOTE_NUMBER = "first-reference-note-number"


def _condition(element: Any) -> Callable[[Any, Any], bool]:
    """A ``cs:if``'s tests and ``match`` as one function of the item (``fast_render``'s results)."""
    attrib = element.attrib
    match = element.get("match")
    tests = [(attribute, getattr(element, method), with_context) for attribute, method, with_context in IF_TESTS
             if attribute in attrib]
    decide: Callable[[list[Any]], bool] = (any if match == "any" else
                                           (lambda results: not any(results)) if match == "none" else all)
    if len(tests) == 1 and tests[0][0] == "type":
        types = tuple(typ.lower() for typ in element.get("type").split())
        named = frozenset(types)
        type_of = _type_reader()
        if match == "any":
            return lambda item, context: type_of(item) in named
        if match == "none":
            return lambda item, context: type_of(item) not in named
        return lambda item, context: all(typ == type_of(item) for typ in types)
    if len(tests) == 1 and tests[0][0] == "variable" and _NOTE_NUMBER not in element.get("variable").split():
        # fast_variable's answers; the two wrappers above it only change first-reference-note-number
        variables = tuple(None if variable == "locator" else variable.replace("-", "_")
                          for variable in element.get("variable").split())
        if match == "any":
            def has_any(item: Any, context: Any) -> bool:
                reference = item.reference  # one look-up for all the variables (the same object each time)
                return any(("locator" in item) if variable is None else (variable in reference)
                           for variable in variables)

            return has_any

        def has_variables(item: Any, context: Any) -> bool:
            reference = item.reference
            return decide([("locator" in item) if variable is None else (variable in reference) for variable in variables])

        return has_variables
    if len(tests) == 1 and not tests[0][2]:
        only = tests[0][1]
        return lambda item, context: decide(only(item))
    calls = tuple((method, with_context) for _, method, with_context in tests)

    def condition(item: Any, context: Any) -> bool:
        results: list[Any] = []
        for method, with_context in calls:
            results += method(item, context) if with_context else method(item)
        return decide(results)

    return condition


def _type_reader() -> Callable[[Any], Any]:
    """``item.reference.type`` read with ``dict.get`` when the reference is citeproc-py's own
    ``Reference`` (whose attribute look-up is ``CustomDict``'s item look-up): two Python calls
    fewer per ``cs:if type`` test, some sixty an APA entry. Anything else, or an absent type
    (which raises VariableError), goes through the attribute."""
    from citeproc.source import CustomDict, Reference

    plain = Reference.__getattr__ is CustomDict.__getattr__ and Reference.__getitem__ is CustomDict.__getitem__
    reference_type = Reference if plain else None

    def type_of(item: Any) -> Any:
        reference = item.reference
        if type(reference) is reference_type:
            kind = dict.get(reference, "type", _MISSING)
            if kind is not _MISSING:
                return kind
        return reference.type

    return type_of


def _display_marks(element: Any) -> tuple[Any, Any] | None:
    from citeproc.string import String

    kind = element.get("display")
    return (String(display.OPEN[kind]), String(display.CLOSE[kind])) if kind in display.OPEN else None


def _displayed(output: Any, marks: tuple[Any, Any] | None) -> Any:
    if marks is None or output is None or str(output) == "":
        return output
    return marks[0] + output + marks[1]


#: Whether ``get_layout`` is :mod:`bibkaz.style.caching`'s, which keeps its answer on the element
#: (set by :func:`install`); then :func:`_repressed` reads the kept layout without the call.
_LAYOUT_KEPT = [False]


def _repressed(element: Any, context: Any) -> dict[str, Any]:
    """The per-entry state of the layout rendering (:func:`bibkaz.style.workarounds._repressed`)."""
    holder = context if context is not None else element
    if _LAYOUT_KEPT[0]:
        layout = holder.__dict__.get(caching.LAYOUT_KEY)
        if layout is not None and layout is not caching.NO_LAYOUT:
            try:
                return layout.repressed
            except AttributeError:
                return {}
    try:
        return holder.get_layout().repressed
    except (IndexError, AttributeError):
        return {}


def _language_reader(element: Any, model: Any) -> Callable[[Any], str]:
    """The item's language as ``fast_process`` reads it: its two letters, else the style's default locale's."""
    from citeproc.source import CustomDict

    variable_error = model.VariableError
    fallback: list[str] = []

    def default() -> str:
        if not fallback:
            fallback.append(element.get_root().get("default-locale", "en")[:2])
        return fallback[0]

    def language_of(item: Any) -> str:
        reference = item.reference
        language = dict.get(reference, "language", _MISSING) if isinstance(reference, dict) else _MISSING
        if language is not _MISSING:
            return language[:2]
        if isinstance(reference, CustomDict):
            return default()
        try:
            return reference.language[:2]
        except variable_error:
            return element.get_root().get("default-locale", "en")[:2]

    return language_of

"""Fixes for citeproc-py 0.11 bugs that change what a reader sees.

Each fix is small, named after the CSL rule it restores, and checked against
pandoc's citeproc by bench/format_compare.py (see docs/decisions.md (CSL formatter)).

1. ``initialize="false"`` on ``cs:name`` is ignored: Chicago and MLA inherit
   ``initialize-with=". "`` from the style element and print "Cooley, A." where
   the style asks for "Cooley, Alexander". :func:`install` wraps
   ``citeproc.model.Name.initialize`` so such names keep their given names and
   only their initials get the mark ("James T Kirk" → "James T. Kirk", CSL 1.0.2;
   "S.-M." → "S. M." as citeproc-js normalises, :mod:`bibkaz.style.initials`).
2. The locale option ``punctuation-in-quote`` is read but never applied
   (the code is commented out upstream): en-US styles print “Title”. instead of
   “Title.” :func:`punctuation_in_quote` moves the period or comma inside the
   locale's closing quote after rendering.
3. ``page-range-format`` "minimal"/"minimal-two" compares digits from the left
   even when the two page numbers differ in length, so "1-10" prints as
   "1–0" in MLA. :func:`install` wraps ``_format_last_page`` to keep the last
   page whole in that case, which every range format asks for.
4. ``cs:substitute`` only suppresses a variable when the substitute is a bare
   ``<text variable>``; through a macro (APA's title) or ``<names>`` (an edited
   book's editors) the variable prints twice: "Cummings, S. N. (Ed.). (2002).
   Power and change (S. N. Cummings, Ed.)". CSL says a substituted variable is
   suppressed in the rest of the entry. :func:`install` records which variables
   a substitute really printed and makes later ``cs:text`` / ``cs:names`` for
   them render nothing, from the moment the substitute printed them (a macro in
   it that prints the same names twice prints them once, as citeproc-js's
   ``done_vars``). A childless ``cs:names`` nested in the substitute's
   ``cs:choose`` inherits the substituted ``cs:name`` and label, as CSL says
   (citeproc-py does it for direct children only).
5. ``text-case`` on a ``cs:label`` is ignored: labels are cased with no
   language, and citeproc-py only title-cases English, so APA prints "(ed.)"
   where it asks for "(Ed.)". :func:`install` gives such calls the style's
   default language (English unless the style says otherwise).
6. Punctuation at seams is not collapsed: a title ending in "?" followed by the
   style's "." prints "stalling?." — :func:`collapse_punctuation` drops the
   period, as CSL processors do.
7. ``cs:label`` prints its term even when its variable is empty: Chicago ends
   newspaper entries with a stray "Edition." :func:`install` makes a label whose
   variable the item lacks render nothing (CSL: labels of empty variables are
   suppressed).
9. A given name with a word that does not start with a capital ("by Todd",
   debris of extraction) came out as ". by T."; citeproc-js initialises the
   capitalised words only and keeps the others as typed ("by T."), as we now do; a run of
   capitalised words is one given name ("T. of K.A." with ``initialize-with="."``).
8. Hyphenated given names with a lower-case second part ("Ji-hoon") come out
   as "J.-. hoon ." because citeproc-py takes "hoon" for a particle; we
   initialise each hyphen part that starts in upper case ("J.-H.") and, as
   citeproc-js, give a lower-case part no initial ("Guo-ping" → "G."), keeping a
   part that starts with no letter ("C.-19:").

10. A locale term that starts an entry ("n.d.", "no date", "in", "vol.") stays
    lower-case; :mod:`bibkaz.style.leading` capitalises it at render time when
    nothing was printed before it, as citeproc-js does.
13. A given name that does not start with a letter of a "romanesque" script
    ("^ Lulseged", "小明") is printed as it is, not initialised, as in citeproc-js.
12. Before a last name that is an institution citeproc-js ignores
    ``delimiter-precedes-last`` ("ITA and Department of Commerce" in MLA);
    :func:`_install_institution_and_fix` does the same.
11. Sort keys from macros keep the title's quotation marks, so a quoted title
    sorts after every unquoted one; :mod:`bibkaz.style.sorting` drops them.

14. Page "ranges" whose first page has a letter prefix the last lacks ("s173–182")
    print as typed with a hyphen (:func:`_install_page_fix`).
15. A last page typed short ("71-2") is completed before ``page-range-format`` applies, and
    "chicago-16" follows the 16th edition (citeproc-py applies the 15th's four-digit rule:
    "1496–1500" where citeproc-js prints "1496–500") (:func:`_install_page_fix`).

Elsewhere: subsequent-author-substitute (:mod:`bibkaz.style.subsequent`), title
case (:mod:`bibkaz.style.titlecase`), sort keys (:mod:`bibkaz.style.sorting`),
disambiguation (:mod:`bibkaz.style.disambiguate`), cite collapsing and grouping
(:mod:`bibkaz.style.collapse`), the implicit year suffix (:mod:`bibkaz.style.implicit_suffix`), initials under
``initialize="false"`` (:mod:`bibkaz.style.initials`), cached style look-ups
(:mod:`bibkaz.style.caching`), sort keys rendered only when a comparison needs them
(:mod:`bibkaz.style.sort_order`).

Eighth session (docs/decisions.md, "Eighth session: CSL processor"): group and
macro suppression at render time (:mod:`bibkaz.style.suppression`), name rules
(:mod:`bibkaz.style.names`, :mod:`bibkaz.style.name_parts`), lettered page ranges
(:mod:`bibkaz.style.pages`), seasons (:mod:`bibkaz.style.dates`), positions by
note numbers (:mod:`bibkaz.style.positions`), display attributes
(:mod:`bibkaz.style.display`).
"""

from __future__ import annotations

import re
from functools import wraps

from bibkaz.style import (caching, citation_label, cjk_names, collapse, compiled, dates, disambiguate, display, et_al, fast_paths, implicit_suffix,
                          initials, leading, names, ordinals, pages, plurals, positions, quote_punctuation, quotes, richtext, seams,
                          sort_order, sorting, subsequent, suppression, titlecase, turkic_case)

#: citeproc-js initialises a given name only when its first character is in this class
#: (its STARTSWITH_ROMANESQUE_REGEXP: Latin, Greek, Cyrillic, Hebrew, Arabic, Thai, "&").
_STARTS_ROMANESQUE = re.compile(
    "^[&a-zA-Z\u0e01-\u0e5b\u00c0-\u017f\u0370-\u03ff\u0400-\u052f\u0590-\u05d4\u05d6-\u05ff"
    "\u1f00-\u1fff\u0600-\u06ff\u200c\u200d\u200e\u0218\u0219\u021a\u021b\u202a-\u202e]")

#: citeproc-py releases these patches were measured on (tests/test_csl_rules.py, bench/csl_js_compare.py).
TESTED_VERSIONS = ("0.11.1",)


def version_warning() -> str | None:
    """A warning when the installed citeproc-py is not one the patches were tested on.

    pyproject pins ``<0.12``; this catches a patch release that changes a method we
    wrap, so the change is reported with the output instead of passing silently.
    """
    import citeproc

    version = str(getattr(citeproc, "__version__", "unknown"))
    if version in TESTED_VERSIONS:
        return None
    return f"citeproc-py {version} is not one bibkaz's CSL fixes were tested on ({', '.join(TESTED_VERSIONS)}); entries may differ"


def _initial_parts(given: str, mark: str) -> str:
    """"Ji-Hoon Sung" → "J.-H. S."; "Guo-ping" → "G." (citeproc-js's ``initializeWith`` joins a
    hyphen part that starts in lower case to the word before it, so it has no initial of its own).

    A part that does not start with a letter is kept as typed ("COVID-19:" → "C.-19:"),
    as citeproc-js keeps it.
    """
    words = []
    for word in given.split():
        parts = [p for n, p in enumerate(p for p in word.split("-") if p) if n == 0 or not re.match("[a-z]", p)]
        words.append("-".join(p[0] + mark.rstrip() if p[0].isalpha() else p for p in parts))
    return " ".join(words)


_WORD_SEPARATOR = re.compile(r"(\s+|-)")


def _initialized_with_markup(given: str, initialize: Any) -> str:
    """A given name with rich-text markup ("<b>John</b> Quiggly") initialised as its plain text is,
    each word's markup put back around its initial ("<b>J.</b> Q."), as citeproc-js keeps it;
    the markup is dropped when the words and initials do not line up one to one."""
    plain = richtext.MARKS.sub("", given)
    out = initialize(plain)
    words = [w for w in _WORD_SEPARATOR.split(given) if w and not _WORD_SEPARATOR.fullmatch(w)]
    initials = _WORD_SEPARATOR.split(out)
    positions = [n for n, piece in enumerate(initials) if piece and not _WORD_SEPARATOR.fullmatch(piece)]
    if len(words) != len(positions):
        return out
    for word, at in zip(words, positions):
        core = richtext.MARKS.sub("", word)
        start = word.index(core[0]) if core else 0
        end = word.rindex(core[-1]) + 1 if core else len(word)
        initials[at] = word[:start] + initials[at] + word[end:]
    return "".join(initials)


def _capitalised_runs(given: str) -> list[str]:
    """"Testimony of Kimberly A." → ["Testimony", "of", "Kimberly A."]: runs of capitalised
    words, each initialised as one given name, so "initialize-with='.'" joins their initials
    ("T. of K.A.") as citeproc-js does; other words stand alone, kept as typed."""
    runs: list[list[str]] = []
    for word in given.split():
        if word[0].isupper() and runs and runs[-1][0][0].isupper():
            runs[-1].append(word)
        else:
            runs.append([word])
    return [" ".join(run) for run in runs]


def install() -> None:
    """Patch citeproc-py in place; idempotent, so rendering twice is harmless."""
    from citeproc import model
    from citeproc import string as citeproc_string

    original = model.Name.initialize
    if getattr(original, "_bibkaz_fix", False):
        return
    caching.install(model)
    fast_paths.install(model)  # before the patches that wrap the methods it replaces
    seams.install(citeproc_string, model)
    suppression.install(model)  # before the wrappers of Group.process and Text.process below
    names.install(model)
    cjk_names.install(model)
    et_al.install(model)
    dates.install(model)
    ordinals.install(model)
    positions.install(model)
    richtext.install(model)
    display.install(model)
    _install_page_fix(model)
    _install_substitute_fix(model)
    titlecase.install(model)
    quotes.install(model)
    _install_label_case_fix(model)
    _install_empty_label_fix(model)
    plurals.install(model)
    subsequent.install(model, _repressed)
    disambiguate.install_name_counts(model, _layout)  # after: the substitute compares the names shown
    et_al.install_subsequent(model, _layout, disambiguate.at_subsequent)  # after: counts read its options
    disambiguate.install_disambiguate_condition(model)
    disambiguate.install_looking_position(model)  # after positions: cites compared are "subsequent"
    citation_label.install(model, disambiguate.looking)
    disambiguate.install_just_looking(model)
    _install_institution_and_fix(model)  # after: it reads the names as typed, not the "———"
    leading.install(model, _repressed)
    sorting.install(model)
    sort_order.install(model)
    implicit_suffix.install(model, _layout)
    collapse.install(model, _layout)  # last of the rules: it compares the names as finally printed
    compiled.install(model)  # after every rule: it compiles the walk around the wrappers above

    @wraps(original)
    def initialize(self, given, mark, context):  # type: ignore[no-untyped-def]
        if richtext.MARKS.search(str(given)):
            return _initialized_with_markup(str(given), lambda plain: initialize(self, plain, mark, context))
        if not _STARTS_ROMANESQUE.match(str(given)):
            return str(given)  # "^ Lulseged", "小明": citeproc-js prints such given names as they are
        if str(given).endswith("-") and str(given).rstrip("-").strip():
            # "Alvaro Taype-" → "A. T.-" (citeproc-js); citeproc-py's empty part after the hyphen made "A. T.-."
            return initialize(self, str(given).rstrip("-"), mark, context).rstrip() + "-"
        if self.get("initialize", "true").lower() == "false":
            return initials.normalize(str(given), mark)
        if any(not word[0].isupper() for word in str(given).split()):
            # "by Todd" → "by T.": only capitalised words are initialised (citeproc-py put a mark before "by").
            return " ".join(original(self, run, mark, context).strip() if run[0].isupper() else run
                            for run in _capitalised_runs(str(given)))
        if initials.has_abbreviation(str(given)):
            return initials.initialize_abbreviated(str(given), mark)
        if re.search(r"-\w", str(given)) and self.get_option("initialize-with-hyphen", context):
            return _initial_parts(str(given), mark)
        return original(self, given, mark, context)

    initialize._bibkaz_fix = True  # type: ignore[attr-defined]
    model.Name.initialize = initialize


_DOUBLED = re.compile(r"([?!])((?:</[a-z]+>|\*)*)\.")


def collapse_punctuation(text: str) -> str:
    """"Why now?." → "Why now?" (also across closing markup: "<i>Why?</i>." → "<i>Why?</i>"),
    and the marks :mod:`bibkaz.style.seams` asked to erase removed."""
    return _DOUBLED.sub(r"\1\2", seams.apply_erase(text))


def punctuation_in_quote(text: str, close_quotes: tuple[str, ...]) -> str:
    """Marks after a closing quote moved inside it (:mod:`bibkaz.style.quote_punctuation`)."""
    return quote_punctuation.punctuation_in_quote(text, close_quotes)




def _chicago_16(first: str, last: str) -> str:
    """Chicago 16th/17th ed. (CMOS 9.61): all digits below 100 and from a multiple of 100; from
    101–109 only the changed part; otherwise at least two digits ("321–28", "1496–500").
    citeproc-py applies the 15th edition's four-digit rule ("1496–1500") to both."""
    if not (first.isdigit() and last.isdigit()) or len(first) != len(last):
        return last
    number = int(first)
    if number < 100 or number % 100 == 0:
        return last
    common = next((n for n, (a, b) in enumerate(zip(first, last)) if a != b), len(first))
    if number % 100 < 10:
        return last[common:] or last[-1:]
    return last[min(common, len(first) - 2):]


_SPACED_RANGE = re.compile(r"(?<=\w)\s+\u2013\s+(?=\w)")


#: An HTML character reference: a number field holding one is text escaped for the output.
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")


def _install_page_fix(model) -> None:  # type: ignore[no-untyped-def]
    """Last pages kept whole when the two numbers differ in length (3 above), abbreviated last pages
    ("71-2") completed before a ``page-range-format`` applies, Chicago 16's rules; ranges of pages
    with letters as citeproc-js reads them (:mod:`bibkaz.style.pages`: "s173–182" as typed, "N110–N115");
    a locator range typed with spaces ("100 - 103") printed closed up ("100–103"), as citeproc-js."""
    original = model.FormatNumber._format_last_page
    process = model.FormatNumber._process

    @wraps(process)
    def _process(self, value, variable):  # type: ignore[no-untyped-def]
        from citeproc.string import String, join

        escaped = pages.escaped_hyphens(str(value))
        if escaped is not None:
            return String(escaped)
        amp = str(self.preformat("&"))
        if amp != "&" and amp in str(value):  # "213 &amp; 235": the field's "&", escaped for HTML
            value = str(value).replace(amp, "&")
        if _ENTITY.search(str(value)):
            return String(str(value))  # "1&#60;sup&#62;er…": escaped text, no numbers to split at its "&"
        if variable in plurals.RANGED and "-" in str(value) and self.get("form", "numeric") == "numeric":
            # the hyphens as citeproc-js prints them ("9-801–199", "6-A16"), the parts as typed
            typed = plurals.range_dashes(str(value), bool(self.get_root().get("page-range-format")))
            if typed is not None:
                return String(typed)
        parts = pages.split_items(str(value)) if variable.startswith("page") else []
        if not any(pages.lettered(piece) for part in parts for piece in part):
            return process(self, value, variable)
        delimiter = str(self.get_single_term(name="page-range-delimiter") or self.unicode_character("EN DASH"))
        expanded = self.get_root().get_option("page-range-format") in (None, "", "expanded")

        def one(piece: str):  # type: ignore[no-untyped-def]
            rng = pages.lettered(piece)
            if rng is None:
                return process(self, piece.strip(), variable)
            if variable == "page-first":
                return String(f"{rng.prefix or ''}{rng.first}")
            last_page = self._format_last_page if variable == "page" else (lambda _first, last: last)
            return String(pages.render(rng, last_page, delimiter, expanded))

        amp_delimiter = " " + self.unicode_character("AMPERSAND") + " "
        return join((join((one(piece) for piece in part), amp_delimiter) for part in parts), ", ")

    @wraps(original)
    def _format_last_page(self, first, last):  # type: ignore[no-untyped-def]
        range_format = self.get_root().get_option("page-range-format")
        if not range_format:
            return last
        first, last = str(first), str(last)
        if first.isdigit() and last.isdigit() and len(last) < len(first):
            last = first[: len(first) - len(last)] + last  # "71-2" is 71–72 before any format applies
        if range_format == "chicago-16":
            return _chicago_16(first, last)
        if len(first) != len(last):
            return last
        return original(self, first, last)

    text_variable = model.Text._variable

    @wraps(text_variable)
    def _variable(self, item, context):  # type: ignore[no-untyped-def]
        # citeproc-js formats a page locator's range typed with a hyphen as the page variable
        # ("232-234" → "232–34" in Chicago); one typed with an en dash it prints as typed
        if self.get("variable") == "locator" and self.get_root().get_option("page-range-format"):
            locator = getattr(item, "locator", None)
            if locator is not None and getattr(locator, "label", None) == "page" and "-" in str(locator.identifier):
                text = text_variable(self, item, context)
                return None if text is None else self._process(str(text), "page")
        text = text_variable(self, item, context)
        escaped = pages.escaped_hyphens(str(text)) if self.get("variable") == "locator" and text is not None else None
        if escaped is not None:
            return type(text)(escaped)
        if self.get("variable") == "locator" and text is not None and " \u2013" in str(text):
            return type(text)(_SPACED_RANGE.sub("\u2013", str(text)))
        return text

    model.FormatNumber._format_last_page = _format_last_page
    model.FormatNumber._process = _process
    model.Text._variable = _variable


# Keys inside citeproc-py's per-entry ``layout.repressed`` dict (reset for every
# entry, so our state is too); they cannot clash with its element-tag keys.
_SUPPRESSED = "bibkaz:suppressed"
_RECORDING = "bibkaz:recording"


def _layout(element, context):  # type: ignore[no-untyped-def]
    try:
        return (context if context is not None else element).get_layout()
    except (IndexError, AttributeError):  # elements outside a layout (sort keys of locales)
        return None


def _repressed(element, context):  # type: ignore[no-untyped-def]
    try:
        return (context if context is not None else element).get_layout().repressed
    except (IndexError, AttributeError):  # elements outside a layout (sort keys of locales)
        return {}


def _substituted_names(names, model):  # type: ignore[no-untyped-def]
    """The ``cs:names`` whose ``cs:substitute`` holds ``names`` at any depth, or None.

    CSL: a ``cs:names`` without children in ``cs:substitute`` inherits the
    ``cs:name``, ``cs:et-al`` and ``cs:label`` of the ``cs:names`` it substitutes.
    citeproc-py does this for direct children only; Chicago's substitutes sit in
    ``cs:choose`` ("Kulwiec, R. A., ed." came out as "R. A. Kulwiec").
    """
    for ancestor in names.iterancestors():
        if isinstance(ancestor, model.Substitute):
            outer = ancestor.getparent()
            return outer if isinstance(outer, model.Names) else None
        if isinstance(ancestor, (model.Names, model.Layout, model.Macro)):
            return None
    return None


def _substitute_children(substitute, item, model, context=None, **kwargs):  # type: ignore[no-untyped-def]
    """citeproc-py's ``Substitute.render`` loop, ended also by a ``cs:text`` of a term or a value that
    prints nothing: in citeproc-js such a child blocks the rest of the substitute whatever it
    printed (suite fixture ``substitute_SubstituteOnlyOnceTermEmpty``)."""
    text = None
    for child in substitute.getchildren():
        # the same chain, compiled (None: the walk is off); a cs:names without a cs:name finds the
        # one it inherits either way (Names.process below, when names_context is not given)
        node = compiled.node_of(child)
        try:
            if node is not None:
                out = node(item, context, "", kwargs)
                if out is compiled.SKIP:  # the chain's VariableError
                    continue
                text = out
            elif isinstance(child, model.Names) and child.name is None:
                names = substitute.xpath_search("./parent::cs:names[1]")[0]
                text = child.render(item, names_context=names, context=context, **kwargs)
            else:
                text = child.render(item, context=context, **kwargs)
        except model.VariableError:
            continue
        if text:
            substitute.add_to_repressed_list(child, context)
            break
        if isinstance(child, model.Text) and ("term" in child.attrib or "value" in child.attrib):
            break
    return text


def _install_substitute_fix(model) -> None:  # type: ignore[no-untyped-def]
    text_variable = model.Text._variable
    names_process = model.Names.process
    substitute_render = model.Substitute.render

    @wraps(text_variable)
    def _variable(self, item, context):  # type: ignore[no-untyped-def]
        repressed = _repressed(self, context)
        name = self.get("variable")
        if name in repressed.get(_SUPPRESSED, ()):
            return None
        value = text_variable(self, item, context)
        if value and _RECORDING in repressed:
            repressed[_RECORDING].add(name)
        return value

    @wraps(names_process)
    def process(self, item, names_context=None, context=None, **kwargs):  # type: ignore[no-untyped-def]
        if names_context is None and self.name is None:
            names_context = _substituted_names(self, model)
        repressed = _repressed(self, context)
        present = [r for r in self.get("variable", "").split() if r in item.reference]
        suppressed = repressed.get(_SUPPRESSED, set())
        if present and all(r in suppressed for r in present):
            return None
        if present and all(r in repressed.get(_RECORDING, ()) for r in present):
            return None  # already printed in this cs:substitute (citeproc-js's done_vars: printed once)
        text = names_process(self, item, names_context=names_context, context=context, **kwargs)
        if text and _RECORDING in repressed:
            repressed[_RECORDING].update(present)
        return text

    @wraps(substitute_render)
    def render(self, item, context=None, **kwargs):  # type: ignore[no-untyped-def]
        repressed = _repressed(self, context)
        outer = repressed.get(_RECORDING)
        repressed[_RECORDING] = set()
        try:
            text = _substitute_children(self, item, model, context=context, **kwargs)
        finally:
            printed = repressed.pop(_RECORDING)
            if outer is not None:
                repressed[_RECORDING] = outer | printed
        if text and printed:
            repressed.setdefault(_SUPPRESSED, set()).update(printed)
        return text

    number_process = model.Number.process

    @wraps(number_process)
    def number(self, item, context=None, **kwargs):  # type: ignore[no-untyped-def]
        # a cs:number is a variable as a cs:text is: printed in the cs:substitute (APA's and
        # Harvard's title in the author's place carries the edition), it is not printed again
        repressed = _repressed(self, context)
        name = self.get("variable")
        if name in repressed.get(_SUPPRESSED, ()):
            return None
        value = number_process(self, item, context=context, **kwargs)
        if value and _RECORDING in repressed:
            repressed[_RECORDING].add(name)
        return value

    model.Text._variable = _variable
    model.Names.process = process
    model.Substitute.render = render
    model.Number.process = number


def _install_label_case_fix(model) -> None:  # type: ignore[no-untyped-def]
    case = model.TextCased.case

    @wraps(case)
    def case_with_language(self, text, language=None):  # type: ignore[no-untyped-def]
        if language is None:
            try:
                language = (self.get_root().get("default-locale") or "en")[:2]
            except AttributeError:
                language = "en"
        return case(self, turkic_case.prepared(text, self.get("text-case"), language), language)

    model.TextCased.case = case_with_language


def _install_empty_label_fix(model) -> None:  # type: ignore[no-untyped-def]
    process = model.Label.process

    @wraps(process)
    def label_process(self, item, variable=None, plural=None, context=None, **kwargs):  # type: ignore[no-untyped-def]
        own = self.get("variable")
        if variable is None and own and own != "locator" and own.replace("-", "_") not in item.reference:
            return None
        if plural is None and own and own.startswith("number-of-"):
            # CSL: a number-of-* label is plural when the number is above one ("volumes 2"); citeproc-py
            # read the value under its hyphenated name, failed and printed no label at all
            try:
                plural = int(str(item.reference[own.replace("-", "_")]).strip()) > 1
            except (ValueError, model.VariableError):
                plural = False
        return process(self, item, variable=variable, plural=plural, context=context, **kwargs)

    model.Label.process = label_process


def _install_institution_and_fix(model) -> None:  # type: ignore[no-untyped-def]
    """Before a last name that is an institution (a ``literal`` name), citeproc-js joins
    with its institution "and": no delimiter between two names ("ITA and Department of
    Commerce", "Lee, Ann and World Bank" in MLA, whose ``delimiter-precedes-last`` is
    "always"), the delimiter among three or more (", and World Bank" even when "never").
    We set ``delimiter-precedes-last`` for that one rendering."""
    process = model.Name.process

    @wraps(process)
    def name_process(self, item, variable, context=None, sort_options=None, **kwargs):  # type: ignore[no-untyped-def]
        names = item.reference.get(variable, []) if sort_options is None else []
        shown = len(names)
        try:
            et_al_min = self.get_option("et-al-min", context)
        except (TypeError, ValueError, KeyError, AttributeError):  # the style sets no et-al rule
            et_al_min = 0
        if shown < 2 or (et_al_min and shown >= et_al_min) or "literal" not in names[-1]:
            return process(self, item, variable, context=context, sort_options=sort_options, **kwargs)
        own = self.get("delimiter-precedes-last")
        self.set("delimiter-precedes-last", "never" if shown == 2 else "always")
        et_al.forget(self)
        try:
            return process(self, item, variable, context=context, sort_options=sort_options, **kwargs)
        finally:
            if own is None:
                del self.attrib["delimiter-precedes-last"]
            else:
                self.set("delimiter-precedes-last", own)
            et_al.forget(self)

    model.Name.process = name_process

"""Render CSL-JSON items as a bibliography with citeproc-py.

Works in, entries out: one :class:`Entry` per item, in the style's order, each
with its key, so callers (the ``format`` command, the comparison bench) can line
entries up with other processors. Assembling entries into a document is
:mod:`bibkaz.style.output`'s job.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from types import ModuleType
from typing import Any, Mapping, Sequence

from bibkaz.model import BibkazError
from bibkaz.style import items as prepare_items
from bibkaz.style import (caching, disambiguate, leading, locales, markdown_formatter, quotes, richtext, subsequent,
                          workarounds)

FORMATS = ("text", "html", "markdown")


@dataclass(frozen=True)
class Entry:
    """One rendered bibliography entry.

    ``label`` is the first field of styles with ``second-field-align`` (the "[1]"
    of IEEE), split off so output can align it; ``body`` is the rest. Styles
    without it have an empty label.
    """

    key: str
    body: str
    label: str = ""
    #: What the style prints between the label and the body (" " in IEEE); citeproc-js's HTML
    #: keeps it at the start of ``csl-right-inline``. Text output always puts one space there.
    gap: str = ""

    @property
    def text(self) -> str:
        return f"{self.label} {self.body}" if self.label else self.body


@dataclass(frozen=True)
class Rendered:
    entries: tuple[Entry, ...]
    hanging_indent: bool = False
    warnings: tuple[str, ...] = ()


def formatter_for(to: str) -> ModuleType:
    from citeproc import formatter

    if to not in FORMATS:
        raise BibkazError(f"unknown output format {to!r}; choose one of {', '.join(FORMATS)}")
    return {"text": formatter.plain, "html": formatter.html, "markdown": markdown_formatter}[to]


def load_style(path: str, locale: str, need_bibliography: bool = True) -> Any:
    from citeproc import CitationStylesStyle

    try:
        # validate=False: the RelaxNG check costs more than the rendering and only warns.
        style = CitationStylesStyle(path, locale=locale, validate=False)
    except Exception as exc:  # lxml and citeproc-py raise many types for a broken file
        raise BibkazError(f"{path}: not a usable CSL style ({exc})") from exc
    locales.update_terms(style)
    caching.keep_proxies(style)
    if need_bibliography and not style.has_bibliography():
        raise BibkazError(f"{path}: this style has no bibliography section (it only formats notes)")
    return style


def close_quotes(style: Any) -> tuple[str, ...]:
    root = style.root
    if str(root.get_locale_option("punctuation-in-quote") or "false").lower() != "true":
        return ()
    return (str(root.get_single_term("close-quote")), str(root.get_single_term("close-inner-quote")))


def render(items: Sequence[dict[str, Any]], style_path: str, locale: str = "en-US", to: str = "text") -> Rendered:
    """Render ``items`` (CSL-JSON dicts with unique ids) in the style at ``style_path``.

    citeproc-py lower-cases item ids, so "Umarov2022" and "umarov2022" would
    collide; we hand it positional ids and map back.
    """
    from citeproc import Citation, CitationItem, CitationStylesBibliography
    from citeproc.source.json import CiteProcJSON

    workarounds.install()
    fmt = formatter_for(to)
    style = load_style(style_path, locale)
    escape = None if to == "text" else (richtext.html_escape if to == "html" else fmt.preformat)
    # HTML must escape "&" in URLs too; Markdown leaves addresses alone so they stay clickable.
    unescaped = {"id", "type"} if to == "html" else prepare_items.VERBATIM
    outer = quotes.outer_marks(style.root)  # straight quotes typed in a field print as the locale's
    inner = quotes.inner_marks(style.root)
    internal = [dict(prepare_items.prepare(item, escape, unescaped, outer, inner), id=f"i{n}")
                for n, item in enumerate(items)]
    keys = {f"i{n}": str(item["id"]) for n, item in enumerate(items)}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            source = CiteProcJSON(internal)
            bib = CitationStylesBibliography(style, source, fmt)
            _register(bib, [Citation([CitationItem(item["id"])]) for item in internal])
            bib.sort()
            with disambiguate.keys_kept():
                shown = disambiguate.name_counts(style, bib.items)  # before year suffixes (CSL 1.0.2)
                # given names the citations add show in the entries too, as citeproc-js prints them
                # ("Boettiger, Carl et al." beside "Boettiger, C. et al."); never fewer than the entry's own
                initials = disambiguate.bibliography_initializes(style)
                # (under the name-level rules they also decide year suffixes, and cost no citation rendering)
                given = (disambiguate.given_levels(style, bib.items, shown)
                         if initials or disambiguate.name_level_rule(style) else {})
                levels = given if initials else {}
                suffixes = disambiguate.year_suffixes(style, bib.items, given)
            for ident, letter in suffixes.items():
                source[ident]["year_suffix"] = source.parse_string(letter)
            # ``<if disambiguate="true">`` in an entry: true for works whose citations stay alike
            still = disambiguate.ambiguous(style, bib.items, shown) if disambiguate.tests_condition(style) else {}
            texts = _entries(style, bib.items, shown, still, levels)
            labels = _labels(style, bib)
        except Exception as exc:  # citeproc-py has no error hierarchy of its own
            raise BibkazError(f"{style_path}: citeproc-py failed: {type(exc).__name__}: {exc}") from exc
    closing = close_quotes(style)
    entries = []
    for key, text, label in zip(bib.keys, texts, labels):
        if text is None:  # nothing to print (citeproc-js leaves such entries out too)
            continue
        label = label if label and text.startswith(label) else ""
        rest = text[len(label):]
        body = rest.lstrip() if label else rest
        gap = rest[:len(rest) - len(body)]
        # collapsed before the guards go: a guarded mark is the style's own text (quotes.value_text)
        body = quotes.unguard(workarounds.collapse_punctuation(workarounds.punctuation_in_quote(body, closing)))
        entries.append(Entry(keys[key], richtext.decode(body, to), richtext.decode(quotes.unguard(label), to), gap))
    bibliography = style.root.bibliography
    hanging = str(bibliography.get("hanging-indent", "false")).lower() == "true"
    notes = [_ordered(str(w.message)) for w in caught] + [w for w in (workarounds.version_warning(),) if w]
    return Rendered(tuple(entries), hanging, tuple(dict.fromkeys(notes)))


def _ordered(message: str) -> str:
    """citeproc-py's warning "… are unsupported: custom, event_title" with the names sorted: it
    joins a set, so the order (and ``format_speed --digest``) changed with the hash seed."""
    head, sep, names = message.rpartition(" are unsupported: ")
    return f"{head}{sep}{', '.join(sorted(names.split(', ')))}" if sep else message


def _register(bib: Any, citations: Sequence[Any]) -> None:
    """``bib.register`` of each citation, in order, with a set of the keys seen.

    citeproc-py's ``register`` asks ``key not in self.keys`` of a list, so
    registering N works is N² comparisons: a second of APA's 25 at 10,000 works.
    Same items, same order, same ``citation.bibliography``.
    """
    seen = set(bib.keys)
    source = bib.source
    for citation in citations:
        citation.bibliography = bib
        for cite in citation.cites:
            if cite.key in source and cite.key not in seen:
                seen.add(cite.key)
                bib.keys.append(cite.key)
                bib.items.append(cite)


def _entries(style: Any, items: Sequence[Any], shown: dict[str, int],
             still_ambiguous: Mapping[str, int] | None = None,
             levels: dict[str, tuple[int, ...]] | None = None) -> list[str | None]:
    """Each item's entry, None where it renders empty, in order.

    Our loop rather than citeproc-py's ``bibliography()``: that one drops empty
    entries, so keys and texts no longer line up, and it knows nothing of the
    entry before, which ``subsequent-author-substitute`` needs.
    """
    layout = style.root.bibliography.layout
    disambiguate.set_name_counts(layout, shown, still_ambiguous, levels)
    substitution = subsequent.from_style(style)
    out: list[str | None] = []
    for item in items:
        layout.repressed = {leading.STATE: leading.Leading()}
        if substitution is not None:
            layout.repressed[subsequent.STATE] = substitution
        text = layout.format(layout.wrap(layout.render_children(item)))
        out.append(None if text is None else str(text))
        if substitution is not None:
            substitution.next_entry()
    layout.repressed = {}
    disambiguate.set_name_counts(layout, {})
    return out


def _labels(style: Any, bib: Any) -> list[str]:
    """The first field of each entry when the style aligns it (``second-field-align``)."""
    bibliography = style.root.bibliography
    if not bibliography.get("second-field-align"):
        return [""] * len(bib.items)
    layout = bibliography.layout
    first = next(iter(layout.iterchildren()), None)
    out = []
    for item in bib.items:
        layout.repressed = {}
        try:
            text = first.render(item) if first is not None else None
        except Exception:  # a first field that cannot render alone is simply not aligned
            text = None
        out.append(str(text) if text else "")
    return out

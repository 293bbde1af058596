"""In-text citations in a CSL style, in document order (issue 16, ``format --citations``).

A brief's citations as found ("(Lee 2022, p. 45)", "[3]", a note) are rendered
again in the chosen style with their locators, which is the base of restyling a
document. citeproc-py tracks positions itself (``first``, ``subsequent``,
``ibid``, ``ibid-with-locator``) when citations are cited in order through one
bibliography, so note styles print a full first note, then short notes and
"Ibid." as the style says; author-date and numeric styles ignore positions.

Locators arrive as typed in the document ("p. 45", "pp. 45–47", "ch. 3",
"para. 12", "§ 5"); :func:`parse_locator` turns them into CSL's label and value.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from typing import Any, Sequence

from bibkaz.model import BibkazError
from bibkaz.style import items as prepare_items
from bibkaz.style import locator_labels
from bibkaz.style import collapse, disambiguate, leading, positions, quotes, ranges, richtext, workarounds
from bibkaz.style.quotes import unguard
from bibkaz.style.render import close_quotes, formatter_for, load_style

#: Typed locator abbreviations → CSL locator labels.
_LABELS = {
    "p": "page", "pp": "page", "page": "page", "pages": "page", "at": "page",
    "ch": "chapter", "chap": "chapter", "chapter": "chapter", "chs": "chapter",
    "para": "paragraph", "paras": "paragraph", "paragraph": "paragraph", "¶": "paragraph", "¶¶": "paragraph",
    "sec": "section", "section": "section", "§": "section", "§§": "section", "s": "section",
    "n": "note", "nn": "note", "note": "note", "fn": "note",
    "fig": "figure", "figure": "figure", "tbl": "table", "table": "table",
    "vol": "volume", "line": "line", "ll": "line", "art": "article-locator", "pt": "part", "part": "part",
}
_LOCATOR = re.compile(r"^\s*([^\W\d]+|¶¶?|§§?)?\.?\s*(.+?)\s*$")


@dataclass(frozen=True)
class Cite:
    """One work cited at one place, with what the document says of where in it."""

    key: str
    locator: str = ""
    #: The CSL locator label ("page", "chapter") when known; otherwise it is read from ``locator``.
    label: str = ""
    prefix: str = ""
    suffix: str = ""


def install_cite_order(model: Any) -> None:
    """Render a citation's cites in CSL's order, grouped and collapsed as citeproc-js does.

    CSL 1.0.2: cites keep the order they were given in unless ``cs:citation`` has
    a ``cs:sort``. citeproc-py 0.11 always puts them in bibliography order first,
    so MLA printed "(GAO, Human Capital …; GAO, Results-Oriented …)" for a note
    citing them the other way round, and APA's two undated anonymous pages came
    out "(2019c; 2019d)" where citeproc-js, sorting from the given order, keeps
    "(2019d; 2019c)" as cited. ``collapse`` (ignored by citeproc-py) is applied by
    :mod:`bibkaz.style.collapse`: "(GAO 1996, 2003d)".
    """
    from citeproc.source import Locator
    from citeproc.string import normalize_seam

    render_citation = model.Layout.render_citation
    if getattr(render_citation, "_bibkaz_fix", False):
        return
    # CSL "ibid-with-locator": a locator *different* from the preceding cite's. citeproc-py compared
    # Locator objects by identity, so "p. 34" after "p. 34" was a new locator, not plain "ibid".
    Locator.__eq__ = lambda self, other: (isinstance(other, Locator) and (self.label, str(self.identifier))
                                          == (other.label, str(other.identifier)))
    Locator.__hash__ = lambda self: hash((self.label, str(self.identifier)))

    def in_order(self, citation, callback):  # type: ignore[no-untyped-def]
        parent = self.getparent()
        cites = list(citation.cites)
        if parent.sort is not None:  # sorted from the given order: ties keep it; bad cites go last
            cites = parent.sort.sort([c for c in cites if not c.is_bad()], self) + [c for c in cites if c.is_bad()]
        collapser = collapse.Collapser(parent) if collapse.active(parent) else None
        if collapser is not None and parent.sort is not None and self.get_root().get("class") == "in-text":
            cites = collapse.grouped([c for c in cites if not c.is_bad()], self) + [c for c in cites if c.is_bad()]
        out = []
        self.bibkaz_collapse = collapser
        # citeproc-js capitalises a term printed first in a note style's citation ("Ibid."), not
        # in an in-text one; one state for the whole citation, so later cites keep lower case.
        opening = leading.Leading() if self.get_root().get("class") != "in-text" else None
        try:
            for item in cites:
                if item.is_bad():
                    out.append((callback(item) or "{}?".format(item.key), None, item))
                    continue
                self.repressed = {}
                if opening is not None:
                    if item.get("prefix"):
                        opening.printed = not _ends_sentence(str(item.get("prefix")))
                    self.repressed[leading.STATE] = opening
                if collapser is not None:
                    collapser.cite_start(self.repressed, item)
                try:
                    output = self.render_children(item)
                except model.VariableError:
                    continue
                if output is None:
                    continue
                if collapser is not None:
                    collapser.cite_done(self.repressed, "locator" in item)
                    output = collapse.cut_hidden(str(output))
                out.append((item.get("prefix", "") + output + item.get("suffix", ""), len(collapser.cites) - 1
                            if collapser is not None else None, item))
                parent.cites.append(item)
        finally:
            self.bibkaz_collapse = None
        numbers = parent.get("collapse") == "citation-number"
        if (collapser is None and not numbers) or not out:
            from citeproc.string import join

            if not out:
                return self.format(self.wrap(self.join([])))
            delimiter = self.get("delimiter", "")
            text = out[0][0]
            for (_, _, before), (piece, _, item) in zip(out, out[1:]):
                text = join([text, piece], _delimiter_between(before, item, delimiter))
            return self.format(self.wrap(text))
        pieces = _pieces(out, collapser, self.get("delimiter", ""), self.get_root().get("class") == "in-text")
        ranged = numbers or parent.get("collapse") == "year-suffix-ranged"
        return self.format(self.wrap(ranges.join(pieces, _range_delimiter(self), ranged, normalize_seam)))

    in_order._bibkaz_fix = True  # type: ignore[attr-defined]
    model.Layout.render_citation = in_order


def _delimiter_between(before: Any, item: Any, delimiter: str) -> str:
    """The layout delimiter between two cites, as citeproc-js shortens it: after a suffix ending in
    ";", "." or "," only its spaces remain ("… is one source, Jones"); before a prefix starting with
    one of them (and no suffix before) none ("Book A, cited in Book B")."""
    suffix, prefix = str(before.get("suffix", "") or ""), str(item.get("prefix", "") or "")
    if not suffix and prefix[:1] in (";", ".", ","):
        return ""
    if suffix[-1:] in (";", ".", ","):
        return delimiter[delimiter.index(" "):] if " " in delimiter else ""
    return delimiter


def _ends_sentence(prefix: str) -> bool:
    """Whether a cite's prefix ends a sentence, so a term after it is capitalised ("This has been
    said. Ibid."): citeproc-js asks for a closing ".", "!" or "?" after two or more words, a single
    word being an abbreviation ("Cf. ibid.")."""
    words = prefix.split()
    return len(words) > 1 and words[-1].rstrip("\"'\u201d\u2019\u00bb)")[-1:] in (".", "!", "?")


def _pieces(out: list[tuple[str, int | None, Any]], collapser: collapse.Collapser | None, layout_delimiter: str,
            in_text: bool) -> list[ranges.Piece]:
    """The rendered cites as :class:`ranges.Piece`: their delimiters (grouped cites', suffix-only
    cites'), and the numbers that may range (citation numbers, year-suffix letters)."""
    pieces = []
    chain = 0
    templates: dict[str, int] = {}
    for n, (text, position, item) in enumerate(out):
        delimiter = layout_delimiter
        number = None
        if collapser is None:  # collapse="citation-number": cites that print their number alone range
            template = _number_template(text, item)
            if template is not None:
                chain = templates.setdefault(template, len(templates))
                number = int(item.number)
            else:
                chain = -1 - n
        elif position is not None:
            state = collapser.cites[position]
            before = out[n - 1][1] if n else None
            if state.suffix_only:
                delimiter = collapser.suffix_delimiter(layout_delimiter)
            elif n and before is not None:
                delimiter = collapser.delimiter_before(position, layout_delimiter, in_text)
            if not state.suffix_only:
                chain += 1
            suffix = item.reference.get("year_suffix")
            number = _suffix_index(str(suffix)) if suffix and collapser.collapses_years() else None
        else:
            chain += 1
        if n:
            delimiter = _delimiter_between(out[n - 1][2], item, delimiter)
        pieces.append(ranges.Piece(text, delimiter, number, chain))
    return pieces


def _number_template(text: str, item: Any) -> str | None:
    """The cite's text with its citation number taken out, when it prints nothing else (affixes
    and markup aside) and has no locator; None otherwise."""
    number = getattr(item, "number", None)
    if number is None or "locator" in item or str(number) not in text:
        return None
    template = text.replace(str(number), "\0", 1)
    if any(ch.isalnum() for ch in re.sub(r"<[^>]*>", "", template)):
        return None
    return template


def _suffix_index(letters: str) -> int:
    """"a" → 1, "z" → 26, "aa" → 27: a year suffix as the number citeproc-js ranges."""
    index = 0
    for ch in letters.strip().lower():
        if not "a" <= ch <= "z":
            return 0
        index = index * 26 + ord(ch) - ord("a") + 1
    return index


def _range_delimiter(layout: Any) -> str:
    try:
        term = layout.get_root().get_single_term("citation-range-delimiter")
    except Exception:  # locales older than CSL 1.0.1 lack the term
        term = None
    return str(term) if term else ranges.DEFAULT_RANGE_DELIMITER


def parse_locator(text: str) -> tuple[str, str] | None:
    """"p. 45" → ("page", "45"); "ch. 3" → ("chapter", "3"); a bare "45" is a page; None if empty."""
    m = _LOCATOR.match(text or "")
    if not m or not m.group(2):
        return None
    word = (m.group(1) or "").lower()
    if word and word not in _LABELS:
        return ("page", text.strip())
    return (_LABELS.get(word, "page"), m.group(2).replace("–", "-"))


def cite_locator(cite: Cite) -> tuple[str, str] | None:
    """The cite's (label, locator): its own label when it has one, else read from its text."""
    if cite.label and cite.locator.strip():
        return (cite.label, cite.locator.strip())  # citeproc-js trims a locator (" 666")
    return parse_locator(cite.locator)


def render_citations(items: Sequence[dict[str, Any]], clusters: Sequence[Sequence[Cite]], style_path: str,
                     locale: str = "en-US", to: str = "text", notes: Sequence[int] | None = None) -> list[str]:
    """Each cluster (the works cited at one place) rendered by the style's ``cs:citation``, in order.

    ``items`` are all the works the clusters name (CSL-JSON with unique ids); the
    bibliography they form decides numbers ("[3]") and year suffixes. ``notes``: the
    note holding each cluster (0 for the running text), when the document has notes;
    positions ("Ibid.", near-note) and ``first-reference-note-number`` then follow
    them (:mod:`bibkaz.style.positions`).
    """
    from citeproc import Citation, CitationItem, CitationStylesBibliography
    from citeproc.source import Locator
    from citeproc.source.json import CiteProcJSON

    from citeproc import model

    workarounds.install()
    install_cite_order(model)
    fmt = formatter_for(to)
    style = load_style(style_path, locale, need_bibliography=False)
    escape = None if to == "text" else (richtext.html_escape if to == "html" else fmt.preformat)
    outer = quotes.outer_marks(style.root)
    inner = quotes.inner_marks(style.root)
    internal = [dict(prepare_items.prepare(item, escape, outer=outer, inner=inner), id=f"i{n}")
                for n, item in enumerate(items)]
    ids = {str(item["id"]): f"i{n}" for n, item in enumerate(items)}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            types = {str(item["id"]): item.get("type") for item in items}
            source = CiteProcJSON(internal)
            bib = CitationStylesBibliography(style, source, fmt)
            citations = []
            for cluster in clusters:
                cites = []
                for cite in cluster:
                    extra: dict[str, Any] = {k: prepare_items.prepare_text(v, escape, outer)
                                             for k, v in (("prefix", cite.prefix), ("suffix", cite.suffix)) if v}
                    parsed = cite_locator(cite)
                    if parsed:  # a locator is field text too: typographic quotes, escaped for the output
                        parsed = locator_labels.typed_label(parsed, types.get(cite.key), style.root)
                        value = quotes.typographic(parsed[1], outer)
                        extra["locator"] = Locator(parsed[0], escape(value) if escape else value)
                    cites.append(CitationItem(ids[cite.key], **extra))
                citation = Citation(cites)
                if notes is not None:
                    setattr(citation, positions.NOTE, int(notes[len(citations)]))
                bib.register(citation)
                citations.append(citation)
            if style.root.bibliography is not None:
                bib.sort()
            # Names and given names are added before year suffixes (CSL 1.0.2, steps 1–3), so they
            # are decided on citations without suffixes.
            with disambiguate.keys_kept():
                counts = disambiguate.name_counts(style, bib.items)
                levels = disambiguate.given_levels(style, bib.items, counts)
                suffixes = disambiguate.year_suffixes(style, bib.items, levels)
            for ident, letter in suffixes.items():
                source[ident]["year_suffix"] = source.parse_string(letter)
            layout = style.root.citation.layout  # held, so lxml keeps this proxy (and the counts on it) alive
            disambiguate.set_name_counts(layout, counts, disambiguate.ambiguous(style, bib.items, counts), levels)
            texts = [str(bib.cite(c, lambda item: None)) for c in citations]
        except KeyError as exc:
            raise BibkazError(f"citation of an unknown work {exc}") from exc
        except Exception as exc:  # citeproc-py has no error hierarchy of its own
            raise BibkazError(f"{style_path}: citeproc-py failed on a citation: {type(exc).__name__}: {exc}") from exc
    # The same post-render rules as bibliography entries (“Title,” in en-US, "?." collapsed).
    closing = close_quotes(style)
    return [richtext.decode(unguard(workarounds.collapse_punctuation(workarounds.punctuation_in_quote(t, closing))), to)
            for t in texts]

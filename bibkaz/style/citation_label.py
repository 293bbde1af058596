"""``citation-label`` made up when a work has none, with its year suffix (citeproc-js's trigraph).

CSL 1.0.2 lists ``citation-label`` ("Lee20") among the variables but leaves its
making to the processor. citeproc-py 0.11 prints it only when the data has one,
so an alphanumeric style ("[Asth00]") printed nothing for ordinary items.
citeproc-js builds it from the first name variable and the year by its
``trigraph`` template "Aaaa00:AaAa00:AaAA00:AAAA00": one name gives four letters
of the family name, two give two each, three give two and one and one, four or
more the first letter of the first four; then the year's last two digits
("Asth00", "BrCh98", "DEFG26"). A work with no names takes the title's first
four letters, skipping small words. Either way, a year suffix that
disambiguation gave the work is appended ("Asth00a"), except while cites are
compared, and styles that print ``citation-label`` get no suffix after a date
(:mod:`bibkaz.style.implicit_suffix`).
"""

from __future__ import annotations

import re
from functools import wraps
from typing import Any, Callable, Sequence

#: citeproc-js's default template, one ":"-part per number of names (the last for more).
TRIGRAPH = "Aaaa00:AaAa00:AaAA00:AAAA00"
#: citeproc-js's ``CSL.NAME_VARIABLES``, in its order: the first present gives the label.
NAME_VARIABLES = (
    "author", "chair", "collection-editor", "compiler", "composer", "container-author", "contributor", "curator",
    "director", "editor", "editor-translator", "editorial-director", "executive-producer", "guest", "host",
    "illustrator", "interviewer", "narrator", "organizer", "original-author", "performer", "producer", "recipient",
    "reviewed-author", "script-writer", "series-creator", "translator", "commenter")
#: citeproc-js's ``CSL.SKIP_WORDS``: words a title-made label leaves out.
SKIP_WORDS = frozenset((
    "about above across afore after against al along alongside amid amidst among amongst anenst apropos apud around "
    "as aside astride at athwart atop barring before behind below beneath beside besides between beyond but by circa "
    "despite down during et except for forenenst from given in inside into lest like modulo near next "
    "notwithstanding of off on onto out over per plus pro qua sans since than through thru throughout thruout till "
    "to toward towards under underneath until unto up upon versus vs. v. vs v via vis-à-vis with within without "
    "or yet so and nor a an the de d' von van c ca").split())
_NOT_ROMANESQUE = re.compile(
    "[^a-zA-Z\u0e01-\u0e5b\u00c0-\u017f\u0370-\u03ff\u0400-\u052f\u0590-\u05d4\u05d6-\u05ff\u1f00-\u1fff"
    "\u0600-\u06ff\u200c\u200d\u200e\u0218\u0219\u021a\u021b\u202a-\u202e]")
_PARTICLE = re.compile(r"^([ '\u2019a-z]+\s+)")
_ARTICLE = re.compile(r"^(a\s+|the\s+|an\s+)")


def _template(trigraph: str) -> list[tuple[list[int], int]]:
    """Each ":"-part as (letters per name, digits of the year): "AaAa00" → ([2, 2], 2)."""
    out = []
    for part in trigraph.split(":"):
        letters: list[int] = []
        digits = 0
        for ch in part:
            if ch == "A":
                letters.append(1)
            elif ch == "a" and letters:
                letters[-1] += 1
            elif ch == "0":
                digits += 1
        out.append((letters, digits))
    return out


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:].lower()


def make(names_of: Callable[[str], Sequence[tuple[str, str]]], title: str, year: str,
         trigraph: str = TRIGRAPH) -> str:
    """The label of a work: ``names_of(variable)`` gives its (family, literal) pairs, ``year`` its
    issued year ("" when undated: "0000" is cut to the template's digits, as citeproc-js does)."""
    template = _template(trigraph)
    letters, digits = template[0]
    label = ""
    for variable in NAME_VARIABLES:
        names = names_of(variable)
        if not names:
            continue
        letters, digits = template[min(len(names), len(template)) - 1]
        for (family, literal), count in zip(names, letters):
            name = _PARTICLE.sub("", family, count=1) if family else literal
            article = _ARTICLE.match(name.lower())
            if article:
                name = name[len(article.group(1)):]
            name = _NOT_ROMANESQUE.sub("", name)
            if not name:
                break
            label += _capitalised(name[:count])
        break
    if not label and title:
        words = [w for w in title.split() if w not in SKIP_WORDS]
        label = _capitalised("".join(words)[:template[0][0][0]])
    return label + ((year or "0000")[-digits:] if digits else "")


def _reference_names(reference: Any, variable: str) -> list[tuple[str, str]]:
    names = reference.get(variable.replace("-", "_")) or []
    return [(str(n.get("family") or ""), str(n.get("literal") or "")) for n in names]


def _year(reference: Any) -> str:
    issued = reference.get("issued")
    year = getattr(issued, "year", None) if issued is not None else None
    if year is None and hasattr(issued, "get"):
        year = issued.get("year")
    return str(year) if year is not None else ""


def install(model: Any, comparing: Callable[[], bool]) -> None:
    """Wrap ``Text._variable`` for ``citation-label``: the data's or :func:`make`'s, then the year
    suffix unless ``comparing()`` (disambiguation compares cites without it)."""
    from citeproc.string import MixedString

    text_variable = model.Text._variable
    if getattr(text_variable, "_bibkaz_label", False):
        return

    @wraps(text_variable)
    def _variable(self, item, context):  # type: ignore[no-untyped-def]
        if self.get("variable") != "citation-label":
            return text_variable(self, item, context)
        reference = item.reference
        suffix = reference.get("year_suffix") if not comparing() else None
        if "citation_label" in reference:
            value = text_variable(self, item, context)
            return value + suffix if suffix and value is not None else value
        text = make(lambda v: _reference_names(reference, v), str(reference.get("title") or ""), _year(reference))
        if not text:
            return None
        return MixedString([text]) + suffix if suffix else MixedString([text])

    _variable._bibkaz_label = True  # type: ignore[attr-defined]
    model.Text._variable = _variable

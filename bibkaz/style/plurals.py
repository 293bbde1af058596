"""Number fields read as citeproc-js's ``processNumber`` reads them: plural labels and ``is-numeric``.

CSL 1.0.2 (cs:label, ``plural="contextual"``) makes a label plural when its variable
holds several numbers, and leaves "several" to the processor. citeproc-py counts
any two digit runs with something other than a period between them
(``\\d+[^\\d.]+\\d+``), so "327\\-30" (an escaped hyphen: one page called "327-30")
gets "pages" and "i-ix" gets "page". citeproc-js (2.4.63, ``processNumber``), which
users compare us with, cuts the field at its joiners ("&", "and", ", ", "; ", a hyphen
or en dash, but not a backslash-escaped hyphen), strips a letter prefix from each part
("S1"–"S4" are pages 1 and 4 of a supplement) and calls the label plural when there
are two parts or more and every part is a number or a roman numeral. "Michaelson-Morely"
and "3\\-B" stay singular. Labels embedded in the field ("vol. 1, fol. 186") are not
parsed here: such fields keep citeproc-py's answer.

``is-numeric`` (CSL 1.0.2: "numeric" content may hold ranges and lists) is decided the
same way for number variables: citeproc-py accepts one number with letters around it
only, so Chicago and MLA printed "Technovation, 48–49" without "vols."; citeproc-js
looks at the first part alone (after a letter prefix): a number, or a roman numeral
("18-19", "48–49", "88-4108, 37", "i-ix" are numeric, "Michaelson-Morely" is not).
A numeric volume, issue, edition or number printed by ``cs:text`` gets the en dash
between its numbers that ``cs:number`` gives it ("vols. 18–19"), as citeproc-js's
range delimiter.
"""

from __future__ import annotations

import html
import re
from functools import wraps
from typing import Any

from bibkaz.style.locator_labels import first_typed_label

#: citeproc-js's joinerSplitRex for English ("and" in full, "&", "; ", ", ", hyphens and en dashes).
_JOINERS = re.compile(r"\s*&\s*|,\s+and\s+|\s+and\s+|;\s+|,\s+|\s*[-\u2013]+\s*")
#: the same without the hyphen, for fields with an escaped hyphen (only an en dash joins there)
_JOINERS_ESCAPED = re.compile(r"\s*&\s*|,\s+and\s+|\s+and\s+|;\s+|,\s+|\s*\u2013+\s*")
#: composeNumberInfo: an optional letter prefix ("S", "e") before the number
_PARTICLE = re.compile(r"^([0-9]*[a-zA-Z]+0*)?([0-9]+(?:[a-zA-Z]*|[-,a-zA-Z]+))$")
_ROMAN = re.compile(r"^[ivxlcmIVXLCM]+$")
#: citeproc-js takes a word of up to four lower-case letters before a number for an embedded label
_EMBEDDED_LABEL = re.compile(r"(?:^| )[a-z]{1,4}(?:\.| )")


def is_plural(value: str) -> bool | None:
    """Whether ``value`` holds several numbers; None when it has an embedded label (not decided here)."""
    text = html.unescape(str(value)).strip()  # HTML output escapes fields before they reach labels ("&amp;")
    if "\\-" in text:
        text = "-".join(part.replace("-", "\u2013") for part in text.split("\\-"))
        parts = _JOINERS_ESCAPED.split(text)
    else:
        parts = _JOINERS.split(text)
    if not text or any(_EMBEDDED_LABEL.search(part) for part in parts):
        return None
    parts = _subsections(text, parts)
    if len(parts) < 2:
        return False
    for part in parts:
        m = _PARTICLE.match(part)
        number = m.group(2) if m else part
        if not re.match(r"^\d", number) and not _ROMAN.match(number):
            return False
    return True


#: citeproc-js's test of a group's first value (``mCurrentLabel``)
_NUMERIC_FIRST = re.compile(r"^(?:[0-9]+|[ixv]+)(?:[-,:a-zA-Z]*|-[-0-9]+)$")
#: CSL's number variables (citeproc-js's NUMERIC_VARIABLES that are CSL 1.0.2 variables)
NUMBER_VARIABLES = frozenset({"chapter-number", "collection-number", "edition", "issue", "number", "number-of-pages",
                              "number-of-volumes", "volume", "page", "page-first", "locator", "citation-number",
                              "part-number", "printing-number", "supplement-number", "section"})


def _parts(value: str) -> list[str]:
    text = html.unescape(str(value)).strip()
    if "\\-" in text:
        text = "-".join(part.replace("-", "\u2013") for part in text.split("\\-"))
        return _subsections(text, _JOINERS_ESCAPED.split(text))
    return _subsections(text, _JOINERS.split(text))


def is_numeric(value: str) -> bool | None:
    """Whether citeproc-js calls ``value`` numeric; None when it has an embedded label (not decided here)."""
    parts = _parts(value)
    if not parts or not parts[0] or any(_EMBEDDED_LABEL.search(part) for part in parts):
        return None
    m = _PARTICLE.match(parts[0])
    return bool(_NUMERIC_FIRST.match(m.group(2) if m else parts[0]))


#: Variables whose numeric ranges citeproc-js prints with an en dash, through cs:text too (pages: :mod:`pages`)
_RANGED = frozenset({"volume", "issue", "edition", "number"})
#: a hyphen between two whole numbers (or roman numerals): citeproc-js's manglePageNumbers pairs only those
#: ("2-13.rakshitarya98" keeps its hyphen)
_HYPHEN_BETWEEN_NUMBERS = re.compile(
    r"(?:^|(?<=[\s,;&]))([0-9]+|[ivxlcmIVXLCM]+)\s*-\s*([0-9]+|[ivxlcmIVXLCM]+)(?=$|[\s,;&])")


def en_dashed(variable: str, value: str) -> str | None:
    """``value`` with en dashes between its numbers when citeproc-js prints it so; None when unchanged."""
    if variable not in _RANGED or "-" not in value or "\\-" in value or not is_numeric(value):
        return None
    out = _HYPHEN_BETWEEN_NUMBERS.sub("\\1\u2013\\2", value)
    return None if out == value else out


def _subsections(text: str, parts: list[str]) -> list[str]:
    """citeproc-js's fixupSubsections: "12a-c" is one page with sub-sections a to c, not two pages."""
    merged: list[str] = []
    for n, part in enumerate(parts):
        if (merged and re.match(r"^[,a-zA-Z]+$", part) and re.match(r"^[0-9]+[,a-zA-Z]+$", merged[-1])
                and re.search(re.escape(merged[-1]) + r"-" + re.escape(part), text)):
            merged[-1] = f"{merged[-1]}-{part}"
        else:
            merged.append(part)
    return merged


def locator_is_plural(value: str) -> bool:
    """The plural of a locator's label when the locator has words in it (``is_plural`` answered
    None): the numbers before the first label citeproc-js knows decide ("367-368, fig. 333":
    plural; "1, fol. 186": singular); without such a label the locator is text, and singular
    ("pps. 225-9" → "p. pps. 225-9", "168ff; see also pr 122" → "para. …", as citeproc-js)."""
    start = first_typed_label(value)
    head = value[:start].rstrip(" ,;") if start else ""
    return bool(head) and is_plural(head) is True


def _localized_and(label: Any, value: str) -> str:
    """``value`` with the locale's "and" term between numbers read as "&" ("213 et 235" in
    French): citeproc-js joins numbers with it outside English, where "and" is a joiner already."""
    try:
        term = str(label.get_term("and").single)
    except Exception:  # a locale without the term: nothing to read
        return value
    if not term or term == "and" or term not in value:
        return value
    # a look-behind, not ",?\s+et\s+": that retries every space of a long run (quadratic)
    return re.sub(r"(?<=\s)" + re.escape(term) + r"(?=\s)", "&", value).replace(", &", " &")


def install(model: Any) -> None:
    """Wrap ``Label._is_plural`` (citeproc-py's test for page, locator and number variables),
    ``If._is_numeric`` and ``Text._variable`` (en dashes in numeric ranges)."""
    original = model.Label._is_plural

    @wraps(original)
    def _is_plural(self, item):  # type: ignore[no-untyped-def]
        variable = self.get("variable") or ""
        if variable.startswith("number-of"):
            return original(self, item)
        try:
            value = item.locator.identifier if variable == "locator" else item.reference[variable.replace("-", "_")]
        except (AttributeError, KeyError, model.VariableError):
            return original(self, item)
        text = _localized_and(self, str(value))
        answer = is_plural(text)
        if answer is None and variable == "locator":  # labels typed in the locator ("1, fol. 186")
            answer = locator_is_plural(text)
        return original(self, item) if answer is None else answer

    model.Label._is_plural = _is_plural

    numeric = model.If._is_numeric

    @wraps(numeric)
    def _is_numeric(self, item):  # type: ignore[no-untyped-def]
        answers = numeric(self, item)
        out = []
        for variable, answer in zip(self.get("is-numeric").split(), answers):
            key = variable.replace("-", "_")
            if variable == "locator":
                # the cite's locator, which citeproc-py looks for in the work and never finds: APA's
                # numeric chapter locator is "Chapter 4" in citeproc-js, "4" without the label here
                locator = getattr(item, "locator", None) if "locator" in item else None
                value = str(locator.identifier) if locator is not None else ""
                mine = is_numeric(value) if value else False
                answer = bool(self.re_numeric.match(value)) if mine is None else mine
            elif variable in NUMBER_VARIABLES and key in item.reference:
                mine = is_numeric(str(item.reference[key]))
                answer = answer if mine is None else mine
            out.append(answer)
        return out

    model.If._is_numeric = _is_numeric

    text_variable = model.Text._variable

    @wraps(text_variable)
    def _variable(self, item, context):  # type: ignore[no-untyped-def]
        text = text_variable(self, item, context)
        if text is None or self.get("form") == "short":
            return text
        dashed = en_dashed(str(self.get("variable")), str(text))
        if dashed is None:
            return text
        from citeproc.string import String

        return String(dashed)

    model.Text._variable = _variable

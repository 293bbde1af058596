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
    # the group's first part decides for all (fixNumericAndCount): "26, (2)" is "vols." as "26, 27" is
    m = _PARTICLE.match(parts[0])
    number = m.group(2) if m else parts[0]
    return bool(_STARTS_NUMBER.match(number) or _ROMAN.match(number))


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
RANGED = _RANGED = frozenset({"volume", "issue", "edition", "number"})


def en_dashed(variable: str, value: str, range_format: bool = False) -> str | None:
    """``value`` with en dashes between its numbers when citeproc-js prints it so; None when unchanged."""
    if variable not in _RANGED or "-" not in value:
        return None
    out = range_dashes(value, range_format)
    return None if out is None or out == value else out


#: citeproc-js's joinerMatchRex for English, captured (the values between them are the numbers)
_JOINER_CAPTURE = re.compile(r"(\s*&\s*|,\s+and\s+|\s+and\s+|;\s+|,\s+|\s*[-\u2013]+\s*)")
_SUBSECTION_HEAD = re.compile(r"^(?:[a-z]{1,4}\.  *)*[0-9]+[,a-zA-Z]+$")
_SUBSECTION_TAIL = re.compile(r"^[,a-zA-Z]+$")
_STARTS_NUMBER = re.compile(r"\s*[+-]?[0-9]")  # what JavaScript's parseInt reads a number from
_WHOLE = re.compile(r"^(?:[0-9]+|[ivxlcmIVXLCM]+)$")
_RANGE_PARTS = re.compile(r"^((?:[0-9]*[a-zA-Z]+0*))?([0-9]+[a-z]*)(\s*[^0-9]+\s*)([-,a-zA-Z]?0*)([0-9]+[a-z]*)$")


def _parse_int(text: str) -> float | None:
    """JavaScript's ``parseInt`` (a float: a run of 20,000 digits is no error, as there)."""
    found = re.match(r"\s*([+-]?[0-9]+)", text)
    return float(found.group(1)) if found else None


def range_dashes(value: str, range_format: bool) -> str | None:
    """A volume, issue, edition or number as citeproc-js prints its hyphens (``processNumber``,
    ``fixRanges`` and ``manglePageNumbers``, 2.4.63); None where it holds an embedded label or an
    escaped hyphen (not decided here).

    The field is cut at its joiners; when its first part reads as a number (or roman numeral),
    each part ending a run is paired with the one before: the hyphen between them becomes an en
    dash when both are whole numbers or roman numerals, when the style has no
    ``page-range-format`` and the first is larger ("83-0034,1983"), or when the two read as
    [letters]number + [a letter]number in a numeric field; parts with different letter prefixes
    are never paired. So "841-B-11-003" → "841-B-11–003", "9-801-199" → "9-801–199",
    "6-A16" and "2-13.rakshitarya98" stay, "[4110-85]" (no number first) stays."""
    if "\\-" in value:
        return None
    elems = _JOINER_CAPTURE.split(value)
    if any(_EMBEDDED_LABEL.search(part) for part in elems[::2]):
        return None
    for i in range(len(elems) - 2, 0, -2):  # fixupSubsections: "12a-c" is one part
        if (elems[i] == "-" and _SUBSECTION_HEAD.match(elems[i - 1]) and i + 1 < len(elems)
                and _SUBSECTION_TAIL.match(elems[i + 1])):
            elems[i - 1:i + 2] = ["".join(elems[i - 1:i + 2])]
    texts, joiners = elems[::2], elems[1::2] + [""]
    if not texts[0] or any(not text for text in texts):
        return None
    particles, numbers = [], []
    for text in texts:
        found = _PARTICLE.match(text)
        particles.append((found.group(1) or "") if found else "")
        numbers.append(found.group(2) if found else text)
    suffixes = [re.sub(r"\s*-\s*", "-", joiner, count=1) for joiner in joiners]
    first = numbers[0]
    if _STARTS_NUMBER.match(first) is None and not _ROMAN.match(first):
        return value  # no part pairs: citeproc-js prints the hyphens as typed
    numeric = bool(_NUMERIC_FIRST.match(first))
    dashed = [False] * len(texts)
    count = 0
    started = False

    def mangle(i: int) -> None:
        nonlocal count
        if i < 1 or count != 2 or particles[i - 1] != particles[i]:
            return
        if suffixes[i - 1] != "-":
            count = 1
            return
        before, after = _parse_int(numbers[i - 1]), _parse_int(numbers[i])
        if not range_format and before is not None and after is not None and before > after:
            dashed[i - 1] = True
            return
        if _WHOLE.match(numbers[i - 1]) and _WHOLE.match(numbers[i]):
            dashed[i - 1] = True
        elif numeric and _RANGE_PARTS.match(numbers[i - 1] + "-" + numbers[i]):
            dashed[i - 1] = True
        count = 0

    for i in range(len(texts)):
        if not started:
            started, count = True, 1
        elif suffixes[i] == "-":
            count = 1
        else:
            count += 1
            if count == 2:
                mangle(i)
    if count == 2:
        mangle(len(texts) - 1)
    return "".join(text + ("\u2013" if dashed[n] else joiners[n]) for n, text in enumerate(texts))


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
        dashed = en_dashed(str(self.get("variable")), str(text), bool(self.get_root().get("page-range-format")))
        if dashed is None:
            return text
        from citeproc.string import String

        return String(dashed)

    model.Text._variable = _variable

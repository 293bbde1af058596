"""Numbered note and reference calls in the body text.

Three shapes: superscripts ("policy.¹", "¹,²"), brackets ("[1]", "[2, 3]",
"[4–6]", "[4]–[6]"), and digits glued to a word as PDF-to-text conversion leaves
them ("policy.1", "route.12", "conflict9", "2020,2"). Glued digits are told apart
from ordinary numbers by order: calls run 1, 2, 3 …, so a glued number is a call
only when it is the next one expected ("2022.3" after call 2 is the year 2022
and call 3; "1,800 kms" is no call).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bibkaz.extract.text import SUPERSCRIPT_DIGITS, Paragraph, sentence_around, superscript_value
from bibkaz.parse.normalise.identifiers import DOI_RE, URL_RE

#: Notes are numbered 1 to 999 at most; a longer number is not a call.
_MAX_CALL_DIGITS = 3
_SUP = re.compile(r"[" + SUPERSCRIPT_DIGITS + r"]+(?:\s?[,،]\s?[" + SUPERSCRIPT_DIGITS + r"]+)*")
_UNIT_BEFORE = re.compile(r"(?:\b(?:k?m|cm|mm|ft|in|mi|m/s)|[A-Z][a-z]?)$")  # km², CO² (chemistry)
_BRACKET = re.compile(r"\[(\d{1,3}(?:\s*[-–,]\s*\d{1,3})*)\](?:\s*[-–]\s*\[(\d{1,3})\])?")
#: A numbered call with its place in the work: IEEE's "[12, p. 4]", "[3, Sec. 2.1]", "[5, Fig. 3]", and the
#: colon form "[6:para 130-3]", "[2:3]" (the number, a colon, then a page or a paragraph). The place opens
#: with a place word or, after a colon, a digit, so a matrix's "[1, k, j]" or a slice "x[1:n]" is no call.
_BRACKET_PIN = re.compile(
    r"(?<![\w\]])\[(\d{1,3}(?:\s*[-–,]\s*\d{1,3})*)"
    r"(?:\s*,\s*(?P<word>(?:pp?s?\.|paras?\.?|paragraphs?|§§?|[Ss]ec(?:tion)?s?\.?|[Cc]h(?:ap(?:ter)?)?s?\.?|"
    r"[Ff]ig(?:ure)?s?\.?|[Tt]ab(?:le)?s?\.?|[Aa]pp(?:endix)?\.?|[Ee]qs?\.|[Tt]hm\.|[Tt]heorem|[Ll]emma|"
    r"[Dd]ef(?:inition)?\.?|[Vv]ol\.|[Cc]ol\.|[Nn]otes?|[Ll]ines?|ll?\.|at)\s*[^\[\]\n]{1,30})"
    r"|\s*:\s*(?P<colon>(?:\d|\(|para|pr\b|pp?\.)[^\[\]\n]{0,35}))\]"
)
#: Digits after a character that is neither a space nor a digit. The look-behind comes after the
#: first digit (it checks that digit and the one before): a pattern that opens with a character
#: class is scanned for quickly, one that opens with a look-behind is tried at every position.
_GLUED = re.compile(r"(\d(?<=[^\s\d]\d)\d{0,2})(?=[\s.,;:!?)\]”\"’]|–\d|$)")
#: A call the layout set apart at the end of its line: "… accountability mechanisms.          13".
#: The punctuation is matched, not looked behind for (a look-behind first is tried at every position).
_SET_APART = re.compile(r"[.,;:)”\"’]\s{3,}(\d{1,3})(?= |$)")
_YEAR = re.compile(r"(?:1[5-9]|20)\d\d$")
#: A line that is only a call's digits (ASCII: "¹" is a digit to str.isdigit, not to int()).
_RAISED = re.compile(r"[0-9]{1,3}")


_LIST_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_RANGE_DASH = re.compile(r"\s*[-–]\s*")
_SUP_SEPARATOR = re.compile(r"\s?[,،]\s?")
#: A word of at most 3 characters that names a thing with a number (G20, Q3, F16, Pb2).
_NUMBERED_NAME = re.compile(r"[A-Z]{1,3}|[A-Z][a-z]?")


@dataclass(frozen=True)
class Call:
    label: int
    line: int
    marker: str
    sentence: str
    style: str  # superscript | bracket | glued
    locator: str = ""  # the place the call names itself ("p. 4" in "[12, p. 4]")


def _expand(spec: str) -> list[int]:
    out: list[int] = []
    for part in _LIST_SEPARATOR.split(spec):
        if "-" in part or "–" in part:
            numbers = [int(x) for x in _RANGE_DASH.split(part) if x]
            if len(numbers) != 2:
                out.extend(numbers)  # "[1-2-3]" (a date, a code): no range, its numbers as written
                continue
            a, b = numbers
            out.extend(range(a, b + 1) if a <= b and b - a <= 50 else [a, b])
        elif part:
            out.append(int(part))
    return out


#: _UNIT_BEFORE matches at most this many characters before a call; searching a
#: window that long gives the same answer as searching all the text before it.
_UNIT_WINDOW = 8


def _has_superscript(text: str) -> bool:
    """Whether any superscript digit is in ``text``: ten substring tests cost a tenth of the
    scan _SUP makes of a paragraph without one (its class of non-Latin-1 characters is tested
    at every position), and most paragraphs have none; an ASCII string (a flag Python keeps:
    three paragraphs in four) has none at all."""
    return not text.isascii() and any(digit in text for digit in SUPERSCRIPT_DIGITS)


def superscript_calls(paras: list[Paragraph], limit: int | None = None) -> list[Call]:
    """Superscript digits after a word, in reading order; past ``limit`` calls the rest are not read
    (each call keeps its sentence: a million of them would fill memory)."""
    calls: list[Call] = []
    for p in paras:
        lead = len(p.text) - len(p.text.lstrip())  # calls at or before this have nothing before them
        for m in _SUP.finditer(p.text) if _has_superscript(p.text) else ():
            if limit is not None and len(calls) > limit:
                return calls
            if m.start() <= lead or _UNIT_BEFORE.search(p.text, max(0, m.start() - _UNIT_WINDOW), m.start()):
                continue
            for raw in _SUP_SEPARATOR.split(m.group(0)):
                if len(raw) > _MAX_CALL_DIGITS:
                    continue  # a run of superscript digits this long is no note number
                calls.append(Call(superscript_value(raw), p.line_at(m.start()), raw, sentence_around(p.text, m.start(), m.end()), "superscript"))
    return calls


#: A Markdown footnote's call: "[^4]" (its definition, "[^4]: …", is the note).
_MARKDOWN_CALL = re.compile(r"\[\^(\d{1,4})\](?!:)")


def markdown_calls(paras: list[Paragraph], limit: int | None = None) -> list[Call]:
    """Markdown footnote calls ("…person.[^4]"), in reading order: the writer marked them as calls,
    so they are read before any number glued to a word (which code in the page may hold: "_step1")."""
    calls: list[Call] = []
    for p in paras:
        for m in _MARKDOWN_CALL.finditer(p.text) if "[^" in p.text else ():
            if limit is not None and len(calls) > limit:
                return calls
            calls.append(Call(int(m.group(1)), p.line_at(m.start()), m.group(0),
                              sentence_around(p.text, m.start(), m.end()), "markdown"))
    return calls


def bracket_calls(paras: list[Paragraph], limit: int | None = None) -> list[Call]:
    """Numbers in brackets ("[3]", "[1, 4-6]"), in reading order; past ``limit`` calls the rest are not read."""
    calls: list[Call] = []
    for p in paras:
        for m in _BRACKET.finditer(p.text):
            if limit is not None and len(calls) > limit:
                return calls
            labels = _expand(m.group(1))
            if m.group(2):
                labels = list(range(labels[-1], int(m.group(2)) + 1)) if labels[-1] <= int(m.group(2)) else labels
                labels = _expand(m.group(1))[:-1] + labels
            sentence = sentence_around(p.text, m.start(), m.end())
            for label in labels:
                calls.append(Call(label, p.line_at(m.start()), m.group(0), sentence, "bracket"))
        for m in _BRACKET_PIN.finditer(p.text) if "[" in p.text else ():
            if limit is not None and len(calls) > limit:
                return calls
            sentence = sentence_around(p.text, m.start(), m.end())
            place = (m.group("word") or m.group("colon")).strip()
            for label in _expand(m.group(1)):
                calls.append(Call(label, p.line_at(m.start()), m.group(0), sentence, "bracket", place))
    return calls


#: Numbers in round brackets after a word, as Vancouver's medical variant calls its list ("decision making
#: (2,3).", "(7,11–13)"): a space before, a word's last character before that.
#: PNAS and Science write the same calls with lead-ins and "and" ("(e.g., refs. 48 and 49)", "(2, 9, and 47)",
#: "(cf. 77)", "(see ref. 72, for a survey)"), and in the running text after "ref."/"refs." ("in refs. 62 and 67").
_NUMBERS = r"\d{1,3}(?:\s*[-–]\s*\d{1,3})?(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)\d{1,3}(?:\s*[-–]\s*\d{1,3})?)*"
_PAREN = re.compile(r"(?<=\S) \((?:(?:e\.g\.|cf\.|see(?: also)?|i\.e\.),?\s+)?(?:refs?\.\s+)?"
                    rf"({_NUMBERS})(?:,\s+for\s[^()]{{1,30}})?\)|(?<![\w.])refs?\.\s+({_NUMBERS})(?![\w.,]\d)")
#: A bracketed number with words going on after it, as an enumeration's items have ("(1) challenges").
_WORDS_AFTER = re.compile(r"\s+[a-z]")
#: Two such items this close are an enumeration ("(1) challenges …, and (2) mechanisms"), not calls.
_ENUMERATION_REACH = 200


def paren_calls(paras: list[Paragraph], limit: int | None = None) -> list[Call]:
    """Numbers in round brackets after a word ("(1)", "(2,3)", "(7,11–13)"), in reading order; the
    caller takes them only where they call most of a numbered list. An enumeration's "(1) … (2) …" is
    left out."""
    calls: list[Call] = []
    for p in paras:
        if "(" not in p.text:
            continue
        found = list(_PAREN.finditer(p.text))
        # an item is a bare number: "(e.g., refs. 10 and 11) by" or "(cf. 77) is" are calls
        wordy = [m.start() for m in found if m.group(1) and m.group(1).isdigit() and p.text[m.start(1) - 1] == "("
                 and _WORDS_AFTER.match(p.text, m.end())]
        # in order: an item is an enumeration's when the item before or after it is near
        enumerated = {a for i, a in enumerate(wordy)
                      if i and a - wordy[i - 1] <= _ENUMERATION_REACH
                      or i + 1 < len(wordy) and wordy[i + 1] - a <= _ENUMERATION_REACH}
        for m in found:
            if limit is not None and len(calls) > limit:
                return calls
            if m.start() in enumerated:
                continue
            sentence = sentence_around(p.text, m.start(), m.end())
            for label in _expand(m.group(1) or m.group(2)):
                calls.append(Call(label, p.line_at(m.start()), m.group(0).strip(), sentence, "bracket"))
    return calls


def _run_before(text: str, end: int, keep, longest: int) -> str:
    """The run of characters satisfying ``keep`` that ends at ``end``, looked at no
    further back than ``longest`` + 1 characters (enough to tell a run longer than
    ``longest`` from one that is not; scanning all the text before each candidate
    made glued calls quadratic)."""
    start = end
    while start > 0 and end - start <= longest and keep(text[start - 1]):
        start -= 1
    return text[start:end]


def _glued_ok(text: str, start: int, digits: str) -> bool:
    prev = text[start - 1]
    if prev in ".,":
        # "2022.3" and "2020,2" are a year and a call; "3.5" and "1,800" are numbers.
        head = _run_before(text, start - 1, str.isdecimal, 4)
        if head:
            word = start - 1 - len(head)
            if word > 0 and len(head) == 1 and text[word - 1].isalpha():
                return True  # "CO2.22": a formula's or name's digit ends the sentence, not a number "2.22"
            if word > 1 and text[word - 1] == "-" and text[word - 2].isalnum():
                # "Memorandum M-22-01,13", "SP 800-207,16": an identifier's last number, then the call
                return len(digits) <= 2
            return bool(_YEAR.fullmatch(head)) and len(digits) <= 2
        return True
    if prev in "-/([$€£¥#§":
        # COVID-19, 24/7, the enumerations "(1) challenges, (2) mechanisms", and amounts and
        # numbers: "$1,000,000", "§3", "#2"
        return False
    # The word before the digits; it ends in a non-digit (the lookbehind of _GLUED), so only
    # a word of at most 3 characters can be a name like G20, Q3, F16 or Pb2.
    token = _run_before(text, start, lambda c: not c.isspace(), 3)
    if _NUMBERED_NAME.fullmatch(token):
        return False  # G20, Q3, F16, Pb2: names with numbers, not calls
    return True


#: How far one glued call may follow the one before: by one, or past one or two calls lost in
#: conversion (two in a row: "than that of CO2.22 … of CO2.23", a formula's digit before the call).
_MAX_STEP = 3


#: Digits glued to a word, three to six of them: two calls run together ("auditing;3334").
#: It opens with the digits (a pattern opening with a look-behind is tried at every position);
#: what stands before them is checked in code.
_DIGIT_RUN = re.compile(r"[0-9]{3,6}(?=[\s.,;:!?)\]”\"’]|$)")


def _glued_pairs(p: Paragraph) -> list[tuple[int, str]]:
    """Two calls glued to a word and to each other, "3334" for 33 and 34: the digits split into
    two numbers of which the second is the first plus one (a year, "2021", is no pair)."""
    out: list[tuple[int, str]] = []
    for m in _DIGIT_RUN.finditer(p.text):
        digits, at = m.group(), m.start()
        if not at or p.text[at - 1].isspace() or p.text[at - 1].isdigit():
            continue  # glued to a word, not standing alone or inside a longer number
        if _YEAR.fullmatch(digits) or not _glued_ok(p.text, at, digits[:2]):
            continue
        for k in range(1, len(digits)):
            left, right = digits[:k], digits[k:]
            if right[0] != "0" and int(right) == int(left) + 1:
                out += [(at, left), (at + k, right)]
                break
    return out


def _raised(p: Paragraph) -> list[tuple[int, str]]:
    """Calls a layout conversion put on a line of their own inside a paragraph: the raised
    digit sits above the line it belongs to ("… increase the speed to deploy" / "3" /
    "microservices. …")."""
    if len(p.line_starts) < 2:
        return []
    bounds = zip(p.line_starts, (*p.line_starts[1:], len(p.text) + 1))
    return [(a, p.text[a:b - 1]) for a, b in bounds if _RAISED.fullmatch(p.text, a, b - 1)]


#: The rest of a group of glued calls: ",3" after "start2", "–20" after "programming16".
_GROUP_TAIL = re.compile(r"([,–-])(\d{1,3})(?=[,–-]\d|[\s.,;:!?)\]”\"’]|$)")
#: The widest range a group of glued calls spans ("16–20").
_MAX_RANGE = 10


def _group_tails(text: str, found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The other calls of each glued group ("start2,3." gives 3, "programming16–20." 17 to 20): the
    numbers after a glued call, each higher than the one before it (by at most _MAX_STEP after a
    comma, within _MAX_RANGE in a range); "1,800" is a count, not calls 1 and 800."""
    out: list[tuple[int, str]] = []
    for at, digits in found:
        previous, pos = int(digits), at + len(digits)
        while (m := _GROUP_TAIL.match(text, pos)) is not None:
            value = int(m.group(2))
            if m.group(1) == ",":
                if not previous < value <= previous + _MAX_STEP:
                    break
                out.append((m.start(2), m.group(2)))
            else:
                if not previous < value <= previous + _MAX_RANGE:
                    break
                out.extend((m.start(2), str(v)) for v in range(previous + 1, value + 1))
            previous, pos = value, m.end()
    return out


_BRACKET_END = re.compile(r"[)\]]")


def _outside_addresses(text: str, found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The candidates that stand outside web addresses and DOIs ("…/f1000research.3-62.v1)" ends
    in a version, not call 1)."""
    if not found or not ("10." in text or "http" in text or "www." in text):
        return found
    # an address ends at a closing bracket: "[Make](https://…/make/)[^1]" calls note 1
    spans = [(m.start(), m.start() + len(_BRACKET_END.split(m.group(), 1)[0]))
             for pattern in (URL_RE, DOI_RE) for m in pattern.finditer(text)]
    return [(at, digits) for at, digits in found if not any(a <= at < b for a, b in spans)]


#: A number set off by a space after a word or a closing mark, as some conversions leave a raised call
#: ("(IT 1)", "flexibilities 2 in", "used. 11 There"): digits after one space, then a space, a closing
#: mark or the line's end. It opens with the space (a literal: scanned for quickly).
_SPACED = re.compile(r" ([1-9]\d{0,2})(?=[ .,;:)\]”’]|$)")
#: Words that a number after them counts or names ("Figure 2", "Title 48", "phase 1", "FY 2020"), and
#: words a count stands before ("2 years", "3 percent"): no call either side.
_NUMBERED_WORD = re.compile(
    r"(?:figure|fig\.|table|page|pages|p\.|pp\.|section|sec\.|§|title|chapter|ch\.|part|phase|step|level|version|"
    r"appendix|article|art\.|rule|no\.|number|fy|tier|stage|exhibit|box|item|volume|vol\.|issue|option|goal|"
    r"objective|recommendation|paragraph|para\.|subpart|division|line|grade|class|type|category|round|week|day|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan\.|feb\.|mar\.|apr\.|jun\.|jul\.|aug\.|sept?\.|oct\.|nov\.|dec\.|and|or|to|of|than|by|at|the|"
    r"about|over|under|nearly|only|approximately|between|from|with|per|top|first|last|every|all|each)$", re.I)
_COUNTED = re.compile(
    r"\s?(?:years?|months?|weeks?|days?|hours?|minutes?|percent|per\s?cent|%|million|billion|trillion|thousand|"
    r"hundred|times|people|persons|states|agencies|countries|members|cases|items|pages|of\b|or\b|and\b|to\s+\d|-|–|/)",
    re.I)


def _within(bounds: tuple[int, int] | None, line: int) -> bool:
    return bounds is not None and bounds[0] <= line <= bounds[1]


def _spaced_ok(text: str, at: int) -> bool:
    """Whether the number after the space at ``at`` may be a raised call: it follows a word or a closing
    mark that does not count or name it, and no count follows it."""
    if at == 0 or not (text[at - 1].isalpha() or text[at - 1] in ".,;:)”’\""):
        return False
    before = text[max(0, at - 16):at].split()
    word = before[-1] if before else ""
    if _NUMBERED_WORD.fullmatch(word.strip("(").lower()):
        return False
    end = at + 1
    while end < len(text) and text[end].isdigit():
        end += 1
    return not _COUNTED.match(text, end)


def _with_repeats(candidates: list[tuple[int, Paragraph, int, str]], run: list[int]) -> list[int]:
    """The run, and every later candidate whose number the run called before it (in document order) and
    that is glued as a call is: after a small letter or a sentence's mark ("academia12", "method.12"), or
    right after such a call ("12,37", "22–24"); not "Q1–Q3", "S1–S5" or "3–4 months"."""
    in_run = set(run)
    out: list[int] = []
    called: set[int] = set()
    last: tuple[Paragraph, int] | None = None  # where the last call taken ends
    for i, (value, p, at, digits) in enumerate(candidates):
        before = p.text[at - 1] if at else ""
        glued = before.islower() or before in ".;:)”’\"" or before in ",–-" and last == (p, at - 1)
        if i in in_run or value in called and glued:
            called.add(value)
            out.append(i)
            last = (p, at + len(digits))
    return out


def glued_calls(paras: list[Paragraph], first: int = 1,
                spaced: dict[int, tuple[int, int]] | None = None, repeats: bool = False) -> list[Call]:
    """Glued digits accepted in sequence: the longest run of candidates, in document order,
    whose numbers go up by one, or by two or three where calls were lost in conversion.

    A call the layout set apart at its line's end ("mechanisms.      13") or on a line of its
    own is read too, and so are two calls glued together ("auditing;3334"); with ``spaced``, numbers a
    conversion set off by a space ("(IT 1)") as well, each only between the lines ``spaced`` gives for its
    number (from the top of its note's page to the note: a form's numbered fields above are no calls).
    A call is lost when the PDF glued it to a year ("Act of 199815"); each
    such gap is bridged when the run goes on after it, so one lost call does not swallow every
    later one, and a run never ends on a gap (a stray number after the last call is not taken
    for the call after next). With ``repeats`` (a numbered reference list, which the text cites again and
    again: "academia12,37" long after "method.12"), a candidate whose number the run has already called
    before it is a call too.
    """
    candidates: list[tuple[int, Paragraph, int, str]] = []  # value, paragraph, offset, digits
    for p in paras:
        found = [(m.start(1), m.group(1)) for m in _GLUED.finditer(p.text) if _glued_ok(p.text, m.start(), m.group(1))]
        found = _outside_addresses(p.text, found)
        ends = set(p.line_starts[1:])
        found += [(m.start(1), m.group(1)) for m in _SET_APART.finditer(p.text)
                  if m.end() == len(p.text) or m.end() + 1 in ends]
        found += _raised(p)
        found += _glued_pairs(p)
        found += _group_tails(p.text, found)
        if spaced:
            found += [(m.start(1), m.group(1)) for m in _SPACED.finditer(p.text)
                      if _within(spaced.get(int(m.group(1))), p.line_at(m.start(1))) and _spaced_ok(p.text, m.start())]
        candidates.extend((int(digits), p, at, digits) for at, digits in sorted(found, key=lambda f: (f[0], int(f[1]))))
    # best[value]: (length, index) of the longest run found so far that ends on that value;
    # an equally long run found later does not replace it, so the earliest candidate wins.
    best: dict[int, tuple[int, int]] = {}
    back: list[int] = [-1] * len(candidates)
    for i, (value, _, _, _) in enumerate(candidates):
        options = [(best[v][0] + 1, best[v][1]) for v in range(value - 1, value - 1 - _MAX_STEP, -1) if v in best]
        if value in (first, first + 1):
            options.append((1, -1))
        if not options:
            continue
        length, before = max(options, key=lambda o: o[0])
        if value not in best or length > best[value][0]:
            best[value] = (length, i)
            back[i] = before
    if not best:
        return []
    _, end = max(best.values(), key=lambda b: (b[0], -b[1]))
    run: list[int] = []
    while end >= 0:
        run.append(end)
        end = back[end]
    run.reverse()
    # a run starts on its first call and does not end on a gap
    while len(run) > 1 and candidates[run[-1]][0] - candidates[run[-2]][0] > 1:
        run.pop()
    if candidates[run[0]][0] != first and (len(run) == 1 or candidates[run[1]][0] != candidates[run[0]][0] + 1):
        run = run[1:]
    if repeats:
        run = _with_repeats(candidates, run)
    calls = []
    for i in run:
        value, p, at, digits = candidates[i]
        calls.append(Call(value, p.line_at(at), digits, sentence_around(p.text, at, at + len(digits)), "glued"))
    return calls

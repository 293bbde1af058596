"""From the line finder's labels to notes, reference-list entries and body lines.

The finder says where each entry and note starts and which lines continue
it; this module only assembles them: an entry's text is its lines joined
(a word broken by a hyphen at a line end is joined back), a note keeps the
number it opens with (or the next one, when the number was lost), and a note
continued after a page break — after the next page's running text — is
joined to the note it continues. Page furniture is dropped everywhere.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from bibkaz.extract.calls import glued_calls, superscript_calls
from bibkaz.extract.finder import labels as L
from bibkaz.extract.finder.features.section import EDIT_LINK, heading_kind
from bibkaz.extract.finder.lines import Line, line_shape
from bibkaz.extract.list_shapes import (ENTRY_REACH, ENTRY_WORDS, auto_numbered_lists, entry_key,
                                        entry_words, explanatory_caret_notes, hanging_indents, marked_entries,
                                        one_kind_per_bullet_list, reference_lines)
from bibkaz.extract.source_lines import opens_source_line
from bibkaz.extract.text import Paragraph

#: Openings whose number is the entry's or note's own label.
_NUMBERED = frozenset({"md-note", "bracket", "sup", "alone", "dot", "paren", "dash", "space", "glued"})
#: A line this long labelled furniture was mislabelled by the model (see docs/decisions.md).
_PROSE_WORDS = 20
_HYPHEN_BREAK = re.compile(r"(\w)- (\w)")
#: A line of bracketed numeric calls only.
_CALLS_ONLY = re.compile(r"(?:\[\d{1,3}(?:\s*[-–,]\s*\d{1,3})*\]\s*)+")
#: The words of the links journals' pages print under each entry (F1000, BMC, PLOS, PMC).
_LINK_LABELS = re.compile(
    r"(?:(?:PubMed(?:/NCBI| Abstract| Central)?|PMC free article|Publisher Full Text|Free Full Text|Full Text(?: PDF)?"
    r"|Reference Source|Google Scholar|Cross[Rr]ef|Scopus|Web of Science|View Article|Article|Abstract"
    r"|ISI|Medline|OpenURL)(?:\s*\|\s*|\s+|$))+")
#: A letter: every note and reference has one ("26 U.S.C. §7701"); a table row of years and counts has none.
_LETTER = re.compile(r"[^\W\d_]")
#: A style rule ("selector{property:value}"); three in an entry make it a stylesheet.
_STYLE_RULE = re.compile(r"\{[^{}]*:[^{}]*\}")
#: MediaWiki's back-links in front of a reference: "^", "^ a b c" (one per citing call), "^ ^a ^b" (as w3m
#: writes the raised letters).
_BACK_LINKS = re.compile(r"^\^(?:\s*\^?[a-z](?=\s))*\s*")
_STYLE_RULES = re.compile(r"[^{}]*\{[^{}]*\}")


@dataclass(frozen=True)
class Entry:
    """A note or a reference-list entry: its number ("" if none), text and lines (1-based)."""

    label: str
    text: str
    line: int
    end_line: int
    key: str = ""  # a keyed entry's key ("[TCG05] …": "TCG05"), which the text cites it by


@dataclass(frozen=True)
class Zones:
    notes: tuple[Entry, ...]
    references: tuple[Entry, ...]
    body_lines: frozenset[int]
    #: Notes stand among the running text (page-end footnotes), not after it (endnotes).
    footnotes: bool


#: How far back a word broken over several lines is looked at: a long address over a few lines, no more
#: (a bound, so that a line of thousands of "ab-" pieces is not read back from every piece).
_WORD_BACK = 600
_BREAKS_BACK = 6


def _word_before(text: str, end: int) -> str:
    """The word that ends at ``end``, taken back over line breaks after a hyphen ("…/damned-" "alternative-"
    "impact"): at most _BREAKS_BACK breaks and _WORD_BACK characters."""
    start = end
    floor = max(0, end - _WORD_BACK)
    for _ in range(_BREAKS_BACK):
        space = text.rfind(" ", floor, start)
        if space <= floor or text[space - 1] != "-":
            return text[space + 1:end] if space >= 0 else text[floor:end]
        start = space - 1
    return text[start:end]


def _join(parts: list[str]) -> str:
    """Lines joined; a word broken at a line end is whole again ("polit-" "ical"), and so is a
    number ("CRS Report 98-" "339" → "98-339"); a hyphen before a capital ("Post-" "Soviet") stays.
    A link broken after a hyphen keeps it ("…/memorandum-authorizing-" "needs-…"): a URL's hyphen
    is never the typesetter's."""
    text = " ".join(p for p in parts if p)

    def mend(m: re.Match[str]) -> str:
        token = _word_before(text, m.start() + 1)  # the word the hyphen ends, over earlier breaks
        if "/" in token or "://" in token or token.lower().startswith("www."):
            return m.group(1) + "-" + m.group(2)
        if m.group(2).islower():
            return m.group(1) + m.group(2)
        if m.group(1).isdigit() and m.group(2).isdigit():
            return m.group(1) + "-" + m.group(2)
        return m.group(0)

    return _HYPHEN_BREAK.sub(mend, text)


class _Builder:
    def __init__(self) -> None:
        self.label = ""
        self.parts: list[str] = []
        self.line = 0
        self.end = 0
        self.lines: list[Line] = []  # a reference entry's lines (a note's are not kept)
        self.markdown = False  # a Markdown footnote ("[^4]: …"), which goes on only on indented lines
        self.key = ""

    def entry(self) -> Entry:
        return Entry(self.label, _join(self.parts), self.line, self.end, self.key)


def _start(line: Line, label: str) -> _Builder:
    b = _Builder()
    numbered = line.marker in _NUMBERED
    b.label = label
    text = line.rest if numbered or line.marker == "bullet" else line.stripped
    # a lettered or keyed item's marker is its place in the list, not the reference's words
    b.parts = [entry_words(text)]
    b.key = entry_key(text)
    b.line = b.end = line.number
    b.lines = [line]
    b.markdown = line.marker == "md-note"
    return b


#: How far a page's first note number may lie past the last note found before, for its list to go
#: on with those notes (a reference list numbered anew starts at 1).
_NOTE_GAP = 6
_AS_NOTE = {L.REF_START: L.NOTE_START, L.REF_CONT: L.NOTE_CONT}
_AS_REF = {L.NOTE_START: L.REF_START, L.NOTE_CONT: L.REF_CONT}


#: Lines after an entry's opening the finder missed that are taken as its rest: its first line
#: and a line or two of wrapped text.
_ENTRY_REST = 3
#: After a blank line, a line of at most this many words is still the entry's ("R package version 1.0 2012.").
_ENTRY_REST_WORDS = 8


#: Markers of a list's items as a web page's list or a paper's reference list sets them ("8.", "[8]"); a
#: number and a space ("8 38 U.S.C. §5104(b).") opens page-end notes, which notes_after_in_sequence
#: follows on with more care (a stray label in a paper's numbered list must not start a run of notes).
_LIST_ITEM = frozenset({"dot", "bracket"})
#: ... and only after this many notes in a row, in sequence.
_NOTE_RUN = 3


def entries_in_sequence(lines: list[Line], labels: list[str]) -> list[str]:
    """Labels where a numbered line that goes on a numbered reference list ("15." after entry 14,
    a few lines below it) opens an entry, whatever the finder said, and the lines of running text
    right under it are its rest: the finder reads a line at a time, and cannot see the numbering.
    A list of notes goes on the same way, with its own marker and on its own page."""
    out = list(labels)
    last: tuple[int, int] | None = None  # (value, index) of the list's last numbered entry
    run = 0  # how many notes the finder found one after the other in sequence, up to ``last``
    for i, line in enumerate(lines):
        numbered = line.marker in _NUMBERED and line.value is not None
        goes_on = numbered and last is not None and line.value == last[0] + 1 and i - last[1] <= ENTRY_REACH
        if numbered and (out[i] == L.REF_START or out[i] == L.NOTE_START and not (goes_on and out[last[1]] == L.REF_START)):
            run = run + 1 if goes_on and out[i] == L.NOTE_START == out[last[1]] else 1
            last = (line.value, i)
            continue
        if not goes_on:
            continue
        if out[last[1]] == L.NOTE_START:
            # a list of notes "1." … "7." goes on "8." … "12.", set alike on the same page: one list,
            # whatever kind one_kind_per_list makes it (the finder's notes stopped, not the list); only
            # after a run of notes (a numbered list of points in the text, one item read as a note, is not one)
            if (run < _NOTE_RUN or out[i] != L.TEXT or line.marker not in _LIST_ITEM
                    or line.marker != lines[last[1]].marker or len(line.rest.split()) < ENTRY_WORDS
                    or any(lines[k].page_break_before for k in range(last[1] + 1, i + 1))):
                continue
            start, rest = L.NOTE_START, L.NOTE_CONT
        elif out[i] in (L.TEXT, L.FURNITURE, L.NOTE_START, L.HEADING) and len(line.rest.split()) >= ENTRY_WORDS:
            start, rest = L.REF_START, L.REF_CONT
        else:
            continue
        out[i] = start
        last = (line.value, i)
        for k in range(i + 1, min(len(lines), i + 1 + _ENTRY_REST)):
            gap = lines[k].number - lines[k - 1].number - 1
            if (out[k] != L.TEXT or (lines[k].marker in _NUMBERED and lines[k].value is not None)
                    or gap > 1 or gap == 1 and len(lines[k].stripped.split()) > _ENTRY_REST_WORDS):
                break  # a blank line, then a sentence: the running text again
            out[k] = rest
    return out


#: A line read as a page's furniture that stands under a lone note number opens that note only when
#: its shape is this rare in the document (short notes by report number share one: "GAO-04-38.").
_NOTE_TEXT_REPEATS = 5


def numbers_alone_opening_notes(lines: list[Line], labels: list[str]) -> list[str]:
    """Labels where a note number alone on its line ("3", then "GAO-04-38." under it), which the
    finder took for a page number, opens the next note: it goes on the notes' sequence, the text
    calls it, and the line right under it (same page, not its last line) is no furniture that
    repeats. A page number is followed by the next page or by the page's footer, which repeats and
    ends the page."""
    out = list(labels)
    last = 0  # the last note number opened so far
    for i, line in enumerate(lines):
        if out[i] == L.NOTE_START and line.marker in _NUMBERED and line.value is not None:
            last = line.value
            if line.marker == "alone" and i + 1 < len(lines) and out[i + 1] == L.FURNITURE \
                    and _note_text_under(line, lines[i + 1]):
                out[i + 1] = L.NOTE_CONT  # the note's text, which the finder took for a footer
            continue
        if (out[i] != L.FURNITURE or line.marker != "alone" or not last or line.value != last + 1
                or not line.called or i + 1 == len(lines)):
            continue
        if out[i + 1] in (L.FURNITURE, L.NOTE_CONT) and _note_text_under(line, lines[i + 1]):
            out[i], out[i + 1] = L.NOTE_START, L.NOTE_CONT
            last = line.value
    return out


def _note_text_under(number: Line, below: Line) -> bool:
    """Whether ``below`` is the text of the note whose number stands alone on the line above: unmarked,
    on the same page and not its last line, right under it, with letters, of a shape few lines share."""
    return (below.marker == "none" and not below.page_break_before and below.number <= number.number + 2
            and below.repeats <= _NOTE_TEXT_REPEATS and below.to_break != 0 and _has_letter(below.stripped))


#: How far above a note the note before it is looked for (non-blank lines).
_NOTE_BACK_REACH = 8


def notes_before_in_sequence(lines: list[Line], labels: list[str]) -> list[str]:
    """Labels where the notes right above a note the finder found, numbered one less each time and
    called in the text, open notes too, and the lines between them go on with them: "1 12 Stat.
    387." and "2 7 U.S.C. §2201." above note 3 on a report's first page of notes, which the finder
    took for running text (a note of a statute alone has few words to tell it by). Same page only."""
    out = list(labels)
    for j in range(len(lines)):
        if out[j] != L.NOTE_START or lines[j].marker not in _NUMBERED or lines[j].value is None:
            continue
        below, value = j, lines[j].value  # the note found last, going up
        while value > 1:
            found = None
            for i in range(below - 1, max(-1, below - 1 - _NOTE_BACK_REACH), -1):
                if lines[i + 1].page_break_before or out[i] in (L.NOTE_START, L.REF_START, L.REF_CONT, L.HEADING):
                    break
                if (lines[i].marker in _OPENS_NOTE and lines[i].value == value - 1 and lines[i].called
                        and out[i] in (L.TEXT, L.FURNITURE, L.NOTE_CONT)):
                    found = i
                    break
            if found is None:
                break
            out[found] = L.NOTE_START
            _go_on_with_note(lines, out, found, below, value - 1)
            below, value = found, value - 1
    return out


#: A note the finder missed that has no next note on its page must stand this close to the page's end
#: (and be called in the text) ...
_FOOT_LINES = 3
#: ... and the next note is looked for this far below (non-blank lines: a note may take several).
_NOTE_REACH = 12
#: Notes are followed on only in a document where the finder found this many numbered notes.
_NOTES_FOUND = 5
#: A gap between a table's cells on a layout-keeping conversion's line.
_CELL_GAP = re.compile(r"\S {3,}(?=\S)")


def notes_after_in_sequence(lines: list[Line], labels: list[str]) -> list[str]:
    """Labels where lines that go on the notes' numbering open notes, whatever the finder said: the
    line opens with the number after the last note's (alone, its words on the line below), and the
    next number opens a line a few lines below on the same page (or the text calls it and the line
    stands at the page's foot). A long report's later pages of notes ("171 38 C.F.R. §3.2601(h)."
    "172 38 U.S.C. §5104(b).") can be read as running text from the first line to the last,
    leaving the finder's labels no note to go on from."""
    out = list(labels)
    if sum(1 for line, label in zip(lines, labels) if label == L.NOTE_START and line.value is not None) < _NOTES_FOUND:
        return out  # too few notes found to go on from (a stray label in a paper's numbered list)
    last = 0
    for i, line in enumerate(lines):
        if out[i] == L.NOTE_START and line.marker in _NUMBERED and line.value is not None:
            last = line.value
            continue
        # the number after the last note's, or the one after that when a note between was lost
        # (then only with the next one under it)
        if (not last or out[i] not in (L.TEXT, L.FURNITURE, L.NOTE_CONT) or line.value not in (last + 1, last + 2)
                or not _opens_a_note(lines, i, out)):
            continue
        nxt = None
        for k in range(i + 1, min(len(lines), i + 1 + _NOTE_REACH)):
            if lines[k].page_break_before:
                break
            if lines[k].value == line.value + 1 and (out[k] == L.NOTE_START or _opens_a_note(lines, k, out)):
                nxt = k
                break
        if not (nxt is not None or line.value == last + 1 and line.called and 0 <= line.to_break <= _FOOT_LINES):
            continue
        out[i] = L.NOTE_START
        if line.marker == "alone":
            out[i + 1] = L.NOTE_CONT  # the words of a number set on its own line
        _go_on_with_note(lines, out, i, nxt if nxt is not None else i + 1, line.value)
        last = line.value
    return out


def _go_on_with_note(lines: list[Line], labels: list[str], start: int, end: int, value: int) -> None:
    """Label the running-text lines between note ``value`` (at ``start``) and the next note (at ``end``)
    as going on with the note, up to a line that calls a later note: a note does not call the note
    after it, the running text does. A Federal Register rule or a web page set as text places each
    note right after the paragraph that calls it ("… transfers.3 The …" under note 2): the paragraphs
    between the notes are the body's, not note 2's."""
    for k in range(start + 1, end):
        if labels[k] != L.TEXT:
            continue
        if _calls_after(lines[k].stripped, value):
            return
        labels[k] = L.NOTE_CONT


def _calls_after(text: str, value: int) -> bool:
    """Whether ``text`` calls one of the next few notes after note ``value``, glued to a word or raised."""
    para = [Paragraph(text, 0, (0,))]
    return any(c.label in range(value + 1, value + 4) for c in glued_calls(para, first=value + 1) + superscript_calls(para))


def _opens_a_note(lines: list[Line], i: int, labels: list[str]) -> bool:
    """Whether line ``i`` opens as a note does: its number and words, or its number alone with its
    words right under it on the same page. A number alone is also how a raised call set on a line
    of its own reads ("5" between "… In the serve-" and "rless model …"): it must be called in the
    text, and the line under it must not go on with a sentence in small letters."""
    line = lines[i]
    if line.marker in _OPENS_NOTE and line.marker != "dot":  # "3. Decide on …": a numbered list's item
        # a table's numbered row ("100   13279   Georgia   Toombs   12") has cells apart, a note has words
        return len(line.rest.split()) >= 2 and len(_CELL_GAP.findall(line.rest)) < 2
    if line.marker != "alone" or not line.called or i + 1 == len(lines):
        return False
    below = lines[i + 1]
    return (not below.page_break_before and below.number <= line.number + 2 and _has_letter(below.stripped)
            and not below.stripped[:1].islower() and labels[i + 1] not in (L.REF_START, L.REF_CONT))


def one_kind_per_list(lines: list[Line], labels: list[str]) -> list[str]:
    """Labels where every list is all notes or all reference entries.

    The finder labels each line on its own, so a numbered list can turn from
    notes into entries half-way. A list (entry lines with nothing but page
    furniture between them) is one thing: what the heading right above it
    calls it, or else what most of its entries were labelled; a list of
    MediaWiki items (opening with a back-link caret) is reference entries.
    """
    out = list(labels)
    last_note = 0  # the number of the last note of the lists before
    i = 0
    while i < len(out):
        if out[i] not in _AS_NOTE and out[i] not in _AS_REF:
            i += 1
            continue
        j = i
        while j < len(out) and (out[j] in _AS_NOTE or out[j] in _AS_REF or out[j] == L.FURNITURE):
            j += 1
        before = next((k for k in range(i - 1, -1, -1) if out[k] != L.FURNITURE), None)
        named = heading_kind(lines[before].stripped) if before is not None and out[before] == L.HEADING else ""
        starts = [k for k in range(i, j) if out[k] in (L.REF_START, L.NOTE_START)]
        numbers = [lines[k].value for k in starts if lines[k].marker in _NUMBERED and lines[k].value is not None]
        # page-end notes go on where the last page's notes stopped: a list that does is notes too (a
        # few numbers on may be missing: notes the finder read as running text, set right again later)
        goes_on = bool(last_note and numbers and last_note < numbers[0] <= last_note + _NOTE_GAP)
        kinds = [out[k] for k in starts]
        notes = named == "notes" or (not named and (goes_on or kinds.count(L.NOTE_START) >= kinds.count(L.REF_START)))
        if sum(lines[k].stripped.startswith("^") for k in starts) * 2 > len(starts):
            # MediaWiki's "Notes" are one citation an item, behind a back-link caret: entries
            # (a note is cut into citing parts by a model that learnt prose notes)
            notes = False
        table = _AS_NOTE if notes else _AS_REF
        for k in range(i, j):
            out[k] = table.get(out[k], out[k])
        if notes and numbers:
            last_note = numbers[-1]
        i = j
    return out


#: What MLA and Harvard set after a reference's address, on a line of its own when the address is long:
#: its medium and when it was read ("PDF file. Accessed 1 Sept. 2021.", "[Accessed 2 May 2023]",
#: "Retrieved May 5, 2020."). Alone it names no work: it ends the entry above.
_ACCESS_TAIL = re.compile(r"(?:(?:PDF file|Web|Online|Print|E-?book)\.\s*)*"
                          r"(?:[(\[]?(?:Accessed|Retrieved|Viewed|Consulted|Last accessed)(?:\s+on)?:?\s+[\w ,./-]{4,40}?[.)\]]*)?\s*",
                          re.I)


def _with_tails(entries: list[Entry]) -> list[Entry]:
    """Entries with an unnumbered "entry" that is only an access note (:data:`_ACCESS_TAIL`) joined to the
    entry right above it: the finder read the line the entry's address pushed down as a new entry."""
    out: list[Entry] = []
    for entry in entries:
        text = entry.text.strip()
        if (out and not entry.label and text and _ACCESS_TAIL.fullmatch(text)
                and entry.line <= out[-1].end_line + 1 and any(w in text.lower() for w in _TAIL_WORDS)):
            last = out[-1]
            out[-1] = replace(last, text=f"{last.text} {text}", end_line=entry.end_line)
            continue
        out.append(entry)
    return out


#: The words an access note has (the pattern alone also matches an empty string).
_TAIL_WORDS = ("accessed", "retrieved", "viewed", "consulted", "pdf file", "web.", "online.")


def _has_letter(text: str) -> bool:
    """A note or an entry has a letter; a table row of years and figures has none."""
    return bool(_LETTER.search(text))


#: A few plain words and nothing else: a heading ("Acknowledgements", "Better teaching practices"),
#: also as Markdown writes one ("### External links", from a Word file made of a wiki page).
_BARE_WORDS = re.compile(r"(?:#{1,6} +)?[^\W\d_][^\W\d_'’ -]*(?: [^\W\d_][^\W\d_'’-]*){0,3}")


#: MediaWiki's print footer, the page's own permanent address under its last list:
#: 'Retrieved from "https://en.wikipedia.org/w/index.php?title=X&oldid=123"'.
_PRINT_FOOTER = re.compile(r"Retrieved from [\"“]https?://[^\s\"”]+/index\.php\?title=[^\s\"”]+[\"”]")


#: A contents list's dot leader and page number ("… by sex, 2017–18 ............ 13"): a list of
#: figures or tables, which the finder can read as entries (a caption has a title and a year).
#: Each match starts at a leader's first dot (the look-behinds), so a line of dots is read once.
_LEADER = re.compile(r"(?<!\.)(?<!\. )\.(?: ?\.){5,} *(?:\d{1,4}|[ivxlc]{1,6})(?=\s|$)")


def _could_cite(text: str) -> bool:
    """A reference-list entry names a work: a heading the list ran into is a few plain words (a wiki's
    with its "[edit]" link),
    with no number, date, link, quotation mark, comma or full stop that every reference has;
    a wiki page's print footer that a list ran into is the page itself; an item of a timeline
    ("Wed, Sep 18, 2019 - Bug reported") opens with a day of the week, which no reference does; a contents
    list's item is only a link to a place in the page, an archive's or a version history's a link whose
    words are a date; HTML tags or LaTeX commands alone are markup around entries; a line of a list of
    figures or tables ends with a dot leader and a page number."""
    stripped = text.strip()
    return (_has_letter(text) and not (("..." in text or ". . ." in text) and _LEADER.search(text)) and not _BARE_WORDS.fullmatch(stripped.removesuffix(EDIT_LINK))
            and not _PRINT_FOOTER.match(stripped) and not _WEEKDAY_FIRST.match(stripped)
            and not _IN_PAGE_LINK.fullmatch(stripped) and not _DATED_LINK.match(stripped)
            and not _TAGS_ONLY.fullmatch(stripped) and not _COMMANDS_ONLY.fullmatch(stripped))


#: A month and a year after a line's number: the line opens with a date.
_MONTH_YEAR = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,?\s+\d{4}\b")
#: LaTeX commands and nothing else, left in a page made from LaTeX ("\\clearpage", "\\newpage{}").
_COMMANDS_ONLY = re.compile(r"(?:\\[A-Za-z]+\*?(?:\{[^{}]*\})*\s*)+")
#: HTML tags and nothing else: a Markdown page's raw HTML around its entries ("<div id="ref-lee_2019">").
_TAGS_ONLY = re.compile(r"(?:</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>\s*)+")  # not an autolink "<https://…>"


#: An entry opening with a link whose words open with a date: an archive's or a version history's item
#: ("[April 23, 2026 (IF10753 - Version: 7)](…/IF10753.7.pdf)", "[March 2019](/2019/03/)").
_DATED_LINK = re.compile(r"\[(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(?:\d{1,2},?\s+)?\d{4}\b"
                         r"[^\]]*\]\([^)\s]*\)")
#: A link to a place in the page and nothing else: a contents list's item ("[FY2014](#_Toc240460810)",
#: "[Discussion](/blog/2022-02-24/#discussion)", the page's own address before the place).
_IN_PAGE_LINK = re.compile(r"\[[^\]]*\]\((?:/[^)\s#]*)?#[^)\s]*\)")


#: A day of the week opening a line, with its date after it: a timeline's item, a log's entry.
_WEEKDAY_FIRST = re.compile(r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|sday|urday)?\.?,?\s+"
                            r"(?:\d{1,2}\s+)?[A-Z][a-z]{2,8}\.?\s+\d{1,2}", re.I)


def _lists(entries: list[Entry]) -> list[list[Entry]]:
    """Entries cut into lists: a list ends where the numbering does not go up."""
    lists: list[list[Entry]] = []
    previous = 0
    for entry in entries:
        number = int(entry.label) if entry.label.isdigit() else 0
        if not lists or (number and number <= previous):
            lists.append([])
        lists[-1].append(entry)
        previous = number or previous
    return lists


def mend_converted_lists(entries: list[Entry]) -> list[Entry]:
    """Entries with what a text converter broke out of them put back, and numbered as their calls are.

    Text converters turn a <style> element inside a list item (MediaWiki puts
    one in the first citation of a page) into an item of its own, and number
    it: every later item's number is then one more than the number its calls
    use. A stylesheet item is dropped and the rest of its list numbered back;
    a stylesheet in front of a real reference is cut off and the reference kept.
    Likewise, in a list whose entries open with MediaWiki's back-link caret
    ("^", "^ a b"), an item without one is a piece of the entry before it
    that the converter broke off at a line break (an ISBN on its own line):
    it is joined back, and the rest of the list numbered back.
    """
    out: list[Entry] = []
    for group in _lists(entries):
        carets = sum(e.text.startswith("^") for e in group) * 2 >= len(group) >= 3
        mine: list[Entry] = []
        shift = 0
        last_end = 0  # the last line of the item before, kept or not
        for entry in group:
            number = int(entry.label) if entry.label.isdigit() else 0
            adjacent = entry.line <= last_end + 2
            last_end = entry.end_line
            if len(_STYLE_RULE.findall(entry.text)) >= 3:
                rest = _STYLE_RULES.sub("", entry.text).strip()
                if len(rest.split()) < 3:
                    shift += 1 if number else 0
                    continue
                entry = replace(entry, text=rest)
            if carets and number and mine and adjacent and not entry.text.startswith("^"):
                last = mine[-1]
                mine[-1] = replace(last, text=f"{last.text} {entry.text}", end_line=entry.end_line)
                shift += 1
                continue
            if shift and number:
                entry = replace(entry, label=str(number - shift))
            mine.append(entry)
        out.extend(replace(e, text=_BACK_LINKS.sub("", e.text)) if e.text.startswith("^") else e for e in mine)
    return out


def caret_numbers(lines: list[Line], labels: list[str]) -> dict[int, int]:
    """Line number → item number for the lines opening with MediaWiki's back-link caret.

    A wiki page copied from a browser loses its reference list's numbers (they are the
    list's own counters, not text), but each item stays one line opening with "^" or
    "^ a b": the n-th caret line under a heading is item n, which the page's "[n]" calls
    name. Counting lines rather than the finder's entries keeps the numbers right when an
    item is missed. A heading (a few plain words, MediaWiki's "[edit]" after them) starts
    the count again: a page's "Notes" and "References" are numbered apart.
    """
    out: dict[int, int] = {}
    n = 0
    for line, label in zip(lines, labels):
        text = line.stripped
        if text.startswith("^"):
            n += 1
            out[line.number] = n
        elif n and text and (label == L.HEADING or _BARE_WORDS.fullmatch(text.removesuffix("[edit]").strip())):
            n = 0
    return out


def caret_items_under_heading(lines: list[Line], labels: list[str]) -> list[str]:
    """Labels where the lines opening with MediaWiki's back-link caret ("^ Sala 2001", "^ a b …") right
    under a back-matter heading ("References[edit]", "Notes") are list entries, whatever the finder
    made of them: a page copied from a browser gives its whole list in that shape, and short Harvard
    notes ("^ Todd, Allen & Alting 1994, p. 288.") read to the finder as running text."""
    out = list(labels)
    under = False
    for k, (line, label) in enumerate(zip(lines, labels)):
        if label == L.HEADING:
            under = bool(heading_kind(line.stripped))
        elif label == L.FURNITURE:
            continue
        elif under and line.stripped.startswith("^"):
            if label == L.TEXT:
                out[k] = L.REF_START
        else:
            under = False
    return out


def raised_calls_in_text(lines: list[Line], labels: list[str]) -> list[str]:
    """Labels where a number alone on a line between two lines of running text is running text.

    A layout conversion sets a raised call on a line of its own, above the line it belongs
    to; the finder takes such a line for a page number. A page number stands apart (a blank
    line, a page break or the page's edge next to it); a call stands inside its paragraph.
    """
    out = list(labels)
    for i in range(1, len(lines) - 1):
        if (out[i] == L.FURNITURE and lines[i].marker == "alone" and lines[i].stripped.isascii() and lines[i].stripped.isdigit()
                and out[i - 1] == L.TEXT and labels[i + 1] == L.TEXT
                and lines[i - 1].number == lines[i].number - 1 and lines[i + 1].number == lines[i].number + 1
                and not lines[i].page_break_before and not lines[i + 1].page_break_before):
            out[i] = L.TEXT
    return out


#: What a report prints at a page's foot under a note that goes on at the next page's foot.
_CONTINUED = re.compile(r"\(\s*continued\s*(?:\.{3}|…)?\s*\)$", re.I)


def _goes_on(note: _Builder, number: int | None) -> bool:
    """Whether the note at the next page's foot goes on with ``note``, which ended "(continued...)":
    an unnumbered note, or one that repeats its number."""
    return _waits(note) and number in (None, int(note.label))


#: At most this many running-text lines just above a note's continuation are taken back into it: the
#: conversion sometimes leaves the first line of a continued note looking like running text.
_CONTINUED_TAKE_BACK = 2


def _waits(note: _Builder) -> bool:
    """Whether ``note`` ended "(continued...)" and still waits for the rest at the next page's foot."""
    return bool(note.parts) and _CONTINUED.search(note.parts[-1]) is not None


def _goes_on_text(run: list[Line], line: Line) -> bool:
    """Whether ``line`` goes on with the running text's line right above it: that line broke a word
    at its end ("COVID-"), or it broke off mid-sentence ("… the federal") and ``line`` is a
    sentence's rest, not a running head's or page number's few words."""
    if not _right_under(run, line):
        return False
    above = run[-1].stripped
    return _ends_in_broken_word(above) or ((above[-1:].isalpha() or above.endswith(","))
                                           and len(line.stripped.split()) >= _SENTENCE_REST_WORDS)


#: A line the finder took for furniture opens the next note only with this many words after its number.
_NOTE_WORDS = 3


#: How a note's number opens a line that follows the note before with no blank line between.
_OPENS_NOTE = frozenset({"space", "glued", "sup", "dot"})


def _next_note(line: Line, notes: list[_Builder], previous: str) -> bool:
    """Whether ``line``, right under a note, opens with the next note's number and words: notes are
    numbered in sequence, which the finder, reading a line at a time, cannot see. Right under the
    note's last line (no blank between) the number must also stand as a call in the text above
    ("112 38 U.S.C. §1521(a)." under note 111): a wrapped line may open with any number."""
    if not (notes and previous in (L.NOTE_START, L.NOTE_CONT) and line.marker in _NUMBERED
            and line.value == int(notes[-1].label) + 1 and len(line.rest.split()) >= _NOTE_WORDS):
        return False
    return line.number > notes[-1].end + 1 or (line.called and line.marker in _OPENS_NOTE)


def _breaks_word(run: list[Line], line: Line) -> bool:
    """Whether the running text's line right above ``line`` ends in a word broken by a hyphen."""
    return _right_under(run, line) and _ends_in_broken_word(run[-1].stripped)


def _right_under(run: list[Line], line: Line) -> bool:
    """Whether ``line`` stands right under the running text's last line, on the same page."""
    return bool(run) and run[-1].number == line.number - 1 and not line.page_break_before


def _ends_in_broken_word(text: str) -> bool:
    return len(text) >= 2 and text[-1] == "-" and text[-2].isalpha()


#: A line this long after running text broken off mid-sentence is the sentence's rest.
_SENTENCE_REST_WORDS = 8


def _drop_continued(note: _Builder) -> None:
    """``note`` without its "(continued...)" marker."""
    rest = _CONTINUED.sub("", note.parts[-1]).rstrip()
    if rest:
        note.parts[-1] = rest
    else:
        note.parts.pop()


#: At most this many entries of a run are looked for inside others.
_MAX_SPLITS = 2
#: An entry's opening names: "Eckstein R, Loy M", "Lee, A.", "Guttmacher AE, Collins FS:".
#: ("Sebastopol, CA," is a place: initials after a comma have full stops).
_OPENS_ENTRY = re.compile(r"^[A-Z][\w'’-]+(?: [A-Z]{1,3}|, [A-Z]\.(?: ?[A-Z]\.)*)[,:]")


def _split_score(before: str, after: str) -> int:
    """How plainly the line ``after`` opens a new entry after the line ``before``: names in an
    entry's form count two, the line before ending a sentence and a capital one each."""
    return (2 * bool(_OPENS_ENTRY.match(after)) + (before.rstrip().endswith((".", ".]", ".)")))
            + after[:1].isupper())


def _split_run_together(entries: list[_Builder], missing: int, refs: list[_Builder]) -> list[_Builder]:
    """``entries`` with the ``missing`` entries the finder ran into others split off, when as many
    lines plainly open an entry (score 2 or more) and they stand out from the next best; else as
    they were (a wrong split shifts every later number onto the wrong work)."""
    places = sorted(((_split_score(b.parts[j - 1], b.parts[j]), e, j) for e, b in enumerate(entries)
                     for j in range(1, min(len(b.parts), len(b.lines)))), key=lambda p: -p[0])
    if len(places) < missing or places[missing - 1][0] < 2 or len(places) > missing and places[missing][0] == places[missing - 1][0]:
        return entries
    out = list(entries)
    for _, e, j in sorted(places[:missing], key=lambda p: (-p[1], -p[2])):
        b = entries[e]
        rest = _Builder()
        rest.label, rest.parts, rest.lines = b.label, b.parts[j:], b.lines[j:]
        rest.line, rest.end = b.lines[j].number, b.end
        b.parts, b.lines, b.end = b.parts[:j], b.lines[:j], b.lines[j - 1].number
        out.insert(out.index(b) + 1, rest)
        refs.insert(refs.index(b) + 1, rest)
    return out


class _DetachedRuns:
    """Runs of list numbers that a two-column PDF's conversion printed on lines of their own, apart
    from their entries ("1." … "6.", then the six entries; after a page break "7." … "32.", then
    those), and the unnumbered entries after each run.

    A run's numbers go to the entries after it in order, but only when there are as many entries
    as numbers: an entry the conversion broke in two, or two it ran together, would shift every
    later number onto the wrong work, and a wrong link is worse than none.
    """

    def __init__(self, refs: list[_Builder]) -> None:
        self.refs = refs  # every entry so far: an entry split in two is split there too
        self.numbers: list[str] = []
        self.entries: list[_Builder] = []

    def may_take(self, line: Line, previous: str) -> bool:
        """Whether a lone number the finder left as furniture is such a list number: "7." (a page
        number has no full stop) inside or right after a reference list, the next of its run."""
        if line.value is None:
            return False
        if not line.stripped.endswith("."):
            # a page number has no full stop; a list's first number right under its heading has none either
            return previous == L.HEADING and line.value == 1 and not self.numbers

        if self.numbers and not self.entries:
            return line.value == int(self.numbers[-1]) + 1
        return previous in (L.HEADING, L.REF_START, L.REF_CONT)

    def add(self, line: Line) -> None:
        """One more number; a number after entries begins a new run (the one before is closed)."""
        if self.entries:
            self.close()
        self.numbers.append(str(line.value))

    def waiting(self, entry: _Builder) -> None:
        """An entry without a number of its own, after a run."""
        if self.numbers:
            self.entries.append(entry)

    def close(self) -> None:
        """The run's numbers given to its entries when they are as many (after splitting entries
        the finder ran together, when a line plainly opens the missing entry); the run forgotten."""
        missing = len(self.numbers) - len(self.entries)
        if self.entries and 0 < missing <= _MAX_SPLITS:
            self.entries = _split_run_together(self.entries, missing, self.refs)
        if self.numbers and len(self.entries) == len(self.numbers):
            for entry, number in zip(self.entries, self.numbers):
                entry.label = number
        self.numbers, self.entries = [], []


def _numbers_next(line: Line, open_ref: _Builder | None, refs: list[_Builder]) -> bool:
    """Whether a number alone on its line is the next number of the list being read: one more than the
    open entry's, or, in a list whose numbers stand apart from their entries (so the open entry has
    none yet), one more than the entries so far."""
    if line.marker != "alone" or line.value is None or open_ref is None:
        return False
    return line.value == (int(open_ref.label) if open_ref.label.isdigit() else len(refs)) + 1


#: A line's shape (digits aside) found this often in a document is a running head or footer's.
_FOOTER_REPEATS = 5
#: What a title in quotation marks opens with.
_QUOTES = frozenset("“\"‘'")
#: An entry that is only names: "Surname, I. I., I. Surname, and I. Surname." (no year, title or place).
_INITIALS = r"[A-Z]\.(?:\s?[A-Z]\.)*"
_SURNAME = r"[A-Z][\w'’-]+"
#: (Each name's parts are set apart by one separator only: nested repeats that could split "A. A. A."
#: many ways took minutes on a line of initials.)
_NAMES_ONLY = re.compile(rf"{_SURNAME},\s+{_INITIALS}(?:(?:,\s+and\s+|,\s+|\s+and\s+){_INITIALS}(?:\s+{_SURNAME})?)*"
                         r"[.,]?(?:\s+et al\.)?")
#: A name cut after its initials at a line's end ("… K. C. Koenen, and J.").
_INITIAL_END = re.compile(r"\b[A-Z]\.$")


class _Footers:
    """Lines of a shape that recurs through the document (the finder's ``repeats``) but mostly outside lists."""

    def __init__(self, lines: list[Line], labels: list[str]) -> None:
        self._in_lists = Counter(line_shape(line.stripped) for line, label in zip(lines, labels)
                                 if label in (L.REF_START, L.REF_CONT) and line.repeats >= _FOOTER_REPEATS)

    def among(self, line: Line) -> bool:
        """Whether most lines of this line's shape stand outside lists (a footer the finder read as text
        on most pages, as furniture on some, and as an entry where it fell inside the bibliography)."""
        return self._in_lists[line_shape(line.stripped)] * 2 < line.repeats


#: An entry's first line that ends with its year, as the names' line of an author-year list does:
#: "Fagereng, Andreas, Martin B. Holm, and Gisle J. Natvik (2021):", "Lee, Ann, and Tom Ek. 2019."
_ENDS_WITH_YEAR = re.compile(r"(?:\((?:1[5-9]|20)\d\d[a-z]?\)|\b(?:1[5-9]|20)\d\d[a-z]?)[.:,]?$")


#: A line that is only an address: bare, in angle brackets, or a Markdown link whose words are an address.
_ADDRESS_ONLY = re.compile(r"(?:<?https?://[^\s<>]+>?|\[(?:https?://|www\.)[^\]\s]+\]\(https?://[^)\s]+\))(?:\s*<br\s*/?>)?")


def _names_and_year(entry: _Builder) -> bool:
    """Whether an entry so far is one line of names ending with its year (no title in quotes yet)."""
    text = entry.parts[0].strip() if len(entry.parts) == 1 else ""
    return "," in text and not any(q in text for q in "“\"‘") and bool(_ENDS_WITH_YEAR.search(text))


def _names_only(entry: _Builder) -> bool:
    """Whether an entry so far is its authors' names alone, with nothing after them."""
    return len(entry.parts) == 1 and bool(_NAMES_ONLY.fullmatch(entry.parts[0].strip()))


#: A note this many lines long or longer is numbered, or it is not a note.
_LONG_NOTE_LINES = 30


def _lone_unnumbered_run(notes: list[_Builder]) -> bool:
    """Whether the only note found opens with no number and runs over many lines."""
    if len(notes) != 1:
        return False
    first = notes[0].lines[0]
    return (first.marker not in _NUMBERED or first.value is None) and len(notes[0].parts) >= _LONG_NOTE_LINES


def read_zones(lines: list[Line], labels: list[str]) -> Zones:
    labels = hanging_indents(lines, one_kind_per_list(lines, entries_in_sequence(lines, caret_items_under_heading(
        lines, marked_entries(lines, one_kind_per_bullet_list(lines, reference_lines(lines, auto_numbered_lists(
        lines, raised_calls_in_text(lines, labels)))))))))
    labels = notes_after_in_sequence(lines, notes_before_in_sequence(lines, numbers_alone_opening_notes(lines, labels)))
    labels = explanatory_caret_notes(lines, labels)
    carets = caret_numbers(lines, labels)
    notes: list[_Builder] = []
    refs: list[_Builder] = []
    body: set[int] = set()
    open_ref: _Builder | None = None
    # List numbers a two-column PDF's conversion set apart from their entries ("1." … "6." on
    # lines of their own, then the six entries): see _DetachedRuns.
    detached = _DetachedRuns(refs)
    footers = _Footers(lines, labels)
    text_after_note = False
    previous = L.TEXT  # the last label that was not furniture
    page_top = False  # no line but furniture yet on this page
    last_break = 0  # the first line of the current page
    run: list[Line] = []  # the running text's last lines, one after the other with no gap
    for line, label in zip(lines, labels):
        if label == L.FURNITURE and len(line.rest.split()) >= _PROSE_WORDS:
            # A running head or a page number is never this long: the line belongs to what stands
            # around it, a list (as a new entry or note) or the running text.
            label = {L.REF_START: L.REF_START, L.REF_CONT: L.REF_START, L.NOTE_START: L.NOTE_START,
                     L.NOTE_CONT: L.NOTE_START}.get(previous, L.TEXT)
        if label == L.REF_START and line.repeats >= _FOOTER_REPEATS and footers.among(line) \
                and not _numbers_next(line, open_ref, refs):
            # a line of a shape found on most pages outside any list ("Page 15 GAO-26-107951 Health
            # Professionals' Mental Health") is a running footer, fallen inside the list; a lone number
            # that is the list's next one is the entry's, though it looks like a page number
            label = L.FURNITURE
        if label in (L.REF_START, L.REF_CONT) and _LINK_LABELS.fullmatch(line.stripped):
            # the words of an entry's links on a journal's page ("PubMed Abstract | Publisher Full
            # Text"): their addresses are lost in the text, and the words cite nothing
            label = L.FURNITURE
        if label == L.FURNITURE and _CALLS_ONLY.fullmatch(line.stripped):
            # a table's cell that cites ("[6]", "[12, 14]"): no page number is set in brackets
            label = L.TEXT
        if label == L.FURNITURE and opens_source_line(line.stripped):
            # a table's "Source:" line at a page's foot repeats its place, not its words
            label = L.TEXT
        if (label in (L.NOTE_CONT, L.FURNITURE) or label == L.TEXT and line.called) and _next_note(line, notes, previous):
            # "55 P.L. 117-58 …" after note 54 and a blank line: the next note, whatever the finder said
            label = L.NOTE_START
        if label == L.FURNITURE and _goes_on_text(run, line):
            # the running text's sentence goes on on this line: "… the federal" then
            # "share (50%) of EB payments … (ES).11"
            label = L.TEXT
        if label == L.NOTE_START and _breaks_word(run, line) and line.value != (int(notes[-1].label) + 1 if notes else 1):
            # "… temporary COVID-" then "19-pandemic …": a word's rest, not the next note
            label = L.TEXT
        if line.page_break_before:
            page_top = True
            last_break = line.number
        if label == L.FURNITURE:
            if line.marker == "alone" and detached.may_take(line, previous):
                detached.add(line)
            continue
        if page_top and label == L.NOTE_CONT:
            # a page opens with its running text (or a running head); a note that runs on
            # past a page break goes on at the next page's foot, after that page's text
            label = L.TEXT
        else:
            page_top = False
        if label in (L.REF_START, L.NOTE_START) and line.blank_before == 0 and _ADDRESS_ONLY.fullmatch(line.stripped):
            # an address alone right under an entry or a note that has words: its link ("[ISO 27001] …"
            # then "[https://www.iso.org/…](https://www.iso.org/…)"), not an entry of its own
            above = open_ref if label == L.REF_START else (notes[-1] if notes and notes[-1].end == line.number - 1 else None)
            if above is not None and above.end == line.number - 1 and not _ADDRESS_ONLY.fullmatch(above.parts[-1].strip()):
                label = L.REF_CONT if label == L.REF_START else L.NOTE_CONT
        previous = label
        if label in (L.REF_START, L.REF_CONT) and line.marker == "alone":
            detached.add(line)
            open_ref = None
            continue
        if label == L.REF_START and open_ref is not None and line.number == open_ref.end + 1 and (
                _names_only(open_ref) and (line.stripped[:1] in _QUOTES or _INITIAL_END.search(open_ref.parts[0].rstrip()))
                or _names_and_year(open_ref) and line.stripped[:1] in _QUOTES):
            # "Carim, C. A., … and P. M. Miller." then "“Substance Use Among …”": the title's line goes
            # on the entry its authors opened (an entry is never its authors alone); so after the
            # year of Econometrica's "Fagereng, Andreas, …, and Gisle J. Natvik (2021):"
            label = L.REF_CONT
        if label == L.REF_START or (label == L.REF_CONT and open_ref is None):
            own = str(line.value) if line.marker in _NUMBERED and line.value is not None else ""
            if not own and line.number in carets:
                own = str(carets[line.number])
            open_ref = _start(line, own)
            refs.append(open_ref)
            if not own:
                detached.waiting(open_ref)
            continue
        if label == L.REF_CONT and open_ref is not None:
            open_ref.parts.append(line.stripped)
            open_ref.lines.append(line)
            open_ref.end = line.number
            continue
        open_ref = None
        detached.close()
        if label == L.NOTE_CONT and not notes:
            label = L.TEXT  # nothing to continue: a note never starts unnumbered in the middle of the text
        if label == L.NOTE_CONT and notes[-1].markdown and line.number > notes[-1].end + 1 and not line.text[:1].isspace():
            label = L.TEXT  # after a blank line, a Markdown footnote goes on only on indented lines
        if label == L.NOTE_START and line.value is not None and _MONTH_YEAR.match(line.rest) \
                and not (notes and notes[-1].label.isdigit() and line.value == int(notes[-1].label) + 1):
            label = L.TEXT  # "22 July 2019 By …": a date, not note 22 (unless it is the note that comes next)
        if label == L.NOTE_START:
            numbered = line.marker in _NUMBERED and line.value is not None
            if notes and _goes_on(notes[-1], line.value if numbered else None):
                _drop_continued(notes[-1])
                notes[-1].parts.append(line.rest if numbered else line.stripped)
                notes[-1].end = line.number
                continue
            if numbered:
                number = line.value
            else:
                number = int(notes[-1].label) + 1 if notes else 1
            notes.append(_start(line, str(number)))
            continue
        if label == L.NOTE_CONT:
            if _waits(notes[-1]) and notes[-1].end < last_break:
                # the rest of a note continued from the last page: the lines of running text just
                # above it on this page (no blank between) are its first lines
                _drop_continued(notes[-1])
                for taken in run[-_CONTINUED_TAKE_BACK:] if run and run[-1].number == line.number - 1 else ():
                    body.discard(taken.number)
                    notes[-1].parts.append(taken.stripped)
            notes[-1].parts.append(line.stripped)
            notes[-1].end = line.number
            continue
        body.add(line.number)
        if label == L.TEXT:
            run = run + [line] if run and run[-1].number == line.number - 1 else [line]
        if notes and label == L.TEXT:
            text_after_note = True
    detached.close()
    if _lone_unnumbered_run(notes):
        # one "note" of many lines that no number opens: a transcript's or a poem's short lines that the
        # finder read as a note (a note that long is numbered, and is not the document's only one)
        body.update(line.number for line in lines if notes[0].line <= line.number <= notes[0].end)
        notes = []
    return Zones(
        tuple(e for e in mend_converted_lists([b.entry() for b in notes if b.parts != [""]]) if _has_letter(e.text)),
        tuple(e for e in _with_tails(mend_converted_lists([b.entry() for b in refs if b.parts != [""]]))
              if _could_cite(e.text)),
        frozenset(body),
        text_after_note,
    )

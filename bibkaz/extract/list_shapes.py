"""List shapes the line finder reads a line at a time and cannot see, set right over whole lists.

The finder labels each line from its own features and its neighbours'; a list is more than that.
Items lettered "(a)", "(b)", … in order or keyed like a standard's references ("[RFC5280]") are a
reference list when most name a year, though the finder's markers are numbers; a bulleted list is
one thing (mostly entries, or mostly running text); MediaWiki's "Notes" beside its "References"
are asides when they name no work; and a list under "Further reading" is what a reader may go on
to, not what the text cites. Each pass takes the finder's labels and gives new ones; zones.py runs
them before it builds notes and entries.
"""

from __future__ import annotations

import re

from bibkaz.extract.finder import labels as L
from bibkaz.extract.finder.features.section import heading_kind
from bibkaz.extract.finder.lines import Line
from bibkaz.url_parts import account_page

#: How far (in lines) the next item of a list may stand from the one before it.
ENTRY_REACH = 12
#: An opening line the finder missed is an entry's only with this many words after its marker.
ENTRY_WORDS = 4


def _to_text(out: list[str], k: int) -> None:
    """The entry opening at ``k``, and its continuation lines, back to running text."""
    out[k] = L.TEXT
    j = k + 1
    while j < len(out) and out[j] == L.REF_CONT:
        out[j] = L.TEXT
        j += 1


#: A lettered item's opening: "(a) L.F. Ivanhoe. …", "(b) …".
_LETTERED = re.compile(r"\(([a-z])\)\s+\S")
#: A keyed item's opening, as standards and specifications key their references: "[RFC5280] Cooper D, …",
#: "[SP 800-37] …", BibTeX's alpha labels with their "+" for more authors ("[NSW+ 17]", converted "[NSW` 17]"),
#: kramdown's anchored form "[[A-130]](references.md#ref-A-130){:name="ref-A-130"} …", and a Markdown table's
#: row "| [BBS2024] | Boneh, Dan, … 2004. |" (the key in the first cell, the reference in the second).
#: A key is short, opens with a capital or a digit and holds a capital or a digit; a Markdown link's words
#: ("[The playbook](https://…)") are not a key.
_KEYED = re.compile(r"(?P<cell>\|\s*)?\[(\[)?(?P<key>[A-Z0-9][A-Za-z0-9./&;§_ +`'’-]{0,40})\]"
                    r"(?(2)\]\([^)\s]*\)(?:\{:[^}]*\})?)(?(cell)\s*\|)\s+\S")
#: A marked list is a reference list when it runs this many items ...
_MARKED_RUN = 5
#: ... and most of its items name a year, as references do (a statute's "(a)" clauses seldom do).
_YEAR = re.compile(r"\b(?:1[6-9]|20)\d\d\b")


def entry_key(text: str) -> str:
    """The key a keyed item opens with ("[RFC5280] Cooper D, …": "RFC5280"), "" for none: the text cites
    the entry by it ("… as specified in [RFC5280]")."""
    m = _KEYED.match(text)
    return m.group("key").strip() if m else ""


def marker_end(text: str) -> int:
    """Where the words after a lettered or keyed item's marker start (0 for no such marker)."""
    m = _LETTERED.match(text) or _KEYED.match(text)
    return m.end() - 1 if m else 0


def entry_words(text: str) -> str:
    """A list item's words after its letter or key ("| [BBS2024] | Boneh, Dan, … 2004. |": "Boneh, … 2004.")."""
    m = _KEYED.match(text)
    if m is not None and m.group("cell"):
        return text[m.end() - 1:].rstrip(" |")
    return text[marker_end(text):]


def marked_entries(lines: list[Line], labels: list[str]) -> list[str]:
    """Labels where a list whose items open with letters "(a)", "(b)", … in order, or with keys
    ("[RFC5280]", "[SP 800-37]"), and mostly name a year, is a reference list, whatever the finder said:
    the finder's markers are numbers (a report's key studies lettered to match a figure's bars, a
    standard's keyed references, are read as running text). An item's rest is the lines right under it,
    up to a blank line, the next item or a page's furniture."""
    out = list(labels)
    runs: list[list[int]] = []
    previous = ""  # the last lettered item's letter
    for i, line in enumerate(lines):
        # a bulleted item's key stands after its bullet ("- [BSA] Business Software Alliance, …")
        text = line.rest if line.marker == "bullet" else line.stripped
        if text[:1] not in "([" or out[i] not in (L.TEXT, L.REF_START, L.REF_CONT) \
                or len(text.split()) <= ENTRY_WORDS:
            continue  # the cheap tests first: most lines open with neither marker
        lettered = _LETTERED.match(text)
        keyed = not lettered and _KEYED.match(text)
        if not lettered and not keyed:
            continue
        letter = lettered.group(1) if lettered else ""
        goes_on = runs and i - runs[-1][-1] <= ENTRY_REACH and (
            letter and previous and ord(letter) == ord(previous) + 1 or keyed and not previous)
        if goes_on:
            runs[-1].append(i)
        elif letter == "a" or keyed:
            runs.append([i])
        else:
            continue
        previous = letter
    for run in runs:
        if len(run) < _MARKED_RUN:
            continue
        items = [_item_lines(lines, out, i) for i in run]
        dated = sum(bool(_YEAR.search(" ".join(lines[k].stripped for k in item))) for item in items)
        if dated * 2 <= len(items):
            continue
        for item in items:
            out[item[0]] = L.REF_START
            for k in item[1:]:
                out[k] = L.REF_CONT
    return out


def _item_lines(lines: list[Line], labels: list[str], i: int) -> list[int]:
    """The lines of the marked item opening at ``i``: it and the running text right under it."""
    item = [i]
    for k in range(i + 1, min(len(lines), i + 1 + ENTRY_REACH)):
        if (lines[k].number != lines[k - 1].number + 1 or labels[k] not in (L.TEXT, L.REF_CONT)
                or marker_end(lines[k].stripped)):
            break
        item.append(k)
    return item


#: What an entry holds and a list of people or points seldom does: a year, a link, a quoted title, a byline.
_NAMES_A_WORK = re.compile(r"\b(?:1[6-9]|20)\d\d\b|https?:|www\.|[\"“”«]|, by ")
#: A title set apart as titles are: in italics ("*Title*", "_Title_") or quotation marks (of at most 300
#: characters: unbounded, a line of 20,000 opening quotes took seconds).
_CITES_A_WORK = re.compile(r"(?<![*\w])\*[^*\s][^*]{4,300}\*(?!\*)|(?<!\w)_[^_\s][^_]{4,300}_(?!\w)|[“\"][^”\"]{8,300}[”\"]")
#: Words set apart in italics or quotation marks, a title's or a container's ("*Open Maps*", "*NIST*").
_SET_APART = re.compile(r"(?<![*\w])\*[^*\s][^*]{2,300}\*(?!\*)|(?<!\w)_[^_\s][^_]{2,300}_(?!\w)|[“\"][^“”\"]{8,300}[”\"]")
#: What a listed work gives beside its title: a year, or the address where it is found ("… *NIST*. https://…").
_DATED_OR_LINKED = re.compile(r"\b(?:1[6-9]|20)\d\d\b|https?://|www\.")
#: An item that opens with a year is a timeline's ("1826: Navier published …").
_YEAR_FIRST = re.compile(r"(?:1[6-9]|20)\d\d\b")
#: A bulleted list is one thing when it has this many items or more.
_BULLETS_VOTE = 4


def one_kind_per_bullet_list(lines: list[Line], labels: list[str]) -> list[str]:
    """Labels where each bulleted list is one thing: where three items in four or more are entries or
    give a dated work's title in italics or quotation marks, those items are entries (a resource list's
    memoranda the finder read as text); where fewer than half are entries, the "entries" that name no
    work are text like the other items (a panel of experts, "• Name, Title, Organisation"), and so are they
    where fewer than half of all the items name a work, whatever the finder said of them."""
    out = list(labels)
    run: list[int] = []
    for i in [k for k, line in enumerate(lines) if line.marker == "bullet"] + [len(lines)]:
        if run and (i == len(lines) or i - run[-1] > ENTRY_REACH
                    or any(out[k] == L.HEADING for k in range(run[-1] + 1, i))):
            _vote(lines, out, run)
            run = []
        if i < len(lines):
            run.append(i)
    return out


def _item_text(lines: list[Line], out: list[str], k: int) -> str:
    """The words of the entry opening at ``k`` (its line and the entry lines under it)."""
    j = k + 1
    while j < len(out) and out[j] == L.REF_CONT:
        j += 1
    return " ".join(line.stripped for line in lines[k:j])


def _vote(lines: list[Line], out: list[str], run: list[int]) -> None:
    """One bulleted list's items made one thing (see :func:`one_kind_per_bullet_list`)."""
    for k in run:
        if out[k] == L.NOTE_START:  # a note is numbered or marked: a bulleted item is a list's
            _note_to_item(lines, out, k)
    entries = [k for k in run if out[k] == L.REF_START]
    if len(run) < _BULLETS_VOTE:
        return
    cited = [k for k in run if out[k] == L.TEXT and _SET_APART.search(lines[k].rest) and _DATED_OR_LINKED.search(lines[k].rest)
             and not _YEAR_FIRST.match(lines[k].rest)]
    if len(entries) + len(cited) >= len(run) * 3 / 4 and cited:
        # items that give a work's title or container in italics or quotation marks with its year or
        # address, as most items of the list do: a list of works the finder read as running text (a resource list's "* OMB Memorandum M-95-18,
        # *Agency Plans for …*, August 22, 1995 (referencing …)")
        for k in cited:
            out[k] = L.REF_START
        return
    named = sum(_names_a_work(lines, out, k) for k in run)
    if not entries or len(entries) * 2 >= len(run) and named * 2 >= len(run):
        return
    for k in entries:
        if _names_a_work(lines, out, k):
            continue  # a dated, linked, quoted or bylined item may be an entry the list holds among others
        _to_text(out, k)


def _names_a_work(lines: list[Line], out: list[str], k: int) -> bool:
    """Whether the item opening at ``k`` names a work as an entry does, and is no timeline's item
    ("1660: Hooke's law by Robert Hooke" has a year and a byline, but opens with the year)."""
    text = _item_text(lines, out, k)
    if "http" in text or "www." in text:
        text = _ADDRESS.sub(_unless_account, text)
    return bool(_NAMES_A_WORK.search(text)) and not _YEAR_FIRST.match(lines[k].rest)


#: An address in an item: a Markdown link's target, an autolink or a bare one.
_ADDRESS = re.compile(r"\]\(([^()\s]{1,2000})\)|<((?:https?://|www\.)[^<>\s]{1,2000})>"
                      r"|(?:https?://|www\.)[^\s<>()]{1,2000}")


def _unless_account(m: re.Match[str]) -> str:
    """An address as it stands, or nothing where it is an account on a social network ("follow Ben at
    [@brhodes](https://twitter.com/brhodes)" names no work)."""
    return "" if account_page(m.group(1) or m.group(2) or m.group(0)) else m.group(0)


def _note_to_item(lines: list[Line], out: list[str], k: int) -> None:
    """A list's item the finder read as a note (and its note lines under it): an entry where it names a
    work, running text otherwise."""
    works = _names_a_work(lines, out, k)
    out[k] = L.REF_START if works else L.TEXT
    j = k + 1
    while j < len(out) and out[j] == L.NOTE_CONT:
        out[j] = L.REF_CONT if works else L.TEXT
        j += 1


def auto_numbered_lists(lines: list[Line], labels: list[str]) -> list[str]:
    """Labels where a list numbered "1.", "1.", "1." (Markdown's way: the renderer counts) is no note list:
    notes go up one by one, so a note the finder saw in such an item is an entry where the item names a
    work (a year, a link, a quoted title, a byline) and does not open with a year as a timeline's items
    do, and running text otherwise."""
    out = list(labels)
    run: list[int] = []
    for i in [k for k, line in enumerate(lines) if line.marker == "dot" and line.value == 1] + [len(lines)]:
        if run and (i == len(lines) or i - run[-1] > ENTRY_REACH):
            if len(run) >= _REPEATS and any(out[k] == L.NOTE_START for k in run):
                for k in run:
                    if out[k] in (L.NOTE_START, L.NOTE_CONT):
                        _note_to_item(lines, out, k)
            run = []
        if i < len(lines):
            run.append(i)
    return out


#: Three items numbered alike are a list its renderer numbers.
_REPEATS = 3


def explanatory_caret_notes(lines: list[Line], labels: list[str]) -> list[str]:
    """Labels where MediaWiki's explanatory notes ("Notes" above "References", each "^ Graphite is strongly
    anisotropic.") that name no work (no year, link, quoted title or byline) are no entries: a page that
    keeps its citations under "References" gives its "Notes" to asides, and an aside cites nothing."""
    out = list(labels)
    kind = ""
    under: dict[str, list[int]] = {"notes": [], "references": []}
    for k, (line, label) in enumerate(zip(lines, labels)):
        if label == L.HEADING:
            kind = heading_kind(line.stripped)
        elif label == L.REF_START and kind and line.stripped.startswith("^"):
            under[kind].append(k)
    if not under["notes"] or not under["references"]:
        return out
    for k in under["notes"]:
        if not _NAMES_A_WORK.search(_item_text(lines, out, k)):
            _to_text(out, k)
    return out


#: A line that is a whole reference by itself: opens with a capital or a quotation mark, gives a title in
#: quotation marks or italics and a year, and ends a sentence.
_WHOLE_REFERENCE_LINE = re.compile(r"[A-Z“\"*_].{20,400}[.)]")
#: A run of whole-reference lines is a list when it has this many lines.
_LINES_RUN = 4


def reference_lines(lines: list[Line], labels: list[str]) -> list[str]:
    """Labels where four or more lines in a row (a blank line between them or none), each a whole
    reference (a quoted or italic title, a year, a closing stop), are entries whatever the finder said: a
    report's resource list under sub-headings ("Speeches and Statements", "Web Resources") sets one
    reference a line, with no bullet or number for the finder to see."""
    out = list(labels)
    runs: list[list[int]] = []
    for i, line in enumerate(lines):
        if out[i] != L.TEXT or not _whole_reference(line.stripped):
            continue
        if runs and runs[-1][-1] == i - 1 and line.number - lines[i - 1].number <= 2:
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        if len(run) >= _LINES_RUN:
            for k in run:
                out[k] = L.REF_START
    return out


def _whole_reference(text: str) -> bool:
    # the cheap tests first: most lines of running text do not end a sentence
    return bool(text[-1:] in ".)" and _WHOLE_REFERENCE_LINE.fullmatch(text) and _YEAR.search(text)
                and _CITES_A_WORK.search(text) and not _YEAR_FIRST.match(text))


#: A list set with hanging indents is read as one when it has this many lines at its left edge and as
#: many indented under them, ...
_HANGING_LINES = 3
#: ... indented at least this much deeper (a conversion's jitter of a space is no indent) ...
_HANGING_DEPTH = 2
#: ... and the finder already read that many of each side as the layout says: this share of the
#: left-edge lines as openings, and of the indented ones as continuations.
_HANGING_AGREE = 0.6


def hanging_indents(lines: list[Line], labels: list[str]) -> list[str]:
    """Labels where a reference list set with hanging indents (each entry's first line at the left edge,
    the lines under it indented, as a layout-keeping PDF conversion keeps them) has an indented line the
    finder took for an entry's opening: it goes on the entry above ("Corbane, C., …, Vasilev, V.," then,
    indented, "Rodriguez, D., Sabo, F., … (2017). Big earth data …" is one entry). Only where the list
    shows the layout plainly: enough lines on each side, and the finder reading most of them so."""
    out = list(labels)
    for run in _reference_runs(lines, out):
        starts = [k for k in run if out[k] == L.REF_START]
        if sum(lines[k].marker != "none" for k in starts) * 2 >= len(starts):
            continue  # numbered or bulleted entries: their markers open them (a page set further in is no indent)
        left = min(lines[k].indent for k in run)
        at_left = [k for k in run if lines[k].indent == left]
        under = [k for k in run if lines[k].indent >= left + _HANGING_DEPTH]
        if len(at_left) < _HANGING_LINES or len(under) < _HANGING_LINES:
            continue
        if len(at_left) + len(under) < len(run):
            continue  # lines at other indents too: not one hanging layout
        opening = sum(out[k] == L.REF_START for k in at_left) / len(at_left)
        going_on = sum(out[k] == L.REF_CONT for k in under) / len(under)
        if opening < _HANGING_AGREE or going_on < _HANGING_AGREE:
            continue
        for k in under:
            above = lines[k - 1].stripped if k else ""
            if lines[k].marker == "none" and not _same_authors_again(lines[k].stripped, above):
                out[k] = L.REF_CONT
    return out


#: An entry by the authors of the one above, whose rule ("———.") the conversion lost: it opens with its
#: date ("(1997) “The Time-Varying NAIRU …”"), ...
_DATE_OPENING = re.compile(r"\(?(?:1[6-9]|20)\d\d[a-z]?\)?[.,]?\s")
#: ... or, after an entry that ended, with the further authors ("and John C. Williams (2003) …").
_MORE_AUTHORS = re.compile(r"(?:and|&)\s+[A-Z]")


def _same_authors_again(text: str, above: str) -> bool:
    """Whether an indented line of a hanging list opens an entry by the same authors as the one above."""
    return bool(_DATE_OPENING.match(text) or _MORE_AUTHORS.match(text) and above.endswith("."))


def _reference_runs(lines: list[Line], labels: list[str]) -> list[list[int]]:
    """The runs of reference-list lines (openings and continuations), page furniture between them
    passed over, each a list of indices."""
    runs: list[list[int]] = []
    current: list[int] = []
    for i, label in enumerate(labels):
        if label in (L.REF_START, L.REF_CONT):
            current.append(i)
        elif label != L.FURNITURE and current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs

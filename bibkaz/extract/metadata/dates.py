"""When the document was published, as it states it; never when it was read.

A dateline in the title block ("Updated April 13, 2026", "Published: 3 May
2023", a date alone on a line), a "last edited on …" line (wiki pages), or the
year of the document's own suggested citation in a running footer. Lines that
say when the text was accessed or retrieved give ``accessed`` only: a reader's
date is not the document's.
"""

from __future__ import annotations

import re

from bibkaz.extract.metadata.fold import folded, holds_any, line_indices, lines_holding
from bibkaz.extract.metadata.found import Found
from bibkaz.parse.normalise.dates import parse_date

ACCESS = re.compile(r"\b(?:accessed|retrieved|downloaded|visited|viewed|consulted)\b", re.I)
_ACCESS_WORDS = ("accessed", "retrieved", "downloaded", "visited", "viewed", "consulted")
_DATELINE = re.compile(
    r"^(?:(?:first\s+)?(?:published|posted|updated|last updated|released|issued|date released|release date|date issued|issue date|"
    r"date|dated|revised)\b\s*:?\s*(?:on\s+)?)?"
    r"(?P<date>(?:19|20)\d\d-[01]\d-[0-3]\d|[^\n]{4,40}?\d{4})\s*[,.]?(?:\s+by\s+\S.*)?$",
    re.I,
)
_EDITED = re.compile(r"^[\s•*·-]*(?:this page was |this article was |page )?(?:last (?:edited|modified|updated)|page (?:last )?(?:updated|modified))\b"
                     r"[\s:]*(?:on\s+)?(?P<date>.{4,40}?\d{4})", re.I)
#: The label alone, its date on the next line ("LAST UPDATED:" / "September 17, 2024": a page converted to
#: text breaks the two apart).
_EDITED_LABEL = re.compile(r"^[\s•*·-]*(?:this page was |page )?last (?:edited|modified|updated)(?: on)?\s*:?\s*$", re.I)
_ACCESSED_AT = re.compile(r"\b(?:accessed|copied|downloaded|saved)\b.*?\bat\b\s+(?P<date>.*\d{4})|\b(?:accessed|retrieved)(?: on)?:?\s+(?P<date2>.*?\d{4})", re.I)


#: A number's label: "No. 20-1507" (a docket number under a court's name) is no date of the year 1507.
_NUMBER_LABEL = re.compile(r"^(?:no|nos|number|case|docket)\b\.?", re.I)


def _full(text: str) -> str:
    """ISO date of ``text`` only when the text is a date and little else (no sentence with a year)."""
    if _NUMBER_LABEL.match(text.strip()):
        return ""
    date, _ = parse_date(text.strip())
    if not date:
        return ""
    letters = re.sub(r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?|\d+|[,./\-–:\s]|"
                     r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?", "", text)
    return date if len(letters) <= 3 else ""


def dateline(lines: list[str], start: int, stop: int) -> Found[str] | None:
    """A date line in the title block (indices ``start``..``stop``)."""
    # whether a line of the block may say it was accessed (one look at the block, not a pattern a line)
    access = holds_any("\n".join(lines[start:stop]), _ACCESS_WORDS)
    for i in range(start, min(stop, len(lines))):
        # a date set as a Markdown heading ("#### August 8, 2016", a converted memorandum's) is the date
        s = " ".join(lines[i].split()).strip("*_ ").lstrip("# ")
        if not s or access and ACCESS.search(s):
            continue
        # "Published 21 November 2019 · Tagged with WebAssembly tooling": the date is the first part
        parts = _PARTS.split(s)
        # "Updated April 5, 2022 | Published March 3, 2021": the part that says when it was published first;
        # "Commentary | 17 July 2023": the genre, then the date
        published = [p for p in parts[1:] if _PUBLISHED_PART.match(p)] if len(parts) > 1 else []
        lead = _LEAD_DATED.match(s)
        for part in dict.fromkeys((*published, s, *parts, *([lead.group("date")] if lead else []))):
            if len(part.split()) > 8 and not re.search(r"\d{4} by ", part):
                continue
            m = _DATELINE.match(part)
            date = _full(m.group("date")) if m else ""
            if date:
                return Found(date, i + 1)
    return None


#: Between a dateline's parts, on a line whose spaces are collapsed: a middle dot, a bar, a dash, or the marks
#: between two bold runs ("**White Paper** **January 2026**": the genre, then the date).
_PARTS = re.compile(r" [·|—] |\*\* \*\*")
_PUBLISHED_PART = re.compile(r"(?:first\s+)?(?:published|posted|released|issued)\b", re.I)
#: Who or where, a comma, then the date: "Mekong Futures Forum, 12 October 2021", "Working Paper 2024/03, June 2024",
#: "Brussels, 3 March 2021" (a brief's imprint line under its byline).
LEAD_DATE = re.compile(
    r"^(?P<lead>[A-Z][^,]{2,60}),\s+(?P<date>(?:\d{1,2}\s+)?[A-Z][a-z]{2,8}\.?(?:\s+\d{1,2},?)?\s+(?:19|20)\d\d)$")
#: :data:`LEAD_DATE` as a dateline reads it: the lead may hold commas and the date may say what happened on it
#: ("DSGE Group, Research and Statistics, FRBNY, June 3, 2022" under a model's documentation; "Version 1.4,
#: updated 30 March 2025" under a discussion paper's heading). Only the date is taken (the lead is no publisher
#: here, so :mod:`site` keeps the narrower pattern). The lead's reach is bounded: one lazy run, then fixed words.
_LEAD_DATED = re.compile(
    r"^(?P<lead>[A-Z][^\n]{2,80}?),\s+(?:(?:last\s+)?(?:updated|published|released|issued|revised|posted)(?:\s+on)?\s+)?"
    r"(?P<date>(?:\d{1,2}\s+)?[A-Z][a-z]{2,8}\.?(?:\s+\d{1,2},?)?\s+(?:19|20)\d\d)$")
#: An open-review platform's version dates: "v1 First published: 18 Sep 2013, 2:191 (doi: 10.12688/….v1)",
#: "Latest published: 28 Oct 2013, 2:191 (doi: ….v2)".
_VERSION_DATE = re.compile(
    r"^(?:v\d+\s+)?(?P<which>first|latest)\s+published:\s*(?P<date>\d{1,2}\s+\w{3,9}\s+\d{4})(?:.*?\.v(?P<version>\d+)\))?",
    re.I)


def version_date(lines: list[str], version: int | None, stop: int) -> Found[str] | None:
    """The date of the version the document is (its title says "[version 2; …]"), from the first
    lines' "First published: …" / "Latest published: …" lines; with no version stated, the latest.

    Each line names its version by the DOI's ".vN" ending; the first-published line is version 1."""
    dates: dict[str, tuple[Found[str], int | None]] = {}
    for i in range(min(stop, len(lines))):
        m = _VERSION_DATE.match(" ".join(lines[i].split()))
        if m:
            date, _ = parse_date(m.group("date"))
            if date:
                v = int(m.group("version")) if m.group("version") else (1 if m.group("which").lower() == "first" else None)
                dates.setdefault(m.group("which").lower(), (Found(date, i + 1), v))
    for found, v in dates.values():
        if version is not None and v == version:
            return found
    latest = dates.get("latest")
    return latest[0] if latest and version is None else None


#: What :data:`_EDITED` and :data:`_EDITED_LABEL` hold, one of them at least, in small letters.
_EDITED_WORDS = ("last edited", "last modified", "last updated", "page updated", "page modified")


def last_edited(lines: list[str]) -> Found[str] | None:
    """"This page was last edited on 24 February 2020" (the version a reader cites)."""
    if not holds_any("\n".join(lines), _EDITED_WORDS):
        return None  # no line can say so (one look at the whole text, not a pattern a line)
    # on the first page or the last pages, where a page states when it was edited; a figure in between may
    # print its own source's "Last Updated October 27, 2010"
    for i in [*range(min(_FIRST_PAGE, len(lines))), *range(max(_FIRST_PAGE, len(lines) - _EDITED_LAST), len(lines))]:
        line = lines[i]
        m = _EDITED.search(line)
        if m:
            date, _ = parse_date(m.group("date"))
            if date:
                return Found(date, i + 1)
        elif _EDITED_LABEL.match(line):
            k = next((k for k in range(i + 1, min(len(lines), i + 4)) if lines[k].strip()), None)
            date = _full(" ".join(lines[k].split()).strip("*_ ")) if k is not None else ""
            if date:
                return Found(date, k + 1)
    return None


_EDITED_LAST = 150  # lines: a wiki copy's footer follows its references and navigation boxes
#: A first page's labelled date: "Date: July 2019." (a paper's note under its abstract, as AMS papers print it).
_DATE_LABEL = re.compile(r"^date:\s+(?P<date>(?:[A-Z][a-z]{2,8}\.?\s+(?:\d{1,2},?\s+)?|\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+)(?:19|20)\d\d)\.?$", re.I)
#: A date its label says is the document's, in a field of a first page's line: "Release date 05/17/2017" (a
#: technical document's running footer), "This draft: July 2019." (a working paper's title-page note), "Date
#: Filed: 12/22/2020" (a court filing's header), "Argued April 23, 2013—Decided June 13, 2013" (an opinion's).
#: The label opens the line or a field of it (after a dash, a bar or a run of spaces), never a sentence's word.
_FIELD_DATE = re.compile(
    r"(?:^|[—–|]\s*|\s\s)(?:release date|publication date|date of (?:publication|release|issue)|date (?:published|released|"
    r"issued|filed)|this (?:draft|version)|decided)(?:\s*:)?\s*"
    r"(?P<date>(?:[A-Z][a-z]{2,8}\.?\s+(?:\d{1,2},?\s+)?|\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+)(?:19|20)\d\d"
    r"|\d{1,2}/\d{1,2}/(?:19|20)\d\d|(?:19|20)\d\d-[01]\d-[0-3]\d)(?![\d/])", re.I)
#: The words every :data:`_FIELD_DATE` label holds, in small letters.
_FIELD_DATE_WORDS = ("date", "this draft", "this version", "decided")
_FIELD_REACH = 120  # lines: a working paper's title-page notes stand under its abstract, past a short first page


def date_label(lines: list[str]) -> Found[str] | None:
    """"Date: July 2019." alone on a line of the first page, or a labelled field of a line ("Release date
    05/17/2017", "This draft: July 2019.", "Decided June 13, 2013"): the date the document gives itself."""
    head = lines[:_FIELD_REACH]
    for i in lines_holding(head, _FIELD_DATE_WORDS):
        line = lines[i]
        if i < _FIRST_PAGE and line.lstrip()[:1] in "Dd":
            m = _DATE_LABEL.match(" ".join(line.split()))
            date = _full(m.group("date")) if m else ""
            if date:
                return Found(date, i + 1)
        m = _FIELD_DATE.search(line.strip())
        date, _ = parse_date(m.group("date")) if m else ("", "")
        if date:
            return Found(date, i + 1)
    return None


#: A journal's history on its first page, each label opening its line: "Published online: 3 March 2024", "Accepted:
#: 30 January 2024" (Springer), "Received: 9 November 2022" / "Accepted: 14 July 2023" (the Royal Society).
_JOURNAL_HISTORY = re.compile(r"^(?P<label>published(?: online)?|accepted|first published)\s?:\s?(?P<date>\d{1,2} [A-Z][a-z]{2,8}\.? (?:19|20)\d\d|"
                           r"[A-Z][a-z]{2,8}\.? \d{1,2}, (?:19|20)\d\d)\s*$", re.I)
_HISTORY_WORDS = ("published", "accepted")


def journal_history(lines: list[str]) -> Found[str] | None:
    """The day a paper was published, as its first page's history gives it; the year it was accepted in when the
    page gives no publication day (the same year but at a year's turn)."""
    found: dict[str, Found[str]] = {}
    for i in lines_holding(lines[:_FIELD_REACH], _HISTORY_WORDS):
        m = _JOURNAL_HISTORY.match(" ".join(lines[i].split()))
        date, _ = parse_date(m.group("date")) if m else ("", "")
        if date:
            found.setdefault("accepted" if m.group("label").lower() == "accepted" else "published", Found(date, i + 1))  # type: ignore[union-attr]
    accepted = found.get("accepted")
    # (the day it was accepted is not the day it came out: only its year is given then)
    return found.get("published") or (Found(accepted.value[:4], accepted.line) if accepted else None)


def accessed(lines: list[str], stop: int) -> Found[str] | None:
    """"The following text has been accessed from URL at Fri Aug 9 … 2019" in the first lines."""
    for i in range(min(stop, len(lines))):
        m = _ACCESSED_AT.search(lines[i])
        if m:
            stamp = re.sub(r"\b\d{1,2}:\d\d(?::\d\d)?\b|\b[A-Z]{2,4}\b", " ", m.group("date") or m.group("date2"))
            date, _ = parse_date(" ".join(stamp.split()))
            if date:
                return Found(date, i + 1)
    return None


#: A line that is only "Published: 16 November 2015" / "Published 19 September 2016" (a paper's history
#: block, or its how-to-cite box on the last page).
_PUBLISHED_LINE = re.compile(r"^(?:published|publication date|date published)\s*:?\s+(?P<date>.{6,30}\d{4})$", re.I)
#: "This manuscript … was automatically generated from owner/repo@abc123 on October 14, 2020.": the date a
#: preprint built from its repository carries.
_GENERATED = re.compile(r"\bthis (?:manuscript|document|report|paper|version)\b.{0,120}?\bgenerated\b.{0,120}?\bon\s+"
                        r"(?P<date>(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}|\d{4}-\d{2}-\d{2}))",
                        re.I)


_FIRST_PAGE, _LAST_PAGE = 80, 40  # lines


def published_line(lines: list[str]) -> Found[str] | None:
    """A line that says only when the document was published, on its first page (a paper's history
    block) or its last (a how-to-cite box), not in between where the pages it cites may be listed."""
    last_page = range(max(_FIRST_PAGE, len(lines) - _LAST_PAGE), len(lines))
    for i in [*range(min(_FIRST_PAGE, len(lines))), *last_page]:
        if not lines[i].lstrip()[:1] in "PpDd":
            continue  # the line's first character, as below, before the line is rejoined
        s = " ".join(lines[i].split())
        m = _PUBLISHED_LINE.match(s)
        date = _full(m.group("date")) if m else ""
        if len(date) == 10:
            return Found(date, i + 1)
    return None


_DAY_DATE = r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+|\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+)(?:19|20)\d\d"
#: An article's history: "Published: October 2, 2025" or "Published October 15, 2025." alone on a line (a
#: journal's history block after the text, or its first page's notes), "Published online 6 November 2025".
_HISTORY_PUBLISHED = re.compile(rf"^(?:published(?: online)?|publication date|date published|first published)\s?:?\s(?P<date>{_DAY_DATE})\.?$",
                                re.I)
#: The history on one line: "Received August 15, 2025; accepted September 9, 2025; published online November 6, 2025".
_HISTORY_LINE = re.compile(rf"^received\b[^;]{{0,60}};.{{0,160}}?\bpublished(?: online)?:?\s(?P<date>{_DAY_DATE})\b", re.I)


def history_published(lines: list[str]) -> Found[str] | None:
    """The day an article was published, as its history states it anywhere in the text ("Published: October
    2, 2025" after the text; "Received …; accepted …; published online November 6, 2025" under the title):
    only when every such line gives the same day (a page listing several publications gives several)."""
    if "publi" not in folded("\n".join(lines)):
        return None
    found: Found[str] | None = None
    for i in lines_holding(lines, ("published", "publication date")):
        s = " ".join(lines[i].split()).strip("*_ ")
        m = _HISTORY_PUBLISHED.match(s) or _HISTORY_LINE.match(s)
        date = _full(m.group("date")) if m else ""
        if not date:
            continue
        if found is not None and found.value != date:
            return None
        found = found or Found(date, i + 1)
    return found


def generated_on(lines: list[str], stop: int) -> Found[str] | None:
    """"This manuscript … was automatically generated … on October 14, 2020." in the first lines
    (the sentence may break over two lines)."""
    for i in range(min(stop, len(lines))):
        if "generated" not in lines[i].lower():
            continue
        m = _GENERATED.search(" ".join(" ".join(lines[i : i + 2]).split()))
        date, _ = parse_date(m.group("date")) if m else ("", "")
        if date:
            return Found(date, i + 1)
    return None


#: A line that is a month's or a day's date and nothing else ("September 2023", "March 3, 2021").
_DATE_ONLY = re.compile(r"^(?:\d{1,2}\s+)?[A-Z][a-z]{2,8}\.?(?:\s+\d{1,2},?)?\s+(?:19|20)\d\d$")


#: :data:`_DATE_ONLY` as a whole line of the joined text (spaces and tabs only, so no match crosses a line).
_DATE_ONLY_LINE = re.compile(r"(?m)^[ \t]*((?:\d{1,2}[ \t]+)?[A-Z][a-z]{2,8}\.?(?:[ \t]+\d{1,2},?)?[ \t]+(?:19|20)\d\d)[ \t]*$")


def running_date(lines: list[str]) -> Found[str] | None:
    """A date printed alone at the foot of every page ("September 2023" under each page of a fact sheet): the
    same date-only line twice or more, and no other date printed so; the first one. (One search of the joined
    text finds the date-only lines; a line holding a newline itself is looked at alone.)"""
    joined = "\n".join(lines)
    if joined.count("\n") != len(lines) - 1:
        return None
    seen: dict[str, list[int]] = {}
    for m in _DATE_ONLY_LINE.finditer(joined):
        s = " ".join(m.group(1).split())
        seen.setdefault(s, []).append(joined.count("\n", 0, m.start()))
    repeated = [(text, at) for text, at in seen.items() if len(at) > 1]
    if len(repeated) != 1:
        return None
    date = _full(repeated[0][0])
    return Found(date, repeated[0][1][0] + 1) if date else None


_YEAR_LINE = re.compile(r"^\s*(?P<year>(?:19|20)\d\d)\s*$")
_COVER_REACH = 3  # lines above or below the title


def cover_year(lines: list[str], title_start: int, title_end: int) -> Found[str] | None:
    """A year alone on a line next to the title ("2017" over "Report to the President on …"): a cover's
    edition year, taken only when no line gives a fuller date."""
    near = [*range(max(0, title_start - _COVER_REACH), title_start),
            *range(title_end + 1, min(len(lines), title_end + 1 + _COVER_REACH))]
    for i in near:
        m = _YEAR_LINE.match(lines[i])
        if m:
            return Found(m.group("year"), i + 1)
    return None


#: A cover's date alone on its line: "March 2017", "April 2011", "February 28, 2007", "3 May 2023".
_COVER_DATE = re.compile(r"^(?:[A-Z][a-z]{2,8}\.? (?:\d{1,2}, )?(?:19|20)\d\d|\d{1,2} [A-Z][a-z]{2,8} (?:19|20)\d\d)$")
_COVER_DATE_REACH = 30  # lines under the title: a report's cover names its writers and units first
_PROSE_WORDS = 10  # a line this long is running text: the cover is over


def cover_date(lines: list[str], title_end: int) -> Found[str] | None:
    """The date a report's cover prints alone on a line under its title, its writers and its units
    ("Report on Lightweight Cryptography" / four names / "Computer Security Division" / … / "March 2017"),
    before any line of running text: the cover's date is the report's, a date in the text may be anything."""
    for i in range(title_end + 1, min(len(lines), title_end + 1 + _COVER_DATE_REACH)):
        s = " ".join(lines[i].split())
        if sum(len(w) > 1 for w in s.split()) >= _PROSE_WORDS:
            return None  # (a heading set letter by letter, "C O M P U T E R", is no running text)
        if s[:1].isalnum() and _COVER_DATE.match(s):
            date = _full(s)
            if date:
                return Found(date, i + 1)
    return None


#: A draft's date with its month still a placeholder: "Month TBD 2017", "Month XX, 2017", "[Month] 2017",
#: "XX 2017" (the year is stated; the day and month are not yet).
_PLACEHOLDER_DATE = re.compile(r"^(?:\[?month\]?|xx+)(?:\s+(?:tbd|xx+|\[?day\]?))?,?\s+(?P<year>(?:19|20)\d\d)$", re.I)
_DRAFT_LINES = 120  # a report's cover and title pages


#: A line whose first character past spaces, stars and underscores is "M", "X" or "[" (on lines joined by newlines).
_PLACEHOLDER_OPENING = re.compile(r"(?m)^(?:[^\S\n]|[*_])*[MmXx\[]")


def _lines_opening(lines: list[str], opening: re.Pattern[str]) -> list[int]:
    """The indices, in order, of the lines where ``opening`` (a multiline pattern anchored at a line's start)
    matches, found in one search of the lines joined; each line tried in turn when a line holds a newline."""
    text = "\n".join(lines)
    if text.count("\n") != len(lines) - 1:
        return [i for i, line in enumerate(lines) if opening.match(line)]
    return line_indices(text, [m.start() for m in opening.finditer(text)])


def placeholder_year(lines: list[str]) -> Found[str] | None:
    """The year of a draft's cover date whose month is a placeholder ("Month TBD 2017"): the year only."""
    top = lines[:_DRAFT_LINES]
    for i in _lines_opening(top, _PLACEHOLDER_OPENING):
        # only a line opening "M", "X" or "[" past spaces, stars and underscores (as the line collapsed and
        # stripped below opens) is collapsed and tried
        s = " ".join(top[i].split()).strip("*_ ")
        if s[:1] in "MmXx[":
            m = _PLACEHOLDER_DATE.match(s)
            if m:
                return Found(m.group("year"), i + 1)
    return None


#: A full date alone on its line: "February 28, 2007", "28 February 2007".
_DAY_LINE = re.compile(r"^(?:[A-Z][a-z]{2,8}\.? \d{1,2}, (?:19|20)\d\d|\d{1,2} [A-Z][a-z]{2,8} (?:19|20)\d\d)$")
#: Whom a letter is to, right under its date: "The Honorable Bart Gordon", "Congressional Requesters", "Dear …".
_ADDRESSEE = re.compile(r"^(?:The Honorable\b|Congressional (?:Requesters|Committees)\b|Dear\b|To the\b)")
_LETTER_LINES = 300  # a report's cover, highlights and first pages, where its letter opens
_ADDRESSEE_REACH = 3  # non-blank lines under the date


def letter_date(lines: list[str], month: str) -> Found[str] | None:
    """The day a report's letter is dated, when it falls in the month its cover gives (``month``,
    "2007-02"): a full date alone on a line with the addressee right under it ("February 28, 2007" /
    "The Honorable Bart Gordon"), the day the report went out. A date of another month (an enclosure's,
    a briefing's) refines nothing."""
    for i, line in enumerate(lines[:_LETTER_LINES]):
        s = " ".join(line.split())
        if not s[:1].isalnum() or not _DAY_LINE.match(s):
            continue
        date, _ = parse_date(s)
        if not date or not date.startswith(month + "-"):
            continue
        below = [t.strip() for t in lines[i + 1 : i + 8] if t.strip()][:_ADDRESSEE_REACH]
        if any(_ADDRESSEE.match(t) for t in below):
            return Found(date, i + 1)
    return None

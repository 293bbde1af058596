"""Who published the document, its own address and its report number.

Publisher or site from what the page prints: a "Published by" or "©" line, a
"From Wikipedia, the free encyclopedia" strap under the title, an organisation
printed as a running header or footer on every page (a CRS report's
"Congressional Research Service"), or the journal of the document's own
suggested citation. A URL alone on a line in the title block is the document's
own address when it has a path (a bare host is the site, not the page).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from bibkaz.extract.metadata.dates import LEAD_DATE
from bibkaz.extract.metadata.fold import folded, line_indices, lines_holding
from bibkaz.extract.metadata.found import Found
from bibkaz.extract.metadata.people import is_person, name_list
from bibkaz.extract.metadata.title import is_date_line, set_right, title_case
from bibkaz.parse.normalise.dates import parse_date
from bibkaz.parse.normalise.names import ORG_WORDS, looks_like_organisation
from bibkaz.url_parts import split_url

#: A journal's copyright line: "Copyright © 2025 the Author(s). Published by PNAS.", "December 12, 2025 © 2025 The
#: Author(s). Published by Elsevier Inc." (the writers hold the copyright; the publisher is named after them)
#: ("© The Author(s), 2025. Published by Cambridge University Press on behalf of American Political Science"; "Open
#: Access. © 2025 the author(s), published by De Gruyter.    This work is licensed under …": the licence runs on after
#: the publisher's full stop). What it names is a publisher even when it reads as a person's name ("De Gruyter").
_AUTHORS_COPYRIGHT = re.compile(
    r"(?:©|[Cc]opyright)[^©]{0,80}?\b[Aa]uthors?(?:\(s\))?(?:,\s?(?:19|20)\d\d)?[.,]\s+[Pp]ublished by (?:the )?"
    r"(?P<site>[A-Z][\w.&' -]{1,60}?)(?:\.(?:\s{2,}.*)?|\son behalf of\b.*)?\s*$")
_SITE_LINES = (
    re.compile(r"subscribe to (?:receive )?(?:updates|posts|emails|the newsletter) from (?P<site>[A-Z][\w.&' -]{1,60}?)\s*$", re.I),
    re.compile(r"^(?:published|posted) (?:on )?[\w ,]{0,20}\d{4} by (?:the )?(?P<site>[A-Z][\w.&' -]{1,60}?)[.,]?\s*$", re.I),
    # an imprint page: "Published in 2024 by the United Nations Educational, Scientific and Cultural Organization,"
    # (the body's name may hold commas; the address follows on the next line)
    re.compile(r"^(?:first )?published in (?:19|20)\d\d by (?:the )?(?P<site>[A-Z][\w.&'’, -]{1,100}?)[.,]?\s*$", re.I),
    re.compile(r"^(?i:(?:(?:this|the) \w+ (?:was|is) )?(?:published|first published|prepared|produced|issued) by (?:the )?)"
               r"(?P<site>[A-Z][\w.&' -]{1,60}?)[.,]?\s*$"),
    re.compile(r"^(?i:this (?:post|article|piece|story|essay) (?:originally |first )?(?:appeared|was (?:first |originally )?published) "
               r"(?:on|in) (?:the )?)\[?(?P<site>[A-Z][\w.&' -]{1,60}?)(?i:\s+(?:website|web site|blog|site))?\.?\]?(?:\(\S+\))?\.?$"),
    # "© 2023 X", "© X 2024" (the year after the holder, as UNESCO and other imprints print it)
    re.compile(r"^(?:©|[Cc]opyright(?: ©)?|\([cC]\)(?=\s*\d{4}))\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(?:by (?:the )?)?(?P<site>[A-Z][\w.&' -]{1,60}?)"
               r"(?:,?\s+(?:19|20)\d\d)?[.,]?\s*(?i:all rights reserved)?\.?$"),
    re.compile(r"contributors to (?P<site>[A-Z][\w&.-]{1,40})[’']s (?:online )?(?:digital )?publication"),
    _AUTHORS_COPYRIGHT,
)
_STRAP = re.compile(r"^From (?P<site>[A-Z][\w.' -]{1,40}), the (?:free )?[\w ]{3,30}$")
_URL = re.compile(r"^<?(?P<url>https?://[^\s<>]+?)>?[.,]?$")
_RETRIEVED = re.compile(r"\b(?:retrieved|accessed|downloaded|copied|saved) from\s*[\"“]?(?P<url>https?://[^\s\"”]+)", re.I)
_NUMBER = re.compile(r"^(?:(?:report|paper|document)\s+(?:no\.?|number|#)\s*:?\s*)?(?P<number>(?=[A-Z0-9-]*[A-Z-])[A-Z]{0,4}-?\d[\dA-Z]*(?:-\d+)*[A-Z]?)$")
_REPORT_NO = re.compile(r"^(?:\w+ )?(?:report|paper|brief)\s+(?:no\.?|number|#)\s*:?\s*(?P<number>[\w.-]*\d[\w.-]*)$", re.I)
_PAGE_NO = re.compile(r"\s{3,}\d{1,4}$")
#: A sentence's end inside a site's name ("Federal Reserve Board. Prior to 2000", a paragraph's wrapped line): a word
#: of two small letters or more, a full stop, the next sentence ("U.S. Department" is initials, not an end).
_SENTENCE_END = re.compile(r"[a-z]{2}\.\s+[A-Z]")
_NOT_SITE = re.compile(r"^(?:the )?(?:author|authors|all rights reserved|notice|statement|information|holders?|copyright)\b", re.I)
# ("© Copyright 2020.": a Sphinx page's footer names no holder)


@lru_cache(maxsize=16_384)
def _cell(line: str) -> str:
    """A line without its page number and extra spaces (cached: the running header search and the
    report number search both read every line of the document)."""
    text = line.rstrip()
    if text[-1:].isdecimal():  # a page number ends in a digit (\d is what isdecimal accepts)
        text = _without_page_number(text)
    return " ".join(text.split())


def _without_page_number(text: str) -> str:
    """``text`` (no trailing space) without what :data:`_PAGE_NO` matches: one to four digits at its end
    after three spaces or more, taken with every space before them. Found from the end: the pattern is
    tried at every space of a line set out in columns, and those lines are long."""
    digits = len(text)
    while digits > 0 and text[digits - 1].isdecimal():
        digits -= 1
    if not 1 <= len(text) - digits <= 4:
        return text
    spaces = digits
    while spaces > 0 and text[spaces - 1].isspace():
        spaces -= 1
    return text[:spaces] if digits - spaces >= 3 else text


_SITE_WORDS = ("subscribe to", "publish", "posted", "contributors to", "appeared", "prepared by", "produced by", "issued by")


def _may_name_site(s: str) -> bool:
    """Whether ``s`` holds what one of :data:`_SITE_LINES` needs ("subscribe to", "published",
    "posted", "contributors to", "appeared", "prepared by", or an opening "©", "(c)", "Copyright"):
    most lines do not, and skip the patterns. Non-ASCII lines always try them (under re.I "ſ" matches "s")."""
    if s[:1] in "©(Cc" or not s.isascii():
        return True
    low = s.lower()
    return ("subscribe to" in low or "publish" in low or "posted" in low or "contributors to" in s or "appeared" in low
            or "prepared by" in low or "produced by" in low or "issued by" in low)


def site_line(lines: list[str]) -> Found[str] | None:
    """"Published by X", "© 2023 X", "Subscribe to updates from X"."""
    text = "\n".join(lines)
    low = folded(text)
    if not any(word in low for word in _SITE_WORDS) and "©" not in text and "opyright" not in text and "(c)" not in low:
        return None  # no line of the document can match (one look at the whole text, not one a line)
    # only a line holding one of the words (folded: "(C)" and "Copyright" too) can match a pattern
    for i in lines_holding(lines, _SITE_WORDS + ("©", "opyright", "(c)")):
        line = lines[i]
        s = line.strip().strip("*_ ")  # "**This post originally appeared on …**"
        if not _may_name_site(s):
            continue
        for pattern in _SITE_LINES:
            m = pattern.search(s)
            # a person is never the site ("Prepared by Ana Lima" is a byline); "by the …" names no person
            if m and not _NOT_SITE.match(m.group("site")) and not _role_after_person(m.group("site")) and not _SENTENCE_END.search(
                    m.group("site")) and (
                    s[: m.start("site")].lower().rstrip("[").endswith("the ") or pattern is _AUTHORS_COPYRIGHT
                    or not name_list(m.group("site"))):
                return Found(_CLAUSE_AFTER.split(m.group("site"), maxsplit=1)[0].strip(" .,"), i + 1)
    return None


#: The body a copyright notice names as its holder, followed by what the notice says next ("© 2010-2012, Open
#: Knowledge Foundation. Licensed under Creative Commons …"), or a source file's licence header
#: ("# SPDX-FileCopyrightText: 2021-2024 The Foundation for Public Code <info@publiccode.net>").
_HOLDER = re.compile(r"^(?:#\s?)?(?:SPDX-FileCopyrightText:|©|[Cc]opyright(?: ©| \([cC]\))?)\s?(?:(?:19|20)\d\d(?:\s?[-–]\s?(?:19|20)\d\d)?,?\s)?"
                     r"(?:by\s)?(?P<holder>[A-Z][\w.&'’ -]{2,80}?)(?:\s<[^<>\s]{3,80}>|\.\s[A-Z].*|,?\s(?:19|20)\d\d\.?)?\s*$")
_HOLDER_WORDS = ("©", "opyright")
_HOLDER_REACH = 150  # lines: a notice stands on a first page, an imprint page, or the last page


def copyright_holder(lines: list[str]) -> Found[str] | None:
    """The organisation a copyright notice names as its holder, on the first pages or the last (a body that
    holds the copyright publishes the text; the writers or "contributors" holding it name no publisher)."""
    edges = [i for i in lines_holding(lines, _HOLDER_WORDS) if i < _HOLDER_REACH or i >= len(lines) - _HOLDER_REACH // 2]
    for i in edges:
        m = _HOLDER.match(lines[i].strip())
        holder = m.group("holder").strip(" .,") if m else ""
        if (holder and looks_like_organisation(holder) and not is_person(holder) and not name_list(holder)
                and not re.search(r"\b(?:authors?|contributors|et al|licensee|rights)\b", holder, re.I)):
            return Found(holder, i + 1)
    return None


#: What a publishing line goes on with after the publisher's name: "Published by the Royal Society under the terms of
#: the Creative Commons …", "… on behalf of the American Political Science Association".
_CLAUSE_AFTER = re.compile(r"\s(?:under (?:the|a|an)\s|on behalf of\s|in (?:association|partnership|collaboration) with\s)")


def _role_after_person(site: str) -> bool:
    """Whether a site holding a comma is a person with a role after it ("Jane Doe, Senior Fellow"); a body's
    name may hold commas too ("United Nations Educational, Scientific and Cultural Organization")."""
    return "," in site and is_person(site.split(",")[0])


def strap(lines: list[str], start: int, stop: int) -> Found[str] | None:
    """"From Wikipedia, the free encyclopedia" under the title."""
    for i in range(start, min(stop, len(lines))):
        m = _STRAP.match(lines[i].strip())
        if m:
            return Found(m.group("site").strip(), i + 1)
    return None


def running_organisation(lines: list[str], title: str) -> Found[str] | None:
    """An organisation printed alone on a line on several pages (a running header or footer), not the title."""
    # "Short Title | Organisation" running headers: each side is a cell of its own
    title = " ".join(title.lower().split())
    counts: Counter[str] = Counter()
    beside: set[str] = set()  # cells printed beside another cell of their header
    for line in lines:
        cells = _header_cells(line)
        if len(cells) < 2 and "|" not in line and (not line.lstrip()[:1].isupper() or not 2 <= len(line.split()) <= 9):
            continue  # its cell opens as the line does and has as many words, or one fewer (a page number)
        for c in {*cells, _header_cell(line)}:
            if c[:1].isupper() and 2 <= len(c.split()) <= 8:
                counts[c] += 1
                if len(cells) > 1:
                    beside.add(c)
    for text, n in counts.most_common():
        if n < 3:
            break
        # not a running header printing the (short) title, nor a referee's signature ("Scott Chamberlain,
        # University of California, Berkeley, USA"); a name in capitals only as a field of a header that prints
        # another beside it ("1 | FEDERAL COMMUNICATIONS COMMISSION | STATE OF U.S. BROADBAND"): a line in
        # capitals alone is a heading as often
        if (text.lower() not in title and looks_like_organisation(text) and _body_word(text)
                and (not text.isupper() or text in beside)
                and not re.search(r"\d|[.:;?!]$", text) and not is_person(text.split(",")[0])
                and text.split()[0].lower() not in _NOT_A_NAME_START and " by " not in text
                and not re.search(r"(?<![\w-])[a-z]{4,}\b", text.replace(" with ", " ").replace(" from ", " "))):
            # (a body's name capitalises its words: "Government funding ↓ No effect" repeated down a table is none)
            word = text.split()[0]  # a line whose cell is ``text`` holds each of its words
            at = [k for k, line in enumerate(lines) if word in line and (_header_cell(line) == text or text in _header_cells(line))]
            if all(len(_COLUMN_GAPS.findall(lines[k].strip())) >= 2 for k in at):
                continue  # set in three columns or more each time: a table's head ("Rate of   Service   Declining …")
            if not _at_page_edges(lines, at):
                continue  # printed where pages neither start nor end: a table's or a list's entry, not a page's header
            if all(set_right(lines, k) for k in at):
                continue  # one of a letterhead's several senders set flush right (an alliance's members), not the issuer
            if at[-1] >= min(_AUTHOR_LIST_END, len(lines) // 2):
                # beyond the first page: several authors' affiliation stands only in the author list
                return Found(title_case(text), at[0] + 1)
    return None


_AUTHOR_LIST_END = 60  # lines: where a paper's author list with affiliations ends at the latest
_PAGE_EDGE = 3  # lines of text (blank lines aside) between a page break and a running header or footer


def _at_page_edges(lines: list[str], at: list[int]) -> bool:
    """Whether half the lines ``at`` at least stand within :data:`_PAGE_EDGE` lines of text of a page break
    (the form feed a PDF conversion keeps between pages), as a running header or footer does; True when the
    text marks fewer than two page breaks (nothing to tell by)."""
    breaks = lines_holding(lines, ("\f",))
    if len(breaks) < 2:
        return True

    def near(k: int) -> bool:
        for b in breaks:
            low, high = min(k, b), max(k, b)
            if high - low <= 40 and sum(1 for j in range(low + 1, high) if lines[j].strip()) < _PAGE_EDGE:
                return True
        return False

    return 2 * sum(1 for k in at if near(k)) >= len(at)
#: Words no body's name opens with: a figure's or a section's heading printed on several pages ("Among Industries").
_NOT_A_NAME_START = frozenset({"among", "across", "between", "by", "in", "for", "from", "under", "over", "with", "within",
                               "without", "about", "after", "before", "during", "through", "toward", "towards", "versus"})
#: A gap of three spaces or more between two words: columns set side by side.
_COLUMN_GAPS = re.compile(r"\S {3,}(?=\S)")
_WORDS = re.compile(r"[^\W\d_]+")


def _body_word(text: str) -> bool:
    """Whether ``text`` holds a word bodies are named with ("Office", "Institute", "Service"): a heading printed
    on several pages ("Explanation of Variables") has the "X of Y" shape of a body's name but none of its words."""
    return not ORG_WORDS.isdisjoint(w.lower() for w in _WORDS.findall(text))


def _header_cell(line: str) -> str:
    """The last cell of a running header "Short Title | Organisation" (the whole line when it has one)."""
    return _cell(line).split(" | ")[-1]


#: Between a running header's fields: a bar, or a gap of three spaces or more (a title set left and the body's
#: name set right: "Traffic Microbursts and their Effect on Internet Measurement        Measurement Lab").
_FIELD_SPLIT = re.compile(r" {3,}|\s\|\s")


_HEADER_WIDTH = 160  # characters: a running header's fields set apart by a gap fit on one page's width


@lru_cache(maxsize=8192)
def _header_cells(line: str) -> tuple[str, ...]:
    """The fields of a running header, page numbers aside ("1 | FEDERAL COMMUNICATIONS COMMISSION | STATE OF
    U.S. BROADBAND": the body and the short title); one field for a line with no bar and no wide gap."""
    text = line.strip()
    if "|" not in text and ("   " not in text or len(text) > _HEADER_WIDTH):
        return ()  # (a wide line set in columns is a table's row or two columns of text, not a header)
    return tuple(c for c in (_cell(part) for part in _FIELD_SPLIT.split(text)) if c and not c.isdecimal())
_MARKS = re.compile(r"^[#*_\s]+|[*_\s]+$")


def block_organisation(lines: list[str], title_end: int) -> Found[str] | None:
    """The organisation a report's cover prints alone under its title and date ("Federal Credit … /
    Updated April 15, 2026 / Congressional Research Service / https://crsreports.congress.gov"), when a
    page footer prints it again."""
    for i in range(title_end + 1, min(len(lines), title_end + 7)):
        text = _cell(lines[i])
        if (2 <= len(text.split()) <= 8 and looks_like_organisation(text) and not text.isupper()
                and not re.search(r"\d|[.:;?!]$", text) and not is_person(text)
                and not (i > 0 and is_person(_cell(lines[i - 1])))  # a writer's affiliation under their name
                and any(_cell(line) == text for line in lines[i + 1 :])):
            return Found(text, i + 1)
    return None


def dated_organisation(lines: list[str], start: int, stop: int) -> Found[str] | None:
    """The organisation a brief's imprint line names before its date, under the title and byline
    ("Mekong Futures Forum, 12 October 2021"): the body that issues it. A place ("Brussels, 3 March
    2021") or a series ("Working Paper 2024/03, June 2024") is no organisation."""
    for i in range(start, min(stop, len(lines))):
        m = LEAD_DATE.match(_cell(lines[i]))
        lead = m.group("lead").strip() if m else ""
        if lead and looks_like_organisation(lead) and not is_person(lead) and not re.search(r"\d", lead):
            return Found(lead, i + 1)
    return None


def _next_filled(lines: list[str], i: int, within: int) -> int | None:
    """The index of the first non-blank line after line ``i``, within ``within`` lines."""
    return next((k for k in range(i + 1, min(len(lines), i + 1 + within)) if lines[k].strip()), None)


#: A line that says what a body did to the paper rather than naming it: "Prepared by the Office of …"
#: (:func:`prepared_by` reads it), "By …", "Submitted to …", "Prepared for …" (a reader, not the issuer).
_ROLE_LEAD = re.compile(r"^(?:by|[a-z]+ed\s+(?:by|for|to))\b", re.I)


def issuing_body(lines: list[str], title_end: int) -> Found[str] | None:
    """The body a cover names alone between its title and its date ("Framework to Conduct 5G Testing" /
    "Federal Mobility Group" / "November 2020"): a paper a working group or office issues in its own
    name, with no writer. Only in that order: a report whose date comes first and its organisation
    after ("Updated April 15, 2026" / "Congressional Research Service") names its publisher there, and
    its writers elsewhere (:func:`block_organisation`)."""
    k = _next_filled(lines, title_end, 6)
    if k is None:
        return None
    text = _cell(lines[k])
    if (not 2 <= len(text.split()) <= 8 or not looks_like_organisation(text) or text.isupper()
            or re.search(r"\d|[.:;?!]$", text) or _ROLE_LEAD.match(text) or is_person(text)):
        return None
    d = _next_filled(lines, k, 6)
    return Found(text, k + 1) if d is not None and is_date_line(lines[d]) else None


#: A section's letter before its heading ("A. Project Management", "IV. Findings"): a heading, no body's name.
_SECTION_LETTER = re.compile(r"^(?:[A-Z]|[IVX]{1,4})\.\s")


def cover_organisation(lines: list[str], title: str) -> Found[str] | None:
    """The organisation a report's cover opens with ("United States Government Accountability Office"
    over the report's title), when the document prints it again (its back page)."""
    first = next(((i, _cell(l)) for i, l in enumerate(lines[:5]) if l.strip()), None)
    if first is None:
        return None
    i, text = first
    text = _MARKS.sub("", text)  # "# ENERGY STAR Program": a Markdown heading is the title, not a cover's organisation
    if (not 2 <= len(text.split()) <= 8 or text.lower() in title.lower() or not looks_like_organisation(text)
            or re.search(r"\d|[.:;?!]$", text) or is_person(text) or _SECTION_LETTER.match(text)):
        return None
    again = sum(1 for line in lines[i + 1 :] if text in line)
    return Found(text, i + 1) if again else None


#: A journal's running head on a paper's first line: "F1000Research 2016, 3:62 Last updated: …",
#: "Biodiversity Data Journal 8: e54333" (the journal, then volume and article number).
_JOURNAL_HEAD = re.compile(r"^(?P<journal>[A-Z][\w&' -]{2,60}?)\s+(?:(?:19|20)\d\d,\s*)?\d{1,4}\s*:\s*e?\d+"
                           r"(?:\s*$|\s{2,}|\s+(?i:last updated|doi))")


#: A journal's running head that opens with the paper's authors and gives the year in brackets (BMC,
#: Springer): "Howard et al. Systematic Reviews (2016) 5:87", "Torres Torres and Adams Systematic Reviews
#: (2017) 6:27".
_AUTHORS_JOURNAL_HEAD = re.compile(r"^(?P<lead>.+?)\s+\((?P<year>(?:19|20)\d\d)\)\s+\d{1,4}:\s?e?\d+\s*$")
#: The same head with the year unbracketed before the volume (BMC's older papers): "Agyeman-Duah et al. BMC Health
#: Services Research 2014, 14:1".
_ET_AL_JOURNAL_HEAD = re.compile(r"^(?P<lead>[^\W\d_][^,;:()]{0,60}? et al\.? [A-Z][\w&' -]{2,60}?) (?P<year>(?:19|20)\d\d), \d{1,4}:\s?e?\d+\s*$")
_HEAD_LINES = 80  # a paper's first page, where its running head or footer first stands


@dataclass(frozen=True)
class JournalHead:
    """The journal a running head names, and the year it gives when it gives one."""

    journal: Found[str]
    year: Found[str] | None
    authors: str = ""  # the authors as the head prints them, family names only ("Torres Torres and Adams")


def _after_authors(lead: str, families: tuple[str, ...]) -> str:
    """The journal part of a running head's lead: what follows "et al." or the last author's family name."""
    m = re.search(r"\bet al\.?\s+", lead)
    if m:
        return lead[m.end():]
    ends = [lead.rfind(family + " ") + len(family) + 1 for family in families if family and family + " " in lead]
    return lead[max(ends):] if ends else ""


_DOI_UNDER = re.compile(r"^\s*(?:https?://(?:dx\.)?doi\.org/|doi:\s?)10\.\d{4,9}/\S+\s*$", re.I)
#: A journal's name: a few capitalised words naming a journal's kind ("Journal of …", "… Review", "… Letters").
_JOURNAL_NAME = re.compile(r"^(?=.{6,80}$)(?:[A-Z][\w&'-]*|of|and|for|in|on|the|&)(?: (?:[A-Z][\w&'-]*|of|and|for|in|on|the|&)){0,9}$")
_JOURNAL_WORDS = re.compile(r"\b(?:Journal|Review|Letters|Proceedings|Annals|Transactions|Bulletin|Quarterly|Science|Research)\b")


def journal_head(lines: list[str], families: tuple[str, ...] = ()) -> JournalHead | None:
    """The journal named in a paper's running head: on its first non-blank line, or on a line of the
    first page that the page heads or footers repeat ("BMC Bioinformatics 2008, 9:205"); ``families``:
    the authors' family names, which a head may open with ("Torres Torres and Adams Systematic
    Reviews (2017) 6:27")."""
    cells = [(i, l) for i, l in enumerate(lines[:_HEAD_LINES]) if l.strip()]
    if not cells:
        return None
    if (len(cells) > 1 and _DOI_UNDER.match(cells[1][1]) and _JOURNAL_NAME.match(_cell(cells[0][1]))
            and _JOURNAL_WORDS.search(cells[0][1])):
        # "Journal of Nonverbal Behavior" / "https://doi.org/10.1007/s10919-024-00456-x": a Springer paper's first lines
        return JournalHead(Found(_cell(cells[0][1]), cells[0][0] + 1), None)
    counts: Counter[str] | None = None  # counted only when a line reads as a head (few documents)
    for n, (i, line) in enumerate(cells):
        if ":" not in line:
            continue  # both heads set a colon before the article's number
        text = _cell(line)
        head = _JOURNAL_HEAD.match(text)
        m = None if head else _AUTHORS_JOURNAL_HEAD.match(text) if "(" in text else _ET_AL_JOURNAL_HEAD.match(text)
        if not head and not m:
            continue
        if n:
            counts = counts or Counter(_cell(l) for l in lines)
            if counts[text] < 2:
                continue
        if head:
            return JournalHead(Found(head.group("journal").strip(), i + 1), None)
        journal = _after_authors(m.group("lead"), families).strip(" ,") if m else ""
        if journal and journal[0].isupper() and 1 <= len(journal.split()) <= 8:
            lead = m.group("lead")
            # (the unbracketed head's year is left to the first page's dates: "Received: 2 January 2014" dates it)
            year = Found(m.group("year"), i + 1) if m.re is _AUTHORS_JOURNAL_HEAD else None
            return JournalHead(Found(journal, i + 1), year, lead[: len(lead) - len(journal)].strip())
    return None


#: A journal's footer with its name, then the year in brackets and the article's number: "Scientific Reports |
#: (2024) 14:10413 | https://doi.org/…" (a plain conversion sets its parts on lines of their own).
_PIPED_FOOT = re.compile(r"^(?P<journal>[A-Z][\w&' -]{2,60}?)\s*\|\s*\((?P<year>(?:19|20)\d\d)\)\s+\d{1,4}:\s?e?\d+")
#: A journal's footer with its name, volume, article number and issue date: "Patterns 6, 101366, December 12, 2025".
_ISSUE_FOOT = re.compile(r"(?m)^(?P<journal>[A-Z][\w&' -]{2,60}?) \d{1,4}, \d{1,7}, (?P<date>[A-Z][a-z]{2,8}\.? \d{1,2}, (?:19|20)\d\d)\b")
_FOOT_PARTS = 3  # non-blank lines a footer's parts may stand on


def journal_footer(lines: list[str]) -> tuple[Found[str], Found[str]] | None:
    """The journal and the year (or issue date) a paper's running footer prints on two pages at least (one
    print of it may be a cited paper's): "Scientific Reports | (2024) 14:10413 | …", "Patterns 6, 101366,
    December 12, 2025"."""
    seen: dict[str, list[tuple[int, str]]] = {}
    for i in lines_holding(lines, ("|",)):
        if not lines[i].rstrip().endswith("|") and "(" not in lines[i]:
            continue
        parts = [lines[k].strip() for k in range(i, min(len(lines), i + 6)) if lines[k].strip()][:_FOOT_PARTS]
        m = _PIPED_FOOT.match(" ".join(" ".join(parts).split()))
        if m:
            seen.setdefault(m.group("journal").strip(), []).append((i, m.group("year")))
    text = "\n".join(lines)
    if text.count("\n") == len(lines) - 1:
        feet = list(_ISSUE_FOOT.finditer(text))
        for m, line_no in zip(feet, line_indices(text, [m.start() for m in feet])):
            date, _ = parse_date(m.group("date"))
            if date:
                seen.setdefault(m.group("journal").strip(), []).append((line_no, date))
    for journal, found in seen.items():
        if len(found) >= 2 and len({d for _, d in found}) == 1:
            return Found(journal, found[0][0] + 1), Found(found[0][1], found[0][0] + 1)
    return None


#: "This document was prepared by the Congressional Research Service (CRS)." (a report's disclaimer)
_PREPARED_BY = re.compile(
    r"\b(?i:(?:this|the|these)\s+(?:documents?|reports?|briefs?|papers?|publications?)\s+(?:was|were|is|are|has\s+been|have\s+been)\s+"
    r"(?:prepared|produced|published|issued|written)\s+by\s+(?:the\s+)?)"
    r"(?P<org>[A-Z][\w&'’-]*(?:\s+(?:of|for|and|on|the|[A-Z][\w&'’-]*))*)")


#: The verb and "by" every match of :data:`_PREPARED_BY` holds, in small letters (run on :func:`folded` text:
#: a plain pattern is several times faster there than a case-blind one on the text).
_PREPARED_VERB = re.compile(r"(?:prepared|produced|published|issued|written)\s+by\s")


_VERBS = ("prepared", "produced", "published", "issued", "written")
_BY_AFTER = re.compile(r"\s+by\s")


def _holds_verb_by(low: str) -> bool:
    """Whether :data:`_PREPARED_VERB` matches in ``low``: each place one of its verbs stands, found by
    ``str.find``, is asked whether "by" follows (the alternation is tried at every character otherwise)."""
    for verb in _VERBS:
        at = low.find(verb)
        while at >= 0:
            if _BY_AFTER.match(low, at + len(verb)):
                return True
            at = low.find(verb, at + 1)
    return False


def prepared_by(lines: list[str]) -> Found[str] | None:
    """The organisation a report says prepared it ("This document was prepared by the … Service")."""
    if not _holds_verb_by(folded("\n".join(lines))):
        return None  # no such sentence anywhere (one search of the whole text, not one a line)
    for i, line in enumerate(lines):
        m = _PREPARED_BY.search(line)
        if m:
            org = re.sub(r"\s+(?:of|for|and|on|the)$", "", m.group("org").strip())
            if looks_like_organisation(org):
                return Found(org, i + 1)
    return None


#: The head of a department or agency named under it on a report's cover ("*Penny Pritzker, Secretary*",
#: "Kent Rochford, Acting Under Secretary of Commerce for Standards and Technology and Director").
_OFFICIAL = re.compile(r"^[*_]*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3},(?:\s+(?:Jr|Sr)\.,|\s+I{2,3},)?\s+"
                       r"(?:Acting\s+|Deputy\s+)?(?:[A-Z]{2,6}\s+)?"
                       r"(?:Secretary|Under\s+Secretary|Director|Administrator|Commissioner)\b")
_COVER_LINES = 120
#: A word every match of :data:`_OFFICIAL` holds, folded.
_OFFICIAL_WORDS = ("secretary", "director", "administrator", "commissioner")


def cover_officials(lines: list[str]) -> Found[str] | None:
    """The agency a federal report's cover names with its head under it ("U.S. Department of Commerce" /
    "Penny Pritzker, Secretary" / "National Institute of Standards and Technology" / "Kent Rochford, …
    Director"): of such bodies, the last, the most particular one, which issues the report."""
    found = None
    for i in lines_holding(lines[:_COVER_LINES], _OFFICIAL_WORDS):
        if i < 1 or not _OFFICIAL.match(lines[i].strip()):
            continue
        # the body stands on the line over its head, a blank line or two between them on a spaced cover
        k = next((k for k in range(i - 1, max(-1, i - 4), -1) if lines[k].strip()), i - 1)
        above = _MARKS.sub("", _cell(lines[k]))
        if 2 <= len(above.split()) <= 10 and looks_like_organisation(above) and not re.search(r"\d|[.:;?!,]$", above):
            found = Found(above, k + 1)
    return found


#: A draft's placeholder for an address it does not have yet ("https://doi.org/10.6028/NIST.SP.XXX",
#: "10.xxxxxx/draft").
_PLACEHOLDER = re.compile(r"(?:^|[./=_-])(?:X{3,}|x{4,})(?:$|[./_-])")


_RETRIEVED_LINE = re.compile(r"^\s*Retrieved from\s*[\"“](?P<url>https?://[^\"”]+)[\"”]")


def own_url(lines: list[str], stop: int) -> Found[str] | None:
    """A page address alone on a title-block line, or the page a copy was retrieved from."""
    # a copy's "retrieved from": only the title block's lines holding "from" are searched
    retrieved = set(lines_holding(lines[:stop], ("from",)))
    for i in range(min(stop, len(lines))):
        m = _RETRIEVED.search(lines[i]) if i in retrieved else None
        if m:
            return Found(m.group("url").rstrip(".,\"”"), i + 1)
        m = _URL.match(lines[i].strip())
        if m and split_url(m.group("url")).path.strip("/") and not _PLACEHOLDER.search(m.group("url")):
            return Found(m.group("url"), i + 1)
    for i in lines_holding(lines, ("retrieved from",)):
        line = lines[i]
        m = _RETRIEVED_LINE.search(line) if "Retrieved from" in line else None
        if m:
            return Found(m.group("url"), i + 1)
    return None


def report_number(lines: list[str], stop: int) -> Found[str] | None:
    """"Report No. 12-3", or a code alone on a title-block line that the page footers repeat
    ("R44243", "GAO-06-1046")."""
    counts: Counter[str] | None = None  # counted only when a title-block line reads as a number
    for i in range(min(stop, len(lines))):
        s = _cell(lines[i])
        m = _REPORT_NO.match(s)
        if m:
            return Found(m.group("number"), i + 1)
        m = _NUMBER.match(s)
        if m and len(s) >= 5:
            counts = counts or Counter(_cell(line) for line in lines)
        # printed again elsewhere: alone, or in the page footers ("Page 3   GAO-06-1046 Grants Management")
        if m and len(s) >= 5 and (counts[s] >= 2 or sum(s in line for line in lines) >= 3):  # type: ignore[index]
            return Found(m.group("number"), i + 1)
    return None


#: A report's imprint: "U.S. Geological Survey, Reston, Virginia: 2017", "National Academies Press, Washington,
#: DC: 2019" (publisher, place, year, as the back of a title page prints them).
_IMPRINT = re.compile(r"^(?P<publisher>[A-Z][\w.&'’ -]{2,60}?),\s+(?P<place>[A-Z][\w.'’ -]{1,30}(?:,\s*[A-Z][\w.'’ -]{1,30})?)"
                      r":\s*(?P<year>(?:19|20)\d\d)\.?$")
#: The same with the place first, as European and international publishers print it: "Luxembourg: Publications
#: Office of the European Union, 2016", "Washington, DC: World Bank, 2019".
_IMPRINT_PLACE_FIRST = re.compile(
    r"^(?P<place>[A-Z][\w.'’ -]{1,30}(?:,\s*[A-Z][\w.'’ -]{1,30})?):\s+(?P<publisher>[A-Z][\w.&'’ -]{2,80}?),\s+"
    r"(?P<year>(?:19|20)\d\d)\.?$")
_IMPRINT_LINES = 120  # a report's title pages
#: Labels a figure's or table's note opens with ("Source: CRS from …, 2025"): no place.
_NOTE_LABELS = frozenset({"source", "sources", "note", "notes", "data", "figure", "table", "photo", "credit"})


def _place_first(text: str) -> re.Match[str] | None:
    """:data:`_IMPRINT_PLACE_FIRST` when its publisher holds a body's word and no figure, and its place is no
    note's label ("Source: CRS from various presidential documents as of April 23, 2025" is a figure's note)."""
    m = _IMPRINT_PLACE_FIRST.match(text)
    if not m or m.group("place").lower() in _NOTE_LABELS or re.search(r"\d", m.group("publisher")):
        return None
    return m if _body_word(m.group("publisher")) else None


@dataclass(frozen=True)
class Imprint:
    """Who published a report, where and when, from its imprint line."""

    publisher: Found[str]
    place: Found[str]
    year: Found[str]


def imprint(lines: list[str]) -> Imprint | None:
    """The imprint line on a report's title pages, when it names an organisation."""
    for i, line in enumerate(lines[:_IMPRINT_LINES]):
        if ":" not in line:
            continue  # an imprint sets its year after a colon
        text = " ".join(line.split())
        m = _IMPRINT.match(text) or _place_first(text)
        if m and looks_like_organisation(m.group("publisher")) and not is_person(m.group("publisher")):
            return Imprint(Found(m.group("publisher"), i + 1), Found(m.group("place"), i + 1), Found(m.group("year"), i + 1))
    return None


#: What a journal says of itself at a paper's end: "Journal of Open Research Software is a peer-reviewed open
#: access journal published by Ubiquity Press" (the sentence may wrap before the publisher).
_JOURNAL_STATEMENT = re.compile(r"^(?P<journal>[A-Z][\w&'’ -]{3,80}?) is an? (?:[\w-]+ ){0,5}journal published by\s+"
                                r"(?P<publisher>[A-Z][\w&'’.-]*(?: [A-Z][\w&'’.-]*){0,5})")


def journal_statement(lines: list[str]) -> tuple[Found[str], Found[str]] | None:
    """The journal and its publisher from the journal's statement about itself."""
    for i in lines_holding(lines, ("journal published by",)):
        line = lines[i]
        if "journal published by" not in line:
            continue
        text = " ".join(line.split())
        if text.endswith(" by") and i + 1 < len(lines):
            text = f"{text} {' '.join(lines[i + 1].split())}"
        m = _JOURNAL_STATEMENT.match(text)
        if m:
            return Found(m.group("journal"), i + 1), Found(m.group("publisher").rstrip("."), i + 1)
    return None


#: A share button's link: it carries the page's own address ("facebook.com/sharer/sharer.php?u=https://www.usa.gov/x",
#: "twitter.com/intent/tweet?…&text=https://…", "linkedin.com/shareArticle?url=…", "mailto:?subject=https://…").
_SHARE = re.compile(
    r"(?:facebook\.com/sharer(?:/sharer\.php)?|(?:twitter|x)\.com/(?:intent/tweet|share)|linkedin\.com/(?:shareArticle|sharing/share-offsite)"
    r"|reddit\.com/submit|mailto:)\?(?:[^\s()\"'<>]*?[?&])?(?:u|url|text|subject|body)=(?P<url>https?(?::|%3A)(?://|%2F%2F)[^\s&()\"'<>]+)",
    re.I)


def shared_url(lines: list[str]) -> Found[str] | None:
    """The page's own address as its share buttons pass it on, when two of them agree (one alone may
    share another page)."""
    seen: Counter[str] = Counter()
    first: dict[str, int] = {}
    for i in lines_holding(lines, ("=http", "%3a")):  # folded: a superset of the lines holding "=http" or "%3A"
        line = lines[i]
        if "=http" not in line and "%3A" not in line:
            continue
        for m in _SHARE.finditer(line):
            url = _unquote(m.group("url")).rstrip("/.,")
            seen[url] += 1
            first.setdefault(url, i + 1)
    url, n = seen.most_common(1)[0] if seen else ("", 0)
    return Found(url, first[url]) if n >= 2 else None


def _unquote(url: str) -> str:
    from urllib.parse import unquote

    return unquote(url)


#: A site's own host: a name and one top-level label ("usa.gov", "www.ebb.org"); a host with more labels
#: ("en.wikipedia.org", "crsreports.congress.gov") is a part of a larger body whose name the host does not give.
_SITE_HOST = re.compile(r"^(?:www\.)?(?P<host>[a-z0-9][a-z0-9-]{1,40}\.[a-z]{2,6})$")


def url_site(found: Found[str] | None) -> Found[str] | None:
    """The site named by the host of the document's own address ("https://www.usa.gov/x" → "usa.gov"),
    when the host is a name and a top-level domain alone."""
    if found is None:
        return None
    m = _SITE_HOST.match(split_url(found.value).netloc.lower().split(":")[0])
    return Found(m.group("host"), found.line) if m else None


def unit_and_parent(name: str) -> tuple[str, str] | None:
    """The unit and the body it belongs to, of an organisation printed "Innovation Committee, Chief
    Information Officers Council" (a committee, office or division, then its parent); None for any
    other name. The parent publishes; the unit wrote."""
    unit, sep, parent = name.partition(", ")
    if not sep or "," in parent or not (looks_like_organisation(unit) and looks_like_organisation(parent)):
        return None
    if len(unit.split()) > 6 or len(parent.split()) < 2:
        return None
    return unit.strip(), parent.strip()


_PLACE_LINE = re.compile(r"^[A-Z][A-Z .,'-]+,?\s+(?:[A-Z]\.?\s*){2,3}\.?\s*\d{5}(?:-\d{4})?$")  # "WASHINGTON, D.C. 20503"


def letterhead(lines: list[str]) -> Found[str] | None:
    """The office a memorandum's or letter's letterhead names: of the lines in capitals at the top
    ("EXECUTIVE OFFICE OF THE PRESIDENT" / "OFFICE OF MANAGEMENT AND BUDGET" / "WASHINGTON, D.C. 20503"),
    the last organisation before the place, the most particular one."""
    office = None
    for i, line in enumerate(lines[:12]):
        s = " ".join(line.split())
        if not s:
            if office:
                break
            continue
        if not (s.isupper() and len(s.split()) <= 10) or _PLACE_LINE.match(s):
            break
        if looks_like_organisation(s) and not re.search(r"\d", s):
            office = Found(_title_case(s), i + 1)
    return office or _split_letterhead(lines)


def _split_letterhead(lines: list[str]) -> Found[str] | None:
    """A letterhead set over two lines in ordinary case ("Department of" / "Veterans Affairs" beside a memorandum's
    heading): the first line's name runs on ("of", "and", "for") into the next."""
    filled = [(i, " ".join(line.split())) for i, line in enumerate(lines[:8]) if line.strip()]
    for (i, first), (_, second) in zip(filled, filled[1:]):
        if first.split()[-1].lower() in ("of", "and", "for") and 2 <= len(first.split()) <= 5 and len(second.split()) <= 5:
            name = f"{first} {second}"
            if looks_like_organisation(name) and not re.search(r"[\d:]", name):
                return Found(name, i + 1)
    return None


def _title_case(text: str) -> str:
    small = {"of", "and", "the", "for", "on", "in", "to", "at", "a", "an"}
    words = text.lower().split()
    return " ".join(w if k and w in small else w[:1].upper() + w[1:] for k, w in enumerate(words))

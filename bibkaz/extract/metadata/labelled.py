"""Labelled fields in the title block: "**Report:** GAO-26-108653 | **Published:** 2026-03-12 | **Source:** [Org](url)".

Converted reports and catalogue pages print their record as label/value pairs,
one per line or several on a line between "|" or "·". The label says what the
value is, so these are as explicit as front matter.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from bibkaz.extract.metadata.found import Found
from bibkaz.extract.metadata.people import is_person

_PART = re.compile(r"^[*_]*(?P<label>[A-Za-z][A-Za-z ()]{1,24}?)[*_]*\s*:\s*[*_]*\s*(?P<value>.+?)[*_]*$")
#: A Markdown table row "| **Authors:** | Pepper, Alexander H.; Schneider, Karl E." (a catalogue page's overview table).
_ROW = re.compile(r"^\|\s*[*_]*(?P<label>[A-Za-z][A-Za-z ()]{1,24}?)[*_]*\s*:?\s*[*_]*\s*\|\s*(?P<value>[^|]+?)\s*\|?\s*$")
_BARE_URL = re.compile(r"^<?https?://\S+>?$")
_LIST_MARK = re.compile(r"^[-•] ")
#: A path to a file ("vignettes/regioncode-vignette.Rmd"): no spaces, a folder and an extension.
_FILE_PATH = re.compile(r"[\w.-]+(?:/[\w.-]+)+\.\w{1,5}")
#: A name and nothing else: capitalised words, lower-case only where a name has function words
#: ("Office of Management and Budget", "U.S. Government Accountability Office").
_NAME_WORD = r"(?:[A-Z0-9][\w.&'’-]*|of|and|the|for|on|in|at|de|du|des|&),?"
_NAME_ONLY = re.compile(rf"^{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,11}}$")
_LINK = re.compile(r"\[(?P<text>[^\]]+)\]\((?P<url>[^)\s]+)\)")
LABELS = {
    "report": "number", "report no": "number", "report number": "number", "document number": "number",
    "published": "date", "publication date": "date", "date": "date", "date published": "date", "issued": "date",
    "date released": "date", "release date": "date", "date issued": "date", "issue date": "date",
    "source": "publisher", "publisher": "publisher", "published by": "publisher", "organisation": "publisher",
    "organization": "publisher", "institution": "publisher", "site": "container_title",
    "author": "authors", "authors": "authors", "by": "authors", "written by": "authors", "prepared by": "authors",
    "compiled by": "authors", "author(s)": "authors",
    "url": "url", "link": "url", "doi": "doi",
    # the last edition's date, a document's date only when nothing else dates it (find_own asks it last)
    "updated": "updated", "last updated": "updated", "revised": "updated", "last revised": "updated",
}


#: Another labelled field after a slash on the same line: "Prepared By: L. Petrov /Code: 61A" (the writer, then
#: their office's code).
_NEXT_FIELD = re.compile(r"(?<=\S)\s+/\s*(?=[A-Z][A-Za-z]{1,20}(?: [A-Za-z]{1,20})?:)")
_ROWS_FURTHER = 16  # lines: an overview table may stand below the title block, after a menu


#: Labels a page's byline sets alone on a line, its value on the next ("Authors" / "Max Roser" / "Published" / "Tue Mar
#: 05 2013": a site's byline block of headings and paragraphs): only the writers' and the date's, which the record's
#: readers test (names, a date) before taking them; a "Source" alone is a table's head as often.
_STACKED = {"author": "authors", "authors": "authors", "written by": "authors", "published": "date",
            "publication date": "date", "date published": "date"}
_STACKED_REACH = 2  # lines under the label (a blank line between them) where its value stands


def _stacked(lines: list[str], i: int) -> tuple[str, Found[str]] | None:
    """The field and value of a label set alone on line ``i`` with its value under it, or None."""
    text = lines[i].strip()
    if not text or len(text) > 20:
        return None
    name = _STACKED.get(text.strip("*_#: ").lower())
    if not name:
        return None
    k = next((k for k in range(i + 1, min(len(lines), i + 1 + _STACKED_REACH)) if lines[k].strip()), None)
    value = lines[k].strip().strip("*_ ") if k is not None else ""
    if not value or ":" in value[:25] or value.strip("*_#: ").lower() in _STACKED:
        return None  # another label, or a labelled pair of its own
    if lines[k + 1 : k + 2] and lines[k + 1].strip():  # type: ignore[operator]
        return None  # the value runs on (a name over its ORCID iD and affiliation: an author section's entry)
    if name == "authors" and is_person(value):
        # "Authors" / "Max Roser" / "Mohamed Nagdy": each writer a paragraph of its own, up to the next label
        for j in range(k + 1, min(len(lines), k + 1 + 4 * _STACKED_REACH)):  # type: ignore[operator]
            more = lines[j].strip()
            if not more:
                continue
            if not is_person(more) or lines[j + 1 : j + 2] and lines[j + 1].strip():
                break
            value = f"{value}, {more}"
    return name, Found(value, k + 1)  # type: ignore[operator]


def labelled_fields(lines: list[str], start: int, stop: int) -> dict[str, Found[str]]:
    """Field name → value and line, for labelled pairs in lines ``start``..``stop`` (indices); the rows of
    a labelled table ("| **Author:** | …") are read a little further down."""
    out: dict[str, Found[str]] = {}
    for i in range(start, min(stop + _ROWS_FURTHER, len(lines))):
        stacked = _stacked(lines, i)
        if stacked:
            out.setdefault(stacked[0], stacked[1])
            continue
        if ":" not in lines[i] and "|" not in lines[i]:
            continue  # a pair needs its colon, a table row its bars
        # pairs stand between "|" or "·", or in a column of their own ("Published: N/A" beside the text)
        row = _ROW.match(lines[i].strip())
        if i >= stop and not row:
            continue
        parts = ([f"{row.group('label')}: {row.group('value')}"] if row else
                 (p for cell in re.split(r"\s{3,}", lines[i].strip()) for p in re.split(r"\s+[|·]\s+", cell)))
        for part in parts:
            # "#### Publication date: …" set as a heading, "- Date: 2021-04-21" as a list's item (a decision record's head)
            m = _PART.match(_LIST_MARK.sub("", part.strip().lstrip("#").lstrip()))
            if not m:
                continue
            name = LABELS.get(m.group("label").strip().lower())
            if not name:
                continue
            value = _NEXT_FIELD.split(m.group("value"), 1)[0].strip()
            link = _LINK.search(value)
            if link:
                out.setdefault("url", Found(link.group("url"), i + 1)) if link.group("url").startswith("http") else None
                value = _LINK.sub(lambda l: l.group("text"), value)
            value = value.strip(" *_")
            if name == "publisher" and _BARE_URL.match(value):
                name = "url"  # "**Source:** https://www.congress.gov/…" gives the address, not who published it
                value = value.strip("<>")
            if name == "publisher" and _FILE_PATH.fullmatch(value):
                continue  # "Source: vignettes/intro.Rmd": the file a page was built from, not a publisher
            if name == "container_title" and (":" in value or len(value.split()) > 8):
                continue  # "site:example.gov filetype:csv OR …": a search's operators, not a site's name
            if name == "publisher" and not _NAME_ONLY.match(value):
                continue  # "Source: CRS using data from FWS budget justifications": a figure's note, not a publisher
            out.setdefault(name, Found(value, i + 1))
    return out


#: A memorandum's head: "MEMORANDUM FOR HEADS OF EXECUTIVE DEPARTMENTS AND AGENCIES", "MEMORANDUM", "MEMO TO: …".
_MEMO = re.compile(r"^(?:[A-Z][\w.-]*\s+){0,3}(?:MEMORANDUM|Memorandum|MEMO)\b")
#: Its labelled lines: "FROM:   Russell T. Vought", "SUBJECT:   Completing the Transition to IPv6", "subj:     Open
#: Data - Quarterly Data Asset Collection Requirements" (a department's memorandum form).
_MEMO_FIELD = re.compile(r"^\s*(?:#{1,6}\s*)?(?P<label>FROM|From|SUBJECT|Subject|SUBJ|Subj|subj|RE|Re)\s*:\s+(?P<value>\S.*)$")
_MEMO_TOP = 20  # lines: the head of a memorandum stands at the top of its first page
#: "SUBJECT:" in capitals: a memorandum's head even when its "MEMORANDUM FOR …" line is lost in conversion.
_MEMO_SUBJECT = re.compile(r"^\s*(?:#{1,6}\s*)?SUBJECT\s*:\s+\S")
#: A line break a converter left at a line's end ("… Officer<br/>").
_BREAK_TAG = re.compile(r"<br\s*/?>$", re.I)


def _without_break(text: str) -> str:
    """``text`` without a line break tag a converter left at its end ("… Officer<br/>") and the spaces around it."""
    return _BREAK_TAG.sub("", text.rstrip()).rstrip()


@dataclass(frozen=True)
class Memo:
    """What a memorandum's head states: its subject (the memo's title) and who it is from."""

    subject: Found[str] | None
    sender: Found[str] | None


#: Markdown emphasis and a Kramdown attribute list round a converted memorandum's label ("**Subject:**{: .from} …").
_LABEL_MARKUP = re.compile(r"\*\*|__|\{:[^{}]{0,60}\}")


def _plain_field(line: str) -> str:
    """A memorandum's labelled line without the Markdown and Kramdown marks a site's converter set round its label,
    and its character references decoded ("Open Data Policy&#8212;Managing …")."""
    if "*" not in line and "_" not in line and "{:" not in line and "&" not in line:
        return line
    return html.unescape(_LABEL_MARKUP.sub("", line))


def memo(lines: list[str], start: int = 0, addressed: bool = False) -> Memo | None:
    """The subject and sender of a memorandum (a "MEMORANDUM …" line, then "FROM:" and "SUBJECT:" lines in
    the first lines from index ``start``: a page's body under its metadata); None when the document does
    not open as a memorandum. A subject broken over two lines goes on at the same indent. A converted
    memorandum may set its labels as Markdown headings ("### FROM: …", "###SUBJECT: …"). ``addressed``: the page's
    metadata title names whom a memorandum is addressed to ("M-13-13 — Memorandum for the Heads of …"), so its
    "**Subject:**{: .from} …" line is read with the page's marks taken off."""
    top = lines[start : start + _MEMO_TOP]
    if not addressed and not any(_MEMO.match(line.strip()) or _MEMO_SUBJECT.match(line) for line in top):
        return None
    subject = sender = None
    for i, raw in enumerate(top, start):
        line = _plain_field(raw) if addressed else raw
        m = _MEMO_FIELD.match(line)
        if not m:
            continue
        value = " ".join(_without_break(m.group("value")).split())
        if m.group("label").lower() == "from":
            sender = sender or Found(value, i + 1)
            continue
        indent = line.index(m.group("value"))
        for nxt in lines[i + 1 : i + 3]:
            if not nxt.strip() or len(nxt) - len(nxt.lstrip()) != indent:
                break
            value = f"{value} {' '.join(nxt.split())}"
        subject = subject or Found(value, i + 1)
    return Memo(subject, sender) if subject else None


_MEMO_SENDERS = 3  # lines under "FROM:" that may name a co-signer
_DASHES = "-–—"


def _role_cut(text: str) -> int:
    """Where a sender's name ends and their office begins, or -1: the first ", " or dash with a space on
    one side at least ("Shaun Donovan- Director", "Tony Scott - United States Chief Information Officer",
    "Russell T. Vought, Director"; not the hyphen of "Emrey-Arras"). Found by scanning, not by a pattern
    whose spaces around the dash are tried at every space of the line."""
    cuts = [text.find(", ")] + [k for k, c in enumerate(text) if c in _DASHES and (
        k + 1 < len(text) and text[k + 1].isspace() or k > 0 and text[k - 1].isspace())]
    cuts = [k for k in cuts if k >= 0]
    return min(cuts) if cuts else -1


def memo_senders(lines: list[str], sender: Found[str]) -> list[Found[str]]:
    """Who a memorandum is from: the "FROM:" line's name without the office after it, and a co-signer the
    next line names in the same shape, no label ("### FROM: Tony Scott- United States Chief Information
    Officer" / "### Anne E. Rung- United States Chief Acquisition Officer"). Each is a name to test, with
    its line; the first is the sender's value itself when no office follows it."""
    cut = _role_cut(sender.value)
    if cut < 0:
        return [sender]
    out = [Found(sender.value[:cut].strip(), sender.line)]
    for k in range(sender.line, min(len(lines), sender.line + _MEMO_SENDERS)):
        text = " ".join(_without_break(lines[k].strip().lstrip("#")).split())
        if not text:
            continue
        cut = _role_cut(text)
        if _MEMO_FIELD.match(lines[k]) or cut < 0:
            break
        out.append(Found(text[:cut].strip(), k + 1))
    return out

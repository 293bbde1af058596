"""What the parsers take for a series or container and is not one.

Two shapes recur in policy and software references:

- A report's number standing alone. GAO and many agencies cite "Title,
  GAO-04-38 (Washington, D.C.: Mar. 10, 2004)" or "Title. GAO/GGD-96-118.
  Washington, D.C.: June 1996.": the bare number was labelled the series
  (collection-title) or, by the rules, the container, and then printed and
  compared as if the report were part of a publication named "GAO-04-38".
  Where a series name comes with the number ("CRS Report R41234", "Working
  Paper No. 2") it stays the series. A bare number goes to ``genre``, where CSL
  styles print a report's designation ("Title. GAO-04-38. Washington, D.C.,
  2004."); Record has no field of its own for report numbers.
- A version: "R package version 1.5.0", "Version 2016.06", "Version 3.9.8.0"
  name a release of a program, lesson or manual, not a journal it appeared in
  (the model, having seen "Version" where journals stand, called such works
  journal articles). It goes to ``note``, as R's own ``citation()`` writes it.
- A work and its publisher read as one container: Wikipedia's citations print
  "… "Title". BetaBeat. BetaBeat." and "… motherjones.com. motherjones.com.".
- A meeting named with what was presented there: "Poster presented at NSF SI2 PI Meeting"
  (the container is the meeting).
- A file's format: Wikipedia prints '"Title" (PDF). Publisher.' — "(PDF)" is no periodical
  (the rules read it as one, and a news type with it), and no part of a container after it.
"""

from __future__ import annotations

import re

from bibkaz.model import Record

#: "GAO-04-38", "GAO/GGD-96-118", "GAO-05-391T", "GAO-04-343SP", "HIR-24-02", "GAO-05- 539":
#: an agency's letters, then numbers joined by hyphens, nothing else.
BARE_NUMBER = re.compile(r"[A-Z]{2,8}(?:/[A-Z]{2,8})?-\s?\d{2,4}(?:-\s?\d{1,7})+[A-Z]{0,3}")
#: "Version", "Version 2016.06", "R package version 1.5.0", "v. 2.3" is not one (a volume).
VERSION = re.compile(r"(?:R\s+package\s+)?version\b[\s\d.,:-]*", re.I)
#: Types only the container made the work: without it the work is read from what is left.
_CONTAINER_TYPES = frozenset({"article-journal", "article-magazine", "article-newspaper", "chapter",
                              "paper-conference"})
_EDGE = " .,;:()"
#: Containers that are a word of the apparatus around a reference, never a publication's name.
_APPARATUS = frozenset({"also", "archived", "url", "available", "online", "retrieved", "accessed", "viewed", "from",
                        "cited", "via", "january", "february", "march", "april", "may", "june", "july",
                        "august", "september", "october", "november", "december", "pdf"})
#: A file-format mark before a container: Wikipedia's '"Title" (PDF). Smart Cities.'
_FORMAT_MARK = re.compile(r"^\s*[(\[](?:PDF|DOC|DOCX|PPT|XLS)[)\]][.,;:]?\s*", re.I)


#: The words before a meeting's name in "Paper presented at the Annual Meeting of …".
_PRESENTED = re.compile(r"(?:(?:poster|paper|talk|slides|remarks)\s+)?presented\s+at\s+(?:the\s+)?", re.I)


def is_bare_number(text: str) -> bool:
    """Whether ``text`` is a report number with no series name around it."""
    return BARE_NUMBER.fullmatch(text.strip(_EDGE)) is not None


def is_apparatus(text: str) -> bool:
    """Whether ``text`` is only a word of the apparatus around a reference ("Retrieved", "Cited",
    "(PDF)") or a file's name cut off its link, never a publication's name."""
    word = text.strip(_EDGE + "[]")
    return word.lower() in _APPARATUS or _FILE_NAME.fullmatch(word) is not None


#: A file's name left over from a link a line break cut ("20studies-20210331FinRed.pdf" of
#: "…/2019-04-Reidentification% 20studies-20210331FinRed.pdf"): a piece of the address, no site.
_FILE_NAME = re.compile(r"[\w%.-]{1,200}\.(?:pdf|html?|aspx?|php|docx?|xlsx?|csv|txt)", re.I)


def is_version(text: str) -> bool:
    """Whether ``text`` is a release's version and nothing else."""
    return VERSION.fullmatch(text.strip(_EDGE)) is not None


_SITE = re.compile(r"[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|io|info|co\.uk|org\.uk)", re.I)


def work_and_publisher(container: str) -> tuple[str, str]:
    """(work, publisher) of a container that names both ("BetaBeat. BetaBeat", "Hanna Levintova
    article on motherjones.com. motherjones.com"): the part after the last full stop is the
    publisher when it is a site's domain or repeats the work's words; else (container, "")."""
    work, dot, publisher = container.rstrip(". ").rpartition(". ")
    if not dot or not work or not publisher:
        return container, ""
    if _SITE.fullmatch(publisher) or publisher.lower() in work.lower():
        return work, publisher
    return container, ""


def tidy_container(record: Record) -> Record:
    """``record`` with a bare report number moved from its series or container to
    its genre, a container's publisher to the publisher, a version moved from its
    container to its note, and a container that is only a word of the apparatus dropped."""
    for name in ("collection_title", "container_title"):
        value = getattr(record, name)
        if value and is_bare_number(value):
            number = value.strip(_EDGE).replace(" ", "")
            changes: dict[str, str] = {name: "", "genre": f"{record.genre} {number}" if record.genre else number}
            if name == "container_title" and record.type in _CONTAINER_TYPES | {"webpage"}:
                changes["type"] = "report"  # a periodical or site named by a report number is a report
            return record.with_(**changes)
    if is_apparatus(record.container_title):
        return record.with_(container_title="")
    mark = _FORMAT_MARK.match(record.container_title)
    if mark:
        record = record.with_(container_title=record.container_title[mark.end():])
    presented = _PRESENTED.match(record.container_title)
    if presented and presented.end() < len(record.container_title):
        # "Poster presented at NSF SI2 PI Meeting": the meeting is the container
        return record.with_(container_title=record.container_title[presented.end():])
    if ". " in record.container_title:
        work, publisher = work_and_publisher(record.container_title)
        if publisher:
            return record.with_(container_title=work, publisher=record.publisher or publisher)
    if record.container_title and is_version(record.container_title):
        version = record.container_title.strip(_EDGE)
        changes = {"container_title": "", "note": f"{version}; {record.note}" if record.note else version}
        if record.type in _CONTAINER_TYPES:
            changes["type"] = "software" if "package" in version.lower() else ("webpage" if record.url else "document")
        return record.with_(**changes)
    return record

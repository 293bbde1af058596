"""A web page's date from its address, when the reference gives none.

Blogs and news sites file a post under its publication date: ".../2011/10/27/
author-response.html", ".../2018/01/shrinking-webassembly/", ".../archives/
2016-jul-oct.html". A link with nothing else to parse (a linked phrase in a blog
post, a bare URL in a note) names the work only by that address, so its date is
read from there. Not from an archive's capture stamp
("web.archive.org/web/20161107050933/…", the day the copy was made) nor from an
upload folder ("wp-content/uploads/2024/03/", the day a file was put up).
"""

from __future__ import annotations

import re

from bibkaz.model import Record

_ARCHIVE = re.compile(r"^(?:https?://)?web\.archive\.org/web/\d+[a-z_]*/", re.I)
_UPLOADS = re.compile(r"/(?:wp-content/)?uploads?/", re.I)
#: "/2011/10/27/", "/2018/01/", "/2013/02" at the end: year, month, perhaps day.
_YEAR_MONTH = re.compile(r"/((?:19|20)\d\d)/(0[1-9]|1[0-2])(?:/(0[1-9]|[12]\d|3[01]))?(?=/|$)")
#: "/archives/2016-jul-oct.html": a year and a month's name.
_YEAR_MONTH_NAME = re.compile(r"/((?:19|20)\d\d)-(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.I)


def date_from_url(url: str) -> str:
    """ISO date ("2011-10-27", "2018-01", "2016") from a dated address, else ""."""
    path = _ARCHIVE.sub("", url)
    if _UPLOADS.search(path):
        return ""
    path = path.split("?", 1)[0].split("#", 1)[0]
    m = _YEAR_MONTH.search(path)
    if m:
        return "-".join(p for p in m.groups() if p)
    m = _YEAR_MONTH_NAME.search(path)
    return m.group(1) if m else ""


#: Types read from the web, whose address can carry their date.
WEB_TYPES = frozenset({"webpage", "post", "post-weblog"})


def with_url_date(record: Record) -> Record:
    """``record`` dated from its address when it is a web page without a date."""
    if record.date or not record.url or record.type not in WEB_TYPES:
        return record
    date = date_from_url(record.url)
    return record.with_(date=date) if date else record

"""Readable stand-ins for an author in keys and labels, for works nobody signed.

A report without a person in its byline is the organisation's ("Congressional
Research Service"); a page known only by its address is the site's
("understandingwar.org") or, on platforms where the site says nothing, the
channel's ("t.me/rybar"). "anon" plus letters tells a reader nothing.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from bibkaz.model import Record

#: Hosts where the first path segment names the author (a channel, an account).
PLATFORMS = frozenset({
    "t.me", "telegram.me", "twitter.com", "x.com", "facebook.com", "instagram.com", "youtube.com",
    "vk.com", "medium.com", "tiktok.com", "threads.net", "github.com", "substack.com", "linkedin.com",
})
_SECOND_LEVEL = {"co", "ac", "gov", "org", "com", "net", "edu", "or", "ne", "go"}


def site_of(url: str) -> str:
    """"understandingwar.org", "t.me/rybar" (platform plus channel), "" when there is no host."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return ""
    host = (parts.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    if not host:
        return ""
    if host in PLATFORMS:
        segments = [s for s in parts.path.split("/") if s and s not in ("s", "c", "channel", "user", "in")]
        if segments:
            return f"{host}/{segments[0].lstrip('@')}"
    return host


def site_word(url: str) -> str:
    """The one word of a site that names it: "understandingwar", "rybar" (t.me/rybar), "bbc" (bbc.co.uk)."""
    site = site_of(url)
    if "/" in site:
        return site.split("/", 1)[1]
    labels = [label for label in site.split(".") if label]
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2:
        return labels[-3]
    return labels[-2] if len(labels) >= 2 else (labels[0] if labels else "")


def organisation(record: Record) -> str:
    """Who stands behind a work without named people: its publisher or the site it is on."""
    return record.publisher or record.container_title

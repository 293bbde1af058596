"""A URL's parts, whatever text a document hands over as a URL.

``urllib.parse.urlsplit`` raises ValueError on a host with an unpaired bracket
("http://[x.org/a"), which a converted or hostile document can contain; one
such link must not cost the document its extraction (a fuzzed document did).
"""

from __future__ import annotations

import re
from urllib.parse import SplitResult, urlsplit


def split_url(url: str) -> SplitResult:
    """``urlsplit(url)``; brackets that make it fail are read as escaped characters instead."""
    try:
        return urlsplit(url)
    except ValueError:
        return urlsplit(url.replace("[", "%5B").replace("]", "%5D"))


#: Social networks whose address of one path step names an account, not a post: "twitter.com/potus44",
#: "instagram.com/vp44", "facebook.com/potus44", "medium.com/@x", "linkedin.com/in/x" (two steps there).
_ACCOUNT_HOSTS = frozenset({"twitter.com", "x.com", "instagram.com", "facebook.com", "medium.com",
                            "threads.net", "tiktok.com", "flickr.com", "youtube.com", "mastodon.social"})
#: Networks whose accounts are only ever two steps deep: "linkedin.com/in/x", "bsky.app/profile/x".
_SECTIONED_HOSTS = frozenset({"linkedin.com", "bsky.app"})
_ACCOUNT_SECTIONS = frozenset({"in", "company", "user", "channel", "c", "photos", "people", "profile"})
#: Registries of people and organisations, whose pages of one step are a person's or an organisation's
#: record ("orcid.org/0000-0002-1825-0097", "ror.org/04wxnsj81"): a name's identifier, no work.
_IDENTITY_HOSTS = frozenset({"orcid.org", "ror.org", "isni.org", "viaf.org"})
#: First steps that are a network's own pages or a post, not an account.
_NOT_ACCOUNTS = frozenset({"watch", "status", "p", "posts", "events", "groups", "search", "hashtag", "share",
                           "sharer.php"})
#: Query keys that only say where a click came from ("?ref_src=twsrc%5Etfw" in an embedded tweet's links,
#: "?utm_source=…"): the page is the one without them.
_TRACKING = re.compile(r"^(?:ref_src|ref|src|s|t|utm_[a-z]+|fbclid|igshid|lang|hl|si)$")


def account_page(url: str) -> bool:
    """Whether ``url`` is a person's or an organisation's page on a social network ("follow us at
    twitter.com/x", with or without an embedded tweet's "?ref_src=…"), or its record in a registry of
    people and organisations (ORCID, ROR): an account is no work, where one of its posts
    ("…/x/status/123") is."""
    parts = split_url(url if "://" in url else "http://" + url)
    host = parts.netloc.lower().rsplit("@", 1)[-1].split(":")[0]
    host = host[4:] if host.startswith("www.") else host
    host = host[2:] if host.startswith("m.") else host
    steps = [s for s in parts.path.split("/") if s]
    sectioned = len(steps) == 2 and steps[0] in _ACCOUNT_SECTIONS
    if host in _SECTIONED_HOSTS:
        return sectioned
    if host in _IDENTITY_HOSTS:
        return len(steps) == 1
    if host not in _ACCOUNT_HOSTS:
        return False
    if not _only_tracking(parts.query):
        return False
    # youtube.com/channel/x, flickr.com/photos/x; or one step: twitter.com/x
    return sectioned or len(steps) == 1 and steps[0].lower() not in _NOT_ACCOUNTS


def _only_tracking(query: str) -> bool:
    """Whether a query is empty or only says where a click came from (an embedded tweet's "?ref_src=…")."""
    pairs = query.replace("&amp;", "&").split("&")
    return all(_TRACKING.match(pair.split("=", 1)[0].lower()) for pair in pairs if pair)

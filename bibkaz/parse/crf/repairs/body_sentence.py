"""A web citation with no author whose title run opens with the body's name: the author.

AMA and Vancouver cite a body's page as "Body. Title. Accessed date. URL": "The Community
Guide. Community Preventive Services Task Force findings. Accessed May 16, 2024. https://…",
"Penn State College of Agricultural Sciences. Why community engagement matters. Accessed …".
The model, which saw few bodies before a page's title, read both sentences as one title. Where
no token is an author, the title run is two sentences and an access note or a link follows it,
the first sentence is the author when it names a body: its words are a body's
(normalise/names) or, run together, the link's host ("Community Commons" and
www.communitycommons.org).

The same holds before a date, an imprint or a report's genre, not only a link (fifteenth session:
"International Energy Agency. World Energy Outlook 2004. Paris France: …"), and a body's bracketed
acronym may close its name.
"""

from __future__ import annotations

import re
from typing import Sequence

from bibkaz.parse.normalise.names import looks_like_organisation

#: Notes that say when a page was read or last changed ("Page last reviewed …", "Updated …").
_ACCESS = frozenset({"accessed", "retrieved", "cited", "viewed", "page", "last", "updated", "reviewed"})
_SMALL = frozenset({"of", "and", "the", "for", "on", "in", "&", "at"})
#: What follows the title run in "Body. Title. …": a link, a date, an imprint or a report's genre
#: ("International Energy Agency. World Energy Outlook 2004. Paris France: 101-103.", "National
#: Association of Hispanic Journalists. Manual de estilo. Knight Ridder: Ann Arbor, c.2003."). Not
#: a container: "Body. Title. Journal" is an article whose first sentence may well be its title.
_AFTER_TITLE = frozenset({"url", "date", "location", "publisher", "genre"})
#: A body's acronym in brackets closing its name: "(ACT-IAC).".
_ACRONYM_AFTER = re.compile(r"^\([A-Z][A-Za-z&/-]{1,12}\)\.$")
#: A body's name is short.
_MAX_WORDS = 24
_HOST = re.compile(r"^(?:https?://)?(?:www\.)?([^/\s]+)")


def repair(tokens: Sequence[str], labels: list[str]) -> list[str]:
    """The first of two sentences in an authorless web citation's title → author, when it names a body."""
    if not labels or labels[0] != "title" or "author" in labels:
        return labels
    end = 0
    while end < len(labels) and labels[end] == "title":
        end += 1
    if end >= len(labels) or not (labels[end] in _AFTER_TITLE or (labels[end] == "note" and tokens[end].lower() in _ACCESS)):
        return labels
    stop = next((k for k in range(min(end - 1, _MAX_WORDS)) if tokens[k].endswith(".")), -1)
    if stop < 1 or not tokens[stop + 1][:1].isupper():
        return labels
    name = list(tokens[:stop + 1])
    if _ACRONYM_AFTER.match(name[-1]):
        name = name[:-1]  # "American Council for Technology Industry Advisory Council (ACT-IAC)."
        name[-1] += "."
    if not all(w[:1].isupper() or w in _SMALL for w in name) or any(c.isdigit() or c in ":\"“”‘’'?!;()" for w in name for c in w):
        return labels
    if any(w.endswith(".") and len(w) <= 3 for w in name):
        return labels  # an initial ("J."): a person's name, not a body's
    words = " ".join(name).rstrip(".")
    if "," in words:
        # a body and its offices ("Centers for Disease Control and Prevention, National Center for …,
        # Division of Population Health"): each part a body's name
        if not all(looks_like_organisation(part.strip()) for part in words.split(",")):
            return labels
    elif not (looks_like_organisation(words) or _names_host(words, tokens, labels)):
        return labels
    out = list(labels)
    out[:stop + 1] = ["author"] * (stop + 1)
    return out


def _names_host(words: str, tokens: Sequence[str], labels: list[str]) -> bool:
    """Whether the words run together are in the host of the reference's link."""
    run = "".join(w for w in re.findall(r"[a-z0-9]+", words.lower()) if w != "the")
    for token, label in zip(tokens, labels):
        if label == "url":
            m = _HOST.match(token.lower())
            if m and len(run) >= 6 and run in m.group(1).replace("-", ""):
                return True
    return False

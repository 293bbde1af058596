"""What a reading list says after a linked title: who wrote it, where, and when.

Press pages and reading lists in Markdown cite a work as its linked title and a description after
a dash: "[Global Trends in Government Innovation 2023](https://…) - by OECD (May 2023)",
"[Creating new collaborative organisations …](https://…) - article by Richard Pope on DXW
website (February 2020)", "… - essay by Richard Pope on [Exploring Digital Public Goods](https://…)
(May 2021)". The description is free prose, but three of its parts have fixed forms: "by" and a
name opens the author, "on [Site](…)" names the site, and a bracketed month and year standing
alone is the date.

A name in brackets right after the link ("[Statutory Damages in Copyright Law …](…) (William & Mary
Law Review)", "(Cato Unbound)", "(Electronic Frontier Foundation)") says where the work appeared:
the site or journal, or the body that published it when it names a body (normalise/names).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bibkaz.model import Name
from bibkaz.parse.normalise.dates import MONTHS

_MONTH = "|".join(sorted((m for m in MONTHS if len(m) > 3 or m == "may"), key=len, reverse=True))
#: "(May 2023)", "(November 2019)", "(June 3, 2020)", "(2014)": a date in brackets of its own.
_DATE = re.compile(r"\(((?:(?:" + _MONTH + r")\.?(?: [0-3]?\d,?)? )?(?:19|20)\d\d)\)", re.I)
#: A description that is only a year ("[2013 Annual Report](…), 2013").
_YEAR_ALONE = re.compile(r"^(?:19|20)\d\d\.?$")
#: A description that is only a name, after a comma ("[Title](…), Brett Cannon", "…, European
#: Commission."): capitalised words, small ones between.
_NAME_ALONE = re.compile(r"^[A-Z][\w’'.-]+(?: (?:[A-Z][\w’'.-]+|of|and|for|the|&)){1,7}\.?$")
#: "by OECD", "by [Dimpact](https://…)", "article by Richard Pope on …", "a research project by Nneka
#: Sobers and Dr. Anthony Townsend, Urban Tech Hub …": a capitalised name up to the word or mark that
#: ends it, where the description opens by saying what the work is and who made it (not "a chat
#: with X, … by [Site](…)", where the "by" is the host's).
_BY = re.compile(
    r"^(?:[^,()\[\]]{1,60}, )?(?:[\w-]+ ){0,3}by (?:the )?(?:\[(?P<linked>[^\[\]]{2,80})\]\([^()\s]*\)|(?P<plain>[A-Z][\w.’'-]*(?: (?:[A-Z][\w.’'-]*|and|&|de|van|von|der|la|du|del)){0,7}))"
)
#: "on [Fortune.com](https://…)": the site the description names.
_ON_SITE = re.compile(r"\bon \[(?P<site>[^\[\]]{2,60})\]\([^()\s]*\)")


@dataclass(frozen=True)
class Description:
    """The author, site and date a link's description names ("" or () where it names none)."""

    authors: tuple[Name, ...] = ()
    site: str = ""
    date: str = ""


def described(after: str, listed: bool = False) -> Description:
    """The fixed-form parts of the description ``after`` a linked title; ``listed``: it follows a
    comma, as a list's parts do ("[Title](…), O’Reilly Media, by Jono Bacon (2012)"), so a year or a
    name standing alone there is the date or the author."""
    from bibkaz.parse.normalise.dates import parse_date
    from bibkaz.parse.normalise.names import parse_names

    if not after:
        return Description()
    dates = _DATE.findall(after)
    date = parse_date(dates[-1])[0] if dates else ""
    if listed and _YEAR_ALONE.match(after.strip()):
        return Description(date=after.strip().rstrip("."))
    if listed and _NAME_ALONE.match(after.strip()):
        return Description(authors=parse_names(after.strip()), date=date)
    by = _BY.search(after)
    authors: tuple[Name, ...] = ()
    if by:
        if by.group("linked"):  # a name linked to its site: a body's ("by [VNG Realisatie](…)")
            authors = (Name(literal=by.group("linked").strip()),)
        else:
            authors = parse_names(re.sub(r"\s+(?:and|&|de|van|von|der|la|du|del)$", "", by.group("plain").strip()))
    site = _ON_SITE.search(after)
    return Description(authors, site.group("site").strip() if site else "", date)


#: What a bracket after a link holds when it names no place: "(PDF)", "(in Danish)", "(on site version)".
_NOT_A_NAME = frozenset({"pdf", "html", "video", "audio", "archived", "link", "online", "free", "paywall"})
#: A name in brackets: capitalised words (a number may stand among them: "The 1709 Blog").
_BRACKET_NAME = re.compile(r"^(?:The |A )?[A-Z][\w’'.-]*(?: (?:[A-Z0-9][\w’'.-]*|of|and|for|the|on|&)){0,7}$")


def bracketed(inside: str) -> Description:
    """What a bracket right after a linked title says: a date ("(2013)", "(May 2021)"), a body
    that published the work (the author), or the site or journal it appeared in."""
    from bibkaz.parse.normalise.names import looks_like_organisation

    inside = inside.strip()
    date = described(f"({inside})").date
    if date:
        return Description(date=date)
    if not _BRACKET_NAME.match(inside) or _NOT_A_NAME.intersection(inside.lower().split()):
        return Description()
    from bibkaz.parse.crf.lexicon import lexicon

    if inside.lower() in lexicon("countries"):
        return Description()  # "(Finland)", "(Australia)": whose plan it is, not where it appeared
    if looks_like_organisation(inside):
        return Description(authors=(Name(literal=inside),))
    return Description(site=inside)

"""Who wrote the document, as the document says it.

Four places, most explicit first: front matter (``author:``/``authors:``), a
byline ("By A and B", "Written by", "Author: …"), the author block under the
title (names with affiliation marks, as journal PDFs set them) and an "Author
Information" / "About the authors" section (report back pages). Every part of
a name list must look like a person, or nothing is taken.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bibkaz.extract.metadata.fold import lines_holding
from bibkaz.extract.metadata.found import Found
from bibkaz.extract.metadata.front_matter import Entry
from bibkaz.extract.metadata.people import (
    NOT_A_NAME, TEAM, clean_marks, is_person, name_list, names_in_columns, names_position, person, person_with_position, without_brackets,
)
from bibkaz.model import Name
from bibkaz.parse.normalise.names import looks_like_organisation

Names = tuple[Name, ...]

BYLINE = re.compile(
    r"^(?:(?:written|posted|published|prepared|compiled|contributed|authored)\s+|"
    # "Policy brief by Linh Tran and …", "A commentary by …": the genre, then its writers
    r"(?:an?\s+)?(?:(?:policy|research|working|issue|discussion|white|briefing)\s+)?"
    r"(?:brief|paper|report|commentary|analysis|essay|article|post|note|memo|story|column|explainer|study)\s+)?"
    r"by[:\s]\s*(?P<names>[A-Z][^\d|]{2,320}?)"
    r"(?:\s+in\s+[A-Z][^\d|]{0,40}?(?=\s+on\s))?"  # "By Ann Lee in Policy on March 3, 2021": the post's category
    r"(?:\s*(?:\bon\b|\||·|•|—|–|,|\s-\s)\s*(?P<date>[^|]{0,80}?\d{4}.*))?\s*$",
    re.I,
)
#: The date first, then the writer: "Posted on March 3, 2021 by Jane Doe", "Tuesday 15 October 2019 by
#: Bradley M. Kuhn", "Published 2 May 2020 at 09:11 by Ann Lee.", "January 17, 2017 at 6:08 PM ET by Kori
#: Schulman" (blog engines' post lines; the hour may carry its time zone).
_DATED_BYLINE = re.compile(
    r"^(?:(?:posted|published|written|updated)\s+(?:on\s+)?)?(?P<date>[\w ,.]{3,40}?\d{4}|\d{4}-\d\d-\d\d)"
    r"(?:\s+at\s+\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s+(?:[A-Z]{1,2}[SD]?T|UTC|GMT))?)?,?\s+by\s+(?P<names>[A-Z][^\d|]{2,120}?)\.?$", re.I)
_LABELLED = re.compile(r"^(?:authors?|written by|posted by|by)\s*:\s*(?P<names>.+)$", re.I)
_SECTION = re.compile(r"^(?:author information|about the authors?|authors?|author contact information|contributors)\s*:?$", re.I)
_GUTTER = re.compile(r"^\s*\d{1,3}(?:\s{2,}|$)")  # line numbers of a draft in the left margin
_COLUMNS = re.compile(r"\s{3,}")
_HANDLE = re.compile(r"^[a-z][a-z0-9_.]{2,30}$")
#: One capitalised word as a front matter's writer ("author: Malte"), and the site roles that are no one's name.
_ONE_NAME = re.compile(r"^[A-Z][a-z\u00C0-\u024F'’-]{2,30}$")
_SITE_ROLES = frozenset({"admin", "administrator", "webmaster", "anonymous", "guest", "moderator", "user", "unknown"})
_SLUG = re.compile(r"^[a-z][a-z'\-]*-[a-z][a-z'\-]*$")
#: A given and a family name written together, each capitalised: "NaishaSinha", "Dun-MingHuang" (no third
#: capital: "McDonald" and "JohnMcDonald" are not split; a given part of four letters at least: "GitHub",
#: "YouTube" and "PayPal" are not split).
_JOINED = re.compile(r"^(?P<given>[A-Z][a-z]{3,}|[A-Z][a-z]+-[A-Z][a-z]+)(?P<family>[A-Z][a-z]{2,})$")
_ADDRESS = re.compile(r"\s*(?:\(\s*(?:https?://|mailto:|www\.)[^)]*\)|<[^>]*[@/][^>]*>)")
_BY = re.compile(r"^by\s+(?=[A-Z])", re.I)
_FRONT_KEYS = ("authors", "author", "author-meta", "citation_author", "dc.creator", "dcterms.creator", "creator",
               "article:author", "contributors")
# ("contributors: [Karel Berka , Erin Calhoun, …]": a documentation site's page lists its writers so, asked last)


def strip_gutter(line: str) -> str:
    """A line without draft line numbers in its margin, spaces collapsed. Only a line whose first
    character past its indent is a digit can have a margin number; the others skip the pattern."""
    if not line.lstrip()[:1].isdecimal():
        return " ".join(line.split())
    return " ".join(_GUTTER.sub("", line).split())


def _from_slug(slug: str, text: str) -> Name:
    """A name from a slug ("uchenna-moka-solana"), spelt as the document spells it when it does."""
    parts = slug.split("-")
    pattern = re.compile(r"\b" + r"[\s\-]+".join(re.escape(p) for p in parts) + r"\b", re.I)
    spelt = next((m.group(0) for m in pattern.finditer(text) if m.group(0)[:1].isupper()), "")
    name = person(spelt or " ".join(p.capitalize() for p in parts))
    if name.literal and not TEAM.match(name.literal) and not any(w.lower() in NOT_A_NAME for w in name.literal.split()):
        # a slug in an author list is a person's, even when the family name is a word organisations use
        # ("allison-press", "jane-bank"): the last word is the family, as the slug orders them
        words = name.literal.split()
        return Name(family=words[-1], given=" ".join(words[:-1]))
    return name


def front_matter_authors(entries: dict[str, Entry], lines: list[str]) -> Found[Names] | None:
    """``author:`` / ``authors:`` (slugs, "Given Family" or "Family, Given") from front matter."""
    entry = next((entries[k] for k in _FRONT_KEYS if k in entries), None)
    if entry is None:
        return None
    text = "\n".join(lines)
    names: list[Name] = []
    for value in entry.values:
        # "Bradley M. Kuhn (http://ebb.org/bkuhn/)", "Ann Lee <ann@example.org>": the name without its address
        # (a tag gives way to a space: "Luo</a> and <a href=…>Liu" keeps its "and" apart); a writer linked to
        # their page, as HTML or as the Markdown a reader made of it ("[Jin-Guo Liu](https://…)"), is the link's text
        if "](" in value:
            value = _MD_LINK.sub(lambda m: m.group("text"), value)
        value = " ".join(_ADDRESS.sub(" ", value).split()) or value
        # "Matt Bauman (JuliaHub)", "By A (Org), B (Org) and C (Org)": the writers without where they work,
        # nicknames or the byline's own word
        bare = _BY.sub("", without_brackets(value)).strip()
        if bare != value and (is_person(bare) or name_list(bare)):
            value = bare
        if _HANDLE.match(value):
            names.append(Name(literal=value))  # "jparcell": the site's user name is all the page states
        elif _ONE_NAME.match(value) and value.lower() not in NOT_A_NAME and value.lower() not in _SITE_ROLES:
            names.append(Name(literal=value))  # "author: Malte": the one name the post signs with
        elif _JOINED.match(value) and text.count(value) == 1:
            # "NaishaSinha", "Dun-MingHuang": a page's author name written without its space (Lektor's author
            # pages), the family name the second capitalised part; a brand so written ("GitHub", "DataCamp")
            # is named in the text as well, a writer's page name only in the author field
            names.append(person(_JOINED.sub(r"\g<given> \g<family>", value)))
        elif _SLUG.match(value):
            names.append(_from_slug(value, text))
        elif _person_with_role(value, text):
            # "Charlotte Pedersen, Content Design", "Stevie-Ray Talbot, Policy": the writer, then their team
            names.append(person(value.split(",", 1)[0]))
        elif _person_of_body(value):
            # "Michael Jackson (ed.), The Software Sustainability Institute": the writer, then where they work
            names.append(person(without_brackets(value.split(",", 1)[0])))
        elif _two_people(value):
            names.extend(person(part) for part in value.split(","))
        elif TEAM.match(value) or is_person(value) or re.match(r"^[^,]+,\s*[^,]+$", value):
            names.append(person(value) if "," not in value else _inverted(value))
        elif (found := name_list(value) or _with_roles(value)):
            names.extend(found)
        elif _ORGANISATION_AUTHOR.match(value) and looks_like_organisation(value):
            names.append(Name(literal=value))  # "author: CIO Council Operations": a body signs the post
    names = [n for n in names if n.family or n.literal]
    return Found(tuple(names), entry.line) if names else None


#: An organisation as a front matter's writer: capitalised words, no comma, a few words.
_ORGANISATION_AUTHOR = re.compile(r"^[A-Z][\w.&'’-]*(?:\s+(?:[A-Z0-9][\w.&'’-]*|of|and|for|the|on)){1,7}$")
#: Between writers who each carry a role: "…, Content Designer at 18F and Amy Ashida, …".
_ROLE_SPLIT = re.compile(r"\s+(?:and|&)\s+|;\s*")


def _with_roles(value: str) -> tuple[Name, ...]:
    """Writers each followed by their role: "Erin Strenio, Content Designer at 18F and Amy Ashida, UX
    Designer at 18F" (each part a person, a comma, then a role); () unless every part is one."""
    names = []
    for part in _ROLE_SPLIT.split(value):
        who, comma, role = part.partition(",")
        if not comma or not role.strip() or not is_person(who.strip()) or is_person(role.strip()):
            return ()
        names.append(person(who.strip()))
    return tuple(names)


def _person_of_body(value: str) -> bool:
    """"Michael Jackson (ed.), The Software Sustainability Institute": a person (a role in brackets aside),
    a comma, then an organisation that is no person's given names."""
    left, comma, right = value.partition(",")
    right = right.strip()
    return (bool(comma) and "," not in right and is_person(without_brackets(left).strip()) and not is_person(right)
            and looks_like_organisation(right))


def _person_with_role(value: str, text: str) -> bool:
    """"Charlotte Pedersen, Content Design": a person's whole name, a comma, then words the text writes in
    small letters too ("design", "policy"), so a team or a role and no given name (a name written family
    first, "Bellini Saibene, Yanina", has a given name no sentence writes in small letters)."""
    left, comma, right = value.partition(",")
    words = right.split()
    return (bool(comma) and len(left.split()) >= 2 and 0 < len(words) <= 3 and is_person(left.strip())
            and all(w[:1].isupper() and re.search(rf"\b{re.escape(w.lower())}\b", text) for w in words))


def _two_people(value: str) -> bool:
    """"Maria Xynou, Arturo Filastò": two names, each given then family, not one name family first."""
    left, comma, right = value.partition(",")
    return bool(comma) and "," not in right and len(left.split()) >= 2 and is_person(left) and is_person(right)


def _inverted(value: str) -> Name:
    family, _, given = value.partition(",")
    return Name(family=family.strip(), given=given.strip())


def byline(lines: list[str], start: int, stop: int) -> tuple[Found[Names], Found[str] | None] | None:
    """A byline between lines ``start`` and ``stop`` (indices), and the date it carries."""
    for i in range(start, min(stop, len(lines))):
        line = lines[i]
        if "](" not in line:
            # every byline holds "by", or "author" and a colon; reading a line as a byline only drops
            # margin numbers and spaces (a link's address aside), so the raw line tells
            low = line.lower()
            if "by" not in low and not (":" in line and "author" in low):
                continue
        s = _byline_text(line)
        m = BYLINE.match(s) or _LABELLED.match(s) or (" by " in s and _DATED_BYLINE.match(s))
        if not m:
            continue
        names = name_list(_uncapitalised(m.group("names").strip(" .,")))
        if not names and "(" in m.group("names"):
            names = name_list(without_brackets(m.group("names")).strip(" .,"))  # "By A (Org) and B (Org)"
        if not names and " with " in m.group("names"):
            # "By Jane Smith with Robert Jones", "By Jane Smith, with Ann Lee and Bo Chen": the lead writer, then others
            names = name_list(_WITH.sub(" and ", m.group("names").strip(" .,")))
        if not names:
            one = person_with_position(m.group("names").strip(" .,"))  # "By Jane Smith, Senior Fellow"
            names = (one,) if one else ()
        nxt = strip_gutter(lines[i + 1]).strip("*_ ") if i + 1 < len(lines) else ""
        if nxt and _BROKEN.search(s) and len(nxt.split()) <= 4:
            # "By …, Vic A. Kelson, and Randall J." / "Hunt": the byline breaks inside a name
            longer = BYLINE.match(f"{s} {nxt}")
            joined = name_list(longer.group("names").strip(" .,")) if longer else ()
            if joined and (not names or len(joined) >= len(names)):
                names = joined
        if names:
            date = m.groupdict().get("date")
            return Found(names, i + 1), (Found(date, i + 1) if date else None)
    return None


#: The words of a list of writers that stay in small letters when a byline set in capitals is read.
_SMALL_IN_NAMES = frozenset({"and", "van", "von", "der", "de", "del", "di", "da", "du", "la", "le"})


def _uncapitalised(text: str) -> str:
    """A list of writers set in capitals ("JANE SMITH AND ROBERT JONES", as report covers and magazines
    print bylines) written as names are ("Jane Smith and Robert Jones"), so the name tests can read it;
    any other text as it is."""
    if not any(c.isalpha() for c in text) or text != text.upper():
        return text
    return " ".join(w.lower() if w.lower() in _SMALL_IN_NAMES else w.title() for w in text.split())


#: A Markdown link: a converted page links each writer to their page ("By [Ann Lee](https://…/ann-lee/)").
_MD_LINK = re.compile(r"\[(?P<text>[^\]]{1,80})\]\((?:https?://|/)[^)\s]*\)")


def _byline_text(line: str) -> str:
    """A line as a byline reads it: no draft line numbers, heading or emphasis marks, links unwrapped."""
    s = strip_gutter(line)
    if "](" in s:
        s = _MD_LINK.sub(lambda m: m.group("text"), s)
    return s.strip("*_# ")


def organisation_byline(lines: list[str], start: int, stop: int, site: str) -> Found[Names] | None:
    """"By Wikimedia Foundation • 15 January 2020" under the title of a post on the Wikimedia Foundation's
    own site: the organisation that publishes the post signs it. Taken only when the byline names the
    site itself, since any other organisation in a "By …" line may be a sponsor or a source."""
    want = " ".join(site.lower().split())
    for i in range(start, min(stop, len(lines))):
        m = BYLINE.match(_byline_text(lines[i]))
        if m and " ".join(m.group("names").strip(" .,").lower().split()) == want:
            return Found((Name(literal=site),), i + 1)
    return None


#: A byline line that stops inside a name or a list: after an initial ("Randall J."), "and" or a comma.
_BROKEN = re.compile(r"(?:\b[A-Z]\.|,|\band|&)\s*$")


def author_block(lines: list[str], title_end: int) -> Found[Names] | None:
    """The names line just under the title ("Jack Cushman1 , Matthew Dahl2 , and Michael Lissner3")."""
    seen = 0
    for i in range(title_end + 1, min(len(lines), title_end + 8)):
        s = strip_gutter(lines[i])
        if not s:
            continue
        seen += 1
        if numbered_heading(lines, i):
            return None  # "1    General Structure": the body's first section, not a writer under a margin number
        set_apart = names_in_columns(lines[i])
        if set_apart:
            return Found(set_apart, i + 1)
        s = _COLUMNS.sub(" ", s)
        nxt = _COLUMNS.sub(" ", strip_gutter(lines[i + 1])) if i + 1 < len(lines) else ""
        dotted = next((lines[k].strip() for k in range(i + 1, min(len(lines), i + 3)) if lines[k].strip()), "")
        if dotted.startswith("·") and "·" not in s:
            # "Mircea Zloteanu1" / "· Matti Vuorre2": a journal sets its writers apart with middle dots, one a line
            nxt = _DOT_APART.sub(", ", dotted).strip(" ,")
            s = f"{s.rstrip(' ,')},"
        # "Chun-Kai (Karl) Huang1, Cameron Neylon1,2, …": a nickname in brackets is no part of the list
        names = name_list(s) or (name_list(without_brackets(s)) if "(" in s else ())
        if names and "(" in s and not name_list(s):
            s, nxt = without_brackets(s), without_brackets(nxt)
        if not names and "," in s and s.isupper():
            # "ROBERT ASHMEAD, DANIEL KIFER, …, AND WILLIAM SEXTON": a paper's authors set in capitals (two at least,
            # so a heading in capitals is not read as one name); the list may run on in capitals too
            s = _uncapitalised(s)
            nxt = _uncapitalised(_first_cell(lines[i + 1])) if i + 1 < len(lines) else ""
            names = name_list(s)
        acm = _capitals_with_affiliations(lines, i)
        if acm:
            return Found(acm, i + 1)
        if not names and s.isupper() and 2 <= len(s.split()) <= 4 and _affiliation_under(lines, i):
            # "DANIEL DE KADT" / "London School of Economics, United Kingdom": a journal sets its writer in capitals
            one = _uncapitalised(s)
            names = (person(one),) if is_person(one) else ()
        stacked = (_stacked(lines, i + 1) or _among_affiliations(lines, i + 1)) if len(names) == 1 and is_person(s) else ()
        if stacked:
            return Found(names + stacked, i + 1)
        with_roles = _people_with_roles(lines, i) if len(names) == 1 else ()
        if with_roles:
            return Found(with_roles, i + 1)
        # the list may break over two lines: "…, Kyle E. Niemeyer3,* and" / "FORCE11 Software Citation
        # Working Group", or "…, Natacha Couto" / "GHRU2 Project Contributors4 , and David M Aanensen"
        joined = f"{s} {nxt}" if re.search(r"(?:\band|&)\s*$", s) else f"{s.rstrip(' ,')}, {nxt}"
        if nxt and (_OPEN_END.search(s) or names) and (both := name_list(joined)):
            if len(both) > len(names):
                return Found(_runs_on(lines, i + 1, nxt, joined, both), i + 1)
        if names and not (len(names) == 1 and printed_again(lines, i, s)):
            return Found(names, i + 1)
        affiliated = _affiliated(lines, i)
        if affiliated:
            return Found(affiliated, i + 1)
        wrapped = _wrapped_list(lines, i) if "," in s else ()
        if wrapped:
            return Found(wrapped, i + 1)
        if seen >= 2:
            return _stacked_under(lines, title_end)
    return None


#: A section's number before its heading: "1    General Structure", "2.1 Data".
_SECTION_NUMBER = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})*\.?\s+[A-Z]")


_UNDER_FRONT = 8  # lines after a front matter within which a writers' line opens the text


def names_under_front_matter(lines: list[str], body: int) -> Found[Names] | None:
    """Writers named as the text's first lines after a front matter that names none ("## Analytical Note 25/10"
    / "### Tim Hughes and Sarah Crichton" in an R Markdown source): a line of two names or more (one name alone
    may be a heading's words: "# Core Methodological Approaches"); running text ends the search."""
    for i in range(body, min(len(lines), body + _UNDER_FRONT)):
        raw = lines[i].strip()
        if not raw:
            continue
        if len(raw.split()) > 12:
            return None  # running text: the writers would stand above it
        s = raw.lstrip("#").strip().strip("*_").strip()
        names = name_list(s)
        if len(names) >= 2:
            return Found(names, i + 1)
    return None


def numbered_heading(lines: list[str], i: int) -> bool:
    """Whether line ``i`` opens with a number that no line beside it has: a section's number ("1    General
    Structure"), not a draft's margin numbering (which numbers every line)."""
    if not _SECTION_NUMBER.match(lines[i]):
        return False
    beside = [lines[k] for k in (i - 1, i + 1) if 0 <= k < len(lines) and lines[k].strip()]
    return not any(line.lstrip()[:1].isdecimal() for line in beside)


#: A speech's title naming its speaker: "Remarks by National Economic Advisor Lael Brainard on Place-Based Growth",
#: "Statement of Jane Doe before the Committee", or the speaker first: "Brian Deese Remarks on President Biden's …".
#: (A title's spaces are single: one space each, so no run of spaces is tried at every length.)
_SPEAKER_AFTER = re.compile(
    r"^(?:(?:prepared|opening|closing|keynote)\s)?(?:remarks|statement|testimony|speech|address)\s(?:by|of|from)\s"
    r"(?P<who>[^:;]{3,90}?)(?=\s(?:on|at|to|before|for|regarding|about|in|during)\s|\s?[:;,–—-]|$)", re.I)
_SPEAKER_FIRST = re.compile(r"^(?P<who>[A-Z][^:;,]{3,60}?)\s(?:Delivers\s)?(?:Remarks|Statement|Testimony)\s(?:on|at|to|before)\s")


def speaker_in_title(title: str, line: int) -> Found[Names] | None:
    """The speaker a speech's title names (a White House page's remarks name no writer elsewhere): the person
    at the end of "Remarks by <office> <person>", or a person opening "<person> Remarks on …"."""
    m = _SPEAKER_AFTER.match(title) or _SPEAKER_FIRST.match(title)
    if not m:
        return None
    words = m.group("who").split()
    # the office before the name ("National Economic Advisor Lael Brainard", "Chair Jerome H. Powell"): the words
    # after the office's last word, else the last two
    last_office = max((k for k, w in enumerate(words) if names_position(w)), default=-1)
    for who in (" ".join(words[last_office + 1 :]), " ".join(words[-2:])):
        if is_person(who):
            return Found((person(who),), line)
    return None


_OVER_TITLE = 3  # lines above a title within which its writers' names may stand


def authors_over_title(lines: list[str], title_start: int) -> Found[Names] | None:
    """The writers' names set right over the title, as some journals set them (a De Gruyter article:
    "Zachary Cooper*, Bertin Martens, Christian Peukert and" / "Volker Stocker" / the title): the lines
    just above it, blank lines aside, the first line left open by "and" or a comma when the list breaks.
    Two names at least, so a lone name over a title (a running header's, a column's) is not taken."""
    above = [k for k in range(title_start - 1, max(-1, title_start - 1 - _OVER_TITLE), -1) if lines[k].strip()][:2]
    if not above or above[0] != title_start - 1:
        return None  # the names stand right on the title
    last = _COLUMNS.sub(" ", strip_gutter(lines[above[0]]))
    names = name_list(last)
    if len(above) == 2:
        first = _COLUMNS.sub(" ", strip_gutter(lines[above[1]]))
        if _OPEN_END.search(first):
            joined = name_list(f"{first} {last}" if re.search(r"(?:\band|&)\s*$", first) else f"{first.rstrip(' ,')}, {last}")
            if len(joined) > len(names):
                return Found(joined, above[1] + 1)
    return Found(names, above[0] + 1) if len(names) >= 2 else None


def printed_again(lines: list[str], j: int, text: str) -> bool:
    """Whether ``text`` (line ``j``, spaces collapsed) is the document's first line, printed again: a cover's
    title repeated over the next page ("Measuring Broadband America" under the units that issue it) has a
    name's shape but is no writer's line (a writer's name printed on the cover and again on the title page
    stands under the title, not over it)."""
    first = next((k for k, line in enumerate(lines) if line.strip()), None)
    return first is not None and first != j and " ".join(lines[first].split()) == text


_STACK_REACH = 12  # lines under the title: a subtitle may stand between it and the writers


#: Marks after a writer's name that point at an affiliation ("Emily Wenger∗", "John Abowd†", "Ann Lee1,2").
_MARK_CHARACTERS = " ∗*†‡§¶,"
_MARK_NUMBERS = re.compile(r"\d{1,2}(?:,\d{1,2})*$")


def _without_marks(s: str) -> str:
    """A writer's name without the marks after it (the numbers looked for in the line's last characters only:
    the pattern is tried from every position of what it is given)."""
    s = s.rstrip(_MARK_CHARACTERS)
    return (s[:-12] + _MARK_NUMBERS.sub("", s[-12:])).rstrip(_MARK_CHARACTERS)
#: Where a paper's first page leaves its writers for its text.
_TEXT_OPENS = re.compile(r"^(?:abstract|summary|introduction|keywords?|ccs concepts|\d\.?\s+introduction)\b", re.I)
#: A cover's date alone on its line ("January 2014", "March 3, 2021", "3 March 2021").
_DATE_ALONE = re.compile(r"^(?:[A-Z][a-z]{2,8}\.?\s(?:\d{1,2},\s)?(?:19|20)\d\d|\d{1,2}\s[A-Z][a-z]{2,8}\s(?:19|20)\d\d)$")
_GRID_REACH = 45  # lines of a title page's writers, their affiliations and addresses


def _among_affiliations(lines: list[str], start: int) -> tuple[Name, ...]:
    """The further writers of a paper whose first page sets each writer alone on a line, apart, with their
    department, university and town under them ("Taein Kim" / blank / "Karstan Bock" / blank / "Claire Luo" /
    "Department of Electrical and" / "Computer Engineering" / "Duke University" / "Durham, NC, USA" / … /
    "Emily Wenger∗": a conference template's grid of authors read column by column): every line that is a
    person alone up to the abstract; any line of running text, or a reach of lines without one, ends it first,
    and then nothing is taken (the names may be anything else's)."""
    more: list[Name] = []
    last = start - 1
    for j in range(start, min(len(lines), start + _GRID_REACH)):
        s = _COLUMNS.sub(" ", strip_gutter(lines[j])).strip()
        if not s:
            continue
        if _TEXT_OPENS.match(s) or _DATE_ALONE.match(s):
            return tuple(more)  # the abstract, or the cover's date under its writers
        bare = _without_marks(s)
        before = _without_marks(lines[j - 1].strip())
        # a name is set apart: a blank line, a mark or another name over it ("Department of Electrical and" /
        # "Computer Engineering" is an affiliation run on)
        several = name_list(bare) if bare and " and " in bare and (not before or j - 1 == last) else ()
        if bare and is_person(bare) and not _AFFILIATION.search(bare) and (not before or j - 1 == last):
            more.append(person(bare))
            last = j
        elif len(several) >= 2 and not _AFFILIATION.search(bare):
            more.extend(several)  # "Jonathan S. Litt and Ten-Huei Guo" under their own affiliation
            last = j
        elif len(s.split()) > 8 or s.endswith((".", ":")) or j - last > 24:
            return ()
    return ()


#: An ACM journal's writer line: the name in capitals, a comma, where they work ("NICK BALLOU, Oxford Internet
#: Institute, University of Oxford, Oxford, United Kingdom"); two writers of one place joined by "and".
_CAPITALS_AFFILIATED = re.compile(r"^(?P<names>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){1,4}(?: and [A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){1,4})?), "
                                  r"(?P<place>[A-Z][a-z].*)$")


def _capitals_with_affiliations(lines: list[str], start: int) -> tuple[Name, ...]:
    """The writers an ACM journal sets one a line under the title, each name in capitals before its affiliation
    ("MATTI VUORRE, School of Social and Behavioral Sciences, Tilburg University, …" / "and Oxford Internet
    Institute, …" / "NICK BALLOU, Oxford Internet Institute, …"): every such line up to the first of another
    shape (a line opening with "and" goes on with the affiliation above)."""
    out: list[Name] = []
    for j in range(start, min(len(lines), start + 20)):
        s = " ".join(lines[j].split())
        if not s:
            continue
        if out and s.startswith("and "):
            continue
        m = _CAPITALS_AFFILIATED.match(s)
        named = [_uncapitalised(n) for n in m.group("names").split(" and ")] if m else []
        if not named or not all(is_person(n) for n in named):
            break
        out.extend(person(n) for n in named)
    return tuple(out)


def _affiliation_under(lines: list[str], i: int) -> bool:
    """Whether the next line with text under line ``i`` is an affiliation ("London School of Economics, United
    Kingdom", "Department of …, University of …")."""
    nxt = next((lines[k].strip() for k in range(i + 1, min(len(lines), i + 3)) if lines[k].strip()), "")
    return bool(nxt) and len(nxt.split()) <= 14 and bool(_AFFILIATION.search(nxt) or re.search(r"\b(?:School|Universit[yé])\b", nxt))


def _stacked_under(lines: list[str], title_end: int) -> Found[Names] | None:
    """Writers stacked one a line under a title and its subtitle ("BIOS Protection Guidelines" /
    "Recommendations of the National" / "Institute of Standards and Technology" / blank / "David Cooper" /
    "William Polk" / …, a report cover): two people alone on lines one under the other, the first after a
    blank line, before any line of running text."""
    for i in range(title_end + 2, min(len(lines) - 1, title_end + 1 + _STACK_REACH)):
        s = _COLUMNS.sub(" ", strip_gutter(lines[i]))
        if len(s.split()) >= 10:
            return None
        if not lines[i - 1].strip() and is_person(s):
            stacked = _stacked(lines, i + 1)
            if stacked:
                return Found((person(s),) + stacked, i + 1)
    return None


#: Between a writer and where they work on one line: "Jane Smith, Urban Institute", "Ann Lee | RAND".
_AFFILIATION_MARK = re.compile(r", ?| [|–—] ")


def _affiliated(lines: list[str], start: int) -> tuple[Name, ...]:
    """Writers set one a line under the title, each with the body they work for ("Jane Smith, Urban
    Institute" / "Robert Jones, Brookings Institution", as policy briefs and working papers print them):
    the people, in order, from line ``start`` to the first line of another shape. () unless the first line
    is one: a person, then a body that is no person."""
    names: list[Name] = []
    for j in range(start, min(len(lines), start + 12)):
        parts = _AFFILIATION_MARK.split(strip_gutter(lines[j]), maxsplit=1)  # spaces collapsed
        if len(parts) != 2 or _BY.match(parts[0]) or not is_person(parts[0]) or is_person(parts[1]) or name_list(parts[1]):
            break  # ("By Jane Smith, Senior Fellow" is a byline: :func:`byline` reads it)
        if not _role_or_body(parts[1]):
            break
        names.append(person(parts[0]))
    return tuple(names)


def _role_or_body(text: str) -> bool:
    """Whether ``text`` names a position or a body a writer works for ("Senior Fellow", "Urban Institute",
    "Director, Brookings Institution"): a word no name holds, or an organisation."""
    return names_position(text) or looks_like_organisation(text) or bool(_AFFILIATION.search(text))


def _people_with_roles(lines: list[str], start: int) -> tuple[Name, ...]:
    """Writers each set over their position or body, as a report's cover stacks them ("Jane Smith" /
    "Senior Fellow, Urban Institute" / blank / "Robert Jones" / "Director, Brookings Institution"): a person
    alone on a line, one or two lines of position under it, blank lines between the writers. () unless two
    writers at least stand so."""
    names: list[Name] = []
    j = start
    while j < len(lines) and j < start + 16:
        s = _COLUMNS.sub(" ", strip_gutter(lines[j]))
        if not s:
            j += 1
            continue
        if not is_person(s) or name_list(s) != (person(s),):
            break
        roles = 0
        k = j + 1
        while k < len(lines) and roles < 2:
            r = _COLUMNS.sub(" ", strip_gutter(lines[k]))
            if not r or is_person(r) or not _role_or_body(r):
                break
            roles, k = roles + 1, k + 1
        if not roles:
            break
        names.append(person(s))
        j = k
    return tuple(names) if len(names) >= 2 else ()


_WITH = re.compile(r",? with (?:contributions from )?")
def _first_cell(line: str) -> str:
    """A line's text up to a column gap ("GIAN LUIGI MAZZI, FOTIS PAPAILIAS          2016 edition": the names,
    not the edition set beside them), margin line numbers aside."""
    return _COLUMNS.split(_GUTTER.sub("", line).strip(), maxsplit=1)[0]


#: Marks after a line's last comma ("Michael B. Hawes‡,*": the corresponding author's star).
_TRAILING_MARKS = "*†‡§¶‖⋄△▽×◊♦"


def _runs_on(lines: list[str], last: int, last_text: str, joined: str, names: Names) -> Names:
    """The names of an author list that goes on past its second line (line ``last``, ``last_text``): each
    further line that the list's last line leaves open (a comma, "and") and that keeps every part a name
    adds its names ("John M. Abowd†,†† , …, David Darais△ ," / "Sourya Dey△ , …" / "Daniel Kifer‡ , …" /
    "4   Rolando A. Rodríguez‡ , …", a margin line number aside)."""
    k = last
    while _OPEN_END.search(last_text.rstrip(_TRAILING_MARKS)) and k + 1 < len(lines) and k - last < _WRAP_REACH:
        more, longer, nxt = (), "", ""
        # the whole line, its spaces collapsed (names set apart by wide gaps), else its first column only
        for text in dict.fromkeys((_COLUMNS.sub(" ", strip_gutter(lines[k + 1])), _first_cell(lines[k + 1]))):
            nxt = _uncapitalised(text)
            longer = f"{joined} {nxt}" if re.search(r"(?:\band|&)\s*$", joined) else f"{joined.rstrip(' ,')}, {nxt}"
            more = name_list(longer) if nxt else ()
            if len(more) > len(names):
                break
        if len(more) <= len(names):
            break
        joined, names, last_text, k = longer, more, nxt, k + 1
    return names


_WRAP_REACH = 4  # lines a journal's author list may run over


def _wrapped_list(lines: list[str], start: int) -> tuple[Name, ...]:
    """A list of writers that runs over several lines and breaks inside names, as a journal's first page sets
    a long one ("Mike Du 1 , Núria Mercadé-Besora 1 , …, Xihang" / "Chen 1 , …, and Martí" / "Català 1¶"):
    the lines up to a blank line or the first affiliation are joined, so a name broken at the line's end is
    whole again (the reader has mended words hyphenated there). () unless every part of the whole is a
    person and there are three or more."""
    text = " ".join(lines[start].split())
    for j in range(start + 1, min(len(lines), start + _WRAP_REACH)):
        nxt = " ".join(lines[j].split())
        if not nxt or _AUTHORS_END.match(nxt) or not nxt[:1].isupper():
            break
        text = f"{text} {nxt}"
    else:
        return ()
    names = name_list(text) if text != " ".join(lines[start].split()) else ()
    return names if len(names) >= 3 else ()


#: A line of affiliation marks or a margin line number only ("1,2¶", "3", "*"): between a draft's author fragments.
_MARKS_ONLY = re.compile(r"^[\d,\s¶*†‡]+$")
#: Affiliation marks on a name ("Chadebec1", "Petrosino 1,2", "Senellart¶").
_NAME_MARKS = re.compile(r"(?<=[^\W\d])\d{1,2}(?:,\d{1,2})*|\s+\d{1,2}(?:,\d{1,2})*(?=\s|,|$)|[¶*†‡]")
#: Where a draft's author lines end: its first affiliation ("1 Université Paris Cité, …"), "DOI:", "¶ Corresponding".
_AUTHORS_END = re.compile(r"^(?:\d{1,2}\s+[A-Z]\S*(?:\s+\S+){2,}|doi:|¶)", re.I)
_DRAFT_REACH = 16  # lines under the title
_OPENS_WITH_COMMA = re.compile(r"^[\s\d¶*†‡]*,")


def draft_authors(lines: list[str], title_end: int) -> Found[Names] | None:
    """The author line of a journal's draft PDF that a plain conversion breaks into pieces around the
    superscript marks, out of order: ", Clément Chadebec1 , and Stéphanie Allassonnière1" / "3" /
    "Agathe Senellart", or "Daniel P Smith" / "Petrosino 1,2" / ", Sara J Javornik Cregeen" / ", and
    Joseph F". The piece that opens with a name (no comma) is the first author, the pieces that open
    with a comma carry the list on in order, and a lone word is the last name's end that the line
    lost. None unless some piece opens with a comma (the tell of a broken line) and exactly one
    piece is a whole name."""
    raw: list[tuple[int, str]] = []
    for j in range(title_end + 1, min(len(lines), title_end + 1 + _DRAFT_REACH)):
        s = " ".join(lines[j].split())
        if not s or _MARKS_ONLY.match(s):
            continue
        if _AUTHORS_END.match(s):
            break
        raw.append((j, s))
    # a piece opens with a comma once its marks are out only when nothing but marks, figures and spaces
    # (what the marks pattern may take out) stands before the line's first comma: most documents have no
    # such line, and no line's marks are taken out
    if not any(_OPENS_WITH_COMMA.match(s) for _, s in raw):
        return None
    pieces = [(j, " ".join(_NAME_MARKS.sub("", s).split())) for j, s in raw]
    carried = [p for p in pieces if p[1].startswith(",")]
    if not carried:
        return None  # no piece carries a list on: the line is whole (most documents; no name is asked)
    heads = [p for p in pieces if not p[1].startswith(",")]
    whole = [p for p in heads if is_person(p[1].rstrip(" ,"))]
    tails = [p for p in heads if re.fullmatch(r"[A-Z][\w'’-]+", p[1])]
    if len(whole) != 1 or len(whole) + len(tails) != len(heads):
        return None
    text = whole[0][1].rstrip(" ,") + "".join(c for _, c in carried)
    if tails:
        text = f"{text} {' '.join(t for _, t in tails)}"
    names = name_list(text)
    return Found(names, whole[0][0] + 1) if len(names) >= 2 else None


def _stacked(lines: list[str], start: int) -> tuple[Name, ...]:
    """The names set one a line right under a first one, as a paper's title page stacks its authors
    ("Eva Maxfield Brown" / "Lindsey Schwartz" / "Richard Lewei Huang" / "Nicholas Weber"): each
    line a person alone, no blank line between them."""
    more: list[Name] = []
    for j in range(start, min(len(lines), start + 20)):
        s = _COLUMNS.sub(" ", strip_gutter(lines[j])).rstrip(" ,")
        if not s or not is_person(s):
            break
        more.append(person(s))
    return tuple(more)


_OPEN_END = re.compile(r"(?:,|\band|&)\s*$")
_DOT_APART = re.compile(r"\s?·\s?")


#: "Gene Falk, Specialist in Social Policy": a name, a comma and the writer's position (report signature blocks);
#: a fellow may name the service he comes from ("Ebrima M'Bai, U.S. Army Fellow").
_SIGNATURE = re.compile(
    r"^(?P<name>[A-Z][^,\d]{3,50}),\s+(?:(?:Senior|Principal|Acting|Deputy|Assistant|Associate|Chief|Lead)\s+|"
    r"(?:[A-Z][\w.]*\s+){1,3}(?=Fellow\b))?"
    r"(?:Specialist|Analyst|(?:Legislative\s+)?Attorney|Economist|Researcher|Research\s+\w+|Section\s+Research\s+Manager|"
    r"Fellow|Director|Professor|Coordinator|Librarian|Editor|Scientist|Statistician)\b")


#: A word every match of :data:`_SIGNATURE` holds, whichever position it names (looked for with ``in``:
#: a pattern of alternatives is tried at every character of the pages).
_EMPHASIS = re.compile(r"\*\*|__|(?<!\w)[*_]|[*_](?!\w)")
_SIGNATURE_WORDS = ("Specialist", "Analyst", "Attorney", "Economist", "Research", "Fellow", "Director", "Professor",
                    "Coordinator", "Librarian", "Editor", "Scientist", "Statistician")


def signature_block(lines: list[str]) -> Found[Names] | None:
    """The writers a report signs with at its end: lines (or columns) "Name, Position" near the last page.
    Signatures set in two columns are read as the page is, down the left column, then down the right
    ("Christopher A. Casey, …" at the foot of the left column before "Danielle M. Trachtenberg, …" over
    "Christopher T. Zirpoli, …" in the right: Casey, Trachtenberg, Zirpoli)."""
    start = max(0, len(lines) - 120)
    placed: list[tuple[int, int, Name]] = []
    first = 0
    last_pages = "\n".join(lines[start:])
    if not any(word in last_pages for word in _SIGNATURE_WORDS):
        return None  # no position named on the last pages: nobody signs with one
    for j in range(start, len(lines)):
        if "," not in lines[j]:
            continue  # a signature sets a comma after the name
        for offset, cell in _cells(lines[j]):
            # "**R. Sam Garrett, Coordinator**, Specialist in …": a converter's bold around the name and role
            m = _SIGNATURE.match(_EMPHASIS.sub("", cell) if "*" in cell or "_" in cell else cell)
            if m and is_person(m.group("name")):
                placed.append((offset, j, person(m.group("name"))))
                first = first or j + 1
    return Found(_column_order(placed), first) if placed else None


#: A letter's signature: the signer's name alone on a line, the office on the next ("Cheryl E. Clark" /
#: "Director" / "Financial Management and Assurance", "Bernice Steinhardt" / "Director, Strategic Issues").
_OFFICE = re.compile(r"^(?:(?:Managing|Acting|Deputy|Assistant|Associate|Executive)\s+)?"
                     r"(?:Director|Comptroller General(?: of the United States)?|Inspector General|Chief Economist|"
                     r"Chief Scientist|Secretary|Administrator|Commissioner)(?:,\s+\S.*)?$")


#: A word every match of :data:`_OFFICE` holds, folded to small letters.
_OFFICE_WORDS = ("director", "comptroller general", "inspector general", "chief economist", "chief scientist", "secretary",
                 "administrator", "commissioner")


def letter_signature(lines: list[str]) -> Found[Names] | None:
    """The signer of a letter report: a person's name alone on a line right after a paragraph's end
    (a blank line before it) and the office alone on the line under it. Only the first signature
    counts: later ones sign enclosures or contact lists."""
    # the office's line holds one of the offices' words: the lines over those only are looked at
    for k in lines_holding(lines, _OFFICE_WORDS):
        j = k - 1
        if not 1 <= j < len(lines) - 1:
            continue
        s = lines[j].strip()
        if not s or lines[j - 1].strip() or not _OFFICE.match(lines[j + 1].strip()):
            continue
        if is_person(s):
            return Found((person(s),), j + 1)
    return None


def signs_for_office(lines: list[str], signed: Found[Names]) -> bool:
    """Whether the signature ``signed`` signs with an office ("Melissa Emrey-Arras, Director",
    "Cheryl E. Clark" / "Director"): an official who signs a report's letter for the body that issues it,
    not a writer who names a research position ("Gene Falk, Specialist in Social Policy")."""
    if len(signed.value) != 1 or not 0 < signed.line <= len(lines):
        return False
    here = lines[signed.line - 1].strip()
    after_name = here.split(",", 1)[1].strip() if "," in here else ""
    below = lines[signed.line].strip() if signed.line < len(lines) else ""
    return bool(_OFFICE.match(after_name) if after_name else _OFFICE.match(below))


def author_section(lines: list[str]) -> Found[Names] | None:
    """Names under an "Author Information" heading (columns side by side allowed)."""
    # a heading of the section holds "author" or "contributors" (folded: the pattern is case-blind)
    for i in reversed(lines_holding(lines, ("author", "contributors"))):
        if not _SECTION.match(lines[i].strip()):
            continue
        placed: list[tuple[int, int, Name]] = []
        first = 0
        last = i  # the line of the last name (or of the heading)
        blank = 0
        in_bio = False  # within a paragraph that opened with a writer's name
        # a long list (one name a line, each with its ORCID, handles and affiliation) runs on as long
        # as names keep coming; a paragraph or three blank lines end it
        for j in range(i + 1, min(len(lines), i + 200)):
            s = lines[j].strip()
            if not s:
                blank += 1
                if blank >= 3 and placed:
                    break
                continue
            blank = 0
            if j - last > 30:
                break
            listed = _ORCID_ITEM.match(s)
            listed_name = _GENERATION.sub("", listed.group("name")) if listed else ""
            if listed and is_person(listed_name):
                # "-   Benjamin D. Lee 0000-0002-7133-8397 · Benjamin-Lee In-Q-Tel Labs; …": a Manubot list item,
                # the writer's name before their ORCID iD, handles and affiliations after it
                generation = _GENERATION.search(listed.group("name"))
                named = person(listed_name)
                placed.append((0, j, replace(named, suffix=generation.group(1)) if generation else named))
                last, first = j, first or j + 1
                continue
            if len(s.split()) > 14 and not (placed and _AFFILIATION.search(s)):
                # "About the author" / "Anthony F. Camilleri is the founder …": a paragraph of prose that
                # opens with a writer's name; the paragraph's further lines go on with it
                bio = _BIO.match(s) if not lines[j - 1].strip() or j == i + 1 else None
                if bio and is_person(bio.group("name")):
                    placed.append((0, j, person(bio.group("name"))))
                    last, first, in_bio = j, first or j + 1, True
                    continue
                if in_bio and lines[j - 1].strip():
                    continue
                break
            for m in _CELL.finditer(lines[j]):
                several = _names_of_a_line(m.group(0))
                if len(several) >= 2:
                    # "Weixin Liang, Yaohui Zhang," / "Mihai Codreanu, Jiayu Wang,": two writers a line
                    placed.extend((m.start(), j, name) for name in several)
                elif is_person(m.group(0)):
                    placed.append((m.start(), j, person(m.group(0))))
                else:
                    continue
                last = j
                first = first or j + 1
        if placed:
            return Found(_column_order(placed), first)
    return None


_CELL = re.compile(r"\S+(?:\s{1,2}\S+)*")
#: An author list's item that gives the writer's ORCID iD after the name (Manubot's "-   Anthony Gitter
#: 0000-0002-5324-9833 · agitter …"): the name is the words before the iD.
#: A generation after a name ("Timothy J. Triche, Jr."): no part of the family name.
_GENERATION = re.compile(r",?\s(Jr\.|Sr\.|II|III|IV)$")
_ORCID_ITEM = re.compile(r"^(?:[-*•]\s{1,4})?(?P<name>[^\W\d_][^\d·|;:]{2,60}?)\s{1,4}\d{4}-\d{4}-\d{4}-\d{3}[\dX]\b")

def _names_of_a_line(cell: str) -> tuple[Name, ...]:
    """The names a line of an author list sets side by side ("Weixin Liang, Yaohui Zhang,"), or (): not when
    the line ends in a full stop, the list running on past it (its last name cut after an initial, "…, Brent
    R.") or a sentence closing ("…, and David F. Sullivan.": an acknowledgment's prose naming people)."""
    text = cell.rstrip(" ,")
    return name_list(text) if ", " in text and not text.endswith(".") else ()
#: A writer's name opening a paragraph about them: "Anthony F. Camilleri is the founder and senior partner …".
_BIO = re.compile(r"^(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3})\s+(?:is|was|has|serves|works|leads|holds)\s")


def _column_order(placed: list[tuple[int, int, Name]]) -> tuple[Name, ...]:
    """Names set in columns, read down the first column, then down the next (as a report lists its
    authors: "Straus   DeSantis" / "Comay" is Straus, Comay, DeSantis). ``placed``: (offset, line, name)."""
    starts: list[int] = []
    for offset in sorted({p[0] for p in placed}):
        if not starts or offset - starts[-1] > 8:
            starts.append(offset)
    column = {offset: max(k for k, start in enumerate(starts) if start <= offset) for offset, _, _ in placed}
    return tuple(name for _, _, name in sorted(placed, key=lambda p: (column[p[0]], p[1])))


#: An affiliation line in an author list (long, but not a paragraph).
_AFFILIATION = re.compile(r"\b(?:University|Department|Institute|School|Laborator(?:y|ies)|Cent(?:er|re)|College|"
                          r"Council|Foundation|Hospital|Museum|Agency|Ministry)\b")


#: A writer's position under the name on a report's summary page ("Analyst in Social Policy", "Specialist in
#: Science and", "Coordinator", "Research Assistant", "Legislative Attorney").
_POSITION = re.compile(
    r"^(?:(?:Senior|Principal|Acting|Deputy|Assistant|Associate|Chief|Lead)\s+)?"
    r"(?:Specialist|Analyst|(?:Legislative\s+)?Attorney|Economist|Research\s+(?:Assistant|Librarian|Manager|Associate)|"
    r"Section\s+Research\s+Manager|Coordinator|Librarian|Statistician|Senior\s+Research\s+\w+)\b")
_MARGIN_TOP = 120  # lines: a report's summary page stands within its first pages
#: A position at the start of a line or of a column's cell (after three spaces or more): where
#: :func:`margin_authors` looks for one, so a page with none anywhere is passed over at once.
_POSITION_CELL = re.compile(r"(?m)(?:^\s*|\s{3})" + _POSITION.pattern[1:])
#: A position anywhere (:data:`_POSITION` without its anchor): where :func:`_position_cell` looks first.
_POSITION_ANYWHERE = re.compile(_POSITION.pattern[1:])


def _position_cell(text: str) -> bool:
    """Whether :data:`_POSITION_CELL` matches somewhere in ``text``, found faster: a position (where
    :data:`_POSITION_ANYWHERE` matches) counts when the spaces right before it are three or more, or reach
    back to a line's start (a newline among them, or the text's start). Why: the pattern's spaces after a
    line's start and its three spaces are tried at every space of a page set out by pdftotext -layout, most
    of them in long runs."""
    for at in sorted(_position_starts(text)):
        start = at
        while start > 0 and text[start - 1].isspace():
            start -= 1
        if at - start >= 3 or start == 0 or "\n" in text[start:at]:
            return True
    return False


#: The words of :data:`_POSITION` one of which every match holds (its other words come before them: "Senior",
#: "Legislative", "Section"); two words at most stand between a match's start and that word.
_POSITION_CORE = ("Specialist", "Analyst", "Attorney", "Economist", "Research", "Coordinator", "Librarian", "Statistician")


def _position_starts(text: str) -> set[int]:
    """Every index where :data:`_POSITION_ANYWHERE` matches in ``text``: each place a core word stands
    (``str.find``) and the starts of the two words before it are asked, not every character (a pattern
    opening with an optional word cannot skip ahead to a likely start)."""
    out = set()
    for word in _POSITION_CORE:
        at = text.find(word)
        while at >= 0:
            start = at
            for _ in range(3):  # the word itself, then each of the two words before it
                if start not in out and _POSITION_ANYWHERE.match(text, start):
                    out.add(start)
                k = start
                while k > 0 and text[k - 1].isspace():
                    k -= 1
                if k == start:
                    break  # no space before: no word before this one belongs to a match
                while k > 0 and not text[k - 1].isspace():
                    k -= 1
                start = k
            at = text.find(word, at + 1)
    return out


#: A position set two spaces after the body's text on the same line ("… consists of two  Specialist in
#: Income"), looked for past the body's usual width only.
_GLUED_POSITION = re.compile(r"\S {2}(?=" + _POSITION.pattern[1:] + ")")
_GLUED_FROM = 60
#: How far a margin's column may wander from line to line (pdftotext sets the first name a few
#: characters right of the rest).
_MARGIN_DRIFT = 6


#: A word every position of :data:`_POSITION` holds ("Section Research Manager" and "Senior Research …"
#: hold "Research"): looked for with ``in`` before the pattern, which is slow to search a page with.
_POSITION_WORDS = ("Specialist", "Analyst", "Attorney", "Economist", "Research", "Coordinator", "Librarian", "Statistician")


def _cells(line: str) -> list[tuple[int, str]]:
    """The column cells of a layout line with their offsets."""
    return [(m.start(), m.group(0)) for m in _CELL.finditer(line)]


def margin_authors(lines: list[str]) -> Found[Names] | None:
    """The writers a report's summary page stacks in its margin, each name over a position ("Joseph
    Dalaker" / "Analyst in Social Policy", "Emily G. Blevins," / "Coordinator" / "Specialist in …"), read
    top to bottom. A name counts only when the next line holds a position at the same offset, so body
    text beside the column (a pdftotext -layout page) is never taken for a name."""
    names: list[Name] = []
    first = 0
    top = lines[:_MARGIN_TOP]
    joined = "\n".join(top)
    if not any(word in joined for word in _POSITION_WORDS) or not _position_cell(joined):
        return None  # no position anywhere on the first pages: no name stands over one (most documents)
    held: dict[int, tuple[list[tuple[int, str]], list[int]]] = {}

    def placed(k: int) -> tuple[list[tuple[int, str]], list[int]]:
        """Line ``k``'s cells and the offsets of those holding a position (each line is read as the line
        under up to three others)."""
        if k not in held:
            cells = _cells(top[k])
            at = [o for o, c in cells if _POSITION.match(c)]
            if not at and len(top[k]) > _GLUED_FROM:
                # the body's line reaching the margin leaves two spaces only before the position
                glued = _GLUED_POSITION.search(top[k], _GLUED_FROM)
                at = [glued.end()] if glued else []
            held[k] = cells, at
        return held[k]

    for j, line in enumerate(top[:-1]):
        below = [k for k in range(j + 1, min(len(top), j + 4)) if top[k].strip()][:2]
        if not below:
            continue
        cells = _cells(line)
        offsets = placed(below[0])[1]
        if len(below) == 2 and len(cells) == 1:
            # plain pdftotext (reading order) may set one line of the text beside the column between a
            # name and its position: then both stand alone on their lines
            alone, at = placed(below[1])
            offsets = offsets + (at if len(alone) == 1 else [])
        if not offsets:
            continue  # no position under this line: no cell of it is a name over one
        for offset, cell in cells:
            name = cell.rstrip(" ,")
            if any(abs(o - offset) <= _MARGIN_DRIFT for o in offsets) and is_person(name):
                names.append(person(name))
                first = first or j + 1
    return Found(tuple(names), first) if len(names) >= 1 else None


#: A witness introducing themself: "Good Morning. I am Karen Sandler, Executive Director of …", "My name is
#: Ann Lee and I …".
_SELF = re.compile(r"\b(?:I am|I'm|I’m|My name is)\s+(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3})\s*(?:,|\.(?:\s|$)|\band\b)")
#: What a spoken or submitted statement calls itself in its title.
_STATEMENT = re.compile(r"\b(?:testimony|statement|remarks|comments)\b", re.I)
_OPENING = 15  # lines after the title: a witness gives their name in the first paragraph


def self_introduction(lines: list[str], title: str, title_end: int) -> Found[Names] | None:
    """The witness of a testimony or statement who names themself in its first paragraph; only for a
    document whose title says it is one (elsewhere "I am …" may quote someone)."""
    if not _STATEMENT.search(title):
        return None
    for i in range(title_end + 1, min(len(lines), title_end + 1 + _OPENING)):
        text = " ".join(lines[i : i + 2])
        m = _SELF.search(" ".join(text.split()))
        if m and is_person(m.group("name")):
            return Found((person(m.group("name")),), i + 1)
    return None


#: A filing's title: a comment, petition or submission in a rulemaking or a proceeding.
_FILING = re.compile(r"\b(?:comments?|petition|submission|testimony|statement|reply|brief)\b", re.I)
#: The party a filing is made for, alone on a line under its title: "For Software Freedom Conservancy",
#: "On behalf of the Internet Archive".
_FILED_FOR = re.compile(r"^(?:for|on behalf of)\s+(?:the\s+)?(?P<org>[A-Z][\w.&'’-]*(?:\s+(?:[A-Z][\w.&'’-]*|of|and|for|the|on)){1,8})$",
                        re.I)
_FILED_REACH = 4  # lines under the title


def filed_for(lines: list[str], title: str, title_end: int) -> Found[Names] | None:
    """The organisation a comment or petition is filed for, named alone on a line right under its title
    ("Long Comment Regarding a Proposed Exemption" / "Under 17 U.S.C. 1201" / "For Software Freedom
    Conservancy"): the filing's author. Only under a filing's title ("Prepared for X" or a report "for
    the Congress" names a reader, not a writer) and only an organisation's name."""
    if not _FILING.search(title):
        return None
    for i in range(title_end + 1, min(len(lines), title_end + 1 + _FILED_REACH)):
        m = _FILED_FOR.match(" ".join(lines[i].split()))
        org = m.group("org") if m else ""
        if org[:1].isupper() and (looks_like_organisation(org) or not (is_person(org) or name_list(org))):
            return Found((Name(literal=org),), i + 1)
    return None


#: A post's meta line: the writer (a link to their page, as a converted page keeps it) then the date,
#: "[Mike Conley](https://…/author/…) December 18, 2020".
_META_DATE = r"(?P<date>(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}|\d{4}-\d{2}-\d{2}))"
_NAMES_THEN_DATE = re.compile(r"^(?P<names>[A-Z][^\d|]{1,119}?[^\d|\s])(?:\s*[·•|,–—-])?\s*" + _META_DATE + "$")
#: The date first, then the writer, set apart by a mark: "March 3, 2021 · Jane Smith", "2021-03-03 | By Ann Lee"
#: (themes that print the date over the writer's name on one line).
_DATE_THEN_NAMES = re.compile("^" + _META_DATE + r"\s*[·•|–—-]\s*(?:by\s+)?(?P<names>[A-Z][^\d|]{2,120}?)$", re.I)


def post_meta(lines: list[str], start: int, stop: int) -> tuple[Found[Names], Found[str]] | None:
    """The writer and date of a post's meta line under its heading (lines ``start``..``stop``): every
    name a person, the date whole; None when no line is one."""
    for i in range(start, min(stop, len(lines))):
        text = " ".join(_byline_text(lines[i]).split())
        m = _NAMES_THEN_DATE.match(text) or _DATE_THEN_NAMES.match(text)
        if not m:
            parted = _meta_parts(text)  # "Jane Smith | March 3, 2021 | 4 Comments"
            if parted:
                return Found(parted[0], i + 1), Found(parted[1], i + 1)
            continue
        names = name_list(m.group("names").strip(" ,"))
        if names:
            return Found(names, i + 1), Found(m.group("date"), i + 1)
    return None


_META_SEPARATOR = re.compile(r" [|·•] ")
_WHOLE_DATE = re.compile("^" + _META_DATE + "$")


def _meta_parts(text: str) -> tuple[Names, str] | None:
    """A meta line of parts between bars or dots whose first part is the writers and a later one the
    date, whatever else follows ("Jane Smith | March 3, 2021 | 4 Comments")."""
    parts = _META_SEPARATOR.split(text)
    if len(parts) < 3:
        return None  # two parts are read whole by the patterns above
    names = name_list(parts[0].strip(" ,"))
    date = next((p for p in parts[1:] if _WHOLE_DATE.match(p)), None)
    return (names, date) if names and date else None


#: A draft's header: the date in figures, then its writers, perhaps a note in brackets ("9-21-2009 Arlen W.
#: Harbaugh and Mary C. Hill (revised 2-6-2013: revisions in red)").
_DATED_HEADER = re.compile(r"^(?P<date>\d{1,2}[-/]\d{1,2}[-/](?:19|20)\d\d) (?P<names>[A-Z][^\d()]{2,120}?)(?: \(.*\))?$")


def dated_header(lines: list[str], stop: int) -> tuple[Found[Names], Found[str]] | None:
    """The writers and the date (month first, as US drafts write it) of a draft's header line within the
    first ``stop`` lines."""
    for i in range(min(stop, len(lines))):
        s = " ".join(lines[i].split())
        m = _DATED_HEADER.match(s) if s[:1].isdigit() else None
        names = name_list(m.group("names")) if m else ()
        if names:
            month, day, year = re.split(r"[-/]", m.group("date"))
            if 1 <= int(month) <= 12 and 1 <= int(day) <= 31:
                return Found(names, i + 1), Found(f"{year}-{int(month):02d}-{int(day):02d}", i + 1)
    return None


def semicolon_authors(lines: list[str], start: int, stop: int) -> Found[Names] | None:
    """A journal page's author line, writers set apart by semicolons, each with degrees and affiliation marks
    after a comma ("Jennifer L. Wiltz, MD, MPH¹,2; Brian Lee, MPH³; …; Peter A. Briss, MD, MPH¹ (View author
    affiliations)"), in lines ``start``..``stop``: two writers at least, every part a person before its comma."""
    for i in range(start, min(stop, len(lines))):
        line = lines[i]
        if line.count(";") < 1 or len(line) > 1500:
            continue
        parts = [without_brackets(p).split(",", 1)[0].strip() for p in line.split(";")]
        if len(parts) >= 2 and all(p and is_person(clean_marks(p)) for p in parts):
            return Found(tuple(person(clean_marks(p)) for p in parts), i + 1)
    return None

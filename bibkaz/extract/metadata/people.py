"""Is this piece of a line a person's name? And the Name it gives.

Site furniture ("Review", "Global Security", "Web Site") and job titles
("Legislative Attorney") are capitalised word pairs too; a person is only what
passes every test here, because a wrong author is worse than a missing one.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bibkaz.model import Name
from bibkaz.parse.normalise.names import looks_like_organisation, parse_person

#: Words that never belong to a person's name: page furniture, roles, section heads, and the function
#: words of a title in Title Case ("Why Wells Run Dry", "On Recent Controversial Events").
NOT_A_NAME = frozenset(
    """
    review reviews site web website home page blog news search menu share print global security summary
    abstract introduction contents author authors information about contact editor editors reviewers
    repository archive software license licence submitted published updated posted report brief insight
    sidebar legal congress congressional research specialist analyst attorney legislative director assistant
    deputy senior associate fellow professor lecturer researcher economist manager officer chair
    coordinator policy finance trade economic public international national federal department
    university school institute college centre center program programme product acquisitions team
    staff contributors contributor subscribe comments comment photo image credits credit read more
    table figure appendix notes references bibliography footnotes overview background conclusion
    the on why what how when where who which and of for in to an with from into over under after before
    about between is are was were be not no our your their its this that these those new all more
    manual guide handbook system systems mission toolkit framework protocol
    plaintiff plaintiffs defendant defendants appellant appellants appellee appellees petitioner petitioners
    respondent respondents intervenor intervenors transcript
    """.split()
)
# (a manual's or a report's words that a title's second line ends with, "User Manual and Reference Guide", "Valley
# Aquifer System, South-Central Idaho", "Explorer Mission": no family name; a party's role in a court's caption,
# "Plaintiff, Appellant,"; a transcript's heading, "Transcript of Chair Powell's Press Conference")
#: A word of a personal name: "Jane", "O'Neil", "Moka-Solana", "G.", "McDermott", "Dahl".
#: (the hyphen may be the Unicode hyphen or non-breaking hyphen a journal's PDF sets: "Thuy‑vy Nguyen")
_WORD = re.compile(r"(?:[A-Z][a-z\u00C0-\u024F’'\-\u2010\u2011]+(?:[A-Z][a-z\u00C0-\u024F’'\-\u2010\u2011]+)?|[A-Z]\.(?:-?[A-Z]\.)?)$")
_INITIAL = re.compile(r"[A-Z]$")
_POSSESSIVE = re.compile(r"[a-z][’']s$")
_PARTICLE = {"van", "von", "der", "de", "del", "di", "da", "du", "la", "le", "ten", "bin", "al"}
_TITLE = re.compile(r"^(?:Dr|Prof|Professor|Mr|Mrs|Ms)\.?\s+")
#: Affiliation or note marks glued to a name: "Cushman1", "Dahl²", "Ryan*", "Hu†".
_MARKS = re.compile(r"(?<=[a-z\u00C0-\u024F.])[\d\u00B9\u00B2\u00B3\u2070-\u2079*†‡§¶‖|,⋄△▽×◊♦]+(?=\s|$)")
#: The team or group that signs a post: "The Rust Core Team", "The 18F Team".
TEAM = re.compile(r"^(?:The\s+(?:[A-Z0-9][\w.&-]*\s+){0,4}(?:[Tt]eam|[Ss]taff|[Ee]ditors|Editorial Board|[Cc]ontributors)|"
                  r"(?:[A-Z0-9][\w.&-]*\s+){1,5}(?:Working Group|Consortium|Collaboration|Project Contributors))$")


def clean(text: str) -> str:
    """A name without titles, affiliation marks and extra spaces."""
    text = _MARKS.sub("", " ".join(text.split()))
    return _TITLE.sub("", text).strip(" ,;")


#: A word holding a letter.
_LETTERED = re.compile(r"\S*[^\W\d_]\S*")
_LETTER = re.compile(r"[^\W\d_]")


def _lettered_over(text: str, most: int) -> bool:
    """Whether more than ``most`` of the words of ``text`` hold a letter (what ``len(_LETTERED.findall(text)) >
    most`` counts: each word holding a letter is one match), counted word by word and stopped as soon as
    the count passes: the pattern is slow on the long lines most texts asked are."""
    count = 0
    for word in text.split():
        if _LETTER.search(word):
            count += 1
            if count > most:
                return True
    return False


#: A family name set in capitals before or after one given name: "HU Yue", "YE Xinyi" (Chinese order, as
#: pkgdown and journal pages print it), "Jean DUPONT"; a vowel at least, so "CRS" and "GSA" are not one.
_CAPS_FAMILY = re.compile(r"^[A-Z][A-Z’'\-]{1,15}$")


def _caps_family(words: list[str]) -> int | None:
    """The index of the family name in capitals of a two-word name, or None."""
    if len(words) != 2:
        return None
    for k in (0, 1):
        caps, other = words[k], words[1 - k]
        if (_CAPS_FAMILY.match(caps) and sum(c in "AEIOUY" for c in caps) >= 1 and len(caps) >= 2
                and re.match(r"^[A-Z][a-z\u00C0-\u024F’'\-]+$", other) and caps.lower() not in NOT_A_NAME
                and other.lower() not in NOT_A_NAME and not re.search(r"[AEIOUY]{3}|[^AEIOUY’'\-]{4}", caps)):
            return k
    return None


@lru_cache(maxsize=4096)
def is_person(text: str) -> bool:
    """Two to four name words, none of them furniture, not an organisation.

    Cached: the title search asks it of the same top lines again and again.
    """
    n = len(text.split())
    if n < 2 or n > 6 and _lettered_over(text, 6):
        # cleaning never splits a word and drops no word with letters but a leading title: two words
        # are needed before it, and six with letters leave more than five after it
        return False
    s = clean(text)
    words = s.split()
    if not 2 <= len(words) <= 5:
        return False
    left, comma, right = text.partition(", ")
    if comma and len(left.split()) >= 2 and len(right.split()) >= 2 and is_person(left) and is_person(right):
        return False  # "Weixin Liang, Yaohui Zhang,": two people (the comma is no mark between one's names)
    core = [w for w in words if w not in _PARTICLE]
    # a middle initial may stand without its full stop ("David M Aanensen")
    if not 2 <= len(core) <= 4 or not all(_WORD.match(w) or 0 < k < len(core) - 1 and _INITIAL.match(w)
                                          for k, w in enumerate(core)):
        return False
    if looks_like_organisation(s):  # asked last: the word shapes above turn most text away more cheaply
        return False
    if all(w.endswith(".") for w in core):
        return False
    if any(_POSSESSIVE.search(w) for w in core):
        return False  # "Russia’s Nuclear Weapons": a possessive is a title's word, never a name's
    return not any(w.lower().strip(".") in NOT_A_NAME for w in core)


def person(text: str) -> Name:
    """The Name of a string :func:`is_person` accepted (or of a team, kept whole)."""
    s = clean(text)
    if TEAM.match(s):
        return Name(literal=s)
    words = s.split()
    k = _caps_family(words)
    if k is not None:
        return Name(family=words[k].capitalize(), given=words[1 - k])
    name = parse_person(s)
    given = name.given.split()
    if len(given) >= 2 and given[-1] in _CAPITAL_PARTICLES and not name.particle:
        # "Eric Vander Wal", "Ursula Le Guin": the capitalised particle opens the family name
        return Name(f"{given[-1]} {name.family}", " ".join(given[:-1]), "", name.suffix, name.literal)
    initial = _middle_initial(given)
    if initial is not None and not name.particle:
        # "Sara J Javornik Cregeen", "Ana M. Bellini Saibene": the given names end at the middle initial, and
        # the words after it are all family name (a double surname)
        family = " ".join(given[initial + 1 :] + [name.family])
        return Name(family, " ".join(given[: initial + 1]), "", name.suffix, name.literal)
    return name


def _middle_initial(given: list[str]) -> int | None:
    """The index of a middle initial ("J", "M.") that follows a written-out given name and comes before
    a written-out word, in the given part a parser made of a name; None when there is none."""
    for k in range(1, len(given) - 1):
        if (re.fullmatch(r"[A-Z]\.?", given[k]) and re.fullmatch(r"[A-Z][a-z\u00C0-\u024F’'\-]+", given[0])
                and all(re.fullmatch(r"[A-Z][a-z\u00C0-\u024F’'\-]+", w) for w in given[k + 1 :])):
            return k
    return None


#: Particles written with a capital that belong to the family name they stand before.
_CAPITAL_PARTICLES = frozenset({"Vander", "Vanden", "Van", "Von", "De", "Del", "Della", "Dos", "Das", "Du", "Le", "La",
                                "Di", "Da", "Ter", "Ten", "Van't"})


#: The unnamed rest of a list of writers: "…, and many helpful contributors", "… and others", "… et al.":
#: the named people are the list; the rest names nobody.
_OTHERS = re.compile(r"(?:,?\s+(?:and|&)\s+(?:(?:many|several|numerous|other|helpful|\d+)\s+){0,3}"
                     r"(?:contributors|others|collaborators|co-?authors)|,?\s+et\s+al)\.?\s*$", re.I)
_SEPARATORS = re.compile(r"\s*(?:,\s*(?:and|&)\s+|,\s*|\s+(?:and|&)\s+|;\s*)")


#: An academic or professional degree after a writer's name and a comma (never a shape initials have:
#: "M.A." or "M.D." may be a given name's initials in a name written family first).
_DEGREE = re.compile(r",\s*(?:Ph\.\s?D\.|PhD|DPhil|MD|MPH|MPP|MPA|J\.D\.|JD|MBA|MSc|DrPH|RN|Esq\.?)(?=\s*(?:,|;|&|\band\b|$))")


#: The words in small letters a list of writers may hold: particles, "and", the unnamed rest ("and many
#: other contributors", "et al.") and a team's last word ("The Rust Core team"). Any other such word
#: belongs to no name, team or family in capitals, so a line holding one is no list of writers.
_LOWER_IN_LISTS = _PARTICLE | frozenset(
    "and many several numerous other helpful contributors others collaborators co-authors coauthors et team staff editors".split())


@lru_cache(maxsize=4096)
def name_list(text: str) -> tuple[Name, ...]:
    """Every name of "A, B, and C" / "A and B" / "A; B", or () unless each part is a person.

    Cached (Names are frozen): the title search asks it of the same top lines for every candidate.
    """
    if any(w[:1].islower() and w.strip(".,;:") not in _LOWER_IN_LISTS for w in text.split()):
        return ()  # a word in small letters no part can hold: running text, as most lines asked are
    if "," in text:
        text = _DEGREE.sub("", text)  # "Jane Smith, PhD, and Robert Jones, MPH": the degrees are no names
    parts = [p for p in _SEPARATORS.split(_OTHERS.sub("", clean_marks(text))) if p and p.strip()]
    if parts and all(is_person(p) or TEAM.match(p.strip()) for p in parts):
        return tuple(person(p) for p in parts)
    # family names in capitals are taken only from a list of two or more set that way ("HU Yue, YE Xinyi"):
    # alone, "GAO Highlights" has the same shape
    if len(parts) >= 2 and all(_caps_family(p.split()) is not None for p in parts):
        return tuple(person(p) for p in parts)
    return ()


#: Between cells set side by side: three spaces or more.
_COLUMN_GAP = re.compile(r"\s{3,}")


def names_in_columns(line: str) -> tuple[Name, ...]:
    """Writers set side by side in columns, each with a mark ("Marius Alt*      Andrea Blasco†      Katharina
    Gangl‡" under a report's title): two cells at least, each one person; () otherwise."""
    if "   " not in line:
        return ()
    cells = _COLUMN_GAP.split(line.strip())
    if not 2 <= len(cells) <= 8:
        return ()
    names = name_list(", ".join(cells))
    return names if len(names) == len(cells) else ()


def clean_marks(text: str) -> str:
    """Affiliation marks out of a whole author line ("Hu1 , Sun1 , and Wu1" → "Hu, Sun, and Wu"; marks set
    after the comma, "Liang,1,7,* Yaohui Zhang,2,7 …", or apart, "Gordon Burtch *, Dokyun Lee")."""
    if "," in text:
        text = _COMMA_MARKS.sub(",", text)
    text = _LONE_MARKS.sub("", _SPACED_MARKS.sub("", _LINE_MARKS.sub("", text)))
    # a mark set after the comma ("Modak‡,|": a PDF's ‖) or a closing comma ends the list
    return _SPACE_COMMA.sub(",", " ".join(text.split())).rstrip(" ,;|‖¶")


_LINE_MARKS = re.compile(r"(?<=[a-z\u00C0-\u024F])[\d\u00B9\u00B2\u00B3\u2070-\u2079*∗†‡§¶‖⋄△▽×◊♦]+(?:,[\d*∗†‡§⋄△▽×◊♦]+)*")
#: Marks set apart from the name by a space: "Alikhan 1,2,4 , Varun Shamanna 3,4 ,", "Català 1¶" (the
#: corresponding author's mark after the number).
_SPACED_MARKS = re.compile(r"(?<=[a-z\u00C0-\u024F])\s+\d{1,2}(?:,\d{1,2})*[*†‡§¶]?(?=\s*(?:,|$|\band\b))")
_SPACE_COMMA = re.compile(r"\s+,")
#: Marks set after the comma that closes a name, before the next name: "Weixin Liang,1,7,* Yaohui Zhang,2,7 …".
_COMMA_MARKS = re.compile(r"(?<=[a-z\u00C0-\u024F]),(?:\d{1,2}|[*†‡§¶])(?:,(?:\d{1,2}|[*†‡§¶]))*,?(?=\s|$)")
#: A corresponding author's mark set apart from the name: "Gordon Burtch *, Dokyun Lee & Zhichen Chen".
_LONE_MARKS = re.compile(r"(?<=[a-z\u00C0-\u024F])\s+[*∗†‡§¶]{1,3}(?=\s*(?:,|&|$)|\s+and\b)")


#: One name written family first: "Clark, Corrie E.", "Villarreal, M. Angeles", "Bellini Saibene, Yanina".
_INVERTED = re.compile(r"^(?P<family>[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,2}),\s+(?P<given>(?:[A-Z][\w’'\-]*\.?\s*){1,4})$")


def inverted_list(text: str) -> tuple[Name, ...]:
    """Every name of a list written family first and set apart by semicolons ("Pepper, Alexander H.;
    Schneider, Karl E."), or of one such name; () unless every part is one. Catalogue records write
    their authors this way, which :func:`name_list` would read as four one-word names."""
    parts = [p.strip() for p in text.split(";") if p.strip()]
    if len(parts) == 1 and _two_whole_names(parts[0]):
        return ()  # "Jane Smith, Robert Jones": two writers, given names first, not one written family first
    names = []
    for part in parts:
        m = _INVERTED.match(part)
        if not m or m.group("family").lower() in NOT_A_NAME or not is_person(f"{m.group('given')} {m.group('family')}"):
            return ()
        names.append(Name(family=m.group("family"), given=" ".join(m.group("given").split())))
    return tuple(names)


def person_with_position(text: str) -> Name | None:
    """"Jane Smith, Senior Fellow", "Jane Smith, Senior Fellow, Urban Institute": one writer, then a comma and
    their position or the body they work for (words no name holds, or an organisation); None otherwise."""
    left, comma, right = text.partition(",")
    right = right.strip(" ,.")
    if not comma or not right or not is_person(left.strip()) or is_person(right) or name_list(right):
        return None
    if names_position(right) or looks_like_organisation(right):
        return person(left.strip())
    return None


#: Words of a writer's position ("Senior Fellow", "Research Director", "Professor of Economics").
POSITION_WORDS = frozenset(
    """
    senior fellow director professor lecturer researcher economist manager officer chair chairman chairwoman
    coordinator analyst specialist attorney associate assistant deputy editor president chief head scientist
    engineer consultant adviser advisor founder partner executive dean student candidate postdoctoral
    research policy program programme team staff counsel secretary administrator commissioner designer
    strategist writer reporter correspondent journalist
    """.split()
)


def names_position(text: str) -> bool:
    """Whether ``text`` holds a word of a writer's position (:data:`POSITION_WORDS`)."""
    return any(w.strip(".,;:()").lower() in POSITION_WORDS for w in text.split())


#: A written-out name word (no initial).
_FULL_WORD = re.compile(r"^[A-Z][a-z\u00C0-\u024F’'\-]+$")


def _two_whole_names(text: str) -> bool:
    """"Jane Smith, Robert Jones": each side of the one comma is a whole name of written-out words, given
    name first, so the comma parts two writers. A name written family first keeps a lone given name or
    initials after its comma ("Bellini Saibene, Yanina", "Clark, Corrie E.", "Smith, John R.")."""
    left, comma, right = text.partition(",")
    lw, rw = left.split(), right.split()
    return (bool(comma) and "," not in right and len(lw) >= 2 and len(rw) >= 2
            and all(_FULL_WORD.match(w) for w in lw + rw) and is_person(left) and is_person(right))


#: A bracketed note inside a list of writers: an affiliation after a name ("Mike Innes (JuliaHub)") or a
#: nickname within it ("Xiu-Zhe (Roger) Luo"); an address in brackets is no note of this kind.
_BRACKETED = re.compile(r"\s*\((?!\s*(?:https?:|mailto:|www\.))[^()]{1,60}\)")


def without_brackets(text: str) -> str:
    """A list of writers without its bracketed affiliations and nicknames ("By A (Org), B (Org) and C
    (Org)" → "By A, B and C"), for :func:`name_list` to read; the text as it is when it holds none."""
    return _BRACKETED.sub("", text) if "(" in text else text



#: A word of running text in small letters, not part of an address, a file name or a slug ("clara-tsao",
#: "jane.doe@…", "/bkuhn/"): filled in with the word.
_ORDINARY_USE = r"(?<![\w/@.\-]){}(?![\w/@\-]|\.\w)"


def ordinary_words(text: str, document: str) -> bool:
    """Whether every word of ``text`` (a line of two words or more that reads as a name: "Shape Measured
    Safety" under "Safety Under Scaffolding: How Evaluation Conditions", "Journey Steps" over a diagram) is one
    the document itself writes in small letters in its running text: then it is a phrase set in capitals, no
    person. A person's given and family names are seldom both ordinary words of the text they sign ("David",
    "Gringras"), so the test turns away title lines and furniture read as names without a list of such words.
    (On the dev part and the own-record set it turned away these two and no writer.)"""
    words = [w for w in re.findall(r"[^\W\d_]+", text) if w.lower() not in _PARTICLE]
    if len(words) < 2:
        return False
    # the last word first: a family name is the word a text least often writes in small letters, so most names
    # are answered after one look through the text
    return all(word.lower() == word or re.search(_ORDINARY_USE.format(re.escape(word.lower())), document)
               for word in reversed(words))

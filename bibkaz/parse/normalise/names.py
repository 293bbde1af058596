"""Author and editor lists, in every order styles print them.

Handles "Laruelle, M.", "Ohle, M., Cook, R. J., & Han, Z.", "Rachel Vanderhill,
Sandra F Joireman, Roza Tulepbayeva", "A. B. Author and C. Author", "Smith J,
Jones K" (Vancouver), particles ("van der Berg"), suffixes ("Jr."), organisations
(kept whole) and "et al." (dropped: it is not a person).
"""

from __future__ import annotations

import re
from functools import lru_cache

from bibkaz.model import Name

PARTICLES = {"van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le", "ten", "ter", "dos", "das", "al", "el", "bin", "ibn"}
SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
ORG_WORDS = {
    "agency", "association", "bank", "board", "bureau", "center", "centre", "commission", "committee",
    "council", "department", "foundation", "fund", "government", "group", "institute", "institution",
    "ministry", "nations", "office", "organisation", "organization", "parliament", "press", "programme",
    "program", "service", "society", "university", "union", "office", "news", "reuters", "kremlin",
    "president", "secretariat", "forum", "initiative", "network", "council", "court", "authority",
}
_INITIALS = re.compile(r"(?:[A-Z]\.?\s*-?\s*){1,4}|(?:[A-Z][a-z]?\.\s*){1,3}")
_LATIN_WORD = re.compile(r"[A-Za-z]+")
_ACRONYM = re.compile(r"[A-Z]{3,}")
_BARE_INITIALS = re.compile(r"[A-Z]{1,3}")
_UNDOTTED_INITIAL = re.compile(r"\b([A-Z])(?=\s|$)")
_PERSON_SEPARATOR = re.compile(r"\s*(?:,\s*)?(?:&|\band\b|\bund\b|\bet\b(?!\s*al))\s*")
_LEADING_ROLE = re.compile(r"^(?:by|edited by|eds?\.?|translated by)\s+", re.I)
_TRAILING_ROLE_BRACKET = re.compile(r"\s*\((?:eds?|editors?|hrsg|trans)\.?\)\s*\.?$", re.I)
_TRAILING_ROLE = re.compile(r",?\s*(?:eds?|editors?)\.?$", re.I)
_LIST_MARK = re.compile(r"[,&;]|\band\b")
_ET_AL_ANYWHERE = re.compile(r"et\.?\s*al", re.I)
_ET_AL = re.compile(r",?\s*(?:et\.?\s*al\.?|and others|& others|u\.\s?a\.)\s*$", re.I)


def _is_initials(token: str) -> bool:
    t = token.strip()
    return bool(t) and bool(_INITIALS.fullmatch(t))


def looks_like_organisation(text: str) -> bool:
    words = _LATIN_WORD.findall(text.lower())
    if any(w in ORG_WORDS for w in words):
        return True
    # All-caps acronyms ("CSIS", "NATO") are organisations, not initials.
    return bool(_ACRONYM.fullmatch(text.strip()))


@lru_cache(maxsize=65536)
def parse_person(text: str) -> Name:
    """One name: "Laruelle, M." / "Bhavna Davé" / "van der Berg, Jan" / "Smith J"."""
    s = " ".join(text.replace("*", "").split()).strip(" ,;.") if not text.strip().endswith(".") else " ".join(text.split()).strip(" ,;")
    if not s:
        return Name()
    if looks_like_organisation(s) and ("," not in s or len(s.split()) > 3):
        return Name(literal=s.rstrip("."))
    suffix = ""
    if "," in s and s.split(",", 1)[1].strip().lower() in SUFFIXES:
        # "Martin Luther King, Jr.": a suffix, not an inverted name
        s, suffix_part = s.rsplit(",", 1)
        name = parse_person(s)
        return Name(name.family, name.given, name.particle, suffix_part.strip(), name.literal)
    if "," in s:
        family, _, rest = s.partition(",")
        rest = rest.strip()
        parts = [p.strip() for p in rest.split(",")]
        if parts and parts[-1].lower() in SUFFIXES:
            suffix = parts.pop()
        given = ", ".join(parts)
        # "Smith, Jr., John": the suffix can stand in the middle too
        if given.lower() in SUFFIXES:
            suffix, given = given, ""
    else:
        words = s.split()
        if words and words[-1].lower().rstrip(",") in SUFFIXES and len(words) > 2:
            suffix = words.pop()
        if len(words) >= 2 and _is_initials(words[-1]) and not _is_initials(words[0]):
            # Vancouver: "Smith JA"
            family, given = " ".join(words[:-1]), words[-1]
            if _BARE_INITIALS.fullmatch(given):
                given = " ".join(f"{c}." for c in given)
        else:
            idx = len(words) - 1
            while idx > 0 and words[idx - 1].lower() in PARTICLES:
                idx -= 1
            family, given = " ".join(words[idx:]), " ".join(words[:idx])
    given = given.strip().rstrip(",")
    particle = ""
    fam_words = family.split()
    while len(fam_words) > 1 and fam_words[0].lower() in PARTICLES and fam_words[0][0].islower():
        particle = f"{particle} {fam_words.pop(0)}".strip()
    family = " ".join(fam_words)
    given_words = given.split()
    while given_words and given_words[-1].lower() in PARTICLES and given_words[-1][0].islower():
        particle = f"{given_words.pop()} {particle}".strip()
    given = " ".join(given_words)
    # Bare initials without dots ("Sandra F") get their dot; "RJ" → "R. J."
    given = _UNDOTTED_INITIAL.sub(r"\1.", given)
    return Name(family=family.strip(), given=given.strip(), particle=particle, suffix=suffix)


def _split_people(s: str) -> list[str]:
    """Split an author list into one string per person."""
    s = _PERSON_SEPARATOR.sub(" ; ", s)
    chunks = [c.strip() for c in s.split(";") if c.strip()]
    people: list[str] = []
    for chunk in chunks:
        parts = [p.strip() for p in chunk.split(",") if p.strip()]
        i = 0
        while i < len(parts):
            part = parts[i]
            nxt = parts[i + 1] if i + 1 < len(parts) else ""
            if nxt and nxt.lower() in SUFFIXES:
                # "Martin Luther King, Jr." – the suffix belongs to the name before it
                people.append(f"{part}, {nxt}")
                i += 2
                continue
            # "Family, Initials" or "Family, Given" pairs (APA / Chicago inverted)
            if nxt and (_is_initials(nxt) or (_core_words(part) == 1 and len(nxt.split()) <= 3 and not _looks_full(nxt) and nxt[:1].isupper())):
                people.append(f"{part}, {nxt}")
                i += 2
            else:
                people.append(part)
                i += 1
    return people


def _core_words(s: str) -> int:
    """Words of a family name that are not particles ("van der Berg" → 1)."""
    return sum(1 for w in s.split() if w.lower() not in PARTICLES)


def _looks_full(s: str) -> bool:
    """"Sandra F Joireman" is a whole name; "Jan" alone is a given name."""
    words = s.split()
    return len(words) >= 2 and not _is_initials(s)


@lru_cache(maxsize=65536)
def parse_names(text: str) -> tuple[Name, ...]:
    """All names in an author or editor list; "et al." dropped, organisations whole."""
    s = " ".join(text.split()).strip(" ,;:")
    s = _LEADING_ROLE.sub("", s)
    s = _TRAILING_ROLE_BRACKET.sub("", s)
    s = _TRAILING_ROLE.sub("", s)
    s = _ET_AL.sub("", s).strip(" ,;")
    if not s:
        return ()
    if looks_like_organisation(s) and not _LIST_MARK.search(s):
        return (Name(literal=s.rstrip(".")),)
    names = [parse_person(p) for p in _split_people(s)]
    return tuple(n for n in names if n.family or n.literal)


def has_et_al(text: str) -> bool:
    return bool(_ET_AL_ANYWHERE.search(text))

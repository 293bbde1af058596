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
    # issue 13: bodies policy documents cite as authors
    "philanthropies", "team", "staff", "assembly", "administration", "corporation", "company", "inc",
    "llc", "ltd", "trust", "alliance", "coalition", "federation", "league", "laboratory", "campaign",
    "watch", "tribunal", "treasury", "directorate", "division", "embassy", "academy", "college",
    "statistics", "newswire", "international", "caucus", "conference", "cabinet", "congress", "senate",
    "army", "navy",
    # plurals that name bodies ("Amazon Web Services", "Bell Laboratories"); not "banks",
    # "fields" or "courts", which are family names too
    "services", "laboratories", "industries", "institutes", "libraries", "archives", "academies",
    "technologies", "systems",
    # issue 13, twelfth session: "Microsoft Research", "Microsoft Corporate Blogs" (the family name was "Research")
    "research", "blogs", "collaborative", "project", "club", "force",
    # fourteenth session: "MIT Media Lab", "Jet Propulsion Lab", "Bell Labs"
    "lab", "labs", "municipality",
    # fifteenth session: bodies named by a plural or a collective noun no family name is
    # ("Cohesive Networks", "Texas Instruments", "Software Credit Workshop",
    # "Cryptographic Research and Evaluation Committees", "USDA Rural Development")
    "networks", "instruments", "workshop", "committees", "development", "consortium",
    "partnership", "observatory", "councils", "agencies", "ministries", "departments",
    "subcommittee", "subcommittees", "affairs",
}
#: Bodies known by a name that holds no body word ("White House, Office of the Press Secretary"
#: was a person White House), as their words are read (lower case, letters only).
_KNOWN_BODIES = frozenset({("white", "house"), ("pentagon",), ("downing", "street")})
#: How a country's bodies are named before their name ("U.S. Army").
_NATION_PREFIXES = frozenset({"U.S.", "U.K.", "US ", "UK ", "EU ", "UN "})
#: The same as words of their own.
_NATION_WORDS = frozenset(p.strip() for p in _NATION_PREFIXES)
#: Lower-case words that link a body's words ("Library of Congress", "Center for …") and no person's name has.
_BODY_LINKS = frozenset({"of", "for", "on"})
#: Titles of office printed before a name ("Patriarch Bartholomew", "President
#: Ana Ruiz"): not part of the name, so not a given name either.
OFFICE_TITLES = {
    "patriarch", "pope", "president", "secretary-general", "senator", "sen.", "rep.", "representative",
    "chancellor", "minister", "ambassador", "governor", "mayor", "cardinal", "archbishop", "bishop",
    "rabbi", "imam", "sheikh", "king", "queen", "prince", "princess", "sir", "dame", "dr.", "prof.",
    "professor", "metropolitan", "commissioner", "judge",
}
_INITIALS = re.compile(r"(?:[A-Z]\.?\s*-?\s*){1,4}|(?:[A-Z][a-z]?\.\s*){1,3}")
_LATIN_WORD = re.compile(r"[A-Za-z]+")
#: A name opening with the article ("The White House", "The Washington Post"): a body or a paper.
_ARTICLE_LED = re.compile(r"^\s*The\s+[A-Z]")
#: A firm's closing abbreviation after its name ("Trans-Matic Manufacturing Co.", "Acme Corp.").
#: Two words before it at least: "Co" after a given name is a family name ("Kim Co").
_COMPANY_END = re.compile(r"^\s*(?:\S+\s+){2,}(?:Co|Corp)\.?\s*$")
_BARE_INITIALS = re.compile(r"[A-Z]{1,3}")

#: A body's acronym and its name spelt out in brackets, as author-date lists of agencies write
#: them: "USGS (US Geological Survey)", "ADEQ (Arizona Department of Environmental Quality)".
_ACRONYM_SPELT_OUT = re.compile(r"[A-Z][A-Z&]{1,9} \([A-Z][^()]{3,120}\)\.?")
_UNDOTTED_INITIAL = re.compile(r"\b([A-Z])(?=\s|$)")
#: What separates two people in a list (the definition; _split_people runs the
#: equivalent _PERSON_SEPARATOR_FAST below, and tests/test_normalise_speedups.py
#: checks the two split alike).
_PERSON_SEPARATOR = re.compile(r"\s*(?:,\s*)?(?:&|\band\b|\bund\b|\bet\b(?!\s*al))\s*")
_SEPARATOR_WORD = r"(?:&|\band\b|\bund\b|\bet\b(?!\s*al))"
#: The same matches as _PERSON_SEPARATOR, found faster: every match starts with a
#: space, a comma, "&", "a", "u" or "e", and a pattern that opens with that set lets
#: the regex engine skip straight to such characters instead of trying the pattern
#: at every position. The branch is picked by what was consumed (the lookbehinds);
#: ``(?<!\wa)`` after an "a" is the ``\b`` that precedes it in ``\band``.
_PERSON_SEPARATOR_FAST = re.compile(
    r"[\s,&aue]"
    r"(?:(?<=\s)\s*(?:,\s*)?" + _SEPARATOR_WORD  # spaces (and a comma) before the word
    + r"|(?<=,)\s*" + _SEPARATOR_WORD  # a comma before the word
    + r"|(?<=&)"
    r"|(?<=a)(?<!\wa)nd\b"
    r"|(?<=u)(?<!\wu)nd\b"
    r"|(?<=e)(?<!\we)t\b(?!\s*al)"
    r")\s*"
)
_LEADING_ROLE = re.compile(r"^(?:(?:all|both|coordinated)\s+by|by|edited by|eds?\.?|translated by)\s+", re.I)
_TRAILING_ROLE_BRACKET = re.compile(r"\s*\((?:eds?|editors?|hrsg|trans)\.?\)\s*\.?$", re.I)
#: ", eds." after the names; a word of its own ("Reed", "Ahmed" end in "ed" too).
_TRAILING_ROLE = re.compile(r",?\s*\b(?:eds?|editors?)\.?$", re.I)
_ET_AL_ANYWHERE = re.compile(r"et\.?\s*al", re.I)
_ET_AL = re.compile(r",?\s*(?:et\.?\s*al\.?|and others|& others|u\.\s?a\.)\s*$", re.I)
_AND_WORD = re.compile(r"\band\b")
#: First letters a _LEADING_ROLE match can start with ("by", "eds.", "translated by", "all by", "coordinated by").
_ROLE_INITIALS = frozenset("bBeEtTaAcC")
_ASCII_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_ASCII_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")
#: Last characters an _ET_AL match can end on (before trailing spaces); "ſ" is an
#: "s" to re.IGNORECASE. A final "." must follow "al" or "a" ("et al.", "u. a.").
_ET_AL_LAST = frozenset("lLsSſ")
_ET_AL_BEFORE_DOT = frozenset("lLaA")


def _is_initials(token: str) -> bool:
    """Whether ``token`` is initials only ("M.", "R. J.", "JA", "Ch.").

    Fast paths before the regex: both of its alternatives start with [A-Z], and
    a lower-case second letter must be followed by "." ("Smith", "Jan" fail).
    """
    t = token.strip()
    if not t or t[0] not in _ASCII_UPPER:
        return False
    if t[1:2] in _ASCII_LOWER and t[2:3] != ".":
        return False
    return _INITIALS.fullmatch(t) is not None


def looks_like_organisation(text: str) -> bool:
    words = _LATIN_WORD.findall(text.lower())
    if not ORG_WORDS.isdisjoint(words):
        return True
    if len(words) <= 2 and tuple(words) in _KNOWN_BODIES:
        return True
    if len(words) >= 2 and _news_outlet(text):
        return True  # "New York Times", "Associated Press": a paper or a wire (one word may be a family name: "Stern")
    if text[:4] in _NATION_PREFIXES:
        return True  # "U.S. Army", "U.K. Cabinet Office": a country's body, not a person called "U.S."
    if "(" in text and _ACRONYM_SPELT_OUT.fullmatch(text.strip()):
        return True  # "USGS (US Geological Survey)": no person is named by an acronym
    if _ARTICLE_LED.match(text) or _COMPANY_END.match(text):
        return True  # "The White House", "The Guardian"; "Trans-Matic Manufacturing Co.": no person's name
    if len(words) >= 3 and "," not in text and not _BODY_LINKS.isdisjoint(text.split()[1:-1]):
        return True  # "Historian of the House of Representatives": people's names hold no "of" or "for"
    # All-caps acronyms ("CSIS", "NATO") are organisations, not initials.
    # (Three or more of A-Z and nothing else.)
    t = text.strip()
    return len(t) >= 3 and t.isascii() and t.isalpha() and t.isupper()


def _news_outlet(text: str) -> bool:
    """Whether ``text`` is wholly a news outlet's name (crf/lexicons/news-outlets.txt)."""
    from bibkaz.parse.crf.lexicon import news_outlet

    return bool(news_outlet(text))


@lru_cache(maxsize=65536)
def parse_person(text: str) -> Name:
    """One name: "Laruelle, M." / "Bhavna Davé" / "van der Berg, Jan" / "Smith J"."""
    if text.rstrip().endswith("."):
        s = " ".join(text.split()).strip(" ,;")
    else:
        s = " ".join(text.replace("*", "").split()).strip(" ,;.")
    if not s:
        return Name()
    if "," in s:
        # The cheap word-count test first: "Family, Given" needs no organisation check.
        if len(s.split()) > 3 and looks_like_organisation(s):
            return Name(literal=s.rstrip("."))
        family, _, rest = s.partition(",")
        rest = rest.strip()
        if rest.lower() in SUFFIXES:
            # "Martin Luther King, Jr.": a suffix, not an inverted name (a suffix
            # holds no comma, so this was the only one: family is all before it)
            name = parse_person(family)
            return Name(name.family, name.given, name.particle, rest, name.literal)
        given, suffix = _given_and_suffix(rest)
    else:
        words = _without_office(s).split()
        if looks_like_organisation(" ".join(words)):
            return Name(literal=s.rstrip("."))
        family, given, suffix = _split_uninverted(words)
        if len(family) > 2 and family.endswith(".") and family[-2].islower():
            family = family[:-1]  # "Rita J. Moss." — the sentence's full stop, not an abbreviation
    given = given.strip().rstrip(",")
    particle = ""
    fam_words = family.split()
    while len(fam_words) > 1 and fam_words[0][0].islower() and fam_words[0].lower() in PARTICLES:
        particle = f"{particle} {fam_words.pop(0)}".strip()
    given_words = given.split()
    while given_words and given_words[-1][0].islower() and given_words[-1].lower() in PARTICLES:
        particle = f"{given_words.pop()} {particle}".strip()
    given = " ".join(given_words)
    if _has_undotted_initial(given, given_words):
        # Bare initials without dots ("Sandra F") get their dot; "RJ" → "R. J."
        given = _UNDOTTED_INITIAL.sub(r"\1.", given)
    # Both joined on single spaces: nothing at their edges for strip() to take.
    return Name(" ".join(fam_words), given, particle, suffix)


def _without_office(s: str) -> str:
    """"Patriarch Bartholomew" → "Bartholomew"; "President of Russia" stays (an office, not a title before a name)."""
    words = s.split()
    while len(words) > 1 and words[0].lower() in OFFICE_TITLES and words[1][:1].isupper():
        words.pop(0)
    return " ".join(words)


def _given_and_suffix(rest: str) -> tuple[str, str]:
    """Given name and suffix from what follows the first comma of "Family, Given"
    (``rest`` stripped and not itself a suffix)."""
    if "," not in rest:
        return rest, ""  # the common "Laruelle, M.": one part, not a suffix
    parts = [p.strip() for p in rest.split(",")]
    suffix = ""
    if parts[-1].lower() in SUFFIXES:
        suffix = parts.pop()
    given = ", ".join(parts)
    # "Smith, Jr., John": the suffix can stand in the middle too
    if given.lower() in SUFFIXES:
        suffix, given = given, ""
    return given, suffix


def _split_uninverted(words: list[str]) -> tuple[str, str, str]:
    """(family, given, suffix) of a name with no comma: "Bhavna Davé", "Smith JA"."""
    suffix = ""
    if len(words) > 2 and words[-1].lower() in SUFFIXES:
        suffix = words.pop()
    if len(words) >= 2 and _is_initials(words[-1]) and not _is_initials(words[0]):
        # Vancouver: "Smith JA"; with dotted initials, all of them ("Parlet B. N.", "Ivanov I. I.")
        cut = len(words) - 1
        while cut > 1 and _is_initials(words[cut - 1]) and words[cut - 1].endswith(".") \
                and words[cut - 1].lower() not in SUFFIXES:
            cut -= 1
        family, given = " ".join(words[:cut]), " ".join(words[cut:])
        if _BARE_INITIALS.fullmatch(given):
            given = " ".join(f"{c}." for c in given)
        return family, given, suffix
    idx = len(words) - 1
    while idx > 0 and words[idx - 1].lower() in PARTICLES:
        idx -= 1
    return " ".join(words[idx:]), " ".join(words[:idx]), suffix


def _has_undotted_initial(given: str, words: list[str]) -> bool:
    """Whether _UNDOTTED_INITIAL can match ``given`` (``words`` joined by single
    spaces): it needs a capital A-Z that ends a word."""
    if not given:
        return False
    return given[-1] in _ASCII_UPPER or (" " in given and any(w[-1] in _ASCII_UPPER for w in words))


def _split_people(s: str) -> list[str]:
    """Split an author list into one string per person."""
    if _may_have_separator(s):
        s = _PERSON_SEPARATOR_FAST.sub(" ; ", s)
    if ";" not in s and "," not in s:
        s = s.strip()  # one person (or organisation): nothing to split or pair up
        return [s] if s else []
    chunks = [c for c in map(str.strip, s.split(";")) if c]
    people: list[str] = []
    for chunk in chunks:
        parts = [p for p in map(str.strip, chunk.split(",")) if p]
        i = 0
        while i < len(parts):
            part = parts[i]
            nxt = parts[i + 1] if i + 1 < len(parts) else ""
            if nxt and nxt.lower() in SUFFIXES:
                # "Martin Luther King, Jr." – the suffix belongs to the name before it
                people.append(f"{part}, {nxt}")
                i += 2
                continue
            # "Family, Initials" or "Family, Given" pairs (APA / Chicago inverted); the given names
            # may end in the family's particle ("Vries, S. E. de") or open with an initial
            # in a list inverted throughout ("Walter, M. Todd" among "Kendy, Eloise, …"; not in "Langdon,
            # R. Coltheart, M. Ward", names cut after their family names)
            if nxt and (_is_initials(nxt) or (nxt[:1].isupper() and _core_words(part) == 1 and (_given_then_particle(nxt) or (
                    (i == 0 and (nxt[-1:].isupper() or nxt[1:2] == " ") and _bare_family(part)
                     and _given_undotted_then_person(nxt, parts[i + 2:i + 3], len(parts) == 2)) or
                    len(nxt.split()) <= 3 and (not _looks_full(nxt) or (i == 0 and _bare_family(part) and _given_names(nxt, len(parts) == 2))
                                               or ((i == 0 or ", " in people[-1]) and _initial_then_given(nxt)
                                                   and not _initial_then_given(parts[i + 2] if i + 2 < len(parts) else ""))))))):
                after = parts[i + 2] if i + 2 < len(parts) else ""
                if after and after.lower().rstrip(".") in SUFFIXES:
                    # "Spriggs, J. F., II": the suffix follows the inverted name
                    people.append(f"{part}, {nxt}, {after.rstrip('.')}")
                    i += 3
                    continue
                people.append(f"{part}, {nxt}")
                i += 2
            else:
                people.append(part)
                i += 1
    return people


def _given_then_particle(s: str) -> bool:
    """"S. E. de", "S. E. J. de", "G. van der", "J. David Van": given names or initials and then the family
    name's particle, as APA and Wikipedia lists invert "de Vries" and "Van Dyken"."""
    words = s.split()
    if not 2 <= len(words) <= 5 or words[-1].lower() not in PARTICLES:
        return False
    given = words[:-1]
    while len(given) > 1 and given[-1] in PARTICLES:
        given.pop()  # "G. van der" (Schrier): a particle of two words, the first in lower case
    return all(w[:1].isupper() for w in given)


#: A given name and its undotted middle initials, as pandoc's Chicago author-date prints the first
#: author: "Colin F" of "Camerer, Colin F, Anna Dreber, …".
_GIVEN_UNDOTTED = re.compile(r"[A-Z][a-zà-ÿ’'-]+(?: [A-Z][a-zà-ÿ’'-]+)?(?: [A-Z]{1,3}){1,3}|[A-Z] [A-Z][a-zà-ÿ’'-]+")


def _given_undotted_then_person(s: str, after: list[str], alone: bool = False) -> bool:
    """"Colin F", "John PA", "C Samuel" followed by a name written given name first ("Anna Dreber",
    "R Grant Steen"), or ending its part of the list (``alone``): the first author inverted, the rest
    not, with undotted initials. (A Vancouver list, "Hurrell JW, Gomez F", never opens with a family
    name standing alone, and its names end in initials.)"""
    if not _GIVEN_UNDOTTED.fullmatch(s):
        return False
    if not after:
        return alone  # "Craig, C Samuel, and John M McCann": the part before "and" is the whole name
    words = after[0].split()
    return 2 <= len(words) <= 7 and all(w[:1].isupper() for w in words) and not _is_initials(words[-1])


def _initial_then_given(s: str) -> bool:
    """"M. Todd": one or two dotted initials, then one capitalised given name (a middle name used)."""
    words = s.split()
    return 2 <= len(words) <= 3 and all(_is_initials(w) and w.endswith(".") for w in words[:-1]) \
        and words[-1][:1].isupper() and not _is_initials(words[-1]) and words[-1].isalpha()


def _may_have_separator(s: str) -> bool:
    """False when _PERSON_SEPARATOR cannot match: it needs "&", "and", "und" or "et"
    (case-sensitive), and scanning for it costs far more than these tests."""
    return "&" in s or "and" in s or "und" in s or "et" in s


def _core_words(s: str) -> int:
    """Words of a family name that are not particles ("van der Berg" → 1)."""
    return sum(1 for w in s.split() if w.lower() not in PARTICLES)


def _bare_family(s: str) -> bool:
    """A family name alone, particles (in lower case) allowed: "Hatry", "van der Berg"; not "Laurie DA"."""
    words = s.split()
    return all(w.lower() in PARTICLES for w in words[:-1])  # ("Van Assen" as pandoc capitalises it)


def _given_names(s: str, alone: bool = False) -> bool:
    """"David N.", "Harry P.", "Mary Campbell": what follows the comma of a list's
    first name in Chicago and MLA bibliographies ("Hatry, Harry P., Elaine Morley,
    and Joseph Wholey", only the first name inverted), or of a name that opens a
    part after "and" or ";" ("Aslin, Richard N.; Saffran, Jenny R."). A family name
    standing alone there is never a person of its own, so these words are its given names:
    a given name with initials after it, or two or three capitalised words with
    no initials at all. ("Sandra F Joireman", an initial inside, is a whole name.)
    ``alone``: these words and the family name before them are all there is."""
    words = s.split()
    if not all(w[:1].isupper() for w in words) or _is_initials(words[0]):
        return False
    rest = " ".join(words[1:])
    if len(words) > 1 and _is_initials(rest) and (rest.endswith(".") or (alone and len(rest) == 1)):
        # "Harry P.", "Mary E. K."; "David N" only as the whole name (the final dot cleaned
        # off): in a list "Hurrell JW" and "Gómez F" are Vancouver names of their own
        return True
    # no initials, no full stop ("Béatrice. GUEGEN" is two names), no family name in capitals
    return not any(_is_initials(w) or "." in w or (len(w) > 1 and w.isupper()) for w in words)


def _looks_full(s: str) -> bool:
    """"Sandra F Joireman" is a whole name; "Jan" alone is a given name."""
    words = s.split()
    return len(words) >= 2 and not _is_initials(s)


def _may_end_in_role(s: str) -> bool:
    """False when _TRAILING_ROLE cannot match: its match ends the string (at most
    a newline after it) and holds "ed" (any case), so within the last 9 characters."""
    return "ed" in s[-9:].lower()


def _may_end_in_et_al(s: str) -> bool:
    """False when _ET_AL cannot match: its match ends the string but for spaces, on
    "l", "s" (or "ſ", an "s" to re.I), "al." or "a." ("et al", "and others", "u. a.")."""
    t = s.rstrip()
    last = t[-1:]
    return last in _ET_AL_LAST or (last == "." and t[-2:-1] in _ET_AL_BEFORE_DOT)


def _has_list_mark(s: str) -> bool:
    """A comma, "&", ";" or the word "and" (the regex only where "and" occurs)."""
    return "," in s or "&" in s or ";" in s or ("and" in s and _AND_WORD.search(s) is not None)


@lru_cache(maxsize=65536)
def parse_names(text: str) -> tuple[Name, ...]:
    """All names in an author or editor list; "et al." dropped, organisations whole."""
    s = " ".join(text.split()).strip(" ,;:")
    if "\u2010" in s or "\u2011" in s:  # PDF text's hyphen characters: "Choi S‐CT" is "Choi S-CT"
        s = s.replace("\u2010", "-").replace("\u2011", "-")
    if s[:1] in _ROLE_INITIALS:
        s = _LEADING_ROLE.sub("", s)
    if ")" in s:  # _TRAILING_ROLE_BRACKET needs one
        s = _TRAILING_ROLE_BRACKET.sub("", s)
    if _may_end_in_role(s):
        s = _TRAILING_ROLE.sub("", s)
    if _may_end_in_et_al(s):
        s = _ET_AL.sub("", s)
    s = s.strip(" ,;")
    if not s:
        return ()
    if s[-1:] == ")":
        s = _without_role_after_name(s)
    if s[-1:] in ")." and "(" in s and _ACRONYM_SPELT_OUT.fullmatch(s):  # its "and" joins no two people
        return (Name(literal=s.rstrip(".")),)
    if not _has_list_mark(s) and looks_like_organisation(_without_office(s) if s[:1].isupper() else s):
        return (Name(literal=s.rstrip(".")),)
    people = _joined_phrases(_split_people(s), s)
    if len(people) > 1 and _one_body(people):
        return (Name(literal=s.rstrip(".")),)
    names = [parse_person(p) for p in people]
    return tuple([n for n in names if n.family or n.literal])


#: A person's name and a parenthesised description after it: "Dilawar Syed (State Department
#: Special Representative for Commercial and Business Affairs)".
_ROLE_AFTER_NAME = re.compile(r"^(?P<name>(?:[A-Z][\w’'.-]*\s+){1,3}[A-Z][\w’'-]+)\s*\([^()]{3,}\)$")


def _without_role_after_name(s: str) -> str:
    """A person's name without the office or affiliation a note puts in brackets after it
    (its "and" would split it into more people); a body's bracketed acronym stays
    ("Social Security Administration (SSA)")."""
    m = _ROLE_AFTER_NAME.match(s)
    if not m or looks_like_organisation(m.group("name")):
        return s
    return m.group("name")


#: A body's acronym standing for its name: "DOE", "USDA", "NOAA".
_ACRONYM = re.compile(r"[A-Z]{2,8}")


def _one_body(parts: list[str]) -> bool:
    """Whether the pieces a list split gave are one body's name cut at its "and"s
    and commas: "Office of Management and Budget", "U.S. Congress, House Committee
    on Ways and Means", "Department of Health, Education, and Welfare". A body's
    pieces are bodies themselves or single words (no person is one word without
    a given name), and at least one piece is a body."""
    if all(_ACRONYM.fullmatch(part) for part in parts):
        return False  # "DOE and USDA", "NASA and NOAA": bodies named by their acronyms, each one body
    bodies = 0
    for part in parts:
        if looks_like_organisation(part):
            bodies += 1
        elif len(part.split()) != 1 or "," in part or not part[:1].isupper():
            return _joined_body(parts)
    return bodies > 0


def _joined_body(parts: list[str]) -> bool:
    """"American Productivity & Quality Center", "Johnson and Johnson Foundation": two
    pieces, the last a body named by its final word, the first capitalised words with
    no initials and no given name in front (not "Jane Smith and Royal Society")."""
    if len(parts) != 2:
        return False
    from bibkaz.parse.crf.lexicon import lexicon

    if _body_phrase_continued(parts[0], parts[1]):
        return True
    first, last = parts[0].split(), parts[1].split()
    if not last or last[-1].lower().strip(".") not in ORG_WORDS or not 1 <= len(first) <= 3:
        return False
    if len(first) > 1 and first[0] in _NATION_WORDS:
        first = first[1:]  # "US Food and Drug Administration": the country's name, no person's initials
    return all(w[:1].isupper() and not _is_initials(w) for w in first) and first[0].lower() not in lexicon("given-names")


#: What a body's name may end with after its words: its acronym in brackets ("… Budget (OMB)").
_ACRONYM_AFTER = re.compile(r"\s*\([A-Z][A-Za-z&.]{1,9}\)$")


def _joined_phrases(parts: list[str], s: str) -> list[str]:
    """``parts`` with a body's name the list split at its "and" joined again ("White House, Office
    of Science and Technology Policy": "Office of Science" and "Technology Policy" are one body;
    "U.S. Congress, House Energy and Commerce Committee": "House Energy" and "Commerce Committee")."""
    if len(parts) < 3 or " and " not in s:
        return parts  # two pieces: _one_body and _joined_body decide
    out = [parts[0]]
    for part in parts[1:]:
        if f"{out[-1]} and {part}" in s and (_body_phrase_continued(out[-1], part) or _joined_body([out[-1], part])):
            out[-1] = f"{out[-1]} and {part}"
        else:
            out.append(part)
    return out


def _body_phrase_continued(first: str, last: str) -> bool:
    """"Institute on Taxation and Economic Policy", "Office of Management and Budget (OMB)",
    "American Association of State Highway and Transportation Officials": the "and" joins two
    objects of the body's "of", "on" or "for", so what follows it is no person: one to three
    capitalised words, no initials, no given name first, perhaps the body's acronym after."""
    from bibkaz.parse.crf.lexicon import lexicon

    head = first.split()
    if len(head) < 3 or _BODY_LINKS.isdisjoint(head[1:]) or not looks_like_organisation(first):
        return False
    tail = _ACRONYM_AFTER.sub("", last).split()
    return 1 <= len(tail) <= 3 and all(w[:1].isupper() and not _is_initials(w) for w in tail) \
        and tail[0].lower() not in lexicon("given-names")


def has_et_al(text: str) -> bool:
    return bool(_ET_AL_ANYWHERE.search(text))

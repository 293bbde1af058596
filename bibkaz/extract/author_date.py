"""Author-date citations in the body: APA, Harvard, Chicago author-date, MLA-ish.

Parenthetical "(Meister, 2018, p. 309)", several in one pair "(Balan, 2022;
Kirby, 2021)", Harvard "(Cooley 2012: 45)", narrative "Putin (2022)", two
authors "Idan & Shaffer" / "Idan and Shaffer", "Ohle et al." (USGS: "Ohle and others"), year suffixes
"2022a", several years "Smith 2019, 2020". Prose years ("in 2015"), date
ranges "(2020–2030)" and months "(January 2022)" are not citations.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import partial
from itertools import count
from typing import Callable, Iterator

from bibkaz.extract.text import Paragraph, sentence_around
from bibkaz.parse.normalise.dates import MONTHS

#: A year, with its suffix and, as OECD publications write it, the number of its entry in the chapter's
#: list ("2023[1]": the entry is found by name and year, the number only tells which list).
_YEAR = r"(?:1[5-9]\d\d|20\d\d)[a-z]?(?:\[\d{1,3}\])?|n\.\s?d\."
# Bounded: a name word of at most 60 characters, at most 12 names before the year.
# Unbounded, a long run of capitals or of "Smith, J. " made every start position
# scan (and backtrack over) the rest of the paragraph: quadratic.
_NAME_WORD = r"[A-Z\u00C0-\u024F][\w’'\-]{0,60}\.?"


def _authors(word: Callable[[], str]) -> str:
    """The names before a year, each name word written by ``word()`` (called once for each place
    a word stands: the narrative pattern gives each its own group names)."""
    names = (lambda: rf"(?:(?:van|von|de|del|der|den|di|da|du|dos|al|el|le|la)\s){{0,2}}{word()}"
                     rf"(?:\s(?:(?:van|von|de|der|of|for|the)\s)?{word()}){{0,5}}")
    return (rf"(?P<names>{names()}(?:(?:,\s|\s(?:and|&)\s|,\s(?:and|&)\s){names()}){{0,11}}"
            rf"(?:,?\s+(?:et\.?\s+al\.?|and\s+others))?)")


def _whole_name_word(place: Iterator[int]) -> str:
    """_NAME_WORD as the narrative pattern reads it: the same matches, with less backtracking.

    Tried at every word start of a paragraph with a "(year", the narrative pattern spent most
    of its time giving back a capitalised word's letters one by one once the text turned out
    not to be a citation (~2 µs a character of capitalised text). Nothing that may follow a name
    word starts with a letter, so a give-back can only lead to a match through the possessive
    ("Putin’s (2022)"), and the whole word allows that too, except where the 60-letter bound
    cuts the word inside its final "’s". So a word takes all its letters at once (a look-ahead
    and a back-reference: an atomic group before Python 3.11), or, for that case, all but the
    "’s". tests/test_author_date_speed.py checks the matches against the plain pattern's.
    """
    n = next(place)
    return rf"[A-Z\u00C0-\u024F](?:(?=(?P<w{n}>[\w’'\-]{{0,60}}))(?P=w{n})\.?|[\w’'\-]{{0,60}}(?=[’']s\s))"


_AUTHORS = _authors(lambda: _NAME_WORD)
_PART = re.compile(
    rf"^(?:(?i:see(?:\salso)?|e\.g\.|cf\.|as\scited\sin|quoted\sin|i\.e\.|after|for\s(?:example|instance)|"
    rf"(?:taken|modified|adapted|reproduced|redrawn|data)\sfrom)[,:]?\s+){{0,2}}{_AUTHORS},?\s+"
    rf"(?P<years>(?:{_YEAR})(?:\s?,\s?(?:{_YEAR}))*)(?:\s*[,:]\s*(?P<loc>.+?))?\s*$",

)
# MLA: "(Garcia 112)", "(Ferreira and Lopes 104)": names and a page, no year.
_MLA_PART = re.compile(rf"^{_AUTHORS}\s+(?P<loc>\d{{1,4}}(?:\s*[-–]\s*\d{{1,4}})?)$")

def narrative_pattern(word: Callable[[], str]) -> re.Pattern[str]:
    """"Putin (2022)", "Idan and Shaffer’s (2019: 4)": names, then years in brackets; square ones as
    natbib's author-year styles of economics print them ("Ameriks et al. [2020]"). Starts only
    at the beginning of a word: trying every letter of a long word was quadratic."""
    return re.compile(rf"(?<![\w’'\-]){_authors(word)}(?:[’']s)?\s+"
                      rf"[(\[](?P<years>(?:{_YEAR})(?:,\s?(?:{_YEAR}))*)(?:\s*[,:]\s*(?P<loc>[^()\[\]]+?))?[)\]]")


_NARRATIVE = narrative_pattern(partial(_whole_name_word, count()))
_PAREN = re.compile(r"\(([^()]{4,400})\)")
#: Square brackets hold an author-date citation in a figure's caption ("[modified from Lee et al.,
#: 2023b]"); not the words of a Markdown link ("[Lee 2019](…)", "[Lee 2019][3]", "[x]: …"), nor
#: a page's MLA-like "[Garcia 112]", which the round brackets' MLA reading is kept to.
_SQUARE = re.compile(r"\[([^\[\]]{4,400})\](?![(\[:])")
#: What every narrative citation holds: an opening bracket (round or square) and a year (or "n.d.") right
#: inside it.
#: A paragraph without one is not searched for them (the narrative pattern, tried at every word
#: start, is the costly part of this module).
_PAREN_YEAR = re.compile(rf"[(\[](?:{_YEAR})")
#: The pieces of a citation's names and years (compiled once: they run on every citation found).
#: "et al." and the U.S. Geological Survey's "and others" for it.
_ET_AL = re.compile(r",?\s+(?:et\.?\s+al\.?|and\s+others)$", re.I)
_NAME_SEPARATOR = re.compile(r",\s(?:and\s|&\s)?|\s(?:and|&)\s")
_YEAR_SEPARATOR = re.compile(r"\s?,\s?")
_YEAR_SUFFIX = re.compile(r"(\d{4})([a-z]?)")
_PART_OF_PAREN = re.compile(r"[^;]+")
_NOT_NAMES = {
    "in", "the", "since", "from", "between", "during", "after", "before", "until", "by", "of", "and", "on", "at",
    "spring", "summer", "autumn", "fall", "winter", "early", "late", "mid", "circa", "ca", "about", "around",
    "see", "this", "that", "these", "it", "we", "they", "he", "she", "also", "est", "founded", "born", "died",
    "figure", "fig", "table", "chapter", "section", "page", "vol", "no", "p", "pp", "q1", "q2", "q3", "q4",
    "justice", "justices", "senator", "representative", "president", "judge",
}


@dataclass(frozen=True)
class AuthorDate:
    names: tuple[str, ...]  # family names or organisation, as written
    year: str  # "2022"; "" for n.d.
    suffix: str  # "a"
    locator: str
    text: str
    line: int
    sentence: str
    page_only: bool = False  # MLA author-page: linked by names alone, dropped when nothing matches


def _split_names(names: str) -> tuple[str, ...]:
    """The names of a citation, each as the list gives it: "Britain and Trudgill’s" names Britain and
    Trudgill (a narrative citation's possessive is the sentence's, not the name's)."""
    names = _ET_AL.sub("", names.strip())
    parts = _NAME_SEPARATOR.split(names)
    return tuple(_POSSESSIVE.sub("", p.strip()) for p in parts if p.strip())


#: A possessive's ending on a name: "Labov’s (2001)".
_POSSESSIVE = re.compile(r"[’']s$")


#: Last words that end a publisher's or an office's name, not a person's: "MIT Press 2018".
_NOT_LAST_NAMES = frozenset({"press", "publishing", "publishers", "books"})
#: A chamber's abbreviation before a bill's number.
_CHAMBER = re.compile(r"(?:S|H\.\s?R|H|H\.\s?J|S\.\s?J)\.?")


def _valid(names: tuple[str, ...]) -> bool:
    if not names:
        return False
    for n in names:
        words = n.split()
        first = words[0].lower().rstrip(".")
        if first in _NOT_NAMES or first in MONTHS or words[-1].lower() in _NOT_LAST_NAMES:
            return False
    # a bill's chamber and number ("S. 1547", "H.R. 1761"), not an initial and a year
    return not (len(names) == 1 and _CHAMBER.fullmatch(names[0]))


def _cites(match: re.Match[str], p: Paragraph, start: int, end: int, text: str, loc: str | None = None) -> list[AuthorDate]:
    names = _lead_word_off(_split_names(match.group("names")))
    if not _valid(names):
        return []
    out = []
    loc = (match.group("loc") or "").strip() if loc is None else loc
    for raw_year in _YEAR_SEPARATOR.split(match.group("years")):
        ym = _YEAR_SUFFIX.match(raw_year)
        year, suffix = (ym.group(1), ym.group(2)) if ym else ("", "")
        out.append(AuthorDate(names, year, suffix, loc, text, p.line_at(start), sentence_around(p.text, start, end)))
    return out


def _comma_units(part: str, start: int) -> Iterator[tuple[re.Match[str], str, str | None, int]]:
    """The author-date units of one part of a bracket, each with its text, its locator (None: the
    match's own) and where it starts: usually one, but the linguists' unified style sheet (and many
    others) separate a group's units with commas, "(Lakin 2013, Dijksterhuis & Bargh 2001)", where a
    locator would stand: what follows a comma of the "locator" that is itself names and a year is
    another unit ("Bell 1984: 12, Selting 1985")."""
    while True:
        pm = _PART.match(part)
        if pm is None:
            return
        loc = pm.group("loc") or ""
        last_year = max((y.start() for y in _A_YEAR.finditer(loc)), default=-1)
        # a unit opens with a capital and holds a year: only such places are tried (a few per part)
        places = [c for c in _COMMA.finditer(loc) if c.end() < last_year and loc[c.end():c.end() + 1].isupper()]
        for comma in places[:_UNITS_TRIED]:
            nxt = _PART.match(loc[comma.end():])
            if nxt is not None and _valid(_split_names(nxt.group("names"))):
                break
        else:
            yield pm, part, None, start
            return
        cut = pm.start("loc") + comma.start()
        yield pm, part[:cut].rstrip(" ,:"), loc[:comma.start()].strip(), start
        start += pm.start("loc") + comma.end()
        part = loc[comma.end():]


#: Where a unit of a group may end: a comma, or a locator's end (", Selting 1985").
_COMMA = re.compile(r"(?:^|,)\s*")
_A_YEAR = re.compile(rf"\b(?:{_YEAR})")
#: How many places of one locator are tried as the start of another unit (each try is a match).
_UNITS_TRIED = 6


def _lead_word_off(names: tuple[str, ...]) -> tuple[str, ...]:
    """Names without a capitalised word of the sentence before them: "See Smith (2010)", "In Lee and
    Kay (2019)" (the pattern takes every capitalised word before the year as a name)."""
    if names:
        first, _, rest = names[0].partition(" ")
        if rest and first.lower().rstrip(".,") in _LEAD_WORDS:
            return (rest, *names[1:])
    return names


#: Words of a sentence that may stand, capitalised, right before the names ("See", "In", "Following");
#: not a title of office ("Justice Antonin Scalia (2016)" is a date of the person, no citation).
_LEAD_WORDS = frozenset({"see", "in", "also", "cf", "and", "but", "as", "by", "from", "after", "following", "per",
                         "thus", "hence", "however", "while", "since", "unlike", "like", "according"})


#: Where a bracket's own words give way to its citations: a word that points at a source ("see", "cf.",
#: "e.g.") or a dash, before a capital: "(for a review, see Beaman 2020: 64–65)", "(such as urban
#: dialects — Labov 1966, Britain 2012)". Not a bare comma or colon: "(Tulsa, Oklahoma, 2005)" is a
#: publisher's place and date.
_LEAD_IN = re.compile(r"(?:(?:[,:;]\s+|\s)(?:see(?:\s+also)?|cf\.|e\.g\.,?|i\.e\.,?|for\s+example,?)|\s[—–])\s+"
                      r"(?=[A-Z\u00C0-\u024F])", re.I)
#: How many such places of one part are tried (each try is a match of the part's rest).
_LEAD_INS_TRIED = 4


def _after_lead_in(part: str) -> tuple[int, re.Match[str] | None]:
    """Where the citations of a bracket part that opens with words of its own start, and their match
    ((0, None): nowhere): the first place after a pointing word or a dash from which the rest reads as
    names and a year."""
    for i, m in enumerate(_LEAD_IN.finditer(part)):
        if i == _LEAD_INS_TRIED:
            break
        rest = _PART.match(part[m.end():])
        if rest is not None and _valid(_split_names(rest.group("names"))):
            return m.end(), rest
    return 0, None


def _bracketed(text: str) -> list[re.Match[str]]:
    """Round and square brackets' insides, in the order they stand (square ones only where the
    text has any: most paragraphs have none)."""
    found = list(_PAREN.finditer(text))
    if "[" in text:
        found = sorted(found + list(_SQUARE.finditer(text)), key=lambda m: m.start())
    return found


#: A citation key in brackets after an author-date unit, as PubPub exports write them.
_KEY_AFTER = re.compile(r"\s*\[-?@[\w:.#$%&+?<>~/-]{1,60}\]\s*$")


def find_author_date(paras: list[Paragraph]) -> list[AuthorDate]:
    found: list[AuthorDate] = []
    for p in paras:
        taken: list[tuple[int, int]] = []
        for m in _bracketed(p.text):
            square = m.group(0).startswith("[")
            for part_match in _PART_OF_PAREN.finditer(m.group(1)):
                # PubPub writes each author-date unit with its key after it: "Bach 2015 [@nn27yywd2cz]"
                part = _KEY_AFTER.sub("", part_match.group(0)).strip()
                pm = _PART.match(part)
                mla = None if pm or square else _MLA_PART.match(part)
                # where the unit's words start: after the space that joined its line to the one before
                # ("(e.g. Lebret 2020;" / "Helfer 2021)": Helfer's citation stands on the second line)
                whole = part_match.group(0)
                start = m.start(1) + part_match.start() + len(whole) - len(whole.lstrip())
                if pm is None and mla is None:
                    lead, pm = _after_lead_in(part)
                    part, start = part[lead:], start + lead
                if mla and _valid(_split_names(mla.group("names"))):
                    found.append(AuthorDate(_split_names(mla.group("names")), "", "", mla.group("loc"), part,
                                            p.line_at(start), sentence_around(p.text, start, start + len(part)), True))
                    taken.append((m.start(), m.end()))
                if pm:
                    for unit, text, loc, at in _comma_units(part, start):
                        found.extend(_cites(unit, p, at, at + len(text), text, loc))
                    taken.append((m.start(), m.end()))
        taken_starts = [a for a, _ in taken]  # in order, not overlapping: found by bisection
        for m in _NARRATIVE.finditer(p.text) if _PAREN_YEAR.search(p.text) else ():
            i = bisect_right(taken_starts, m.start()) - 1
            if i >= 0 and m.start() < taken[i][1]:
                continue
            # The names must not be the tail of a longer capitalised phrase mid-sentence
            # ("the Foreign Policy Document (2020)"). Only the spaces before the match are
            # walked back over, not the whole paragraph copied for every match.
            before_end = m.start()
            while before_end and p.text[before_end - 1].isspace():
                before_end -= 1
            if p.text.endswith(("the", "The", "a", "A"), 0, before_end):
                continue
            found.extend(_cites(m, p, m.start(), m.end(), m.group(0)))
    return found


#: A year in brackets after the names, as MediaWiki's short notes give it: "Beaumont (2006), p. 1".
_BRACKETED_YEAR = re.compile(rf"\s\(((?:{_YEAR})(?:\s?,\s?(?:{_YEAR}))*)\)(?=[,:]|$)")


#: A place in a work and nothing else ("p. 1", "pp. 568–69", "ch. 3", "12"), or nothing: what follows the
#: year of a short citation that points into a list ("Beaumont (2006), p. 1"), not a title ("Reiner,
#: Markus (1943), Ten Lectures on …").
PLACE_ONLY = re.compile(r"(?:(?:pp?\.|at|§+|para\.?|ch\.|chapter)\s*)?(?:[\divxlc]+(?:\s*[-–‐,]\s*[\divxlc]+)*)?\.?", re.I)


def note_citation(text: str, line: int, sentence: str) -> AuthorDate | None:
    """A note that is only an author-date citation ("Chu, 1995, pp. 3311-12."), as a citation at ``line``.

    Such notes point into the reference list (Harvard short notes, Wikipedia's
    "^ Kay, 2012, p. 23."): they are citations of a listed work, not works.
    """
    part = text.strip().lstrip("^ ").strip().rstrip(".").strip()
    if "http" in part or "www." in part or "“" in part:
        return None  # a link or a quoted title: a full reference, which a short citation never holds
    m = _PART.match(part)
    if m is None:
        # "Beaumont (2006), p. 1": the year in brackets, then a place in the work and nothing else
        # ("Reiner, Markus (1943), Ten Lectures on …" is a full reference)
        m = _PART.match(_BRACKETED_YEAR.sub(r" \1", part, count=1))
        if m is not None and m.group("loc") and not PLACE_ONLY.fullmatch(m.group("loc").strip()):
            return None
    if not m or not m.group("years"):
        return None
    names = _split_names(m.group("names"))
    if not _valid(names):
        return None
    ym = _YEAR_SUFFIX.match(_YEAR_SEPARATOR.split(m.group("years"))[0])
    year, suffix = (ym.group(1), ym.group(2)) if ym else ("", "")
    return AuthorDate(names, year, suffix, (m.group("loc") or "").strip(), part, line, sentence)

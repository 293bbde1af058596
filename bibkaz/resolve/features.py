"""Comparison features of a Record, computed once per distinct record.

The resolver compares each record with many candidates; folding titles, names and
containers to lower-case ASCII (anyascii) for every comparison would dominate the
run time, so it is done here once and the comparisons work on plain strings.
Nothing here is ever written out: features are for comparing, never for output.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter

from anyascii import anyascii

from bibkaz.model import Name, Record

#: Words that never count as "significant": articles, prepositions, conjunctions
#: (English plus the commonest French/German/Spanish/Russian-transliterated ones,
#: since briefs on Central Asia cite all of them).
STOPWORDS = frozenset(
    """a an the of on in at to for from by with and or nor but as into about
    vs via is are was were be its it this that these those
    le la les l de des du un une et en au aux
    der die das den dem des ein eine und im zum zur von
    el los las del y o
    i v na po o ob""".split()
)

_APOSTROPHES = re.compile(r"['’‘`´ʼ]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
# Where a title's main part ends and its subtitle starts.
_SUBTITLE = re.compile(r"\s*(?::|\?|!|\s[–—-]\s|(?<![A-Z])\.\s)\s*")
_REVIEW = re.compile(r"^(?:book\s+)?review\s+of\b|^review\b")


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lower-case ASCII words separated by single spaces.

    Apostrophes vanish ("Russia’s" → "russias") so that possessives fold the same
    however they were typed; diacritics go through anyascii ("Davé" → "dave").
    """
    if not text:
        return ""
    ascii_text = anyascii(text).lower() if not text.isascii() else text.lower()
    return _NON_ALNUM.sub(" ", _APOSTROPHES.sub("", ascii_text)).strip()


def significant_words(text: str) -> list[str]:
    """The folded words of ``text`` that are not stopwords."""
    return [w for w in fold(text).split() if w not in STOPWORDS]


def name_key(name: Name) -> str:
    """The folded family name of a person, or an organisation's name without "the"
    (and without a list number a parser left in front: "[1]World Bank")."""
    if name.literal:
        words = fold(name.literal).split()
        while words and (words[0] == "the" or words[0].isdigit()):
            words = words[1:]
        return " ".join(words)
    return fold(name.family).replace(" ", "")


#: Words a parser leaves at the end of a title when it misses where the title
#: ends: "Central Asia in Transition (Routledge, 2015)", "…, 2nd ed.".
_TAIL_WORDS = frozenset("ed eds edn edition available at accessed retrieved from online press university".split())
_TRAILING_PARENS = re.compile(r"\s*\([^()]*\)[\s.,]*$")


def comparison_title(title: str) -> str:
    """The title without trailing parentheticals ("(Asia Report No. 318)",
    "(2nd ed.)"): report numbers and editions have fields of their own."""
    stripped = title
    while True:
        shorter = _TRAILING_PARENS.sub("", stripped)
        if shorter == stripped or not shorter:
            return stripped
        stripped = shorter


def split_title(title: str) -> tuple[str, str]:
    """(main title, subtitle); the subtitle is "" when the title has none."""
    match = _SUBTITLE.search(title.strip())
    if not match or match.end() >= len(title.strip()):
        return title, ""
    stripped = title.strip()
    return stripped[: match.start()], stripped[match.end() :]


def normalise_url(url: str) -> str:
    """A URL without scheme, "www.", fragment or trailing slash, lower-cased host.

    A fragment names a place in the page ("#page=59", "#options-for-hsts-compliance") and goes; a
    "#!" route names a page of its own ("groups.google.com/forum/#!topic/hmecology/o6cWDqHHgOE") and
    stays: without it every post of a forum was one address, and two posts one work."""
    u = url.strip().strip("<>")
    u = re.sub(r"^[a-z]+://", "", u, flags=re.I)
    u = re.sub(r"^www\.", "", u, flags=re.I)
    if "#!" not in u:
        u = u.split("#", 1)[0]
    u = u.rstrip("/")
    host, _, rest = u.partition("/")
    return host.lower() + ("/" + rest if rest else "")


#: A report number: "R43743", "GAO-05-391T", "115-100", "12345". The one after "No."/"N°"/"#" when
#: there is one, else the first token with a digit that is not a year or an ordinal.
_NUMBER = r"[A-Za-z]{0,6}[-‐–]?\d[\w./‐–-]*"
_AFTER_NO = re.compile(rf"(?:\b(?:no|nos|number|nr)\b\.?|\bN[°º]|#)\s*({_NUMBER})", re.I)
_ANY_NUMBER = re.compile(rf"(?<![\w.‐–-])({_NUMBER})")
# Tokens with digits that are not report numbers: years, ordinals ("115th Congress").
_NOT_A_NUMBER = re.compile(r"^(?:1[5-9]\d\d|20\d\d)$|^\d+(?:st|nd|rd|th)$", re.I)
_SERIES_NOISE = frozenset("no nos number nr n ndeg".split())


def report_number(text: str) -> tuple[frozenset[str], str]:
    """(series words, number) of a series or genre field that states a report
    number: "CRS Report R43743" → ({"crs", "report"}, "R43743"), "GAO-04-38" →
    (∅, "GAO-04-38"); (∅, "") when it states none.

    The parser keeps a reference's report number in its series ("CRS Report
    R43743", "NBER Working Paper 12345") or, for a bare number, in its genre; two
    numbers of one series name two works (:func:`similarity.conflict`).
    """
    if not text or not any(c.isdigit() for c in text):
        return frozenset(), ""
    match = _AFTER_NO.search(text)
    if match is None:
        found = [m for m in _ANY_NUMBER.finditer(text) if not _NOT_A_NUMBER.match(m.group(1).rstrip("./"))]
        if not found:
            return frozenset(), ""
        match = found[0]
    number = re.sub(r"[‐–]", "-", match.group(1).rstrip("./-‐–")).upper()
    rest = text[: match.start()] + " " + text[match.end() :]
    series = frozenset(w for w in fold(rest).split() if w not in STOPWORDS and w not in _SERIES_NOISE
                       and not _NOT_A_NUMBER.match(w))
    return series, number


@dataclass(frozen=True, slots=True)
class Features:
    """What the matcher looks at, folded once."""

    families: tuple[str, ...]
    first_tokens: frozenset[str]  # every word of the first name (family, given, literal)
    first_family_tokens: frozenset[str]  # the words of its family name alone ("jones", "luong")
    title: str
    title_words: tuple[str, ...]
    title_sig: tuple[str, ...]  # title words without stopwords
    main: str
    has_subtitle: bool
    numbers: frozenset[str]  # digits in the title: "Part 2" is not "Part 3"
    year: int
    month: str  # "" unless the date gives one
    suffix: str
    container: str
    container_words: tuple[str, ...]
    doi: str
    url: str
    type: str
    is_review: bool
    is_document: bool
    edition: str
    report_series: frozenset[str]  # words of the series a report number belongs to (∅: none given)
    report_number: str  # "R43743", "GAO-04-38"; "" when the record states none
    tail_words: frozenset[str]  # what may trail a badly cut title: publisher, place, container, year

    @property
    def has_title(self) -> bool:
        return bool(self.title)


def features(record: Record, is_document: bool = False) -> Features:
    """Fold ``record`` into :class:`Features`."""
    raw_title = comparison_title(record.title)
    title = fold(raw_title)
    main_raw, sub_raw = split_title(raw_title)
    main = fold(main_raw) if sub_raw else title
    # An edited volume is cited by its editors: they stand in for the authors.
    names = record.authors or record.editors
    first = names[0] if names else None
    first_tokens: frozenset[str] = frozenset()
    family_tokens: frozenset[str] = frozenset()
    if first is not None:
        first_tokens = frozenset(fold(" ".join((first.literal, first.given, first.family))).split())
        family_tokens = frozenset(fold(first.literal or first.family).split())
    people = " ".join(n.literal or f"{n.given} {n.family}" for n in record.authors + record.editors)
    tail = " ".join((record.publisher, record.place, record.container_title, record.collection_title, record.genre, people))
    container = fold(record.container_title)
    kind = record.type or "document"
    series, number = report_number(record.collection_title)
    if not number:
        series, number = report_number(record.genre)
    return Features(
        families=tuple(k for k in (name_key(n) for n in names) if k),
        first_tokens=first_tokens,
        first_family_tokens=family_tokens,
        title=title,
        title_words=tuple(title.split()),
        title_sig=tuple(w for w in title.split() if w not in STOPWORDS),
        main=main,
        has_subtitle=bool(sub_raw) and main != title,
        numbers=frozenset(re.findall(r"\d+", title)),
        year=int(record.year) if record.year else 0,
        month=record.date[5:7] if record.year else "",
        suffix=record.year_suffix.lower(),
        container=container,
        container_words=tuple(w for w in container.split() if w not in STOPWORDS),
        doi=record.doi.strip().lower(),
        url=normalise_url(record.url) if record.url else "",
        type=kind,
        is_review=kind.startswith("review") or bool(_REVIEW.search(title)) or "review" in fold(record.genre),
        is_document=is_document,
        edition=fold(record.edition),
        report_series=series,
        report_number=number,
        tail_words=frozenset(fold(tail).split()) | _TAIL_WORDS,
    )


#: Features as a plain tuple of their fields (:func:`packed`).
Packed = tuple
_fields = attrgetter(*Features.__slots__)


def packed(record: Record, is_document: bool = False) -> Packed:
    """``record``'s features as a plain tuple, to send to another process: a slotted
    dataclass is pickled field by field in Python, ten times slower than its tuple.
    The extraction workers send these beside each record, and the spooled resolver's
    buckets beside each entry, so features are computed once and in parallel."""
    return _fields(features(record, is_document))


def as_packed(f: Features) -> Packed:
    return _fields(f)


def unpacked(values: Packed) -> Features:
    """The Features :func:`packed` made (equal to computing them here)."""
    return Features(*values)

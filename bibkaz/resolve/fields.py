"""Merge the records of one work field by field, remembering which source gave what.

Each citation of a work is incomplete in its own way: APA gives the DOI, Chicago
the full given names, IEEE an abbreviated journal, a short note only the
family name and a short title. The merged record keeps, for each field, the most
complete value any source has, and ``field_sources`` says which one it was, so a
user can check a surprising field against the reference it came from.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Callable, Sequence

from bibkaz.model import Name, Record
from bibkaz.resolve.features import fold

_NAME_FIELDS = ("authors", "editors", "translators")
#: Fields that identify a citation in one bibliography, not the work: dropped.
_DROPPED = ("year_suffix", "confidence")
#: Generic types a parser falls back on; any specific type wins over them.
_GENERIC_TYPES = ("document", "")


@dataclass(frozen=True)
class Merged:
    """The merged record, (field, source id) pairs, and conflicts found while merging."""

    record: Record
    field_sources: tuple[tuple[str, str], ...]
    warnings: tuple[str, ...]


def _given_weight(name: Name) -> int:
    """2 for a full given name or an organisation, 1 for initials, 0 for none."""
    return 2 if name.literal else _given_words_weight(name.given)


@lru_cache(maxsize=65536)
def _given_words_weight(given: str) -> int:
    words = [w for w in re.split(r"[\s.-]+", given) if w]
    if not words:
        return 0
    return 2 if any(len(w) > 1 for w in words) else 1


def _compatible_given(short: str, full: str) -> bool:
    """"A. J." is compatible with "Alexander James" (same initials in order)."""
    a = [w[0] for w in fold(short).split()]
    b = [w[0] for w in fold(full).split()]
    return bool(a) and b[: len(a)] == a


def _upgrade_names(names: tuple[Name, ...], others: Sequence[tuple[Name, ...]]) -> tuple[Name, ...]:
    """Replace initials by the full given names another source spells out."""
    out = []
    for name in names:
        best = name
        for other_list in others:
            for other in other_list:
                if (
                    not other.literal
                    and fold(other.family) == fold(name.family)
                    and _given_weight(other) > _given_weight(best)
                    and (not best.given or _compatible_given(best.given, other.given))
                ):
                    best = Name(
                        family=name.family, given=other.given, particle=name.particle or other.particle,
                        suffix=name.suffix or other.suffix,
                    )
        out.append(best)
    return tuple(out)


def _pick_names(values: list[tuple[str, tuple[Name, ...]]], counts: Counter) -> tuple[tuple[Name, ...], str]:
    """The longest list (full lists beat "et al."), then the one with most given-name detail."""
    source, best = max(
        values,
        key=lambda sv: (
            len(sv[1]),
            sum(_given_weight(n) for n in sv[1]),
            counts[sv[1]],
            _non_ascii("".join(n.inverted() for n in sv[1])),
            _neg("|".join(n.inverted() for n in sv[1])),
        ),
    )
    return _upgrade_names(best, [v for _, v in values if v is not best]), source


class _neg(str):
    """A string that sorts in reverse, so max() picks the alphabetically first on ties."""

    def __lt__(self, other: str) -> bool:  # type: ignore[override]
        return str.__gt__(self, other)

    def __gt__(self, other: str) -> bool:  # type: ignore[override]
        return str.__lt__(self, other)


def _non_ascii(text: str) -> int:
    """Letters a source kept and another folded away ("Marlène" over "Marlene")."""
    return sum(1 for c in text if ord(c) > 127)


def _capitals(text: str) -> int:
    return sum(1 for c in text if c.isupper())


#: What follows a title inside a longer reading of it when the parse ran on: a new sentence (". National
#: Coalition for the Homeless", ", Circular A-11, August 2025, Section 124"); a subtitle (":", " – ")
#: or more words of the title (" Matters") do not.
_RUN_ON_TAIL = re.compile(r"^(?:[.;]\s+\S|,\s+\S)")
#: Words before a title that open a quote, or end with a colon after a word that leads into a citation:
#: a note's lead-in the parse kept ("The source is: “…”", "For more information …, see: Lehdonvirta,
#: … “…”", "… in Bureau of Economic Analysis, “…”"). A title before a colon is the title's own
#: ("Artificial intelligence in educational assessment: “Breakthrough? …”"), and so may be words before
#: it without either ("U.S. Digital Services Playbook" / "Digital Services Playbook").
_LEAD_IN = re.compile(r"(?:(?<!:)(?<!:\s)[“\"‘«]|\b(?:see|is|are|was|were|source|sources|from|in|cf\.?|including|e\.g\.)"
                      r"\s*:\s*[“\"‘«]?)\s*$", re.I)
#: A title this short may be a cut of another ("Preparation" of "Preparation, Submission, and …").
_MIN_RUN_ON_WORDS = 3


def _run_on_of(longer: str, shorter: str) -> bool:
    """Whether ``longer`` is ``shorter`` with a note's lead-in before it or another sentence after it:
    the parse of that citation ran on, and the other citation's title is the work's."""
    if len(shorter.split()) < _MIN_RUN_ON_WORDS:
        return False
    at = longer.lower().find(shorter.lower())
    if at < 0 or longer == shorter:
        return False
    before, after = longer[:at], longer[at + len(shorter):]
    if before.strip() and _LEAD_IN.search(before):
        return True
    return bool(_RUN_ON_TAIL.match(after.lstrip("\"”’'»*")))


def _pick_title(values: list[tuple[str, str]], counts: Counter) -> tuple[str, str]:
    """The fullest title (a subtitle beats none); among spellings of it the most
    cited one, then sentence case (CSL styles can title-case it, not the reverse).
    A title that is another's with a lead-in or a further sentence around it is a parse
    that ran on (:func:`_run_on_of`), not a fuller title: it is not chosen."""
    titles = {v for _, v in values}
    kept = [sv for sv in values if not any(_run_on_of(sv[1], other) for other in titles if other != sv[1])]
    return max(
        kept or values,
        key=lambda sv: (len(fold(sv[1])), counts[sv[1]], _non_ascii(sv[1]), -_capitals(sv[1]), _neg(sv[1])),
    )[::-1]


def _pick_longest(values: list[tuple[str, str]], counts: Counter) -> tuple[str, str]:
    """The longest value: "Central Asian Survey" over "Cent. Asian Surv."."""
    return max(values, key=lambda sv: (len(fold(sv[1])), counts[sv[1]], _non_ascii(sv[1]), _neg(sv[1])))[::-1]


def _pick_common(values: list[tuple[str, str]], counts: Counter) -> tuple[str, str]:
    """The value most sources agree on, then the longest."""
    return max(values, key=lambda sv: (counts[sv[1]], len(sv[1]), _neg(sv[1])))[::-1]


def _pick_pages(values: list[tuple[str, str]], counts: Counter) -> tuple[str, str]:
    """A range ("975-993") over a single page, which is usually a note's pin cite."""
    return max(values, key=lambda sv: ("-" in sv[1], counts[sv[1]], len(sv[1]), _neg(sv[1])))[::-1]


def _pick_type(values: list[tuple[str, str]], counts: Counter) -> tuple[str, str]:
    return max(values, key=lambda sv: (sv[1] not in _GENERIC_TYPES, counts[sv[1]], _neg(sv[1])))[::-1]


def _pick_date(values: list[tuple[str, str]], counts: Counter) -> tuple[str, str]:
    """The year most sources give (ties: the later, i.e. print over online-first),
    then the most precise date in that year."""
    years: Counter[str] = Counter()
    for value, n in counts.items():
        years[value[:4]] += n
    year = max(years, key=lambda y: (years[y], y))
    in_year = [sv for sv in values if sv[1][:4] == year]
    return max(in_year, key=lambda sv: (len(sv[1]), counts[sv[1]], _neg(sv[1])))[::-1]


_PICKERS: dict[str, Callable[[list[tuple[str, str]], Counter], tuple[str, str]]] = {
    "title": _pick_title,
    "container_title": _pick_longest,
    "collection_title": _pick_longest,
    "publisher": _pick_longest,
    "pages": _pick_pages,
    "type": _pick_type,
    "date": _pick_date,
}


def _conflicts(name: str, values: list[tuple[str, str]], normal: Callable[[str], str]) -> list[str]:
    """One warning naming both sources when sources disagree on ``name``."""
    first: dict[str, str] = {}
    for source, value in values:
        first.setdefault(normal(value), source)
    if len(first) < 2:
        return []
    shown = "; ".join(f"{v} ({s})" for v, s in sorted(first.items()))
    return [f"conflicting {name}: {shown}"]


_MERGED_FIELDS = tuple(f.name for f in fields(Record) if f.name not in _DROPPED)


def _single(record: Record, source: str) -> Merged:
    """A work cited by one distinct record: every field comes from it."""
    merged = record.with_(year_suffix="") if record.year_suffix else record  # replace() costs: 10,000 singletons
    return Merged(merged, tuple((f, source) for f, v in merged.filled() if f != "type" or v not in _GENERIC_TYPES), ())


def merge_records(sources: Sequence[tuple[str, Record]]) -> Merged:
    """Merge the records of one work; ``sources`` are (source id, record) pairs."""
    if not sources:
        raise ValueError("merge_records needs at least one record")
    # Most sources of a work repeat one another (one brief cites it five times):
    # merge each distinct record once, weighted by how often it stands.
    index: dict[Record, int] = {}
    distinct: list[tuple[str, Record]] = []
    weight: list[int] = []
    for source, record in sources:
        i = index.setdefault(record, len(distinct))
        if i == len(distinct):
            distinct.append((source, record))
            weight.append(0)
        weight[i] += 1
    if len(distinct) == 1:
        return _single(sources[0][1], sources[0][0])
    values: dict[str, object] = {}
    chosen: list[tuple[str, str]] = []
    for f in _MERGED_FIELDS:
        present = []
        counts: Counter = Counter()
        for (s, r), w in zip(distinct, weight):
            value = getattr(r, f)
            if value not in ("", ()):
                present.append((s, value))
                counts[value] += w
        if not present:
            continue
        if f in _NAME_FIELDS:
            value, source = _pick_names(present, counts)  # type: ignore[arg-type]
        else:
            value, source = _PICKERS.get(f, _pick_common)(present, counts)  # type: ignore[arg-type]
        values[f] = value
        if f != "type" or value not in _GENERIC_TYPES:
            chosen.append((f, source))
    values["confidence"] = max(r.confidence for _, r in sources)
    warnings: list[str] = []
    dois = [(s, r.doi) for s, r in sources if r.doi]
    warnings += _conflicts("DOIs", dois, str.lower)
    years = [(s, r.year) for s, r in sources if r.year]
    warnings += _conflicts("years", years, str)
    return Merged(Record(**values), tuple(chosen), tuple(warnings))  # type: ignore[arg-type]

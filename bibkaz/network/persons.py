"""Who is who: one person node per real person, however their name was printed.

Briefs cite the same scholar as "Davé, Bhavna", "Dave, B." and "B. Dave". We join
name forms that fold to the same letters (diacritics and punctuation dropped),
and join an abbreviated form to a fuller one only when exactly one fuller form in
the whole corpus fits it: "Dave, B." stays on its own when the corpus also has a
"Boris Dave", because guessing would merge two people's citation counts.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Iterable

from anyascii import anyascii

from bibkaz.model import Name

_SPLIT = re.compile(r"[\s.\-‐‑–]+")
_NON_WORD = re.compile(r"[^a-z0-9 ]+")


@lru_cache(maxsize=1 << 16)  # family and given names repeat across a corpus
def fold(text: str) -> str:
    """Lower-case ASCII with punctuation removed and spaces collapsed."""
    ascii_text = anyascii(text).lower().replace("-", " ")
    return " ".join(_NON_WORD.sub("", ascii_text).split())


@lru_cache(maxsize=1 << 16)
def given_tokens(given: str) -> tuple[str, ...]:
    """Folded given-name tokens; "J.-P." → ("j", "p"), "JP" → ("j", "p")."""
    out: list[str] = []
    for raw in _SPLIT.split(given.strip()):
        if not raw:
            continue
        letters = fold(raw).replace(" ", "")
        if not letters:
            continue
        # Run-together initials ("JP", as Vancouver style prints them) are initials, not a name.
        if 1 < len(raw) <= 3 and raw.isupper() and raw.isalpha():
            out.extend(letters)
        else:
            out.append(letters)
    return tuple(out)


@dataclass(frozen=True)
class NameForm:
    """A name reduced to what matching compares: folded family and given tokens."""

    family: str
    given: tuple[str, ...]
    organisation: bool = False

    @cached_property  # asked for again and again while building the index
    def id(self) -> str:
        if self.organisation:
            return f"org:{self.family}"
        return f"{self.family}|{' '.join(self.given)}"


def name_form(name: Name) -> NameForm | None:
    """The matching form of ``name``; None for a name with no letters at all."""
    if name.literal:
        folded = fold(name.literal)
        return NameForm(folded, (), True) if folded else None
    family = fold(name.full_family)
    if not family:
        return None
    return NameForm(family, given_tokens(name.given))


def _refines(rich: tuple[str, ...], poor: tuple[str, ...]) -> bool:
    """True when ``rich`` says everything ``poor`` says and more or the same.

    Position by position, equal tokens or a full token against its initial; the
    richer form may have more tokens ("Bhavna M." refines "B.").
    """
    if len(rich) < len(poor):
        return False
    for r, p in zip(rich, poor):
        if r == p:
            continue
        if len(p) == 1 and r.startswith(p):
            continue
        return False
    return True


class PersonIndex:
    """Maps every Name seen in a corpus to one person id and a display label.

    Build it once with every name (so ambiguity is judged over the whole corpus),
    then ask :meth:`person_id` for each name.
    """

    def __init__(self, names: Iterable[Name]):
        # Corpora repeat the same names many times: fold each distinct Name once.
        occurrences = Counter(names)
        form_of = {name: name_form(name) for name in occurrences}
        spellings: dict[NameForm, Counter[str]] = defaultdict(Counter)
        for name, count in occurrences.items():
            form = form_of[name]
            if form is not None:
                spellings[form][name.display()] += count
        by_family: dict[str, list[NameForm]] = defaultdict(list)
        for form in spellings:
            if not form.organisation:
                by_family[form.family].append(form)
        canonical: dict[NameForm, NameForm] = {f: f for f in spellings}
        for forms in by_family.values():
            if len(forms) > 1:
                canonical.update(_join_family(forms))
        self._canonical = canonical
        self._ids = {name: canonical[form].id for name, form in form_of.items() if form is not None}
        # A person is shown as its fullest form is spelled (never "B. Dave" for Bhavna Davé).
        self._labels = {
            form.id: _best_label(spellings[form], form) for form in set(canonical.values())
        }

    def person_id(self, name: Name) -> str | None:
        known = self._ids.get(name)
        if known is not None:
            return known
        form = name_form(name)
        if form is None:
            return None
        return self._canonical.get(form, form).id

    def label(self, person_id: str) -> str:
        return self._labels.get(person_id, person_id)

    def is_organisation(self, person_id: str) -> bool:
        return person_id.startswith("org:")


def _join_family(forms: list[NameForm]) -> dict[NameForm, NameForm]:
    """Map each form of one family name to the fullest form it unambiguously abbreviates."""
    givens = {f.given: f for f in forms}
    maximal = [g for g in givens if not any(o != g and _refines(o, g) for o in givens)]
    out: dict[NameForm, NameForm] = {}
    for given, form in givens.items():
        targets = [m for m in maximal if _refines(m, given)]
        if len(targets) == 1:
            out[form] = givens[targets[0]]
    return out


def _best_label(counts: Counter[str], form: NameForm) -> str:
    """The spelling to show among those of one form: accented beats plain ASCII
    (ASCII is usually the degraded copy), then the most frequent spelling."""

    def score(spelling: str) -> tuple[int, int, str]:
        return (int(anyascii(spelling) != spelling), counts[spelling], spelling)

    return max(counts, key=score) if counts else form.id

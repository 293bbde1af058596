"""Particles and suffixes read out of CSL-JSON name fields, as citeproc-js reads them.

CSL-JSON may carry a name's particles inside its family or given field ("van
der Vlist", "Alexander von"), and a suffix after a comma in the given name
("John, III", "John, !Jr." for a suffix printed after a comma). citeproc-js
(``CSL.parseParticles``, run for every name with a family and a given name and
no non-dropping particle of its own) splits them off, so "van der Vlist" sorts
under V, demotes as the style says, and "Alexander von" prints "Humboldt,
Alexander von". A family name in double quotes ('"Van Dyke"') is taken as it
is, quotes removed. citeproc-py reads none of this; :func:`parse` does it before
citeproc-py sees the item.

Port of citeproc-js 2.4's ``splitParticles``: leading words of the family name
(trailing words of the given name) that start with a lower-case letter, each
ended by a space, hyphen or apostrophe ("al-", "d'"), are particles.
"""

from __future__ import annotations

import re
from typing import Any

_FAMILY = re.compile(r"^([^ ]+(?:-|\u02bb|\u2019| |') *)(.+)$", re.S)
_GIVEN_REVERSED = re.compile(r"^([^ ]+(?:\u02bb |\u2019 | |' ) *)(.+)$", re.S)
_LEADING_MARKS = re.compile(r"^[-'\u02bb\u2019\s]*")
_SUFFIX = re.compile(r"(\s*,!*\s*)")


def _is_particle(word: str) -> bool:
    rest = _LEADING_MARKS.sub("", word)
    return bool(rest) and rest[0].upper() != rest[0]


def _split_family(value: str) -> tuple[str, list[str]]:
    particles: list[str] = []
    rest = value
    m = _FAMILY.match(rest)
    while m and _is_particle(m.group(1)):
        particles.append(m.group(1))
        rest = m.group(2)
        m = _FAMILY.match(rest)
    return rest, particles


def _split_given(value: str) -> tuple[str, list[str]]:
    """Trailing particles of a given name: the family rule run on the reversed text."""
    reversed_rest, particles = value[::-1], []
    m = _GIVEN_REVERSED.match(reversed_rest)
    while m and _is_particle(m.group(1)[::-1]):
        particles.append(m.group(1)[::-1])
        reversed_rest = m.group(2)
        m = _GIVEN_REVERSED.match(reversed_rest)
    particles.reverse()
    return reversed_rest[::-1], particles


def _trim_last(text: str) -> str:
    """citeproc-js keeps the space after a particle that ends in an apostrophe ("d' ")."""
    last = text[-1:]
    text = text.strip()
    if last == " " and text[-1:] in ("'", "\u2019"):
        text += " "
    return text


def _suffix(name: dict[str, Any]) -> None:
    given = name.get("given")
    if name.get("suffix") or not isinstance(given, str):
        return
    m = _SUFFIX.search(given)
    if not m:
        return
    suffix = given[m.end():]
    if suffix.replace(".", "") == "et al" and not name.get("dropping-particle"):
        return  # citeproc-js keeps a typed "et al." apart; we leave such a given name as it is
    if len(re.sub(r"\s", "", m.group(1))) == 2:
        name["comma-suffix"] = True
    name["suffix"] = suffix
    name["given"] = given[:m.start()]


def parse(name: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``name`` with particles and suffix split off as citeproc-js does (see the module)."""
    out = dict(name)
    family = out.get("family")
    if isinstance(family, str) and len(family) > 1 and family.startswith('"') and family.endswith('"'):
        out["family"] = family[1:-1]
        return out
    if out.get("parse-names") in (False, 0, "false") or out.get("static-particles"):
        return out
    if out.get("non-dropping-particle") or not isinstance(family, str) or not family or not out.get("given"):
        return out
    rest, particles = _split_family(family)
    out["family"] = rest
    particle = _trim_last("".join(particles))
    if particle:
        out["non-dropping-particle"] = particle
    _suffix(out)
    given, dropping = _split_given(str(out.get("given", "")))
    out["given"] = given
    dropping_particle = "".join(dropping).strip()
    if dropping_particle:
        out["dropping-particle"] = dropping_particle
    return out

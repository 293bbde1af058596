"""Year suffixes where citations would collide (CSL 1.0.2, "Disambiguation").

CSL gives "2020a"/"2020b" (and "n.d.-a") to works whose *citations* would read
the same, after the style's other means have been tried: ``add-names`` (show
more authors) and ``add-givenname`` (show given names). Grouping works by
"same first author and year", as we did before, both misses collisions
(citeproc-js writes "Mozilla n.d.-a", "n.d.-b" where the first-author field
differs in spelling but the citation is the same) and invents some ("Landau
2021e" where the given names already tell the works apart in Chicago, which adds
given names first).

So the key is the citation itself, rendered by the style's own ``cs:citation``
layout without a suffix, plus the names when the style may add names or given
names. Letters follow the sorted bibliography, as the specification asks.
"""

from __future__ import annotations

from typing import Any, Hashable, Sequence

from bibkaz.style.items import lettered


def _flag(citation: Any, name: str) -> bool:
    return str(citation.get(name, "false")).lower() == "true"


def _names(reference: Any) -> tuple[Hashable, ...]:
    for role in ("author", "editor"):
        if role in reference:
            return tuple(tuple(n.parts()) for n in reference[role])
    return ()


def citation_key(style: Any, item: Any) -> Hashable:
    """What a reader of the citation sees of ``item``, and the names disambiguation may add.

    The key is (citation text, names): names as (family parts, given) pairs, all
    of them when the style may add names, the first when it may add given names
    only. :func:`year_suffixes` decides how much of the names tells works apart.
    """
    citation = style.root.citation
    layout = citation.layout
    layout.repressed = {}
    try:
        text = layout.render_children(item)
    except Exception:  # a citation layout that needs a cite's position or locator: fall back to names
        text = None
    finally:
        layout.repressed = {}
    names = _names(item.reference)
    if _flag(citation, "disambiguate-add-names"):
        extra: tuple[Hashable, ...] = names
    elif _flag(citation, "disambiguate-add-givenname"):
        extra = names[:1]
    else:
        extra = ()
    return (str(text) if text is not None else "", extra)


def _families(names: tuple[Hashable, ...]) -> tuple[Hashable, ...]:
    """Names without their given names: (given, family, dp, ndp, suffix) → the rest."""
    return tuple(n[1:] for n in names)  # type: ignore[index]


def _tells_apart(keys: list[Hashable], add_givenname: bool, rule: str) -> list[Hashable]:
    """The part of each colliding key that disambiguation can use.

    Adding names tells works apart by who else wrote them. Adding given names
    does under the default rule "by-cite"; under the name-level rules
    ("primary-name", "all-names", with or without initials) only when every work
    has a given name to add: citeproc-js gives APA's and Chicago's "GAO 2023c"
    to a "GAO, Small" beside works of the bare "GAO", and "Pfaff 2008a" /
    "Pfaff, B. 2008b", where Harvard (by-cite) prints "Pfaff 2008" twice.
    """
    texts = [k[0] for k in keys]  # type: ignore[index]
    names = [k[1] for k in keys]  # type: ignore[index]
    with_given = add_givenname and (rule == "by-cite" or all(n[0] for ns in names for n in ns))  # type: ignore[index]
    return [(t, ns if with_given else _families(ns)) for t, ns in zip(texts, names)]


def year_suffixes(style: Any, items_in_order: Sequence[Any]) -> dict[str, str]:
    """Citation item key → "a", "b", … for items whose citations collide."""
    citation = style.root.citation
    if citation is None or not _flag(citation, "disambiguate-add-year-suffix"):
        return {}
    by_text: dict[Hashable, list[tuple[Hashable, str]]] = {}
    for item in items_in_order:
        key = citation_key(style, item)
        by_text.setdefault(key[0], []).append((key, item.key))  # type: ignore[index]
    groups: dict[Hashable, list[str]] = {}
    add_givenname = _flag(citation, "disambiguate-add-givenname")
    rule = str(citation.get("givenname-disambiguation-rule", "by-cite"))
    for members in by_text.values():
        for told, (_key, ident) in zip(_tells_apart([k for k, _ in members], add_givenname, rule), members):
            groups.setdefault(told, []).append(ident)
    return lettered(groups.values())

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
    """What a reader of the citation sees of ``item`` (and can be shown by disambiguation)."""
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


def year_suffixes(style: Any, items_in_order: Sequence[Any]) -> dict[str, str]:
    """Citation item key → "a", "b", … for items whose citations collide."""
    if style.root.citation is None or not _flag(style.root.citation, "disambiguate-add-year-suffix"):
        return {}
    groups: dict[Hashable, list[str]] = {}
    for item in items_in_order:
        groups.setdefault(citation_key(style, item), []).append(item.key)
    return lettered(groups.values())

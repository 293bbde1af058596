"""BibTeX and BibLaTeX: writing (``write_library``, ``format_entries``) and reading (``read_records``).

The reader and the writer are imported when first used: ``bibkaz parse`` writes BibTeX but never
reads it, and the reader pulls in pylatexenc and its own scanner (start-up time of every command).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bibkaz.formats.bibtex.reader import read_library, read_records, read_records_text
    from bibkaz.formats.bibtex.writer import format_entries, write_library, written_by_bibkaz

__all__ = ["format_entries", "write_library", "written_by_bibkaz", "read_records", "read_records_text", "read_library"]

_HOME = {
    "read_library": "reader", "read_records": "reader", "read_records_text": "reader",
    "format_entries": "writer", "write_library": "writer", "written_by_bibkaz": "writer",
}


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{_HOME[name]}"), name)
    globals()[name] = value
    return value

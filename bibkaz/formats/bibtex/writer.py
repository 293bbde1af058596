"""Writing BibTeX through bibtexparser 2, with a header that says bibkaz wrote it.

The header carries a checksum of everything below it, so bibkaz can tell a file
it wrote (safe to overwrite) from one a user wrote or edited by hand (kept
unless ``--force``).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Sequence

import bibtexparser
from bibtexparser import model as bpmodel

from bibkaz import __version__
from bibkaz.formats.bibtex.fields import DIALECTS, MONTH_MACROS
from bibkaz.formats.bibtex.protect import proper_nouns_from
from bibkaz.formats.bibtex.safe import balanced, safe_key
from bibkaz.model import BibkazError, Library, Record

HEADER_PREFIX = "% Written by bibkaz"
REVIEW_FIELD = "bibkaz-review"


def _entry(key: str, record: Record, dialect: str, known: frozenset[str]) -> bpmodel.Entry:
    entry_type, pairs = DIALECTS[dialect](record, known)
    fields = []
    for name, value in pairs:
        if dialect == "bibtex" and name == "month" and value in MONTH_MACROS:
            fields.append(bpmodel.Field(name, value, enclosing="no-enclosing"))
        else:
            # Every value is escaped already; balanced() is the net that keeps any
            # path that forgot from letting document text change the file's structure.
            fields.append(bpmodel.Field(name, balanced(value)))
    if record.needs_review:
        fields.append(bpmodel.Field(REVIEW_FIELD, f"parser confidence {record.confidence:.2f}"))
    return bpmodel.Entry(entry_type, safe_key(key), fields)


def format_entries(records: Sequence[tuple[str, Record]], dialect: str = "biblatex") -> str:
    """BibTeX text for (key, record) pairs, no header: for ``bibkaz parse`` and tests."""
    if dialect not in DIALECTS:
        raise BibkazError(f"unknown BibTeX dialect {dialect!r} (use biblatex or bibtex)")
    known = proper_nouns_from(r.title for _, r in records)
    lib = bibtexparser.Library([_entry(k, r, dialect, known) for k, r in records])
    fmt = bibtexparser.BibtexFormat()
    fmt.indent = "  "
    fmt.block_separator = "\n"
    # The library is ours and thrown away: in place (no deep copy of every entry, and
    # none of the warning bibtexparser logs on stderr for a large library).
    stack = bibtexparser.middlewares.default_unparse_stack(allow_inplace_modification=True)
    return bibtexparser.write_string(lib, unparse_stack=stack, bibtex_format=fmt).strip() + "\n"


def _checksum(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]


def write_library(library: Library, dialect: str = "biblatex") -> str:
    """The whole .bib for a library: a header line, then one entry per work, by key."""
    works = sorted(library.works, key=lambda w: w.key)
    body = format_entries([(w.key, w.record) for w in works], dialect) if works else ""
    return f"{HEADER_PREFIX} {__version__} ({dialect}); {len(works)} entries; checksum {_checksum(body)}\n\n{body}"


def written_by_bibkaz(path: Path) -> bool | None:
    """True if bibkaz wrote ``path`` and nobody edited it since; False if it was
    not written by bibkaz or was edited; None if it does not exist."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError):
        return False
    first, _, rest = text.partition("\n")
    if not first.startswith(HEADER_PREFIX) or "checksum " not in first:
        return False
    return first.rsplit("checksum ", 1)[1].strip() == _checksum(rest.removeprefix("\n"))


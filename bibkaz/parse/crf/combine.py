"""Trained parser first, rules as a validator where they are measurably better.

The rule-based parser (bibkaz.parse.rules) is exact on things with a fixed
form: DOIs, URLs, access dates, page ranges and publication dates. The CRF
generalises to every style for the rest. :func:`combine` keeps the CRF's
Record and takes those fixed-form fields from the rules whenever the rules
found them; bench/parse_accuracy.py scores the result next to each parser alone.
"""

from __future__ import annotations

from bibkaz.model import Record

#: Fields taken from the rules when they have a value (chosen before measuring;
#: the benchmark reports whether each one helps).
FROM_RULES = ("doi", "url", "accessed", "pages", "date", "year_suffix")


def combine(crf: Record, rules: Record, fields: tuple[str, ...] = FROM_RULES) -> Record:
    """The CRF's record with ``fields`` replaced by the rules' non-empty values."""
    changes = {name: getattr(rules, name) for name in fields if getattr(rules, name)}
    if "date" in changes and "year_suffix" not in changes:
        changes["year_suffix"] = rules.year_suffix
    return crf.with_(**changes) if changes else crf

"""Trained parser first, rules as a validator where they are measurably better.

The rule-based parser (bibkaz.parse.rules) is exact on identifiers: in
5-fold cross-validation its DOIs and URLs have precision 1.000, as the CRF's
do, and it reads access dates the CRF has no label for. On dates and pages it
is measurably worse (F1 0.969 vs 0.993, 0.719 vs 0.989; taking them from the
rules cut the micro F1 from 0.960 to 0.952), so those stay the CRF's.
:func:`combine` keeps the CRF's Record and takes the identifier fields from the
rules whenever the rules found them; bench/parse_accuracy.py scores the result
next to each parser alone.
"""

from __future__ import annotations

from bibkaz.model import Record

#: Fields taken from the rules when they have a value: where they are at least
#: as good as the CRF (docs/benchmarks.md (trained parser)).
FROM_RULES = ("doi", "url", "accessed")


def combine(crf: Record, rules: Record, fields: tuple[str, ...] = FROM_RULES) -> Record:
    """The CRF's record with ``fields`` replaced by the rules' non-empty values."""
    changes = {name: getattr(rules, name) for name in fields if getattr(rules, name)}
    return crf.with_(**changes) if changes else crf

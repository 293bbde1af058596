"""What the own-record finders hand each other: a value and the line it came from.

Every field of a document's own record is kept with its 1-based line number so
a user can check it in the library JSON (``documents[].own_fields``); a finder
that cannot name the line a value stands on has no business giving the value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

from bibkaz.model import Record

T = TypeVar("T")


@dataclass(frozen=True)
class Found(Generic[T]):
    """One field value and the 1-based line it stands on."""

    value: T
    line: int


@dataclass(frozen=True)
class OwnRecord:
    """The document's own Record plus, per field, the line it came from.

    ``number`` (a report number such as "R44243") has no Record field yet, so it
    travels here and is written to the library JSON beside the record.
    """

    record: Record
    lines: tuple[tuple[str, int], ...] = field(default=())
    number: str = ""

    def line_of(self, name: str) -> int | None:
        """The line a field came from, None when the record does not have it."""
        return dict(self.lines).get(name)

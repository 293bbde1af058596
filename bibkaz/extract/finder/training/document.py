"""A document's lines with the label of each (None for a blank line)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LabelledDocument:
    name: str
    lines: tuple[str, ...]
    labels: tuple[str | None, ...]  # one per line; None for blank lines

    def non_blank_labels(self) -> list[str]:
        return [label for line, label in zip(self.lines, self.labels) if line.replace("\f", "").strip()]

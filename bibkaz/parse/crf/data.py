"""Labelled references in the training-data format (JSON Lines).

One format for everything: the shipped training data, what ``bibkaz parse
--format labels`` prints, and what ``bibkaz train`` / ``bibkaz check`` read. A
user corrects the labels a model printed and trains on the corrected file, so the
reader must accept exactly what the writer writes, and reject anything else with
the file and line named.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from bibkaz.model import InputError
from bibkaz.parse.crf.tokens import fields_of


@dataclass(frozen=True)
class LabelledReference:
    """One reference string with one label per whitespace token."""

    text: str
    tokens: tuple[tuple[str, str], ...]
    id: str = ""
    source: str = ""

    @property
    def words(self) -> list[str]:
        return [t for t, _ in self.tokens]

    @property
    def labels(self) -> list[str]:
        return [label for _, label in self.tokens]

    def to_json(self) -> dict[str, object]:
        """The training-data shape: text, tokens, fields (+ id/source when known)."""
        out: dict[str, object] = {}
        if self.id:
            out["id"] = self.id
        if self.source:
            out["source"] = self.source
        out["text"] = self.text
        out["tokens"] = [[t, label] for t, label in self.tokens]
        out["fields"] = fields_of(self.tokens)
        return out


def _from_json(obj: object, path: str, line: int) -> LabelledReference:
    if not isinstance(obj, dict):
        raise InputError(path, "expected a JSON object per line", line)
    tokens = obj.get("tokens")
    if not isinstance(tokens, list) or not tokens:
        raise InputError(path, "missing or empty 'tokens' list", line)
    pairs: list[tuple[str, str]] = []
    for pair in tokens:
        if (
            not isinstance(pair, list)
            or len(pair) != 2
            or not all(isinstance(p, str) and p.strip() for p in pair)
        ):
            raise InputError(path, f"token {pair!r} is not a [token, label] pair of non-empty strings", line)
        pairs.append((pair[0], pair[1]))
    text = obj.get("text")
    if not isinstance(text, str):
        text = " ".join(t for t, _ in pairs)
    return LabelledReference(
        text=text, tokens=tuple(pairs), id=str(obj.get("id", "")), source=str(obj.get("source", ""))
    )


def read_jsonl(path: str | Path, sources: Iterable[str] | None = None) -> Iterator[LabelledReference]:
    """Yield the labelled references in ``path``, optionally only those whose
    ``source`` is in ``sources`` (the shipped data marks how clean each one is)."""
    keep = set(sources) if sources else None
    name = str(path)
    try:
        fh = open(path, encoding="utf-8")
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror or exc}") from exc
    with fh:
        for n, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            try:
                obj = json.loads(raw)
            except json.JSONDecodeError as exc:
                raise InputError(name, f"not JSON: {exc.msg}", n) from exc
            ref = _from_json(obj, name, n)
            if keep is None or ref.source in keep:
                yield ref


def read_many(paths: Iterable[str | Path], sources: Iterable[str] | None = None) -> list[LabelledReference]:
    """All references of several files, in order."""
    src = list(sources) if sources else None
    out: list[LabelledReference] = []
    for p in paths:
        out.extend(read_jsonl(p, src))
    return out

"""How right a parser is: token error rate and per-field precision/recall/F1.

A field counts as right when its *normalised* value equals the gold one
(issue 3): gold segments go through the same labels → Record conversion as the
predictions, and both Records are reduced to comparable strings per field. This
scores any parser that returns a Record (the CRF and the rules) on the same
footing, and does not punish a parser for punctuation a normaliser strips anyway.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bibkaz.model import Name, Record
from bibkaz.parse.normalise.text import fold

#: The fields the issue's accuracy target is defined over.
TARGET_FIELDS = (
    "author", "title", "date", "journal", "container-title", "volume",
    "pages", "publisher", "location", "editor", "doi", "url",
)
_PERIODICALS = {"article-journal", "article-magazine", "article-newspaper"}


def _names(names: tuple[Name, ...]) -> str:
    return "; ".join(fold(n.display()) for n in names)


def record_fields(record: Record) -> dict[str, str]:
    """The comparable value of each target field of ``record`` ("" when absent)."""
    container = fold(record.container_title)
    periodical = record.type in _PERIODICALS
    volume = record.volume + (f"({record.issue})" if record.issue else "")
    return {
        "author": _names(record.authors),
        "title": fold(record.title),
        "date": record.date,
        "journal": container if periodical else "",
        "container-title": "" if periodical else container,
        "volume": volume.lower(),
        "pages": record.pages,
        "publisher": fold(record.publisher),
        "location": fold(record.place),
        "editor": _names(record.editors),
        "doi": record.doi.lower(),
        "url": record.url,
    }


@dataclass
class Scores:
    """Running counts for one evaluation (mutable while counting, read after)."""

    tokens: int = 0
    token_errors: int = 0
    references: int = 0
    counts: dict[str, list[int]] = field(default_factory=lambda: {f: [0, 0, 0] for f in TARGET_FIELDS})

    def add_tokens(self, gold: list[str], predicted: list[str]) -> None:
        self.tokens += len(gold)
        self.token_errors += sum(g != p for g, p in zip(gold, predicted)) + abs(len(gold) - len(predicted))

    def add_record(self, gold: Record, predicted: Record) -> None:
        self.references += 1
        g, p = record_fields(gold), record_fields(predicted)
        for name, c in self.counts.items():
            right = bool(g[name]) and g[name] == p[name]
            if right:
                c[0] += 1
            else:
                if p[name]:
                    c[1] += 1
                if g[name]:
                    c[2] += 1

    def merge(self, other: "Scores") -> None:
        self.tokens += other.tokens
        self.token_errors += other.token_errors
        self.references += other.references
        for name, c in other.counts.items():
            mine = self.counts[name]
            for i in range(3):
                mine[i] += c[i]

    @property
    def token_error_rate(self) -> float:
        return self.token_errors / self.tokens if self.tokens else 0.0

    def prf(self, name: str) -> tuple[float, float, float, int]:
        """(precision, recall, F1, gold count) of one field."""
        tp, fp, fn = self.counts[name]
        return _prf(tp, fp, fn) + (tp + fn,)

    def micro(self) -> tuple[float, float, float]:
        tp = sum(c[0] for c in self.counts.values())
        fp = sum(c[1] for c in self.counts.values())
        fn = sum(c[2] for c in self.counts.values())
        return _prf(tp, fp, fn)

    def table(self, with_tokens: bool = True) -> str:
        """A plain-text report: one line per field, then the micro average."""
        lines = []
        if with_tokens and self.tokens:
            lines.append(
                f"token error rate: {self.token_error_rate:.4f} "
                f"({self.token_errors} of {self.tokens} tokens, {self.references} references)"
            )
        lines.append(f"{'field':<16} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}")
        for name in TARGET_FIELDS:
            p, r, f, n = self.prf(name)
            lines.append(f"{name:<16} {p:6.3f} {r:6.3f} {f:6.3f} {n:6d}")
        p, r, f = self.micro()
        lines.append(f"{'micro':<16} {p:6.3f} {r:6.3f} {f:6.3f}")
        return "\n".join(lines)

    def to_json(self) -> dict[str, object]:
        p, r, f = self.micro()
        return {
            "references": self.references,
            "tokens": self.tokens,
            "token_error_rate": round(self.token_error_rate, 5),
            "fields": {
                name: dict(zip(("precision", "recall", "f1", "gold"), [round(x, 4) for x in self.prf(name)[:3]] + [self.prf(name)[3]]))
                for name in TARGET_FIELDS
            },
            "micro": {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)},
        }


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f

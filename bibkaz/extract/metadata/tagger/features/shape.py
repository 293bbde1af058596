"""A line's shape: length, case, how it ends, digits."""

from __future__ import annotations

from bibkaz.extract.metadata.tagger.lines import TopLine

_LENGTHS = ((0, "0"), (1, "1"), (2, "2"), (3, "3"), (6, "4-6"), (12, "7-12"), (20, "13-20"), (40, "21-40"))
_SMALL = frozenset({"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to",
                    "with", "vs", "via", "de", "la", "le", "der", "die", "und"})


def features(line: TopLine) -> list[str]:
    t = line.text
    tokens = t.split()
    n = len(tokens)
    out = [f"shape.words={next((name for top, name in _LENGTHS if n <= top), '41+')}"]
    letters = [c for c in t if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) > 1:
        out.append("shape.caps")
    content = [w for w in tokens if w[:1].isalpha() and w.lower() not in _SMALL]
    if content:
        share = sum(w[:1].isupper() for w in content) / len(content)
        out.append("shape.capitalised=all" if share == 1 else "shape.capitalised=most" if share >= 0.6
                   else "shape.capitalised=few")
    if n and tokens[0][:1].islower():
        out.append("shape.lower_start")
    end = t[-1:] if t else ""
    if end in ".!?":
        out.append("shape.ends_stop")
    elif end == ":":
        out.append("shape.ends_colon")
    elif end == ",":
        out.append("shape.ends_comma")
    digits = sum(c.isdigit() for c in t)
    if digits:
        out.append("shape.digits" if digits < 0.3 * len(t) else "shape.mostly_digits")
    if not letters:
        out.append("shape.no_letters")
    if "," in t:
        out.append("shape.comma")
    if ":" in t:
        out.append("shape.colon_inside")
    if "@" in t:
        out.append("shape.at_sign")
    return out

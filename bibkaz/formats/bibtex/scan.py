"""Split a .bib file into entries, line by line, keeping every entry it can.

bibtexparser reads the whole file into memory, stops an entry at the first
brace problem without saying why, logs on its own, and wraps the values of an
entry with a duplicate key in their braces. This scanner is ours because the
reader needs the opposite on each point: a file streamed in one pass (50 MB
at tens of thousands of entries a second), a malformed entry reported with its
line and a reason while the entries after it are kept, nothing printed, and
values without their delimiters (``@string`` macros expanded, ``#`` joined).

An entry starts at a line whose first non-blank text is ``@type{`` or
``@type(``. An entry whose braces do not close before the next such line is
malformed; scanning resumes at that line, as BibTeX and biber do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Iterator

_START_LINE = re.compile(r"^[ \t]*@[ \t]*[A-Za-z][\w-]*[ \t]*[{(]", re.MULTILINE)
_AT = re.compile(r"@[ \t]*([A-Za-z][\w-]*)[ \t]*([{(])")
_SPACE = re.compile(r"\s*")
_KEY = re.compile(r"[^,\s{}()]*")
_NAME = re.compile(r"[^\s=,{}()\"#%']+")
_NUMBER_OR_MACRO = re.compile(r"[^\s,{}()\"#%=]+")
_BRACE = re.compile(r"[{}]")
_QUOTE_OR_BRACE = re.compile(r'[{}"]')
#: A whole entry of simple fields (no nested braces, quotes, macros or #), matched
#: in one go: most entries of most files, read without the field-by-field loop.
_SIMPLE_ENTRY = re.compile(
    r"[ \t]*([^,\s{}()]*)\s*,((?:\s*[^\s=,{}()\"#%']+[ \t]*=[ \t]*(?:\{[^{}]*\}|\d+)[ \t]*,?)*)\s*\}[ \t]*(?:\n|$)")
_SIMPLE_FIELDS = re.compile(r"([^\s=,{}()\"#%']+)[ \t]*=[ \t]*(?:\{([^{}]*)\}|(\d+))")
#: The common case in one match: ``name = {value without braces}`` or ``name = 123``.
_SIMPLE_FIELD = re.compile(r"([^\s=,{}()\"#%']+)[ \t]*=[ \t]*(?:\{([^{}]*)\}|(\d+))[ \t]*(?=[,})\n])")
_MONTHS = {m: m for m in "jan feb mar apr may jun jul aug sep oct nov dec".split()}


@dataclass(frozen=True)
class RawEntry:
    """One entry as written: lower-case type and field names, values undelimited."""

    entry_type: str
    key: str
    fields: tuple[tuple[str, str], ...]
    line: int


@dataclass(frozen=True)
class Malformed:
    """An entry that could not be read: where it starts, where it broke, and why."""

    line: int
    reason: str
    key: str = ""


class _Broken(Exception):
    def __init__(self, offset: int, reason: str):
        super().__init__(reason)
        self.offset = offset
        self.reason = reason


def _chunks(blocks: Iterable[str]) -> Iterator[tuple[int, str]]:
    """(first line number, text) for each run of lines that starts with an entry.

    ``blocks`` are pieces of the file that each end at a line end (a list of
    lines will do); the run still open at the end of a block carries over.
    """
    carry, carry_line = "", 1
    for block in blocks:
        text = carry + block if carry else block
        prev, prev_line = 0, carry_line
        for m in _START_LINE.finditer(text):
            if m.start() > prev:
                piece = text[prev : m.start()]
                yield prev_line, piece
                prev_line += piece.count("\n")
                prev = m.start()
        carry, carry_line = text[prev:], prev_line
    if carry:
        yield carry_line, carry


def _balanced_end(text: str, pos: int, closer: str = "}") -> int:
    """Index just past the brace that closes the group opened before ``pos``."""
    depth = 1
    pattern = _QUOTE_OR_BRACE if closer == '"' else _BRACE
    for m in pattern.finditer(text, pos):
        c = m.group(0)
        if c == '"':
            if depth == 1:
                return m.end()
            continue
        depth += 1 if c == "{" else -1
        if depth == 0:
            if closer == '"':
                raise _Broken(m.start(), 'a "}" closes a brace that was never opened inside a quoted value')
            return m.end()
    what = "unbalanced quotes: a quoted value is not closed" if closer == '"' else (
        f"unbalanced braces: {depth} '{{' still open")
    raise _Broken(len(text), what)


class _Parser:
    """Reads the entries of one chunk; ``strings`` carries @string macros across chunks."""

    def __init__(self, strings: dict[str, str]):
        self.strings = strings

    def value(self, text: str, pos: int, field: str) -> tuple[str, int]:
        parts: list[str] = []
        while True:
            pos = _SPACE.match(text, pos).end()  # type: ignore[union-attr]
            c = text[pos : pos + 1]
            if c == "{":
                end = _balanced_end(text, pos + 1)
                parts.append(text[pos + 1 : end - 1])
            elif c == '"':
                end = _balanced_end(text, pos + 1, '"')
                parts.append(text[pos + 1 : end - 1])
            else:
                m = _NUMBER_OR_MACRO.match(text, pos)
                if not m:
                    raise _Broken(pos, f"no value for field {field!r}")
                end = m.end()
                word = m.group(0)
                parts.append(word if word.isdigit() else self.strings.get(word.lower(), _MONTHS.get(word.lower(), word)))
            pos = _SPACE.match(text, end).end()  # type: ignore[union-attr]
            if text[pos : pos + 1] != "#":
                return "".join(parts), pos
            pos += 1

    def entry(self, text: str, pos: int, entry_type: str, closer: str) -> tuple[str, list[tuple[str, str]], int]:
        """Parse from just after ``@type{`` to just after the closing delimiter."""
        pos = _SPACE.match(text, pos).end()  # type: ignore[union-attr]
        key = ""
        if entry_type not in ("string", "preamble"):
            key = _KEY.match(text, pos).group(0)  # type: ignore[union-attr]
            pos = _SPACE.match(text, pos + len(key)).end()  # type: ignore[union-attr]
        fields: list[tuple[str, str]] = []
        while True:
            c = text[pos : pos + 1]
            if c == closer:
                return key, fields, pos + 1
            if c == ",":
                pos = _SPACE.match(text, pos + 1).end()  # type: ignore[union-attr]
                continue
            if not c:
                raise _Broken(pos, "the entry is not closed")
            simple = _SIMPLE_FIELD.match(text, pos)
            if simple:
                fields.append((simple.group(1).lower(), simple.group(2) if simple.group(3) is None else simple.group(3)))
                pos = _SPACE.match(text, simple.end()).end()  # type: ignore[union-attr]
                self.after_value(text, pos, closer, simple.group(1))
                continue
            if entry_type == "preamble":
                _, pos = self.value(text, pos, "preamble")
                pos = _SPACE.match(text, pos).end()  # type: ignore[union-attr]
                continue
            m = _NAME.match(text, pos)
            if not m:
                raise _Broken(pos, f"unexpected {c!r} where a field name should be")
            name = m.group(0).lower()
            pos = _SPACE.match(text, m.end()).end()  # type: ignore[union-attr]
            if text[pos : pos + 1] != "=":
                raise _Broken(pos, f"no '=' after field name {m.group(0)!r}")
            value, pos = self.value(text, pos + 1, name)
            fields.append((name, value))
            self.after_value(text, pos, closer, name)

    @staticmethod
    def after_value(text: str, pos: int, closer: str, name: str) -> None:
        """A value must be followed by a comma or the end of the entry."""
        following = text[pos : pos + 1]
        if not following:
            raise _Broken(pos, "the entry is not closed")
        if following not in (",", closer):
            raise _Broken(pos, f"unexpected {following!r} after the value of {name!r}")


def _line_at(first: int, text: str, offset: int) -> int:
    return first + text.count("\n", 0, min(offset, len(text)))


def _with_next(chunks: Iterator[tuple[int, str]]) -> Iterator[tuple[int, str, int]]:
    """Each chunk with the line where the next one starts (0 for the last)."""
    previous = next(chunks, None)
    for chunk in chunks:
        yield previous[0], previous[1], chunk[0]  # type: ignore[index]
        previous = chunk
    if previous:
        yield previous[0], previous[1], 0


def _malformed(first: int, text: str, start: int, exc: _Broken, next_line: int, key: str) -> Malformed:
    line = _line_at(first, text, start)
    if exc.offset >= len(text):
        where = f"before the next entry at line {next_line}" if next_line else "at the end of the file"
        return Malformed(line, f"{exc.reason} {where}", key)
    at = _line_at(first, text, exc.offset)
    return Malformed(line, exc.reason + (f" (line {at})" if at != line else ""), key)


def scan(lines: Iterable[str]) -> Iterator[RawEntry | Malformed]:
    """Every entry of a .bib file, in order; @string macros apply to later entries,
    @comment and @preamble are skipped. Never raises on bad input."""
    parser = _Parser({})
    for first, text, next_line in _with_next(_chunks(lines)):
        pos = 0
        while True:
            m = _AT.search(text, pos)
            if not m:
                break
            entry_type, opener = m.group(1).lower(), m.group(2)
            closer = "}" if opener == "{" else ")"
            if entry_type == "comment":
                try:
                    pos = _balanced_end(text, m.end()) if opener == "{" else text.find(")", m.end()) + 1 or len(text)
                except _Broken:
                    pos = len(text)
                continue
            simple = _SIMPLE_ENTRY.match(text, m.end()) if closer == "}" and entry_type != "string" else None
            if simple:
                fields = [(n.lower(), v if d == "" else d) for n, v, d in _SIMPLE_FIELDS.findall(simple.group(2))]
                yield RawEntry(entry_type, simple.group(1), tuple(fields), _line_at(first, text, m.start()))
                pos = simple.end()
                continue
            try:
                key, fields, pos = parser.entry(text, m.end(), entry_type, closer)
            except _Broken as exc:
                key = "" if entry_type in ("string", "preamble") else _KEY.match(text, _SPACE.match(text, m.end()).end()).group(0)  # type: ignore[union-attr]
                yield _malformed(first, text, m.start(), exc, next_line, key)
                break  # the rest of this chunk belongs to the broken entry
            if entry_type == "string":
                parser.strings.update(fields)
            elif entry_type != "preamble":
                yield RawEntry(entry_type, key, tuple(fields), _line_at(first, text, m.start()))

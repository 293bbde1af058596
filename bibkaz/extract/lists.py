"""Splitting note lists and reference lists into entries.

Two shapes: numbered lists ("1.", "1 ", "[1]", "1)", "¹"), where numbers run
1, 2, 3 … and a line that does not carry the next number continues the entry
before it; and unnumbered reference lists (APA, Harvard, Chicago, MLA), where
entries are separated by blank lines, or stand one per line, or wrap over
several lines — an entry starts on a line that looks like the start of a
reference ("Family, I.", "Organisation (2021)") after a line that ended one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bibkaz.extract.text import SUPERSCRIPT_DIGITS, superscript_value

_NUMBERED = re.compile(
    r"^\s*(?:\[(?P<b>\d{1,3})\]\s*|(?P<n>\d{1,3})(?:[.)]\s*|\s+)|(?P<s>[" + SUPERSCRIPT_DIGITS + r"]{1,3})\s*)(?P<text>\S.*)$"
)
_YEARISH = re.compile(r"\b(?:1[5-9]\d\d|20\d\d)[a-z]?\b|\bn\.\s?d\.|https?://|\bdoi\b|\b10\.\d{4,}/", re.I)
_START = (
    re.compile(r"^[A-Z\u00C0-\u024F][\w’'`\-]+(?:\s(?:[a-z]{1,3}\s)?[A-Z\u00C0-\u024F][\w’'\-]+){0,3},\s"),  # Family, I.
    re.compile(r"^(?:van|von|de|di|da|du|del|der|al|el|la|le)\s[A-Z][\w’'\-]+,\s"),  # van Gogh, V.
    re.compile(r"^[A-Z][\w&.,’'\s-]{1,90}?\s?\(\s?(?:\d{4}|n\.d\.)"),  # World Bank (2021) / Smith J (2019)
    re.compile(r"^(?:[A-Z]\.\s?){1,3}\s?[A-Z][\w’'\-]+"),  # A. B. Author (IEEE without labels)
    re.compile(r"^[—–-]{2,}\.?"),  # ———. (Chicago: same author as above)
    re.compile(r"^[A-Z][\w’'\-]+(?:\s[A-Z][\w’'\-]+){0,6}\.\s+(?:\(?\d{4}|n\.d\.)"),  # World Bank. 2021.
)


@dataclass(frozen=True)
class Entry:
    label: str
    text: str
    line: int
    end_line: int


def looks_like_reference(text: str) -> bool:
    return bool(_YEARISH.search(text)) and len(text.split()) >= 3


def _number(m: re.Match[str]) -> int:
    if m.group("s"):
        return superscript_value(m.group("s"))
    return int(m.group("b") or m.group("n"))


def numbered_entries(lines: list[str], start: int, end: int) -> list[Entry]:
    """Entries of a numbered list in lines start..end (1-based, inclusive).

    Empty when the section does not begin with entry 1 (it is not a numbered list).
    """
    entries: list[Entry] = []
    expected = 1
    current: list[str] = []
    cur_label, cur_line, last_line = "", 0, 0
    blank_run = 0

    def close() -> None:
        if current:
            entries.append(Entry(cur_label, " ".join(current), cur_line, last_line))

    for number in range(start, end + 1):
        line = lines[number - 1]
        if not line.strip():
            blank_run += 1
            continue
        m = _NUMBERED.match(line)
        if m and _number(m) == expected:
            close()
            current = [m.group("text").strip()]
            cur_label, cur_line, last_line = str(expected), number, number
            expected += 1
            blank_run = 0
            continue
        if not current:
            if entries or number - start > 3:
                break
            continue  # text between the heading and entry 1 (an introduction)
        stripped = line.strip()
        if blank_run and not (stripped[:1].islower() or stripped[:4] in ("http", "doi:")):
            break  # a new paragraph that carries no number: the list has ended
        current.append(stripped)
        last_line = number
        blank_run = 0
    close()
    return entries


def _starts_entry(line: str) -> bool:
    return any(p.match(line) for p in _START)


def _ends_entry(line: str) -> bool:
    s = line.rstrip()
    return bool(s) and (s[-1] in ".)]”\"’" or bool(re.search(r"(?:https?://|doi\.org/|\b10\.\d{4,}/)\S+$", s)))


def unnumbered_entries(lines: list[str], start: int, end: int) -> list[Entry]:
    """Entries of an unnumbered reference list in lines start..end (1-based)."""
    blocks: list[list[tuple[int, str]]] = [[]]
    for number in range(start, end + 1):
        line = lines[number - 1]
        if line.strip():
            blocks[-1].append((number, line))
        elif blocks[-1]:
            blocks.append([])
    pieces: list[list[tuple[int, str]]] = []
    for block in blocks:
        if not block:
            continue
        indents = [len(t) - len(t.lstrip()) for _, t in block]
        base = min(indents)
        hanging = len(set(indents)) > 1
        current: list[tuple[int, str]] = []
        for (number, text), indent in zip(block, indents):
            stripped = text.strip()
            if hanging:
                new = indent == base
            else:
                new = not current or (_starts_entry(stripped) and _ends_entry(current[-1][1]))
            if new and current:
                pieces.append(current)
                current = []
            current.append((number, stripped))
        if current:
            pieces.append(current)
    entries: list[Entry] = []
    for piece in pieces:
        text = " ".join(t.strip() for _, t in piece)
        # Words broken by a hyphen at a line end are joined back ("polit-\nical").
        text = re.sub(r"(\w)- (\w)", lambda m: m.group(1) + m.group(2) if m.group(2).islower() else m.group(0), text)
        if not looks_like_reference(text):
            if entries:
                break  # page furniture after the list ("187 views", "Comments")
            continue
        entries.append(Entry("", text, piece[0][0], piece[-1][0]))
    return entries

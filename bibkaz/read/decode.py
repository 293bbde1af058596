"""Bytes → text under one rule that never raises on text.

UTF-16 with a BOM, UTF-8, UTF-8 with a BOM, cp1252 (what Word on Windows
saves), and finally UTF-8 with U+FFFD for the bytes that fit none of them, with
a warning that names the first bad byte's line. A file that declares UTF-8 with
a BOM but holds other bytes is read that last way: the BOM says what it meant.
Only binary files (NUL bytes, known binary formats) are refused.
"""

from __future__ import annotations

from dataclasses import dataclass

from bibkaz.model import InputError
from bibkaz.read.formats import binary_kind, undecodable_message

_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


@dataclass(frozen=True)
class Decoded:
    """Decoded text; ``bad_line``/``bad_byte`` name the first byte replaced (0 / "" when none)."""

    text: str
    encoding: str
    bad_line: int = 0
    bad_byte: str = ""

    @property
    def warning(self) -> str:
        """One line for the user when bytes were replaced, else ""."""
        if not self.bad_line:
            return ""
        return (f"not valid UTF-8 or cp1252: undecodable bytes replaced with U+FFFD "
                f"(first: byte {self.bad_byte})")


def _replaced(raw: bytes, error: UnicodeDecodeError) -> Decoded:
    """UTF-8 with replacement characters, naming the first bad byte and its line."""
    line = raw.count(b"\n", 0, error.start) + 1
    bad = f"0x{raw[error.start]:02x}"
    return Decoded(raw.decode("utf-8", errors="replace"), "utf-8-replaced", line, bad)


def decode_bytes(raw: bytes, path: str) -> Decoded:
    """Decode ``raw``; raises InputError only for binary files, naming the formats read."""
    if raw.startswith(_UTF16_BOMS):
        return Decoded(raw.decode("utf-16", errors="replace"), "utf-16")
    kind = binary_kind(raw)
    if kind:
        raise InputError(path, kind)
    if raw.startswith(_BOM):
        body = raw[len(_BOM):]
        try:
            return Decoded(body.decode("utf-8"), "utf-8-sig")
        except UnicodeDecodeError as exc:
            return _replaced(body, exc)
    try:
        return Decoded(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        return _replaced(raw, utf8_error)
    controls = sum(1 for c in text[:8192] if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > len(text[:8192]) * 0.01:
        raise InputError(path, undecodable_message())
    return Decoded(text, "cp1252")

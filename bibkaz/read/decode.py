"""Bytes → text, trying UTF-8, UTF-8 with BOM, then cp1252 (what Word on Windows saves)."""

from __future__ import annotations

from bibkaz.model import InputError


def decode_bytes(raw: bytes, path: str) -> tuple[str, str]:
    """Return (text, encoding used). Binary files are refused, not decoded into noise."""
    sample = raw[:8192]
    if b"\x00" in sample:
        raise InputError(path, "binary file (contains NUL bytes), not a text document")
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise InputError(path, f"cannot decode as UTF-8 or cp1252 (byte {exc.start})") from None
    controls = sum(1 for c in text[:8192] if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > len(text[:8192]) * 0.01:
        raise InputError(path, "binary or undecodable file, not a text document")
    return text, "cp1252"

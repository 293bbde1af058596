"""The parts of a Word .docx package that the text needs: the XML of the body and
notes, relationships (hyperlink targets), style names, list numbering.

A .docx is a zip of XML parts; reading it with lxml directly (no python-docx)
gives the footnote and endnote parts, which python-docx does not expose. The
XML parser resolves no entities and fetches nothing, and parts are size-checked
before they are inflated, so a hostile file cannot blow up memory (zip bomb).
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field

from lxml import etree

from bibkaz.model import InputError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
#: No part of a real document inflates to more than this.
MAX_PART_BYTES = 100 * 1024 * 1024
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_comments=True)
_OLE = b"\xd0\xcf\x11\xe0"


def w(tag: str) -> str:
    """A WordprocessingML tag or attribute in Clark notation."""
    return f"{{{W}}}{tag}"


@dataclass(frozen=True)
class Level:
    """One level of a list: its number format ("decimal", "bullet"…), start and label pattern ("%1.")."""

    fmt: str = "decimal"
    start: int = 1
    text: str = "%1."


@dataclass(frozen=True)
class Package:
    """What the renderer reads of a .docx."""

    body: etree._Element
    footnotes: etree._Element | None = None
    endnotes: etree._Element | None = None
    links: dict[str, dict[str, str]] = field(default_factory=dict)  # part name → relationship id → URL
    styles: dict[str, str] = field(default_factory=dict)  # style id → lower-cased style name
    numbering: dict[str, dict[str, Level]] = field(default_factory=dict)  # numId → ilvl → Level


def _xml(archive: zipfile.ZipFile, name: str, path: str) -> etree._Element | None:
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_PART_BYTES:
        raise InputError(path, f"Word part {name} inflates to {info.file_size // (1024 * 1024)} MiB: refused")
    try:
        return etree.fromstring(archive.read(name), _PARSER)
    except etree.XMLSyntaxError as exc:
        raise InputError(path, f"damaged Word file ({name}: {exc})") from None


def _links(archive: zipfile.ZipFile, part: str, path: str) -> dict[str, str]:
    rels = _xml(archive, f"word/_rels/{part}.rels", path)
    if rels is None:
        return {}
    return {str(rel.get("Id")): str(rel.get("Target")) for rel in rels.iter(f"{{{_REL}}}Relationship")
            if str(rel.get("Type", "")).endswith("/hyperlink") and rel.get("Id") and rel.get("Target")}


def _styles(root: etree._Element | None) -> dict[str, str]:
    if root is None:
        return {}
    out = {}
    for style in root.iter(w("style")):
        name = style.find(w("name"))
        if style.get(w("styleId")) and name is not None:
            out[str(style.get(w("styleId")))] = str(name.get(w("val"), "")).lower()
    return out


def _int(value: object, default: int) -> int:
    return int(str(value)) if re.fullmatch(r"-?\d{1,6}", str(value)) else default


def _numbering(root: etree._Element | None) -> dict[str, dict[str, Level]]:
    if root is None:
        return {}
    abstract: dict[str, dict[str, Level]] = {}
    for node in root.iter(w("abstractNum")):
        levels = {}
        for lvl in node.iter(w("lvl")):
            fmt, start, text = lvl.find(w("numFmt")), lvl.find(w("start")), lvl.find(w("lvlText"))
            levels[str(lvl.get(w("ilvl"), "0"))] = Level(
                fmt=str(fmt.get(w("val"), "decimal")) if fmt is not None else "decimal",
                start=_int(start.get(w("val")), 1) if start is not None else 1,
                text=str(text.get(w("val"), "%1.")) if text is not None else "%1.")
        abstract[str(node.get(w("abstractNumId")))] = levels
    out = {}
    for num in root.iter(w("num")):
        ref = num.find(w("abstractNumId"))
        if ref is not None:
            out[str(num.get(w("numId")))] = abstract.get(str(ref.get(w("val"))), {})
    return out


def open_package(data: bytes, path: str) -> Package:
    """The parts of a .docx; InputError (one line) for an encrypted, damaged or non-Word file."""
    if data.startswith(_OLE):
        raise InputError(path, "encrypted or old-format Word file: save it as an unprotected .docx first")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputError(path, f"damaged or not a Word .docx file ({exc})") from None
    with archive:
        try:
            body = _xml(archive, "word/document.xml", path)
            if body is None:
                raise InputError(path, "not a Word .docx file (no word/document.xml)")
            return Package(
                body=body,
                footnotes=_xml(archive, "word/footnotes.xml", path),
                endnotes=_xml(archive, "word/endnotes.xml", path),
                links={part: _links(archive, part, path) for part in ("document.xml", "footnotes.xml", "endnotes.xml")},
                styles=_styles(_xml(archive, "word/styles.xml", path)),
                numbering=_numbering(_xml(archive, "word/numbering.xml", path)),
            )
        except (zipfile.BadZipFile, EOFError, OSError, RuntimeError, zlib.error) as exc:  # truncated or encrypted members
            raise InputError(path, f"damaged Word file ({exc})") from None

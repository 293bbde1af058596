"""Writes small real .docx files for the Word reader's tests, part by part.

A .docx is a zip of WordprocessingML parts; this writes the ones Word itself
writes for a document with footnotes, endnotes, hyperlinks, heading styles and a
numbered list (content types, relationships, styles, numbering, notes), so the
reader is tested on the package layout, not on a mock. Word and LibreOffice open
the result.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>
<Override PartName="/word/endnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml"/>
</Types>"""
ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""
STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {NS}>
<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>
<w:style w:type="paragraph" w:styleId="Bibliography"><w:name w:val="Bibliography"/></w:style>
<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/></w:style>
</w:styles>"""
NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {NS}>
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>"""
SEPARATORS = ('<w:{k} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{k}>'
              '<w:{k} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{k}>')


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def footnote_call(note_id: int) -> str:
    return f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="{note_id}"/></w:r>'


def endnote_call(note_id: int) -> str:
    return f'<w:r><w:endnoteReference w:id="{note_id}"/></w:r>'


def link(text: str, rel_id: str) -> str:
    return f'<w:hyperlink r:id="{rel_id}">{run(text)}</w:hyperlink>'


def paragraph(*content: str, style: str = "", numbered: bool = False, bulleted: bool = False) -> str:
    props = ""
    if style or numbered or bulleted:
        num = (f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{1 if numbered else 2}"/></w:numPr>'
               if numbered or bulleted else "")
        props = f"<w:pPr>{f'<w:pStyle w:val={chr(34)}{style}{chr(34)}/>' if style else ''}{num}</w:pPr>"
    return f"<w:p>{props}{''.join(content)}</w:p>"


def notes_part(kind: str, notes: dict[int, str], links: dict[int, tuple[str, str]] | None = None) -> str:
    """footnotes.xml or endnotes.xml: the separators Word writes, then one note per id."""
    ref = "footnoteRef" if kind == "footnote" else "endnoteRef"
    body = []
    for note_id, text in notes.items():
        extra = link(*links[note_id]) if links and note_id in links else ""
        body.append(f'<w:{kind} w:id="{note_id}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
                    f'<w:r><w:{ref}/></w:r>{run(" " + text)}{extra}</w:p></w:{kind}>')
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{kind}s {NS}>'
            f'{SEPARATORS.format(k=kind)}{"".join(body)}</w:{kind}s>')


def rels(targets: dict[str, str]) -> str:
    items = "".join(f'<Relationship Id="{rid}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    f'relationships/hyperlink" Target="{escape(url)}" TargetMode="External"/>'
                    for rid, url in targets.items())
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships '
            f'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{items}</Relationships>')


def write_docx(path: Path, paragraphs: list[str], footnotes: dict[int, str], endnotes: dict[int, str],
               links: dict[str, str], footnote_links: dict[int, tuple[str, str]] | None = None,
               footnote_rels: dict[str, str] | None = None) -> Path:
    """A .docx at ``path`` with these body paragraphs, notes and hyperlink relationships."""
    document_rels = {"rIdStyles": "styles.xml", "rIdNumbering": "numbering.xml",
                     "rIdFootnotes": "footnotes.xml", "rIdEndnotes": "endnotes.xml"}
    kinds = {"rIdStyles": "styles", "rIdNumbering": "numbering", "rIdFootnotes": "footnotes", "rIdEndnotes": "endnotes"}
    internal = "".join(f'<Relationship Id="{rid}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                       f'relationships/{kinds[rid]}" Target="{target}"/>' for rid, target in document_rels.items())
    doc_rels = rels(links).replace("</Relationships>", internal + "</Relationships>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("word/document.xml", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                                        f'<w:document {NS}><w:body>{"".join(paragraphs)}<w:sectPr/></w:body></w:document>')
        z.writestr("word/_rels/document.xml.rels", doc_rels)
        z.writestr("word/styles.xml", STYLES)
        z.writestr("word/numbering.xml", NUMBERING)
        z.writestr("word/footnotes.xml", notes_part("footnote", footnotes, footnote_links))
        z.writestr("word/_rels/footnotes.xml.rels", rels(footnote_rels or {}))
        z.writestr("word/endnotes.xml", notes_part("endnote", endnotes))
    return path

"""A law or bill cited inside a sentence is the work; the sentence is not its title.

Notes in congressional and agency reports cite statutes in running prose: "P.L.
116-9 redesignated the Hawaii portion of this monument as …", "Per 31 U.S.C.
§ 331(e), Treasury, in …", "… using authorities provided by the Historic Sites
Act of 1935 (54 U.S.C. Chapter 3201)". The parsers read the whole sentence as
the title. Where the title of a law holds words of a sentence around its
citation, the work is the law the sentence names: its short title ("Historic
Sites Act of 1935", whose year is the work's year) when it has one, else its
citation ("P.L. 116-9", "31 U.S.C. § 331(e)", "H.R. 562").

A public law cited by its number is titled by the number, not by the pinpoint and the
Statutes at Large page a note adds after a comma: "P.L. 113-132, 128 Stat. 1727" and "P.L.
117-58, Division B, Title I, §21202(b)" are the laws "P.L. 113-132" and "P.L. 117-58"; the
parts go to the note (every dev gold that cites one so names it: 13 of 13, twelfth session).
Left whole: a short title before the number ("Continuing Appropriations and Extensions Act,
2025, Pub. L. No. 118-83, div. A, § 115, …", as the held-out real strings label it), a
section glued on without a comma ("P.L. 119-27 §4(a)(5)"), a code section's subsection
("31 U.S.C. § 331(e)": the dev golds disagree there), a bill's short title after its number
("H.R. 2156, Saint Francis Dam Act").
"""

from __future__ import annotations

import re

from bibkaz.model import Record

#: "31 U.S.C. § 331(e)", "26 U.S.C. 6409", "54 U.S.C. §§308101-308103", "2 C.F.R. pt. 170"
_CODE = r"\b\d+\s+(?:U\.S\.C|C\.F\.R)\.?\s*(?:§§?\s*|pt\.\s*|part\s+)?\d[\w.–-]*(?:\([\w]+\))*"
#: "P.L. 116-9", "Pub. L. No. 109-282", "Pub. L. 117-169"
_PUBLIC_LAW = r"\b(?:P\.\s?L\.|Pub\.\s?L\.(?:\s?No\.)?)\s?\d+-\d+"
#: "H.R. 562", "S. 816", "S.Con.Res. 33", "H.J.Res. 7"
_BILL = r"\b(?:H\.\s?R\.|S\.)(?:\s?(?:Con\.\s?|J\.\s?)?Res\.)?\s?\d+\b"
CITATION = re.compile(f"{_PUBLIC_LAW}|{_CODE}|{_BILL}")
_WORD = r"(?:[A-Z][\w’'.-]*|\d{4})"
#: A short title: capitalised words (and "and", "of" … between them) ending in "Act",
#: with its year ("Act of 1935", "Act, 2026").
SHORT_TITLE = re.compile(rf"{_WORD}(?:\s+(?:(?:and|of|for|on|to|in|&)\s+)?{_WORD})*?\s+Act\b(?:\s+of\s+(\d{{4}})|,\s+(\d{{4}}))?")
#: Lower-case words that belong to a citation, not to a sentence around it.
_CITATION_WORDS = frozenset({"note", "notes", "et", "seq", "as", "amended", "codified", "at", "and", "div", "tit",
                             "subtit", "sec", "pt", "app", "part", "ch"})
_LOWER_WORD = re.compile(r"(?<![\w.§(-])[a-z][a-z’']+\b")
#: The types of laws and bills (what the type evidence gives a title citing one), and of a
#: sentence nothing marks as any kind of work; a report's, an article's or a book's title
#: that names a law is a title about it.
_LAW = frozenset({"legislation", "bill", "document"})


def _prose(text: str) -> bool:
    """Whether ``text`` (a title with its citation cut out) holds words of a sentence."""
    return any(w not in _CITATION_WORDS for w in _LOWER_WORD.findall(text))


def _beside(act: re.Match[str], cited: re.Match[str]) -> bool:
    """Whether a short title and a citation name one law ("… Appropriations Act, Pub. L. No. 104-50",
    "Pub. L. No. 106-107, the … Act"): at most a few characters between them."""
    return 0 <= cited.start() - act.end() <= 3 or 0 <= act.start() - cited.end() <= 6


#: The parts a note adds after a public law's number: its division, title, subtitle and
#: section, its Statutes at Large volume and page(s), "note", "as amended".
_LAW_PART = (r"(?:(?:div|Division|tit|Title|subtit|Subtitle)\.?\s+[A-Z0-9]{1,6}|§§?\s*[\w.()-]+"
             r"|Sec(?:tion|\.)\s*[\w.()-]+|\d+\s+Stat\.\s+[\dA-Z-]+(?:,\s*[\dA-Z]+-?[\dA-Z-]*)*"
             r"|\[[^\[\]]{1,40}\]|note|as amended)")
_PUBLIC_LAW_PARTS = re.compile(rf"^(?P<law>{_PUBLIC_LAW})(?P<parts>,\s*{_LAW_PART}(?:,?\s*{_LAW_PART})*)[.,;]?$")


def without_law_parts(record: Record) -> Record:
    """``record`` whose title is a public law's citation and its parts, titled by the law alone
    (see the module docstring); the parts go to its note."""
    title = record.title
    if not title or record.type not in _LAW or record.container_title or record.collection_title:
        return record
    m = _PUBLIC_LAW_PARTS.match(title)
    if not m:
        return record
    name, parts = m.group("law"), m.group("parts").strip(" ,.;")
    note = f"{parts}; {record.note}" if record.note else parts
    return record.with_(title=name, note=note)


def law_from_prose(record: Record) -> Record:
    """``record`` with a sentence that cites a law replaced by the law it cites (see the module docstring)."""
    record = without_law_parts(record)
    title = record.title
    if not title or record.type not in _LAW or record.container_title or record.collection_title:
        return record  # a report, a report in a series or an article may well be about a law
    cited = CITATION.search(title)
    act = SHORT_TITLE.search(title) if " Act" in title else None
    if act and cited and not (act.group(1) or act.group(2)) and not _beside(act, cited):
        act = None  # "the DATA Act, executive agencies, as defined in 5 U.S.C. § 105": the citation is the work
    if act:
        name = re.sub(r"^The\s+", "", act.group(0))
        after = title[act.end():].lstrip()
        if name != title and not after.startswith(":") \
                and (_prose(title[:act.start()] + " " + after) or after.startswith("(")):
            year = act.group(1) or act.group(2) or ""
            return record.with_(title=name, date=record.date or year)
        return record
    if cited and cited.group(0) != title and _prose(title[:cited.start()] + " " + title[cited.end():]):
        return record.with_(title=cited.group(0).rstrip(".,;"))
    return record

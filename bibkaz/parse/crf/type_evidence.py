"""Entry types read from evidence in the labelled fields (issue 13).

The labels say where the title or the container is, not what kind of document
a statute, a bill, a court case or a congressional report is: "22 U.S.C. §9903"
is all title, and so is "H.R. 562". Those forms carry fixed designators, so the
type is read from them, in the order of :data:`TABLE` (first match wins), before
:func:`bibkaz.parse.crf.convert.entry_type` falls back to which labels are
present. The table is the one place these rules live; docs/training.md shows it.
"""

from __future__ import annotations

import re
from typing import Mapping

from bibkaz.parse.normalise.text import folded

#: (label whose text is searched, pattern, CSL type), tried in order.
TABLE: tuple[tuple[str, re.Pattern[str], str], ...] = (
    # statutes and codes: "22 U.S.C. §9903", "P.L. 119-74", "Pub. L. No. 109-282", "93 Stat. 1381",
    # "Internal Revenue Code §152", "Federal Law No. 12-FZ", "N.Y. General Business Law §396-rr", "… Act of 1977"
    ("title", re.compile(r"\b(?:U\.S\.C|C\.F\.R)\b|\bP\.L\.\s?\d|\bPub\.\s?L\.|\b\d+\s+Stat\.(?:\s|$)|\bCode\s+§|"
                         r"\bLaw\s+(?:No\.|§)|\bAct\s+of\s+\d{4}\b|^\s*§|\b(?:House|Senate)\s+Rule\s+[IVXLC\d]+\b", re.I),
     "legislation"),
    # the European Union's acts ("Directive 1999/94/EC", "Council Directive 80/1268/EEC", "Regulation (EU)
    # 2024/1787") and the U.S. Constitution's articles and amendments
    ("title", re.compile(r"\b(?:Directive|Regulation|Decision)\s+(?:\((?:EU|EC|EEC|Euratom)\)\s+)?(?:No\.?\s*)?"
                         r"\d{2,4}/\d+(?:/(?:EU|EC|EEC|Euratom))?\b|\bAmendment\s+to\s+the\s+(?:[A-Z][\w.]*\s+)*Constitution\b|"
                         r"\b(?:U\.S\.|United\s+States)\s+Constitution\b|\bConstitution\s+of\s+the\s+United\s+States\b"),
     "legislation"),
    # bills and resolutions of Congress: "H.R. 562", "S. 872", "H.Res. 5"
    ("title", re.compile(r"^\s*(?:H\.\s?R\.|S\.|H\.\s?Res\.|S\.\s?Res\.|H\.\s?J\.\s?Res\.|S\.\s?J\.\s?Res\.)\s?\d+\b"), "bill"),
    # … and a section of a concurrent or joint resolution cited anywhere: "Section 404 of S.Con.Res. 13"
    ("title", re.compile(r"\b(?:H|S)\.\s?(?:Con\.\s?|J\.\s?)?Res\.\s?\d+\b"), "bill"),
    # … and a bill named with its Congress: "Streamlining … Act, S.4630, 118th Cong."
    ("title", re.compile(r"\b(?:H\.\s?R\.|S\.)\s?\d+,?\s+\d+\s?(?:st|nd|rd|th)\s+Cong\b"), "bill"),
    # congressional reports and documents: "H.Rept. 119-272", "H. Rpt. 115-100", "S.Prt. 118-5",
    # Bluebook's "S. Rep. No. 108-226" and "H.R. Rep. No. 115-100"
    ("title", re.compile(r"^\s*(?:H\.\s?R\.\s?|H\.\s?|S\.\s?)(?:Rept|Rpt|Rep|Doc|Prt)\.\s?(?:No\.\s?)?\d", re.I),
     "report"),
    # court cases: "Brown v. Board of Education"
    ("title", re.compile(r"\S\s+v\.?\s+[A-Z]"), "legal_case"),
    # treaties: "Treaty on …", "Convention on …" (a title that opens so)
    ("title", re.compile(r"^\s*(?:Treaty|Convention|Protocol)\s+(?:on|of|for|between|relating)\b"), "treaty"),
    # the Congressional Record: debates and remarks, which CSL has no closer type for
    ("journal", re.compile(r"\bCongressional\s+Record\b|\bCong\.\s?Rec\b", re.I), "document"),
    ("container-title", re.compile(r"\bCongressional\s+Record\b|\bCong\.\s?Rec\b", re.I), "document"),
    # rules and notices published in the Federal Register
    ("journal", re.compile(r"\bFederal\s+Register\b|\bFed\.\s?Reg\b", re.I), "legislation"),
    # executive orders, named as such
    ("genre", re.compile(r"\bExecutive\s+Order\b|\bExec\.\s?Order\b", re.I), "legislation"),
    # a report's series and number: "CRS Report R41234", "GAO-21-104567", "GAO-07-215T", "Working Paper no. 12"
    ("collection-title", re.compile(r"\b(?:Report|Working\s+Papers?|In\s+Focus|Insight|Sidebar|Brief|Paper|"
                                    r"Publication|Notice)\b|\b[A-Z]{2,5}-\d{2}-\d{2,6}(?:[A-Z]{1,3})?\b|\b[A-Z]{1,3}\d{4,6}\b", re.I),
     "report"),
    # a site named by its domain: '"Title". techcrunch.com.', "LWN.net"
    ("container-title", re.compile(r"^\W*[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|io|info|co\.uk|org\.uk)\W*$", re.I),
     "webpage"),
    ("journal", re.compile(r"^\W*[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|io|info|co\.uk|org\.uk)\W*$", re.I),
     "webpage"),
)


#: For a row of TABLE (by index), words one of which its text must hold (lower case, as a
#: case-blind search sees it) for the pattern to match: a cheap test before a costly search.
#: The statute row's alternatives all hold a full stop, "§", "act" or "rule".
_NEEDS: dict[int, tuple[str, ...]] = {0: (".", "§", "act", "rule"), 1: ("/", "constitution"), 3: ("res.",),
                                      4: ("cong",), 6: ("v",), 8: ("rec",), 9: ("rec",), 10: ("reg",), 11: ("order",)}
_ROWS = tuple((label, pattern, csl_type, _NEEDS.get(at)) for at, (label, pattern, csl_type) in enumerate(TABLE))


#: "Retrieved 2012-08-21", "Archived from the original", "accessed June 2, 2018", "Available at:".
_ACCESS = re.compile(r"\b(?:retrieved|archived|accessed|available\s+(?:at|from|online))\b", re.I)
#: Labels that make a work with an access note something other than a web page
#: (a periodical article, a book or a part of one, a report in a series).
_NOT_WEB = ("journal", "volume", "collection-title", "genre")


def type_from_evidence(values: Mapping[str, str]) -> str:
    """The CSL type the first matching row of :data:`TABLE` gives; else "webpage"
    for a work read online ("Retrieved …", "accessed …" in a note) that names no
    periodical, volume, series or genre (the site's name, if any, is labelled
    container-title and would otherwise make it a chapter); else ""."""
    low: dict[str, str] = {}
    for label, pattern, csl_type, needs in _ROWS:
        text = values.get(label)
        if not text:
            continue
        if needs:
            if label not in low:
                low[label] = folded(text)
            if not any(word in low[label] for word in needs):
                continue
        if pattern.search(text):
            return csl_type
    note = values.get("note")
    if note and _ACCESS.search(note) and not any(label in values for label in _NOT_WEB):
        return "webpage"
    return ""

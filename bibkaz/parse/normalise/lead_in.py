"""A note's own words before the citation it gives are not part of the reference.

Notes in reports often lead into a citation with a sentence: "We have
previously reported on PART in GAO, Performance Budgeting: …", "The current
updated version can be found at CRS Report RL34229, …", "A more detailed
discussion … can be found in William McKay and Charles W. Johnson, Parliament
and Congress …", "The studies are Kevin A. Hassett and Aparna Mathur, Taxes and
Wages, …". The parsers read the lead-in as the title. Where a sentence opens the
reference and a lead-in phrase ("can be found in", "reported … in", "see", "the
studies are") is followed by what opens a citation (a CRS product, an agency's
initials and a comma, a body's name and a comma, or people's names and a comma), the
parsers are given the
reference from that opening on. The same goes for the words a note adds after
the citation to say what it is cited for ("… (Stata Press, 2006) for a
description of this technique.", "…, by Elizabeth Rybicki for a detailed
explanation of committee procedures"), and for other editions it points to
("SSA, Annual Statistical Supplement, 2024, and earlier editions;").

GAO notes also name a document by its agency's possessive and say where it is:
"DOL’s Training and Employment Guidance Letter No. 19-02, located online at
http://…", "FAA’s 2005-2009 Flight Plan can be found online at http://…". That is
the agency as author and the document as title, as in "DOL, Training …, http://…"
(:func:`agency_note`). CRS notes point at pages the same way: "the SBA webpage for the 7(a)
Program at https://…" is "SBA, 7(a) Program, https://…", and "the Island Areas Censuses
Operation Detailed Operational Plan at https://…" or "2018 Index methodology at: https://…"
is the page's title and its link (:func:`page_at`).
"""

from __future__ import annotations

import re

#: The phrase leading into a citation, then the citation's opening.
_LEAD_IN = re.compile(
    r"\b(?i:can be found|is found|are found|is available|are available|is discussed|are discussed|"
    r"is described|are described|reported(?: [a-z]+){0,4}|see(?: also)?|the studies are|the study is|"
    r"(?:is |are )?(?:taken|drawn|adapted|addressed|identified))"
    r"(?i:(?: (?:in|at|on|from))? )"
    # "… in the section “Floor Actions on Questions of Privilege” in CRS Report 98-411, …"
    r"(?:the (?:section|chapter|part|appendix) [“\"][^”\"]{1,150}[”\"],? (?:in|of) )?"
    r"(?=CRS (?:Report|In Focus|Insight)\b|[A-Z]{2,6}, [A-Z_]|(?:[A-Z][a-z]+\.? )(?:[A-Z]\. )?[A-Z][\w’'-]+(?:,| and )"
    # a body's name and a comma: "Congressional Budget Office, Public Spending on …"
    r"|(?:[A-Z][\w’'-]+ ){1,5}(?:Office|Service|Administration|Agency|Department|Bureau|Commission|Institute|"
    r"Foundation|Center|Centre|Council|Board|Committee|Authority|Bank|Fund|Organization|Organisation),)",
)
#: A sentence's opening: a capitalised or lower-case word followed by a lower-case one.
_SENTENCE_START = re.compile(r"^\s*[A-Za-z][a-z]*\s+[a-z]")


#: "for a description of …", ", for information on …", "for a detailed explanation of …" to the end.
_WHAT_FOR = re.compile(
    r"(?:,\s*|\s+)for (?:a |an |the |more |further )?(?:detailed |brief |fuller |general )?"
    r"(?:description|explanation|discussion|information|details?|overview|analysis|summary|history)"
    r" (?:of|on|about)\b.*$",
    re.S,
)


#: What the citation ends with before such words: its imprint's bracket ("(Stata Press, 2006)")
#: or its byline ("by Elizabeth Rybicki and Michael Greene").
_CITATION_END = re.compile(r"(?:\([^()]*[,:][^()]*\d{4}\)|\bby (?:[A-Z][\w.’'-]*\s?)+(?:,? and (?:[A-Z][\w.’'-]*\s?)+)?),?\s*$")


#: ", and earlier editions", "and previous years": other editions the note points to, not this one's fields.
_OTHER_EDITIONS = re.compile(r",?\s*and (?:earlier|previous|prior|later|subsequent) (?:editions|issues|years|versions)[.;,]?\s*$")


def without_what_for(text: str) -> str:
    """``text`` without the words after the citation that say what it is cited for (only
    after the citation's closing bracket or byline: "A framework for information retrieval"
    is a title)."""
    if " and " in text:
        text = _OTHER_EDITIONS.sub("", text)
    if " for " not in text:
        return text
    m = _WHAT_FOR.search(text)
    if m and _CITATION_END.search(text, 0, m.start()):
        return text[: m.start()]
    return text


def without_lead_in(text: str) -> str:
    """``text`` from the citation on, when a sentence leads into it (see the module docstring)."""
    if not _SENTENCE_START.match(text):
        return text
    m = _LEAD_IN.search(text, 0, 300)
    return text[m.end():] if m else text


#: "DOL’s Training …": an agency's initials and a possessive opening the reference.
_AGENCY_POSSESSIVE = re.compile(r"^(\s*[A-Z]{2,6})[’']s\s+(?=[A-Z0-9])")
#: ", located online at", " can be found online at", " is available at" right before the reference's only link.
_FOUND_AT = re.compile(
    r",?\s+(?:can be found|is available|are available|is located|located|is posted|are posted|is documented)"
    r"(?: online)? at:?\s+"
    r"(?=(?:https?://|www\.)\S+\s*$)",
    re.I,
)


def agency_note(text: str) -> str:
    """"DOL’s Title, located online at URL" → "DOL, Title, URL" (see the module docstring)."""
    if " at" in text:
        text = _FOUND_AT.sub(", ", text)
    if "’s " in text[:12] or "'s " in text[:12]:
        text = _AGENCY_POSSESSIVE.sub(r"\1, ", text, count=1)
    return text


#: "the SBA webpage for the 7(a) Program at https://…": a body's page named for what it is about.
_WEBPAGE_FOR = re.compile(
    r"^\s*(?:[Tt]he\s+)?(?P<body>[A-Z]{2,6}|[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,4})(?:[’']s)?\s+"
    r"(?:webpage|web page|website|web site)\s+(?:for|on|about)\s+(?:the\s+)?(?P<title>[^,]{3,150}?)\s+at:?\s+"
    r"(?=(?:https?://|www\.)\S)"
)
#: "the Island Areas … Plan at https://…", "2018 Index methodology at: https://…": a page's name, then its link.
_NAME_AT = re.compile(r"^\s*(?:[Tt]he\s+)?(?P<title>[A-Z0-9][^,;:]{3,150}?)\s+at:?\s+(?=(?:https?://|www\.)\S)")
#: Lower-case words a page's name may hold; any other makes the words a sentence ("Data available at").
_NAME_WORDS = frozenset({"of", "and", "the", "for", "in", "on", "to", "a", "an", "&", "methodology", "program",
                         "plan", "data", "report", "page", "guide", "website", "webpage", "tables", "table"})


def page_at(text: str) -> str:
    """"the SBA webpage for the 7(a) Program at URL" → "SBA, 7(a) Program, URL"; "the Name at URL"
    → "Name, URL" (see the module docstring)."""
    if " at" not in text[:200]:
        return text
    m = _WEBPAGE_FOR.match(text)
    if m:
        return f"{m.group('body')}, {m.group('title')}, {text[m.end():]}"
    m = _NAME_AT.match(text)
    if m:
        words = m.group("title").split()
        lower = [w for w in words if w[:1].islower()]
        if len(words) >= 2 and len(lower) <= 2 and all(w in _NAME_WORDS for w in lower):
            return f"{m.group('title')}, {text[m.end():]}"
    return text


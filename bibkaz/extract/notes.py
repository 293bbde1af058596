"""What a note says: one or more references, a Chicago "Ibid.", a short note, a pointer to another
note ("See note 28."), or a comment.

Chicago notes cite a work in full once, then "Ibid., 312." (the work of the
note before) or a short form "Cooley, 'Great Games,' 45." (an earlier full
note by the same author whose title starts the same way). Those later notes
add citations, not works. Which parts of any other note cite works, and where
one work ends and the next begins, the note-part model decides (note_parts/).
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass

from bibkaz.extract.note_parts import citing_parts
from bibkaz.parse.normalise.text import fold

_YEARISH = re.compile(r"\b(?:1[5-9]\d\d|20\d\d)[a-z]?\b|\bn\.\s?d\.|https?://|\bdoi\b|\b10\.\d{4,}/", re.I)


def looks_like_reference(text: str) -> bool:
    """A year, "n.d.", a link or a DOI, and a few words: what tells a citing part of a note from a remark."""
    return bool(_YEARISH.search(text)) and len(text.split()) >= 3


_IBID = re.compile(r"^\s*(?:\*?ibid\.?\*?|ibidem|id\.)(?:,?\s*(?:at\s*)?(?P<loc>(?:pp?\.|paras?\.|ch\.|sec\.)?[^.]*(?:\.\d[^.]*)*))?"
                   r"\.?\s*$", re.I)
_SHORT = re.compile(
    r"^\s*(?P<author>[A-Z\u00C0-\u024F][\w’'\-]+(?:\s(?:and|&)\s[A-Z][\w’'\-]+)?(?:\set\sal\.)?),\s*"
    r"(?P<title>[“\"‘'*][^”\"’'*]{2,120}[,.]?[”\"’'*]|[A-Z][^,.]{2,80})"
    r"(?:,?\s*(?P<loc>(?:pp?\.\s*)?\d[\d\-–, ]*))?\.?\s*$"
)


#: A note that only sends the reader to another note: "See note 28.", "See supra note 5 and accompanying
#: text.", "See footnote 12." It cites what that note cites, and no work of its own.
_CROSS_REFERENCE = re.compile(r"^\s*(?:see\s+(?:also\s+)?)?(?:supra\s+)?(?:foot|end)?notes?\s+(?P<note>\d{1,4})"
                              r"(?:\s*(?:,|and)\s*accompanying\s+text)?\s*\.?\s*$", re.I)


@dataclass(frozen=True)
class NoteKind:
    kind: str  # "references" | "ibid" | "short" | "see-note" | "comment"
    parts: tuple[str, ...] = ()
    locator: str = ""
    author: str = ""
    title: str = ""


#: An author's affiliation, which a paper sets as a note under its byline ("1 Department of
#: Environmental Science, …, University of California, Berkeley, CA, USA cboettig@gmail.com").
_AFFILIATION = re.compile(r"^(?:Department|Dept\.|School|Faculty|Institute|University|College|Centre|Center|"
                          r"Laboratory|Graduate School|The [\w' ]{2,60} (?:project|Institute|University|Lab))\b")
#: Bounded as addresses are (64 characters before the "@"): unbounded, a 40 KB run of ".1" took 20 s.
_E_MAIL = re.compile(r"\b[\w.+-]{1,64}@[\w-]{1,63}\.[\w.-]{1,255}\b")
_PLACE_WORDS = re.compile(r"\b(?:University|Institute|College|Department|Laboratory)\b")


def is_affiliation(text: str) -> bool:
    """Whether a note only says where an author works (no year, quoted title or link of a work)."""
    mailed = "@" in text
    if _YEARISH.search(_E_MAIL.sub("", text) if mailed else text) or "“" in text or '"' in text:
        return False
    return bool(_AFFILIATION.match(text)) or bool(mailed and _E_MAIL.search(text) and _PLACE_WORDS.search(text))


#: A note that only points into the structure of a law the text names ("Division N, Title II, Subtitle A.",
#: "Title IX, Subtitle A."): a place, not a work.
_PINPOINT_ONLY = re.compile(r"(?:(?:Division|Title|Subtitle|Part|Chapter|Subchapter|Section|Sec\.|§+)\s*[\w().–-]+"
                            r"(?:\s*,\s*|\s+and\s+|\s*(?=\.?$)))+\.?")


#: A personal communication: an interview, a conversation, an e-mail or a letter the author had, which
#: a reader cannot look up ("GovLab interview with Jason Kim, …, September 2015.", "Email interview with …",
#: "Eric Stringfield, VDOT, personal communication, 30 March 2020"). Style guides keep such sources out of
#: the bibliography (APA 8.9; Chicago 14.214); the note cites no work. Its phrase stands among its first
#: words: "… based on an interview with …" later in a sentence is a remark about a source, read as the
#: model reads remarks.
_PERSONAL = re.compile(
    r"^(?P<before>(?:[\w.’'&-]+,?\s+){0,6}?)(?:(?:telephone|phone|e-?mail|video|in-person|personal|written|author(?:’s|'s)?)\s+)?"
    r"(?P<what>interview(?:ed)?|conversations?|communications?|correspondence|e-?mail|discussions?)\s+(?:with|from|between)\s"
    r"|\bpersonal communication\b", re.I)

#: What a published source has and a personal communication does not: a quoted or italic title, a link.
_PUBLISHED = re.compile(r"[“\"]|https?://|www\.|(?<![\w*])\*[^*\s]|(?<!\w)_[^_\s]")


def is_personal_communication(part: str) -> bool:
    """Whether a note's part only records a personal communication (see _PERSONAL), which is no work."""
    m = _PERSONAL.search(part[:160])
    if m is None or _PUBLISHED.search(part):
        return False
    # "Smith, John. Conversations with Power. …": after other words, a capitalised "Conversations" opens a title
    return not (m.group("what") and m.group("what")[0].isupper() and m.group("before"))


def note_pointed_at(text: str) -> int | None:
    """The note a part of a note only points back to ("supra note 16.", "See note 4."), or None."""
    m = _CROSS_REFERENCE.match(text)
    return int(m.group("note")) if m else None


def classify_note(text: str) -> NoteKind:
    if is_affiliation(text):
        return NoteKind("comment")
    m = _IBID.match(text)
    if m:
        return NoteKind("ibid", locator=(m.group("loc") or "").strip(" ,."))
    m = _CROSS_REFERENCE.match(text)
    if m:
        return NoteKind("see-note", locator=m.group("note"))
    m = _SHORT.match(text)
    if m and not looks_like_reference(text):
        return NoteKind(
            "short", locator=(m.group("loc") or "").strip(" ,."), author=m.group("author"),
            title=m.group("title").strip("“”\"‘’'*,. "),
        )
    if _PINPOINT_ONLY.fullmatch(text.strip()):
        return NoteKind("comment")
    parts = [part for part in citing_parts(text) if not is_personal_communication(part)]
    return NoteKind("references", tuple(parts)) if parts else NoteKind("comment")


def short_note_matches(author: str, title: str, full_text: str) -> bool:
    """Does a short note ("Cooley", "Great Games") name this full note's work?"""
    family = fold(author.split()[0])
    folded = _folded(full_text)
    title_words = fold(title).split()[:4]
    return bool(family) and family in folded.split() and " ".join(title_words) in folded


_HEAD = re.compile(r"^[^,(;:]+")
#: A place in a work named before the work's short name: "Table 5-8 of EPA RIA", "pp. 4-6 in House Manual".
_PINPOINT = re.compile(r"^(?:tables?|figures?|figs?\.|chapters?|ch\.|sections?|secs?\.|§+|appendix|app\.|parts?|pp?\.|"
                       r"pages?|annex|box|exhibit)\s*[\w.\-–]+(?:\s*(?:,|and|&)\s*[\w.\-–]+)*\s+(?:of|in)\s+(?:the\s+)?",
                       re.I)


@lru_cache(maxsize=8192)
def _folded(text: str) -> str:
    """A reference's folded text, computed once however many later parts are compared with it."""
    return fold(text)
_YEAR = re.compile(r"(?<!\d)(?:1[6-9]\d\d|20\d\d)(?!\d)")


#: How many earlier references a short repeat citation is compared with (the nearest ones):
#: a repeat names a work cited not long before, and the bound keeps long reports linear.
REPEAT_WINDOW = 300


#: "See", "For example, see", "Cf." before a short citation.
_LEAD_IN = re.compile(r"^(?:for (?:example|instance),?\s+|e\.g\.,?\s+)?(?:see(?:,? also)?|cf\.)\s+", re.I)
#: The short name a full citation gives itself: "(hereinafter IRS, Notice of Intent …)".
_HEREINAFTER_NAME = re.compile(r"hereinafter,?\s+[“\"]?([^)”\"]{4,200})", re.I)


@lru_cache(maxsize=8192)
def _short_names(text: str) -> tuple[str, ...]:
    """The folded names a reference says it goes by "hereinafter", found once per reference."""
    if "hereinafter" not in text.lower():
        return ()
    return tuple(n for n in (fold(m.group(1).strip(" .,;")) for m in _HEREINAFTER_NAME.finditer(text)) if len(n) >= 4)


#: The most words a place in a work takes after its short name ("p. 4", "at 30470", "Section 3(b)").
_PLACE_AFTER_NAME = 4


def _hereinafter_of(part: str, earlier: list[str]) -> int | None:
    """The earlier reference whose "hereinafter" name the part is, with a lead-in ("For example, see")
    and a place after it ("…, p. 4") allowed: such names may be long ("IRS, Notice of Intent to Issue
    Regulations with Respect to Section 530A Trump Accounts"), past the length of other short forms."""
    text = fold(_LEAD_IN.sub("", part.strip("*_ ")))
    if not text:
        return None
    for i in range(len(earlier) - 1, max(-1, len(earlier) - 1 - REPEAT_WINDOW), -1):
        if any(text == name or text.startswith(name + " ") and len(text[len(name):].split()) <= _PLACE_AFTER_NAME
               for name in _short_names(earlier[i])):
            return i
    return None


#: A short name this long (or of two words) is the work's own; a shorter one ("the Act") may mean anything.
_DISTINCT_NAME = 5


def named_works(text: str, earlier: list[str]) -> list[int]:
    """The earlier references whose "hereinafter" name ``text`` uses inside its words: a comment
    that quotes a work ("… trends over time” (EPA Inventory, p. 3-6).") or a place in it ("Table
    5-8 of EPA RIA and preamble discussion …") cites that work though it reads as no citation."""
    if not any(_short_names(e) for e in earlier[-REPEAT_WINDOW:]):
        return []
    folded = f" {fold(text)} "
    out = []
    for i in range(len(earlier) - 1, max(-1, len(earlier) - 1 - REPEAT_WINDOW), -1):
        if any((" " in name or len(name) >= _DISTINCT_NAME) and f" {name} " in folded for name in _short_names(earlier[i])):
            out.append(i)
    return sorted(out)


#: A report cited by its number alone: an agency's dashed number ("GAO-04-38", "GAO/GGD-96-118") or a
#: CRS product's ("CRS Report R41510", "In Focus IF10491").
_REPORT_NUMBER = re.compile(r"(?:[A-Z]{2,5}(?:/[A-Z]{2,5})?-\d{2}-\d{1,6}[A-Z]{0,3}|(?:CRS\s+)?(?:Report|In Focus|Insight)\s+"
                            r"[A-Z]{0,4}\d{3,6})")
_LIST_JOINS = re.compile(r"\s*(?:[,;]\s*(?:and\s+)?|\.\s+|\s+and\s+)")


def report_numbers(part: str) -> list[str]:
    """The report numbers a part lists and nothing else ("GAO-04-38, GAO-01-592, and GAO/GGD-96-118.",
    "GAO-24-106192. GAO-24-106232."):
    each is a repeat citation of its own; [] when the part says anything more."""
    pieces = _LIST_JOINS.split(part.strip().rstrip(".").strip())
    if len(pieces) < 2 or not all(_REPORT_NUMBER.fullmatch(p) for p in pieces):
        return []
    return pieces


def repeat_of(part: str, earlier: list[str]) -> int | None:
    """The index of the earlier reference that a short repeat citation names, if any.

    Reports cite a work in full once, then by a short form: the name given
    after "hereinafter" ("House Manual, §27."), or the report number or the
    first words of the full citation ("GAO-24-106214."), also after a place
    in it ("Table 5-8 of EPA RIA."). A part with a year and more than a few
    words is a full citation of its own.
    """
    named = _hereinafter_of(part, earlier)
    if named is not None:
        return named
    words = part.split()
    if len(words) > 12 or (len(words) > 6 and _YEAR.search(part)):
        return None
    stripped = part.strip("*_ ")
    pinpoint = _PINPOINT.match(stripped)
    m = _HEAD.match(stripped[pinpoint.end():] if pinpoint else stripped)
    head = m.group(0).strip(" .*_") if m else ""
    if len(head) < 4:
        return None
    folded_head = fold(head)
    for i in range(len(earlier) - 1, max(-1, len(earlier) - 1 - REPEAT_WINDOW), -1):
        folded = _folded(earlier[i])
        if f"hereinafter {folded_head}" in folded:
            return i
        if (len(head.split()) >= 2 or any(c.isdigit() for c in head)) and folded_head in folded and len(folded) > len(folded_head) + 10:
            return i
    return None

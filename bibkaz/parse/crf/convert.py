"""Labelled segments → Record: which normaliser each label goes through, and
which entry type the labels present imply.

The CRF only says which words are the title or the journal; everything a
Record promises (structured names, ISO dates, bare DOIs, "975-993") comes from
the shared normalisers in :mod:`bibkaz.parse.normalise`, so the trained and the
rule-based parser produce values in exactly the same form.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from bibkaz.model import Name, Record
from bibkaz.parse.normalise.dates import parse_date
from bibkaz.parse.normalise.identifiers import clean_doi, clean_url, doi_from_url
from bibkaz.parse.normalise.names import parse_names
from bibkaz.parse.normalise.pages import normalise_pages
from bibkaz.parse.normalise.not_container import tidy_container
from bibkaz.parse.normalise.text import clean_field
from bibkaz.parse.normalise.volume import split_volume_issue
from bibkaz.parse.crf.type_evidence import type_from_evidence
from bibkaz.parse.crf.lexicon import news_outlet, news_site

_EDITOR_WORDS = re.compile(
    r"^\s*(?:in:?|dans:?)\s+|\(?\b(?:eds?|editors?|edited|hrsg|hg|éds?|dir|coord)\b\.?\)?(?:\s+by)?[.,:]?",
    re.I,
)
_TRANSLATOR_WORDS = re.compile(r"\(?\b(?:trans(?:lated|l)?|tr|übers)\b\.?\)?(?:\s+(?:by|from\s+\w+(?:\s+by)?))?[.,:]?", re.I)
_ACCESS = re.compile(r"\b(?:accessed|retrieved|viewed|consulted|abgerufen|last visited)\b", re.I)
_NEWSPAPER = re.compile(
    r"\b(?:times|post|guardian|tribune|herald|telegraph|gazette|chronicle|independent|observer|"
    r"journal|news|daily|zeitung|monde|figaro|pravda|izvestia|kommersant|vedomosti|"
    r"wire|newswire|reuters|associated press|bloomberg|spiegel|zeit|país|pais|politico|axios|"
    r"agence france-presse|afp|xinhua|tass|interfax|al jazeera|corriere|hindu|nikkei)\b",
    re.I,
)
_THESIS = re.compile(r"\b(?:thesis|dissertation|diss\.|ph\.?\s?d|master'?s|doctoral|habilitation)", re.I)
_REPORT = re.compile(r"\b(?:report|working paper|policy brief|brief|discussion paper|technical|memo)", re.I)
_CONFERENCE = re.compile(r"\b(?:proceedings|conference|congress|symposium|workshop|meeting|colloquium|proc\.)", re.I)
_MAGAZINE = re.compile(r"\b(?:magazine|weekly|monthly)\b", re.I)


_IN = re.compile(r"^\s*(?:in|dans|en)\s*:?\s+", re.I)
_YEAR_FIRST = re.compile(r"^\s*(?:\d{4}\s*;\s*)")
_VOLUME_WORD = re.compile(r"^\s*(?:v|t|bd|tome|band|vol)\.?\s*(?=\d)", re.I)
_ISSUE_ONLY = re.compile(r"^\s*(?:n°|no\.?|nr\.?|n\.|issue)\s*(\w+)[.,;:]*\s*$", re.I)
_VOLUME_ISSUE_WORD = re.compile(r"^\s*(\w+)\s*[,;]?\s*(?:no|nr|n°|issue|iss|h|heft)\.?\s*(\w+(?:[-–/]\w+)?)", re.I)
_VOLUME_COMMA_ISSUE = re.compile(r"^\s*(\d+)\s*[,/]\s*(\d+)[.,;:]*\s*$")
_DIGITS = re.compile(r"\d+")
_EDITION_WORD = re.compile(r"\b(?:ed|edn|edition|éd|aufl|auflage)\b\.?", re.I)
_ISBN = re.compile(r"(?:97[89][-\s]?)?(?:\d[-\s]?){9}[\dXx]")
_ISBN_SEPARATOR = re.compile(r"[-\s]")
_JOURNAL_WORD = re.compile(r"journal", re.I)


def _clean(text: str) -> str:
    """clean_field plus brackets a segment boundary cut in half: "(New York" → "New York"."""
    s = clean_field(text)
    if not s.startswith(("(", "[")) and not s.endswith((")", "]")):
        return s  # no bracket at an edge: the loop below would change nothing
    for _ in range(2):
        if s.startswith(("(", "[")) and ")" not in s and "]" not in s:
            s = clean_field(s[1:])
        if s.endswith((")", "]")) and "(" not in s and "[" not in s:
            s = clean_field(s[:-1])
    return s


#: _clean for fields whose values recur across references (containers, publishers,
#: places, series): a pure function of its string, so a cache changes nothing.
_clean_recurring = lru_cache(maxsize=65536)(_clean)


#: Vancouver's medium after a journal's name ("J Clin Epidemiol [Internet]. 2010"): not part of the name.
_MEDIUM_MARK = re.compile(r"\s*\[(?:internet|online)\][.,;]?\s*$", re.I)
#: Legal periodicals Bluebook abbreviates, by their names: the same rule cited as "89 Federal
#: Register 5318" in one note and "89 Fed. Reg. 5318" in another appeared in two containers.
_LEGAL_PERIODICALS = {"fed. reg.": "Federal Register", "cong. rec.": "Congressional Record"}


@lru_cache(maxsize=65536)
def _container(text: str) -> str:
    """A journal or book title without its leading "In:" (cached: they recur)."""
    name = _clean(_MEDIUM_MARK.sub("", _IN.sub("", text)))
    return _LEGAL_PERIODICALS.get(name.lower().rstrip(".") + ".", name)


@lru_cache(maxsize=65536)
def _volume(text: str) -> tuple[str, str]:
    """Volume and issue, with the shapes the shared splitter leaves whole:
    "v. 1", "n°118" (an issue), "26, 4", "2006; 41" (year before the volume)."""
    s = _YEAR_FIRST.sub("", text)
    s = _VOLUME_WORD.sub("", s)
    m = _ISSUE_ONLY.match(s)
    if m:
        return "", m.group(1)
    m = _VOLUME_ISSUE_WORD.match(s)
    if m:
        return m.group(1), m.group(2).replace("–", "-")
    m = _VOLUME_COMMA_ISSUE.match(s)
    if m:
        return m.group(1), m.group(2)
    volume, issue = split_volume_issue(s)
    return _clean(volume), _clean(issue)


def _names(segments: list[str], strip: re.Pattern[str] | None = None) -> tuple[Name, ...]:
    if len(segments) == 1:  # the usual case: parse_names already gives the tuple
        seg = segments[0]
        return parse_names(clean_field(strip.sub(" ", seg) if strip else seg))
    out: list[Name] = []
    for seg in segments:
        text = strip.sub(" ", seg) if strip else seg
        out.extend(parse_names(clean_field(text)))
    return tuple(out)


def _edition(text: str) -> str:
    """"2nd ed." → "2"; "Revised edition" → "Revised"."""
    m = _DIGITS.search(text)
    if m:
        return m.group(0)
    words = _EDITION_WORD.sub("", text)
    return clean_field(words)


def _isbn(text: str) -> str:
    m = _ISBN.search(text)
    return _ISBN_SEPARATOR.sub("", m.group(0)).upper() if m else ""


def _links_and_notes(by_label: dict[str, list[str]], values: dict[str, object]) -> None:
    """URL, DOI, access date and note from the url, note and doi segments."""
    notes = [_clean(s) for s in by_label.get("note", [])]
    for seg in by_label.get("url", []) + by_label.get("note", []) + by_label.get("doi", []):
        url = clean_url(seg)
        if url and not values.get("url") and not doi_from_url(url):
            values["url"] = url
        doi = clean_doi(seg)
        if doi and not values.get("doi"):
            values["doi"] = doi
    for seg in by_label.get("note", []) + by_label.get("url", []):
        if _ACCESS.search(seg) and not values.get("accessed"):
            iso, _ = parse_date(seg)
            if iso:
                values["accessed"] = iso
    if notes:
        values["note"] = "; ".join(n for n in notes if n)


#: Labels whose first segment becomes one Record field through one normaliser.
_SINGLE = {
    "collection-title": ("collection_title", _clean_recurring),
    "pages": ("pages", normalise_pages),
    "publisher": ("publisher", _clean_recurring),
    "location": ("place", _clean_recurring),
    "edition": ("edition", _edition),
    "genre": ("genre", _clean_recurring),
    "medium": ("medium", _clean_recurring),
    "isbn": ("isbn", _isbn),
}


#: Labels only a book or a part of one has: a container with any of them is not a periodical.
_BOOK_LABELS = frozenset({"editor", "publisher", "location", "edition", "isbn", "genre", "collection-title"})


def entry_type(labels: set[str], values: dict[str, str]) -> str:
    """The CSL type the labels present imply (journal → article, editor or
    container → chapter, publisher alone → book, a URL alone → webpage …).

    The label names one of two look-alike fields, journal or container-title,
    and the model (like the people who labelled its training data) does not
    always pick the right one; the other labels settle what the work is. A
    "journal" named as proceedings with no issue number ("Proc. IEEE/IRPS,
    pp. 37-41") is a conference paper; a "container" with a volume and an
    issue or pages and nothing a book has (no editor, publisher, place,
    edition, ISBN, series, no leading "In") is a journal ("Machine Learning, 2
    (2), 139-172"). Measured in docs/benchmarks.md (third round).
    """
    evident = type_from_evidence(values)
    if evident:
        return evident
    genre = values.get("genre", "") + " " + values.get("note", "")
    container = values.get("container-title", "")
    issue = _volume(values["volume"])[1] if "volume" in labels else ""
    if _THESIS.search(genre):
        return "thesis"
    if "journal" in labels:
        journal = values.get("journal", "")
        if not issue and _is_conference(journal):
            return "paper-conference"
        return _journal_type(journal, "volume" in labels)
    if container and _is_conference(container):
        return "paper-conference"
    if "container-title" in labels:
        if "volume" in labels and (issue or "pages" in labels) and labels.isdisjoint(_BOOK_LABELS) \
                and not _IN.match(container):
            return "article-journal"
        if "editor" in labels or "publisher" in labels or "pages" in labels:
            return "chapter"
        if "url" in labels:
            return "webpage"
        if _IN.match(container) or not labels.isdisjoint(_BOOK_LABELS):
            return "chapter"
        # a container alone, no "In", editor, publisher, place or pages: a site's name
        # ('"About the Mozilla Corporation". Mozilla Foundation.'), not a book's
        return "webpage"
    if _REPORT.search(genre):
        return "report"
    if "publisher" in labels or "isbn" in labels or "edition" in labels:
        return "book"
    if _body_report(labels, values):
        return "report"
    if "url" in labels and not _DOI_LINK.match(values.get("url", "")):
        # (a doi.org link alone names a registered work, not a page); a link to a news
        # outlet's site is its story, the outlet named only by its address
        return news_site(values.get("url", "")) or "webpage"
    return "document"


#: A link that is a DOI's address (and nothing after it but punctuation).
_DOI_LINK = re.compile(r"^\s*<?https?\s*:\s*//\s*(?:dx\.)?doi\.org/\S+\s*$", re.I)
#: A body's directives and statements, which are documents, not reports: "DOE Order 413.3B",
#: "Circular No. A-11", "Notice 2025-68", "M-24-11", "PL 23-05", "Army Regulation 1-33", testimony.
_DIRECTIVE = re.compile(r"\b(?:Orders?|Circular|Notice|Memorandum|Memo|Directive|Instruction|Regulations?|Testimony|"
                        r"Letter|Statement|Remarks|Speech|Press Release)\b|\b[A-Z]{1,3}-\d{2}-\d{2,3}\b|\bPL \d")
#: Quotes a title opens with when it names a part (an article, a page, a press release).
_OPENING_QUOTES = "\"“‘'«"


def _body_report(labels: set[str], values: dict[str, str]) -> bool:
    """A body's own work under a title of its own: "U.S. Food and Drug Administration, FDA Foods
    and Veterinary Medicine Program Strategic Plan, Fiscal Years 2016–2025." — an organisation
    as author, a title not in quotes (Chicago and Bluebook quote a part, and set a whole work in
    italics or plain), and no container, publisher or periodical (tested before this): a report,
    as policy documents' bodies publish them. A quoted title by a body ("“Remarks by the
    Secretary,” December 17, 2025, https://…") stays a page or a document."""
    author, title = values.get("author", ""), values.get("title", "").lstrip("*_ ")
    if not author or not title or title[:1] in _OPENING_QUOTES or "date" not in labels:
        return False
    if any(_DIRECTIVE.search(values[label]) for label in ("title", "note", "genre", "collection-title") if label in values):
        return False  # an order, circular, notice, memorandum or testimony: a document
    from bibkaz.parse.normalise.names import looks_like_organisation

    return looks_like_organisation(author)


@lru_cache(maxsize=65536)
def _journal_type(journal: str, has_volume: bool) -> str:
    """Magazine, newspaper or journal article, by the journal's name (journal
    names recur, hence the cache; the volume test first spares the long regex). A news
    outlet's whole name (lexicons/news-outlets.txt) settles it when no volume is given."""
    if not has_volume:
        kind = news_outlet(journal)
        if kind:
            return kind
    if _MAGAZINE.search(journal):
        return "article-magazine"
    if not has_volume and not _JOURNAL_WORD.search(journal) and _NEWSPAPER.search(journal):
        return "article-newspaper"
    return "article-journal"


@lru_cache(maxsize=65536)
def _is_conference(container: str) -> bool:
    return _CONFERENCE.search(container) is not None


#: The labels whose text entry_type reads (no other label's text is joined for it).
_TYPE_TEXT_LABELS = ("genre", "note", "container-title", "journal", "volume", "title", "collection-title", "author", "url")

#: Vancouver's "year[ month[ day]];volume(issue):pages" printed as one word ("2012;96(6):896–9.",
#: "2013 Nov;93(11):1456–66.", "1993;703:156–63."), which whitespace tokens cannot split, so the
#: model labels the whole word date, volume or pages and the other parts were lost.
_VANCOUVER = re.compile(
    r"(?:\b(?P<year>1[6-9]\d\d|20\d\d)(?P<month>\s+[A-Z][a-z]{2}(?:\s+\d{1,2})?)?|\b[A-Z][a-z]{2}(?:\s+\d{1,2})?)"
    r";\s*(?P<volume>\d+)"
    r"(?:\s*\((?P<issue>[\w/–-]+)\))?(?::\s*(?P<pages>[A-Za-z]?\d+(?:[–-][A-Za-z]?\d+)?))?"
)


def _vancouver(by_label: dict[str, list[str]], values: dict[str, object]) -> None:
    """Fill the date, volume, issue and pages a Vancouver compound word holds and its label left out."""
    for label in ("volume", "date", "pages", "note"):
        for seg in by_label.get(label, ()):
            m = _VANCOUVER.search(seg) if ";" in seg else None
            if m and label == "note" and (m.start() > 0 or not m.group("year")):
                m = None  # a note only when it opens with the whole compound ("2011;18(1):104. author reply …")
            if not m:
                continue
            if not values.get("date") and m.group("year"):
                iso, _ = parse_date(m.group("year") + (m.group("month") or ""))
                values["date"] = iso or m.group("year")
            if label == "volume" or not (values.get("volume") or values.get("issue")):
                values["volume"], values["issue"] = m.group("volume"), m.group("issue") or ""
            if m.group("pages") and not values.get("pages"):
                values["pages"] = normalise_pages(m.group("pages"))
            return


def to_record(segments: Sequence[tuple[str, str]], confidence: float = 1.0) -> Record:
    """Build a Record from [(label, segment text), ...] in reference order."""
    by_label: dict[str, list[str]] = {}
    for label, text in segments:
        if label in by_label:
            by_label[label].append(text)
        else:
            by_label[label] = [text]
    values: dict[str, object] = {"confidence": confidence}

    if "author" in by_label:
        values["authors"] = _names(by_label["author"])
    if "editor" in by_label:
        values["editors"] = _names(by_label["editor"], _EDITOR_WORDS)
    if "translator" in by_label:
        values["translators"] = _names(by_label["translator"], _TRANSLATOR_WORDS)
    if "title" in by_label:
        values["title"] = _clean(" ".join(by_label["title"]))
    container = by_label.get("journal") or by_label.get("container-title")
    if container:
        values["container_title"] = _container(container[0])
    for seg in by_label.get("date", []):
        iso, suffix = parse_date(seg)
        if iso and not values.get("date"):
            values["date"], values["year_suffix"] = iso, suffix
        elif iso and _ACCESS.search(seg):
            values.setdefault("accessed", iso)
        elif not iso and len(str(values.get("date", ""))) == 4:
            # Harvard: "(2022) 'Title', The Guardian, 4 February." — the day and month
            # come after the title, the year before it
            fuller, _ = parse_date(f"{seg.strip(' .,;')} {values['date']}")
            if fuller.startswith(str(values["date"])) and len(fuller) > 4:
                values["date"] = fuller
    if "volume" in by_label:
        values["volume"], values["issue"] = _volume(by_label["volume"][0])
    for label, (attr, normalise) in _SINGLE.items():
        if label in by_label:
            values[attr] = normalise(by_label[label][0])
    if "url" in by_label or "note" in by_label or "doi" in by_label:
        _links_and_notes(by_label, values)
    if "volume" in by_label or "date" in by_label or "pages" in by_label or "note" in by_label:
        _vancouver(by_label, values)
    flat = {label: " ".join(by_label[label]) for label in _TYPE_TEXT_LABELS if label in by_label}
    values["type"] = entry_type(set(by_label), flat)
    record = Record(**{k: v for k, v in values.items() if v not in ("", ())})
    return tidy_container(record) if record.collection_title or record.container_title else record

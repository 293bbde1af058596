"""The document's own record: title, authors, date, publisher or site, as its text states them.

Nothing is invented: a field is filled only when a line says it, and each field
keeps the line it came from (:class:`OwnRecord`), written to the library JSON as
``documents[].own_fields``. The finders live in small modules, one concern each:
front matter (front_matter), title (title), authors (byline), dates (dates),
publisher, site, address and report number (site), the document's own footer
citation (own_citation). This module only decides which source wins: the most
explicit one (front matter, then a byline, then the title block, then the back
pages).
"""

from __future__ import annotations

import re
from dataclasses import replace

from bibkaz.extract.metadata.byline import (
    author_block, author_section, authors_over_title, byline, dated_header, draft_authors, filed_for, front_matter_authors, letter_signature, margin_authors, names_under_front_matter, numbered_heading, organisation_byline, speaker_in_title,
    post_meta, printed_again, self_introduction, semicolon_authors, signature_block, signs_for_office,
)
from bibkaz.extract.metadata.dates import (
    accessed, cover_date, cover_year, date_label, dateline, generated_on, history_published, journal_history, last_edited, letter_date, placeholder_year, published_line, running_date, version_date,
)
from bibkaz.extract.metadata.fold import fold, lines_holding
from bibkaz.extract.metadata.found import Found, OwnRecord
from bibkaz.extract.metadata.front_matter import Entry, read_front_matter
from bibkaz.extract.metadata.labelled import labelled_fields, memo, memo_senders
from bibkaz.extract.metadata.own_citation import asked_citation, own_citation
from bibkaz.extract.metadata.register import register_head
from bibkaz.extract.metadata.people import inverted_list, is_person, name_list, ordinary_words, person, person_with_position
from bibkaz.extract.metadata.site import (
    block_organisation, copyright_holder, cover_officials, dated_organisation, cover_organisation, imprint, issuing_body, journal_footer, journal_head, journal_statement, own_url, prepared_by, report_number, running_organisation, shared_url,
    letterhead, site_line, strap, unit_and_parent, url_site,
)
from bibkaz.extract.metadata.title import BODIES, BYLINE_REACH, TOP, Title, clean, find_title, heading_over_byline, is_date_line, page_heading, title_case, title_line_tail
from bibkaz.model import Name, Record
from bibkaz.parse import parse_reference
from bibkaz.parse.normalise.dates import parse_date
from bibkaz.parse.normalise.names import looks_like_organisation

__all__ = ["OwnRecord", "find_metadata", "find_own"]

_PRESENTED = re.compile(r"^(?P<genre>[A-Z][\w ]{2,40}?)\s+(?:presented|prepared|written)\s+(?:at|for)\s+(?:the\s*)?(?P<event>.*)$", re.I)
_WEB_CUE = re.compile(r"^(?:top of page|\d+ views|comments?|share|search)\b", re.I)
#: A word each of :data:`_WEB_CUE`'s cues holds, folded: only the lines holding one are tried.
_WEB_CUE_WORDS = ("top of page", " views", "comment", "share", "search")
#: The title a page shows is named apart from its <title> by some sites ("title_display: 'North Slope Borough,
#: Alaska'" under "title: 'North Slope Borough, Alaska | Case Studies'"): that one first.
_TITLE_KEYS = ("title_display", "display_title", "title", "citation_title", "dc.title", "dcterms.title", "og:title")
_DATE_KEYS = ("date", "date-meta", "citation_publication_date", "citation_date", "dc.date", "article:published_time",
              "published", "publishdate", "pubdate", "pub_date",
              "publication_date", "created", "dcterms.issued", "dcterms.date", "dc.date.issued", "dcterms.created",
              "citation_online_date")
_PUBLISHER_KEYS = ("publisher", "citation_publisher", "dc.publisher", "dcterms.publisher", "citation_technical_report_institution",
                   "journal.publisher-name")
#: A front matter's lead-in printed over the page's heading (a kicker); part of the title when it ends in a colon.
_LEAD_KEYS = ("header", "kicker", "pretitle", "supertitle", "overline")
_SITE_KEYS = ("og:site_name", "site_name", "site", "citation_journal_title", "journal", "journal.title")
_URL_KEYS = ("url", "canonical", "og:url", "citation_public_url", "citation_abstract_html_url")
_NUMBER_KEYS = ("citation_technical_report_number", "report_number", "number")
_DOI_KEYS = ("doi", "citation_doi", "dc.identifier")


class _Fields:
    """Field values with their lines; the first source to set a field wins."""

    def __init__(self) -> None:
        self.values: dict[str, object] = {}
        self.lines: dict[str, int] = {}

    def offer(self, name: str, found: Found | None) -> None:
        if found is not None and found.value and name not in self.values:
            self.values[name] = found.value
            self.lines[name] = found.line

    def has(self, name: str) -> bool:
        return name in self.values


def _front(entries: dict[str, Entry], keys: tuple[str, ...]) -> Found[str] | None:
    entry = next((entries[k] for k in keys if k in entries and entries[k].values), None)
    return Found(entry.values[0], entry.line) if entry else None


#: A page's schema.org type (``dc.type`` from its JSON-LD record) as a CSL type.
_SCHEMA_TYPES = {"BlogPosting": "post-weblog", "NewsArticle": "article-newspaper", "ScholarlyArticle": "article-journal",
                 "Report": "report", "Article": "webpage", "WebPage": "webpage"}
#: "MEMORANDUM FOR THE HEADS OF DEPARTMENTS AND AGENCIES": whom a memorandum is addressed to, not its title.
_ADDRESSEE = re.compile(r"\bMEMORANDUM FOR\b", re.I)
#: A separator opening a page's metadata title whose site part is empty ("| Management and Oversight of …").
_LEAD_SEPARATOR = re.compile(r"^(?:[|·•:]|[-–—](?=\s))\s*")


def _without_lead_separator(found: Found[str] | None) -> Found[str] | None:
    """A metadata title without the separator a site's empty name left before it ("| Title" is "Title")."""
    if found is None or not _LEAD_SEPARATOR.match(found.value):
        return found
    text = _LEAD_SEPARATOR.sub("", found.value).strip()
    return Found(text, found.line) if text else None


#: Keys naming when a page was published, spelt as sites spell them ("publish-date", "date_published",
#: "datePublished"), compared without case, hyphens, underscores and spaces (:func:`_key_form`).
_PUBLISHED_KEY_FORMS = frozenset({"publishdate", "publisheddate", "datepublished", "publicationdate", "pubdate",
                                  "releasedate", "datereleased", "dateissued", "issuedate", "issued"})
#: Keys naming when a page was last changed ("modified-date", "updated_date", "dateModified", "lastmod"): the
#: page's date only when nothing else dates it (a web page is cited at its last update then).
_MODIFIED_KEY_FORMS = frozenset({"modifieddate", "datemodified", "updateddate", "dateupdated", "lastmodified",
                                 "lastupdated", "lastmod", "modified", "updated", "updatedat", "modifiedat", "articlemodifiedtime",
                                 "dctermsmodified"})


def _key_form(key: str) -> str:
    """A front-matter key as compared with :data:`_PUBLISHED_KEY_FORMS`: small letters, no separators."""
    return re.sub(r"[-_\s.:]", "", key.lower())


#: A front matter's numeric date that the date parser reads as a year alone: "04-07-2022" (month, day, year, as
#: "4/7/2022" is read) and "2025-31-10" (year, day, month: no month is 31).
_MONTH_DAY_YEAR = re.compile(r"^(?P<m>\d{1,2})-(?P<d>\d{1,2})-(?P<y>(?:19|20)\d\d)$")
_YEAR_DAY_MONTH = re.compile(r"^(?P<y>(?:19|20)\d\d)-(?P<d>1[3-9]|2\d|3[01])-(?P<m>0?[1-9]|1[0-2])$")


def _numeric_date(value: str) -> str:
    """ISO date of a front matter's "04-07-2022" or "2025-31-10"; "" for anything else."""
    m = _MONTH_DAY_YEAR.match(value.strip()) or _YEAR_DAY_MONTH.match(value.strip())
    if not m or not (1 <= int(m.group("m")) <= 12 and 1 <= int(m.group("d")) <= 31):
        return ""
    return f"{m.group('y')}-{int(m.group('m')):02d}-{int(m.group('d')):02d}"


def _dated(entry: Entry | None) -> Found[str] | None:
    """The first of an entry's values that is a date, as ISO."""
    for value in entry.values if entry else ():
        date = _numeric_date(value) or parse_date(value)[0]
        if date:
            return Found(date, entry.line)  # type: ignore[union-attr]
    return None


#: Markdown emphasis inside a metadata title ("*AI readiness* in the public sector - Buying AI": a CMS that
#: writes its titles in Markdown).
_INNER_EMPHASIS = re.compile(r"(?<![*\w])([*_])(?=\S)([^*_\n]{1,120}?)(?<=\S)\1(?![*\w])")


def _without_emphasis(found: Found[str] | None) -> Found[str] | None:
    """A metadata title without Markdown emphasis marks inside it (its words stay)."""
    if found is None or ("*" not in found.value and "_" not in found.value):
        return found
    return Found(_INNER_EMPHASIS.sub(r"\2", found.value), found.line)


def _front_date(entries: dict[str, Entry]) -> Found[str] | None:
    """The front matter's publication date: the first date key whose value is a date ("published: true", a
    static site's flag, names no day), then a key spelt another way ("publish-date")."""
    for key in _DATE_KEYS:
        found = _dated(entries.get(key))
        if found:
            return found
    return next((f for k, e in entries.items() if _key_form(k) in _PUBLISHED_KEY_FORMS for f in [_dated(e)] if f), None)


def _front_modified(entries: dict[str, Entry]) -> Found[str] | None:
    """The front matter's date of the page's last change (a page that states no publication date)."""
    return next((f for k, e in entries.items() if _key_form(k) in _MODIFIED_KEY_FORMS for f in [_dated(e)] if f), None)


#: A date in a post's own path: "2019/10/29/A-call-for-blogs-2020", "/2017/01/19/the-dark-standup/",
#: "2016-07-19-publishing-lessons" (static site generators file and address posts by their date).
_PATH_DATE = re.compile(r"(?:^|/)(?P<y>(?:19|20)\d\d)[/-](?P<m>0[1-9]|1[0-2])[/-](?P<d>0[1-9]|[12]\d|3[01])(?:[/-]|$)")
_PATH_KEYS = ("path", "permalink", "url", "canonical", "aliases", "slug")


def _front_path_date(entries: dict[str, Entry]) -> Found[str] | None:
    """The date in a front matter's own path or permalink, when no date key states it."""
    for key in _PATH_KEYS:
        entry = entries.get(key)
        for value in entry.values if entry else ():
            m = _PATH_DATE.search(value)
            if m:
                return Found(f"{m.group('y')}-{m.group('m')}-{m.group('d')}", entry.line)
    return None


#: The verbs every match of :data:`_PRESENTED` holds, in small letters: a line (and a document's top) holding
#: none is not tried with the case-blind pattern.
_PRESENTED_WORDS = ("presented", "prepared", "written")


def _presented(top: list[str], fields: _Fields) -> None:
    """"Policy Brief presented at the X Conference, 29 April 2022, Washington, DC" (event and its date)."""
    low = fold("\n".join(top))
    if not any(word in low for word in _PRESENTED_WORDS):
        return
    # the top's lines folded (each as the pattern sees it), unless a line holds a newline of its own
    folded_lines = low.split("\n") if low.count("\n") == len(top) - 1 else None
    for idx, line in enumerate(top):
        if folded_lines is not None and not any(word in folded_lines[idx] for word in _PRESENTED_WORDS):
            continue
        m = _PRESENTED.match(line.strip())
        if not m or not m.group("genre")[:1].isupper():
            continue  # ("… input instructions presented at the end of this report.": a sentence's last line)
        genre = m.group("genre").strip()
        fields.offer("genre", Found(genre, idx + 1))
        kind = "report" if "brief" in genre.lower() or "paper" in genre.lower() else "speech"
        fields.offer("type", Found(kind, idx + 1))
        event_lines = [(m.group("event"), idx)] + [(l.strip(), k) for k, l in enumerate(top[idx + 1 : idx + 8], idx + 1) if l.strip()]
        event = next(((e, k) for e, k in event_lines if e and not e.startswith(("“", '"'))), ("", idx))
        fields.offer("event", Found(event[0].strip(" ,"), event[1] + 1))
        for n, (extra, k) in enumerate(event_lines[1:], 1):
            d, _ = parse_date(extra)
            if d:
                fields.offer("date", Found(d, k + 1))
                fields.offer("event_date", Found(d, k + 1))
                place = re.sub(r"^.*?\d{4}\s*,?\s*", "", extra).strip(" ,")
                nxt = event_lines[n + 1][0] if n + 1 < len(event_lines) else ""
                if not place and re.match(r"^[A-Z][\w .,]+$", nxt) and len(nxt) < 40:
                    place = nxt
                fields.offer("event_place", Found(place, k + 1))
                break
        return


#: Parenthesised nicknames and handles after a name in a <title>: "Bradley M. Kuhn ( Brad ) ( bkuhn )".
_ADDRESS_TAIL = re.compile(r"\s*\([^)]*\)")
_VERSION_TAG = re.compile(r"\[version (\d+)[;,\]]", re.I)


def _version(lines: list[str], title: Title) -> int | None:
    """The version an open-review paper's title line states ("… [version 2; referees: 3 approved]")."""
    m = _VERSION_TAG.search(" ".join(lines[title.start : title.end + 2]))
    return int(m.group(1)) if m else None


def _names(found: Found[str]) -> Found | None:
    names = inverted_list(found.value) or name_list(found.value)
    if not names:
        one = person_with_position(found.value)  # "Author: Jane Smith, Senior Fellow"
        names = (one,) if one else ()
    return Found(names, found.line) if names else None


def _handle(name: Name) -> bool:
    """Whether ``name`` is a site's user name kept whole ("jparcell", "pyopensci"), not a person's name."""
    return bool(name.literal) and " " not in name.literal and name.literal.islower()


def _authors_near_title(lines: list[str], title: Title) -> Found | None:
    """A lone person's name within three lines of the title (a blog's author line)."""
    for j in range(max(0, title.start - 3), min(len(lines), title.end + 4)):
        if title.start <= j <= title.end:
            continue
        s = clean(lines[j])
        if is_person(s) and s != title.text and not printed_again(lines, j, s) and not numbered_heading(lines, j):
            return Found((person(s),), j + 1)
    return None


def _head_family(name: Name, printed: str) -> Name:
    """A name whose family the running head prints longer than the author line split it: "Mercedes
    Torres Torres" is Torres Torres when the head reads "Torres Torres and Adams" (a paper's running head
    names its authors by family name)."""
    given = name.given.split()
    if len(given) >= 2 and re.search(rf"(?:^|\s){re.escape(given[-1])}\s+{re.escape(name.family)}\b", printed):
        return Name(f"{given[-1]} {name.family}", " ".join(given[:-1]), name.particle, name.suffix, name.literal)
    return name


def _families_as_cited(names: tuple[Name, ...], lines: list[str]) -> tuple[Name, ...]:
    """Names whose family the document itself writes longer, family first: "Meltem Sönmez Turan" is Sönmez Turan
    when a reference of the same document reads "Sönmez Turan, M., …" (a name of three words has its middle
    word as a given name or as the family's first; the writer's own citation tells which)."""
    out = []
    text = None
    for name in names:
        given = name.given.split()
        if len(given) >= 2 and re.fullmatch(r"[A-Z][^\W\d_]+", given[-1]) and not name.particle:
            text = "\n".join(lines) if text is None else text
            cited = re.search(rf"(?<!\w){re.escape(given[-1])}\s+{re.escape(name.family)},\s*{re.escape(given[0][0])}", text)
            if cited:
                name = Name(f"{given[-1]} {name.family}", " ".join(given[:-1]), name.particle, name.suffix, name.literal)
        out.append(name)
    return tuple(out)


def _without_letter_marks(names: tuple[Name, ...], lines: list[str], line: int) -> tuple[Name, ...]:
    """Writers whose affiliation marks are small letters glued to their family names ("Péter Jeszenszkya , Anja
    Hasseb & Philipp Stöcklec" over "a University of Bern b University of Zurich c …"), without the letters: the
    families end in a, b, c … in turn (a letter again for a shared affiliation), and the line under the byline
    opens with "a " (the affiliations, each after its letter)."""
    families = [n.family for n in names if isinstance(n, Name)]
    if len(families) < 2 or len(families) != len(names) or any(n.literal for n in names):
        return names
    marks = [f[-1] for f in families]
    if marks[0] != "a" or any(not ("a" <= m <= "z") or ord(m) - ord(p) not in (0, 1) for p, m in zip(marks, marks[1:])):
        return names
    if any(len(f) < 3 or f[-2:-1].isupper() for f in families):
        return names
    under = next((clean(lines[k]) for k in range(line, min(len(lines), line + 3)) if lines[k].strip()), "")
    if not under.startswith("a ") or (marks[-1] != "a" and f" {marks[-1]} " not in under):
        return names
    return tuple(replace(n, family=n.family[:-1]) for n in names)


#: The strap a wiki's <title> names its site with ("Readability - Wikipedia, the free encyclopedia").
_FREE_ENCYCLOPEDIA = re.compile(r"^(?P<site>.+?), the free encyclopedia$", re.I)


def _without_site_as_writer(fields: _Fields, banner: Found[str] | None) -> None:
    """The site's banner is no writer, and a site carries no strap: a documentation site's name printed alone
    between its <title> ("2. Framing the analysis — Open Nighttime Lights") and the page's heading reads as a
    person's name, and is taken for one only from that line (a personal site's banner naming its writer, who
    signs the post too or is named in its metadata, stays the writer); "Wikipedia, the free encyclopedia" is the
    site Wikipedia."""
    site = str(fields.values.get("container_title") or "")
    strap = _FREE_ENCYCLOPEDIA.match(site)
    if strap:
        fields.values["container_title"] = strap.group("site")
    names = fields.values.get("authors") or ()
    if banner and names and fields.lines.get("authors") == banner.line and all(
            isinstance(n, Name) and not n.literal and f"{n.given} {n.family}" == banner.value for n in names):  # type: ignore[union-attr]
        del fields.values["authors"], fields.lines["authors"]


def _without_phrases(names: tuple[Name, ...], lines: list[str]) -> tuple[Name, ...]:
    """The writers without those whose every word the document writes in small letters as an ordinary word
    ("Shape Measured Safety", a title's second line read as a name): a phrase, not a person."""
    text = None
    out = []
    for name in names:
        if isinstance(name, Name) and name.given and not name.literal:
            text = "\n".join(lines) if text is None else text
            if ordinary_words(" ".join(p for p in (name.given, name.particle, name.family) if p), text):
                continue
        out.append(name)
    return tuple(out)


def _drop_site_from_title(fields: _Fields) -> None:
    """"Mozilla - Wikipedia" → "Mozilla" when the site is Wikipedia (HTML <title> habit); the site set first
    too ("The GovLab | Innovation Skills Examples" when the site is The GovLab)."""
    site = str(fields.values.get("container_title") or fields.values.get("publisher") or "")
    title = str(fields.values["title"])
    for sep in (" - ", " | ", " – ", " — ", " :: "):
        head, _, tail = title.rpartition(sep)
        if head and site and tail.strip().lower() == site.lower():
            fields.values["title"] = head.strip()
            return
        lead, _, rest = title.partition(sep)
        if rest and site and lead.strip().lower() == site.lower() and len(rest.split()) >= 2:
            fields.values["title"] = rest.strip()
            return


_TAIL_SEPARATOR = re.compile(r"\s+(?:-|–|—|\||·|•|::)\s+")


def _body_heading(lines: list[str], title: str, body: int) -> int | None:
    """Where the body of a page whose front matter gave its title prints that title as its own heading
    (an HTML page's <h1>, read after the block its <meta> tags became): the last such line near the top
    of the body, since menus and breadcrumbs print it first. None when the body does not repeat it."""
    # "Post – Site" in the metadata, "Post" in the heading
    heads = {title} | {title[: m.start()].strip() for m in _TAIL_SEPARATOR.finditer(title) if len(title[: m.start()].split()) >= 2}
    at = None
    for j in range(body, min(len(lines), body + TOP)):
        if clean(lines[j]) in heads:
            at = j
    return at


def _title_tail(lines: list[str], title: str, body: int) -> Found[str] | None:
    """The site an HTML <title> line names after the page's title ("Post title • regioncode",
    "Post - Site"), when the front matter gave the title alone."""
    for j in range(body, min(len(lines), body + 12)):
        s = clean(lines[j])
        if not s.startswith(title) or s == title:
            continue
        m = _TAIL_SEPARATOR.match(s[len(title):])
        tail = s[len(title) + m.end():].strip() if m else ""
        if not tail or is_person(tail) or name_list(tail):
            continue
        # a longer tail is the site's only when the page prints it alone as its banner too ("Chapter 5 … | Poverty
        # and Inequality Platform Methodology Handbook" over the book's own header line)
        if len(tail.split()) <= 5 or len(tail.split()) <= 10 and any(
                clean(lines[k]) == tail for k in range(body, min(len(lines), body + 12)) if k != j):
            return Found(tail, j + 1)
    return None


def _without_running_body(lines: list[str], title: Title) -> Title:
    """A cover's title without the line under it that names the body the pages' running header names beside
    the short title ("Traffic Microbursts and their Effect on Internet" / "Measurement" / "Measurement Lab" over
    pages headed "Traffic Microbursts … Measurement      Measurement Lab"): the body is no part of the title."""
    if title.end <= title.start:
        return title
    last = clean(lines[title.end])
    shorter = title.text[: -len(last)].strip() if last and title.text.endswith(last) else ""
    if not shorter or not looks_like_organisation(last):
        return title
    body = running_organisation(lines, shorter)
    return Title(shorter, title.start, title.end - 1) if body and body.value == last else title


def _issuer(labels: dict[str, Found[str]], cover: Found[str] | None) -> Found[str] | None:
    """The body a numbered report names as its issuer at its head: a "**Source:** U.S. Government
    Accountability Office" label over a converted report, or the organisation its cover opens with
    (a unit under its parent, as catalogues name corporate authors)."""
    if "publisher" in labels:
        return labels["publisher"]
    if cover is None:
        return None
    parts = unit_and_parent(cover.value)
    return Found(f"{parts[1]}, {parts[0]}" if parts else cover.value, cover.line)


def _signed_for(lines: list[str], signed: Found | None, issuer: Found[str] | None) -> Found | None:
    """A report's signature, or the body it signs for: a director who signs the letter of a numbered report
    whose head names its issuer signs for that body, which is the report's author (as GAO reports are cited);
    a writer who signs with a research position ("Specialist in …") is the writer."""
    if signed is None or issuer is None or not signs_for_office(lines, signed):
        return signed
    return Found((Name(literal=issuer.value),), issuer.line)


def _same_body(name: str, other: str) -> bool:
    """Whether two names name one body: spelt alike, or one the initials of the other ("UNESCO" and "United Nations
    Educational, Scientific and Cultural Organization")."""
    if name.lower() == other.lower():
        return True
    short, long = sorted((name, other), key=len)
    initials = "".join(w[0] for w in re.findall(r"[A-Z][\w’'-]*", long))
    return bool(short) and short.isupper() and " " not in short and short == initials


def _asked_record(lines: list[str], title: str) -> tuple[Record, int] | None:
    """The record of the citation the document asks to be cited by ("Recommended citation:" over "David Arthur,
    Jonathan Badgley, … The Resilience and Disaster Recovery (RDR) Tool Suite: … Volpe National Transportation
    Systems Center, Cambridge, MA, 2024."), parsed as any reference is, and the 1-based line it opens on; None
    unless the work it cites is the document: its title is the one found, or is printed on the first pages
    outside the citation (a page quoting another work's citation cites that work)."""
    asked = asked_citation(lines)
    if asked is None:
        return None
    record = parse_reference(asked.text)
    want = _words(record.title)
    if len(want.split()) < 3:
        return None
    if not _shares_words(record.title, title):
        # the title found may be a cover's furniture: the citation's title printed apart from it counts as well
        outside = _words(" ".join(lines[k] for k in range(min(len(lines), TOP * 3)) if not asked.start - 1 <= k <= asked.end))
        if " ".join(want.split()[:6]) not in outside:
            return None
    return record, asked.start + 1


def _shares_words(cited: str, title: str) -> bool:
    """Whether a title found shares two thirds of a cited title's words (the same title, broken or cut)."""
    want, found = set(_words(cited).split()), set(_words(title).split())
    return bool(found) and len(want & found) * 3 >= 2 * min(len(want), len(found))


def _body_name(text: str) -> bool:
    """Whether a parsed publisher is a body's name written out (not "AIHW", not a licence's name)."""
    return len(text.split()) >= 2 and looks_like_organisation(text) and "creative commons" not in text.lower()


def _words(text: str) -> str:
    """Small letters and digits only, words apart: titles compared across line breaks and punctuation."""
    return " ".join(re.sub(r"[^\w]+", " ", text.lower()).split())


#: The first word of a body's name that opens with its kind ("Office of Inspector General", "Congress of the
#: United States", "Department of Health and Human Services").
_BODY_FIRST = frozenset({"office", "department", "bureau", "ministry", "congress", "agency", "council", "commission",
                         "committee", "board", "administration", "government", "executive", "united"})
_MASTHEAD_REACH = 20  # lines under a cover's masthead within which its title stands


def _body_line(text: str) -> bool:
    """Whether a cover's line is a body's name alone: two to eight words, no figure or colon, opening or
    ending with the word for a body's kind ("Congressional Budget Office", "Office of Inspector General")."""
    words = text.split()
    return (2 <= len(words) <= 8 and not re.search(r"[\d:;?!]", text) and looks_like_organisation(text)
            and (words[0].lower() in _BODY_FIRST or words[-1].lower() in BODIES))


def _past_masthead(lines: list[str], title: Title, body: int) -> tuple[Title, Found[str]] | None:
    """The cover's title under its masthead, and the body the masthead names, when the title search took the
    masthead: the text's first lines, each a body's name alone ("Office of Inspector General" over "Compliance
    Program Guidance for" / "Pharmaceutical Manufacturers"; "CONGRESS OF THE UNITED STATES" / "CONGRESSIONAL
    BUDGET OFFICE" over a report's cover). The title is the next block the title search finds within a few
    lines, three words at least and no body's name; a photograph's credit ("© Shutterstock/…") is passed over."""
    first = next((k for k in range(body, min(len(lines), body + TOP)) if lines[k].strip()), None)
    if first is None or title.start != first:
        return None
    names = [clean(lines[k]) for k in range(title.start, title.end + 1) if lines[k].strip()]
    if not names or not all(_body_line(n) for n in names):
        return None
    start = title.end + 1
    for _ in range(3):
        under = find_title(lines, start)
        if under is None or under.start - title.end > _MASTHEAD_REACH:
            return None
        if not under.text.startswith(("©", "(c)")):
            break
        start = under.end + 1
    else:
        return None
    if len(under.text.split()) < 3 or _body_line(under.text):
        return None
    return under, Found(title_case(names[-1]) if names[-1].isupper() else names[-1], title.end + 1)


#: A title given as a labelled field on a form's first page ("Title: Comparison of various fluorometers for …",
#: a quality assurance plan's title and approval sheet; "Project Title: …").
_TITLE_LABEL = re.compile(r"^[*_]*(?:(?:document|report|project|paper|study) )?title[*_]*\s?:[*_]*\s?(?P<title>\S.*)$", re.I)


def _labelled_title(lines: list[str]) -> Found[str] | None:
    """The title a "Title:" field states in the first lines (three words at least, not a date)."""
    for i in lines_holding(lines[:TOP], ("title",)):
        m = _TITLE_LABEL.match(lines[i].strip())
        value = clean(m.group("title")) if m else ""
        if len(value.split()) >= 3 and not is_date_line(value):
            return Found(value, i + 1)
    return None


def _heading_twice(lines: list[str], body: int) -> Title | None:
    """The text's first line printed again as the next one ("Considering Corruption" / "Considering
    Corruption": an HTML page's <title> over its own <h1>): the page's title, which the title search, taking a
    line printed twice for a running header, passes over."""
    first = [i for i in range(body, min(len(lines), body + TOP)) if lines[i].strip()][:2]
    if len(first) < 2:
        return None
    text = clean(lines[first[0]])
    if text != clean(lines[first[1]]) or len(text.split()) < 2 or is_date_line(text) or not re.search(r"[^\W\d_]{3}", text):
        return None
    return Title(text, first[1], first[1])


def _untitled(lines: list[str], entries: dict[str, Entry], body: int) -> OwnRecord | None:
    """The record of a text that states no title, from what it does state: its writers and date as a front
    matter, a labelled field, an "Authors" list or a byline name them ("This manuscript … was automatically
    generated … on November 30, 2021." over an "Authors" list: a Manubot manuscript whose conversion lost the
    title). None when it states neither (a record of nothing names no document)."""
    fields = _Fields()
    labels = labelled_fields(lines, body, body + TOP)
    fields.offer("authors", front_matter_authors(entries, lines))
    if "authors" in labels:
        fields.offer("authors", _names(labels["authors"]))
    by = byline(lines, body, body + TOP)
    fields.offer("authors", by[0] if by else None)
    fields.offer("authors", author_section(lines))
    fields.offer("date", _front_date(entries))
    if "date" in labels:
        fields.offer("date", Found(parse_date(labels["date"].value)[0], labels["date"].line))
    fields.offer("date", Found(parse_date(by[1].value)[0], by[1].line) if by and by[1] else None)
    fields.offer("date", generated_on(lines, body + TOP))
    if not fields.has("authors") and not fields.has("date"):
        return None
    fields.offer("publisher", _front(entries, _PUBLISHER_KEYS))
    fields.offer("container_title", _front(entries, _SITE_KEYS))
    fields.values["type"] = "post-weblog" if entries else "document"
    return OwnRecord(Record(**fields.values), tuple(sorted(fields.lines.items())))  # type: ignore[arg-type]


def find_own(lines: list[str]) -> OwnRecord | None:
    """The document's own record with the line of each field, or None when the text states neither a title
    nor its writers or date."""
    entries, body = read_front_matter(lines)
    title_found = _without_emphasis(_without_lead_separator(_front(entries, _TITLE_KEYS)))
    # a memorandum's head: at the top, or under the metadata of the page it was posted on
    memo_head = memo(lines) if not entries else memo(lines, body, bool(title_found and _ADDRESSEE.search(title_found.value)))
    if memo_head and memo_head.subject and (not title_found or _ADDRESSEE.search(title_found.value)):
        # a memorandum's subject line is its title (a page's "M-16-21 - MEMORANDUM FOR THE HEADS OF …" names
        # whom it is addressed to)
        title_found = memo_head.subject
    if not entries and not title_found:
        title_found = _labelled_title(lines)
    register = register_head(lines) if not entries and not title_found else None
    if register:
        title_found = Found(register.title, register.start + 1)
        title: Title | None = Title(register.title, register.start, register.end)
    else:
        title = Title(title_found.value, title_found.line - 1, title_found.line - 1) if title_found else (
            find_title(lines, body) or _heading_twice(lines, body))
    if title is None:
        return _untitled(lines, entries, body)
    masthead = _past_masthead(lines, title, body) if title_found is None and not register and not entries else None
    if masthead:
        title = masthead[0]
    if title_found is None and not register:
        title = _without_running_body(lines, title)
    if title_found and not register and _TAIL_SEPARATOR.search(title.text):
        # "Campbell County, Wyoming | Archive | Case Studies" in the front matter, "Campbell County, Wyoming" as the
        # page's own heading: the <title>'s tail names the site's sections, the heading is the page's title
        at = _body_heading(lines, title.text, body)
        if at is not None and clean(lines[at]) != title.text:
            title = Title(clean(lines[at]), title.start, title.end)
    fields = _Fields()
    if register:
        # a Federal Register document: the agency issues it and no writer is named (the official who signs
        # at its end signs for the agency)
        fields.offer("publisher", register.agency)
        fields.values["authors"] = ()
    # a title from front matter is the post's own; a converted page's <title> line may name the site too
    heading = page_heading(lines, title) if title_found is None else None
    if heading is None and title_found is None and not entries and _TAIL_SEPARATOR.search(title.text):
        # a <title> naming a section and the site only, the article's heading and byline under it
        by = byline(lines, title.end + 1, title.end + 4 + BYLINE_REACH)
        over = heading_over_byline(lines, title, by[0].line - 1 if by else None)
        if over:
            # "Open Data's Impact - The Govlab": the <title>'s last part names the site
            cut = list(_TAIL_SEPARATOR.finditer(title.text))[-1]
            tail = _ADDRESS_TAIL.sub("", title.text[cut.end():]).strip()
            if tail and not is_person(tail) and not name_list(tail) and len(tail.split()) <= 5:
                fields.offer("container_title", Found(tail, title.start + 1))
            title, body = over, over.start
    banner = None
    if heading:
        # the post starts at its own heading: its date and byline are under it, not under the <title>
        tail = _ADDRESS_TAIL.sub("", heading.tail).strip()
        # the site's banner printed alone between the <title> and the heading ("Open Nighttime Lights")
        banner = next((Found(tail, k + 1) for k in range(title.end + 1, heading.title.start) if tail and clean(lines[k]) == tail), None)
        if tail and not is_person(tail) and not name_list(tail) and len(tail.split()) <= 5:
            fields.offer("container_title", Found(tail, title.start + 1))  # the <title> line names the site
        title, body = heading.title, heading.title.start
    elif title_found is None:
        above = title_line_tail(lines, title)
        tail = _ADDRESS_TAIL.sub("", above[0]).strip() if above else ""
        if above and tail and not is_person(tail) and not name_list(tail) and len(tail.split()) <= 5:
            fields.offer("container_title", Found(tail, above[1] + 1))  # the <title> line above names the site
    lead = _front(entries, _LEAD_KEYS) if title_found is None else None
    if lead and lead.value.endswith(":") and not title.text.startswith(lead.value):
        # "header: \"Network shutdowns:\"" over the page's heading "Users are in the dark …": the lead-in
        # its colon leaves open is the title's first part
        fields.offer("title", Found(f"{lead.value} {title.text}", title.start + 1))
    asked = _asked_record(lines, title.text)
    if (asked and title_found is None and not entries and not _shares_words(asked[0].title, title.text)
            and not re.search(r"\b(?:19|20)\d\d\.", asked[0].title)):
        # a cover whose furniture the title search took ("TYPE Original Research" over a journal's first page):
        # the title of the citation the document asks for, printed on its first pages too
        fields.offer("title", Found(asked[0].title, asked[1]))
    fields.offer("title", Found(title.text, title.start + 1))
    front_authors = front_matter_authors(entries, lines)  # asked once: a slug is looked for in the whole text
    # a page whose <meta> tags gave the title and no writer: its byline and date stand under its heading
    anchor = _body_heading(lines, title.text, body) if title_found and not front_authors else None
    if anchor is not None:
        meta = post_meta(lines, anchor + 1, anchor + 6)
        if meta:
            fields.offer("authors", meta[0])
            fields.offer("date", Found(parse_date(meta[1].value)[0], meta[1].line))
        fields.offer("authors", author_block(lines, anchor))
        fields.offer("date", dateline(lines, anchor + 1, anchor + 8))
    if title_found:
        fields.offer("container_title", _title_tail(lines, title.text, body))
    block_end = title.end + 12
    stop = max(body, title.end) + TOP * 2

    labels = labelled_fields(lines, body, block_end + 8)
    cover = cover_organisation(lines, title.text) if not entries else None
    number = _front(entries, _NUMBER_KEYS) or labels.get("number") or report_number(lines, block_end)
    issuer = _issuer(labels, cover) if number else None
    # the body a cover names between its title and date: asked only while a field is open (most documents
    # name their writers and publisher elsewhere), once
    body_named: Found[str] | None = None
    body_asked = False
    if front_authors and "authors" in labels and all(_handle(n) for n in front_authors.value):
        # "author: pyopensci" (the site's account) over an "authors: Leah Wasser, Jed Brown, …" line that
        # opens the post: the names the text states are the writers, the account only posted them
        fields.offer("authors", _names(labels["authors"]))
    if front_authors and len(front_authors.value) == 1 and front_authors.value[0].family:
        # a page whose metadata names its first writer only ("citation_author: Jennifer L. Wiltz") and whose
        # author line under the heading names them all, that writer first
        listed = semicolon_authors(lines, body, body + TOP)
        if listed and len(listed.value) > 1 and listed.value[0].family == front_authors.value[0].family:
            fields.offer("authors", listed)
    fields.offer("authors", front_authors)
    if memo_head and memo_head.sender:
        senders = memo_senders(lines, memo_head.sender)
        signers = tuple(person(f.value) for f in senders if is_person(f.value))
        if signers and is_person(senders[0].value):
            fields.offer("authors", Found(signers, memo_head.sender.line))
    if "authors" in labels:
        fields.offer("authors", _names(labels["authors"]))
    if asked:
        # the citation the document asks to be cited by names its writers as the document means them
        # ("Smith et al. (2016), Software citation principles." names the first writer only)
        whole = asked[0].authors and not re.search(r"\bet al\b", asked_citation(lines).text)  # type: ignore[union-attr]
        fields.offer("authors", Found(asked[0].authors, asked[1]) if whole else None)
    by = byline(lines, body, stop)
    if by and not fields.has("authors"):
        fields.offer("authors", by[0])
        fields.offer("date", by[1] and Found(parse_date(by[1].value)[0], by[1].line))
        fields.offer("type", Found("post-weblog", by[0].line))
    meta_line = post_meta(lines, title.end + 1, title.end + 6) if not fields.has("authors") else None
    if meta_line:
        # "Jane Smith · March 3, 2021" under the heading: a post's writer and date on one line, no "By"
        fields.offer("authors", meta_line[0])
        fields.offer("date", Found(parse_date(meta_line[1].value)[0], meta_line[1].line))
    header = dated_header(lines, body + 5) if not entries and not fields.has("authors") else None
    if header:
        fields.offer("authors", header[0])
        fields.offer("date", header[1])
    if not entries:
        fields.offer("authors", draft_authors(lines, title.end))
        fields.offer("authors", author_block(lines, title.end))
        fields.offer("authors", authors_over_title(lines, title.start))
        fields.offer("authors", author_section(lines))
        fields.offer("authors", _signed_for(lines, signature_block(lines), issuer))
        fields.offer("authors", margin_authors(lines))
        if cover and not fields.has("authors"):
            # a report that names no writer is the work of the organisation its cover opens with
            # (the director who signs its letter signs for it); a unit of a larger body is named
            # under it, as catalogues name corporate authors ("Chief Information Officers Council,
            # Innovation Committee")
            parts = unit_and_parent(cover.value)
            writer = f"{parts[1]}, {parts[0]}" if parts else cover.value
            fields.offer("authors", Found((Name(literal=writer),), cover.line))
        if issuer and "publisher" in labels and not fields.has("authors"):
            # the same report converted, its cover gone: the head's "**Source:** U.S. Government Accountability
            # Office" over a numbered report names the body whose work it is
            fields.offer("authors", Found((Name(literal=issuer.value),), issuer.line))
        if not fields.has("authors"):
            # a cover that names a body alone between the title and the date, and no writer: the body's paper
            body_named, body_asked = issuing_body(lines, title.end), True
            if body_named:
                fields.offer("authors", Found((Name(literal=body_named.value),), body_named.line))
        fields.offer("authors", _signed_for(lines, letter_signature(lines), issuer))
        fields.offer("authors", self_introduction(lines, title.text, title.end))
        fields.offer("authors", filed_for(lines, title.text, title.end))
        fields.offer("authors", _authors_near_title(lines, title))
    elif not fields.has("authors") and not front_authors:
        fields.offer("authors", names_under_front_matter(lines, body))
    if entries and number and not fields.has("authors"):
        # a numbered report converted with a front matter of its own (report number, date, source) that names
        # no writer: its writers sign at its end, as on the report's last page
        fields.offer("authors", _signed_for(lines, signature_block(lines), issuer))

    front_date = _front_date(entries)
    if front_date and re.fullmatch(r"\d{4}", front_date.value):
        # "citation_publication_date: 2024" over a page whose heading's dateline reads "ESSAY — Volume 21 — March 21,
        # 2024": the day, when it falls in the metadata's year
        day = dateline(lines, body, body + TOP)
        if day and day.value.startswith(front_date.value + "-"):
            front_date = day
    fields.offer("date", front_date)
    fields.offer("date", _front_path_date(entries))
    if "date" in labels:
        fields.offer("date", Found(parse_date(labels["date"].value)[0], labels["date"].line))
    _presented(lines[: body + TOP], fields)
    # a page whose front matter gave the title: its date under the front matter, where the post begins
    fields.offer("date", dateline(lines, body, max(block_end, body + 12) if entries else block_end))
    fields.offer("date", version_date(lines, _version(lines, title), block_end + 8))
    cited = own_citation(lines, title.text)
    if cited:
        fields.offer("date", cited.year)
    fields.offer("date", generated_on(lines, block_end + 8))
    printed = imprint(lines) if not entries else None
    if printed:
        fields.offer("date", printed.year)
        fields.offer("publisher", printed.publisher)
        fields.offer("place", printed.place)
    families = tuple(n.family for n in fields.values.get("authors", ()) if isinstance(n, Name) and n.family)
    head = journal_head(lines, families)
    fields.offer("date", head.year if head else None)
    if head and head.authors and fields.has("authors"):
        fields.values["authors"] = tuple(_head_family(n, head.authors) for n in fields.values["authors"])  # type: ignore[union-attr]
    fields.offer("date", date_label(lines) if not entries and not fields.has("date") else None)
    fields.offer("date", journal_history(lines) if not entries and not fields.has("date") else None)
    if fields.values.get("authors"):
        fields.values["authors"] = _without_letter_marks(fields.values["authors"], lines, fields.lines["authors"])  # type: ignore[arg-type]
        fields.values["authors"] = _families_as_cited(_without_phrases(fields.values["authors"], lines), lines)  # type: ignore[arg-type]
        if not fields.values["authors"]:
            del fields.values["authors"], fields.lines["authors"]
    # a cover's date alone under its title and writers, before what the pages say further on ("last modified:
    # November 15, 2013" in a late page's footer)
    cover_day = cover_date(lines, title.end) if not entries else None
    if cover_day and fields.lines.get("authors", 0) <= cover_day.line:
        fields.offer("date", cover_day)
    fields.offer("date", last_edited(lines))
    fields.offer("date", published_line(lines))
    fields.offer("date", history_published(lines))
    footer = journal_footer(lines) if not entries and head is None else None
    fields.offer("date", footer[1] if footer else None)
    fields.offer("date", cover_day)
    fields.offer("date", running_date(lines) if not entries and not fields.has("date") else None)
    fields.offer("date", cover_year(lines, title.start, title.end) if not entries else None)
    fields.offer("date", placeholder_year(lines) if not entries else None)
    fields.offer("date", Found(asked[0].date, asked[1]) if asked and asked[0].date else None)
    fields.offer("date", _front_modified(entries) if entries and not fields.has("date") else None)
    if "updated" in labels and not fields.has("date"):
        # "Updated: June 12, 2024 for WRFV4.6" under a guide's title: its last edition, when nothing else dates it
        fields.offer("date", Found(parse_date(labels["updated"].value)[0], labels["updated"].line))
    fields.offer("accessed", accessed(lines, body + 5))
    if re.fullmatch(r"\d{4}-\d\d", str(fields.values.get("date", ""))) and not entries:
        # a cover's month ("February 2007"), its letter dated within it ("February 28, 2007"): the day it went out
        day = letter_date(lines, str(fields.values["date"]))
        if day:
            fields.values["date"], fields.lines["date"] = day.value, day.line

    fields.offer("publisher", _front(entries, _PUBLISHER_KEYS))
    fields.offer("publisher", masthead[1] if masthead else None)
    if memo_head:
        fields.offer("publisher", letterhead(lines))  # the office whose letterhead the memorandum is on
    fields.offer("publisher", labels.get("publisher"))
    fields.offer("container_title", labels.get("container_title"))
    fields.offer("container_title", _front(entries, _SITE_KEYS))
    if head and not fields.has("container_title"):
        fields.offer("container_title", head.journal)
        fields.offer("type", Found("article-journal", head.journal.line))
    if footer and not fields.has("container_title"):
        fields.offer("container_title", footer[0])
        fields.offer("type", Found("article-journal", footer[0].line))
    stated = journal_statement(lines) if not entries else None
    if stated and not fields.has("container_title"):
        fields.offer("container_title", stated[0])
        fields.offer("publisher", stated[1])
        fields.offer("type", Found("article-journal", stated[0].line))
    site = site_line(lines)
    if not fields.has("publisher"):
        fields.offer("container_title", site)
    fields.offer("container_title", strap(lines, title.end, block_end))
    if not fields.has("container_title"):
        # what the report says of itself first, then what its pages print
        fields.offer("publisher", prepared_by(lines))
        fields.offer("publisher", cover_officials(lines) if not entries else None)
        parts = unit_and_parent(cover.value) if cover else None
        fields.offer("publisher", Found(parts[1], cover.line) if cover and parts else cover)
        fields.offer("publisher", running_organisation(lines, title.text))
        fields.offer("publisher", block_organisation(lines, title.end) if not entries else None)
        fields.offer("publisher", dated_organisation(lines, title.end + 1, block_end) if not entries else None)
        if not entries and not fields.has("publisher"):
            fields.offer("publisher", body_named if body_asked else issuing_body(lines, title.end))
    holder = copyright_holder(lines) if not fields.has("publisher") else None
    if holder and not _same_body(holder.value, str(fields.values.get("container_title", ""))):
        # the body holding the copyright publishes the text ("© 2010-2012, Open Knowledge Foundation." under a
        # handbook's chapter whose banner names the handbook: its site, and its publisher)
        fields.offer("publisher", holder)
    if asked and not fields.has("publisher") and not fields.has("container_title") and _body_name(asked[0].publisher):
        # the publisher the citation asked for names, when the pages name none ("… Volpe National Transportation
        # Systems Center, Cambridge, MA, 2024.")
        fields.offer("publisher", Found(asked[0].publisher, asked[1]))
    if cited and cited.publisher and not fields.has("publisher"):
        fields.offer("publisher", cited.publisher)  # a chapter's own citation: "… Berlin: Language Science Press."
    if cited and cited.container and not fields.has("publisher"):
        fields.offer("container_title", cited.container)
        fields.offer("type", Found("article-journal", cited.container.line))

    if not fields.has("authors"):
        fields.offer("authors", speaker_in_title(str(fields.values.get("title", title.text)), int(fields.lines.get("title", title.start + 1))))
    site_name = fields.values.get("container_title") or fields.values.get("publisher")
    if site_name and not fields.has("authors"):
        fields.offer("authors", organisation_byline(lines, body, stop, str(site_name)))
    _drop_site_from_title(fields)
    url = _front(entries, _URL_KEYS)
    url = url if url and url.value.startswith("http") else None
    shared = shared_url(lines)
    if not fields.has("container_title") and not fields.has("publisher"):
        # the address the page gives itself (its metadata, its share buttons) names its site when nothing
        # else does ("https://www.usa.gov/…": usa.gov); a "Source:" address may be a copy's host instead
        fields.offer("container_title", url_site(url or shared))
    fields.offer("url", url)
    fields.offer("url", labels.get("url"))
    fields.offer("url", own_url(lines, block_end))
    fields.offer("url", shared)
    doi = _front(entries, _DOI_KEYS)
    if doi and re.match(r"^10\.\d{4,9}/\S+$", doi.value):
        fields.offer("doi", doi)
    if number:
        fields.offer("type", Found("report", number.line))

    stated_type = _front(entries, ("dc.type",))
    if stated_type and stated_type.value in _SCHEMA_TYPES:
        # the page's own schema.org type (its JSON-LD record, as the HTML reader passes it on)
        fields.offer("type", Found(_SCHEMA_TYPES[stated_type.value], stated_type.line))
    if not fields.has("type"):
        web = (entries or any(_WEB_CUE.match(lines[i].strip()) for i in lines_holding(lines, _WEB_CUE_WORDS))
               or fields.has("container_title"))
        fields.values["type"] = "post-weblog" if entries else "webpage" if web else "document"
    if fields.values.get("type") in ("report", "speech") and fields.has("container_title") and not fields.has("publisher"):
        fields.values["publisher"] = fields.values.pop("container_title")
        fields.lines["publisher"] = fields.lines.pop("container_title")
    _without_site_as_writer(fields, banner)
    values = dict(fields.values)
    record = Record(**values)  # type: ignore[arg-type]
    sources = tuple(sorted((k, v) for k, v in fields.lines.items() if k != "type"))
    return OwnRecord(record, sources, number.value if number else "")


def find_metadata(lines: list[str]) -> Record | None:
    """The document's own Record, or None when the text states neither a title nor its writers or date."""
    own = find_own(lines)
    return own.record if own else None

"""Choosing between the trained parser and the rules for one reference string.

The CRF, trained on AnyStyle's mostly academic references, beats the rules on
held-out academic data in every field (bench/parse_gate.py). The rules were
written for what policy briefs cite and the training data rarely shows: news,
web pages, blogs and videos, and references with italic markup left by document
conversion. So: the rules' record when they recognised a complete template
(authors, title, date, and a container where the type needs one) for a reference
of that kind; otherwise the CRF's record, with DOI, URL and access date from the
rules (their fixed forms are read exactly). Figures in docs/benchmarks.md.
"""

from __future__ import annotations

from bibkaz.model import Name, Record
import re

from bibkaz.parse.crf.combine import combine
from bibkaz.parse.normalise.law_in_prose import law_from_prose
from bibkaz.parse.normalise.not_container import is_apparatus, tidy_container
from bibkaz.parse.normalise.text import clean_field
from bibkaz.parse.normalise.url_date import with_url_date
from bibkaz.parse.rules import refine_type

#: Fields the rules read exactly from their fixed form, taken over the CRF's when found.
FIXED_FORM = ("doi", "url", "accessed")
_NEEDS_CONTAINER = {"article-journal", "chapter", "paper-conference", "article-newspaper", "article-magazine"}


def rules_complete(rules: Record) -> bool:
    """Did the rules recognise a whole template (not just pick out identifiers)?"""
    if not rules.title or any(_not_a_name(n) for n in rules.authors):
        return False
    if rules.type in _WEB_TYPES and rules.url:
        return True  # web pages and videos often name no author or date: title and link make them
    if rules.confidence < 1.0 or not (rules.authors and rules.date):
        return False
    if rules.type in _NEEDS_CONTAINER and not rules.container_title:
        return False
    return rules.type not in ("document", "article")


def _not_a_name(name: Name) -> bool:
    """An "author" the rules cut out of a sentence or a document's designation ("Senate roll
    call vote 87 (119th Congress", "For information on the accord"): a bracket, a digit or
    a lower-case first letter, which no person's or body's name has. Such a reading is not a
    recognised template."""
    text = _ACRONYM_EDGE.sub("", name.literal or name.family)
    return bool(text) and (not text[:1].isupper() or any(c.isdigit() or c in "()" for c in text))


#: A body's acronym in brackets before or after its name ("(NLM) National Library of Medicine",
#: "Social Security Administration (SSA)"): the bracket is no sign of a cut sentence.
_ACRONYM_EDGE = re.compile(r"^\([A-Z][A-Z/&-]{1,12}\)\s+|\s+\([A-Z][A-Z/&-]{1,12}\)$")


#: Entry types whose printed forms are thin in the training data (news, web, blogs,
#: videos): there the rules, written for policy briefs' citations, are trusted.
#: A report's number in a series: "GAO-23-106567", "R41234", "No. 205", "2023-06".
_NUMBERED = re.compile(r"\d[\d-]*\d|\b[A-Z]{1,4}\d{3,}")
_WEB_TYPES = {"webpage", "post-weblog", "post", "article-newspaper", "article-magazine", "motion_picture"}
_ITALIC = re.compile(r"(?<![\w*])\*[^*\s][^*]*\*(?![\w*])")


def rules_domain(text: str, rules: Record, crf: Record) -> bool:
    """Is this a reference of the kind the rules were built for and the CRF rarely saw?

    Italic markup from converted documents ("*International Affairs*") never occurs
    in the training data; web, news and video references are rare in it. A
    reference in which the CRF finds a volume, issue, pages or editors is academic,
    and the CRF's home ground, whatever the rules took it for.

    Chicago notes that open "Given Family, Title" for books, reports and theses went to
    the rules too until the CRF was trained on real notes (issue 13): now it reads them
    better ("Arthur Laffer, The Laffer Curve: Past, Present, and Future, June 1, 2004, …"
    became five authors in the rules), so that branch is retired (docs/decisions.md).
    """
    italic = _ITALIC.search(text)
    if italic:
        # ... unless the CRF's title is the italic span itself: the markup and the model agree
        # (and the CRF's authors all stand before it: see _author_after)
        agree = bool(crf.title) and clean_field(italic.group(0).strip("*")) == crf.title
        return not agree or _author_after(text[italic.end():], text[:italic.start()], crf)
    # Issue 13: retrained on policy strings, the CRF beats the rules on web and news
    # references (docs/decisions.md); the rules keep only those where they found the
    # site or paper and the CRF found none ("Title? Premium Times. https://…"), or
    # where the CRF found no author and no date (a note that names a video "titled ‘…’").
    # a series and number the CRF read with the authors ("…,” Working Paper SEHSD 2013-17, U.S. Census
    # Bureau") makes a report, not a story or a page
    # ("Title. [GAO-23-106567. (Washington D.C.: April 13,](https://…)": a numbered series makes one too
    # where the rules read no more than a title and a link)
    academic = bool(crf.volume or crf.issue or crf.pages or crf.editors or (crf.collection_title and crf.authors)
                    or (_NUMBERED.search(f"{crf.collection_title} {crf.genre}")
                        and not (rules.authors or rules.date or rules.container_title)))
    crf_bare = not crf.container_title or not (crf.authors or crf.date)
    return rules.type in _WEB_TYPES and not academic and (bool(rules.container_title) or not crf.authors) and crf_bare \
        and not _split_title(crf, rules) and not _author_then_title(crf, rules) and not _site_shifted(crf, rules) \
        and not _designation_in_title(crf, rules)


def _author_after(after: str, before: str, crf: Record) -> bool:
    """The CRF took a name after the title for an author ("Inter-American Development Bank.
    *Algorithmic Impact Assessment …*. IDB, 2022.": the publisher): every style names the
    authors before the title, so the reading is not the model's home ground."""
    for name in crf.authors:
        words = name.literal or name.family
        if words and words in after and words not in before:
            return True
    return False


def _author_then_title(crf: Record, rules: Record) -> bool:
    """The rules read "Name. Words. Date. URL" as title and site, the CRF as author and title
    ("MeriTalk. IRS Looks to Adopt Robotic Process Automation Tech. 15 April 2019. https://…",
    "GCN Staff. GSA puts bots to work in bulk. …"). Every style puts the author first; a site's
    name after an unquoted title is the rarer reading, so the CRF's stands."""
    if not crf.authors or not rules.container_title or not crf.title.startswith(rules.container_title):
        return False
    if crf.title != rules.container_title and any(_not_a_name(n) for n in crf.authors):
        # the rules' site may be the CRF's title cut at a comma or a number ("Healthy People" of
        # "Healthy People 2030: …"), but then only after a name: a memo's number the CRF took for
        # its author ("M-19-17. Enabling …, Credential, and …") is no reading to keep
        return False
    # the same words, whatever the name splitting made of them ("Accelirate Insights & Use Cases",
    # "U. of Illinois Library." with the rules' full stop); or the rules' author and title are the
    # CRF's author, a body and its offices ("Centers for Disease Control and Prevention, National
    # Center for …, Division of Population Health. PLACES data. …")
    crf_words = _words(" ".join(n.literal or n.display() for n in crf.authors))
    rules_author = " ".join(n.literal or n.display() for n in rules.authors)
    return crf_words == _words(rules.title) or (bool(rules_author) and crf_words == _words(f"{rules_author} {rules.title}"))


def _words(text: str) -> list[str]:
    return sorted(re.findall(r"\w+", text.lower()))


def _site_shifted(crf: Record, rules: Record) -> bool:
    """The CRF read "Article, Site, https://…" as title and site where the rules ran the two into
    one title ("Open access, Wikipedia") or took the article for an author and the site for the
    title ("Climatic Research Unit email controversy" / "Wikipedia"): the site comes last, the CRF's
    reading stands."""
    if not crf.title or not crf.container_title or crf.authors:
        return False
    if rules.title == f"{crf.title}, {crf.container_title}":
        return True
    return rules.title == crf.container_title and bool(rules.authors) \
        and _words(" ".join(n.literal or n.display() for n in rules.authors)) == _words(crf.title)


def _designation_in_title(crf: Record, rules: Record) -> bool:
    """The CRF read a numbered designation that opens the reference as the series ("M-13-02,
    Improving Acquisition through Strategic Sourcing, December 5, 2012, https://…") where the rules
    ran it into the title: the designation is no part of the title, the CRF's reading stands."""
    series = crf.collection_title
    return bool(series and _NUMBERED.search(series) and rules.title.startswith(series)
                and crf.title and crf.title in rules.title and crf.title != rules.title)


def _split_title(crf: Record, rules: Record) -> bool:
    """The rules' title and site are the CRF's title cut in two at a question or an
    exclamation mark ("Publish or be damned? An alternative impact manifesto for
    research software"): the site they found is the title's second half. (A cut at a
    full stop may well be a site or series: "… using DataCite. A JISC Research Data
    Spring Project".)"""
    return bool(rules.container_title and rules.title.endswith(("?", "!")) and crf.title.startswith(rules.title)
                and crf.title.endswith(rules.container_title) and len(crf.title) > len(rules.title))


def _rules_cut_title(crf: Record, rules: Record) -> bool:
    """The CRF ran the title on into the imprint ("Report 2018. Vientiane: MRC
    Secretariat") where the rules stopped it and read the place or publisher."""
    return bool(rules.title and (rules.publisher or rules.place) and len(crf.title) > len(rules.title)
                and crf.title.startswith(rules.title) and not crf.publisher)


def choose(text: str, crf: Record, rules: Record) -> Record:
    """The record to keep for ``text`` (see the module docstring and bench/parse_gate.py); a letter
    cited by writer and addressee is read as one whichever reading is kept (normalise/letters)."""
    from bibkaz.parse.normalise.letters import as_letter

    return as_letter(text, _choose(text, crf, rules))


def _choose(text: str, crf: Record, rules: Record) -> Record:
    if rules.container_title and (_a_place(rules.container_title) or is_apparatus(rules.container_title)
                                  or rules.container_title.upper().startswith("ISBN")):
        # a place, a word of the apparatus ("Retrieved", "(PDF)") or a book's ISBN is no site: the CRF's reading stands
        rules = rules.with_(container_title="")
    if rules.url and crf.container_title and _same_host(rules.url, crf.container_title):
        # the site named by its host ('"Title". www.cs.man.ac.uk.'): a name, not the page's address
        rules = rules.with_(url="")
    if rules_complete(rules) and (rules_domain(text, rules, crf) or _rules_cut_title(crf, rules)):
        if not rules.container_title and _site_like(crf.container_title) and rules.type in _WEB_TYPES \
                and (crf.container_title not in rules.title or text.count(crf.container_title) > 1):
            # a page whose site the rules did not read: '"Title". github.com. Retrieved …'
            rules = rules.with_(container_title=crf.container_title)
        if rules.date and crf.date.startswith(rules.date) and len(crf.date) > len(rules.date):
            rules = rules.with_(date=crf.date)  # the same year, the CRF read its month and day too
        return _tidy(rules)
    if crf.type == "article-journal" and rules.type in ("article-newspaper", "article-magazine") \
            and crf.container_title and crf.container_title == rules.container_title and not crf.volume:
        crf = crf.with_(type=rules.type)  # the rules know more newspaper names than the type table
    if rules_complete(rules) and crf.confidence < rules.confidence and rules.title == crf.title \
            and rules.container_title == crf.container_title and rules.year == crf.year:
        # two independent readings agree on title, container and year: not a parse to review
        crf = crf.with_(confidence=rules.confidence)
    return _tidy(refine_type(combine(crf, rules, FIXED_FORM)))


_STATE = re.compile(r"^[A-Z]{2}\.?$")


def _same_host(url: str, site: str) -> bool:
    """Whether ``url`` is no more than the host ``site`` names ("http://www.cs.man.ac.uk" and
    "www.cs.man.ac.uk"): the rules made an address of the site's name."""
    bare = re.sub(r"^[a-z]+://", "", url.strip().lower()).rstrip("/.")
    return "/" not in bare and bare == site.strip().lower().rstrip(".")


def _a_place(name: str) -> bool:
    """What the rules read as a web page's site but is the place before its publisher:
    "Alexandria, VA" and "Brussels, Belgium" in "Title. Alexandria, VA. Iron Mountain https://…"."""
    from bibkaz.parse.crf.lexicon import lexicon

    words = name.strip(" .,;:").split(", ")
    return len(words) == 2 and words[0][:1].isupper() and (
        _STATE.match(words[1]) is not None or words[1].lower() in lexicon("places"))


def _site_like(name: str) -> bool:
    """A site's name as the CRF may read it: capitalised ("GitHub", "The Mozilla Blog") or a
    domain ("github.com"); not a word of the sentence around a link ("is" of "is available at")."""
    return len(name) > 2 and (name[:1].isupper() or "." in name)


def _tidy(record: Record) -> Record:
    """A kept record without what only looked like its container (a bare report number, a version),
    the law a sentence cites rather than the sentence as its title, and a web page's date
    from its address when the reference gives none."""
    if record.container_title or record.collection_title:
        record = tidy_container(record)
    return pdf_no_page(with_url_date(law_from_prose(record)))


#: A link to a file of its own, not to a page: "…/RDRindex2017report.pdf", "…/a094.pdf?x=1".
_FILE_LINK = re.compile(r"\.pdf(?:[?#]\S*)?$", re.I)


def pdf_no_page(record: Record) -> Record:
    """A "web page" whose link is a PDF file is a document read online, not a page (of the dev works
    with a field wrong that we called web pages with a PDF link, the golds type 166 of 167 report or
    document, one web page). Decided after the page's
    date is read from its address, which still holds for a file. A bare link, with nothing cited
    but the address, stays the web page bibkaz.parse makes of it."""
    if record.type == "webpage" and record.title and record.url and _FILE_LINK.search(record.url):
        return record.with_(type="document")
    return record

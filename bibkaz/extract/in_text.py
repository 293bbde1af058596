"""Works cited in the running text itself, outside notes and reference lists.

A bare link or DOI; words linked to a page, in a post that cites in no other
way; a report cited by its number ("see CRS Report R47447, Title"); the works
a table's "Source:" line names; a court case named in the text. Each is a
reference of its own unless a note or list entry already carries it, and each
place a link or a case stands is a citation of it. What is *not* a cited work
is the document's own address (or its own site's pages, its DOI, its report
number), a running head or footer, and, beside a reference list, a site's
home page named as a tool. See docs/decisions.md for the measurements behind
each rule.
"""

from __future__ import annotations

import re

from collections import Counter
from dataclasses import dataclass, field

from bibkaz.extract.citation_keys import find_key_citations
from bibkaz.extract.finder.lines import Line
from bibkaz.extract.inline_links import find_hyperlinks, find_links, page_of
from bibkaz.extract.legal_cases import find_case_names
from bibkaz.extract.report_citations import find_report_citations
from bibkaz.extract.source_lines import find_source_parts
from bibkaz.extract.text import Paragraph, sentence_around
from bibkaz.model import Mention, RawReference
from bibkaz.url_parts import account_page, split_url

#: Non-blank lines at the top of a document where its own title, byline and address stand.
TITLE_BLOCK = 15
#: Non-blank lines at the top of a paper within which a DOI alone on its line is the paper's own: a
#: journal prints it under the authors, affiliations, e-mails and dates (a BMC article: 17th line).
OWN_DOI_BLOCK = 30
#: A licence's deed: a document's rights statement links it ("distributed under the terms of the
#: Creative Commons Attribution License (http://creativecommons.org/licenses/by/4.0/)"); it is not a
#: work the document cites, unless a note or list entry carries it (then it is not read here).
_LICENCE_DEED = re.compile(r"^(?:[a-z]+://)?(?:www\.)?(?:creativecommons\.org/(?:licenses|licences|publicdomain)"
                           r"|opensource\.org/licen[sc]es|(?:www\.)?gnu\.org/licenses)(?:/|$)", re.I)
#: A Creative Commons deed linked from words ("[CC BY-SA 4.0](…)"): a photo's or page's licence. (The
#: GNU and OSI pages under "licenses/" include essays that prose does cite.)
_CC_DEED = re.compile(r"^(?:[a-z]+://)?(?:www\.)?creativecommons\.org/(?:licenses|licences|publicdomain)/", re.I)
#: Second-level labels under a country's domain that are not a site of their own ("gov.uk", "co.jp").
_SECOND_LEVEL = frozenset({"ac", "co", "com", "edu", "gov", "govt", "net", "org", "nic", "go", "or", "ne", "gv"})


def registered_domain(url: str) -> str:
    """The registered domain of an address: the site its owner runs ("https://coe.gsa.gov/x" → "gsa.gov",
    "https://www.ons.gov.uk/y" → "ons.gov.uk")."""
    labels = split_url(url if "://" in url else "http://" + url).hostname or ""
    parts = labels.lower().split(".")
    keep = 3 if len(parts) >= 3 and len(parts[-1]) == 2 and parts[-2] in _SECOND_LEVEL else 2
    return ".".join(parts[-keep:])


@dataclass(frozen=True)
class Setting:
    """What the in-text sources of one document are found against."""

    document: str
    lines: list[str]  # the document's lines (index = line number - 1)
    found_lines: list[Line]  # its non-blank lines, as the finder saw them
    body: list[Paragraph]  # the running text (no notes, lists, furniture or front matter)
    body_lines: frozenset[int]
    carried: str  # the text of every note and list reference, lower-cased
    has_list: bool  # it has a reference list
    own_site: str  # the registered domain of its own address ("" when unknown)
    own_number: str  # its own report number, lower-cased ("" when none)
    own_title: str = ""  # its own title ("" when none found)
    by_key: bool = False  # it cites by pandoc citation keys ("[@lee2020]")
    keyed: dict[str, RawReference] = field(default_factory=dict)  # keys its entries and notes carry
    bracket_keys: dict[str, RawReference] = field(default_factory=dict)  # keyed entries, by bracket_key(key)
    listed_pages: dict[str, RawReference] = field(default_factory=dict)  # notes and entries, by page_of(their URL)


class _Found:
    """References and citations as they are found, one reference per page, case or report."""

    def __init__(self, setting: Setting) -> None:
        self.setting = setting
        self.refs: list[RawReference] = []
        self.mentions: list[Mention] = []
        self.pages: dict[str, RawReference] = {}

    def reference(self, kind: str, text: str, line: int) -> RawReference:
        ref = RawReference(self.setting.document, kind, text, line, line)
        self.refs.append(ref)
        return ref

    def cite(self, kind: str, text: str, line: int, marker: str, ref: RawReference, sentence: str = "") -> None:
        self.mentions.append(Mention(self.setting.document, kind, text, line, marker=marker, sentence=sentence,
                                     reference=ref))


#: A contact label right before a link, opening its line or a column of it ("Web site: www.gao.gov/fraudnet",
#: "E-mail:", "Internet:"); "… from the following website: <link>" in a sentence is not one.
_CONTACT_LABEL = re.compile(r"(?:^|\s{2,}|\[)(?:web\s?site|web\s?page|internet|e-?mail|home\s?page|contact)\s*:\s*$", re.I)


_SCHEME = re.compile(r"^[a-z]+://", re.I)
#: Words that invite a reader to a site's home page rather than cite a page of it.
_VISIT = re.compile(r"\b(?:visit|(?:web\s?site|web)\s+at)\s*$", re.I)
#: What opens a link on its line: brackets and a scheme, taken off what stands before it.
_LINK_OPENING = re.compile(r"[\[<(]*(?:[a-z]+://)?$", re.I)


#: A contact label stands right before its link: how much of the line before a link is looked at
#: (the patterns above, tried at every position of a 50 KB line, took 50 CPU s on a fuzzed page).
_LABEL_WINDOW = 120


def _place_of(text: str, bare: str) -> int:
    """Where the link ``bare`` stands in ``text``: the first place where it ends as a link ends, not
    inside a longer address of the same site ("www.gao.gov" in "https://www.gao.gov/products/…"
    earlier in a paragraph the reader joined); -1 when nowhere."""
    first = at = text.find(bare)
    while at >= 0:
        end = at + len(bare)
        if end == len(text) or not (text[end].isalnum() or text[end] in "/-_#?=&%"):
            return at
        at = text.find(bare, at + 1)
    return first


def _labelled_contact(head: str, value: str) -> bool:
    """Is the link given as contact information ("Web site: …") rather than cited?"""
    bare = _SCHEME.sub("", value).lower()
    at = _place_of(head.lower(), bare)
    if at <= 0:
        return False
    start = max(0, at - _LABEL_WINDOW)
    # a cut window opens with a mark, so that "^" in the label pattern means the line's start only
    window = ("\x00" if start else "") + head[start:at]
    before = _LINK_OPENING.sub("", window.replace("\u200b", ""))
    if not before.strip("\x00"):
        return False
    if _CONTACT_LABEL.search(before):
        return True
    # an invitation to a site's home page ("visit www.cio.gov", "on the GAO Web site at http://www.gao.gov")
    home = "/" not in _SCHEME.sub("", value).rstrip("/")
    return home and bool(_VISIT.search(before))


@dataclass(frozen=True)
class _Furniture:
    """What tells a document's own links and its page furniture from cited works, read once per document."""

    alone: Counter[str]  # how many lines hold nothing but this link (lower-cased)
    title_block: frozenset[int]  # the lines of the document's head
    doi_block: frozenset[int]  # the lines within which a DOI alone on its line is the document's own
    running: str  # the running heads and footers (lines whose shape repeats) holding a link, lower-cased

    @classmethod
    def of(cls, s: Setting) -> "_Furniture":
        return cls(
            alone=Counter(line.stripped.strip("<>").lower() for line in s.found_lines),
            title_block=frozenset(line.number for line in s.found_lines[:TITLE_BLOCK]),
            doi_block=frozenset(line.number for line in s.found_lines[:OWN_DOI_BLOCK]),
            running="\n".join(line.stripped.lower() for line in s.found_lines
                               if line.repeats > 1 and ("doi" in line.stripped.lower() or "/" in line.stripped)),
        )


def _own_or_furniture(s: Setting, value: str, kind: str, line: int, furniture: _Furniture) -> bool:
    """Whether a bare link is the document's own address or page furniture, not a cited work."""
    head = s.lines[line - 1].strip()
    if _labelled_contact(head, value):
        return True  # contact details on a back page ("Web site: www.gao.gov/fraudnet/fraudnet.htm")
    if _LICENCE_DEED.match(value):
        return True  # the document's licence
    if account_page(value):
        return True  # "follow us at twitter.com/x": an account, no work
    on_its_own = head.strip("<>") == value
    doi_line_words = len(head.split()) if kind == "inline-doi" else 0
    if line in furniture.title_block and (on_its_own or 0 < doi_line_words <= 12) \
            or line in furniture.doi_block and 0 < doi_line_words <= 3:
        return True  # the document's own address, or the DOI a paper prints on a line of its head
    if value.lower() in furniture.running:
        return True  # part of a running head or footer ("Smith et al. (2016), PeerJ Comput. Sci., DOI …")
    if s.own_number and s.own_number in value.lower():
        return True  # the address of the document itself ("…/getrpt?GAO-06-1046")
    if s.own_title and _names_own_title(value, s.own_title):
        return True  # the page of what the document presents ("Visit www.epa.gov/avert" in AVERT's fact sheet)
    if furniture.alone[value.lower()] > 1 or furniture.alone[value.lower().rstrip("/")] > 1:
        return True  # alone on two lines or more: a running head or footer
    segments = split_url(value).path.strip("/")
    if not segments and on_its_own:
        return True  # a site's home page alone on its line (one named in a sentence is kept)
    if s.own_site and registered_domain(value) == s.own_site:
        return True  # a page of its own site
    return _passing_beside_list(s, value)


#: A picture's address: words linked to it are a figure's or photo's credit, not a source.
_IMAGE_FILE = re.compile(r"\.(?:jpe?g|png|gif|svg|webp|tiff?|bmp)$", re.I)


def _names_own_title(url: str, title: str) -> bool:
    """Whether the last step of ``url``'s path is words of the document's own title, in order: a name the
    title writes in capitals ("/avert" for "… Tool (AVERT)") or three words or more of it
    ("/global-education-policy-dashboard" for the dashboard's brief)."""
    step = split_url(url if "://" in url else "http://" + url).path.rstrip("/").rsplit("/", 1)[-1]
    words = _SLUG_WORD.findall(step.lower())
    if not words or sum(len(w) for w in words) < 4:
        return False
    if len(words) == 1:
        # one word: only a name the title writes in capitals ("AVERT"), not a common word ("broadband")
        return words[0].upper() in _SLUG_WORD_CAPS.findall(title)
    # three words or more: two ("federal assistance") are a phrase any page may share with the title
    return len(words) >= 3 and f" {' '.join(words)} " in f" {' '.join(_SLUG_WORD.findall(title.lower()))} "


#: A word of an address's last step or of a title, for comparing the two.
_SLUG_WORD = re.compile(r"[a-z0-9]+")
_SLUG_WORD_CAPS = re.compile(r"\b[A-Z0-9]{4,}\b")


def _passing_beside_list(s: Setting, url: str) -> bool:
    """Beside a reference list, the list holds what is cited: a link in the text names a tool, a
    project or a site in passing (or is a short link of one path step), unless it points at one
    item (a post, an issue, an article)."""
    return s.has_list and (split_url(url).path.strip("/").count("/") < 1 or not _item_page(url))


#: What an address to one item holds: a number in its path or query (a date, an id, an issue),
#: a page file other than a site's index, or an encyclopaedia article.
_ITEM_NUMBER = re.compile(r"\d")
_PAGE_FILE = re.compile(r"/(?!index\.)[^/]+\.(?:html?|pdf|php|aspx?|md|txt|docx?|xlsx?|csv)$", re.I)
_ARTICLE = re.compile(r"/wiki/(?!Main_Page)[^/]+$")


def _item_page(url: str) -> bool:
    """Whether an address points at one item, not at a tool's, project's or site's landing page."""
    parts = split_url(url)
    path = parts.path
    return bool(_ITEM_NUMBER.search(path) or _ITEM_NUMBER.search(parts.query) or _PAGE_FILE.search(path)
                or _ARTICLE.search(path))


def _bare_links(s: Setting, found: _Found) -> None:
    links = find_links(s.body)
    if not links:
        return  # most documents: the lines are not counted
    furniture = _Furniture.of(s)
    for link in links:
        if _own_or_furniture(s, link.value, link.kind, link.line, furniture):
            continue
        page = page_of(link.value)
        if link.value.lower() not in s.carried and page not in found.pages:
            ref = found.pages[page] = found.reference(link.kind, link.value, link.line)
            found.cite("link", link.value, link.line, link.value, ref)


def _hyperlinks(s: Setting, found: _Found) -> None:
    """Words linked to another site's page cite it, as a blog post cites its sources; beside notes or a
    list too (a chapter's data, tools and documentation linked on their names). Words linked to a page a
    note or an entry gives cite that note or entry (a post's "[approximately one billion people](…)" and
    its References' same address)."""
    for link in find_hyperlinks(s.body):
        page = page_of(link.url)
        listed = s.listed_pages.get(page)
        if listed is not None:
            found.cite("link", link.words, link.line, link.url, listed, link.sentence)
            continue
        if s.own_site and registered_domain(link.url) == s.own_site or (page not in found.pages and page in s.carried):
            continue
        if _CC_DEED.match(link.url) or _IMAGE_FILE.search(split_url(link.url).path):
            continue  # a licence's deed, a picture (its credit line)
        ref = found.pages.get(page)
        if ref is None:
            ref = found.pages[page] = found.reference("inline-link", f"{link.words} <{link.url}>", link.line)
        found.cite("link", link.words, link.line, link.url, ref, link.sentence)


def _source_lines(s: Setting, found: _Found) -> None:
    for part in find_source_parts(s.lines, set(s.body_lines)):
        if part.text.lower().rstrip(".") not in s.carried:
            found.reference("source-line", part.text, part.line)


def _cases(s: Setting, found: _Found) -> None:
    cases: dict[str, RawReference] = {}
    for case in find_case_names(s.body):
        ref = cases.get(case.name)
        if ref is None and case.name.lower() not in s.carried:
            ref = cases[case.name] = found.reference("inline-case", case.name, case.line)
        if ref is not None:
            found.cite("case", case.marker, case.line, case.marker, ref, case.sentence)


def _keys(s: Setting, found: _Found) -> None:
    """Works cited by key: the entry or note that carries the key, else a work known by its key alone."""
    if not s.by_key:
        return
    keyed = dict(s.keyed)
    for c in find_key_citations(s.body):
        ref = keyed.get(c.key)
        if ref is None and c.after_year and s.has_list:
            continue  # "Bach 2015 [@nn27yywd2cz]": the author-date unit before it cites the list's entry
        if ref is None:
            ref = keyed[c.key] = found.reference("citation-key", "@" + c.key, c.line)
        found.cite("key", c.marker, c.line, c.marker, ref, c.sentence)


#: What a key's spelling may vary in: spaces, dashes, stops.
_KEY_SPACING = re.compile(r"[\s\-‐–_.]")


def bracket_key(key: str) -> str:
    """A keyed entry's key as calls may spell it: "[FIPS 180-3]" calls "[FIPS180-3] …"."""
    return _KEY_SPACING.sub("", key).lower()


#: Brackets in the running text, and the keys inside them ("[TCG05]", "[SP800-89, FIPS186-3]").
_BRACKETS = re.compile(r"\[([^\[\]]{1,200})\]")
_KEY_SEPARATOR = re.compile(r"[,;]\s*")


def _bracketed_keys(s: Setting, found: _Found) -> None:
    """Calls of a keyed list's entries by their keys ("… attestation [TCG05]."): only keys the list
    holds, so a bracket of other words ("[sic]", "[emphasis added]") is no call."""
    if not s.bracket_keys:
        return
    for p in s.body:
        if "[" not in p.text:
            continue
        for m in _BRACKETS.finditer(p.text):
            keys = [k for k in _KEY_SEPARATOR.split(m.group(1).strip()) if k]
            refs = [ref for ref in (s.bracket_keys.get(bracket_key(k)) for k in keys) if ref is not None]
            if not keys or len(refs) < len(keys):
                continue  # a bracket holding anything but the list's keys
            sentence = sentence_around(p.text, m.start(), m.end())
            for key, ref in zip(keys, refs):
                found.cite("key", m.group(0), p.line_at(m.start()), key, ref, sentence)


def _reports(s: Setting, found: _Found) -> None:
    for report in find_report_citations(s.body):
        if report.number.lower() not in s.carried:
            found.reference("inline-report", report.text, report.line)


def in_text_sources(setting: Setting) -> tuple[list[RawReference], list[Mention]]:
    """The references the running text cites by itself, and the citations that point at them."""
    found = _Found(setting)
    for step in (_bare_links, _hyperlinks, _source_lines, _cases, _keys, _bracketed_keys, _reports):
        step(setting, found)
    return found.refs, found.mentions

"""The parse stage: one reference string → one Record.

:func:`parse_references` (one string: :func:`parse_reference`; a document's
references: :func:`parse_raws`) is the entry point every caller uses. It runs
the trained CRF parser (:mod:`bibkaz.parse.crf`) and the style rules
(:mod:`bibkaz.parse.rules`) and keeps what :mod:`bibkaz.parse.gate` decides,
which bench/parse_gate.py measures. Bare links found in running text carry
nothing to parse: they become a web page (URL) or a DOI record.
"""

from __future__ import annotations

import re

from functools import lru_cache
from typing import Sequence

from bibkaz.model import CITED_BY_KEY, ParsedReference, RawReference, Record


@lru_cache(maxsize=1)
def _crf():
    from bibkaz.parse.crf import CrfParser

    return CrfParser.load()


#: References the CRF tags together (memory grows with the batch, speed does not).
CRF_BATCH = 1000


_GLUED_NUMBER = re.compile(r"^(\s*\[\d{1,4}\])(?=[^\s\]])")
#: A Wikipedia back-link letter glued to the first family name ("bHull, David L.;", "eVrba,
#: Elisabeth S."): one lower-case letter before a capitalised name and its comma.
_GLUED_LETTER = re.compile(r"^\s*[a-z](?=[A-Z][a-z’'-]{2,},)")


#: An HTML character reference left in converted text ("&mdash;", "&iacute;", "&#8211;"), with its
#: semicolon (a bare "&T" of "AT&T" is none).
_ENTITY = re.compile(r"&(?:[A-Za-z]{2,8}|#\d{2,6}|#[xX][0-9A-Fa-f]{2,5});")


def _unescaped(text: str) -> str:
    """``text`` with its HTML character references as the characters they stand for: Markdown
    and HTML converted to text keep them ("ISO/IEC 7816-5:2004 &mdash; Identification cards"),
    and a title or a name must not ("Quintana-Ort&iacute;")."""
    if "&" not in text:
        return text
    import html

    return _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)


def parse_reference(text: str) -> Record:
    """Parse one reference string into fields."""
    return parse_references([text])[0]


def parse_references(texts: Sequence[str]) -> list[Record]:
    """Parse many reference strings; the CRF tags them together, which is much
    faster per string than one at a time. Strings over
    :data:`bibkaz.limits.MAX_REFERENCE_CHARS` are parsed from their start only."""
    from bibkaz.limits import clip_reference
    from bibkaz.parse.gate import choose
    from bibkaz.parse.normalise.abbreviated_container import with_abbreviated_container
    from bibkaz.parse.normalise.cite_key import without_cite_key
    from bibkaz.parse.normalise.identifiers import join_broken_urls
    from bibkaz.parse.normalise.inline_links import links_to_end
    from bibkaz.parse.normalise.lead_in import agency_note, page_at, without_lead_in, without_what_for
    from bibkaz.parse.normalise.number_names import without_number_names
    from bibkaz.parse.normalise.preprint_server import with_preprint_server
    from bibkaz.parse.normalise.quotes import space_after_closing_quote
    from bibkaz.parse.normalise.signals import without_signal
    from bibkaz.parse.normalise.string_cite import first_authority
    from bibkaz.parse.rules import parse_rules  # imported here: `bibkaz parse` runs the CRF alone

    # A list number glued to the first name ("[1]F. Menga, …", as IEEE lists are often copied)
    # is a token of its own, as the model learnt it; a back-link letter glued to it goes.
    # A link target converted HTML left inside the reference goes to its end (inline_links);
    # a note's sentence leading into the citation, and what it says the citation is for, go (lead_in);
    # so does a citation key in front of a list entry ("[RFC4120] IETF, …": cite_key) and a note's signal
    # ("*See, e.g.*, …", "For example: …": signals), and the cases after a string cite's first
    # (string_cite); a closing quote glued to the next word gets its space back (quotes).
    texts = [_GLUED_LETTER.sub("", _GLUED_NUMBER.sub(r"\1 ", links_to_end(join_broken_urls(agency_note(page_at(
        without_what_for(without_lead_in(first_authority(without_signal(without_cite_key(space_after_closing_quote(_unescaped(
            clip_reference(t)))))))))))))) for t in texts]
    # In batches: the CRF's scores for a batch are held at once (17,000 references
    # of one document took 200 MB), and batches of this size are as fast per string.
    crf = [r for at in range(0, len(texts), CRF_BATCH) for r in _crf().parse_many(texts[at : at + CRF_BATCH])]
    # a document's number the model read as a name is no author (normalise/number_names); a preprint's
    # server is its container (normalise/preprint_server); so is an abbreviated container's first word the
    # title took (normalise/abbreviated_container)
    return [with_abbreviated_container(text, with_preprint_server(text, without_number_names(choose(
        text, record, parse_rules(text))))) for text, record in zip(texts, crf)]


_SMALL_WORDS = frozenset({"a", "an", "the", "of", "in", "on", "for", "and", "or", "to", "at", "by", "with", "from", "vs"})


def _title_like(words: str) -> bool:
    """Linked words set as a title: two words or more, every word but small ones capitalised
    ("Digital Government Strategy", "The FAFSA Simplification Act"), or in quotes."""
    if words[:1] in "\"“‘'" and words[-1:] in "\"”’'":
        return True
    tokens = [w.strip("\"“”‘’'()[],.:;") for w in words.split()]
    tokens = [w for w in tokens if w]
    if len(tokens) < 2:
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in _SMALL_WORDS for w in tokens[1:]) and tokens[0][0].isupper()


#: Linked words that are an author-date citation ("[Gale and Shapley (1962)](https://doi.org/…)",
#: "[Aguiar et al. (2020)](…)", "[Mischel & Ebbesen, 1970](…)"): the names and the year are all the words give.
_NAME_JOIN = r",?\sand\s|,\s|\s&\s"
_AUTHOR_DATE_WORDS = re.compile(
    rf"^(?P<names>[A-Z][\w’'-]{{1,40}}(?:(?:{_NAME_JOIN})[A-Z][\w’'-]{{1,40}}){{0,3}})(?P<etal>\set\.?\sal\.?)?"
    r",?\s\(?(?P<year>(?:1[6-9]|20)\d\d)[a-z]?\)?$"
)


#: Words before a year that make it a date, not a citation.
_NOT_NAMES = frozenset({
    "in", "by", "since", "from", "until", "before", "after", "circa", "during", "updated", "published", "the", "of",
    "spring", "summer", "fall", "autumn", "winter", "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december", "fy", "q1", "q2", "q3", "q4", "census", "year"})


def _author_date_record(words: str, url: str) -> Record | None:
    """The record of a link whose words are an author-date citation: its authors' family names (the first
    only where "et al." stands for the rest), its year, its address or DOI; None for other words."""
    from bibkaz.model import Name
    from bibkaz.parse.normalise.identifiers import doi_from_url

    m = _AUTHOR_DATE_WORDS.match(words.strip())
    if m is None:
        return None
    names = tuple(Name(family=n.strip()) for n in re.split(_NAME_JOIN, m.group("names")) if n.strip())
    if any(n.family.lower() in _NOT_NAMES for n in names):
        return None  # "In 2019", "Since 2010", "January 2020": a date's words
    doi = doi_from_url(url) if url else ""
    if doi:
        return Record(type="article-journal", authors=names, date=m.group("year"), doi=doi, confidence=1.0)
    return Record(type="webpage", authors=names, date=m.group("year"), url=url, confidence=1.0)


#: A reference that is one Markdown link, perhaps after a label ("Blog: ", or the body that
#: published it: "Danish Agency for Digitisation: ", or owns it: "From NASA’s ") and before what a dash or a
#: comma adds:
#: a description ("&#8211; blog post from …"): "[words](target)".
_MARKDOWN_LINK = re.compile(
    r"^\s*(?:(?P<label>[A-Z][\w ()’'&-]{0,80}?):\s*"
    r"|(?:(?:From|See) )?(?:the )?(?P<owner>[A-Z][\w&.-]*(?: (?:[A-Z][\w&.-]*|of|for|and|on|the)){0,7})[’']s )?"  # "From NASA’s [Title](…)"
    r"\[(?P<words>[^\[\]]{2,300})\]\((?P<url>(?:https?://|/)[^\s()]+)\)"
    r"(?:\s*\[\[PDF\]\]\([^\s()]+\)|\s*\[\[PDF\]\([^\s()]+\)\])?"  # a PDF copy's link beside the page's
    r"(?:\s*(?:&#\d+;?|[–—-]|(?P<comma>,))\s*(?P<after>.*)|\s+\((?P<bracket>[^()]{2,80})\))?\s*[.,;]?\s*$"
)


#: A file's kind (and size) the linked words end with: " (PDF)", " (PDF – 7 pages, 944 KB)", " [PDF]".
_FILE_KIND = re.compile(r"\s*[\[(](?:PDF|pdf|DOCX?|docx?|XLSX?|xlsx?)\b[^\[\]()]{0,40}[\])]$")


#: A reference-style Markdown link and what follows it in bars: "[Title][part2] | Author: X | Aug. 2024".
_REFERENCE_LINK_BARS = re.compile(r"^\s*\[(?P<words>[^\[\]]{2,300})\]\[[^\[\]]{0,60}\](?P<rest>(?:\s*\|[^|]+)+?)\s*[.,;]?\s*$")


def _page_title_record(words: str, url: str) -> Record | None:
    """A page cited by its site's own title, by-line and date in bars (normalise/page_title)."""
    from bibkaz.parse.normalise.names import parse_names
    from bibkaz.parse.normalise.page_title import split_page_title

    page = split_page_title(words)
    if page is None:
        return None
    return Record(type="post-weblog", title=page.title, authors=parse_names(page.author), date=page.date,
                  container_title=page.site, url=url, confidence=1.0)


#: Linked words that are a year alone ("[1959](…)", "[(2021)](…)").
_YEAR_ALONE = re.compile(r"\(?(?:1[6-9]|20)\d\d\)?")
#: A label's closing bracket that dates it: "SCI for AI Specification (ratified December 2024)".
_LABEL_DATE = re.compile(r"\s*\([^()]*?\b((?:1[6-9]|20)\d\d)\)\s*$")


def _label_title(label: str) -> tuple[str, str]:
    """(title, year) of a label that names a linked address: the year its closing bracket gives
    goes to the date."""
    m = _LABEL_DATE.search(label)
    if m:
        return label[: m.start()].strip(), m.group(1)
    return label.strip(), ""


def _link_record(reference: RawReference) -> Record | None:
    """The record of a reference that is only a link (nothing to parse), else None.

    A bare link in running text, and a note or list entry that is only a URL or
    a DOI, is a web page (or the DOI's work): a reference of its own, complete
    as far as it goes, not a malformed one to review.
    """
    from bibkaz.parse.normalise.identifiers import DOI_RE, URL_RE, clean_doi, clean_url, doi_from_url
    from bibkaz.parse.normalise.text import clean_field

    if reference.kind == "inline-url":
        return Record(type="webpage", url=reference.text, confidence=1.0)
    if reference.kind == "inline-doi":
        return Record(type="article-journal", doi=reference.text, confidence=1.0)
    if reference.kind == "citation-key":  # "@lee2020": its reference is in a bibliography file beside the source
        return Record(type="document", note=f"{CITED_BY_KEY}{reference.text.lstrip('@')}; the reference is in the "
                      "document's bibliography file", confidence=0.5)
    if reference.kind == "inline-case":  # a case named in the text: its name is all there is
        return Record(type="legal_case", title=reference.text, confidence=1.0)
    if reference.kind == "inline-link":  # "linked words <url>"
        words, _, url = reference.text.rpartition(" <")
        url = url.rstrip(">")
        cited = _author_date_record(words, url)
        if cited is not None:
            return cited
        if _YEAR_ALONE.fullmatch(words.strip()):
            # "Russell & Burch,[1959](…)": an author-date citation whose year is the linked word (its
            # DOI when the link is one, as for any linked words)
            year, doi = words.strip().strip("()"), doi_from_url(url)
            if doi:
                return Record(type="article-journal", date=year, doi=doi, confidence=1.0)
            return Record(type="webpage", date=year, url=url, confidence=1.0)
        # Words set as a title ("the Digital Government Strategy") name the page; words of the
        # sentence that carry the link ("AI is already in use") describe it: a note, not a title.
        title, note = (words, "") if _title_like(words) else ("", f"linked as “{words}”")
        doi = doi_from_url(url)
        if doi:
            return Record(type="article-journal", title=title, doi=doi, note=note, confidence=1.0)
        return Record(type="webpage", title=title, url=url, note=note, confidence=1.0)
    # matched on the text with its spaces run together: the pattern's spaces around the tail would
    # otherwise backtrack for seconds over a long run of them
    md = _MARKDOWN_LINK.match(" ".join(reference.text.split()))
    if md and not md.group("label") and not md.group("owner") and not md.group("after") and not md.group("bracket"):
        cited = _author_date_record(md.group("words"), md.group("url"))
        if cited is not None:
            return cited
    bars = None if md else _REFERENCE_LINK_BARS.match(reference.text)
    if bars:  # "[Title][ref] | Author: X | Aug. 2024"
        page = _page_title_record(bars.group("words") + bars.group("rest"), "")
        if page is not None:
            return page
    if md and not doi_from_url(md.group("url")):  # "[Title | by X | Nov, 2022 | Medium](https://…)"
        page = _page_title_record(md.group("words"), md.group("url"))
        if page is not None:
            return page
    if md:  # "[Title](https://…)", "Blog: [Title](/blog/…)": the linked words name the page
        from dataclasses import replace

        from bibkaz.model import Name
        from bibkaz.parse.normalise.link_description import bracketed, described
        from bibkaz.parse.normalise.names import looks_like_organisation

        url, doi = md.group("url"), doi_from_url(md.group("url"))
        # "[North Slope Regional Energy Plan (PDF)](…)": the file's kind is the link's, not the title's
        title = _FILE_KIND.sub("", md.group("words"))
        note = clean_field(md.group("after") or "")
        owner = md.group("label") or md.group("owner")
        named = ""
        if URL_RE.fullmatch(title.strip()) or clean_url(title.strip()).rstrip("/") == url.rstrip("/"):
            # "SCI GitHub Repository: [https://github.com/…](https://github.com/…)": linked words that are the
            # address itself are no title; the label before them names the page
            title, owner = "", None
            if md.group("label"):
                title, named = _label_title(md.group("label"))
        # "… - article by Richard Pope on [Site](…) (May 2021)": the description's author, site and date
        about = described(md.group("after") or "", listed=bool(md.group("comma")))
        if md.group("bracket"):  # "[Title](…) (Santa Clara Law Review)": where it appeared, or when
            about = bracketed(md.group("bracket"))
            note = "" if about.date or about.site or about.authors else clean_field(md.group("bracket"))
        if named and not about.date:
            about = replace(about, date=named)
        if owner and not about.authors and looks_like_organisation(owner):
            # "Danish Agency for Digitisation: [Guidance …](…)", "From NASA’s [Title](…)": the body before
            # the link published it (a label such as "Blog: " names no body)
            about = replace(about, authors=(Name(literal=owner.strip()),))
        if doi:
            return Record(type="article-journal", title=title, doi=doi, note=note, authors=about.authors,
                          date=about.date, confidence=1.0)
        return Record(type="webpage", title=title, url=url, note=note, authors=about.authors,
                      container_title=about.site, date=about.date, confidence=1.0)
    text = reference.text.strip().strip("<>").rstrip(".,;").strip("<>")
    if not text or any(c.isspace() for c in text):
        return None
    if URL_RE.fullmatch(text):
        url = clean_url(text)
        doi = doi_from_url(url)
        return Record(type="article-journal", doi=doi, confidence=1.0) if doi else Record(type="webpage", url=url, confidence=1.0)
    if DOI_RE.fullmatch(text):
        return Record(type="article-journal", doi=clean_doi(text), confidence=1.0)
    return None


def parse_raws(references: Sequence[RawReference]) -> list[ParsedReference]:
    """Parse a document's RawReferences together (see parse_references), using
    what each one's kind already tells us."""
    from bibkaz.parse.gate import pdf_no_page
    from bibkaz.parse.normalise.url_date import with_url_date

    links = [_link_record(r) for r in references]
    # dated from the address first (a PDF's address dates it as a page's does), then typed
    links = [pdf_no_page(with_url_date(link)) if link is not None else None for link in links]
    texts = [r.text for r, link in zip(references, links) if link is None]
    parsed = iter(parse_references(texts))
    return [ParsedReference(r, link if link is not None else next(parsed)) for r, link in zip(references, links)]

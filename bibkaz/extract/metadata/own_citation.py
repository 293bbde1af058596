"""The document's own suggested citation, printed in a running footer or on its first page.

Journal PDFs and drafts print "Cushman et al., (2021). eyecite: A tool for …
Journal of Open Source Software, …" at the foot of each page; ACM papers print
"… and Nicholas Weber. 2023. NSF-Soft-Search: …" as their Reference Format. When such a line
carries the title found at the top, its year and journal belong to the document.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from bibkaz.extract.metadata.fold import lines_holding
from bibkaz.extract.metadata.found import Found

#: "Cushman et al., (2021). Title …" (JOSS footers) or "… Nicholas Weber. 2023. Title …" (the ACM Reference
#: Format paragraph of a conference paper's first page: authors, year and title each closed by a full stop).
_CITATION = re.compile(r"(?:\((?P<year>(?:19|20)\d\d)\)\.?|(?:^|[a-z]\.\s)(?P<year2>(?:19|20)\d\d)\.)\s+(?P<rest>.+)$")


_FIRST_PAGE = 80  # lines


def _words(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


def _key(m: re.Match[str]) -> str:
    return " ".join(m.group(0).split())[:60]


def _citation_counts(lines: list[str]) -> Counter[str]:
    """How many lines print each citation (by its first 60 characters, spaces folded)."""
    counts: Counter[str] = Counter()
    for line in lines:
        m = _CITATION.search(line) if "19" in line or "20" in line else None  # a citation holds its year
        if m:
            counts[_key(m)] += 1
    return counts


_PAGE_END = re.compile(r"\s+\d{1,3}$")  # a page number printed at the end of a footer line
_PAGE_ONLY = re.compile(r"\d{1,3}")  # nothing after the title but the page number
_PAGE_BREAK_REACH = 200  # lines: a first page longer than this is no page a converter marked


def _first_page_end(lines: list[str]) -> int:
    """Where the first page ends: the line of the first form feed a PDF conversion keeps between
    pages (a draft's first page, its line numbers on lines of their own, runs past 80 lines), or
    :data:`_FIRST_PAGE` when none stands near the top."""
    return next((i for i, line in enumerate(lines[:_PAGE_BREAK_REACH]) if "\f" in line), _FIRST_PAGE)


@dataclass(frozen=True)
class OwnCitation:
    """Year and container of the document's own citation line, and the publisher it names after a place
    ("… Berlin: Language Science Press. DOI: …")."""

    year: Found[str]
    container: Found[str] | None
    publisher: Found[str] | None = None


_PARAGRAPH_LINES = 5  # lines a first page's citation paragraph runs over
#: A chapter's book in its own citation: "In Rik van Gijn, … & Anja Hasse (eds.), Language contact: Bridging the gap
#: …, 135–177." (the editors, then the book up to its pages).
_IN_BOOK = re.compile(r"^In .{3,300}?\((?:eds?|Hrsg|dir|coords?)\.?\),\s(?P<book>[A-Z].{3,200}?),\s(?:pp?\.\s?)?\d+[–-]\d+\.")
#: The place and publisher a citation closes with: "Berlin: Language Science Press." (the publisher's name, then a
#: full stop and the DOI or the end).
_PLACE_PUBLISHER = re.compile(r"(?:^|\.\s)[A-Z][\w .,'’-]{1,40}?:\s(?P<publisher>[A-Z][\w&'’ -]{2,60}?)\.(?:\s|$)")


def _in_book(paragraph: str, title: str) -> str:
    """What a citation paragraph says after the title when it goes on with "In …" (a chapter's book), else ""."""
    m = _CITATION.search(paragraph)
    rest = m.group("rest") if m else ""
    cut = rest.find(". ", max(0, len(title) - 5))
    return rest[cut + 2 :] if cut > 0 and rest[cut + 2 :].startswith("In ") else ""


def _paragraph(lines: list[str], i: int) -> str:
    """Line ``i`` with the lines under it up to a blank line (a few at most), words broken at a line's end by a
    hyphen mended ("contact dialec-" / "tology"): a citation set as a paragraph on the first page."""
    parts = [lines[i].strip()]
    for k in range(i + 1, min(len(lines), i + _PARAGRAPH_LINES)):
        s = lines[k].strip()
        if not s:
            break
        parts.append(s)
    text = parts[0]
    for part in parts[1:]:
        text = text[:-1] + part if re.search(r"[a-z]-$", text) and part[:1].islower() else f"{text} {part}"
    return text


def own_citation(lines: list[str], title: str) -> OwnCitation | None:
    """The footer citation of the document whose title is ``title``, if printed."""
    want = _words(title)
    if len(want) < 12:
        return None
    printed: Counter[str] | None = None
    first_page: int | None = None
    # the longest of the first half of the words compared: a line citing the title holds it (a word further on may
    # stand broken at the line's end, "contact dialec-" / "tology")
    words = want[:40].split()
    key_word = max(words[: max(1, (len(words) + 1) // 2)], key=len)
    low = "\n".join(lines).lower()
    if key_word not in low:
        return None  # no line holds it (one look at the whole text before a look at each line)
    for i in lines_holding(lines, (key_word,), lowered=low):
        line = lines[i]
        m = _CITATION.search(line)
        whole = _paragraph(lines, i) if m and i < _FIRST_PAGE and lines[i + 1 : i + 2] and lines[i + 1].strip() else ""
        if m and whole and not _words(m.group("rest")).startswith(want[:40]):
            m = _CITATION.search(whole)  # a first page's citation paragraph, its title broken over lines
        if not m or not _words(m.group("rest")).startswith(want[:40]):
            continue
        if i >= _FIRST_PAGE and first_page is None:
            first_page = _first_page_end(lines)
        if i >= _FIRST_PAGE and i >= first_page:  # type: ignore[operator]
            # past the first page only a running footer (printed on every page, its page number aside)
            # cites the document itself; a citation printed once there is a cited work. The citations
            # are counted once for the whole document (looking for each in every line was quadratic:
            # a 10 MB file of reference lines took minutes).
            printed = printed if printed is not None else _citation_counts(lines)
            if printed[_key(m)] < 2:
                continue
        if len(want) < 40 and _words(re.split(r"[.?!]\s", m.group("rest"), maxsplit=1)[0]) != want:
            continue  # a short title must be the whole title cited ("Standardization" is not "Standardization and …")
        rest = m.group("rest")
        # the title ends at the first ". " after its own length; the container follows
        cut = rest.find(". ", max(0, len(title) - 5))
        container = publisher = None
        tail = _in_book(whole, title) if whole else ""
        if tail or cut > 0 and rest[cut + 2 :].startswith("In "):
            # a chapter's citation: its book after the editors, its publisher after the place (the paragraph read
            # whole: the citation runs over the lines under it)
            tail = tail or rest[cut + 2 :]
            book = _IN_BOOK.match(tail)
            container = Found(" ".join(book.group("book").split()), i + 1) if book else None
            press = _PLACE_PUBLISHER.search(tail)
            publisher = Found(press.group("publisher").strip(), i + 1) if press else None
        elif cut > 0:
            after = rest[cut + 2 :]
            if _PAGE_ONLY.fullmatch(after.strip()) and i + 1 < len(lines):
                # "… Common Data Model. 1" / "Journal of Open Source Software, 10 (113), 8178.": a long title fills
                # the footer's first line, its page number at the end, and the journal opens the next
                after = lines[i + 1].strip()
            elif "," not in after and _PAGE_END.search(after) and i + 1 < len(lines):
                # "… Datasets. Journal of Open Source 1" / "Software, ¿VOL? …": the footer wraps inside the
                # journal's name, its page number at the first line's end
                after = f"{_PAGE_END.sub('', after)} {lines[i + 1].strip()}"
            name = re.split(r",|\s\d|\s¿|\s\[|\shttps?:", after, maxsplit=1)[0].strip(" .")  # ("Zenodo. [https://…](…)")
            name = name[3:] if name.startswith("In ") else name  # "In Proceedings of …": the container, not "In"
            # a name cut short at a figure or the line's end ("Proceedings of the" / "2025 ACM …") is no container
            if (2 <= len(name.split()) <= 10 and name[:1].isupper()
                    and name.split()[-1].lower() not in ("of", "the", "and", "for", "on", "in", "to")):
                container = Found(name, i + 1)
        return OwnCitation(Found(m.group("year") or m.group("year2"), i + 1), container, publisher)
    return None


#: The label a report or paper prints over the citation it asks for ("Recommended citation:", "Suggested
#: Citation", "CITATION" on a journal's first page, "Cite this article: Vuorre M, Przybylski AK. 2023", "Attribution—Please
#: cite the work as follows: Haklay, M., …";
#: German, French and Spanish pages' "Zitieren", "Zitiervorschlag", "Pour citer", "Cómo citar"):
#: the citation follows on the same line or under it.
_ASKED = re.compile(r"^(?:[A-Za-z]{1,20}\s?[—–-]\s?)?(?:(?:recommended|suggested|preferred) citation|"
                    r"please cite (?:this|the) (?:work|report|paper|document|article|publication|chapter)(?: as(?: follows)?)?|"
                    r"how to cite(?: this (?:work|report|paper|document|article))?|cite as|citation|"
                    r"cite this (?:article|paper|report|chapter|work|document|publication)(?: as)?|"
                    r"zitieren|zitiervorschlag|zitierweise|pour citer(?: ce (?:document|rapport|article))?|c[oó]mo citar|citar como)"
                    r"\s?[:.]?(?:\s(?P<rest>\S.*))?$", re.I)
#: Where a citation's lines run on into the page's licence or copyright notice ("… (doi: …) Copyright: © 2013 …").
_LICENCE = re.compile(r"\s(?:Copyright\b|©|License:|Licence:|This is an open access)")
#: Markdown emphasis and heading marks, taken off a line before :data:`_ASKED` reads it ("**Suggested citation:**").
_MARKUP = re.compile(r"[*_#]+")
_ASKED_WORDS = ("citation", "cite", "zitier", "citer", "citar")
_ASKED_REACH = 150  # lines: a report's imprint page or a paper's first page
_CITATION_LINES = 6  # a citation asked for runs over this many lines at most


@dataclass(frozen=True)
class AskedCitation:
    """The citation a document asks to be cited by (its text as one line, where it stands)."""

    text: str
    start: int  # 0-based index of its first line
    end: int  # 0-based index of its last line


def asked_citation(lines: list[str]) -> AskedCitation | None:
    """The citation the document prints under a "Recommended citation" label on its first pages: the label's
    own line's rest and the lines under it up to a blank line that follows text (or a few lines), page
    columns and margin numbers set apart. None when no such label stands there or nothing follows it."""
    for i in lines_holding(lines[:_ASKED_REACH], _ASKED_WORDS):
        m = _ASKED.match(_MARKUP.sub("", lines[i]).strip())
        if not m:
            continue
        parts = [m.group("rest")] if m.group("rest") else []
        start = i if parts else i + 1
        j = i + 1
        while j < min(len(lines), i + 1 + _CITATION_LINES + 1) and len(parts) < _CITATION_LINES:
            s = re.split(r"\s{3,}", lines[j].strip())[0] if lines[j].strip() else ""
            if not s:
                if parts:
                    break
                start = j + 1
            else:
                parts.append(s)
            j += 1
        text = _LICENCE.split(" ".join(" ".join(parts).split()), maxsplit=1)[0]
        if len(text.split()) >= 5 and re.search(r"(?:19|20)\d\d", text):
            return AskedCitation(text, start, j - 1)
    return None

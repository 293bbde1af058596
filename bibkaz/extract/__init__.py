"""The extract stage: a Document in, its references and in-text citations out.

:func:`find` locates everything in one document — its own record, footnotes,
endnote and reference lists, note calls, author-date citations, bare links —
and links every numbered call to its note. Author-date citations can only be
linked once reference strings are parsed (we need each entry's authors and
year), so :func:`link_author_date` finishes the job after the parse stage.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

from bibkaz.extract.author_date import AuthorDate, find_author_date, note_citation
from bibkaz.extract.calls import Call, bracket_calls, glued_calls, superscript_calls
from bibkaz.extract.inline_links import find_hyperlinks, find_links, page_of
from bibkaz.extract.metadata import find_own
from bibkaz.extract.metadata.front_matter import read_front_matter
from bibkaz.extract.report_citations import find_report_citations
from bibkaz.extract.source_lines import find_source_parts
from bibkaz.extract.notes import NoteKind, classify_note, repeat_of, short_note_matches
from bibkaz.extract.text import paragraphs
from bibkaz.extract.finder.model import finder
from bibkaz.extract.legal_cases import find_case_names
from bibkaz.extract.linker import link_author_date
from bibkaz.extract.zones import Entry, read_zones
from bibkaz.limits import MAX_WORKS_PER_CALL
from bibkaz.model import Document, Mention, RawReference

__all__ = ["find", "link_author_date"]


Target = tuple[str, RawReference, str]
#: Non-blank lines at the top of a document where its own title, byline and address stand.
_TITLE_BLOCK = 15


@dataclass
class _Notes:
    """What the notes (or numbered entries) of a document give: works, and what each number points at.

    A target is (mention kind, reference, locator): "note" for a full note,
    "ibid"/"short-note" for Chicago subsequent notes pointing at an earlier one.
    A note that is only an author-date citation ("Kay, 2012, p. 23.") points
    into the reference list instead: its calls become author-date citations.
    """

    refs: list[RawReference] = field(default_factory=list)
    targets: dict[int, list[Target]] = field(default_factory=dict)
    comments: list[str] = field(default_factory=list)
    author_date: dict[int, str] = field(default_factory=dict)


def _note_targets(doc_id: str, kind: str, entries: list[Entry]) -> _Notes:
    """RawReferences for note entries, and what each note number points at."""
    out = _Notes()
    refs, targets, comments = out.refs, out.targets, out.comments
    previous: list[RawReference] = []
    for entry in entries:
        label = int(entry.label)
        if kind != "reference-list" and note_citation(entry.text, entry.line, ""):
            out.author_date[label] = entry.text
            continue
        # A numbered reference-list entry is one work; a note may be anything (notes.py).
        note = classify_note(entry.text) if kind != "reference-list" else NoteKind("references", (entry.text,))
        if note.kind == "ibid" and previous:
            targets[label] = [("ibid", previous[-1], note.locator)]
            continue
        if note.kind == "short":
            earlier = [r for r in refs if short_note_matches(note.author, note.title, r.text)]
            if earlier:
                targets[label] = [("short-note", earlier[-1], note.locator)]
                previous = [earlier[-1]]
                continue
        if note.kind == "comment":
            comments.append(entry.label)
            continue
        parts = note.parts or (entry.text,)
        hits: list[Target] = []
        mine: list[RawReference] = []
        for part in parts:
            earlier = repeat_of(part, [r.text for r in refs]) if kind != "reference-list" else None
            if earlier is not None:
                hits.append(("short-note", refs[earlier], ""))
                mine.append(refs[earlier])
                continue
            ref = RawReference(doc_id, kind, part, entry.line, entry.end_line, entry.label)
            refs.append(ref)
            mine.append(ref)
            hits.append(("note", ref, ""))
        targets[label] = hits
        previous = mine
    return out


def _call_mentions(doc_id: str, calls: list[Call], notes: _Notes, numeric: bool) -> tuple[list[Mention], list[AuthorDate]]:
    """Mentions for numbered calls; calls of author-date notes become author-date citations."""
    out = []
    cited: list[AuthorDate] = []
    targets, comments = notes.targets, set(notes.comments)
    for call in calls:
        if call.label in notes.author_date:
            citation = note_citation(notes.author_date[call.label], call.line, call.sentence)
            if citation is not None:
                cited.append(citation)
                continue
        hits = targets.get(call.label)
        if not hits:
            reason = (
                f"note {call.label} is a comment, not a reference" if str(call.label) in comments
                else f"no note or reference entry numbered {call.label}"
            )
            out.append(Mention(doc_id, "numeric" if numeric else "note", call.marker, call.line, marker=str(call.label),
                               sentence=call.sentence, reason=reason))
            continue
        for kind, ref, locator in hits[:MAX_WORKS_PER_CALL]:
            mention_kind = kind if kind != "note" else ("numeric" if numeric else "note")
            out.append(Mention(doc_id, mention_kind, call.marker, call.line, marker=str(call.label), locator=locator,
                               sentence=call.sentence, reference=ref))
    return out, cited


def _site(url: str) -> str:
    """The registered domain of an address: the site its owner runs ("https://coe.gsa.gov/x" → "gsa.gov",
    "https://www.ons.gov.uk/y" → "ons.gov.uk")."""
    labels = urlsplit(url if "://" in url else "http://" + url).hostname or ""
    parts = labels.lower().split(".")
    keep = 3 if len(parts) >= 3 and len(parts[-1]) == 2 and parts[-2] in _SECOND_LEVEL else 2
    return ".".join(parts[-keep:])


#: Second-level labels under a country's domain that are not a site of their own ("gov.uk", "co.jp").
_SECOND_LEVEL = frozenset({"ac", "co", "com", "edu", "gov", "govt", "net", "org", "nic", "go", "or", "ne", "gv"})


def find(document: Document) -> tuple[Document, list[RawReference], list[Mention], list[AuthorDate]]:
    """Everything in one document; author-date citations come back unlinked."""
    lines = document.lines
    found_lines, labels = finder().label(lines)
    zones = read_zones(found_lines, labels)
    numbered = [e for e in zones.references if e.label]
    notes = _note_targets(document.id, "reference-list", numbered)
    refs = notes.refs
    unnumbered = [e for e in zones.references if not e.label]
    refs.extend(RawReference(document.id, "reference-list", e.text, e.line, e.end_line) for e in unnumbered)
    own_notes = _note_targets(document.id, "footnote" if zones.footnotes else "endnote", list(zones.notes))
    refs.extend(own_notes.refs)
    for label, hit in own_notes.targets.items():
        notes.targets.setdefault(label, hit)
    notes.comments.extend(own_notes.comments)
    notes.author_date.update(own_notes.author_date)

    # A Markdown page's front matter (and the <meta> tags the HTML reader hands on as one) is
    # the page's own record, not its running text: no call, citation or cited link stands there.
    after_front = read_front_matter(lines)[1]
    body = paragraphs(lines, {n for n in zones.body_lines if n > after_front})
    calls = superscript_calls(body) + bracket_calls(body)
    if not calls and (zones.notes or not unnumbered):
        # Numbers glued to the word they follow ("(GPRA)1") are calls only when notes are there to
        # be called (or no list of unnumbered entries makes every glued number a year or a count).
        calls = glued_calls(body)
    calls.sort(key=lambda c: c.line)
    mentions, note_citations = _call_mentions(document.id, calls, notes, numeric=bool(numbered))

    formal = bool(refs)  # notes or list entries: the document cites formally
    # Bare links in the body are references of their own, unless a reference already carries them,
    # or the link is the document's own address (alone on a line of the title block) or another
    # page of its own site (navigation, the footer's "Retrieved from" line): the site is the host of
    # the address the document's own record names.
    own_found = find_own(lines)
    own = own_found.record if own_found is not None else None
    own_site = _site(own.url) if own is not None and own.url else ""
    own_number = own_found.number.lower() if own_found is not None else ""
    # A link standing alone on two lines or more is a running head or footer, not a citation, and
    # so is a site's home page alone on its line (a source named in a sentence is kept).
    carried = " ".join(r.text for r in refs).lower()
    title_block = {line.number for line in found_lines[:_TITLE_BLOCK]}
    alone = Counter(line.stripped.strip("<>").lower() for line in found_lines)
    linked: dict[str, RawReference] = {}  # the reference of each page linked so far
    for link in find_links(body):
        head = lines[link.line - 1].strip()
        if link.line in title_block and (head.strip("<>") == link.value or link.kind == "inline-doi" and len(head.split()) <= 12):
            continue  # the document's own address, or the DOI a paper prints on a line of its head
        if own_number and own_number in link.value.lower():
            continue  # the address of the document itself ("…/getrpt?GAO-06-1046")
        if alone[link.value.lower()] > 1 or alone[link.value.lower().rstrip("/")] > 1:
            continue
        if not urlsplit(link.value).path.strip("/") and lines[link.line - 1].strip().strip("<>") == link.value:
            continue
        if own_site and _site(link.value) == own_site:
            continue
        if zones.references and urlsplit(link.value).path.strip("/").count("/") < 1:
            continue  # beside a reference list, a site's home or section is a tool or service named, not a work
        if link.value.lower() not in carried and page_of(link.value) not in linked:
            ref = linked[page_of(link.value)] = RawReference(document.id, link.kind, link.value, link.line, link.line)
            refs.append(ref)
            mentions.append(Mention(document.id, "link", link.value, link.line, marker=link.value, reference=ref))
    # Words linked to another site's page cite it, as a blog post cites its sources, when the document
    # cites in no other way: beside notes or a reference list, links are the reader's navigation.
    for link in [] if formal else find_hyperlinks(body):
        page = page_of(link.url)
        if own_site and _site(link.url) == own_site or (page not in linked and page in carried):
            continue
        ref = linked.get(page)
        if ref is None:
            ref = linked[page] = RawReference(document.id, "inline-link", f"{link.words} <{link.url}>", link.line, link.line)
            refs.append(ref)
        mentions.append(Mention(document.id, "link", link.words, link.line, marker=link.url,
                                sentence=link.sentence, reference=ref))
    # So is each work a table's or figure's "Source:" line names.
    for part in find_source_parts(lines, {n for n in zones.body_lines if n > after_front}):
        if part.text.lower().rstrip(".") not in carried:
            refs.append(RawReference(document.id, "source-line", part.text, part.line, part.line))
    # So is a court case named in the text; each place it is named cites it.
    cases: dict[str, RawReference] = {}
    for case in find_case_names(body):
        ref = cases.get(case.name)
        if ref is None and case.name.lower() not in carried:
            ref = cases[case.name] = RawReference(document.id, "inline-case", case.name, case.line, case.line)
            refs.append(ref)
        if ref is not None:
            mentions.append(Mention(document.id, "case", case.marker, case.line, marker=case.marker,
                                    sentence=case.sentence, reference=ref))
    # So are reports cited by their number in the running text ("see CRS Report R47447, Title").
    for report in find_report_citations(body):
        if report.number.lower() not in carried:
            refs.append(RawReference(document.id, "inline-report", report.text, report.line, report.line))
    author_date = find_author_date(body) + note_citations
    return replace(document, meta=own), refs, mentions, author_date

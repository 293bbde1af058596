"""The extract stage: a Document in, its references and in-text citations out.

:func:`find` locates everything in one document — its own record, footnotes,
endnote and reference lists, note calls, author-date citations, and the works
the running text cites by itself (links, reports, "Source:" lines, cases:
:mod:`bibkaz.extract.in_text`) — and links every numbered call to its note. Author-date citations can only be
linked once reference strings are parsed (we need each entry's authors and
year), so :func:`link_author_date` finishes the job after the parse stage.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace

from bibkaz.extract.author_date import PLACE_ONLY, AuthorDate, find_author_date, note_citation
from bibkaz.extract.calls import Call, bracket_calls, glued_calls, markdown_calls, paren_calls, superscript_calls
from bibkaz.extract.columns import unfold_columns
from bibkaz.extract.in_text import Setting, bracket_key, in_text_sources, registered_domain
from bibkaz.extract.inline_links import page_of
from bibkaz.extract.margin_numbers import without_margin_numbers
from bibkaz.extract.markdown_notes import number_named_footnotes
from bibkaz.extract.metadata import find_own
from bibkaz.extract.metadata.front_matter import read_front_matter
from bibkaz.extract.notes import (REPEAT_WINDOW, NoteKind, classify_note, is_personal_communication, named_works,
                                  note_pointed_at, repeat_of, report_numbers, short_note_matches)
from bibkaz.extract.text import Paragraph, paragraphs
from bibkaz.extract.report_citations import split_at_reports
from bibkaz.extract.citation_keys import cites_by_key, keys_in
from bibkaz.extract.finder.lines import Line
from bibkaz.extract.finder.model import finder
from bibkaz.extract.linker import link_author_date
from bibkaz.extract.structure import carries_structure, structured_calls, structured_zones
from bibkaz.extract.zones import Entry, Zones, read_zones
from bibkaz.limits import MAX_CALLS, MAX_WORKS_PER_CALL
from bibkaz.model import Document, Mention, Problem, RawReference
from bibkaz.parse.normalise.identifiers import URL_RE, clean_url

__all__ = ["find", "link_author_date"]


Target = tuple[str, RawReference, str]


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
    #: A note beside a reference list that cites only as the running text does ("On this see Smith
    #: (2010); the data are from OECD (2015)."): its line and text, whose author-date citations its
    #: call makes (each note of that number, as ``placed`` keeps them).
    citing: dict[int, list[tuple[int, str]]] = field(default_factory=dict)
    #: A number used by more than one note (a report's appendices number their notes from 1 again):
    #: what each of its notes points at, with the note's line; a call goes to the first at or after it.
    placed: dict[int, list[tuple[int, list[Target]]]] = field(default_factory=dict)

    def hits_for(self, label: int, line: int) -> list[Target] | None:
        """What the call numbered ``label`` on ``line`` points at."""
        placed = self.placed.get(label)
        if not placed:
            return self.targets.get(label)
        return next((hits for note_line, hits in placed if note_line >= line), placed[-1][1])

    def citing_for(self, label: int, line: int) -> str:
        """The text of the note numbered ``label`` that cites into the list, for a call on ``line`` ("": none)."""
        notes = self.citing.get(label, [])
        return next((text for note_line, text in notes if note_line >= line), notes[-1][1] if notes else "")




def _opening_words(texts: list[str]) -> frozenset[str]:
    """The words the first 40 characters of ``texts`` hold (lower-cased, punctuation stripped): what
    entries open with, gathered once a document so that each short note is one set lookup."""
    return frozenset(w.strip(".,;:()[]\"'“”‘’") for t in texts for w in t[:40].lower().split())


def _opens_one(name: str, opening: frozenset[str]) -> bool:
    """Whether some entry opens with ``name``'s last word (a family name)."""
    words = name.lower().split()
    return bool(words) and words[-1].strip(".,;:") in opening


def _note_targets(doc_id: str, kind: str, entries: list[Entry], listed: bool = False,
                  beside: frozenset[str] = frozenset()) -> _Notes:
    """RawReferences for note entries, and what each note number points at.

    A note that reads as an author-date citation ("Kay, 2012, p. 23.") points into the reference
    list only when the document has one (``listed``): without a list it is a work of its own, read
    as "Name, Title Year" ("ITA, Budget Estimates Fiscal Year 2026, p. ITA-5."). So does a
    numbered entry of that shape when an unnumbered entry beside it opens with its first name
    (``beside``: MediaWiki's short notes "^ Sala 2001" above its Bibliography; without such an
    entry, "^ Verry and Timmons 1982" is the only trace of its work and stays one).
    """
    out = _Notes()
    refs, targets, comments = out.refs, out.targets, out.comments
    previous: list[RawReference] = []
    note_line: dict[int, int] = {}
    last = None
    for entry in entries:
        label = int(entry.label)
        if label in targets and label != last:
            # the number again after other notes: keep what its earlier note points at, by place (a
            # number twice in a row is one note the finder cut in two: the second stands for it)
            out.placed.setdefault(label, []).append((note_line[label], targets.pop(label)))
        note_line[label], last = entry.line, label
        citation = note_citation(entry.text, entry.line, "") if listed else None
        if citation is not None and (kind != "reference-list" or PLACE_ONLY.fullmatch(citation.locator)
                                     and _opens_one(citation.names[0], beside)):
            out.author_date[label] = entry.text
            continue
        # A numbered reference-list entry is one work (or a list of numbered reports) unless it records a
        # personal communication (a web page's notes read as a numbered list); a note may be anything (notes.py).
        note = classify_note(entry.text) if kind != "reference-list" else _listed_entry(entry.text)
        if note.kind == "ibid" and previous:
            targets[label] = [("ibid", previous[-1], note.locator)]
            continue
        if note.kind == "see-note":
            # what the earlier note it names cites (a later or unknown note: nothing)
            other = int(note.locator)
            pointed = [("short-note", ref, "") for _, ref, _ in targets.get(other, [])] if other < label else []
            if pointed:
                targets[label] = pointed
                previous = [ref for _, ref, _ in pointed]
            else:
                comments.append(entry.label)
            continue
        if note.kind == "short":
            # the nearest earlier full note that names the work (REPEAT_WINDOW of them: linear in notes)
            earlier = next((r for r in reversed(refs[-REPEAT_WINDOW:])
                            if short_note_matches(note.author, note.title, r.text)), None)
            if earlier is not None:
                targets[label] = [("short-note", earlier, note.locator)]
                previous = [earlier]
                continue
        named = _named(entry.text, refs) if kind != "reference-list" and refs else []
        if note.kind == "comment":
            if named:
                # a comment that quotes or points into works by the names their citations gave them
                targets[label] = [("short-note", refs[i], "") for i in named]
                previous = [refs[i] for i in named]
            else:
                comments.append(entry.label)
                if listed and kind != "reference-list":
                    out.citing.setdefault(label, []).append((entry.line, entry.text))
            continue
        parts = note.parts or (entry.text,)
        hits: list[Target] = []
        mine: list[RawReference] = []
        into_list = 0
        for part in parts:
            if listed and kind != "reference-list" and _cites_into_list(part):
                into_list += 1
                continue  # "Langacker (2000) and Prochazka & Vogl (2017).": the list's works, cited as the text cites them
            pointed = note_pointed_at(part) if kind != "reference-list" else None
            if pointed is not None:
                # "…, see supra note 16.": what note 16 cites (an earlier one), never a work of its own
                earlier_hits = targets.get(pointed, []) if pointed < label else []
                hits.extend(("short-note", ref, "") for _, ref, _ in earlier_hits)
                mine.extend(ref for _, ref, _ in earlier_hits)
                continue
            numbered = _listed_repeats(part, refs) if kind != "reference-list" else []
            if numbered:
                # "GAO-04-38, GAO-01-592, and GAO/GGD-96-118.": each number names a work cited before
                hits.extend(("short-note", refs[i], "") for i in numbered)
                mine.extend(refs[i] for i in numbered)
                continue
            earlier = repeat_of(part, [r.text for r in refs]) if kind != "reference-list" else None
            in_part = [i for i in _named(part, refs) if i != earlier] if named and _only_names(part) else []
            if earlier is not None or in_part:
                for i in ([earlier] if earlier is not None else []) + in_part:
                    hits.append(("short-note", refs[i], ""))
                    mine.append(refs[i])
                continue
            ref = RawReference(doc_id, kind, part, entry.line, entry.end_line, entry.label)
            refs.append(ref)
            mine.append(ref)
            hits.append(("note", ref, ""))
        if into_list == len(parts):
            comments.append(entry.label)  # a note whose parts all cite into the list (read by _in_notes)
            out.citing.setdefault(label, []).append((entry.line, entry.text))
            continue
        targets[label] = hits
        previous = mine
    for label, places in out.placed.items():
        if label in targets:
            places.append((note_line[label], targets[label]))
    return out


def _listed_entry(text: str) -> NoteKind:
    """What a numbered reference-list entry cites: its works, or none for a personal communication."""
    parts = tuple(part for part in split_at_reports(text) if not is_personal_communication(part))
    return NoteKind("references", parts) if parts else NoteKind("comment")


def _listed_repeats(part: str, refs: list[RawReference]) -> list[int]:
    """The earlier references a part of report numbers alone names, one each; [] unless every
    number names one (a number cited here first is a work of its own: the part stays whole)."""
    numbers = report_numbers(part)
    if not numbers:
        return []
    texts = [r.text for r in refs]
    found = [repeat_of(n, texts) for n in numbers]
    return [i for i in found if i is not None] if all(i is not None for i in found) else []


def _named(text: str, refs: list[RawReference]) -> list[int]:
    """The indices in ``refs`` of the works whose "hereinafter" names ``text`` uses (only the last
    REPEAT_WINDOW are looked at, so only they are handed over: linear in notes)."""
    start = max(0, len(refs) - REPEAT_WINDOW)
    return [start + i for i in named_works(text, [r.text for r in refs[start:]])]


def _cites_into_list(part: str) -> bool:
    """Whether a note's part (in a document with a reference list) cites only by author and date, as
    the running text does ("See Smith (2010) for a review; the data come from OECD (2015), table 3."),
    so that its works are the list's (its citations are read by :func:`_in_notes`). A part that gives
    a reference of its own ("Lee, A. (2022). Title …", a quoted title, an address, another year) is
    not such a part."""
    units = find_author_date(paragraphs([part]))
    if not units:
        return False
    rest = part
    for unit in units:
        at = rest.find(unit.text)
        if at < 0:
            return False
        after = at + len(unit.text)
        if _TITLE_AFTER_YEAR.match(rest, after):
            return False  # "Lee, A. (2022). Title", "Reiner, Markus (1943), Ten Lectures", "Smith J (2010) Title"
        rest = rest[:at] + " " + rest[at + len(unit.text):]
    return not (URL_RE.search(rest) or _QUOTED_TITLE.search(rest) or _YEAR_IN_PART.search(rest))


#: What follows the date of a reference that opens with its author and date: a stop, then its title, or
#: its title's capital right after the date or a comma.
_TITLE_AFTER_YEAR = re.compile(r"\)?(?:\s*[.:]\s+\S|,?\s+[A-Z\u00C0-\u024F])")


def _only_names(part: str) -> bool:
    """Whether a note's part cites nothing by itself (no address, quoted title or year of its own):
    then a "hereinafter" name inside it is what it cites ("Table 5-8 of EPA RIA and …")."""
    return not (URL_RE.search(part) or _QUOTED_TITLE.search(part) or _YEAR_IN_PART.search(part))


#: A title in quotation marks; a year.
_QUOTED_TITLE = re.compile(r"[“\"][^”\"]{8,300}[”\"]")
_YEAR_IN_PART = re.compile(r"\b(?:1[6-9]|20)\d\d\b")


def _call_mentions(doc_id: str, calls: list[Call], notes: _Notes, numeric: bool) -> tuple[list[Mention], list[AuthorDate]]:
    """Mentions for numbered calls; calls of author-date notes become author-date citations."""
    out = []
    cited: list[AuthorDate] = []
    comments = set(notes.comments)
    for call in calls:
        if call.label in notes.author_date:
            citation = note_citation(notes.author_date[call.label], call.line, call.sentence)
            if citation is not None:
                cited.append(citation)
                continue
        hits = notes.hits_for(call.label, call.line)
        citing = notes.citing_for(call.label, call.line) if not hits else ""
        if citing:
            # the call of a note that cites into the list makes the note's citations (its text also
            # stands at the note's lines, where _in_notes reads it)
            units = find_author_date(paragraphs([citing]))
            if units:
                cited.extend(replace(u, line=call.line, sentence=call.sentence) for u in units)
                continue
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
            out.append(Mention(doc_id, mention_kind, call.marker, call.line, marker=str(call.label),
                               locator=locator or call.locator, sentence=call.sentence, reference=ref))
    return out, cited


def _glued_wanted(calls: list[Call], notes: tuple[Entry, ...], unnumbered: bool) -> bool:
    """Whether to look for calls glued to words as well.

    A converted PDF loses the raise of its calls ("areas.5", a Vancouver paper's "blog1:"); a few
    calls kept as brackets or superscripts (a "[30]" inside a quoted box) must not hide the rest:
    with notes or numbered reference entries (``notes``: both), glued calls are read while the
    calls found so far name fewer than half of them.
    """
    if not calls:
        return bool(notes) or not unnumbered
    return len({c.label for c in calls}) * 2 < len(notes)


#: What one document holds: itself with its own record, its references, its mentions, its
#: author-date citations (still unlinked), and what could not be read in full (a limit reached).
Found = tuple[Document, list[RawReference], list[Mention], list[AuthorDate], list[Problem]]


def find(document: Document) -> Found:
    """Everything in one document; author-date citations come back unlinked.

    A text whose pages hold two columns side by side (a layout-keeping PDF conversion) is
    read column by column, and what is found is reported at the lines of the file as it is.
    A PDF read by bibkaz itself is already in reading order.
    """
    if document.origin:
        # lines the reader wrote away from their place are reported at the file line they stand for
        return _at_lines(_find(document), document.origin, document.text)
    if not document.pages:
        named = number_named_footnotes(document.text)
        if named is not None:
            # Markdown notes named "[^costs]": read as the rendered page numbers them, then named back
            return _named_back(find(replace(document, text=named.text)), named.names, document.text)
        numbered = without_margin_numbers(document.text)
        if numbered is not None:
            # a manuscript's line counter in a margin: read without it, line for line
            found = find(replace(document, text=numbered))
            return (replace(found[0], text=document.text),) + found[1:]  # type: ignore[return-value]
    unfolded = None if document.pages else unfold_columns(document.text)
    if unfolded is None:
        return _find(document)
    # the document's own record is read from the file as laid out (a date in a page's footer,
    # a title across both columns), so its lines need no mapping
    found = _find(replace(document, text=unfolded.text), own_lines=document.lines)
    return _at_lines(found, unfolded.origin, document.text)


def _named_back(found: Found, names: dict[int, str], text: str) -> Found:
    """``found`` with each numbered Markdown note given its name again: a note's label, a call's
    text ("[^costs]") and marker."""
    document, refs, mentions, author_date, problems = found

    def name(label: str) -> str:
        return names.get(int(label), label) if label.isdigit() else label

    renamed = {id(r): replace(r, label=name(r.label)) for r in refs if r.label and r.kind in ("footnote", "endnote")}

    def back(r: RawReference | None) -> RawReference | None:
        return None if r is None else renamed.get(id(r), r)

    mentions = [replace(m, text=f"[^{name(m.marker)}]", marker=name(m.marker), reference=back(m.reference))
                if m.text.startswith("[^") and m.marker.isdigit() else replace(m, reference=back(m.reference))
                for m in mentions]
    return (replace(document, text=text), [renamed.get(id(r), r) for r in refs], mentions, author_date, problems)


def _at_lines(found: Found, origin: tuple[int, ...], text: str) -> Found:
    """``found`` with every line number n of the unfolded text replaced by ``origin[n - 1]``
    (the own record's lines are the file's already)."""
    document, refs, mentions, author_date, problems = found

    def at(n: int) -> int:
        return origin[n - 1] if 0 < n <= len(origin) else n

    def move(r: RawReference) -> RawReference:
        return replace(r, line=at(r.line), end_line=max(at(r.line), at(r.end_line)) if r.end_line else 0)

    mentions = [replace(m, line=at(m.line), reference=move(m.reference) if m.reference is not None else None)
                for m in mentions]
    return (replace(document, text=text), [move(r) for r in refs], mentions,
            [replace(a, line=at(a.line)) for a in author_date], [replace(p, line=at(p.line)) for p in problems])


def _find(document: Document, own_lines: list[str] | None = None) -> Found:
    """Everything in ``document`` as its lines stand (``own_lines``: where to read its own record)."""
    lines = document.lines
    found_lines, labels = finder().label(lines)
    zones = read_zones(found_lines, labels)
    # notes the reader knew from the file's structure (Word's note parts, a page's note links) stand for the finder's
    structured = carries_structure(document, lines)
    if structured:
        zones = structured_zones(zones, document, lines)
    numbered = [e for e in zones.references if e.label]
    # a numbered entry that is only "Name Year, p. N" (MediaWiki's short notes above its Bibliography)
    # points into the unnumbered entries, as such a note does
    unnumbered = [e for e in zones.references if not e.label]
    notes = _note_targets(document.id, "reference-list", numbered, listed=bool(unnumbered),
                          beside=_opening_words([e.text for e in unnumbered]) if numbered else frozenset())
    refs = notes.refs
    refs.extend(RawReference(document.id, "reference-list", part, e.line, e.end_line, e.key)
                for e in unnumbered for part in split_at_reports(e.text))
    own_notes = _note_targets(document.id, "footnote" if zones.footnotes else "endnote", list(zones.notes),
                              listed=bool(zones.references))
    refs.extend(own_notes.refs)
    for label, places in own_notes.placed.items():
        if label not in notes.targets:  # a numbered list's entry comes first, as below
            notes.placed[label] = places
    for label, hit in own_notes.targets.items():
        notes.targets.setdefault(label, hit)
    notes.comments.extend(own_notes.comments)
    notes.author_date.update(own_notes.author_date)
    for label, texts in own_notes.citing.items():
        notes.citing.setdefault(label, []).extend(texts)

    # A Markdown page's front matter (and the <meta> tags the HTML reader hands on as one) is
    # the page's own record, not its running text: no call, citation or cited link stands there.
    front, after_front = read_front_matter(lines)
    code = fenced_code_lines(lines)
    body_lines = frozenset(n for n in zones.body_lines if n > after_front and n not in code)
    body = paragraphs(lines, set(body_lines))
    calls = _calls(body, zones, numbered, bool(unnumbered), found_lines,
                   structured_calls(document, body, lines) if structured else None)
    # no note or list entry is numbered 0: "[0]" is an index in code, "0" glued to a word a count
    calls = sorted((c for c in calls if c.label), key=lambda c: c.line)
    problems = _over_call_limit(document.path, calls)
    del calls[MAX_CALLS:]
    mentions, note_citations = _call_mentions(document.id, calls, notes, numeric=bool(numbered))

    own_found = find_own(lines if own_lines is None else own_lines)
    own = own_found.record if own_found is not None else None
    setting = Setting(
        document.id, lines, found_lines, body, body_lines,
        carried=" ".join(r.text for r in refs).lower(),
        has_list=bool(zones.references),
        own_site=registered_domain(own.url) if own is not None and own.url else "",
        own_number=own_found.number.lower() if own_found is not None else "",
        own_title=own.title if own is not None else "",
        by_key=cites_by_key(body, "bibliography" in front),
        keyed={key: r for r in refs if "@" in r.text for key in keys_in(r.text)},
        bracket_keys={bracket_key(r.label): r for r in refs if r.kind == "reference-list" and r.label
                      and not r.label.isdigit()},
        listed_pages=_pages_of(refs),
    )
    in_text_refs, in_text_mentions = in_text_sources(setting)
    refs.extend(in_text_refs)
    mentions.extend(in_text_mentions)
    author_date = find_author_date(body) + note_citations + _in_notes(lines, zones)
    # the record's field lines travel with it, so that writing the library JSON need not find it again
    if own_found is not None:
        document = replace(document, own_fields=tuple(own_found.lines), own_number=own_found.number)
    return replace(document, meta=own), refs, mentions, author_date, problems


def _in_notes(lines: list[str], zones: Zones) -> list[AuthorDate]:
    """Author-date citations inside the notes of a document that also has a reference list: a note
    that explains or qualifies cites the list's works as the running text does ("… a reversal of
    language acquisition (Lambert & Freed 1982)."). Without a list, a note's "(2019)" belongs to the
    reference the note itself gives."""
    if not zones.references or not zones.notes:
        return []
    in_notes = {n for e in zones.notes for n in range(e.line, e.end_line + 1)}
    return find_author_date(paragraphs(lines, in_notes))


def _calls(body: list[Paragraph], zones: Zones, numbered: list[Entry], unnumbered: bool,
           lines: list[Line], known: list[Call] | None = None) -> list[Call]:
    """The note and list calls in the running text: raised, bracketed and Markdown ones; round-bracketed
    ones where they call a numbered list; glued and spaced ones where notes are there to be called.

    ``known``: the note calls the reader found in the file's structure (bibkaz/extract/structure.py).
    They stand for the raised ones, which need no guessing where the reader links each call to its
    note (a raised "2" it did not link is no note's call); a numbered list's raised calls are still
    read beside them, and its glued ones as before (a page that links one note and numbers its
    endnotes as a plain list).
    """
    if known is None:
        raised = superscript_calls(body, MAX_CALLS)
    else:
        placed = {(k.line, k.label) for k in known}
        raised = known + ([c for c in superscript_calls(body, MAX_CALLS) if (c.line, c.label) not in placed]
                          if numbered else [])
    calls = raised + bracket_calls(body, MAX_CALLS) + markdown_calls(body, MAX_CALLS)
    if numbered:
        # Vancouver's medical variant calls its numbered list in round brackets ("(2,3)"); taken where they
        # call most of the list and the other calls found are few (an author block's raised "¹ ²" is not
        # how the text cites)
        # (only numbers the list holds: a table's "(32–76)" names no entry of a ten-entry list)
        listed = {int(e.label) for e in numbered if e.label.isdigit()}
        paren = [c for c in paren_calls(body, MAX_CALLS) if c.label in listed]
        named = {c.label for c in paren}
        if len(named) * 2 >= len(numbered) and len(named) > 2 * len({c.label for c in calls}):
            calls = paren
    if not _glued_wanted(calls, zones.notes + tuple(numbered), unnumbered):
        return calls
    # Numbers glued to the word they follow ("(GPRA)1") are calls only when notes are there to
    # be called (or no list of unnumbered entries makes every glued number a year or a count).
    called = {c.label for c in calls}
    # a numbered list (no notes) is cited again and again: a number glued again after its first call is one
    glued = [c for c in glued_calls(body, repeats=bool(numbered) and not zones.notes) if c.label not in called]
    if zones.notes and len(called | {c.label for c in glued}) * 2 < len(zones.notes):
        # still most notes uncalled: a conversion that set each raised call off by a space ("(IT 1)",
        # "flexibilities 2 in"), read in sequence as glued ones are, where it finds more
        spaced = [c for c in glued_calls(body, spaced=_call_reach(zones.notes, lines)) if c.label not in called]
        if len(spaced) > len(glued):
            glued = spaced
    return calls + glued


def _pages_of(refs: list[RawReference]) -> dict[str, RawReference]:
    """The notes and entries that give one address (and only one), by the page it names: a link in the
    text to that page cites them."""
    pages: dict[str, RawReference] = {}
    for ref in refs:
        if "http" not in ref.text and "www." not in ref.text:
            continue
        urls = {page_of(clean_url(m.group(0))) for m in URL_RE.finditer(ref.text)}
        if len(urls) == 1:
            pages.setdefault(urls.pop(), ref)
    return pages


def _call_reach(notes: tuple[Entry, ...], lines: list[Line]) -> dict[int, tuple[int, int]]:
    """For each note number, the lines its call may stand on: from the top of the page of its note (the
    document's start where pages are not marked) to the note itself."""
    tops = [line.number for line in lines if line.page_break_before]
    reach: dict[int, tuple[int, int]] = {}
    for note in notes:
        if note.label.isdigit() and int(note.label) not in reach:
            top = tops[bisect_right(tops, note.line) - 1] if tops and tops[0] <= note.line else 1
            reach[int(note.label)] = (top, note.line)
    return reach


_FENCE = re.compile(r"^\s{0,3}(```|~~~)")


def fenced_code_lines(lines: list[str]) -> frozenset[int]:
    """The (1-based) lines of a Markdown page's fenced code blocks, fences included: program text,
    where "paste0(x, \"_step1\")" holds no note call and a URL no cited work."""
    out: set[int] = set()
    opened = ""
    for n, line in enumerate(lines, 1):
        m = _FENCE.match(line)
        if opened:
            out.add(n)
            if m and m.group(1) == opened:
                opened = ""
        elif m:
            opened = m.group(1)
            out.add(n)
    return frozenset(out) if not opened else frozenset()  # a fence never closed: no block


def _over_call_limit(path: str, calls: list[Call]) -> list[Problem]:
    """A warning when a document holds more note calls than MAX_CALLS (only the first are linked),
    so that a user knows why citations late in a huge file are missing."""
    if len(calls) <= MAX_CALLS:
        return []
    first = calls[MAX_CALLS]
    return [Problem(path, f"note calls over the {MAX_CALLS:,} limit: calls from this line on were not read",
                    first.line)]

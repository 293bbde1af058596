"""The extract stage: a Document in, its references and in-text citations out.

:func:`find` locates everything in one document — its own record, footnotes,
endnote and reference lists, note calls, author-date citations, bare links —
and links every numbered call to its note. Author-date citations can only be
linked once reference strings are parsed (we need each entry's authors and
year), so :func:`link_author_date` finishes the job after the parse stage.
"""

from __future__ import annotations

from dataclasses import replace
from bibkaz.extract.author_date import AuthorDate, find_author_date
from bibkaz.extract.calls import Call, bracket_calls, glued_calls, superscript_calls
from bibkaz.extract.footnotes import find_footnotes
from bibkaz.extract.inline_links import find_links
from bibkaz.extract.lists import Entry, numbered_entries, unnumbered_entries
from bibkaz.extract.metadata import find_metadata
from bibkaz.extract.notes import classify_note, short_note_matches
from bibkaz.extract.sections import find_sections
from bibkaz.extract.text import paragraphs
from bibkaz.extract.linker import link_author_date
from bibkaz.model import Document, Mention, RawReference

__all__ = ["find", "link_author_date"]


def _note_targets(
    doc_id: str, kind: str, entries: list[Entry]
) -> tuple[list[RawReference], dict[int, list[tuple[str, RawReference, str]]], list[str]]:
    """RawReferences for note entries, and what each note number points at.

    A target is (mention kind, reference, locator): "note" for a full note,
    "ibid"/"short-note" for Chicago subsequent notes pointing at an earlier one.
    """
    refs: list[RawReference] = []
    targets: dict[int, list[tuple[str, RawReference, str]]] = {}
    comments: list[str] = []
    previous: list[RawReference] = []
    for entry in entries:
        label = int(entry.label)
        note = classify_note(entry.text)
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
        mine = [RawReference(doc_id, kind, p, entry.line, entry.end_line, entry.label) for p in parts]
        refs.extend(mine)
        targets[label] = [("note", r, "") for r in mine]
        previous = mine
    return refs, targets, comments


def _call_mentions(
    doc_id: str, calls: list[Call], targets: dict[int, list[tuple[str, RawReference, str]]],
    comments: list[str], numeric: bool,
) -> list[Mention]:
    out = []
    for call in calls:
        hits = targets.get(call.label)
        if not hits:
            reason = (
                f"note {call.label} is a comment, not a reference" if str(call.label) in comments
                else f"no note or reference entry numbered {call.label}"
            )
            out.append(Mention(doc_id, "numeric" if numeric else "note", call.marker, call.line, marker=str(call.label),
                               sentence=call.sentence, reason=reason))
            continue
        for kind, ref, locator in hits:
            mention_kind = kind if kind != "note" else ("numeric" if numeric else "note")
            out.append(Mention(doc_id, mention_kind, call.marker, call.line, marker=str(call.label), locator=locator,
                               sentence=call.sentence, reference=ref))
    return out


def find(document: Document) -> tuple[Document, list[RawReference], list[Mention], list[AuthorDate]]:
    """Everything in one document; author-date citations come back unlinked."""
    lines = document.lines
    sections = find_sections(lines)
    skip: set[int] = set()
    refs: list[RawReference] = []
    targets: dict[int, list[tuple[str, RawReference, str]]] = {}
    comments: list[str] = []
    numbered_reference_list = False
    has_reference_list = False
    for section in sections:
        skip.update(range(section.heading_line, section.end + 1))
        entries = numbered_entries(lines, section.start, section.end)
        if entries:
            kind = "endnote" if section.kind == "notes" else "reference-list"
            found, t, c = _note_targets(document.id, kind, entries)
            refs.extend(found)
            targets.update(t)
            comments.extend(c)
            numbered_reference_list |= kind == "reference-list"
        else:
            for entry in unnumbered_entries(lines, section.start, section.end):
                refs.append(RawReference(document.id, "reference-list", entry.text, entry.line, entry.end_line))
                has_reference_list = True
    footnotes = find_footnotes(lines, skip)
    for entry in footnotes:
        skip.update(range(entry.line, entry.end_line + 1))
    found, t, c = _note_targets(document.id, "footnote", footnotes)
    refs.extend(found)
    for label, hit in t.items():
        targets.setdefault(label, hit)
    comments.extend(c)

    body_lines = set(range(1, len(lines) + 1)) - skip
    body = paragraphs(lines, body_lines)
    calls = superscript_calls(body) + bracket_calls(body)
    if not calls and not has_reference_list:
        calls = glued_calls(body)
    calls.sort(key=lambda c: c.line)
    mentions = _call_mentions(document.id, calls, targets, comments, numbered_reference_list)

    # Bare links in the body are references of their own, unless a reference already carries them.
    carried = " ".join(r.text for r in refs).lower()
    for link in find_links(body):
        if link.value.lower() not in carried:
            refs.append(RawReference(document.id, link.kind, link.value, link.line, link.line))
    author_date = find_author_date(body)
    own = find_metadata(lines)
    return replace(document, meta=own), refs, mentions, author_date


"""Cite positions in a note style's document, decided by note numbers (CSL 1.0.2, "Position").

citeproc-py 0.11 knows citations, not notes: "ibid" is true after any citation
of one cite, "near-note" counts citations, and ``first-reference-note-number``
is unknown. When the caller says which note holds each citation
(:func:`bibkaz.style.citations.render_citations`, ``notes``), these follow
citeproc-js:

- citations in the running text of a note style (note 0) and those in notes are
  two sequences; a cite's position looks back in its own sequence only;
- "ibid": the cite before is of the same work, and it is in the same citation,
  in an earlier citation of the same note, or alone in the note before;
  "ibid-with-locator" besides when the locators differ (CSL);
- "near-note": the work was cited in a note at most ``near-note-distance``
  (default 5) notes before;
- ``first-reference-note-number``: the note that first cited the work, for the
  cites after that one.

Without note numbers citeproc-py's own rules apply.
"""

from __future__ import annotations

from functools import wraps
from typing import Any

#: Attribute set on citeproc-py's Citation objects: the note holding the citation.
NOTE = "bibkaz_note"


def note_of(cite: Any) -> int | None:
    try:  # citeproc-py's citation objects raise VariableError, not AttributeError, for what they lack
        return getattr(getattr(cite, "citation", None), NOTE, None)
    except Exception:
        return None


def _same_sequence(cites: list[Any], note: int) -> list[Any]:
    return [c for c in cites if (note_of(c) == 0) == (note == 0)]


def first_note(cite: Any, earlier: list[Any]) -> int | None:
    """The note that first cited ``cite``'s work (among the ``earlier`` cites), or None."""
    note = note_of(cite)
    for other in _same_sequence(earlier, note if note is not None else 1):
        if other.key == cite.key:
            return note_of(other)
    return None


def _ibid_candidate(cite: Any, earlier: list[Any]) -> bool:
    if not earlier or earlier[-1].key != cite.key:
        return False
    last = earlier[-1]
    if last.citation is cite.citation or note_of(last) == note_of(cite):
        return True
    in_last_note = [c for c in earlier if note_of(c) == note_of(last)]
    return len(in_last_note) == 1


def position(cite: Any, cites: list[Any], name: str, near_note_distance: int) -> bool:
    """Whether ``cite`` (with a note number) is at CSL position ``name`` after the document's ``cites``."""
    note = note_of(cite)
    earlier = _same_sequence(cites, note)
    cited = any(c.key == cite.key for c in earlier)
    if name == "first":
        return not cited
    if name == "subsequent":
        return cited
    if name in ("ibid", "ibid-with-locator"):
        if not _ibid_candidate(cite, earlier):
            return False
        last = earlier[-1]
        if name == "ibid":
            return cite.has_locator or not last.has_locator
        return cite.has_locator and (not last.has_locator or cite.locator != last.locator)
    if name == "near-note":
        if not cited or note == 0:
            return False
        last_note = next(note_of(c) for c in reversed(earlier) if c.key == cite.key)
        return last_note is not None and note - last_note <= near_note_distance
    return False


def install(model: Any) -> None:
    """Wrap ``If._position`` (note-number rules when known) and ``Text._variable``
    (``first-reference-note-number``)."""
    original = model.If._position
    if getattr(original, "_bibkaz_notes", False):
        return

    @wraps(original)
    def _position(self, item, context):  # type: ignore[no-untyped-def]
        if note_of(item) is None:
            return original(self, item, context)
        if context is None:
            context = self
        if context.xpath_search("./ancestor::*[self::cs:bibliography]"):
            return [False]
        citation = context.get_layout().getparent()
        cites = citation.cites
        try:
            distance = int(citation.get("near-note-distance", 5))
        except ValueError:
            distance = 5
        return [position(item, list(cites), name, distance) for name in self.get("position").split()]

    _position._bibkaz_notes = True  # type: ignore[attr-defined]
    model.If._position = _position

    text_variable = model.Text._variable

    @wraps(text_variable)
    def _variable(self, item, context):  # type: ignore[no-untyped-def]
        if self.get("variable") != "first-reference-note-number":
            return text_variable(self, item, context)
        layout = (context if context is not None else self).get_layout()
        if layout.getparent().tag.endswith("bibliography") or note_of(item) is None:
            return None
        number = first_note(item, list(layout.getparent().cites or ()))
        return str(number) if number else None

    model.Text._variable = _variable

    if_variable = model.If._variable

    @wraps(if_variable)
    def _if_variable(self, item):  # type: ignore[no-untyped-def]
        results = if_variable(self, item)
        own = self.__dict__  # whether this cs:if tests the note number, read once per element
        names = own.get("_bibkaz_note_test")
        if names is None:
            variables = self.get("variable").split()
            names = own["_bibkaz_note_test"] = variables if "first-reference-note-number" in variables else ()
        if not names or note_of(item) is None:
            return results
        try:
            cites = list(self.get_layout().getparent().cites or ())
        except (AttributeError, IndexError):
            cites = []
        return [bool(first_note(item, cites)) if name == "first-reference-note-number" else result
                for name, result in zip(names, results)]

    model.If._variable = _if_variable

"""The labels the line finder gives every non-blank line of a document.

Why these: extraction needs to know where each reference-list entry and each
note starts (so entries are split by the model, not by guessing), which lines
continue them (wrapped entries, notes running over a page break), which lines
are page furniture (running heads, page numbers, footers: dropped everywhere),
and which are headings and running text. Blank lines are not labelled: they
are a feature of their neighbours, so the chain of labels is not broken by them.
"""

from __future__ import annotations

TEXT = "text"
HEADING = "heading"
REF_START = "ref-start"
REF_CONT = "ref-cont"
NOTE_START = "note-start"
NOTE_CONT = "note-cont"
FURNITURE = "furniture"

LABELS = (TEXT, HEADING, REF_START, REF_CONT, NOTE_START, NOTE_CONT, FURNITURE)

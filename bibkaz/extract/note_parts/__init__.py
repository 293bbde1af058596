"""Which parts of a note cite a work: a small CRF over the note's segments.

A note mixes commentary and citations ("The House removed him. See
Congressional Record, vol. 169 (2023), p. H4969."), cites several works
("CRS Report R1, Title; CRS Report R2, Title."), or only explains. The note
is cut into segments (sentences and ";"-parts, see segments.py); the model
labels each one as the start of a cited work (B), its continuation (I) or
commentary (O), and the cited parts become the note's references.
"""

from bibkaz.extract.note_parts.model import citing_parts

__all__ = ["citing_parts"]

"""Node ids and small helpers shared by the graph builders.

Node ids carry their type ("doc:…", "work:…", "person:…") so a work key can never
collide with a document id or a person's name.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator, Mapping

from bibkaz.model import Document, Record

DOCUMENT, WORK, PERSON = "document", "work", "person"


def doc_node(document_id: str) -> str:
    return f"doc:{document_id}"


def work_node(key: str) -> str:
    return f"work:{key}"


def person_node(person_id: str) -> str:
    return f"person:{person_id}"


def document_record(doc: Document, own: Mapping[str, Record]) -> Record:
    """A document's own metadata: what extraction found, else its own entry's record."""
    return doc.meta or own.get(doc.id) or Record()


@contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while a large graph is built or ranked.

    Building allocates millions of small dicts and no cycles; with a large
    Library alive, each automatic collection re-scans all of it, which made a
    10,000-document build several times slower.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()

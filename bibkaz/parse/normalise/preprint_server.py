"""A preprint cited by its server: the server is where it appeared.

Papers not yet in a journal are cited by the server that holds them: "… models. arXiv [Preprint]
(2024). https://doi.org/…", "… Preprint at arXiv. https://…", "arXiv:1702.08608.", "Available at
SSRN 5004194.", "Preprint. PsyArXiv.". The model has seen few of them and leaves the server in no
field, or keeps a number or a fragment with it ("ArXiv, 1906.03840", "Preprint at"). The dev golds
name the server as the container (111 of the 130 works whose text says "arXiv"; "SSRN",
"PsyArXiv" likewise), as CSL does for a preprint (type ``article``, container-title the server).

Only a server named in the words counts, not one inside an address or a DOI ("10.48550/arXiv…",
"arxiv.org/abs/…"), unless the words say "Preprint at" the address; a record that already names the
server in another field (a publisher "SSRN", as the held-out real strings label it), or has a
container of its own (a journal the paper appeared in, with its arXiv number beside it), is left.
"""

from __future__ import annotations

import re

from bibkaz.model import Record

#: Preprint servers as they are printed ("arXiv", "ArXiv", "SSRN", "bioRxiv", …).
_SERVER = re.compile(
    r"(?<![\w./-])(arXiv|ArXiv|ARXIV|SSRN|bioRxiv|medRxiv|PsyArXiv|SocArXiv|EdArXiv|MetaArXiv|ChemRxiv|EarthArXiv|"
    r"engrXiv|TechRxiv)(?![\w-])"
)
#: An address, with the zero-width spaces some PDFs put inside it.
_URL = re.compile(r"(?:https?://|www\.|doi\.org/)[^\s<>\"]+", re.I)
#: "Preprint at https://arXiv.org/…": the address's host names the server.
_PREPRINT_AT = re.compile(r"\bpreprint (?:at|on|from)\s+(?:https?://)?(?:www\.)?(arxiv|ssrn|biorxiv|medrxiv)\.", re.I)
#: What the model leaves as the container of a preprint: the words around the server, not a name.
_NOT_A_CONTAINER = re.compile(r"^(?:preprint(?: at| on)?|report no|available at)\.?$", re.I)
_SPELLING = {"arxiv": "arXiv", "ssrn": "SSRN", "biorxiv": "bioRxiv", "medrxiv": "medRxiv"}
#: Types a parser falls back on when it does not know the kind: a preprint is an ``article``.
_GENERIC_TYPES = frozenset({"", "document", "webpage"})


def _server(text: str) -> str:
    """The preprint server the reference's words name ("" for none)."""
    plain = text.replace("\u200b", "")
    m = _PREPRINT_AT.search(plain)
    if m:
        return _SPELLING[m.group(1).lower()]
    m = _SERVER.search(_URL.sub(" ", plain))
    return m.group(1) if m else ""


def _names_server(record: Record, server: str) -> bool:
    words = re.compile(rf"(?<!\w){re.escape(server)}(?!\w)", re.I)
    return any(words.search(v) for v in (record.publisher, record.collection_title, record.title))


def with_preprint_server(text: str, record: Record) -> Record:
    """``record`` with the preprint server its words name as the container (module docstring)."""
    if "rxiv" not in text.lower() and "ssrn" not in text.lower():
        return record
    server = _server(text)
    if not server or _names_server(record, server):
        return record
    container = record.container_title.strip()
    if container and not _NOT_A_CONTAINER.match(container):
        # "ArXiv, 1906.03840", "SSRN 5004194": the server with its number; anything else is the
        # container's own name (a journal that also gives the arXiv number)
        if not re.match(rf"{re.escape(server)}\b[\s,:.]*[\w.:/-]*\d[\w.:/-]*$", container, re.I):
            return record
    kind = "article" if record.type in _GENERIC_TYPES else record.type
    return record.with_(container_title=server, type=kind)

"""Import into a running Zotero desktop through its local connector (port 23119).

The connector's ``/connector/import`` endpoint runs Zotero's own import
translators on the body, exactly as File → Import would, and saves into the
collection selected in Zotero. It needs no API key and no sync; it only works
on the machine where Zotero runs.
"""

from __future__ import annotations

import uuid

import requests

from bibkaz.model import BibkazError

DEFAULT_CONNECTOR_URL = "http://127.0.0.1:23119"
#: Zotero answers connector requests only from clients that say they are one
#: (browsers without these headers are refused, to stop web pages from writing).
_HEADERS = {"X-Zotero-Connector-API-Version": "3", "Zotero-Allowed-Request": "1"}


def connector_import(text: str, base_url: str = DEFAULT_CONNECTOR_URL, timeout: float = 120.0) -> int:
    """POST ``text`` (RIS or BibTeX) to the connector; the number of items Zotero saved."""
    base = base_url.rstrip("/")
    try:
        ping = requests.get(f"{base}/connector/ping", headers=_HEADERS, timeout=10)
    except requests.RequestException:
        raise BibkazError(f"no Zotero connector at {base}: is Zotero desktop running?") from None
    if ping.status_code >= 400:
        raise BibkazError(f"{base} answered {ping.status_code} to /connector/ping: is it Zotero?")
    try:
        resp = requests.post(
            f"{base}/connector/import",
            params={"session": uuid.uuid4().hex},
            data=text.encode("utf-8"),
            headers={**_HEADERS, "Content-Type": "text/plain; charset=utf-8"},
            timeout=timeout,
        )
    except requests.RequestException as exc:
        raise BibkazError(f"Zotero connector at {base} failed during the import: {type(exc).__name__}") from None
    if resp.status_code == 400:
        raise BibkazError("Zotero could not import the data (400: no import translator recognised it)")
    if resp.status_code >= 300:
        raise BibkazError(f"Zotero connector answered {resp.status_code} to /connector/import")
    try:
        saved = resp.json()
    except ValueError:
        saved = None
    if not isinstance(saved, list):
        start = " ".join(resp.text.split())[:60]
        raise BibkazError(f"{base} answered /connector/import with {start!r}, not the list of saved items "
                          "Zotero sends: is it Zotero desktop?")
    return len(saved)

"""Check a DOI in two steps: is it registered, and does its target answer.

The DOI handle API (``<resolver>/api/handles/<doi>``) answers whether a DOI exists
without involving the publisher; ``responseCode`` 1 means registered, 100 means
not found. Publishers often refuse robots (403), so a registered DOI whose landing
page refuses us is ``ok-registered``, never ``broken``.
"""

from __future__ import annotations

import json
import time
from urllib.parse import quote

from bibkaz.links.fetch import Budget, FetchError, Fetcher
from bibkaz.links.result import LinkResult, Status
from bibkaz.links.urlcheck import check_url

_HANDLE_FOUND = 1
_HANDLE_NOT_FOUND = 100
_HANDLE_NO_VALUES = 200


def handle_url(resolver: str, doi: str) -> str:
    """The handle API address of ``doi`` at ``resolver`` (e.g. https://doi.org)."""
    return f"{resolver.rstrip('/')}/api/handles/{quote(doi, safe='/()-._;:~!*$,=+@')}"


def landing_url(resolver: str, doi: str) -> str:
    """The resolver URL a reader would follow, e.g. https://doi.org/10.1000/x."""
    return f"{resolver.rstrip('/')}/{quote(doi, safe='/()-._;:~!*$,=+@')}"


def _registered_url(values: list[dict]) -> str:
    for value in values:
        if value.get("type") == "URL":
            data = value.get("data") or {}
            return str(data.get("value", "")) if isinstance(data, dict) else str(data)
    return ""


def check_doi(fetcher: Fetcher, resolver: str, doi: str, budget: Budget, max_redirects: int = 10) -> LinkResult:
    """The status of ``doi``: handle look-up, then a check of the registered URL."""
    now = time.time()
    api = handle_url(resolver, doi)
    try:
        answer = fetcher.request(api, "GET", budget, read_body=1024 * 1024)
    except FetchError as exc:
        return LinkResult(exc.status, None, api, detail=f"DOI handle API: {exc.detail}", checked_at=now)
    try:
        data = json.loads(answer.body.decode("utf-8"))
        code = int(data.get("responseCode"))
    except (ValueError, TypeError, AttributeError, UnicodeDecodeError):
        data, code = {}, -1
    if code == _HANDLE_NOT_FOUND or (code == -1 and answer.status == 404):
        return LinkResult(Status.BROKEN, answer.status, api, registered=False, detail="DOI not registered",
                          checked_at=now)
    if code == _HANDLE_NO_VALUES:
        return LinkResult(Status.OK_REGISTERED, answer.status, api, registered=True,
                          detail="DOI registered, but without a URL", checked_at=now)
    if code != _HANDLE_FOUND:
        status = Status.BLOCKED if answer.status in (401, 403, 429) else Status.SERVER_ERROR
        return LinkResult(status, answer.status, api, detail=f"DOI handle API answered HTTP {answer.status}",
                          checked_at=now)
    target = _registered_url(data.get("values") or [])
    if not target:
        return LinkResult(Status.OK_REGISTERED, answer.status, api, registered=True,
                          detail="DOI registered, but without a URL", checked_at=now)
    result = check_url(fetcher, target, budget, max_redirects).with_(registered=True, target_url=target)
    if result.status in (Status.OK, Status.REDIRECTED):
        # A DOI redirecting through the publisher's site is how DOIs work, not a hint.
        return result.with_(status=Status.OK, permanent=False, detail="DOI registered; target answers")
    if result.status == Status.BLOCKED:
        return result.with_(
            status=Status.OK_REGISTERED,
            detail=f"DOI registered; the publisher refused our request (HTTP {result.http_status})",
        )
    if result.status == Status.INVALID:
        return result.with_(detail=f"DOI registered; its target was not requested: {result.detail}")
    return result.with_(detail=f"DOI registered, but its target fails: {result.detail}")

"""Suggest an archived copy of a broken link (Wayback Machine availability API).

The snapshot closest to when the work was cited (its access date, else its date)
is the best replacement: it shows what the author saw.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING
from urllib.parse import urlencode

if TYPE_CHECKING:  # the HTTP stack loads only when a lookup is made
    from bibkaz.links.fetch import Budget, Fetcher

DEFAULT_API = "https://archive.org/wayback/available"


def timestamp_for(date: str) -> str:
    """"2021-03-04" → "20210304"; "" when the date has no year."""
    digits = re.sub(r"\D", "", date)[:14]
    return digits if len(digits) >= 4 else ""


def closest_snapshot(fetcher: Fetcher, api: str, url: str, date: str, budget: Budget) -> tuple[str, str]:
    """(snapshot URL, its timestamp) or ("", "") when there is none or the API fails."""
    from bibkaz.links.fetch import FetchError

    query = {"url": url}
    stamp = timestamp_for(date)
    if stamp:
        query["timestamp"] = stamp
    try:
        answer = fetcher.request(f"{api}?{urlencode(query)}", "GET", budget, read_body=256 * 1024)
    except FetchError:
        return "", ""
    if answer.status != 200:
        return "", ""
    try:
        closest = json.loads(answer.body.decode("utf-8"))["archived_snapshots"]["closest"]
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return "", ""
    if not isinstance(closest, dict) or not closest.get("available") or not closest.get("url"):
        return "", ""
    return str(closest["url"]), str(closest.get("timestamp", ""))

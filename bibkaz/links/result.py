"""The verdict on one link, shared by the checker, the cache and the reports.

Kept as a frozen dataclass with a lossless dict form so the cache can store it
and a re-run reproduces exactly the report of the first run.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Any


class Status:
    """The statuses a link can have; strings so they read well in JSON and CSV."""

    OK = "ok"
    OK_REGISTERED = "ok-registered"  # DOI registered, publisher refuses robots
    REDIRECTED = "redirected"
    BROKEN = "broken"
    SERVER_ERROR = "server-error"
    TIMEOUT = "timeout"
    BLOCKED = "blocked"
    INVALID = "invalid"
    UNREACHABLE = "unreachable"

    ALL = (OK, OK_REGISTERED, REDIRECTED, BROKEN, SERVER_ERROR, TIMEOUT, BLOCKED, INVALID, UNREACHABLE)
    #: Statuses that say the link works (a redirect works, it only hints at an update).
    FINE = (OK, OK_REGISTERED, REDIRECTED)


@dataclass(frozen=True)
class Hop:
    """One redirect: the URL that answered and the 3xx code it answered with."""

    url: str
    status: int


@dataclass(frozen=True)
class LinkResult:
    """What checking one link found.

    ``http_status`` is the final answer's code (None when no answer came);
    ``redirects`` the chain of 3xx hops before ``final_url``; ``permanent`` is true
    when every hop was permanent (301/308), i.e. the reference should be updated.
    For DOIs ``registered`` says what the handle API answered and ``target_url`` is
    the URL the DOI is registered to point at.
    """

    status: str
    http_status: int | None = None
    final_url: str = ""
    redirects: tuple[Hop, ...] = ()
    permanent: bool = False
    soft_404: bool = False
    detail: str = ""
    registered: bool | None = None
    target_url: str = ""
    archive_url: str = ""
    archive_timestamp: str = ""
    checked_at: float = 0.0
    cached: bool = False

    @property
    def is_broken(self) -> bool:
        return self.status == Status.BROKEN

    def with_(self, **changes: Any) -> "LinkResult":
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["redirects"] = [{"url": h.url, "status": h.status} for h in self.redirects]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "LinkResult":
        values = dict(data)
        values["redirects"] = tuple(Hop(h["url"], int(h["status"])) for h in values.get("redirects", ()))
        known = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in values.items() if k in known})

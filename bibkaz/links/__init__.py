"""``bibkaz links``: check every URL and DOI a library cites, once, politely.

One module per job: :mod:`targets` collects the links from a Library,
:mod:`validate` rejects malformed ones without a request, :mod:`safety` decides
which addresses may be contacted at all, :mod:`transport` enforces that at connect
time, :mod:`fetch` makes single requests (retries, size cap), :mod:`urlcheck`
follows redirects and classifies, :mod:`doi` checks DOI handles, :mod:`scheduler`
keeps per-host and global concurrency, :mod:`cache` stores results, :mod:`offline`
tells "no network" from "dead link", :mod:`wayback` suggests archived copies,
:mod:`check` ties them together and :mod:`report` formats the result.
"""

from bibkaz.links.check import CheckOptions, LinkReport, check_library, check_targets
from bibkaz.links.result import LinkResult, Status
from bibkaz.links.targets import Target, collect_targets

__all__ = [
    "CheckOptions",
    "LinkReport",
    "LinkResult",
    "Status",
    "Target",
    "check_library",
    "check_targets",
    "collect_targets",
]

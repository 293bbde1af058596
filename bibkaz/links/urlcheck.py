"""Check one URL: HEAD first, GET when HEAD is refused, redirects followed by hand.

Redirects are followed here rather than by urllib3 so that every hop goes through
the address policy and the host limits, loops are caught, the chain is reported,
and a "redirect" to the site's home page or a "not found" page is recognised as
the soft 404 it is.
"""

from __future__ import annotations

import html
import re
import time
from urllib.parse import urljoin, urlsplit

from bibkaz.links.fetch import Answer, Budget, FetchError, Fetcher
from bibkaz.links.result import Hop, LinkResult, Status
from bibkaz.links.scheduler import host_of

REDIRECTS = frozenset({301, 302, 303, 307, 308})
PERMANENT = frozenset({301, 308})
#: HEAD answers that do not tell whether GET would work, so GET is tried.
_HEAD_UNRELIABLE = frozenset({400, 403, 404, 405, 406, 409, 410, 501})
_BLOCKED = frozenset({401, 403, 407, 429, 451, 999})
_GONE = frozenset({404, 410})
_TITLE_BYTES = 64 * 1024
_HOME_PATH = re.compile(r"^/?(?:[a-z]{2}(?:[-_][a-z]{2})?/)?(?:(?:index|default|home)(?:\.\w+)?)?/?$", re.IGNORECASE)
_NOT_FOUND_URL = re.compile(r"(?:not[-_ ]?found|page[-_]?missing|(?:^|[/_.-])(?:404|error)(?:$|[/_.-]))", re.IGNORECASE)
_NOT_FOUND_TITLE = re.compile(
    r"\b(?:not found|404|page (?:cannot|can't|could not) be found|page (?:no longer|does not|doesn't) exist|"
    r"no longer available|nicht gefunden|introuvable|no encontrada)\b",
    re.IGNORECASE,
)
_TITLE = re.compile(rb"<title[^>]*>(.*?)</title", re.IGNORECASE | re.DOTALL)


def _is_home(url: str) -> bool:
    parts = urlsplit(url)
    return not parts.query and bool(_HOME_PATH.match(parts.path or "/"))


def page_title(body: bytes) -> str:
    """The <title> of an HTML page prefix, unescaped and squeezed, or ""."""
    match = _TITLE.search(body)
    if not match:
        return ""
    text = match.group(1).decode("utf-8", errors="replace")
    return " ".join(html.unescape(text).split())


def soft_404_reason(original: str, final: str, title: str) -> str:
    """Why a redirected link that ends in a 200 is really gone, or ""."""
    if not _is_home(original) and _is_home(final):
        return "soft 404: a deep link redirects to the site's home page"
    if _NOT_FOUND_URL.search(urlsplit(final).path + "?" + urlsplit(final).query) and not _NOT_FOUND_URL.search(
        urlsplit(original).path
    ):
        return "soft 404: redirects to a 'not found' page"
    if title and _NOT_FOUND_TITLE.search(title):
        return f"soft 404: redirects to a page titled {title[:80]!r}"
    return ""


def _status_for_code(code: int) -> str:
    if 200 <= code < 300:
        return Status.OK
    if code in _BLOCKED:
        return Status.BLOCKED
    if code >= 500:
        return Status.SERVER_ERROR
    if 400 <= code < 500:
        return Status.BROKEN
    return Status.SERVER_ERROR


def _detail_for_code(code: int) -> str:
    if code in _GONE:
        return "gone" if code == 410 else "not found"
    if code in _BLOCKED:
        return "the server refuses automated requests; not proof the page is gone"
    if code >= 500:
        return "server error, persisted after retries"
    if 300 <= code < 400:
        return "redirect without a usable Location"
    return ""


def _get_or_head(
    fetcher: Fetcher, url: str, method: str, budget: Budget, jar: dict[str, dict[str, str]]
) -> tuple[Answer, str]:
    """HEAD (or GET once HEAD proved useless), keeping the cookies a server sets:
    some sites redirect to themselves until their cookie comes back."""
    host = host_of(url)
    cookies = jar.setdefault(host, {})
    answer = fetcher.request(url, method, budget, cookies=cookies)
    cookies.update(answer.cookies)
    if method == "HEAD" and answer.status in _HEAD_UNRELIABLE:
        answer = fetcher.request(url, "GET", budget, read_body=_TITLE_BYTES, cookies=cookies)
        cookies.update(answer.cookies)
        return answer, "GET"
    return answer, method


def check_url(fetcher: Fetcher, url: str, budget: Budget, max_redirects: int = 10) -> LinkResult:
    """The status of ``url`` after following its redirects."""
    now = time.time()
    chain: list[Hop] = []
    seen: set[tuple[str, frozenset]] = set()
    current, method = url, "HEAD"
    jar: dict[str, dict[str, str]] = {}
    try:
        while True:
            sent = (current, frozenset(jar.get(host_of(current), {}).items()))
            answer, method = _get_or_head(fetcher, current, method, budget, jar)
            target = urljoin(current, answer.location) if answer.location else ""
            if answer.status not in REDIRECTS or not target:
                break
            # A hop is a loop only if it repeats with the same cookies: sites that
            # redirect to themselves to set a cookie are not loops.
            seen.add(sent)
            chain.append(Hop(current, answer.status))
            target = target.split("#", 1)[0]
            if (target, frozenset(jar.get(host_of(target), {}).items())) in seen:
                return LinkResult(
                    Status.BROKEN, answer.status, target, tuple(chain), detail="redirect loop", checked_at=now
                )
            if len(chain) > max_redirects:
                return LinkResult(
                    Status.BROKEN, answer.status, target, tuple(chain),
                    detail=f"more than {max_redirects} redirects", checked_at=now,
                )
            current = target
        status = _status_for_code(answer.status)
        detail = _detail_for_code(answer.status)
        if chain and status == Status.OK:
            reason = soft_404_reason(url, current, "")
            if not reason and answer.content_type in ("", "text/html", "application/xhtml+xml"):
                body = answer.body or fetcher.request(
                    current, "GET", budget, read_body=_TITLE_BYTES, cookies=jar.get(host_of(current))
                ).body
                reason = soft_404_reason(url, current, page_title(body))
            if reason:
                return LinkResult(
                    Status.BROKEN, answer.status, current, tuple(chain), soft_404=True, detail=reason, checked_at=now
                )
            if current == url:
                return LinkResult(Status.OK, answer.status, current, tuple(chain),
                                  detail="answers after redirecting to itself", checked_at=now)
            status = Status.REDIRECTED
            permanent = all(h.status in PERMANENT for h in chain)
            detail = "moved permanently: update the reference" if permanent else "temporary redirect"
            return LinkResult(status, answer.status, current, tuple(chain), permanent=permanent, detail=detail,
                              checked_at=now)
        return LinkResult(status, answer.status, current, tuple(chain), detail=detail, checked_at=now)
    except FetchError as exc:
        return LinkResult(exc.status, None, current, tuple(chain), detail=exc.detail, checked_at=now)

"""One HTTP request, done politely: host slot, retries with backoff, size cap.

Everything that talks to a server goes through :class:`Fetcher.request`, so the
per-host limit, the Retry-After handling, the address policy and the body cap hold
for link checks, DOI handle look-ups and Wayback queries alike. Network failures
come out as :class:`FetchError` carrying the status they mean for a link.
"""

from __future__ import annotations

import email.utils
import socket
import time
from dataclasses import dataclass, field

import urllib3
import urllib3.exceptions

from bibkaz.links.result import Status
from bibkaz.links.safety import AddressPolicy
from bibkaz.links.scheduler import HostLimiter, host_of
from bibkaz.links.transport import HEADERS, build_pool, find_cause, unsafe_reason

#: Answers worth retrying: rate limiting and transient server or gateway failures.
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_DNS_NOT_FOUND = {socket.EAI_NONAME, getattr(socket, "EAI_NODATA", socket.EAI_NONAME)}


class FetchError(Exception):
    """No HTTP answer; ``status`` is what that means for the link (timeout, broken…)."""

    def __init__(self, status: str, detail: str):
        super().__init__(detail)
        self.status = status
        self.detail = detail


@dataclass
class Budget:
    """A link's overall time budget. Waiting for a host slot does not count, so a
    queue in front of a busy host never turns into false timeouts."""

    seconds: float
    deadline: float = field(default=0.0)

    def __post_init__(self) -> None:
        self.deadline = time.monotonic() + self.seconds

    def remaining(self) -> float:
        return self.deadline - time.monotonic()

    def extend(self, seconds: float) -> None:
        self.deadline += seconds


@dataclass(frozen=True)
class Answer:
    """The parts of a response the checker needs; the connection is already closed."""

    url: str
    status: int
    headers: dict[str, str]
    body: bytes = b""
    cookies: tuple[tuple[str, str], ...] = ()

    @property
    def location(self) -> str:
        return self.headers.get("location", "")

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";", 1)[0].strip().lower()


@dataclass(frozen=True)
class FetchOptions:
    timeout: float = 10.0  # per request (connect and each read)
    retries: int = 2
    backoff: float = 0.5  # first retry wait; doubles each time
    max_retry_wait: float = 60.0  # longest Retry-After we honour
    body_cap: int = 256 * 1024  # never read more than this from one response


def retry_after(value: str, now: float | None = None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date)."""
    value = value.strip()
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def _failure(exc: BaseException) -> FetchError:
    refusal = unsafe_reason(exc)
    if refusal:
        return FetchError(Status.INVALID, refusal)
    dns = find_cause(exc, socket.gaierror)
    if dns is not None:
        if dns.errno in _DNS_NOT_FOUND:
            return FetchError(Status.BROKEN, "host name not found (DNS)")
        return FetchError(Status.TIMEOUT, f"DNS lookup failed: {dns.strerror}")
    if find_cause(exc, ConnectionRefusedError) is not None:
        return FetchError(Status.SERVER_ERROR, "connection refused")
    if find_cause(exc, urllib3.exceptions.SSLError) is not None:
        return FetchError(Status.SERVER_ERROR, "TLS/certificate error")
    # urllib3's NewConnectionError subclasses ConnectTimeoutError; it is not a timeout.
    if isinstance(exc, urllib3.exceptions.NewConnectionError):
        return FetchError(Status.SERVER_ERROR, "cannot connect to the server")
    if isinstance(exc, (urllib3.exceptions.TimeoutError, TimeoutError)):
        return FetchError(Status.TIMEOUT, "no answer before the timeout")
    if isinstance(exc, urllib3.exceptions.LocationValueError):
        return FetchError(Status.INVALID, f"not a URL that can be requested: {exc}")
    return FetchError(Status.SERVER_ERROR, f"connection failed: {type(exc).__name__}")


class Fetcher:
    """Makes requests on behalf of the checker; thread-safe, one per run."""

    def __init__(self, policy: AddressPolicy, limiter: HostLimiter, options: FetchOptions, pool_size: int):
        self.policy = policy
        self.limiter = limiter
        self.options = options
        self.pool = build_pool(policy, pool_size)

    def close(self) -> None:
        self.pool.clear()

    def request(
        self, url: str, method: str, budget: Budget, read_body: int = 0, cookies: dict[str, str] | None = None
    ) -> Answer:
        """One request (no redirects followed), retried on 429/5xx with exponential
        backoff or the server's Retry-After. ``read_body`` bytes of the body are
        kept (0 = none read); never more than the body cap."""
        opts = self.options
        host = host_of(url)
        refusal = self.policy.refuse_host(host)
        if refusal:
            raise FetchError(Status.INVALID, refusal)
        headers = dict(HEADERS)  # urllib3 replaces, not merges, the pool's default headers
        if cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
        attempt = 0
        while True:
            if budget.remaining() <= 0:
                raise FetchError(Status.TIMEOUT, "gave up: the link's overall time budget ran out")
            with self.limiter.slot(host) as waited:
                budget.extend(waited)
                timeout = min(opts.timeout, max(0.05, budget.remaining()))
                answer = self._once(url, method, timeout, read_body, headers)
            if answer.status not in RETRY_STATUSES or attempt >= opts.retries:
                return answer
            wait = retry_after(answer.headers.get("retry-after", ""))
            if wait is None:
                wait = opts.backoff * (2**attempt)
            if wait > opts.max_retry_wait or wait >= budget.remaining():
                return answer
            time.sleep(wait)
            attempt += 1

    def _once(self, url: str, method: str, timeout: float, read_body: int, headers: dict[str, str]) -> Answer:
        try:
            response = self.pool.request(
                method, url, headers=headers, redirect=False, retries=False, preload_content=False,
                timeout=urllib3.Timeout(connect=timeout, read=timeout),
            )
        except (urllib3.exceptions.HTTPError, OSError, ValueError) as exc:
            raise _failure(exc) from None
        complete = method == "HEAD"
        try:
            body = b""
            if read_body and method != "HEAD":
                cap = min(read_body, self.options.body_cap)
                chunks = []
                size = 0
                complete = True
                for chunk in response.stream(16384, decode_content=True):
                    chunks.append(chunk)
                    size += len(chunk)
                    if size >= cap:
                        complete = False
                        break
                body = b"".join(chunks)[:cap]
            cookies = tuple(
                tuple(c.split(";", 1)[0].strip().split("=", 1))
                for c in response.headers.getlist("set-cookie")
                if "=" in c.split(";", 1)[0]
            )
            headers_out = {k.lower(): v for k, v in response.headers.items()}
            return Answer(url=url, status=response.status, headers=headers_out, body=body, cookies=cookies)
        except (urllib3.exceptions.HTTPError, OSError) as exc:
            complete = False
            if isinstance(exc, (urllib3.exceptions.TimeoutError, TimeoutError)):
                raise FetchError(Status.TIMEOUT, "answer stalled before the timeout") from None
            raise FetchError(Status.SERVER_ERROR, f"answer cut off: {type(exc).__name__}") from None
        finally:
            if complete:
                response.release_conn()  # keep-alive: the connection goes back to the pool
            else:
                response.close()  # never download the rest of a big body just to reuse a socket

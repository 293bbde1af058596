"""A requests Session whose connections enforce the address policy.

requests/urllib3 resolve host names inside the connection; checking a URL's host
beforehand would leave a window (DNS rebinding, redirects). Here the connection
class itself resolves the name, drops refused addresses and connects to an allowed
IP, so no socket is ever opened to a refused address. TLS still verifies the
certificate against the host name, because urllib3 uses ``host`` (not the address
we connect to) for SNI and hostname checks.
"""

from __future__ import annotations

import socket
from typing import TypeVar

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ConnectTimeoutError, NameResolutionError, NewConnectionError
from urllib3.util.connection import create_connection

from bibkaz import __version__
from bibkaz.links.safety import AddressPolicy

#: Browser-like (some servers answer robots differently) but honest: it names bibkaz.
USER_AGENT = (
    f"Mozilla/5.0 (compatible; bibkaz/{__version__}; link checker for bibliographies; "
    "+https://pypi.org/project/bibkaz/)"
)
HEADERS = {
    "User-Agent": USER_AGENT,
    "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    "Accept-Language": "en;q=0.9,*;q=0.5",
}


E = TypeVar("E", bound=BaseException)


class UnsafeAddress(NewConnectionError):
    """Raised instead of connecting to an address the policy refuses."""

    def __init__(self, conn: object, refusal: str):
        super().__init__(conn, refusal)
        self.refusal = refusal


def _safe_new_conn(conn: HTTPConnection, policy: AddressPolicy) -> socket.socket:
    refusal = policy.refuse_host(conn.host)
    if refusal:
        raise UnsafeAddress(conn, refusal)
    try:
        infos = socket.getaddrinfo(conn._dns_host, conn.port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise NameResolutionError(conn.host, conn, exc) from exc
    allowed = []
    for family, _, _, _, sockaddr in infos:
        refusal = policy.refuse_ip(sockaddr[0])
        if refusal:
            continue
        allowed.append(sockaddr[0])
    if not allowed:
        raise UnsafeAddress(conn, refusal or f"refused: {conn.host} has no allowed address")
    last: OSError | None = None
    for address in dict.fromkeys(allowed):
        try:
            return create_connection(
                (address, conn.port), conn.timeout, source_address=conn.source_address,
                socket_options=conn.socket_options,
            )
        except TimeoutError as exc:
            raise ConnectTimeoutError(conn, f"Connection to {conn.host} timed out") from exc
        except OSError as exc:
            last = exc
    raise NewConnectionError(conn, f"Failed to establish a new connection: {last}") from last


def _classes(policy: AddressPolicy) -> dict[str, type]:
    class SafeHTTPConnection(HTTPConnection):
        def _new_conn(self) -> socket.socket:
            return _safe_new_conn(self, policy)

    class SafeHTTPSConnection(HTTPSConnection):
        def _new_conn(self) -> socket.socket:
            return _safe_new_conn(self, policy)

    class SafeHTTPPool(HTTPConnectionPool):
        ConnectionCls = SafeHTTPConnection

    class SafeHTTPSPool(HTTPSConnectionPool):
        ConnectionCls = SafeHTTPSConnection

    return {"http": SafeHTTPPool, "https": SafeHTTPSPool}


class SafeAdapter(HTTPAdapter):
    """An HTTPAdapter whose pools use the policy-checking connections."""

    def __init__(self, policy: AddressPolicy, pool_size: int):
        self._policy = policy
        super().__init__(pool_connections=64, pool_maxsize=pool_size, max_retries=0)

    def init_poolmanager(self, connections, maxsize, block=False, **pool_kwargs):  # noqa: ANN001 - requests API
        super().init_poolmanager(connections, maxsize, block=block, **pool_kwargs)
        self.poolmanager.pool_classes_by_scheme = _classes(self._policy)


def build_session(policy: AddressPolicy, pool_size: int) -> requests.Session:
    """A Session for link checking. Proxies from the environment are ignored on
    purpose: through a proxy the address policy cannot see where a request goes."""
    session = requests.Session()
    session.trust_env = False
    session.headers.update(HEADERS)
    adapter = SafeAdapter(policy, pool_size)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


def find_cause(exc: BaseException, kind: type[E]) -> E | None:
    """The first exception of type ``kind`` in a requests exception chain.

    requests wraps urllib3 errors which wrap socket errors, through ``reason``,
    ``args``, ``__cause__`` and ``__context__``; this walks all of them.
    """
    seen: set[int] = set()
    stack: list[object] = [exc]
    while stack:
        item = stack.pop()
        if not isinstance(item, BaseException) or id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, kind):
            return item
        stack.extend([item.__cause__, item.__context__, getattr(item, "reason", None), *item.args])
    return None


def unsafe_reason(exc: BaseException) -> str:
    """The policy's refusal hidden in a requests exception chain, or ""."""
    found = find_cause(exc, UnsafeAddress)
    return found.refusal if found else ""

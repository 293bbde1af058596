"""Tell "this machine has no network" from "these links are dead".

Without this check an offline laptop would report every link in a bibliography as
broken. Before any link is requested we resolve and connect to the DOI resolver's
host with a short timeout; if that fails, nothing is requested and every link that
needed the network is reported as ``unreachable``, once, not as dead.
"""

from __future__ import annotations

import socket
from urllib.parse import urlsplit


def probe(url: str, timeout: float = 3.0) -> str:
    """"" when ``url``'s host accepts a TCP connection, else why not."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        return f"cannot read the address {url!r}"
    if not host:
        return f"no host in {url!r}"
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        return f"cannot resolve {host} ({exc.strerror})"
    last = ""
    for family, kind, proto, _, address in infos:
        try:
            with socket.socket(family, kind, proto) as sock:
                sock.settimeout(timeout)
                sock.connect(address)
                return ""
        except OSError as exc:
            last = exc.strerror or type(exc).__name__
    return f"cannot connect to {host}:{port} ({last})"

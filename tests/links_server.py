"""A scriptable HTTP server on 127.0.0.1 for the link checker's tests.

Each route is a function of the request returning (status, headers, body); the
server records every request and the highest number served at once per path, so
tests can assert retries, HEAD/GET fallbacks and politeness limits.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable

Reply = tuple[int, dict[str, str], bytes]


@dataclass(frozen=True)
class Seen:
    method: str
    path: str
    host: str
    cookie: str = ""
    agent: str = ""


Route = Callable[[Seen, int], Reply]  # (request, how many times this path was asked before) -> reply


@dataclass
class LocalServer:
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[Seen] = field(default_factory=list)
    peak: Counter = field(default_factory=Counter)
    _active: Counter = field(default_factory=Counter)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self) -> "LocalServer":
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def _serve(self) -> None:
                path = self.path.split("?", 1)[0]
                seen = Seen(self.command, self.path, self.headers.get("Host", ""), self.headers.get("Cookie", ""),
                            self.headers.get("User-Agent", ""))
                with owner._lock:
                    count = sum(1 for r in owner.requests if r.path.split("?", 1)[0] == path)
                    owner.requests.append(seen)
                    owner._active[path] += 1
                    owner.peak[path] = max(owner.peak[path], owner._active[path])
                try:
                    route = owner.routes.get(path) or owner.routes.get("*")
                    status, headers, body = route(seen, count) if route else (404, {}, b"no route")
                finally:
                    with owner._lock:
                        owner._active[path] -= 1
                self.send_response(status)
                headers = {"Content-Type": "text/html; charset=utf-8", **headers}
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command != "HEAD":
                    try:
                        self.wfile.write(body)
                    except OSError:
                        pass

            do_GET = do_HEAD = _serve

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self.port = self._httpd.server_address[1]
        threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def count(self, path: str, method: str = "") -> int:
        return sum(1 for r in self.requests if r.path.split("?", 1)[0] == path and (not method or r.method == method))


def page(title: str = "A page", status: int = 200) -> Route:
    body = f"<html><head><title>{title}</title></head><body>text</body></html>".encode()
    return lambda seen, n: (status, {}, body)


def redirect(location: str, status: int = 302) -> Route:
    return lambda seen, n: (status, {"Location": location}, b"")


def answer(status: int, headers: dict[str, str] | None = None, body: bytes = b"") -> Route:
    return lambda seen, n: (status, dict(headers or {}), body)


def sequence(*replies: Reply) -> Route:
    """Reply with each in turn, then keep repeating the last one."""
    return lambda seen, n: replies[min(n, len(replies) - 1)]


def slow(seconds: float, inner: Route) -> Route:
    def route(seen: Seen, n: int) -> Reply:
        time.sleep(seconds)
        return inner(seen, n)

    return route

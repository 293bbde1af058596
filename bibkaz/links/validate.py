"""Is a string a URL or DOI we can check? Decided without any request.

Links come from text extraction, so they are often cut short ("10.1080/"), carry
trailing punctuation from the sentence, or contain spaces from a line break. Those
are reported as ``invalid`` with the reason instead of being sent to a server.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit, urlunsplit

#: Prefixes that turn a DOI into a resolver URL or a label; stripped, not an error.
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi\s*:\s*|doi\s+)", re.IGNORECASE)
_DOI_SHAPE = re.compile(r"^10\.\d{4,9}/")
_TRAILING = ".,;:"
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_LABEL = r"(?!-)[a-z0-9-]{1,63}(?<!-)"
_HOST = re.compile(rf"^{_LABEL}(?:\.{_LABEL})*$")


@dataclass(frozen=True)
class Checked:
    """A link after validation: its canonical form (the identity used to check it
    once and to cache it), and a reason when it is malformed."""

    kind: str  # "url" | "doi"
    canonical: str
    reason: str = ""

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.canonical.lower() if self.kind == 'doi' else self.canonical}"


def is_doi_like(text: str) -> bool:
    """True for bare DOIs, "doi:" labels and doi.org URLs."""
    stripped = _DOI_PREFIX.sub("", text.strip())
    return stripped.startswith("10.") or bool(_DOI_PREFIX.match(text.strip()))


def check_doi(text: str) -> Checked:
    """Validate a DOI; prefixes ("doi:", "https://doi.org/") are removed first."""
    doi = _DOI_PREFIX.sub("", text.strip())
    if "%" in doi:
        doi = unquote(doi)
    if not doi:
        return Checked("doi", text.strip(), "empty DOI")
    if re.search(r"\s", doi):
        return Checked("doi", doi, "DOI contains spaces")
    if _CONTROL.search(doi):
        return Checked("doi", doi, "DOI contains control characters")
    if not _DOI_SHAPE.match(doi):
        return Checked("doi", doi, "not a DOI (must start with 10.<registrant>/)")
    prefix, _, suffix = doi.partition("/")
    if not suffix:
        return Checked("doi", doi, "DOI cut short: nothing after the '/'")
    last = doi[-1]
    if last in _TRAILING:
        return Checked("doi", doi, f"DOI ends with punctuation {last!r} (probably {doi.rstrip(_TRAILING)})")
    for opener, closer in ("()", "[]"):
        if last == closer and doi.count(closer) > doi.count(opener):
            return Checked("doi", doi, f"DOI ends with unbalanced {closer!r} (probably {doi[:-1]})")
    return Checked("doi", doi)


def _host_reason(host: str) -> str:
    """Why a host name is not a valid DNS name or IP literal, or ""."""
    if not host:
        return "URL has no host"
    if ":" in host or host[-1].isdigit():  # only then can it be an IP literal
        try:
            ipaddress.ip_address(host)
            return ""
        except ValueError:
            pass
    if host.isascii():
        ascii_host = host.lower()  # the common case; the idna codec is slow
    else:
        try:
            ascii_host = host.encode("idna").decode("ascii")
        except UnicodeError:
            return f"host name {host!r} is not valid"
    if len(ascii_host) > 253 or not _HOST.match(ascii_host) or ascii_host.rsplit(".", 1)[-1].isdigit():
        return f"host name {host!r} is not valid"
    return ""


def check_url(text: str) -> Checked:
    """Validate an http(s) URL and put it in canonical form: lower-case scheme and
    host, no default port, no fragment (it is never sent to the server), "/" for
    an empty path. A bare "www." address gets http:// (as the parser does)."""
    url = text.strip()
    if not url:
        return Checked("url", url, "empty URL")
    if re.search(r"\s", url):
        return Checked("url", url, "URL contains spaces")
    if _CONTROL.search(url):
        return Checked("url", url, "URL contains control characters")
    if url.lower().startswith("www."):
        url = "http://" + url
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        return Checked("url", url, f"malformed URL: {exc}")
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        return Checked("url", url, f"not an http(s) URL (scheme {scheme!r})" if scheme else "URL has no scheme")
    host = (parts.hostname or "").rstrip(".")
    reason = _host_reason(host)
    if reason:
        return Checked("url", url, reason)
    if ":" in host:
        host = f"[{host}]"
    if port is not None and port != (443 if scheme == "https" else 80):
        host = f"{host}:{port}"
    userinfo = parts.netloc.rpartition("@")[0]
    netloc = f"{userinfo}@{host}" if userinfo else host
    canonical = urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))
    return Checked("url", canonical)


def check_link(text: str, kind: str = "") -> Checked:
    """Validate ``text`` as ``kind`` ("url" or "doi"), or guess the kind: doi.org
    URLs and bare "10.…" strings are DOIs, everything else a URL."""
    if kind == "doi" or (kind != "url" and is_doi_like(text)) or _DOI_PREFIX.match(text.strip()):
        return check_doi(text)
    return check_url(text)

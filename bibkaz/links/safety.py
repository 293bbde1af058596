"""Which addresses a link checker may contact.

Links come from untrusted documents, and a link checker that requests whatever it
is given can be turned against the machine it runs on (server-side request
forgery): a cited "http://169.254.169.254/…" would read cloud credentials. So
link-local and cloud-metadata addresses are never contacted, not even after a
redirect, and loopback/private ranges only when the user allows it. The check is
applied to every address a host name resolves to, at connect time (see
:mod:`bibkaz.links.transport`), so DNS rebinding cannot slip past it.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

#: Host names that serve cloud instance metadata (GCP, AWS, Azure, OpenStack…).
METADATA_HOSTS = frozenset(
    {
        "metadata",
        "metadata.google.internal",
        "metadata.goog",
        "metadata.azure.com",
        "instance-data",
        "instance-data.ec2.internal",
    }
)

#: Metadata addresses outside link-local space (AWS IPv6, Alibaba, Oracle).
_METADATA_NETS = tuple(
    ipaddress.ip_network(n) for n in ("fd00:ec2::254/128", "100.100.100.200/32", "192.0.0.192/32")
)


@dataclass(frozen=True)
class AddressPolicy:
    """``allow_private`` opens loopback and private ranges (tests, intranets)."""

    allow_private: bool = False

    def refuse_host(self, host: str) -> str:
        """Why a host name must not be contacted, or "" (checked before DNS)."""
        name = host.lower().rstrip(".").strip("[]")
        if name in METADATA_HOSTS:
            return f"refused: {name} is a cloud metadata host"
        try:
            return self.refuse_ip(name)
        except ValueError:
            pass
        if not self.allow_private and (name == "localhost" or name.endswith(".localhost")):
            return f"refused: {name} is this machine (use --allow-private)"
        return ""

    def refuse_ip(self, address: str) -> str:
        """Why an IP address must not be contacted, or "". Raises ValueError for
        a string that is not an IP address."""
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
        if any(ip in net for net in _METADATA_NETS if net.version == ip.version):
            return f"refused: {ip} is a cloud metadata address"
        if ip.is_link_local:
            return f"refused: {ip} is a link-local address"
        if ip.is_unspecified or ip.is_multicast:
            return f"refused: {ip} is not a host address"
        if not self.allow_private and (ip.is_loopback or ip.is_private or ip.is_reserved):
            return f"refused: {ip} is a private or loopback address (use --allow-private)"
        return ""

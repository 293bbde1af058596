"""Whether a link's words already give the DOI its address resolves.

Reference managers print a work's DOI as its words and link them to the resolver: "doi:10.1109/
icmla.2017.0-183" linked to https://doi.org/10.1109/icmla.2017.0-183 (Zotero's and Mendeley's
Vancouver styles in Word, a journal page's reference list). The readers write a reference's link
as "words <address>" unless the words show the address; the DOI is that address in other words,
and the copy after it ("doi:10.1109/… <https://doi.org/10.1109/…>") made the parser read the entry's
publisher into its title ("Deep Learning for Microalgae Classification. Institute of Electrical and
Electronics Engineers"), where the text conversion, showing the DOI alone, was read right. The HTML
and Word readers ask the same question here.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

#: A DOI resolver's address and the DOI it resolves.
_RESOLVER = re.compile(r"^(?:https?://)?(?:dx\.)?doi\.org/(?P<doi>10\.\d{4,9}/\S+)$", re.I)


def shows_doi(words: str, address: str) -> bool:
    """Whether ``address`` is a DOI resolver's and ``words`` hold the DOI it resolves."""
    m = _RESOLVER.match(unquote(address.strip()))
    if not m:
        return False
    doi = m.group("doi").rstrip("/.").lower()
    return doi in words.lower()

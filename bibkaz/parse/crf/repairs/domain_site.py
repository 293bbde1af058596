"""A bare domain right after the title is the site's name, not the page's address.

Wikipedia cites web pages whose site is known only by its host: '"Anatomy of a Compiler and
The Tokenizer". www.cs.man.ac.uk.', 'Table of Resistivity. hyperphysics.phy-astr.gsu.edu',
'Transmission Lines data. Transmission-line.net. Retrieved on 2014-02-03.' (the template's
``website=``). The model read the host as the link (which then named no page) or as the
title's last word. A host with no scheme and no path that follows the title directly, as the
title's last full-stop-ended word or as a "url" of its own, is the container.
"""

from __future__ import annotations

import re
from typing import Sequence

#: "www.cs.man.ac.uk.", "ibchem.com", "Transmission-line.net.": a host, nothing more.
_HOST = re.compile(r"^(?:www\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:com|org|net|edu|gov|info|io|uk|de|fr|ca|au|"
                   r"eu|int|mil|us|nl|ch|jp|in|it|es|se|no|fi|dk|be|at|nz|ie)\.?$")
#: What may follow the site: nothing, or the access note and date.
_AFTER = frozenset({"note", "date"})


def repair(tokens: Sequence[str], labels: list[str]) -> list[str]:
    """A host standing alone after the title → container-title."""
    if "container-title" in labels or "journal" in labels or "title" not in labels:
        return labels
    for i in range(1, len(labels)):
        if not _HOST.match(tokens[i]) or labels[i - 1] != "title":
            continue
        if labels[i] == "url" or (labels[i] == "title" and tokens[i - 1].endswith(".") and i - 1 > labels.index("title")):
            if i + 1 < len(labels) and (labels[i + 1] in ("title", "url") or labels[i + 1] not in _AFTER):
                return labels
            out = list(labels)
            out[i] = "container-title"
            return out
    return labels

"""A preprint server or a research repository named on its own is where the work appeared.

"Andersen, K. S., … (2018). ampvis2: An r package to analyse and visualise 16S rRNA amplicon data.
bioRxiv. https://doi.org/10.1101/299537", "Wilson G: Dataset 2 in: Software Carpentry: lessons
learned. F1000Research. 2016.", "Gutzman K, … 2016. Attribution of work in the scholarly
ecosystem. figshare DOI 10.6084/m9.figshare.3175198.v1.": the model read the server's name as part
of the link, a note or the title's last sentence, and the work had no container. Its name standing
alone (ended by a full stop or a comma, or right before "DOI" or "preprint": "arXiv preprint
arXiv:2001.08361") is the journal for a preprint
server or an open-review journal, the container for a repository.
"""

from __future__ import annotations

from typing import Sequence

#: Names, as printed, and the label each takes.
_NAMES = {"bioRxiv": "journal", "medRxiv": "journal", "arXiv": "journal", "SSRN": "journal",
          "F1000Research": "journal", "figshare": "container-title"}


def repair(tokens: Sequence[str], labels: list[str]) -> list[str]:
    """A lone server or repository name → journal or container-title, when the reference has neither."""
    if "journal" in labels or "container-title" in labels:
        return labels
    for i, token in enumerate(tokens):
        name = token.rstrip(".,;")
        if name not in _NAMES or i == 0 or labels[i] in ("author", "doi"):
            continue
        # (ACM's and Google Scholar's "arXiv preprint arXiv:2001.08361 (2020)." names it before "preprint")
        alone = token != name or (i + 1 < len(tokens) and (tokens[i + 1].upper().startswith("DOI")
                                                           or tokens[i + 1].lower().rstrip(".,") == "preprint"))
        if alone and tokens[i - 1].endswith((".", ",", ")")):
            out = list(labels)
            out[i] = _NAMES[name]
            return out
    return labels

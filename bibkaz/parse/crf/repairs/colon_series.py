"""USGS style: "Authors, 2010, Title—Subtitle: Series or Journal, v. 5, p. 653–670."

The U.S. Geological Survey's style (and GSA's, which it follows) puts the year between commas
after the authors, separates a subtitle with a dash, and ends the title with a colon before the
series ("U.S. Geological Survey Scientific Investigations Report 2010–5109, 379 p."), the
journal ("Hydrology and Earth System Sciences, v. 5, no. 4, p. 653–670.") or the publisher
("W.H. Freeman, 818 p."). The model, which saw colons mostly before subtitles, ran the title on
over them. Where the year stands so (a bare year and a comma, right before the title), the
title ends at its first colon, and what follows it up to the next field is:

- the series, when it names one (Report, Bulletin, Circular, Paper, Release, Techniques and
  Methods, Fact Sheet, Open-File …);
- the journal, when a volume ("v. 5") follows;
- the publisher, when a short name is followed directly by the pages ("W.H. Freeman, 818 p.").
"""

from __future__ import annotations

import re
from typing import Sequence

_YEAR_COMMA = re.compile(r"^(?:1[6-9]\d\d|20\d\d)[a-z]?,$")
_SERIES = re.compile(r"^(?:Report|Bulletin|Circular|Paper|Papers|Release|Methods|Investigations|Open-File|Sheet|Series|"
                     r"Atlas|Map|Memoir)\b", re.I)
_MAX_PUBLISHER_WORDS = 5
_QUOTES = "\"'“‘«"


def repair(tokens: Sequence[str], labels: list[str]) -> list[str]:
    """Title tokens after the title's first colon → series, journal or publisher (see above)."""
    if "title" not in labels:
        return labels
    i = labels.index("title")
    if i == 0 or labels[i - 1] != "date" or not _YEAR_COMMA.match(tokens[i - 1]) or tokens[i][:1] in _QUOTES:
        return labels  # (a quoted title is not USGS style: "… 1998, 'Title: Subtitle', Journal, …")
    n = len(labels)
    end = i
    while end + 1 < n and labels[end + 1] == "title":
        end += 1
    colon = next((k for k in range(i + 1, end) if tokens[k].endswith(":")), None)
    if colon is None or not tokens[colon + 1][:1].isupper():
        return labels  # a subtitle in lower case ("…not heard: the production of …") is the title's
    stop = end + 1
    while stop < n and labels[stop] == "journal":
        stop += 1  # a journal the model began inside the title ("Hydrology and Earth" / "System Sciences,")
    rest = range(colon + 1, stop)
    following = labels[stop] if stop < n else ""
    if any(_SERIES.match(tokens[k].strip(",.")) for k in rest):
        label = "collection-title"
    elif following == "volume":
        label = "journal"
    elif following == "pages" and len(rest) <= _MAX_PUBLISHER_WORDS and tokens[stop - 1].endswith(","):
        label = "publisher"
    else:
        return labels
    out = list(labels)
    for k in rest:
        out[k] = label
    return out

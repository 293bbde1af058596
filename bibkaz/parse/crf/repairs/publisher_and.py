"""A publisher's name that goes on after its "and" is not an author after the title.

"…, National Institute of Standards and Technology, Gaithersburg, Maryland, November 2011": the
model closed the publisher at "Standards" and read "and Technology, Gaithersburg, Maryland" as a
second author run. No style names authors after the title and a publisher; a run that opens with
"and" straight after a publisher's word is the publisher's own name going on, and what follows it
in that run, comma by comma, is its place.
"""

from __future__ import annotations

from typing import Sequence


def repair(tokens: Sequence[str], labels: list[str]) -> list[str]:
    """"and …," after a publisher word → publisher; the rest of that author run → location."""
    if "publisher" not in labels or "title" not in labels or ("and" not in tokens and "&" not in tokens):
        return labels
    first_title = labels.index("title")
    out = list(labels)
    for i in range(max(first_title, 1), len(tokens) - 1):
        if out[i] != "author" or out[i - 1] != "publisher" or tokens[i].lower() not in ("and", "&") \
                or tokens[i - 1].endswith((",", ".", ";", ":")):
            continue
        end = i
        while end < len(out) and out[end] == "author":
            end += 1
        name_end = next((k for k in range(i + 1, end) if tokens[k].endswith((",", "."))), end - 1)
        out[i:name_end + 1] = ["publisher"] * (name_end + 1 - i)
        out[name_end + 1:end] = ["location"] * (end - name_end - 1)
        break
    return out

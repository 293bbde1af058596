"""In a note whose parts are cut by commas, a label changes at a comma, not inside a part.

Chicago notes of reports print "Author, Title, Publisher, Place, Date": the commas cut the parts.
The model, deciding each token from a few neighbours, sometimes lets the title run on into the
publisher's first words and starts the publisher inside its name: "…Transition Through 2050, Oak
Ridge | National Laboratory, Department of Energy (2003)", "…A Review and Analysis, Food Assistance
and Nutrition | Research Report No. 13". Where the title run holds a comma and its last part is
cut off from the publisher's, journal's or series' run that follows by no mark at all, that part
(capitalised words, a few) opens the following run.
"""

from __future__ import annotations

from typing import Sequence

#: The runs a title is followed by in such notes.
_NEXT = frozenset({"publisher", "journal", "container-title", "collection-title"})
#: Lower-case words a body's or a series' name may hold.
_SMALL = frozenset({"of", "and", "the", "for", "on", "&", "in"})
#: A name's opening words left in the title are few.
_MAX_WORDS = 5
_CLOSERS = (",", ".", ":", ";", "?", "!", ")", "”", '"', "’", "'")


def repair(tokens: Sequence[str], labels: list[str]) -> list[str]:
    """The title's last comma-cut part, glued to the next run → that run's label."""
    n = min(len(tokens), len(labels))
    out = labels
    k = 1
    while k < n:
        if labels[k - 1] == "title" and labels[k] in _NEXT and labels[k] != labels[k - 1] \
                and not tokens[k - 1].endswith(_CLOSERS) and tokens[k][:1].isupper():
            start = k - 1
            while start > 0 and labels[start - 1] == "title" and not tokens[start - 1].endswith(","):
                start -= 1
            if start > 0 and labels[start - 1] == "title" and k - start <= _MAX_WORDS \
                    and tokens[start][:1].isupper() \
                    and all(t[:1].isupper() or t in _SMALL for t in tokens[start:k]) \
                    and not any(c.isdigit() for t in tokens[start:k] for c in t):
                out = out if out is not labels else list(labels)
                out[start:k] = [labels[k]] * (k - start)
        k += 1
    return out

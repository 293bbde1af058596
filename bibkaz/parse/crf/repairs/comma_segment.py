"""In a note whose parts are cut by commas, a label changes at a comma, not inside a part.

Chicago notes of reports print "Author, Title, Publisher, Place, Date": the commas cut the parts.
The model, deciding each token from a few neighbours, sometimes lets the title run on into the
publisher's first words and starts the publisher inside its name: "…Transition Through 2050, Oak
Ridge | National Laboratory, Department of Energy (2003)", "…A Review and Analysis, Food Assistance
and Nutrition | Research Report No. 13". Where the title run holds a comma and its last part is
cut off from the publisher's, journal's or series' run that follows by no mark at all, that part
(capitalised words, a few) opens the following run. So does a last part that names a body right
before the publisher's run ("…, Variable-Rate State Gasoline Taxes, Institute of Transportation
Studies, University of California, Berkeley, …").
"""

from __future__ import annotations

from typing import Sequence

#: The runs a title is followed by in such notes.
_NEXT = frozenset({"publisher", "journal", "container-title", "collection-title"})
#: Lower-case words a body's or a series' name may hold.
_SMALL = frozenset({"of", "and", "the", "for", "on", "&", "in"})
#: A name's opening words left in the title are few.
_MAX_WORDS = 5
#: A body's name is short.
_MAX_BODY = 8
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
        elif labels[k - 1] == "title" and labels[k] == "publisher" and tokens[k - 1].endswith(","):
            out = _body_part(tokens, labels, out, k)
        k += 1
    return out


def _body_part(tokens: Sequence[str], labels: list[str], out: list[str], k: int) -> list[str]:
    """"…, Variable-Rate State Gasoline Taxes, Institute of Transportation Studies, | University of
    California, …": the title's last comma part, right before the publisher's run, names a body
    (normalise/names) and a part of the title stands before it: the body is the publisher's."""
    from bibkaz.parse.normalise.names import looks_like_organisation

    start = k - 1
    while start > 0 and labels[start - 1] == "title" and not tokens[start - 1].endswith(","):
        start -= 1
    if start == 0 or labels[start - 1] != "title" or not 2 <= k - start <= _MAX_BODY:
        return out
    words = [t.rstrip(",") for t in tokens[start:k]]
    if not all(w[:1].isupper() or w in _SMALL for w in words) or not words[-1][:1].isupper():
        return out
    if not looks_like_organisation(" ".join(words)):
        return out
    out = out if out is not labels else list(labels)
    out[start:k] = ["publisher"] * (k - start)
    return out

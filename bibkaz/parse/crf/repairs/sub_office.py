"""A body's office after the body is part of the author, and the name after it the title.

Chicago notes cite an agency's publication by the agency and its office: "Department of the
Treasury, Bureau of the Fiscal Service, Treasury Bulletin, March 2026, p. 76, https://…",
"DOL, Office of Unemployment Insurance, State Unemployment Insurance Trust Fund Solvency Report
2020, February 2020, https://…". The model took the office for the title and the publication's
name for a publisher or a series. Right after a body's name, a comma-ended run labelled title
that opens with an office's word ("Office of", "Bureau of", "Division of" …) and is followed by
another comma-ended run (a series, publisher, container or journal) is the author's office; that
next run is the title. And a reference left with no title whose series follows its authors
directly ("DOL, ETA, Unemployment Insurance Program Letter, UIPL 3-17, December 8, 2016") names
the work by that series: it is the title.
"""

from __future__ import annotations

from typing import Sequence

#: The first word of an office within a body, lower case.
_OFFICE = frozenset({"office", "bureau", "division", "directorate", "center", "centre", "centers", "branch",
                     "administration", "service", "section", "unit", "program", "programme"})
_NAMED = frozenset({"collection-title", "publisher", "container-title", "journal"})


def _run_end(labels: Sequence[str], start: int) -> int:
    end = start
    while end < len(labels) and labels[end] == labels[start]:
        end += 1
    return end


def repair(tokens: Sequence[str], labels: list[str]) -> list[str]:
    """Office after the author → author, the run after it → title; else a lone series after the authors → title."""
    if not labels or labels[0] != "author":
        return labels
    a_end = _run_end(labels, 0)
    if a_end >= len(labels) or not tokens[a_end - 1].endswith(","):
        return labels
    if labels[a_end] == "collection-title" and "title" not in labels:
        s_end = _run_end(labels, a_end)
        if s_end - a_end >= 3 and tokens[a_end][:1].isupper():
            out = list(labels)
            out[a_end:s_end] = ["title"] * (s_end - a_end)
            return out
        return labels
    if labels[a_end] == "title" and tokens[a_end].lower() not in _OFFICE:
        return _offices_before_title(tokens, labels, a_end)
    if labels[a_end] != "title":
        return labels
    t_end = _run_end(labels, a_end)
    if t_end >= len(labels) or labels[t_end] not in _NAMED or not tokens[t_end - 1].endswith(",") \
            or "title" in labels[t_end:]:
        return labels
    n_end = _run_end(labels, t_end)
    ends = tokens[n_end - 1].endswith(",") or (n_end < len(labels) and labels[n_end] == "date")
    if n_end - t_end < 2 or not ends or not tokens[t_end][:1].isupper():
        return labels
    out = list(labels)
    out[a_end:t_end] = ["author"] * (t_end - a_end)
    out[t_end:n_end] = ["title"] * (n_end - t_end)
    return out


#: Lower-case words a body's or an office's name may hold.
_SMALL = frozenset({"of", "and", "the", "for", "on", "&", "in"})
#: An office's name is short.
_MAX_OFFICE = 12


def _offices_before_title(tokens: Sequence[str], labels: list[str], a_end: int) -> list[str]:
    """"U.S. Department of Defense, Deputy Under Secretary of Defense for Acquisition Reform.
    Incentive Strategies …", "Department of Health and Human Services, Centers for Disease Control
    and Prevention, National Institute for …, _Impact Wellbeing™ Guide …_": after a body's name, the
    title run's opening parts that name bodies or offices (normalise/names), each closed by a comma
    or a full stop, are the author's, while a title of two words or more is left after them."""
    from bibkaz.parse.normalise.names import looks_like_organisation

    if not looks_like_organisation(" ".join(tokens[:a_end]).rstrip(",")):
        return labels
    t_end = _run_end(labels, a_end)
    start, moved = a_end, a_end
    while start < t_end:
        stop = next((k for k in range(start, min(t_end, start + _MAX_OFFICE)) if tokens[k].endswith((",", "."))), -1)
        if stop < 0 or t_end - (stop + 1) < 2:
            break
        words = [t.rstrip(",.") for t in tokens[start:stop + 1]]
        if len(words) < 2 or not all(w[:1].isupper() or w in _SMALL for w in words) or not _names_office(words):
            break
        start = moved = stop + 1
    if moved == a_end:
        return labels
    out = list(labels)
    out[a_end:moved] = ["author"] * (moved - a_end)
    return out


#: The kind of document a title opens with: "Memorandum for Heads of Executive Departments and
#: Agencies." names its addressees, not an office.
_DOCUMENT_WORDS = frozenset({"memorandum", "letter", "testimony", "statement", "report", "guide", "fact",
                             "assessment", "budget", "inventory", "options", "hearing"})


def _names_office(words: Sequence[str]) -> bool:
    """Whether a part's words name an office or a body: a body's word ends it ("Grant Accountability
    Project") or heads a phrase ("Office on Smoking and Health", "National Center for Chronic Disease
    Prevention …"), and it opens with no kind of document. (Not the "of" in any capitalised run:
    "Assessment of Coal Geology" and "Options for Taxing U.S." are titles' first parts.)"""
    from bibkaz.parse.normalise.names import ORG_WORDS

    low = [w.lower() for w in words]
    if low[0] in _DOCUMENT_WORDS or any(":" in w for w in words):
        return False
    return low[-1] in ORG_WORDS or any(w in ORG_WORDS and nxt in ("of", "for", "on") for w, nxt in zip(low, low[1:]))

"""The note-part model: segments labelled B (a work starts), I (it continues), O (commentary)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pycrfsuite

from bibkaz.extract.note_parts.features import featurize
from bibkaz.extract.note_parts.segments import Segment, segments
from bibkaz.model import BibkazError

MODEL_PATH = Path(__file__).with_name("model.crfsuite")
#: Words that lead from commentary into the works a sentence cites ("… include CRS Report R1, …").
_SEE_INSIDE = re.compile(r"(?i:(?:^|[,;:]\s+|\s)(?:see also|see, e\.g\.,|see, for (?:example|instance),|see generally|see|cf\.|includes?|including|"
                         r"such as|for example,|e\.g\.,?)\s+(?=[A-Z“\"‘0-9]))|"
                         # "… can be found in McKay and Johnson, Parliament …": a passive verb of pointing, then a
                         # capitalised work (case counts here: "is addressed in the section …" is not cut)
                         r"\s(?i:can be found (?:at|in)|(?:is|are) (?:discussed|described|addressed|examined|"
                         r"analy[sz]ed|reviewed) in)\s+(?=[A-Z“\"‘])")
_QUOTED = re.compile(r"[“\"‘'][^”\"’']{8,300}[”\"’']")
_URL = re.compile(r"(?:https?://|www\.)[^\s<>]+[^\s<>.,;:)\]]")
_LEAD = re.compile(r"^(?:see also|see, e\.g\.,|see generally|see, for (?:example|instance),|see|cf\.|also|and|for example,|"
                   r"for instance,|e\.g\.,?|such as)\s+", re.I)
#: Where commentary takes over after the work a part names ("…, p. H24, for the Speaker's notification …",
#: "… by A. Lee for a detailed explanation of …", "…, clause 4(a)(1), regarding required hearings …").
_TAIL = re.compile(r",\s+(?:for (?:the|a|an|more|further|its|their)|regarding|which|referenced (?:earlier|above))\s|"
                   r"\s(?:for an? (?:detailed|fuller|full|more|further|short|brief|general|useful) \w+)")
_SIGN = re.compile(r"(?<!\d)(?:1[6-9]\d\d|20\d\d)(?!\d)|https?://|www\.|[“\"‘]|\bdoi\b|\b10\.\d{4,}/", re.I)
#: What only completes a reference ("Viewed July 2013.", "Accessed: 2014-02-07", "ISBN …"): never a work of its own.
_COMPLETES = re.compile(r"^(?:accessed|viewed|retrieved|last (?:visited|accessed|updated)|available (?:at|from|online)|"
                        r"updated|doi\b|isbn\b|issn\b|pmid\b|pmcid\b|reference source|archived from)", re.I)
#: "For notification of X, see Y": a sentence that leads into a work by "see" starts a work of its own,
#: even where the model reads it as going on with the work before.
_INTRO_SEE = re.compile(r"^(?:for|on|regarding|about|in|to)\b[^.;]{0,200}?,\s+see\s+(?=[A-Z“\"‘0-9])", re.I)


@lru_cache(maxsize=2)
def _tagger(path: str) -> pycrfsuite.Tagger:
    tagger = pycrfsuite.Tagger()
    try:
        tagger.open(path)
    except (OSError, ValueError) as exc:
        raise BibkazError(f"{path}: cannot load the note-part model ({exc})") from None
    return tagger


#: Wikipedia's back-links before a note's text: "^", "^ a b c" (the letters glued to the first word at times),
#: "^ ^a ^b". They are not part of the work, and left in they make a segment of their own ("^ a bHull, D. L.;").
_BACKLINKS = re.compile(r"^\^(?:\s*\^?[a-z](?=[\s^A-Z\"“]))*\s*")


def body_start(text: str) -> int:
    """Where the note's own text starts, after back-links."""
    m = _BACKLINKS.match(text)
    return m.end() if m else 0


def note_segments(text: str) -> list[Segment]:
    """The note's segments, back-links left out, offsets into the whole text."""
    at = body_start(text)
    if not at:
        return segments(text)
    return [Segment(s.text, s.start + at, s.end + at, s.after_semicolon) for s in segments(text[at:])]


def label_segments(text: str, model_path: str | Path = MODEL_PATH) -> list[tuple[Segment, str]]:
    """Every segment of a note with its label (B, I or O)."""
    segs = note_segments(text)
    if not segs:
        return []
    return list(zip(segs, _tagger(str(model_path)).tag(featurize(segs))))


def citing_parts(text: str, model_path: str | Path = MODEL_PATH) -> list[str]:
    """The parts of a note that cite works, one string per work ("See" and the like dropped)."""
    works: list[tuple[int, int]] = []
    for seg, label in label_segments(text, model_path):
        if label == "I" and _INTRO_SEE.match(seg.text):
            label = "B"
        elif label == "B" and works and works[-1][0] >= 0 and _COMPLETES.match(seg.text):
            label = "I"
        if label == "B" or (label == "I" and not works):
            works.append((seg.start, seg.end))
        elif label == "I":
            works[-1] = (works[-1][0], seg.end)
        else:
            works.append((-1, -1))  # commentary closes the work before it
            # A link in commentary ("Tables are posted at <https://…>") is still a cited page; when the
            # sentence also names it in quotes ("The video, titled ‘…’, is at https://…"), the sentence
            # is kept whole so the parser sees the title too.
            links = list(_URL.finditer(seg.text))
            if links and _QUOTED.search(seg.text):
                works.append((seg.start, seg.end))
            else:
                works.extend((seg.start + m.start(), seg.start + m.end()) for m in links)
    out = []
    for start, end in works:
        if start < 0:
            continue
        part = text[start:end].strip().rstrip(";").strip()
        see = _SEE_INSIDE.search(part)
        if see and see.start() > 0:
            part = part[see.end():]  # "For details on X, see CRS Report R1, Title": the work follows "see"
        part = _LEAD.sub("", part)
        part = _without_commentary_tail(part)
        if part:
            out.append(part)
    return out


def _without_commentary_tail(part: str) -> str:
    """The part up to where commentary follows the work, when the rest names nothing a reference holds
    (no year, link, quote or DOI) and what is kept is more than a few words."""
    tail = _TAIL.search(part)
    if tail is None or len(part[:tail.start()].split()) < 3 or _SIGN.search(part, tail.start()):
        return part
    return part[:tail.start()].rstrip(" ,;")

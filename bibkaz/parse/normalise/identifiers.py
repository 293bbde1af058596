"""DOIs and URLs: the forms references print them in, reduced to one form."""

from __future__ import annotations

import re

#: A DOI or a web address ends before a raised note call glued to it ("…/d111654²⁶", "…/report.pdf³"):
#: neither ever holds a superscript digit.
DOI_RE = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>⁰¹²³⁴⁵⁶⁷⁸⁹]+)", re.I)
URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"⁰¹²³⁴⁵⁶⁷⁸⁹]+", re.I)
_TRAIL = ".,;:)]}>'\"’”"
#: A ")" closing a bracket the link did not open, then a note call glued on: "…/complaints/),42", "…/releases).45".
_CLOSED_THEN_CALL = re.compile(r"\)[.,;]?\d{1,3}(?:[,–-]\d{1,3})*$")


def _strip_trailing(s: str) -> str:
    """Trailing punctuation is the sentence's, but a ")" closing a "(" inside the
    URL or DOI belongs to it (Wikipedia URLs, Elsevier DOIs)."""
    while s and s[-1] in _TRAIL:
        if s[-1] == ")" and s.count("(") >= s.count(")"):
            break
        if s[-1] == "]" and s.count("[") >= s.count("]"):
            break
        s = s[:-1]
    return s


def clean_doi(text: str) -> str:
    """"https://doi.org/10.1080/X." / "doi: 10.1080/X" / "<10.1/x>" → "10.1080/X"."""
    m = DOI_RE.search(text.replace("\u200b", ""))
    if not m:
        return ""
    # a Markdown link whose words are the DOI: "10.3133/sir20195031](https://doi.org/10.3133/sir20195031)"
    return _strip_trailing(m.group(1).split("](", 1)[0])


def clean_url(text: str) -> str:
    """"<https://x.org/a>." → "https://x.org/a"; "www.x.org" → "http://www.x.org"."""
    # a zero-width space a PDF's typesetting put between a link's parts ("http://\u200bcreat\u200biveco…")
    m = URL_RE.search(text.replace("\u200b", "") if "\u200b" in text else text)
    if not m:
        return ""
    # a Markdown link whose words are its address: "https://x.org/a](https://x.org/a)"; pandoc's
    # attributes after a span: "[https://x.org/a]{.underline}"; a bracket closed round the link and a
    # note call glued after it: "(https://x.org/complaints/),42"
    url = m.group(0).split("](", 1)[0].split("]{", 1)[0]
    if url.count(")") > url.count("("):
        url = _CLOSED_THEN_CALL.sub("", url)
    url = _strip_trailing(url)
    if url.lower().startswith("www."):
        url = "http://" + url
    return url


def doi_from_url(url: str) -> str:
    """The DOI inside a doi.org link, else ""."""
    if re.match(r"https?://(dx\.)?doi\.org/", url, re.I):
        return clean_doi(url)
    return ""


#: A link cut by a line break that document conversion turned into a space:
#: "https: //doi.org/…", ".../plans/ substantially-equal-…", "...?id=X&pg= PA83",
#: "https://www. debian.org/doc/…".
_SCHEME_GAP = re.compile(r"\b(https?:)\s+(//)", re.I)
_URL_THEN_PIECE = re.compile(r"((?:https?://|www\.)[^\s<>\"]*[/=&?_~.-])\s+([^\s<>\"()]+)", re.I)
#: The rest of a host name cut after one of its dots, and the path after it: "com/activities/", "ac.uk/wp-content/".
_HOST_REST = re.compile(r"[a-z][a-z0-9-]*(?:\.[a-z0-9-]+)*/")
_PATH_CHARS = re.compile(r"[-_./=?&#%~]|\d")
_OPEN_ENDED = "=&?"
#: A link cut inside a word of its path ("…/deloitte-uk-innovation-the-new-mach inery-of-govt.pdf",
#: "…-s ervice/", "…-fb 5cec0417b2"): the URL ends in a letter or digit after a path has begun.
_URL_MID_WORD = re.compile(r"((?:https?://|www\.)[^\s<>\"/]+/[^\s<>\"]*[A-Za-z0-9])\s+([^\s<>\"()]+)", re.I)
#: What only the rest of a path looks like: a slash, a query, an anchor, a %-escape; a
#: lower-case slug with a hyphen ("inery-of-govt"); a file's extension ("019.pdf"); a hash.
_PATH_REST = re.compile(r"[a-z0-9]\S*?(?:[/?#=%]|\.(?:pdf|html?|aspx?|cfm|php|jsp|xml|json|txt|docx?|xlsx?|csv|zip)\b)\S*"
                        r"|[a-z0-9]+(?:-[a-z0-9]+)+[/.,;]?|(?=[a-z]*\d)(?=\d*[a-z])[a-z0-9]{6,}")
#: A link that already ends in a file's name ("…/report.pdf") is whole.
_ENDS_FILE = re.compile(r"\.(?:pdf|html?|aspx?|cfm|php|jsp|xml|json|txt|docx?|xlsx?|csv|zip)$", re.I)
#: A file's extension cut off after its dot ("…/The-President%E2%80%99s-Management-Agenda. pdf").
_EXTENSION = re.compile(r"(?:pdf|html?|aspx?|cfm|php|jsp|xml|json|txt|docx?|xlsx?|csv|zip)\b[.,;]?")


def _continues(url: str, piece: str) -> bool:
    """Is ``piece`` the rest of ``url`` rather than the next word of the reference?

    After "=", "&" or "?" anything is (a query value); after "/", "-", "_" or "~"
    only a piece with path characters that is not a bare number or page ("2019.",
    "p."): prose words and dates do not continue a link.
    """
    if url[-1] in _OPEN_ENDED:
        return True
    if url[-1] == "." and "/" in url.partition("//")[2] and _EXTENSION.fullmatch(piece):
        return True  # a file's extension after the dot that ends its name
    if url[-1] == ".":
        # a host cut at a dot ("https://guides.github. com/activities/", "https://www. debian.org/doc/"):
        # only before the path begins, and only by the rest of a host name and a path
        return "/" not in url.partition("//")[2] and _HOST_REST.match(piece) is not None
    bare = piece.rstrip(".,;:")
    if not bare or bare.isdigit() or not _PATH_CHARS.search(bare):
        return False
    return not bare[0].isupper() or "/" in bare or "#" in bare or "." in bare.strip(".")


def _continues_mid_word(piece: str) -> bool:
    """Is ``piece`` the rest of a path cut inside a word? Only what prose never is: it
    starts in lower case or a digit and has a path's marks, a hyphenated slug, a file's
    extension, or letters and digits mixed like a hash ("5cec0417b2"). A bare number
    ("62", "2019.") or a word ("Accessed", "and") is the next field."""
    return _PATH_REST.fullmatch(piece) is not None


#: A DOI cut by a line break after a dot or slash: "10. 1101/299537", "10.1111/j. 2517-6161.1982.tb01195.x",
#: "10.2202/1544-6115. 1309", "10.1214/ 23-EJS2157".
_DOI_THEN_PIECE = re.compile(
    r"((?:(?<=doi\.org/)|(?<=doi:)|(?<=doi: ))10\.|\b10\.\d{4,9}/(?:[^\s<>\"]*[./])?)\s+([^\s<>\"()]+)", re.I
)
_REGISTRANT_REST = re.compile(r"\d{4,9}/\S")
_YEAR_ALONE = re.compile(r"(?:19|20)\d\d[.,;]?")
_WORD_ALONE = re.compile(r"[A-Za-z][a-z]*[.,;:]?")


def _doi_continues(doi: str, piece: str) -> bool:
    """Is ``piece`` the rest of the DOI ``doi`` (which ends in "." or "/")?"""
    if doi == "10.":
        return _REGISTRANT_REST.match(piece) is not None  # the prefix's registrant and suffix
    if not piece[:1].isalnum() or _YEAR_ALONE.fullmatch(piece) or _WORD_ALONE.fullmatch(piece):
        return False  # the next field: a year, a word ("Retrieved", "In")
    return doi.endswith("/") or any(c.isdigit() for c in piece)


def join_broken_urls(text: str) -> str:
    """The reference with links and DOIs that a line break split rejoined (see _continues
    and _doi_continues).

    Only text after the scheme is looked at, so a reference without a link is
    returned unchanged at the cost of one substring test.
    """
    if "10." in text:
        text = _DOI_THEN_PIECE.sub(lambda m: m.group(1) + m.group(2) if _doi_continues(m.group(1), m.group(2))
                                   else m.group(0), text)
    if "http" not in text and "www." not in text:
        return text
    text = _SCHEME_GAP.sub(r"\1\2", text)

    def join(m: re.Match[str]) -> str:
        url, piece = m.group(1), m.group(2)
        return url + piece if _continues(url, piece) else m.group(0)

    text = _URL_THEN_PIECE.sub(join, text)

    def join_mid_word(m: re.Match[str]) -> str:
        url, piece = m.group(1), m.group(2)
        return url + piece if not _ENDS_FILE.search(url) and _continues_mid_word(piece) else m.group(0)

    for _ in range(4):  # a long link cut at several line ends: each pass joins one cut per link
        joined = _URL_MID_WORD.sub(join_mid_word, text)
        if joined == text:
            break
        text = joined
    return text

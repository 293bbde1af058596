"""The document's title: the best-scoring line near the top.

A title is repeated (PDF title pages repeat it), set in capitals, next to an
author line, or simply the first short line that is not page furniture; it may
run on to a second line when the first stops mid-phrase ("Electing the Speaker
of the House of" / "Representatives: Frequently Asked Questions").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import islice

from bibkaz.extract.metadata.byline import BYLINE, strip_gutter
from bibkaz.extract.metadata.fold import fold
from bibkaz.extract.metadata.people import is_person, name_list, names_in_columns, ordinary_words, without_brackets
from bibkaz.parse.normalise.names import looks_like_organisation

TOP = 40  # lines examined for the title block
CHROME = re.compile(
    r"^(?:top of page|bottom of page|search|menu|home|skip to (?:main )?content|share|print|log ?in|sign ?up|"
    r"subscribe|previous post:?|next post:?|post image for .*|photo(?: credits?)?:.*|image:.*|advertisement|"
    r"co-funded by.*|comments?|\d+ views.*|jump[ _]to[ _]navigation.*|from [\w.' -]{1,40}, the (?:free )?[\w ]{3,30}|"
    r".*\b(?:accessed|retrieved|copied|downloaded|saved) from .*|creative[ _]commons.*|summary|abstract|contents|"
    r"doi:.*|software|[•·*-] .*|editor:.*|reviewers?:?.*|submitted:.*|published:.*|license|licence|<!--.*-->|"
    r"table of contents|(?:research|original|review|brief|short) (?:article|report|communication|paper)|original research|open access|"
    r"issn:.*|vol(?:ume|\.)? \d+,? (?:issue|number|no\.) \d+)$",
    re.I,
)
#: A line that is only a date, perhaps "Updated April 15, 2026": the edition line, never the title.
_DATE_LINE = re.compile(
    r"^(?:(?:last\s+)?(?:updated|published|posted|revised|issued|dated?)[:\s]+)?"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}|[A-Z][a-z]{2,8}\s+\d{4}|\d{4}-\d{2}-\d{2})$",
    re.I)
_DECOR = re.compile(r"^(?:#{1,6}\s*|\*{2,}\s*|_{2,}\s*|={2,}\s*)|(?:\s*\*{2,}|\s*_{2,}|\s*={2,})$")
#: :data:`_DECOR`'s marks at a line's start; its marks at the end are taken off by :func:`_trailing_decor_off`.
_DECOR_LEAD = re.compile(r"^(?:#{1,6}\s*|\*{2,}\s*|_{2,}\s*|={2,}\s*)")


def _trailing_decor_off(s: str) -> str:
    """``s`` without what :data:`_DECOR` matches at its end (two "*", "_" or "=" or more, and the spaces
    before them), found from the end: the pattern's spaces are tried at every space of a long line.
    ``s`` holds no newline (its spaces are collapsed)."""
    mark = s[-1:]
    if mark not in ("*", "_", "="):
        return s
    k = len(s)
    while k > 0 and s[k - 1] == mark:
        k -= 1
    if len(s) - k < 2:
        return s
    while k > 0 and s[k - 1].isspace():
        k -= 1
    return s[:k]
_STOP = {"the", "a", "an", "of", "in", "and", "to", "for", "on", "at", "by", "or"}
_ENDS_OPEN = _STOP | {"with", "from", "into", "about", "between", "as", "its", "their", "our", "your", "is", "are",
                     "over", "under", "after", "before", "against", "through", "toward", "towards", "within",
                     "without", "versus", "vs.", "via", "across", "beyond", "among", "amid", "&", "-", "–", "—"}


# Furniture, date line, byline: pure tests asked of the same top lines for every title candidate (its
# span, its neighbours, its run-on), so each answer is kept.


#: How every line of :data:`CHROME` longer than its longest word list ("skip to main content", 20
#: characters) opens, folded to small letters; or it holds "… retrieved from …" ("ed from ").
_CHROME_OPENINGS = ("post image for ", "photo", "image:", "co-funded by", "jump", "from ", "creative", "doi:",
                    "editor:", "reviewer", "submitted:", "published:", "<!--", "• ", "· ", "* ", "- ", "issn:", "vol",
                    "table of contents", "short communication")


@lru_cache(maxsize=8192)
def _chrome(text: str) -> bool:
    """Page furniture (:data:`CHROME`). A long line is matched only when it opens as furniture does (or
    reads "… retrieved from …", or opens with a figure: "12 views"): the case-blind pattern of many
    alternatives is slow on the lines of running text most candidates are."""
    if len(text) > 20:
        low = fold(text)
        if not (low.startswith(_CHROME_OPENINGS) or low[:1].isdigit() or "ed from " in low):
            return False
    return bool(CHROME.match(text))


@lru_cache(maxsize=8192)
def _date_line(text: str) -> bool:
    """A date alone (:data:`_DATE_LINE`)."""
    return bool(_DATE_LINE.match(text))


def is_date_line(line: str) -> bool:
    """Whether a raw line is a date alone ("November 2020", "Updated April 17, 2026")."""
    return _date_line(clean(line))


@lru_cache(maxsize=8192)
def _day_line(text: str) -> bool:
    """A day's date alone, perhaps "Updated" (:data:`_DAY_LINE`)."""
    return bool(_DAY_LINE.match(text))


@lru_cache(maxsize=8192)
def _byline(text: str) -> bool:
    """A byline (:data:`BYLINE`)."""
    return bool(BYLINE.match(text))


@dataclass(frozen=True)
class Title:
    """The title text and the indices of its first and last line."""

    text: str
    start: int
    end: int


@lru_cache(maxsize=4096)
def clean(line: str) -> str:
    """A title line without Markdown heading marks, bold stars, ``******`` rules or draft line numbers.

    Cached: the title search compares every top line with every other one.
    """
    s = strip_gutter(line)
    for _ in range(2):
        # _DECOR matches only at the ends, and only ends that open or close with its marks:
        # other lines skip the pattern (which is slow on long lines)
        if s[:1] in "#*_=" or s[-1:] in "*_=":
            s = _trailing_decor_off(_DECOR_LEAD.sub("", s))
        s = s.strip()
    if s[:1] in "*_" and s[-1:] == s[:1]:
        s = _EMPHASIS.sub(r"\2", s)  # a subtitle set in italics: its words, not its marks
    if s[-1:] == "¶":
        s = s[:-1].rstrip()  # "Why Open Data?¶": the link a documentation generator sets after each heading
    return s


#: A line wrapped whole in one pair of Markdown emphasis marks ("*A Proposed Schema for …*").
_EMPHASIS = re.compile(r"^([*_])(?![*_\s])([^*_]*[^*_\s])\1$")


def _markup(line: str) -> bool:
    """A heading by markup: "# Title", "****** Title ******", "**Title**"."""
    return line.strip() != clean(line) and line.lstrip()[:1] in "#*="


_SETEXT_H1 = re.compile(r"^\s{0,3}={3,}\s*$")


def _underlined(lines: list[str], i: int) -> bool:
    """A Markdown heading of the first level written as a line over "=====" (setext): what pandoc and
    many converters write for a page's title. A heading over two or three lines ("Congressional Budget
    Office" / "(CBO)" / "=====") counts from its first line."""
    return _setext_end(lines, i) is not None


def _setext_end(lines: list[str], i: int) -> int | None:
    """The last text line of the setext heading that starts at line ``i`` (a paragraph of one to three
    lines after a blank line, then "====="), or None."""
    if not lines[i].strip() or i > 0 and lines[i - 1].strip() not in ("", "---", "+++") and not _SETEXT_H1.match(lines[i - 1]):
        return None  # not a paragraph's first line (a front matter's closing fence may stand right above)
    for j in range(i, min(len(lines) - 1, i + 3)):
        if not lines[j].strip():
            return None
        if _SETEXT_H1.match(lines[j + 1]):
            return j
    return None


def _top_heading(lines: list[str], i: int) -> bool:
    """Whether line ``i`` is the document's first top-level Markdown heading ("# Title" or a setext
    "Title" / "=====")."""
    if not (lines[i].lstrip().startswith("# ") or _underlined(lines, i)):
        return False
    return not any(lines[k].lstrip().startswith("# ") or _underlined(lines, k) for k in range(i))


_COLUMN_RUN = 4  # lines of six words or more in a row: a narrow column's running text


_CONTENTS = re.compile(r"^\W*(?:table of contents|contents)\W*$", re.I)


@dataclass(frozen=True)
class _Top:
    """The non-blank cleaned lines near the top (:data:`TOP` × 2), made once per list of lines,
    not once per title candidate: ``text`` holds each followed by a newline, so whether some line
    ends with a string is one ``str.find`` (lines holding a newline themselves fall back to a loop)."""

    lines: tuple[tuple[int, str], ...]  # (index, cleaned line)
    text: str
    starts: tuple[int, ...]  # where each line starts in ``text``
    document: tuple[str, ...] = ()  # all the lines (see :func:`_printed_whole`)

    @cached_property
    def counts(self) -> Counter[str]:
        """How often each cleaned line stands near the top."""
        return Counter(c for _, c in self.lines)

    @cached_property
    def prose(self) -> int | None:
        """The index of the first line of running text near the top (two lines of ten words or more in
        a row, the second not a title's run-on; or, in a narrow column, four lines of six words or more
        in a row, the first opening a sentence): what stands below it is past the title block."""
        previous = -2
        run: list[int] = []
        for j, c in self.lines:
            n = len(c.split())
            if n >= 10 and not c.startswith(("http", "<")):
                if previous == j - 1:
                    return previous
                previous = j
            # a narrow column's paragraph: plain conversions of two-column briefs set eight words a line
            run = run + [j] if n >= 6 and run and run[-1] == j - 1 else [j] if n >= 6 and _sentence_cased(c) else []
            if len(run) >= _COLUMN_RUN:
                return run[0]
        return None

    @cached_property
    def contents(self) -> int | None:
        """The index of a "Table of Contents" / "Contents" heading near the top, if any."""
        return next((j for j, c in self.lines if _CONTENTS.match(c)), None)

    def alone(self, text: str) -> int:
        """How many lines of the whole document hold ``text`` and read as it once cleaned (a running
        header printed on each page). Each line holding ``text`` is found in :attr:`whole` by
        ``str.find`` rather than each line tried in turn: a title candidate is checked against the
        whole document, and most of its lines do not hold it."""
        if not text or self.multiline:
            return sum(1 for other in self.document if text in other and clean(other) == text)
        whole, n = self.whole, 0
        at = whole.find(text)
        while at >= 0:
            start, end = whole.rfind("\n", 0, at) + 1, whole.find("\n", at)
            end = len(whole) if end < 0 else end
            if clean(whole[start:end]) == text:
                n += 1
            at = whole.find(text, end)
        return n

    @cached_property
    def multiline(self) -> bool:
        """Whether a line of the document holds a newline itself (then :attr:`whole` does not split as
        the lines do)."""
        # the joined lines hold one newline between each two unless a line holds some itself (counted in C)
        return self.whole.count("\n") != max(len(self.document) - 1, 0)

    @cached_property
    def whole(self) -> str:
        """The whole document, lines apart: made only when a title's run-on is in doubt, once per
        title search."""
        return "\n".join(self.document)


def _near_top(lines: list[str], document: list[str] | None = None) -> _Top:
    """``document``: all the lines, so a title printed whole further down (a page footer citing the
    paper, a running header) can be found."""
    whole = tuple(document) if document is not None else ()
    near = tuple((j, c) for j, c in enumerate(map(clean, lines[: TOP * 2])) if c)
    if any("\n" in c for _, c in near):
        return _Top(near, "", (), whole)
    starts, at = [], 0
    for _, c in near:
        starts.append(at)
        at += len(c) + 1
    return _Top(near, "".join(c + "\n" for _, c in near), tuple(starts), whole)


def _printed_often(top: _Top, text: str) -> bool:
    """Whether ``text`` stands alone on three lines or more near the top."""
    return top.counts[text] >= 3


def _printed_whole(top: _Top, joined: str) -> bool:
    """Whether two title lines joined are printed on one line somewhere in the document (a page
    footer's citation of the paper, a running header): then the second line carries the title on.
    Only worth asking of four words or more; the joined text cannot match the two lines themselves,
    which stand apart (a margin's line numbers may stand at a line's start, never inside it)."""
    words = joined.split()
    if not 4 <= len(words) <= 24 or not top.document or joined[-1] in ".!?,;":
        return False
    # look only at the lines holding the joined text's longest word
    key, want, whole = max(words, key=len), " ".join(words).lower(), top.whole
    at = whole.find(key)
    while at >= 0:
        start, end = whole.rfind("\n", 0, at) + 1, whole.find("\n", at)
        end = len(whole) if end < 0 else end
        if want in " ".join(whole[start:end].lower().split()):
            return True
        at = whole.find(key, end)
    return False


#: The last word of a body's name ("… Officers Council", "… Research Service"): a title seldom ends so.
BODIES = frozenset("""council committee office service agency department institute foundation center centre
    association commission board bureau administration university college society academy ministry
    authority corporation company""".split())
_BODIES = BODIES


def _running_restatement(lines: list[str], i: int, top: _Top, text: str) -> bool:
    """Whether line ``i`` is a running header that restates the title printed just below it: it stands
    alone on three lines or more of the document and holds a line of three words or more from the next
    few lines ("Introducing IT Spending Transparency Maturity Model - Whitepaper" over "IT Spending
    Transparency Maturity Model")."""
    if not top.document or len(text.split()) < 4:
        return False
    line = clean(lines[i])
    below = (clean(lines[j]) for j in range(i + 1, min(len(lines), i + 6)))
    # the few lines below first: counting the line over the whole document costs more
    return any(b in line and b != line and len(b.split()) >= 3 for b in below) and top.alone(line) >= 3


def _running_organisation(top: _Top, text: str) -> bool:
    """Whether ``text`` names an organisation and stands alone on three lines or more of the whole
    document (each page's header: "Innovation Committee, Chief Information Officers Council")."""
    if ":" in text or text.split()[-1].lower() not in _BODIES or not looks_like_organisation(text) or not top.document:
        return False
    return sum(1 for line in top.document if text in line and clean(line) == text) >= 3


def _heads_text(lines: list[str], end: int) -> bool:
    """Whether a paragraph of running text opens right under line ``end``, no blank line between: a line
    set so heads the text (a short brief's title printed again on each page as its running header,
    "Private Funding for Election Administration"), where a body's name printed on each page stands
    apart from the text (over the title, or in a footer)."""
    below = clean(lines[end + 1]) if end + 1 < len(lines) else ""
    return len(below.split()) >= 6 and _sentence_cased(below)


def _repeated(top: _Top, text: str, i: int) -> bool:
    """Whether another line near the top (a running header, a summary page) prints ``text``
    at its end (``top`` from :func:`_near_top`)."""
    if not top.text or "\n" in text:
        return any(c.endswith(text) and not _joined_on(c[: len(c) - len(text)]) for j, c in top.lines if j != i)
    needle = text + "\n"
    at = top.text.find(needle)
    while at >= 0:
        # the line holding the match ends with ``text`` (the needle cannot cross a line's end)
        k = bisect_right(top.starts, at) - 1
        if top.lines[k][0] != i and not _joined_on(top.text[top.starts[k]:at]):
            return True
        at = top.text.find(needle, at + 1)
    return False


def _joined_on(before: str) -> bool:
    """Whether the words before a repeated phrase join it on to them ("Child Tax Credit and" | "Credit
    for Other Dependents"): then the phrase is part of a longer title, and the line holding it alone is
    a section heading, not the title printed again (a running header prints the title after a number
    or a name, never after "and")."""
    words = before.split()
    return bool(words) and words[-1].lower() in _ENDS_OPEN


#: Words, a wide gap, words: two columns of a page laid out side by side.
_COLUMN_GAP = re.compile(r"\S\s{6,}\S")
#: A line that is only a number: a draft's margin line number standing between a title's lines.
_GUTTER_LINE = re.compile(r"^\s*\d{1,4}\s*$")
#: A draft's line number in the left margin before a line's text ("3        Census"): no column of its own.
_MARGIN_NUMBER = re.compile(r"^\s*\d{1,4}(?=\s{2,}\S)")


def _span(lines: list[str], i: int, top: _Top) -> tuple[str, int]:
    """The title text starting at line ``i`` and the index of its last line (two run-on lines at most;
    margin line numbers between them are skipped). ``top``: :func:`_near_top` of ``lines``."""
    setext = _setext_end(lines, i)
    if setext is not None:
        return " ".join(clean(lines[k]) for k in range(i, setext + 1)), setext
    text, end = clean(lines[i]), i
    for again in (False, True, True):
        j = end + 1
        while j < len(lines) and j <= end + 3 and _GUTTER_LINE.match(lines[j]):
            j += 1
        if j >= len(lines):
            break
        nxt = clean(lines[j])
        if _COLUMN_GAP.search(_MARGIN_NUMBER.sub("", lines[j]).strip()):
            break  # two columns side by side (pdftotext -layout): the body has started
        if (j + 1 < len(lines) and lines[j + 1].strip()[:1].islower() and nxt[-1:] in ",;"
                and not (text.endswith(":") or text.split()[-1].lower() in _ENDS_OPEN)):
            break  # a sentence running on over the next lines: the body's first line, not the title's second
        joined = f"{text} {nxt}"
        ends_block = j + 1 >= len(lines) or not lines[j + 1].strip()
        # a centred title's shorter line that reads as a name but is made of the text's ordinary words
        # ("Safety Under Scaffolding: How Evaluation Conditions" / "        Shape Measured Safety")
        phrase = (bool(nxt) and bool(top.document) and _indent(lines[j]) > _indent(lines[end]) and is_person(nxt)
                  and ordinary_words(nxt, top.whole))
        if not nxt or not (_continues(text, nxt, ends_block, again, phrase) or _repeated(top, joined, i)
                           or len(nxt.split()) <= 8 and _printed_whole(top, joined)
                           or not again and ends_block and _dated_below(lines, j) and _title_words(nxt)
                           or not again and _byline_under(lines, j) and _title_words(nxt)
                           or not again and _over_author_line(lines, j) and _last_title_line(nxt)
                           or _title_words(nxt) and _run_repeated(top, [clean(lines[k]) for k in range(i, j + 1)], i)):
            break
        if (end == i and not text.endswith(":") and _stands_alone_again(top, text, joined)
                and not _run_repeated(top, [text, nxt], i)):
            # a running header prints this line alone: the title ends here, a heading follows (unless the
            # line's second occurrence runs on the same way: a cover and a title page broken alike)
            break
        text, end = joined, j
    block = _block(lines, i)
    if block and block[1] > end:
        return block
    return text, end


def _run_repeated(top: _Top, run: list[str], i: int) -> bool:
    """Whether the lines ``run`` (the title's lines from line ``i`` on, the next one last) stand in the same
    order at another place near the top: a cover and a title page print one title broken the same way
    ("Beyond Blockchain:" / "Policy Brief on Next Generation" / "Web Technologies and their" / "impact on
    OER" twice), so each of its lines carries it on."""
    run = [c for c in run if c]
    if len(run) < 2 or top.counts[run[0]] < 2:
        return False  # the first line must stand twice (most first lines stand once: asked first)
    cleaned = [c for _, c in top.lines]
    return any(top.lines[k][0] != i and cleaned[k : k + len(run)] == run for k in range(len(cleaned) - len(run) + 1))


def _stands_alone_again(top: _Top, text: str, joined: str) -> bool:
    """Whether the title's first line ``text`` stands alone on another line of the document (a running
    header printing the title) while the lines joined are printed nowhere whole: the line under it
    opens the body ("… (MRC) System" over the heading "What Is the Army’s Mid-Range")."""
    # the document must hold the line twice before each place is looked at (most first lines stand once)
    return (len(text.split()) >= 4 and bool(top.document) and top.whole.count(text) >= 2
            and top.alone(text) >= 2 and not _printed_whole(top, joined))


def _over_author_line(lines: list[str], j: int) -> bool:
    """Whether the first line after line ``j`` (a blank line between them at most) is a paper's author line:
    the lines above it are the title block."""
    k = next((k for k in range(j + 1, min(len(lines), j + 3)) if lines[k].strip()), None)
    return k is not None and _author_line(clean(lines[k]))


def _last_title_line(line: str) -> bool:
    """A title's short last line ("Census" under "A Simulated … Attack on the 2010 U.S."): one to eight words
    opening with a capital, no sentence end, no furniture or name."""
    words = line.split()
    return (1 <= len(words) <= 8 and line[:1].isupper() and line[-1] not in ".!?:" and not _chrome(line)
            and not _byline(line) and not is_person(line) and not name_list(line))


def _byline_under(lines: list[str], j: int) -> bool:
    """Whether the line right under line ``j`` is a byline ("by Joseph L. Gutenson, Chase O. Hamilton, and
    Jason C. Deters" under "Antecedent Precipitation Tool (APT)" / "Version 2.0: Technical and User Guide"):
    a technical note sets its title's lines, then its writers, with no blank line between."""
    return j + 1 < len(lines) and _byline(clean(lines[j + 1]))


def _dated_below(lines: list[str], j: int) -> bool:
    """Whether the first line after the blank line(s) under line ``j`` is a date alone (a report's
    edition line "April 20, 2026"): the lines above it are the title block."""
    k = j + 1
    while k < len(lines) and k <= j + 3 and not lines[k].strip():
        k += 1
    return k < len(lines) and k > j + 1 and bool(_date_line(clean(lines[k])) or _day_line(clean(lines[k])))


def _title_words(line: str) -> bool:
    """A short line that may be a title's second line: two to eight words, no sentence end, not a
    byline, person or page furniture."""
    words = line.split()
    return (2 <= len(words) <= 8 and line[-1] not in ".!?" and not _chrome(line) and not _byline(line)
            and not is_person(line) and not name_list(line) and "://" not in line)


_BLOCK_LINES = 4  # a title block over more lines than this is a paragraph


@lru_cache(maxsize=4096)
def _author_line(text: str) -> bool:
    """Two names or more on one line ("Carl Boettiger1, Scott Chamberlain2 … and Karthik Ram2"): a
    paper's author line. One name alone may be a title's last words ("Confidence Intervals")."""
    return bool(text) and not is_person(text) and len(name_list(text)) >= 2


#: An author line of a PDF conversion: affiliation marks after names ("Alikhan 1,2,4 ,", "Contributors4 ,").
_AFFILIATION_MARKS = re.compile(r"\b\d{1,2}(?:\s*,\s*\d{1,2})+\b|[a-z]\d{1,2}\s*,|\s,\s")


def _block(lines: list[str], i: int) -> tuple[str, int] | None:
    """A title set alone over two to four short lines between blank lines (a PDF title page:
    "Memorials and Commemorative Works" / "Outside Washington, DC: Background," / "Federal Role, and
    Options for Congress"), joined; None when the lines around ``i`` are not such a block.

    Every line must look like part of a title: no date, byline, person, page furniture, and no
    sentence end; the block starts the page or follows a blank line and a blank line or the
    paper's author line (two names or more) closes it."""
    if i > 0 and lines[i - 1].strip():
        return None
    j = i
    while (j < len(lines) and j - i <= _BLOCK_LINES and lines[j].strip()
           and not (j > i and (_author_line(clean(lines[j])) or _date_line(clean(lines[j]))
                               or _NUMERIC_DATE.match(clean(lines[j]))))):
        j += 1
    n = j - i
    closing = clean(lines[j]) if j < len(lines) else ""
    if (closing and not _author_line(closing) and not _date_line(closing) and not _VERSION_LINE.match(closing)
            and not _NUMERIC_DATE.match(closing)):
        return None  # the lines run on: a paragraph, not a title block (a date or an edition's line may close it)
    if not 2 <= n <= _BLOCK_LINES:
        return None
    parts = [clean(lines[k]) for k in range(i, j)]
    if _caps(parts[0]) and not _caps(parts[1]):
        return None  # a kicker in capitals over the title ("WEB TOOL")
    named = []
    for k, part in zip(range(i, j), parts):
        if (not part or len(part) > 80 or len(lines[k]) - len(lines[k].lstrip()) > 40 or _chrome(part)
                or _date_line(part) or _day_line(part) or _NUMERIC_DATE.match(part) or _byline(part)
                or part[-1] in ".!?" or "://" in part or "@" in part
                or _AFFILIATION_MARKS.search(part) or k > i and _IMPRINT_END.search(part)):
            return None
        if is_person(part) or name_list(part):
            named.append(part)
    if named:
        # a line reading as a name whose words the text uses as its ordinary words is a title's ("Artificial
        # Intelligence" / "and the Future of" / …, in a report on artificial intelligence); asked last, of a block
        # that passed every other test, since it looks through the whole text
        text = "\n".join(lines)
        if not all(ordinary_words(part, text) for part in named):
            return None
    text = " ".join(parts)
    if len(text.split()) > 30:
        return None
    return text, j - 1


#: An edition's line under a cover's title ("Version 1.4.1", "Revision 2", "v2.0"): it closes the title block as a date does.
_VERSION_LINE = re.compile(r"^(?:version|revision|release|rev\.|v)\s?\d+(?:\.\d+){0,3}$", re.I)


#: The strap a wiki prints under its article's title: "From Wikipedia, the free encyclopedia".
_STRAP = re.compile(r"^from [\w.' -]{1,40}, the (?:free )?[\w ]{3,30}$", re.I)


def _over_strap(lines: list[str], i: int) -> bool:
    """Whether the next non-blank line under line ``i`` is a wiki's strap: then line ``i`` is the
    article's title, a single word ("Standardization") included."""
    nxt = next((clean(lines[j]) for j in range(i + 1, min(len(lines), i + 3)) if lines[j].strip()), "")
    return bool(_STRAP.match(nxt))


def _score(lines: list[str], i: int, first: int, top: _Top) -> int:
    if len(clean(lines[i]).split()) > 30:
        return -99  # a paragraph's line: the title it would start is longer still (no need to follow it on)
    s, end = _span(lines, i, top)
    words = s.split()
    short = len(clean(lines[i]).split()) < 3 and lines[i].lstrip()[:1] not in "#*=" and not _underlined(lines, i) and i != first
    markup = _markup(lines[i]) or _underlined(lines, i)
    strap = _over_strap(lines, end)
    if not s or _chrome(s) or (is_person(s) and not markup) or (short or len(words) < 2 and not markup) and not strap or len(words) > 30:
        return -99
    if "," in s and len(words) <= 24 and (_author_line(s) or "(" in s and _author_line(without_brackets(s))):
        # the writers' names ("Zachary Cooper*, Bertin Martens, … and" / "Volker Stocker" over the title; "Chun-Kai
        # (Karl) Huang1, Cameron Neylon1,2, …" under it, a nickname in brackets): never the title
        return -99
    score = 4 if strap else 0
    if len(lines[i]) - len(lines[i].lstrip()) > 60:
        score -= 3  # far to the right: a running header, not the title
    if i > 0 and clean(lines[i - 1]) and _continues(clean(lines[i - 1]), clean(lines[i])):
        score -= 3  # the second line of a longer title
    if s.endswith(".") and not s.endswith("..") and not (end > i and _printed_whole(top, s[:-1])):
        score -= 3  # a sentence, unless the lines are a title a footer cites whole ("MultiVae: … Datasets.")
    if len(words) > 20:
        score -= 2
    if _running_restatement(lines, i, top, s):
        score -= 4  # "Introducing X - Whitepaper" on every page over the cover's "X": the header, not the title
    if _caps(s) and len(words) <= 3 and _opens_longer(top, s, i):
        score -= 3  # "THE STATE" in a cover's lettering over "The State of Federal IT": a piece of the title
    if _forum(s):
        score -= 5  # "Before the U.S. Copyright Office, Library of Congress": where a filing is made, not its title
    if _AFFILIATION_PLACE.match(s) and _BODY_WORD.search(s):
        score -= 8  # "Vantage Partners, LLC, Cleveland, Ohio" under a writer's name: an affiliation and its town
    if _SERIES_LINE.match(s):
        score -= 4  # the series and number over the title on a cover
    if _running_organisation(top, s) and not _heads_text(lines, end):
        score -= 4  # an organisation printed alone on every page: the running header, not the title
    if i != first and _printed_often(top, clean(lines[i])):
        # the same line three times near the top, below the first: several authors' affiliation
        score -= 4
    elif _repeated(top, s, i) or (end > i and _repeated(top, clean(lines[i]), i)):
        score += 3
    letters = list(filter(str.isalpha, s))  # str methods mapped in C: a body line may be long
    if letters and sum(map(str.isupper, letters)) / len(letters) > 0.8:
        score += 2
    near = (clean(lines[j]) for j in range(max(0, i - 3), min(len(lines), i + 4))
            if j != i and lines[j] and not lines[j].isspace())
    if any(_names_someone(n) for n in islice(near, 4)):
        score += 2
    below = next((clean(lines[j]) for j in range(end + 1, min(len(lines), end + 3)) if lines[j].strip()), "")
    # names set side by side in columns may stand a few blank lines lower (a report's centred cover)
    under = next((j for j in range(end + 1, min(len(lines), end + 5)) if lines[j].strip()), None)
    # (names in columns under a sentence that introduces them, "… may be contacted through … New York 11201:", or
    # under running text, are contacts, not writers)
    in_columns = (under is not None and not s.endswith((":", ".")) and (top.prose is None or i < top.prose)
                  and names_in_columns(lines[under]))
    if _author_line(below) or in_columns:
        score += 5  # a list of names right under it: a paper's author line (or its names set in columns)
    elif (end + 1 < len(lines) and _date_line(clean(lines[end + 1])) and len(words) >= 3
          and abs(_indent(lines[end + 1]) - _indent(lines[i])) <= 10):  # not a margin's date beside it
        score += 2  # the date line right under it ("Updated April 17, 2026"): a title's edition line
    if i == first:
        score += 2 if len(words) >= 3 or markup else 1  # a two-word label may open the page above its title
    if top.contents is not None and i > top.contents and not markup:
        score -= 5  # an entry of the table of contents: the title stands above it (a heading by markup may follow a menu)
    if top.prose is not None and i > top.prose and (not markup or first < top.prose):
        # below the first paragraph of running text: a page footer or a heading, not the title; a heading by
        # markup too when a line stands over that paragraph as the document's first (an appendix's title
        # line, then its introduction, then its sections' headings), not when menus alone stand above
        score -= 3
    if markup:
        score += 2  # a heading by markup
        if _top_heading(lines, i):
            score += 2  # a Markdown document's first top-level heading
    if s[0].islower() and ":" not in s[:30] and i != first or words[0].lower() in {"of", "by", "and"}:
        score -= 3  # a line running on from the one above ("t-SNE …" opening the page is a title)
    return score


#: The lines after a title's first line within which its last line ends (:func:`_span`: three run-on
#: lines, each after up to three margin line numbers; a setext heading or a block ends sooner).
_SPAN_REACH = 12


@dataclass(frozen=True)
class _Reach:
    """Where the next author line and the next date line stand at or after each of the title search's
    lines: made once per title search, the first time a candidate's bound asks (:func:`_cannot_beat`),
    so that asking whether one stands within a candidate's reach is a comparison, not a walk of the
    twelve lines after it for each of some twenty candidates."""

    lines: list[str]

    def _next(self, marked: list[bool]) -> list[int]:
        """For each index (and one past the end), the first index at or after it whose line is marked."""
        out, at = [len(marked)] * (len(marked) + 1), len(marked)
        for j in range(len(marked) - 1, -1, -1):
            if marked[j]:
                at = j
            out[j] = at
        return out

    @cached_property
    def author_after(self) -> list[int]:
        # (names set in columns count too: :func:`_score` adds the same for them, a little further down)
        return self._next([bool(line.strip()) and (_author_line(clean(line)) or bool(names_in_columns(line)))
                           for line in self.lines])

    @cached_property
    def date_after(self) -> list[int]:
        return self._next([_date_line(clean(line)) for line in self.lines])


def _cannot_beat(lines: list[str], i: int, first: int, top: _Top, straps: list[int], best: int,
                 reach: _Reach | None = None) -> bool:
    """Whether :func:`_score` of line ``i`` is ``best`` or less, from an upper bound on it that does not
    follow the title on (:func:`_span`, the costly part): the terms of the score that only line ``i``
    and the lines around it decide, counted exactly, and each term that depends on the whole title
    counted at its most (strap +4, and only if a wiki's strap, in ``straps``, stands within reach of
    the title's end; repeated +3, capitals +2, a name nearby +2, an author line below +5). The terms
    known for certain are asked first, the costlier ones only while the bound still passes ``best``.
    Why: the title search scores some twenty top lines, and most score far below the best line
    (below the first paragraph, a sentence's second line, no name around); scoring each cost more
    than all the rest of finding the document's own record. ``first``, ``top``: as for :func:`_score`."""
    raw = lines[i]
    c = clean(raw)
    words = c.split()
    if len(words) > 30:
        return best >= -99
    markup = _markup(raw) or _underlined(lines, i)
    strap = any(i < j <= i + _SPAN_REACH + 2 for j in straps)
    if not strap and len(words) < 3 and raw.lstrip()[:1] not in "#*=" and not _underlined(lines, i) and i != first:
        return best >= -99  # a short line, no strap after it: -99, as _score has it
    bound = (4 if strap else 0) + 2 + 2 + 5  # strap, capitals, a name nearby, an author line below
    if len(raw) - len(raw.lstrip()) > 60:
        bound -= 3
    if len(words) > 20:
        bound -= 2  # the title holds the line's words and perhaps more
    bound += -4 if i != first and _printed_often(top, c) else 3
    if i == first:
        bound += 2
    if top.contents is not None and i > top.contents and not markup:
        bound -= 5
    if top.prose is not None and i > top.prose and (not markup or first < top.prose):
        bound -= 3
    if markup:
        bound += 4
    # the title opens with the line: its first letter and word are the line's, and its first 30
    # characters too when the line is that long
    if words[0].lower() in {"of", "by", "and"} or c[0].islower() and i != first and len(c) >= 30 and ":" not in c[:30]:
        bound -= 3
    if bound <= best:
        return True
    near = (clean(lines[j]) for j in range(max(0, i - 3), min(len(lines), i + 4))
            if j != i and lines[j] and not lines[j].isspace())
    if not any(_names_someone(n) for n in islice(near, 4)):
        bound -= 2
        if bound <= best:
            return True
    if i > 0 and clean(lines[i - 1]) and _continues(clean(lines[i - 1]), c):
        bound -= 3
        if bound <= best:
            return True
    # the line under the title's end: an author line (+5) or a date line (+2) within reach, or neither
    reach = reach if reach is not None else _Reach(lines)
    end = min(len(lines), i + _SPAN_REACH + 3)
    if i + 1 >= end or reach.author_after[i + 1] >= min(len(lines), end + 2):  # names in columns: two lines further
        bound -= 3 if i + 1 < end and reach.date_after[i + 1] < end else 5
    return bound <= best


#: A report series and the report's number, printed over the title on a cover ("NIST Internal Report 8112",
#: "NIST Special Publication 800-63-4", "Working Paper No. 12"): the series, not the title. A year alone
#: is no number ("Annual Report 2023" is a title).
_SERIES_LINE = re.compile(
    r"^(?:[A-Z][\w.&'’-]*\s+){0,6}(?:Report|Paper|Publication|Memorandum|Brief|Note|Bulletin|Circular)\s+"
    r"(?:No\.?\s*|Number\s+)?(?!(?:19|20)\d\d$)[A-Z]{0,4}-?\d[\w.-]*$")


_FORUM = re.compile(r"^before the\s", re.I)


def _opens_longer(top: _Top, text: str, i: int) -> bool:
    """Whether another line near the top opens with ``text`` and goes on (a title a cover's artwork
    breaks into pieces, printed whole elsewhere): then ``text`` is a piece of it."""
    want = text.lower() + " "
    return any(j != i and c.lower().startswith(want) and len(c.split()) <= 12 for j, c in top.lines)


#: A body and the town and state or country it is in, each after a comma: "Glenn Research Center, Cleveland, Ohio",
#: "Vantage Partners, LLC, Cleveland, Ohio" (a technical report's cover sets each writer's affiliation so).
_AFFILIATION_PLACE = re.compile(r"^[A-Z][\w.&'’ -]{2,60}(?:, (?:LLC|Inc\.?|Ltd\.?|Corp\.?))?, [A-Z][a-z]+(?: [A-Z][a-z]+)?, "
                                r"[A-Z][a-z]+(?: [A-Z][a-z]+)?\.?$")
_BODY_WORD = re.compile(r"\b(?:Center|Centre|Laborator(?:y|ies)|University|Institute|LLC|Inc|Ltd|Partners|Corporation|"
                        r"Company|Agency|Office|Division|Department|College|School|Hospital|Foundation)\b")


def _forum(text: str) -> bool:
    """"Before the U.S. Copyright Office, Library of Congress": the body a filing is made to."""
    return bool(_FORUM.match(text)) and looks_like_organisation(text[len("before the "):])


#: A line naming only what kind of paper the document is, printed under its title on a cover.
_GENRE_LINE = re.compile(r"^(?:white\s?paper|report|working paper|discussion paper|issue brief|policy brief|fact sheet|primer)$", re.I)
#: "Updated April 15, 2026": a date line below a title, never its second line.
_DAY_LINE = re.compile(r"^(?:updated\s+)?\w+ \d{1,2}, \d{4}$", re.I)


#: A line closing with a comma and a date: an imprint line under the title (who, then when), never its words.
_IMPRINT_END = re.compile(r",\s(?:\d{1,2}\s)?[A-Z][a-z]{2,8}\.?(?:\s\d{1,2},?)?\s(?:19|20)\d\d$")
#: A title line ending with the short form of what it names: "Marine Corps Advanced Reconnaissance Vehicle (ARV)".
_SHORT_FORM_END = re.compile(r"\([A-Z][A-Za-z0-9&-]{1,9}\)$")


def _continues(first: str, nxt: str, ends_block: bool = False, again: bool = False, phrase: bool = False) -> bool:
    """Whether ``nxt`` (the line right below) carries on the title ``first``; ``ends_block``: a blank
    line follows ``nxt`` (the title block ends there); ``again``: ``first`` already ran on once, so
    only an open end (a colon, "for", "of") carries it on to a third line; ``phrase``: ``nxt`` reads as a
    name but its words are the document's ordinary words (:func:`ordinary_words`), so it is no byline."""
    if not first or not nxt or _chrome(nxt) or _byline(nxt) or len(nxt.split()) > 12 or "://" in nxt or _NUMERIC_DATE.match(nxt):
        return False  # (an address under the title, "https://doi.org/10.1515/…", is its DOI line, not its words)
    if _IMPRINT_END.search(nxt):
        return False  # "DSGE Group, Research and Statistics, FRBNY, June 3, 2022": who issued it and when
    if not again and _GENRE_LINE.match(nxt):
        return True  # "The State of Federal IT" / "Report": the genre line under the title closes it
    last = first.split()[-1].lower()
    if last in _ENDS_OPEN and not _day_line(nxt):
        return True  # "… R Package for" / "Ecological Diversity Analysis": not a person's name
    if not phrase and (is_person(nxt) or name_list(nxt)):
        return False
    if first.endswith(":"):
        return True
    if _caps(first) and not _caps(nxt):
        return False  # a kicker in capitals ("WEB TOOL", "RESEARCH ARTICLE") over the title
    if not again and _caps(first) and _caps(nxt) and len(first.split()) >= 4 and len(nxt.split()) <= 4 and nxt[-1] not in ".!?":
        return True  # a title in capitals broken over two lines ("ROBOTIC PROCESS AUTOMATION IN FEDERAL" / "AGENCIES")
    if first[-1] in ".!?" or _day_line(nxt):
        return False
    if _SHORT_FORM_END.search(first) and not nxt[:1].islower():
        return False  # "… Vehicle (ARV)": the short form closes the name the title gives
    # a long first line may run on, but not into a line of running text (a paragraph's first line),
    # nor into a one-word section heading ("Overview" with the text right under it)
    words = len(nxt.split())
    if nxt[:1].islower():
        return True
    # nor, set in Title Case, into a line in sentence case ("… in the 119th Congress" over "Prediction
    # markets are exchange platforms that …"); asked last, of the few lines that could run on
    return (not again and len(first) > 35 and (2 <= words <= 8 or words == 1 and ends_block)
            and not (_title_cased(first) and _sentence_cased(nxt)))


#: Words of four letters or more opening with a capital, or with a small letter ("with" and "from" are
#: left in small letters by titles too, so :data:`_ENDS_OPEN` words are not counted among the small).
_CAPITAL_WORD = re.compile(r"(?<![^\W\d_])[A-Z][^\W\d_]{3,}")
_SMALL_WORD = re.compile(r"(?<![^\W\d_])[a-z][^\W\d_]{3,}")


def _small_words(line: str) -> int:
    """How many content words of ``line`` open with a small letter."""
    return sum(1 for w in _SMALL_WORD.findall(line) if w not in _ENDS_OPEN)


def _title_cased(line: str) -> bool:
    """A line set in Title Case: three capitalised words of four letters at least, no content word in
    small letters."""
    return len(_CAPITAL_WORD.findall(line)) >= 3 and not _small_words(line)


def _sentence_cased(line: str) -> bool:
    """A line of running text: its first word capitalised, then two content words or more in small
    letters (a paragraph's opening line), which a Title Case title's next line never has."""
    return line[:1].isupper() and _small_words(line) >= 2


_INITIALISM = re.compile(r"^(?:[A-Z]\.){2,4}[,:;]?$")


def title_case(s: str) -> str:
    """ALL-CAPS titles become Title Case (small words lower) so styles can recase them."""
    letters = [c for c in s if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) / len(letters) < 0.8:
        return s
    out = []
    for k, w in enumerate(s.split()):
        lw = w.lower()
        if k and lw in _STOP:
            out.append(lw)
        elif len(w) <= 4 and w.isalpha() and w.isupper() and lw not in {"war", "new", "age", "why", "how", "what"} and k:
            out.append(w)  # acronyms such as CSTO, NATO stay
        elif _INITIALISM.match(w):
            out.append(w)  # "U.S.", "U.K.": an initialism keeps its capitals
        else:
            out.append(lw[:1].upper() + lw[1:])
    return " ".join(out)


#: A journal's running head, not a title: "Biodiversity Data Journal 8: e54333", "F1000Research 2016, 3:62
#: Last updated: …", "Boettiger, C et al 2015 Building Software…" (the paper cited in the page head).
_JOURNAL_HEAD = re.compile(r"\b\d{1,4}\s*:\s*e?\d+(?:\s*$|\s{2,}|\s+last updated)|\bet al\.?,? \(?(?:19|20)\d\d\b|"
                           r"\blast updated:", re.I)
#: A journal's first-page head with the year in brackets and the article's pages: "American Political Science
#: Review (2025) 1–10" (Cambridge's journals).
_PAGED_HEAD = re.compile(r"^\s*[A-Z][\w&' -]{2,60}? \((?:19|20)\d\d\),? \d{1,4}\s?[–-]\s?\d{1,4}\s*$")


def _journal_head(line: str) -> bool:
    """A journal's running head (:data:`_JOURNAL_HEAD`, :data:`_PAGED_HEAD`), asked only of lines holding a colon,
    "et al" or a bracket (which every head holds): most lines do not, and a case-blind pattern is slow to search
    a line with."""
    return ((":" in line or "et al" in line.lower()) and bool(_JOURNAL_HEAD.search(line))
            or "(" in line and bool(_PAGED_HEAD.match(line)))


#: An open-review platform's version tag after the title: "[version 2; referees: 3 approved]".
_VERSION = re.compile(r"\s*\[version \d+[;,][^\]]*\]?\s*$", re.I)


@lru_cache(maxsize=4096)
def _names_someone(line: str) -> bool:
    """A person's name or a byline (cached: each top line stands near several title candidates)."""
    return is_person(line) or bool(_byline(line))


@lru_cache(maxsize=4096)
def _caps(s: str) -> bool:
    """Mostly capitals (the first 120 characters tell; cached: the title search asks it of the same
    top lines for several candidates)."""
    s = s[:120]
    upper, lower = sum(map(str.isupper, s)), sum(map(str.islower, s))
    return upper > 4 * lower and upper > 0


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


_COLUMN_WIDTH = 30  # characters: a cover's title column is narrow


def column_title(lines: list[str], start: int = 0) -> Title | None:
    """A cover title set in a narrow indented column: a main title in capitals over one or two lines,
    then its subtitle in mixed case broken over short lines at the same indent ("MANAGING FOR" /
    "RESULTS" / "Enhancing Agency" / "Use of Performance" / …), one blank line at most between them.
    The two are joined as "Main Title: Subtitle"; None when the top lines hold no such column.

    A PDF cover (pdftotext -layout) keeps the column's indent, which is what ties the short lines
    together when no single line reads as a title."""
    top = lines[: start + TOP]
    for i in range(start, len(top)):
        indent = _indent(top[i])
        # a plain conversion (no layout) loses the column's indent: then the column must stand alone,
        # a blank line above it
        alone = indent == 0 and (i == 0 or not top[i - 1].strip())
        if not (8 <= indent <= 40 or alone):
            continue
        first = clean(top[i])
        if not (first and _caps(first) and len(first.split()) <= 4 and not _chrome(first)):
            continue
        if i > 0 and top[i - 1].strip() and _indent(top[i - 1]) == indent:
            continue  # not the column's first line
        main, sub, blanks, j = [first], [], 0, i + 1
        while j < len(lines) and blanks <= 1:
            line = lines[j]
            if not line.strip():
                blanks += 1
                j += 1
                continue
            text = clean(line)
            if _indent(line) != indent or len(text) > _COLUMN_WIDTH or (blanks and not main) or _chrome(text):
                break
            if blanks and sub:
                break  # a blank line closes the subtitle
            (main if _caps(text) and not sub else sub).append(text)
            blanks = 0
            end = j
            j += 1
        if len(sub) < 2 or len(main) > 2 or not any(c.islower() for c in " ".join(sub)):
            continue
        if alone and (blanks == 0 and j < len(lines) or any(len(t.split()) < 2 or t[-1:] in ".:;" for t in sub)):
            continue  # unindented: the column is closed by a blank line and its lines read as one phrase
        words = " ".join(main + sub).split()
        if len(words) > 40 or any(_date_line(t) for t in sub):
            continue
        return Title(f"{title_case(' '.join(main))}: {' '.join(sub)}", i, end)
    return None


#: A word as a title prints it: a letter, then letters, digits, hyphens, apostrophes or stops ("FY2026",
#: "COVID-19", "H.R.", "Children’s", "R:"); not a number, a symbol or a TeX command.
_WORD = re.compile(r"(?<!\S)[(\"“‘]?[^\W\d_][\w'’.&/-]*[)\"”’,:;?!]*(?!\S)")


@lru_cache(maxsize=8192)
def _wordy(text: str) -> bool:
    """Whether half the tokens of ``text`` at least are words (:data:`_WORD`). A line of coordinates
    ("41°17′S 174°27′E / 41.283°S …"), of formula symbols an HTML page's figure left behind
    ("\\star + - = \\alpha …") or of figures alone is no title, however it is set."""
    return 2 * len(_WORD.findall(text)) >= len(text.split())


#: A month's or a day's date inside a line ("August 2017", "June 3, 2022") and a token holding a figure ("EPA/600/R-17/176").
_DATE_IN_LINE = re.compile(r"\b[A-Z][a-z]{2,8}\.?(?: \d{1,2},)? (?:19|20)\d\d\b")
_FIGURED = re.compile(r"\S*\d\S*")


_DOI_LINE = re.compile(r"^\s*(?:https?://(?:dx\.)?doi\.org/|doi:\s?)10\.\d{4,9}/\S+\s*$", re.I)


def _over_doi(lines: list[str], i: int) -> bool:
    """Whether line ``i`` opens the page over its DOI ("Journal of Nonverbal Behavior" / "https://doi.org/10.1007/…",
    a Springer paper's first lines): the journal's head, not the title."""
    if i > 3:
        return False
    nxt = next((lines[k] for k in range(i + 1, min(len(lines), i + 3)) if lines[k].strip()), "")
    return bool(_DOI_LINE.match(nxt))


def _over_address(lines: list[str], i: int, text: str) -> bool:
    """Whether a line ending in a colon introduces the address under it ("This publication is available free of
    charge from:" / "https://doi.org/10.6028/NIST.SP.800-207"): a notice, not the title."""
    if not text.endswith(":"):
        return False
    nxt = next((lines[k].strip() for k in range(i + 1, min(len(lines), i + 3)) if lines[k].strip()), "")
    return nxt.startswith(("http://", "https://", "www.", "doi:"))


def _label(text: str) -> bool:
    """A journal's or a release's label over the title, in capitals and three words at most ("RESEARCH ARTICLE",
    "COMPUTER SCIENCES", "OPEN ACCESS", "FOR IMMEDIATE RELEASE"): no first line of the title block."""
    return 2 <= len(text.split()) <= 3 and _caps(text)


#: A date in figures alone on a line ("28.11.2025", "05/17/2017"): under a title, its date, never its words.
_NUMERIC_DATE = re.compile(r"^\d{1,2}[./-]\d{1,2}[./-](?:19|20)\d\d$")
_RIGHT_INDENT = 30  # characters: a line set this far in at least may be set flush right
_RIGHT_RUN = 3  # lines ending at one column in a row: a letterhead's block set flush right
_RIGHT_SLACK = 5  # characters: how far the ends of a flush-right block's lines may stray (a converter's rounding)


def set_right(lines: list[str], i: int) -> bool:
    """Whether line ``i`` belongs to a block of lines set flush right (three or more in a row, each indented far,
    ending at one column within a few characters while their starts spread twice as wide: not a centred block): a
    letterhead's senders ("AlgorithmWatch" / "Gesellschaft für Freiheitsrechte" / … / "info@buendnis-f5.de" over a
    statement's title set at the left), never the title."""
    def edges(k: int) -> tuple[int, int] | None:
        line = lines[k].rstrip() if 0 <= k < len(lines) else ""
        indent = len(line) - len(line.lstrip())
        return (indent, len(line)) if line and indent >= _RIGHT_INDENT else None

    if edges(i) is None:
        return False
    run = [edges(i)]
    for step in (-1, 1):
        k = i + step
        while len(run) < 12 and (other := edges(k)) is not None:
            run.append(other)
            k += step
    if len(run) < _RIGHT_RUN:
        return False
    ends = max(e for _, e in run) - min(e for _, e in run)
    starts = max(s for s, _ in run) - min(s for s, _ in run)
    return ends <= _RIGHT_SLACK and starts >= 2 * ends + 4  # type: ignore[operator]


def _caps_below(lines: list[str], i: int) -> bool:
    """Whether the line under line ``i`` (no blank between) is in capitals too: a title set in capitals over lines
    ("DISCLOSURE AVOIDANCE SYSTEM" / "FOR THE 2010 DEMONSTRATION" / …), whose first line is no label over it."""
    return i + 1 < len(lines) and bool(lines[i + 1].strip()) and _caps(clean(lines[i + 1]))


def _stamp(text: str) -> bool:
    """Whether a line is a cover's stamp rather than a title: its address ("www.epa.gov/…"), a copyright notice, or a
    report number and a date with no two words besides ("EPA/600/R-17/176 | August 2017")."""
    if "www." in text or "://" in text or text.startswith(("©", "Copyright ©", "(c) ")):
        return True  # (a copyright notice: "© The Author(s), 2025. Published by Cambridge University Press …")
    if not _DATE_IN_LINE.search(text):
        return False
    rest = _FIGURED.sub(" ", _DATE_IN_LINE.sub(" ", text))
    return len(re.findall(r"[^\W\d_]{2,}", rest)) < 2


def find_title(lines: list[str], start: int = 0) -> Title | None:
    """The title among the first :data:`TOP` lines from index ``start``, or None when none scores."""
    column = column_title(lines, start)
    if column:
        return column
    top = lines[: start + TOP]
    content = []
    for i in range(start, len(top)):
        c = clean(top[i])
        if (c and not _chrome(c) and not _date_line(c) and not _NUMERIC_DATE_LEAD.match(c) and not _journal_head(top[i]) and _wordy(c)
                and not set_right(top, i)
                and not _stamp(c) and not _over_doi(top, i) and not _over_address(top, i, c)
                and (len(c.split()) >= 2 or _markup(top[i]) or _underlined(top, i) or _over_strap(top, i)
                     or _block(top, i) is not None)):
            # (one word opening a cover's title set over short lines, "Crowdsourced" / "geographic" / "information
            # use" / "in government", is a candidate: the block is its title)
            content.append(i)
    if not content:
        return None
    near_top = _near_top(top, lines)
    # the first line at the left (running headers sit far to the right), not a header restating the title
    first = next((i for i in content if len(top[i]) - len(top[i].lstrip()) <= 60
                  and not _running_restatement(top, i, near_top, clean(top[i])) and not _forum(clean(top[i]))
                  and not (_label(clean(top[i])) and not _caps_below(top, i))), content[0])
    # the best (score, -index, index), as max() over every candidate would give it; a candidate whose
    # score cannot beat the best so far (ties go to the earlier line) is not scored
    straps = [j for j in range(len(top)) if _STRAP.match(clean(top[j]))]
    reach = _Reach(top)
    best: tuple[int, int, int] | None = None
    for i in content:
        if best is not None and _cannot_beat(top, i, first, near_top, straps, best[0], reach):
            continue
        scored = (_score(top, i, first, near_top), -i, i)
        if best is None or scored > best:
            best = scored
    best, _, at = best
    if best < 1:
        return None
    if _CHAPTER_LABEL.match(clean(lines[at])):
        # "Chapter 6" / "Dialect areas and contact dialectology": the chapter's number set alone over its title is
        # a label, the title is the line under it (a heading printing both on one line, "Chapter 5 Calculating
        # global …", keeps them: the label is then part of the heading as printed)
        k = next((k for k in range(at + 1, min(len(lines), at + 4)) if lines[k].strip()), None)
        below = clean(lines[k]) if k is not None else ""
        if below and _wordy(below) and not is_person(below) and not _byline(below) and not _chrome(below):
            at = k  # type: ignore[assignment]
    text, end = _span(lines, at, near_top if len(top) >= min(len(lines), TOP * 2) else _near_top(lines, lines))
    text = _SECTION_NUMBER.sub("", _VERSION.sub("", text))
    text = re.sub(r"(?<!\.)\.\.$", "", title_case(text)).strip()
    if end > at:
        # a title set over lines that ends with a full stop after a word ("… on Partial Datasets."):
        # the stop closes the title block as a citation's would, it is not the title's
        text = _CLOSING_STOP.sub("", text)
    if text.split()[-1].lower() in _ENDS_OPEN:
        # "2021 Guidance for Creating Agency Inventories of" / blank / "Artificial Intelligence Use Cases": a title
        # cannot end on "of"; its last line stands under a blank line
        nxt = next((k for k in range(end + 1, min(len(lines), end + 3)) if lines[k].strip()), None)
        rest = clean(lines[nxt]) if nxt is not None else ""
        if rest and len(rest.split()) <= 12 and not rest.endswith(".") and _title_cased(rest):
            text, end = f"{text} {title_case(rest)}", nxt  # type: ignore[assignment]
    return Title(text, at, end)


_CLOSING_STOP = re.compile(r"(?<=[a-z]{3})\.$")
#: A chapter's number alone on its line, in the languages of the corpus ("Chapter 6", "Capitolo 2", "Kapitel IV").
_CHAPTER_LABEL = re.compile(r"^(?:chapter|kapitel|capitolo|cap[ií]tulo|chapitre|hoofdstuk)\s(?:\d{1,3}|[IVXLC]{1,6})[.:]?$", re.I)
#: A line opening with a date in figures ("9-21-2009 Arlen W. Harbaugh and Mary C. Hill (revised …)"): a draft's
#: dated header, never its title.
_NUMERIC_DATE_LEAD = re.compile(r"^\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)?\d\d\s")


#: A section number before a heading taken for the title ("# 1. Introduction", "2.3. Findings"): the
#: chapter's place in a larger report, not a word of its title.
_SECTION_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.\s+(?=[A-Z])")


#: Between a page's title and its site or author in an HTML <title>: "Post - Site", "Post · V8".
_TITLE_SEPARATOR = re.compile(r"\s+(?:-|–|—|\||·|::)\s+")


@dataclass(frozen=True)
class Heading:
    """The title as the page's own heading prints it, and what the <title> added after it."""

    title: Title
    tail: str


_NEXT_HEADING = 5  # lines under an HTML <title> line within which the page's own heading stands


def page_heading(lines: list[str], title: Title) -> Heading | None:
    """The page's heading when ``title`` is an HTML <title> "Post title - Site" and a line further
    down prints "Post title" alone: the post starts there (its date and byline are under it), and the
    tail is the site or the author the <title> named."""
    cuts = [m for m in _TITLE_SEPARATOR.finditer(title.text)]
    for cut in reversed(cuts):
        head = title.text[: cut.start()].strip()
        # one word ("Biofuel - Wikipedia") only when printed alone right under the <title> line: a word
        # further down may be any section's heading
        last = len(lines) if len(head.split()) >= 2 else min(len(lines), title.end + _NEXT_HEADING)
        for j in range(title.end + 1, last):
            # (the heading may keep the section number the title search took off: "2. Framing the analysis¶")
            if head in lines[j] and (clean(lines[j]) == head or _SECTION_NUMBER.sub("", clean(lines[j])) == head):
                return Heading(Title(head, j, j), title.text[cut.end():].strip())
        if len(head.split()) < 2:
            continue
        # the page's own heading broken over two lines ("Lowering Barriers" / "to Open Data")
        for j in range(title.end + 1, min(len(lines) - 1, title.end + TOP)):
            first = clean(lines[j])
            if first and head.startswith(first + " ") and f"{first} {clean(lines[j + 1])}" == head:
                return Heading(Title(head, j, j + 1), title.text[cut.end():].strip())
    return None


BYLINE_REACH = 6  # lines under a page's heading (a subtitle, blank lines) within which its byline stands


def heading_over_byline(lines: list[str], title: Title, byline_at: int | None) -> Title | None:
    """The page's own heading when the <title> line names only a section and the site ("Open Data's Impact -
    The Govlab" over every case study) and neither part is printed under it: the first line under the <title>
    line, when the article's byline ("by Andrew Young, Christina Rogawski and Stefaan Verhulst") follows it
    within a few lines. None otherwise."""
    if byline_at is None or title.end != title.start or not _TITLE_SEPARATOR.search(title.text):
        return None
    j = next((k for k in range(title.end + 1, min(len(lines), title.end + 4)) if lines[k].strip()), None)
    if j is None or not 0 < byline_at - j <= BYLINE_REACH:
        return None
    head = clean(lines[j])
    if len(head.split()) < 2 or is_person(head) or _date_line(head) or _byline(head) or _chrome(head):
        return None
    return Title(head, j, j)


def title_line_tail(lines: list[str], title: Title) -> tuple[str, int] | None:
    """What an HTML <title> line above the page's heading adds after the title ("Bacillus - Wikipedia"
    over "*Bacillus*": "Wikipedia") and that line's index, when the title search chose the heading; None
    when no line within :data:`_NEXT_HEADING` above it reads so."""
    for j in range(max(0, title.start - _NEXT_HEADING), title.start):
        s = clean(lines[j])
        if s.startswith(title.text) and len(s) > len(title.text):
            m = _TITLE_SEPARATOR.match(s, len(title.text))
            if m:
                return s[m.end():].strip(), j
    return None

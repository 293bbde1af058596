"""A printed report's running footer, left in its web page or Word file, found by its page numbers.

A report converted from its PDF to a web page (GAO's report pages) or a Word file keeps each
page's footer as a paragraph of its own: "Page 4 GAO-26-108653 FY 2024 Senate Office of Public
Records Revolving Fund", again on every page with the next number. The PDF reader drops such lines
by their place on the page (bibkaz/read/pdf_pages.py); here there is no page, but the lines say
what they are: the same words three times or more, one number changing and rising from each to
the next. Joined into one paragraph (the page's ``<p>``), such a footer after a report's last note
was read as a note of its own (note 10 of a GAO report, its "work" the footer's words); in the
report's text conversion the footer stands on two lines, and the extract stage passes them over.

A note list ("4. Kay, 2012, p. 25.", "6. Kay, 2012, p. 33.") changes two numbers, and a list
of reports ("11 GAO-24-106237.") says too few words: neither is a running line. Nor are lines one
after the other (a page has text between its footer and the next): notes 3, 4 and 5 of an
rOpenSci post cite the same page in the same words.
"""

from __future__ import annotations

import re
from typing import Sequence

from bibkaz.read.numbers import number

_NUMBER = re.compile(r"\d+")
_WORD = re.compile(r"[^\W\d_]{2,}")
#: A running line repeats on this many pages at least.
MIN_PAGES = 3
#: At most this many words (a footer or header is one short line of the printed page).
MAX_WORDS = 25
#: At least this many words besides its numbers (a title, a report number's letters, "Page").
MIN_WORDS = 3


def running_lines(lines: Sequence[str]) -> frozenset[int]:
    """The indices of ``lines`` that are a printed page's running footer or header."""
    groups: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        words = line.split()
        if not words or len(words) > MAX_WORDS or len(_WORD.findall(line)) < MIN_WORDS or not _NUMBER.search(line):
            continue
        groups.setdefault(_NUMBER.sub("#", " ".join(words)), []).append(i)
    out: set[int] = set()
    for indices in groups.values():
        if (len(indices) >= MIN_PAGES and _one_rising_number([_NUMBER.findall(lines[i]) for i in indices])
                and all(any(lines[j].strip() for j in range(a + 1, b)) for a, b in zip(indices, indices[1:]))):
            out.update(indices)
    return frozenset(out)


def _one_rising_number(numbers: list[list[str]]) -> bool:
    """Exactly one place whose number changes, rising from each line to the next, on half the pages
    it spans at least; the others alike.

    A footer stands on (nearly) every page, its number rising by one. One source cited again and
    again at other pages rises too, by leaps: plainlanguage.gov's guidelines close sections with
    "Securities and Exchange Commission, Plain English Handbook, 1998, Washington, DC, p. 9." and
    p. 22, 25, 32 further on, and the Word reader dropped them all as a running footer."""
    varying = [place for place in range(len(numbers[0])) if len({n[place] for n in numbers}) > 1]
    if len(varying) != 1:
        return False
    values = [number(n[varying[0]], -1) for n in numbers]
    if min(values) < 0:
        return False  # a run of digits no page is numbered by
    return all(a < b for a, b in zip(values, values[1:])) and 2 * len(values) > values[-1] - values[0]

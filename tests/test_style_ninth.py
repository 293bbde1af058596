"""CSL rules and speed work of the ninth session (issue 16), asserted on real styles.

The caches of :mod:`bibkaz.style.caching` and the lazy sort keys of
:mod:`bibkaz.style.sort_order` must change nothing a reader sees: these tests
render through them and check what CSL asks for (terms of the style's own
locale, sort order by every key in turn). The date-range rule is asserted on a
one-layout style, as none of the six styles sets a range delimiter.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bibkaz.style import find_style, render


def _path(name: str) -> str:
    return str(find_style(name).path)


def _book(ident: str, family: str, year: int, title: str, **extra: Any) -> dict[str, Any]:
    return {"id": ident, "type": "book", "title": title, "author": [{"family": family, "given": "Ann"}],
            "issued": {"date-parts": [[year]]}, **extra}


def test_sort_keys_after_the_first_decide_only_ties():
    """CSL sorting: keys compare in order, a later key only between works equal on the earlier
    ones. APA: author, then its date-sort-group key (a work with no date before dated ones of the
    same author, as APA 7 asks), then year, then title."""
    works = [_book("c", "Lee", 2020, "Zebra studies"), _book("a", "Kim", 2021, "Anything"),
             _book("d", "Lee", 2019, "Yak herding"), _book("b", "Lee", 2020, "Alpine meadows"),
             {"id": "e", "type": "book", "title": "Undated", "author": [{"family": "Lee", "given": "Ann"}]}]
    keys = [e.key for e in render(works, _path("apa")).entries]
    assert keys == ["a", "e", "d", "b", "c"]


def test_cached_terms_follow_each_style_s_locale():
    """Locale terms are kept per loaded style: rendering in German after English gives the
    German terms ("o. J.", with the locale's no-break space, for no date), and English again after it."""
    undated = [{"id": "u", "type": "book", "title": "Ohne Jahr", "author": [{"family": "Roth", "given": "Eva"}]}]
    english = render(undated, _path("apa"), "en-US").entries[0].text
    german = render(undated, _path("apa"), "de-DE").entries[0].text
    assert "(n.d.)" in english
    assert "(o.\u00a0J.)" in german
    assert render(undated, _path("apa"), "en-US").entries[0].text == english


def test_date_ranges_use_the_range_delimiter_of_the_largest_differing_part(tmp_path: Path):
    """CSL 1.0.2, date ranges: the delimiter is the ``range-delimiter`` of the date-part for the
    largest part that differs (day, month or year; en dash when unset), and a localized date's
    parts are joined with the locale date's ``delimiter``."""
    style = tmp_path / "ranges.csl"
    style.write_text("""<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id>x</id><title>x</title><updated>2020-01-01T00:00:00+00:00</updated></info>
  <locale><date form="text" delimiter=" ">
    <date-part name="day" range-delimiter=" to "/><date-part name="month" range-delimiter=" until "/>
    <date-part name="year" range-delimiter="/"/></date></locale>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout><date variable="issued" form="text"/></layout></bibliography></style>""",
                     encoding="utf-8")
    works = [{"id": "d", "type": "book", "title": "a", "issued": {"date-parts": [[1999, 1, 2], [1999, 1, 4]]}},
             {"id": "m", "type": "book", "title": "b", "issued": {"date-parts": [[1999, 1, 2], [1999, 3, 4]]}},
             {"id": "y", "type": "book", "title": "c", "issued": {"date-parts": [[1999, 1, 2], [2000, 1, 4]]}},
             {"id": "s", "type": "book", "title": "d", "issued": {"date-parts": [[2001, 5, 6]]}}]
    texts = {e.key: e.text for e in render(works, str(style)).entries}
    assert texts == {"d": "2 to 4 January 1999", "m": "2 January until 4 March 1999",
                     "y": "2 January 1999/4 January 2000", "s": "6 May 2001"}


def test_date_ranges_without_a_range_delimiter_keep_the_en_dash():
    """The default range delimiter is the en dash (APA: "1999–2001")."""
    work = _book("r", "Lee", 1999, "Long project")
    work["issued"] = {"date-parts": [[1999], [2001]]}
    assert "(1999–2001)" in render([work], _path("apa")).entries[0].text

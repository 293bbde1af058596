"""Ordinal suffixes chosen by match and gender (CSL 1.0.2 "Ordinal Suffixes"; issue 16, eleventh
session). Expected texts are what citeproc-js 2.4.63 (bench/node) prints for the same items."""

from __future__ import annotations

from pathlib import Path

import pytest

from bibkaz.style import render

_STYLE = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id>x</id><title>x</title><updated>2020-01-01T00:00:00+00:00</updated></info>
  {locale}
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout><group delimiter=" | "><number variable="edition" form="ordinal"/>
    <number variable="issue" form="ordinal"/><number variable="volume" form="ordinal"/>
    <date variable="issued"><date-part name="day" form="ordinal" suffix=" "/><date-part name="month"/></date>
  </group></layout></bibliography></style>"""


def _entries(tmp_path: Path, numbers: list[int], locale: str, in_style_locale: str = "") -> list[str]:
    style = tmp_path / "s.csl"
    style.write_text(_STYLE.format(locale=in_style_locale), encoding="utf-8")
    items = [{"id": f"n{n}", "type": "book", "edition": str(n), "issue": str(n), "volume": str(n),
              "issued": {"date-parts": [[2004, 10, min(n, 28)]]}} for n in numbers]
    return [e.body for e in render(items, str(style), locale, "text").entries]


def test_english_last_two_digits_before_the_last_digit(tmp_path: Path):
    """ordinal-11 to -13 match the last two digits: 112th, not citeproc-py's "112nd"."""
    got = _entries(tmp_path, [1, 2, 3, 11, 21, 101, 111, 112, 113, 122], "en-US")
    assert [e.split(" | ")[0] for e in got] == ["1st", "2nd", "3rd", "11th", "21st", "101st", "111th", "112th",
                                                  "113th", "122nd"]


def test_french_gender_of_the_variable_and_of_the_month(tmp_path: Path):
    """"édition" is feminine (1ʳᵉ), "numéro" and "volume" masculine (1ᵉʳ), a day takes its month's
    gender (1ᵉʳ octobre); "ordinal-01" matches the whole number only (21ᵉ)."""
    first, second, twenty_first = _entries(tmp_path, [1, 2, 21], "fr-FR")
    assert first == "1ʳᵉ | 1ᵉʳ | 1ᵉʳ | 1ᵉʳ octobre"
    assert second == "2ᵉ | 2ᵉ | 2ᵉ | 2 octobre"  # limit-day-ordinals-to-day-1 in fr-FR
    assert twenty_first == "21ᵉ | 21ᵉ | 21ᵉ | 21 octobre"


@pytest.mark.parametrize("locale, first", [("de-DE", "1. | 1. | 1. | 1. Oktober"),
                                            ("es-ES", "1.ª | 1.ª | 1.ª | 1.ª octubre")])
def test_no_english_suffix_fills_another_locale_s_gaps(tmp_path: Path, locale: str, first: str):
    assert _entries(tmp_path, [1], locale) == [first]


def test_a_style_s_ordinal_terms_replace_the_locale_s(tmp_path: Path):
    """Suite fixture number_SeparateOrdinalNamespaces: the style defines "ordinal", gendered
    "ordinal-01" and a masculine "ordinal-02"; French's own "ordinal-03" is not used."""
    locale = """<locale><terms>
      <term name="ordinal">.ª</term>
      <term name="ordinal-01">.ª</term>
      <term name="ordinal-01" gender-form="masculine">.º</term>
      <term name="ordinal-01" gender-form="feminine">.ª</term>
      <term name="ordinal-02" gender-form="masculine">.ºº</term>
      <term name="issue" gender="masculine">issue</term>
      <term name="edition" gender="feminine">edition</term>
    </terms></locale>"""
    got = [" | ".join(e.split(" | ")[:2]) for e in _entries(tmp_path, [1, 2, 3], "fr-FR", locale)]
    assert got == ["1.ª | 1.º", "2.ª | 2.ºº", "3.ª | 3.ª"]

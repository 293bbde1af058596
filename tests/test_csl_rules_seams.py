"""Punctuation meeting at a seam, merged by citeproc-js's table (issue 16)."""

from __future__ import annotations

from pathlib import Path

from bibkaz.style import render, seams


def test_merge_table_keeps_drops_or_replaces_the_second_mark():
    assert seams.merged("Why?", ":") == ""  # "Why?: …" → "Why? …"
    assert seams.merged("colon:", "!") == seams.ERASE + "!"  # "colon:!" → "colon!"
    assert seams.merged("comma,", ":") == ":"  # both print
    assert seams.merged("<i>Why?</i>", ".") == ""  # closing markup does not hide the seam
    assert seams.merged("word", ".") is None
    assert seams.apply_erase("colon:</i>" + seams.ERASE + "! x") == "colon</i>! x"


def test_seams_merge_in_rendered_entries_but_not_inside_fields(tmp_path: Path):
    style = tmp_path / "seams.csl"
    style.write_text("""<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id>x</id><title>x</title><updated>2020-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout><text variable="title" suffix=":"/><text variable="publisher" prefix="! "/>
    <text variable="container-title" prefix="; " suffix="."/></layout></bibliography>
</style>""", encoding="utf-8")
    item = {"id": "a", "type": "book", "title": "Re: the case?", "publisher": "Routledge", "container-title": "X"}
    # "?" + ":" → "?" at the seam, then "?" + "!" → both; the "Re:" inside the title is left alone
    assert render([item], str(style), "en-US", "text").entries[0].body == "Re: the case?! Routledge; X."
    item2 = dict(item, title="Coda:")
    assert render([item2], str(style), "en-US", "text").entries[0].body == "Coda! Routledge; X."


def test_fused_seam_answers_as_citeproc_py_then_the_merge():
    """The one-pass seam (:func:`seams.fused`) against citeproc-py's own function wrapped with the
    merge (:func:`seams.wrapped`): same text and same string type for every pair of sides."""
    import itertools

    import citeproc.string as string_module

    from bibkaz.style import workarounds

    workarounds.install()
    pristine = string_module.normalize_seam.__wrapped__  # citeproc-py's own
    assert seams._known(pristine, string_module) and string_module.normalize_seam.__code__ is not pristine.__code__
    String, MixedString = string_module.String, string_module.MixedString
    reference, fused = seams.wrapped(pristine, string_module), seams.fused(string_module)
    lefts = ["", " ", "Why?", "colon:", "comma,", "end.", "x;", "wow!", "<i>Why?</i>", "<i>a</i>", "</b>", "a>",
             "Re: the case", "word "]
    rights = ["", " ", ".", ",", ":", ";", "!", "?", ". Next", ", x", " y", "<i>x</i>", "—", "z"]
    kinds = [str, String, lambda s: MixedString([String(s)]) if s else MixedString([]),
             lambda s: MixedString([String(s[:1]), String(s[1:])]) if s else MixedString([])]
    for left, right, make_left, make_right in itertools.product(lefts, rights, kinds, kinds):
        a, b = make_left(left), make_right(right)
        expected, got = reference(a, b), fused(a, b)
        assert (str(got), type(got)) == (str(expected), type(expected)), (left, right)
        assert (got is b) == (expected is b), (left, right)

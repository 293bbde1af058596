"""subsequent-author-substitute as citeproc-js 2.4.63 does it: labels kept, substituted
texts compared, nothing more after a substitute's own cs:names (issue 16, tenth session)."""

from __future__ import annotations

from pathlib import Path

from bibkaz.style import find_style, render

_HEAD = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id>x</id><title>x</title><updated>2020-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>"""


def _bodies(tmp_path: Path, style: str, items: list[dict]) -> list[str]:
    path = tmp_path / "s.csl"
    path.write_text(style, encoding="utf-8")
    return [e.body for e in render(items, str(path), "en-US", "text").entries]


def _book(key: str, title: str, **names: str) -> dict:
    item: dict = {"id": key, "type": "book", "title": title}
    for role, family in names.items():
        item[role] = [{"family": family, "given": "John"}]
    return item


def test_labelled_names_are_replaced_and_keep_their_label(tmp_path: Path):
    style = _HEAD + """
  <bibliography subsequent-author-substitute="---"><layout suffix=".">
    <names variable="author"><name name-as-sort-order="all"/><label form="short" prefix=" "/>
      <substitute><names variable="editor"/></substitute></names>
    <text variable="title" prefix=". "/></layout></bibliography></style>"""
    items = [_book("a", "One", author="Doe"), _book("b", "Two", editor="Doe"), _book("c", "Three", editor="Doe")]
    assert _bodies(tmp_path, style, items) == ["Doe, John. One.", "--- ed. Two.", "--- ed. Three."]


def test_a_substituted_title_is_compared_and_replaced(tmp_path: Path):
    style = _HEAD + """
  <bibliography subsequent-author-substitute="———"><layout suffix=".">
    <names variable="author"><name/><substitute><text variable="container-title"/></substitute></names>
    <text variable="title" prefix=", "/></layout></bibliography></style>"""
    items = [{"id": "a", "type": "article-newspaper", "title": "Monday", "container-title": "Yomiuri Shinbun"},
             {"id": "b", "type": "article-newspaper", "title": "Tuesday", "container-title": "Yomiuri Shinbun"},
             {"id": "c", "type": "article-newspaper", "title": "Friday", "container-title": "Asahi Shinbun"}]
    assert _bodies(tmp_path, style, items) == ["Yomiuri Shinbun, Monday.", "———, Tuesday.", "Asahi Shinbun, Friday."]


def test_mla_replaces_repeated_authors_but_not_editors_after_its_guest_names():
    """MLA's substitute tries ``guest`` (a cs:names with its own cs:name) before editors and the
    title: citeproc-js replaces nothing after it, and such an entry is not "previous" (checked
    against citeproc-js on these items)."""
    mla = find_style("modern-language-association").path
    items = [_book("a", "A Book", author="Doe"), _book("b", "B Edited", editor="Roe"),
             _book("c", "C Book", author="Roe"), _book("e", "E Book", author="Sam"),
             _book("f", "F Edited", editor="Sam"), _book("g", "G Book", author="Sam"),
             _book("h", "H Book", author="Sam")]
    for item in items:
        item.update(publisher="Pub", issued={"date-parts": [[2001]]})
    assert [e.body for e in render(items, mla, "en-US", "text").entries] == [
        "Doe, John. A Book. Pub, 2001.",
        "Roe, John, editor. B Edited. Pub, 2001.",
        "Roe, John. C Book. Pub, 2001.",
        "Sam, John. E Book. Pub, 2001.",
        "Sam, John, editor. F Edited. Pub, 2001.",
        "———. G Book. Pub, 2001.",
        "———. H Book. Pub, 2001.",
    ]

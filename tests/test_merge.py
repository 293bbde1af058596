"""``bibkaz merge``: real .bib files in, one deduplicated .bib out."""

from __future__ import annotations

from pathlib import Path

import bibtexparser
from click.testing import CliRunner

from bibkaz.cli import main
from bibkaz.formats.bibtex import read_records

A = r"""
@article{laruelle2018,
  author = {Laruelle, Marl{\`e}ne},
  title = {Why No {Kazakh} {Novorossiya}? {Kazakhstan}'s {Russian} Minority in a Post-{Crimea} World},
  journaltitle = {Problems of Post-Communism},
  year = {2018}, volume = {65}, number = {1}, pages = {65--78}
}
@book{cooley,
  author = {Cooley, A.},
  title = {Great Games, Local Rules},
  year = {2012},
  publisher = {Oxford University Press}
}
@book{smith2020,
  author = {Smith, John},
  title = {Cotton and Water in Uzbekistan},
  year = {2020}
}
"""

B = r"""
@article{Laruelle_2018,
  author = {Marlene Laruelle},
  title = {Why no Kazakh Novorossiya? Kazakhstan's Russian minority in a post-Crimea world},
  journal = {Probl. Post-Communism},
  year = {2018},
  doi = {10.1080/10758216.2016.1207507}
}
@book{cooley,
  author = {Cooley, Alexander},
  title = {Great Games, Local Rules: The New Great Power Contest in Central Asia},
  year = {2012},
  address = {New York}
}
@book{smith2020,
  author = {Smith, Jane},
  title = {Labour Migration from Tajikistan},
  year = {2020}
}
@article{umarov2022a,
  author = {Umarov, Temur},
  title = {Russia's War and Central Asia: Trade Routes Rerouted},
  journal = {Russia in Global Affairs},
  year = {2022}
}
@article{umarov2022b,
  author = {Umarov, Temur},
  title = {Russia's War and Central Asia: Migrants and Remittances},
  journal = {Russia in Global Affairs},
  year = {2022}
}
"""


def _files(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "a.bib", tmp_path / "b.bib"
    a.write_text(A, encoding="utf-8")
    b.write_text(B, encoding="utf-8")
    return a, b


def _run(*args: str):
    return CliRunner().invoke(main, ["merge", *args])


def test_merge_deduplicates_and_merges_fields(tmp_path):
    a, b = _files(tmp_path)
    out = tmp_path / "out.bib"
    result = _run(str(a), str(b), "-o", str(out))
    assert result.exit_code == 0, result.output
    records = dict(read_records(out))
    assert sorted(records) == ["cooley", "laruelle2018", "smith2020", "smith2020a", "umarov2022a", "umarov2022b"]
    laruelle = records["laruelle2018"]
    assert laruelle.doi == "10.1080/10758216.2016.1207507" and laruelle.volume == "65"
    assert laruelle.container_title == "Problems of Post-Communism"
    assert laruelle.authors[0].given == "Marlène"
    cooley = records["cooley"]
    assert cooley.authors[0].given == "Alexander" and cooley.place == "New York"
    assert cooley.title.startswith("Great Games, Local Rules: The New")
    assert records["smith2020a"].title == "Labour Migration from Tajikistan"
    assert "8 entries in 2 files → 6 works (2 duplicates merged)" in result.stderr
    assert len(bibtexparser.parse_string(out.read_text(encoding="utf-8")).entries) == 6


def test_merge_is_deterministic_and_rerunnable(tmp_path):
    a, b = _files(tmp_path)
    out = tmp_path / "out.bib"
    assert _run(str(a), str(b), "-o", str(out)).exit_code == 0
    first = out.read_bytes()
    assert _run(str(a), str(b), "-o", str(out)).exit_code == 0  # bibkaz wrote it: no --force needed
    assert out.read_bytes() == first


def test_explain_lists_merges_and_near_misses(tmp_path):
    a, b = _files(tmp_path)
    result = _run(str(a), str(b), "-o", str(tmp_path / "out.bib"), "--explain")
    lines = result.stdout.splitlines()
    # each merge line names its evidence after the sources (issue 13)
    assert any(l.startswith("merged laruelle2018: a.bib:laruelle2018 + b.bib:Laruelle_2018 (evidence: ") for l in lines)
    assert any(l.startswith("merged cooley: a.bib:cooley + b.bib:cooley") for l in lines)
    (umarov,) = [line for line in lines if "umarov2022a" in line]
    assert umarov.startswith("apart  b.bib:umarov2022a ~ b.bib:umarov2022b (score ")


def test_refuses_to_overwrite_a_file_bibkaz_did_not_write(tmp_path):
    a, b = _files(tmp_path)
    result = _run(str(a), str(b), "-o", str(a))
    assert result.exit_code == 2 and "use --force" in result.output and str(a) in result.output
    assert a.read_text(encoding="utf-8") == A
    assert _run(str(a), str(b), "-o", str(a), "--force").exit_code == 0


def test_bad_file_is_skipped_with_a_warning(tmp_path):
    a, _ = _files(tmp_path)
    bad = tmp_path / "bad.bib"
    bad.write_bytes(b"\xff\xfe\x00garbage")
    out = tmp_path / "out.bib"
    result = _run(str(a), str(bad), "-o", str(out))
    assert result.exit_code == 1
    assert "bad.bib" in result.stderr and "skipped" in result.stderr
    assert len(read_records(out)) == 3


def test_nothing_readable_is_an_error(tmp_path):
    bad = tmp_path / "bad.bib"
    bad.write_bytes(b"\xff\xfe\x00garbage")
    result = _run(str(bad), "-o", str(tmp_path / "out.bib"))
    assert result.exit_code == 1 and "bad.bib" in result.stderr
    assert not (tmp_path / "out.bib").exists()


def test_missing_file_is_a_usage_error(tmp_path):
    result = _run(str(tmp_path / "nope.bib"), "-o", str(tmp_path / "out.bib"))
    assert result.exit_code == 2


def test_merge_of_the_corpus_written_as_one_bib_per_style(tmp_path):
    """Every citation of the resolver corpus as BibTeX, one file per style: the
    merge must find exactly the 48 works, never joining two."""
    import json
    from collections import defaultdict

    from bibkaz.formats.bibtex import format_entries
    from bibkaz.formats.csl import csl_to_record
    from bibkaz.resolve.bibmerge import merge_bib_files

    corpus = Path(__file__).parent / "resolver_corpus" / "corpus.jsonl"
    by_style: dict[str, list] = defaultdict(list)
    for n, line in enumerate(map(json.loads, corpus.read_text(encoding="utf-8").splitlines())):
        if line["style"] != "chicago-short":  # short notes are not bibliography entries
            by_style[line["style"]].append((f"{line['work']}x{n}", csl_to_record(line["csl"])))
    paths = []
    for style, entries in sorted(by_style.items()):
        path = tmp_path / f"{style}.bib"
        path.write_text(format_entries(entries), encoding="utf-8")
        paths.append(path)
    merged = merge_bib_files(paths)
    truth = [label.split(":")[1].split("x")[0] for label in merged.labels]
    groups = merged.resolution.clustering.groups
    assert [sorted({truth[i] for i in g}) for g in groups if len({truth[i] for i in g}) > 1] == []
    assert len(groups) == len(set(truth)) == len(merged.resolution.library.works) == 48

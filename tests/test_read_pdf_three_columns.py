"""A page set in three columns is read down each column (bibkaz/read/pdf_layout.py, ``_columns_beside``).

A journal's reference list in three columns (Royal Society Open Science) was taken for a table: a
narrow first column beside a wider side cut into cells. Read row by row, every line held pieces of
three entries ("Best P, Manktelow R, Taylor B. 2014 Online   606–616. (doi:…)   eclinm.2018.12.005)").
"""

from __future__ import annotations

from bibkaz.read.pdf import pdf_to_text
from tests.laid_out.make_pdf import Page, write_pdf


def _entries(first: int, count: int = 20) -> list[list[tuple[str, bool]]]:
    """Two-line entries numbered from ``first``, as a reference list's column sets them."""
    lines = []
    for n in range(first, first + count):
        lines.append([(f"{n}. Author{n} A. 20{n:02d} Dams", False)])
        lines.append([(f"   of work {n}. J. Riv. {n}.", False)])
    return lines


def test_three_columns_of_references_are_read_down_each_column(tmp_path):
    path = write_pdf(tmp_path / "refs.pdf", [Page([_entries(1), _entries(21), _entries(41)], title="References")])
    lines = [line.strip() for line in pdf_to_text(path.read_bytes(), str(path)).text.splitlines() if line.strip()]
    entries = [line for line in lines if line[0].isdigit() and ". Author" in line]
    assert [line.split(".")[0] for line in entries] == [str(n) for n in range(1, 61)]
    for n in range(1, 61):
        opening = lines.index(f"{n}. Author{n} A. 20{n:02d} Dams")
        assert lines[opening + 1] == f"of work {n}. J. Riv. {n}."


def test_two_columns_are_read_as_before(tmp_path):
    path = write_pdf(tmp_path / "refs.pdf", [Page([_entries(1), _entries(21)], title="References")])
    lines = [line.strip() for line in pdf_to_text(path.read_bytes(), str(path)).text.splitlines() if line.strip()]
    assert [line.split(".")[0] for line in lines if ". Author" in line] == [str(n) for n in range(1, 41)]


def test_a_table_of_three_columns_whose_cells_wrap_unevenly_is_read_row_by_row(tmp_path):
    rows = [(f"Memorial {n}", f"P.L. {n}, Stat.", "City, ST") for n in range(1, 13)]
    columns: list[list[list[tuple[str, bool]]]] = [[], [], []]
    for name, law, place in rows:  # the law's cell wraps onto a second line, the others do not
        for column, cell in zip(columns, ((name, ""), (law, "(2006)"), (place, ""))):
            column.extend([[(cell[0], False)], [(cell[1], False)]])
    path = write_pdf(tmp_path / "table.pdf", [Page(columns, title="Memorials")])
    lines = [line.strip() for line in pdf_to_text(path.read_bytes(), str(path)).text.splitlines() if line.strip()]
    assert any("Memorial 1" in line and "P.L. 1," in line and "City, ST" in line for line in lines)

"""BibTeX and BibLaTeX: writing (``write_library``, ``format_entries``) and reading (``read_records``)."""

from bibkaz.formats.bibtex.reader import read_library, read_records, read_records_text
from bibkaz.formats.bibtex.writer import format_entries, write_library, written_by_bibkaz

__all__ = ["format_entries", "write_library", "written_by_bibkaz", "read_records", "read_records_text", "read_library"]

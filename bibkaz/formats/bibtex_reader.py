"""Kept as the import path load.py and the commands use; the code lives in bibkaz.formats.bibtex.reader."""

from bibkaz.formats.bibtex.reader import read_library, read_records, read_records_text

__all__ = ["read_library", "read_records", "read_records_text"]

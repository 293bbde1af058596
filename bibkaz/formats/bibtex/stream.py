"""A .bib file as decoded text, read a block of whole lines at a time, with progress.

Streaming keeps a 50 MB file at about a megabyte in flight instead of the
whole text (bibtexparser needed several GB for one). Decoding never raises:
a line that is not UTF-8 is read as cp1252 (what Windows tools wrote), and the
first such line is named once, so the user knows where to look.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from bibkaz.model import InputError, Problem

#: Called with (entries read, bytes read, file size) every PROGRESS_EVERY entries.
Progress = Callable[[int, int, int], None]
PROGRESS_EVERY = 10_000


@dataclass
class LineSource:
    """The lines of one file, and what reading them found out."""

    path: Path
    size: int = 0
    bytes_read: int = 0
    warnings: list[Problem] = field(default_factory=list)

    def blocks(self, size: int = 1 << 20) -> Iterator[str]:
        """The file as text in blocks of about ``size`` bytes, each ending at a line end."""
        try:
            handle = self.path.open("rb")
        except OSError as exc:
            raise InputError(str(self.path), f"cannot read BibTeX file: {exc.strerror or exc}") from None
        with handle:
            self.size = os.fstat(handle.fileno()).st_size
            line = 1
            while True:
                raw = handle.read(size)
                if not raw:
                    return
                raw += handle.readline()  # whole lines only: no character is cut in two
                if line == 1 and raw.startswith(b"\xef\xbb\xbf"):
                    raw = raw[3:]
                self.bytes_read += len(raw)
                try:
                    yield raw.decode("utf-8")
                except UnicodeDecodeError:
                    yield "".join(self._line_by_line(raw, line))
                line += raw.count(b"\n")

    def _line_by_line(self, raw: bytes, first: int) -> Iterator[str]:
        for number, line in enumerate(raw.splitlines(keepends=True), first):
            try:
                yield line.decode("utf-8")
            except UnicodeDecodeError as exc:
                if not self.warnings:
                    self.warnings.append(Problem(str(self.path), f"not UTF-8 (byte 0x{line[exc.start]:02x}); "
                                                 "such lines are read as cp1252", number))
                yield line.decode("cp1252", errors="replace")

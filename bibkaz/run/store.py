"""Values kept on disk as they come, read back by position: what lets the client of a
large run hold an int a document instead of the document's references and mentions.

A run's results arrive one document at a time (the runners yield them in input
order); the writers need them again at the end, in another order (works by key).
:class:`Spool` appends each value to one file, pickled, and remembers where it
starts (8 bytes a value), so it can be read straight through or by position
without holding the values themselves. The file is removed with the spool.
"""

from __future__ import annotations

import pickle
import shutil
import tempfile
import threading
import weakref
from array import array
from pathlib import Path
from typing import Any, Generic, Iterable, Iterator, Sequence, TypeVar, overload

from bibkaz.sequences import indexed

T = TypeVar("T")


class Folder:
    """A private temporary folder, removed when the last object holding it is collected
    (or at exit): the spools of one run live in it."""

    def __init__(self, prefix: str = "bibkaz-run-"):
        self.path = Path(tempfile.mkdtemp(prefix=prefix))
        self._cleanup = weakref.finalize(self, shutil.rmtree, str(self.path), True)

    def remove(self) -> None:
        self._cleanup()


class Spool(Sequence[T], Generic[T]):
    """An append-only sequence of picklable values in one file of ``folder``."""

    def __init__(self, folder: Folder, name: str):
        self._folder = folder  # keeps the folder alive as long as the spool
        self._path = folder.path / name
        self._out = self._path.open("wb")
        self._starts = array("q")
        self._end = 0
        self._reader: Any = None
        # A run's library is written by two threads (the .bib's and the JSON's, bibkaz.run.write):
        # a seek and its read must not interleave.
        self._lock = threading.Lock()

    def append(self, value: T) -> int:
        """Store ``value``; its position."""
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        self._out.write(data)
        self._starts.append(self._end)
        self._end += len(data)
        return len(self._starts) - 1

    def extend(self, values: Iterable[T]) -> None:
        for value in values:
            self.append(value)

    def __len__(self) -> int:
        return len(self._starts)

    def _read(self, start: int, size: int) -> Any:
        with self._lock:
            if not self._out.closed:
                self._out.flush()
            if self._reader is None:
                self._reader = self._path.open("rb")
            self._reader.seek(start)
            return self._reader.read(size)

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> list[T]: ...

    def __getitem__(self, index: int | slice) -> T | list[T]:
        return indexed(len(self), index, self._load)

    def _load(self, index: int) -> T:
        end = self._starts[index + 1] if index + 1 < len(self._starts) else self._end
        return pickle.loads(self._read(self._starts[index], end - self._starts[index]))

    def range(self, start: int, stop: int) -> list[T]:
        """Values ``start`` to ``stop - 1`` in one read (a document's references)."""
        if start >= stop:
            return []
        end = self._starts[stop] if stop < len(self._starts) else self._end
        data = memoryview(self._read(self._starts[start], end - self._starts[start]))
        base = self._starts[start]
        out = []
        for i in range(start, stop):
            last = self._starts[i + 1] if i + 1 < len(self._starts) else self._end
            out.append(pickle.loads(data[self._starts[i] - base:last - base]))
        return out

    def __iter__(self) -> Iterator[T]:
        """Every value in order, read in blocks (never the whole file at once)."""
        step = 256
        for start in range(0, len(self), step):
            yield from self.range(start, min(len(self), start + step))

    def close(self) -> None:
        """No more appends (reading goes on)."""
        if not self._out.closed:
            self._out.close()

    def __del__(self) -> None:
        try:
            self._out.close()
            if self._reader is not None:
                self._reader.close()
        except (AttributeError, OSError):
            pass


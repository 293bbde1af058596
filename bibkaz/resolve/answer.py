"""The spooled resolver's answer left in the files its buckets wrote, read when asked for.

At a million references the answer is about 170,000 works (each group of ints and
its merged record), 2.4 million near misses and 800,000 joins with their evidence:
1.7 GB once unpickled in the client, though a run reads each of them once (the
library is written a work at a time; near misses and joins only by ``--explain``).
So each bucket's worker writes its share to files, and the client keeps where each
value starts (an int a work) and the order of the works across buckets (two ints a
work). Near misses and joins are read as a stream: the buckets' sorted files merged
by the same key, or read one after another.

The sequences behave as tuples (length, indexing, slices, iteration, equality with
a tuple or list); pickled, each becomes the tuple it stands for.
"""

from __future__ import annotations

import heapq
import os
import pickle
import shutil
import threading
import weakref
from array import array
from collections import OrderedDict
from itertools import chain, islice
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Iterator, Sequence

from bibkaz.sequences import indexed

#: Values one read of a streamed file brings in (near misses or joins of one bucket).
STREAM_CHUNK = 512
#: Files an indexed answer keeps open for reading by position (one per bucket otherwise).
OPEN_FILES = 128


def written(path: Path, write: Callable[[IO[bytes]], Any]) -> Any:
    """``write`` into a name no stage's pattern matches (a task killed while writing leaves
    only that behind), renamed to ``path`` once whole: a task Dask runs again after its
    worker died writes the same file again."""
    part = path.with_name(f".part-{os.getpid()}-{path.name}")
    with part.open("wb") as out:
        result = write(out)
    os.replace(part, path)
    return result


def write_indexed(path: Path, values: Iterable[Any]) -> array:
    """Each value pickled on its own, one after another; where each starts, and the end."""
    def write(out: IO[bytes]) -> array:
        offsets = array("q", [0])
        for value in values:
            offsets.append(offsets[-1] + out.write(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)))
        return offsets

    return written(path, write)


def write_stream(path: Path, values: Sequence[Any], chunk: int = STREAM_CHUNK) -> int:
    """The values in pickled lists of ``chunk``: read back a list at a time; how many."""
    def write(out: IO[bytes]) -> int:
        for start in range(0, len(values), chunk):
            pickle.dump(list(values[start:start + chunk]), out, protocol=pickle.HIGHEST_PROTOCOL)
        return len(values)

    return written(path, write)


def _read_stream(path: Path) -> Iterator[Any]:
    with path.open("rb") as source:
        while True:
            try:
                values = pickle.load(source)
            except EOFError:
                return
            yield from values


class Kept:
    """The folder an answer's files are in: removed with the last sequence that reads it
    (or at exit) when the resolver made it, left alone when the caller gave it."""

    def __init__(self, path: Path, remove: bool):
        self.path = path
        self._cleanup = weakref.finalize(self, shutil.rmtree, str(path), True) if remove else None


class _Lazy(Sequence[Any]):
    """What the answer's sequences share: tuple equality and pickling as a tuple."""

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, (str, bytes)):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other))

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> tuple:
        return (tuple, (tuple(self),))

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of {len(self)} on disk>"


class Indexed(_Lazy):
    """Values read by position: value n is value ``order_pos[n]`` of bucket file
    ``order_bucket[n]``, which starts at ``offsets[bucket][pos]``."""

    def __init__(self, kept: Kept, names: Sequence[str], offsets: Sequence[array], order_bucket: array,
                 order_pos: array):
        self._kept, self._names, self._offsets = kept, list(names), list(offsets)
        self._bucket, self._pos = order_bucket, order_pos
        self._open: OrderedDict[int, IO[bytes]] = OrderedDict()
        # The .bib's thread and the JSON's both read the merged records while a run writes
        # its library (bibkaz.run.write): a seek and its read must not interleave.
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._bucket)

    def _file(self, bucket: int) -> IO[bytes]:
        source = self._open.pop(bucket, None)
        if source is None:
            source = (self._kept.path / self._names[bucket]).open("rb")
            if len(self._open) >= OPEN_FILES:
                self._open.popitem(last=False)[1].close()
        self._open[bucket] = source
        return source

    def _at(self, n: int) -> Any:
        bucket, pos = self._bucket[n], self._pos[n]
        offsets = self._offsets[bucket]
        with self._lock:
            source = self._file(bucket)
            source.seek(offsets[pos])
            data = source.read(offsets[pos + 1] - offsets[pos])
        return pickle.loads(data)

    def __getitem__(self, index):  # type: ignore[override]
        return indexed(len(self), index, self._at)

    def __iter__(self) -> Iterator[Any]:
        """In order, each bucket's file read straight through (a bucket's values come in
        the order they were written)."""
        readers: dict[int, IO[bytes]] = {}
        try:
            for bucket in self._bucket:
                source = readers.get(bucket)
                if source is None:
                    source = readers[bucket] = (self._kept.path / self._names[bucket]).open("rb")
                yield pickle.load(source)
        finally:
            for source in readers.values():
                source.close()

    def __del__(self) -> None:
        for source in getattr(self, "_open", {}).values():
            source.close()


class Streamed(_Lazy):
    """Values read in order only: the buckets' streamed files merged by ``key`` (each file
    sorted by it), or one after another without a key. Indexing reads up to the index."""

    def __init__(self, kept: Kept, names: Sequence[str], counts: Sequence[int],
                 key: Callable[[Any], Any] | None = None):
        self._kept, self._names, self._size, self._key = kept, list(names), sum(counts), key

    def __len__(self) -> int:
        return self._size

    def __iter__(self) -> Iterator[Any]:
        # A generator: its frame holds this sequence, so the folder stays while it is read.
        streams = [_read_stream(self._kept.path / name) for name in self._names]
        yield from heapq.merge(*streams, key=self._key) if self._key is not None else chain.from_iterable(streams)

    def _at(self, n: int) -> Any:
        return next(islice(iter(self), n, None))

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            return list(islice(iter(self), start, stop, step)) if step > 0 else list(self)[index]
        return indexed(len(self), index, self._at)

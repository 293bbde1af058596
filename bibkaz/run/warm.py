"""Imported once by the forkserver (never by anything else): loads the pipeline and its models,
so that each worker process forked from it starts with them in memory instead of
spending a second (several on a busy machine) importing and loading them again.

Loading happens as a side effect of importing this module on purpose: the
forkserver's preload list takes module names, not functions. A failure here
only costs the speed-up; the workers load what they need themselves.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

#: A tiny brief that goes through the line finder, the note-part model and the CRF parser.
_BRIEF = """A Brief on Rivers

by Ana Costa on 3/14/2019

Dams matter (Nguyen, 2019, p. 4).1

Notes

1. T. Nguyen, Rivers of Power (London: Water Press, 2019), 10.

References

Nguyen, T. (2019). Rivers of power. Water Policy, 21(2), 10–20. https://doi.org/10.2166/wp.2019.001
"""


def _warm() -> None:
    from bibkaz.run.task import extract_source  # noqa: F401 - the imports are the point
    from bibkaz.pipeline import extract_document

    folder = tempfile.mkdtemp(prefix="bibkaz-warm-")
    path = Path(folder) / "warm.txt"
    try:
        path.write_text(_BRIEF, encoding="utf-8")
        extract_document(path)
    except Exception:  # noqa: BLE001 - see the module docstring
        pass
    finally:
        path.unlink(missing_ok=True)
        os.rmdir(folder)


_warm()

"""JSON schemas bibkaz validates its exports against (package data, see LICENSE-csl-schema.txt)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=None)
def load(name: str) -> dict[str, Any]:
    """The schema file ``name`` shipped in this package, parsed once per process."""
    return json.loads(resources.files(__name__).joinpath(name).read_text(encoding="utf-8"))

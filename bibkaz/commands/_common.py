"""Helpers shared by the command modules: loading inputs and reporting problems."""

from __future__ import annotations

from typing import Sequence

import click

from bibkaz.load import Loaded, load_library


def warn_problems(problems: Sequence[object]) -> None:
    for problem in problems:
        click.echo(f"bibkaz: warning: {problem} (skipped)", err=True)


def load_or_fail(paths: Sequence[str]) -> Loaded:
    """Load PATHs for a command; file problems are warned about, not fatal."""
    loaded = load_library(paths)
    warn_problems(loaded.problems)
    return loaded

"""Helpers shared by the command modules: loading inputs and reporting problems."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any, Callable, Sequence

import click

from bibkaz.load import Loaded, load_library
from bibkaz.run.sources import is_url


class PathOrURL(click.ParamType):
    """An existing path, as ``click.Path(exists=True)`` checks it, or an fsspec URL
    (``s3://…``) that the workers read themselves (not checked here: the client
    may not even have the credentials)."""

    name = "path"

    def __init__(self, path_type: type | None = None):
        self._path = click.Path(exists=True, path_type=path_type)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str) and is_url(value):
            return value
        return self._path.convert(value, param, ctx)


def run_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """``--jobs`` and ``--cluster`` for a command that reads documents; the command
    gets a ``runner`` argument instead, closed (processes, cluster) when it ends."""

    @functools.wraps(command)
    def wrapper(*args: Any, jobs: int | None, cluster: str | None, **kwargs: Any) -> Any:
        from bibkaz.run import running

        with running(jobs, cluster) as runner:
            return command(*args, runner=runner, **kwargs)

    wrapper = click.option(
        "--cluster", metavar="ADDRESS",
        help="Extract on a Dask cluster: its scheduler (tcp://host:8786), or 'local' for one of --jobs "
             "workers here. Needs bibkaz[cluster].")(wrapper)
    wrapper = click.option(
        "-j", "--jobs", type=click.IntRange(min=1), default=None,
        help="Processes reading documents in parallel (default: every core). The output is the same for any N.")(wrapper)
    return wrapper


def warn_problems(problems: Sequence[object]) -> None:
    for problem in problems:
        click.echo(f"bibkaz: warning: {problem} (skipped)", err=True)


def load_or_fail(paths: Sequence[str], runner: Any = None) -> Loaded:
    """Load PATHs for a command; file problems are warned about, not fatal."""
    loaded = load_library(paths, runner)
    warn_problems(loaded.problems)
    return loaded


def refuse_foreign_output(bib: Path, force: bool, json_path: Path | None = None) -> None:
    """A usage error (exit 2) when an output file exists that bibkaz did not write
    (or, for the .bib, that was edited since): a user's own bibliography or JSON
    must never be overwritten by accident. ``--force`` overrides."""
    from bibkaz.formats import library_json
    from bibkaz.formats.bibtex import written_by_bibkaz

    if force:
        return
    if written_by_bibkaz(bib) is False:
        raise click.UsageError(f"{bib} was not written by bibkaz or was edited by hand since; use --force to overwrite it")
    if json_path is not None and library_json.written_by_bibkaz(json_path) is False:
        raise click.UsageError(f"{json_path} is not a library JSON bibkaz wrote; use --force to overwrite it")

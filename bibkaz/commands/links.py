"""``bibkaz links PATH...``: check every cited URL and DOI, report the dead ones.

Exit status 0 when no link is broken, 1 when some are (``--strict``: or invalid),
2 on usage errors, so the command can gate a CI job.
"""

from __future__ import annotations

import sys
import time

import click

from bibkaz.commands._common import PathOrURL, run_options
from bibkaz.run import Runner
from bibkaz.fsutil import write_atomic
from bibkaz.links.cache import LinkCache, default_cache_path, parse_age
from bibkaz.links.check import CheckOptions, LinkReport, check_library
from bibkaz.links.report import FORMATS, render
from bibkaz.links.result import Status
from bibkaz.links.wayback import DEFAULT_API
from bibkaz.model import BibkazError


class _ProgressBar:
    """A rich progress bar on stderr, shown only on a terminal and only once a run
    has taken more than a second (short runs stay quiet)."""

    def __init__(self) -> None:
        self._start = time.monotonic()
        self._enabled = sys.stderr.isatty()
        self._progress = None
        self._task = None

    def __call__(self, done: int, total: int) -> None:
        if not self._enabled:
            return
        if self._progress is None:
            if time.monotonic() - self._start < 1.0:
                return
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self._progress = Progress(
                TextColumn("checking links"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                console=Console(stderr=True), transient=True,
            )
            self._progress.start()
            self._task = self._progress.add_task("links", total=total)
        self._progress.update(self._task, completed=done, total=total)

    def close(self) -> None:
        if self._progress is not None:
            self._progress.stop()


def _max_age(ctx: click.Context, param: click.Parameter, value: str) -> float:
    try:
        return parse_age(value)
    except BibkazError as exc:
        raise click.BadParameter(str(exc).split(": ", 1)[-1]) from None


@click.command("links")
@click.argument("paths", nargs=-1, required=True, type=PathOrURL())
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("--only-broken", is_flag=True, help="Show only links that did not work (not ok, redirected or unreachable).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report to FILE instead of stdout.")
@click.option("--timeout", type=click.FloatRange(min=0.05), default=10.0, show_default=True,
              help="Seconds per request.")
@click.option("--link-timeout", type=click.FloatRange(min=0), default=0.0,
              help="Seconds per link, retries and redirects included [default: 4 x --timeout].")
@click.option("--concurrency", type=click.IntRange(min=1), default=32, show_default=True,
              help="Requests in flight overall.")
@click.option("--per-host", type=click.IntRange(min=1), default=2, show_default=True,
              help="Requests in flight per host.")
@click.option("--retries", type=click.IntRange(min=0), default=2, show_default=True,
              help="Retries on 429/5xx, with exponential backoff or Retry-After.")
@click.option("--cache", "cache_path", type=click.Path(dir_okay=False), default=None,
              help=f"Result cache [default: {default_cache_path()}].")
@click.option("--no-cache", is_flag=True, help="Check every link again and store nothing.")
@click.option("--max-age", default="1d", show_default=True, callback=_max_age,
              help="Reuse cached results younger than this (90s, 30m, 12h, 1d, 2w).")
@click.option("--doi-resolver", default="https://doi.org", show_default=True,
              help="DOI resolver base URL (its /api/handles/ answers DOI look-ups).")
@click.option("--archive", is_flag=True, help="Suggest the closest Wayback Machine copy of each broken link.")
@click.option("--archive-api", default=DEFAULT_API, show_default=True, help="Wayback availability API URL.")
@click.option("--allow-private", is_flag=True, help="Allow loopback and private addresses (never link-local).")
@click.option("--strict", is_flag=True, help="Exit 1 on invalid (malformed) links too.")
@click.pass_context
@run_options
def command(
    ctx: click.Context, paths: tuple[str, ...], fmt: str, only_broken: bool, output: str | None, timeout: float,
    link_timeout: float, concurrency: int, per_host: int, retries: int, cache_path: str | None, no_cache: bool,
    max_age: float, doi_resolver: str, archive: bool, archive_api: str, allow_private: bool, strict: bool, runner: Runner,
) -> None:
    """Check every URL and DOI cited in PATH... (folders, .bib, library JSON)."""
    from bibkaz.load import load_library

    if no_cache and cache_path:
        raise click.UsageError("--cache and --no-cache exclude each other")
    try:
        loaded = load_library(paths, runner)
    except BibkazError as exc:
        raise click.UsageError(str(exc)) from None
    for problem in loaded.problems:
        click.echo(f"bibkaz: warning: {problem}", err=True)
    options = CheckOptions(
        timeout=timeout, link_timeout=link_timeout, concurrency=concurrency, per_host=per_host, retries=retries,
        allow_private=allow_private, doi_resolver=doi_resolver, archive=archive, archive_api=archive_api,
    )
    cache = None if no_cache else LinkCache(cache_path or default_cache_path(), max_age)
    bar = _ProgressBar()
    try:
        report = check_library(loaded.library, options, cache, bar)
    finally:
        bar.close()
        if cache is not None:
            cache.close()
    _say_network(report)
    text = render(report, fmt, only_broken)
    if output:
        write_atomic(output, text)
    else:
        click.echo(text, nl=False)
    failing = {Status.BROKEN, Status.INVALID} if strict else {Status.BROKEN}
    ctx.exit(1 if any(e.result.status in failing for e in report.entries) else 0)


def _say_network(report: LinkReport) -> None:
    if report.network != "unreachable":
        return
    skipped = sum(1 for e in report.entries if e.result.status == Status.UNREACHABLE)
    click.echo(
        f"bibkaz: network unreachable ({report.network_detail}); {skipped} links not checked "
        "and none reported as broken",
        err=True,
    )

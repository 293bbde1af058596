"""The ``bibkaz`` command.

Thin on purpose: each subcommand lives in its own module under
:mod:`bibkaz.commands` and exposes a click command named ``command`` (or a group
named ``group``). Adding a command means adding a file there; this module finds it.
Errors from below (:class:`bibkaz.model.BibkazError`) become one line on stderr
and exit status 2 for usage errors, 1 otherwise.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys

import click

from bibkaz import __version__, commands
from bibkaz.model import BibkazError


class _Group(click.Group):
    """A click group that turns BibkazError into one line and an exit code."""

    def invoke(self, ctx: click.Context):  # noqa: D401 - click API
        try:
            return super().invoke(ctx)
        except BibkazError as exc:
            click.echo(f"bibkaz: error: {exc}", err=True)
            sys.exit(1)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="bibkaz")
def main() -> None:
    """Turn briefs, blog posts and papers into a checked bibliography and a citation network."""


def _register() -> None:
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{commands.__name__}.{info.name}")
        for attr in ("command", "group"):
            cmd = getattr(module, attr, None)
            if isinstance(cmd, click.Command):
                main.add_command(cmd)


_register()

"""The ``bibkaz`` command.

Thin on purpose: each subcommand lives in its own module under
:mod:`bibkaz.commands`, named like the command, exposing a click command named
``command`` (or a group named ``group``). Adding a command means adding a file
there; this module finds it, and imports it only when that command runs, so
``bibkaz links`` never pays for the plotting libraries ``bibkaz network`` needs.
Errors from below (:class:`bibkaz.model.BibkazError`) become one line on stderr
and exit status 1 (2 for a :class:`bibkaz.model.UsageError`, as for click's own).
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import sys
from pathlib import Path

import click

from bibkaz import __version__, commands


def _module_names() -> list[str]:
    return sorted(i.name for i in pkgutil.iter_modules(commands.__path__) if not i.name.startswith("_"))


def _listed(name: str) -> click.Command | None:
    """Command ``name`` as ``bibkaz --help`` lists it, read from its module's source without
    importing it (a command's imports, plotting libraries and all, cost seconds; the list needs
    only the help text). None when the help is not a plain docstring: then the module is imported."""
    path = Path(commands.__path__[0]) / f"{name}.py"
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"))
    except (OSError, SyntaxError, ValueError):
        return None
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or node.name not in ("command", "group"):
            continue
        for decorator in node.decorator_list:
            call = decorator if isinstance(decorator, ast.Call) else None
            if call is None or not isinstance(call.func, ast.Attribute) or call.func.attr not in ("command", "group"):
                continue
            if call.keywords:  # help=, short_help=, hidden=, deprecated=…: let click read the real command
                return None
            return click.Command(name, help=ast.get_docstring(node, clean=False))
    return None


class _Group(click.Group):
    """Finds commands by module name, loads them lazily, and turns BibkazError into one line."""

    _listing = False

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(_module_names()))

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        self._listing = True
        try:
            super().format_commands(ctx, formatter)
        finally:
            self._listing = False

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if self._listing and name in _module_names():
            listed = _listed(name)
            if listed is not None:
                return listed
        if name in _module_names():
            module = importlib.import_module(f"{commands.__name__}.{name}")
            for attr in ("command", "group"):
                cmd = getattr(module, attr, None)
                if isinstance(cmd, click.Command):
                    return cmd
        return super().get_command(ctx, name)

    def invoke(self, ctx: click.Context):  # noqa: D401 - click API
        # bibkaz.model is imported once a command runs (every command needs it), not by
        # ``bibkaz --help``, which lists the commands without it (~40 ms of its start-up)
        try:
            return super().invoke(ctx)
        except Exception as exc:
            from bibkaz.model import BibkazError, UsageError

            if not isinstance(exc, BibkazError):
                raise
            click.echo(f"bibkaz: error: {exc}", err=True)
            sys.exit(2 if isinstance(exc, UsageError) else 1)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="bibkaz")
def main() -> None:
    """Turn briefs, blog posts and papers into a checked bibliography and a citation network."""

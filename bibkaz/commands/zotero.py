"""``bibkaz zotero push``: put the bibliography into a Zotero library (Web API or desktop connector)."""

from __future__ import annotations

import os

import click

from bibkaz.commands._common import PathOrURL, run_options
from bibkaz.run import Runner
from bibkaz.load import load_library
from bibkaz.model import BibkazError
from bibkaz.zotero.api import DEFAULT_BASE_URL, LibraryRef, ZoteroClient
from bibkaz.zotero.connector import DEFAULT_CONNECTOR_URL, connector_import
from bibkaz.zotero.files import render
from bibkaz.zotero.push import push_library


@click.group("zotero")
def group() -> None:
    """Send the bibliography to Zotero."""


@group.command("push")
@click.argument("paths", nargs=-1, required=True, type=PathOrURL())
@click.option("--library", "library_ref", help="user:<id> or group:<id> (the id is on zotero.org/settings/keys).")
@click.option(
    "--api-key-env", default="ZOTERO_API_KEY", show_default=True,
    help="Name of the environment variable holding the API key (the key itself is never a parameter).",
)
@click.option("--collection", help="Put every item into this collection (created if missing).")
@click.option("--collection-per-document", is_flag=True, help="One (sub)collection per source document.")
@click.option("--dry-run", is_flag=True, help="Read the library and say what would be created or updated; write nothing.")
@click.option("--base-url", default=DEFAULT_BASE_URL, show_default=True, help="Zotero Web API root.")
@click.option("--connector", is_flag=True, help="Import through the running Zotero desktop instead of the Web API.")
@click.option("--connector-url", default=DEFAULT_CONNECTOR_URL, show_default=True)
@click.option(
    "--format", "fmt", type=click.Choice(["ris", "biblatex", "bibtex"]), default="ris", show_default=True,
    help="What --connector sends (RIS keeps DOIs on every type).",
)
@run_options
def push(
    paths: tuple[str, ...], library_ref: str | None, api_key_env: str, collection: str | None,
    collection_per_document: bool, dry_run: bool, base_url: str, connector: bool, connector_url: str, fmt: str,
    runner: Runner,
) -> None:
    """Create or update the works of PATH... in a Zotero library, without twins on re-runs."""
    if not (connector or library_ref):  # a usage error, said before the slow part
        raise click.UsageError("--library user:<id> or group:<id> is required (or use --connector)")
    loaded = load_library(paths, runner)
    for problem in loaded.problems:
        click.echo(f"bibkaz: warning: {problem}", err=True)
    library = loaded.library
    if connector:
        if dry_run:
            click.echo(f"would import {len(library.works)} items through {connector_url}")
            return
        saved = connector_import(render(library, fmt), connector_url)
        if library.works and not saved:
            raise BibkazError(f"Zotero desktop imported none of the {len(library.works)} items")
        click.echo(f"Zotero desktop imported {saved} items")
        return
    ref = LibraryRef.parse(library_ref or "")
    api_key = os.environ.get(api_key_env, "").strip()
    if not api_key:
        raise BibkazError(f"no API key: set the environment variable {api_key_env}")
    client = ZoteroClient(ref, api_key, base_url=base_url, key_env=api_key_env)
    report = push_library(library, client, collection, collection_per_document, dry_run)
    for message in report.failed:
        click.echo(f"bibkaz: warning: not written: {message}", err=True)
    click.echo(f"{ref}: {report.summary()} ({client.requests_made} requests)")
    if report.failed:
        raise BibkazError(f"{len(report.failed)} items were not written")

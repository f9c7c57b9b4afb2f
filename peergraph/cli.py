"""The `peergraph` command. Each area keeps its commands in its own module; this file wires them up.

Errors are one clear line on stderr and a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import logging
import sys

import typer

from peergraph.accounts.cli import accounts_app, claims_app
from peergraph.analysis.cli import cypher_app
from peergraph.errors import PeerGraphError
from peergraph.ingest.cli import demo_app, ingest_app, merges_app
from peergraph.store.cli import db_app, serve, stats
from peergraph.trust.cli import trust_app

app = typer.Typer(
    help="PeerGraph: an open research knowledge graph.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
app.add_typer(db_app, name="db")
app.add_typer(cypher_app, name="cypher")
app.add_typer(ingest_app, name="ingest")
app.add_typer(merges_app, name="merges")
app.add_typer(demo_app, name="demo")
app.add_typer(accounts_app, name="accounts")
app.add_typer(claims_app, name="claims")
app.add_typer(trust_app, name="trust")
app.command()(serve)
app.command()(stats)


def main() -> None:
    # The driver logs each retry as a warning; the CLI reports the final outcome in one line instead.
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("neo4j").setLevel(logging.ERROR)
    try:
        app()
    except PeerGraphError as exc:
        typer.echo(f"error: {exc}", err=True)
        sys.exit(1)

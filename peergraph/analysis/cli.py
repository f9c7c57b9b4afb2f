"""`peergraph cypher ...`: run Cypher for analysis, always as a reader."""

from __future__ import annotations

import typer

from peergraph.output import FORMATS, render
from peergraph.store.driver import connect_reader

cypher_app = typer.Typer(help="Run read-only Cypher for ad-hoc analysis.", no_args_is_help=True)


@cypher_app.command("query")
def query(
    text: str = typer.Argument(..., help='The Cypher to run, e.g. "MATCH (p:Paper) RETURN count(p) AS n".'),
    fmt: str = typer.Option("table", "--format", help="table, json (an array of row objects) or csv."),
    limit: int = typer.Option(1000, "--limit", help="Stop after this many rows."),
    timeout: float = typer.Option(30.0, "--timeout", help="Stop the query after this many seconds."),
) -> None:
    """Run a free-text read query and print its rows."""
    if fmt not in FORMATS:
        raise typer.BadParameter(f"--format must be one of {', '.join(FORMATS)}")
    with connect_reader() as graph:
        rows = graph.read(text, timeout=timeout)[:limit]
    typer.echo(render(rows, fmt))

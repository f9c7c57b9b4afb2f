"""`peergraph db ...`, `peergraph serve` and `peergraph stats`."""

from __future__ import annotations

import json

import typer

from peergraph.store import embedded
from peergraph.store.driver import connect
from peergraph.store.migrate import migrate
from peergraph.store.settings import load_settings

db_app = typer.Typer(help="Manage the graph store (the embedded server, or the configured Neo4j).", no_args_is_help=True)


def _require_embedded(action: str) -> None:
    settings = load_settings()
    if not settings.embedded:
        typer.echo(f"PEERGRAPH_NEO4J_URI is set ({settings.uri}): `db {action}` manages only the embedded store.")
        raise typer.Exit(2)


@db_app.command("start")
def db_start() -> None:
    """Start the embedded store in the background (reuse it when already running)."""
    _require_embedded("start")
    settings = load_settings()
    info, started = embedded.start(settings)
    verb = "started" if started else "already running"
    typer.echo(f"embedded store {verb}: {info.uri} (pid {info.pid}, home {settings.home})")


@db_app.command("stop")
def db_stop() -> None:
    """Stop the embedded store of this PEERGRAPH_HOME."""
    _require_embedded("stop")
    settings = load_settings()
    info = embedded.stop(settings.home)
    typer.echo(f"stopped embedded store (pid {info.pid})" if info else f"no embedded store running for {settings.home}")


@db_app.command("status")
def db_status(as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """Print URI, pid, data size, node and relationship counts."""
    settings = load_settings()
    status: dict = {"kind": settings.kind, "database": settings.database}
    if settings.embedded:
        info = embedded.running(settings.home)
        status.update(home=str(settings.home), data_bytes=embedded.data_size(settings.home), log=str(embedded.log_path(settings.home)))
        if info is None:
            status.update(running=False, uri=None, pid=None)
            _print_status(status, as_json)
            raise typer.Exit(3)
        status.update(running=True, uri=info.uri, pid=info.pid)
    else:
        status.update(uri=settings.uri)
    with connect(settings, start_embedded=False) as graph:
        counts = graph.counts()
    status.update(running=True, nodes=sum(counts["nodes"].values()), relationships=sum(counts["relationships"].values()))
    _print_status(status, as_json)


def _print_status(status: dict, as_json: bool) -> None:
    if as_json:
        typer.echo(json.dumps(status, indent=2))
        return
    for key, value in status.items():
        typer.echo(f"{key:14} {value if value is not None else '-'}")


@db_app.command("migrate")
def db_migrate() -> None:
    """Apply the constraints and indexes in cypher/schema.cypher, complete older nodes and re-key older
    venues (safe to run again)."""
    with connect() as graph:
        report = migrate(graph)
    typer.echo(f"schema up to date: {report.applied} statements applied, {report.existing} already present"
               + (f", {report.backfilled} older nodes completed" if report.backfilled else "")
               + (f", {report.venues_rekeyed} venues re-keyed" if report.venues_rekeyed else ""))


def serve(
    host: str = typer.Option("127.0.0.1", help="Interface to bind; loopback unless you mean to expose it."),
    port: int = typer.Option(8000, help="HTTP port."),
) -> None:
    """Serve the web pages and the GraphQL API (starts the embedded store when no URI is set)."""
    import uvicorn

    settings = load_settings()
    if settings.embedded:
        embedded.start(settings)
    with connect(settings) as graph:
        migrate(graph)
    typer.echo(f"PeerGraph on http://{host}:{port}  (store: {settings.kind})")
    uvicorn.run("peergraph.app:create_app", factory=True, host=host, port=port, log_level="info", proxy_headers=False)


def stats(as_json: bool = typer.Option(False, "--json", help='Print {"nodes": {...}, "relationships": {...}}.')) -> None:
    """Node counts per label and relationship counts per type."""
    with connect() as graph:
        counts = graph.counts()
    if as_json:
        typer.echo(json.dumps(counts, indent=2))
        return
    typer.echo("nodes")
    for label, n in counts["nodes"].items():
        typer.echo(f"  {label:16} {n:>10,}")
    typer.echo("relationships")
    for rtype, n in counts["relationships"].items():
        typer.echo(f"  {rtype:16} {n:>10,}")

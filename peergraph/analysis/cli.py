"""`peergraph cypher ...`: the saved analysis queries and free-text Cypher, always read-only and budgeted.

    peergraph cypher list [--format table|json]
    peergraph cypher show NAME
    peergraph cypher run NAME -p key=value ... [--format table|json|csv] [--limit N] [--timeout S]
    peergraph cypher query "MATCH ..." [-p key=value ...] [--format table|json|csv] [--limit N] [--timeout S]

Every run goes through `peergraph.analysis.runner`: the guard refuses writes before they are sent, the query
runs as the read-only user, and the row and time budgets stop it (defaults below).
"""

from __future__ import annotations

import json
from typing import Any

import typer

from peergraph.analysis import catalog, guard, runner
from peergraph.analysis.runner import RunResult
from peergraph.output import FORMATS, render
from peergraph.store.driver import connect_reader

cypher_app = typer.Typer(help="Run read-only Cypher for ad-hoc analysis.", no_args_is_help=True)

_FORMAT_HELP = "table, json (an array of row objects) or csv."
_LIMIT_HELP = f"Stop after this many rows (at most {runner.MAX_ROW_LIMIT})."
_TIMEOUT_HELP = f"Stop the query after this many seconds (at most {runner.MAX_TIMEOUT_S:g})."
_PARAM_HELP = "A parameter as key=value; repeat for several."


def _format(fmt: str, allowed: tuple[str, ...] = FORMATS) -> str:
    if fmt not in allowed:
        raise typer.BadParameter(f"--format must be one of {', '.join(allowed)}")
    return fmt


def _print(result: RunResult, fmt: str) -> None:
    rows = result.rows
    if not rows and fmt == "csv":
        typer.echo(",".join(result.columns))
    else:
        typer.echo(render(rows, fmt))
    if result.notice:
        typer.echo(f"warning: {result.notice}", err=True)


def _free_params(pairs: list[str]) -> dict[str, Any]:
    """Free-text parameters have no declared types: a value that parses as JSON is taken as such."""
    out: dict[str, Any] = {}
    for key, value in catalog.parse_assignments(pairs).items():
        try:
            out[key] = json.loads(value)
        except ValueError:
            out[key] = value
    return out


def _first_sentence(text: str) -> str:
    """The table shows the first sentence; `show` and the JSON listing give the whole purpose."""
    head, sep, _ = text.partition(". ")
    return head + "." if sep else text


def _params_summary(query: catalog.SavedQuery) -> str:
    return ", ".join(p.name if p.required else f"{p.name}={json.dumps(p.default)}" for p in query.params)


@cypher_app.command("list")
def list_queries(fmt: str = typer.Option("table", "--format", help="table or json.")) -> None:
    """The saved analysis queries: name, purpose and parameters."""
    _format(fmt, ("table", "json"))
    queries = catalog.analysis_queries()
    if fmt == "json":
        typer.echo(json.dumps([{k: q.as_dict()[k] for k in ("name", "purpose", "params")} for q in queries], indent=2))
        return
    rows = [{"name": q.short_name, "purpose": _first_sentence(q.purpose), "params": _params_summary(q)} for q in queries]
    typer.echo(render(rows, "table"))


@cypher_app.command("show")
def show(name: str = typer.Argument(..., help="A saved query's name, as `peergraph cypher list` shows it.")) -> None:
    """A saved query: its purpose, parameters, columns and Cypher."""
    query = catalog.get(name)
    lines = [f"name:    {query.short_name}", f"purpose: {query.purpose}", "params:"]
    lines += [f"  {p.describe()}" for p in query.params] or ["  none"]
    lines += [f"returns: {query.returns}", f"mode:    {query.mode}", "", query.text.rstrip()]
    typer.echo("\n".join(lines))


@cypher_app.command("run")
def run(
    name: str = typer.Argument(..., help="A saved query's name, as `peergraph cypher list` shows it."),
    param: list[str] = typer.Option([], "--param", "-p", help=_PARAM_HELP),
    fmt: str = typer.Option("table", "--format", help=_FORMAT_HELP),
    limit: int = typer.Option(runner.DEFAULT_ROW_LIMIT, "--limit", help=_LIMIT_HELP),
    timeout: float = typer.Option(runner.DEFAULT_TIMEOUT_S, "--timeout", help=_TIMEOUT_HELP),
) -> None:
    """Run a saved analysis query read-only and print its rows."""
    _format(fmt)
    given = catalog.parse_assignments(param)
    query = catalog.get(name)
    catalog.bind(query, given)  # bad parameters are reported before any connection is made
    runner.check_budgets(limit, timeout)
    with connect_reader() as graph:
        result = runner.run_saved(graph, name, given, limit=limit, timeout=timeout)
    _print(result, fmt)


@cypher_app.command("query")
def query(
    text: str = typer.Argument(..., help='The Cypher to run, e.g. "MATCH (p:Paper) RETURN count(p) AS n".'),
    param: list[str] = typer.Option([], "--param", "-p", help=_PARAM_HELP + " Values are JSON when they parse."),
    fmt: str = typer.Option("table", "--format", help=_FORMAT_HELP),
    limit: int = typer.Option(runner.DEFAULT_ROW_LIMIT, "--limit", help=_LIMIT_HELP),
    timeout: float = typer.Option(runner.DEFAULT_TIMEOUT_S, "--timeout", help=_TIMEOUT_HELP),
) -> None:
    """Run a free-text read query (refused if it writes or has an unbounded path) and print its rows."""
    _format(fmt)
    params = _free_params(param)
    guard.check(text)  # refused before any connection is made
    runner.check_budgets(limit, timeout)
    with connect_reader() as graph:
        result = runner.run_text(graph, text, params, limit=limit, timeout=timeout)
    _print(result, fmt)

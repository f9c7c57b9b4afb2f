"""`peergraph ingest ...`, `peergraph merges show|undo` and `peergraph demo load`.

Every ingest command streams its source through the pipeline in batches with a progress bar and
ends with a report: records read, new entities, merged, skipped (each with its reason), elapsed,
records/s. The exit code is 0 when nothing was skipped and 2 when something was.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from peergraph.ingest.pipeline import DEFAULT_BATCH, Ingestor, Item
from peergraph.ingest.report import IngestReport
from peergraph.store.driver import Graph, connect
from peergraph.store.migrate import migrate
from peergraph.store.settings import load_settings

ingest_app = typer.Typer(help="Ingest papers from arXiv, feeds, OpenAlex, files and listing pages.", no_args_is_help=True)
merges_app = typer.Typer(help="Explain and undo merge decisions.", no_args_is_help=True)
demo_app = typer.Typer(help="The demo data shipped with PeerGraph.", no_args_is_help=True)

JSON_OPT = typer.Option(False, "--json", help="Print the report as JSON.")
BATCH_OPT = typer.Option(DEFAULT_BATCH, "--batch-size", min=1, max=20000, help="Records per transaction.")
DEMO = Path(__file__).resolve().parent.parent / "demo"
err = Console(stderr=True)


def _open() -> Graph:
    graph = connect(load_settings())
    migrate(graph)
    return graph


def _run(batches: Iterable[Iterable[Item]], as_json: bool, batch_size: int, quiet: bool = False) -> IngestReport:
    """Ingest every group of items (a source page, a file) in order; returns the closing report."""
    with _open() as graph:
        ingestor = Ingestor(graph, batch_size=batch_size)
        with Progress(
            SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
            console=err, transient=True, disable=as_json or quiet,
        ) as progress:
            task = progress.add_task("ingesting", total=None)

            def tick(report: IngestReport) -> None:
                progress.update(task, description=f"{report.records_read:,} records, {report.records_per_s:,.0f}/s")

            ingestor.on_batch = tick
            for group in batches:
                ingestor.run(group)
        report = ingestor.report
    _print_report(report, as_json)
    return report


def _print_report(report: IngestReport, as_json: bool) -> None:
    if as_json:
        typer.echo(json.dumps(report.as_dict(), indent=2))
        return
    table = Table(title="ingest report", show_header=False)
    for key, value in report.as_dict().items():
        if key != "skipped_records":
            table.add_row(key, f"{value:,}" if isinstance(value, int) else str(value))
    Console().print(table)
    for s in report.skipped:
        typer.echo(f"skipped {s.source}:{s.record_id or '-'}: {s.reason}")


def _exit(report: IngestReport) -> None:
    if report.skipped:
        raise typer.Exit(2)


def _checkpoint_file(kind: str, query: dict[str, Any]) -> Path:
    digest = hashlib.sha1(json.dumps({"kind": kind, **query}, sort_keys=True).encode()).hexdigest()[:16]
    return load_settings().home / "ingest-checkpoints" / f"{kind}-{digest}.json"


def _paged(kind: str, query: dict[str, Any], pages: Iterator[Any], resume_key: str) -> Iterator[list[Item]]:
    """Source pages as groups; after each page is committed, its successor is saved as the checkpoint."""
    path = _checkpoint_file(kind, query)
    for page in pages:
        yield list(page.records)
        # The group is fully committed once the generator is asked for the next one.
        nxt = getattr(page, resume_key)
        path.parent.mkdir(parents=True, exist_ok=True)
        if nxt is None:
            path.unlink(missing_ok=True)
        else:
            path.write_text(json.dumps({resume_key: nxt}))


def _resume_point(kind: str, query: dict[str, Any], key: str) -> Any:
    path = _checkpoint_file(kind, query)
    if path.exists():
        try:
            return json.loads(path.read_text()).get(key)
        except ValueError:
            return None
    return None


@ingest_app.command("pages")
def ingest_pages(
    paths: list[Path] = typer.Argument(..., help="Listing/profile page text files."),
    as_json: bool = JSON_OPT,
    batch_size: int = BATCH_OPT,
) -> None:
    """Ingest listing and profile pages (the five recognized page formats)."""
    from peergraph.ingest.sources import read_pages

    _exit(_run([read_pages([p]) for p in paths], as_json, batch_size))


@ingest_app.command("file")
def ingest_file(
    paths: list[Path] = typer.Argument(..., help="JSONL/JSON or CSV/TSV files."),
    source: str = typer.Option(..., "--source", help="Source name kept on every SourceRecord."),
    column_map: list[str] = typer.Option([], "--map", help="CSV column mapping FIELD=COLUMN (repeatable)."),
    as_json: bool = JSON_OPT,
    batch_size: int = BATCH_OPT,
) -> None:
    """Ingest JSONL or CSV files in PeerGraph's record format (see README)."""
    from peergraph.ingest.sources.files import read_file

    mapping: dict[str, str] = {}
    for item in column_map:
        field, sep, column = item.partition("=")
        if not sep or not field.strip() or not column.strip():
            raise typer.BadParameter(f"--map expects FIELD=COLUMN, got {item!r}")
        mapping[field.strip()] = column.strip()
    _exit(_run([read_file(p, source, mapping or None) for p in paths], as_json, batch_size))


@ingest_app.command("feed")
def ingest_feed(
    locations: list[str] = typer.Argument(..., help="RSS/Atom feed URLs or files."),
    source: str = typer.Option("feed", "--source", help="Source name kept on every SourceRecord."),
    as_json: bool = JSON_OPT,
    batch_size: int = BATCH_OPT,
) -> None:
    """Ingest RSS/Atom feeds (arXiv category feeds included)."""
    from peergraph.ingest.sources.feed import read_feed

    _exit(_run([read_feed(loc, source) for loc in locations], as_json, batch_size))


@ingest_app.command("arxiv")
def ingest_arxiv(
    query: str = typer.Option("", "--query", help="arXiv search_query, e.g. 'cat:cs.CV AND ti:transformer'."),
    ids: list[str] = typer.Option([], "--id", help="arXiv id (repeatable)."),
    author: str = typer.Option("", "--author", help="Author name."),
    max_results: int = typer.Option(100, "--max-results", min=1, max=100000),
    page_size: int = typer.Option(100, "--page-size", min=1, max=2000),
    delay: float = typer.Option(3.0, "--delay", min=0.0, help="Seconds between requests (arXiv asks for 3)."),
    base_url: str = typer.Option("https://export.arxiv.org/api/query", "--base-url"),
    backoff: float = typer.Option(1.0, "--backoff", min=0.0, help="Seconds of the first retry wait (doubles)."),
    as_json: bool = JSON_OPT,
    batch_size: int = BATCH_OPT,
) -> None:
    """Ingest from the arXiv API; resumes from the last committed page of the same query."""
    from peergraph.ingest.sources import ArxivSource

    q = {"query": query, "ids": ids, "author": author, "max_results": max_results}
    start = _resume_point("arxiv", q, "next_start") or 0
    with ArxivSource(base_url=base_url, delay=delay, page_size=page_size, backoff=backoff) as src:
        pages = src.pages(search_query=query or None, id_list=ids, author=author or None, start=start,
                          max_results=max_results)
        _exit(_run(_paged("arxiv", q, pages, "next_start"), as_json, batch_size))


@ingest_app.command("openalex")
def ingest_openalex(
    paths: list[Path] = typer.Argument(None, help="Local OpenAlex .json/.jsonl files (instead of the API)."),
    filter_: str = typer.Option("", "--filter", help="OpenAlex works filter, e.g. 'author.id:A5023888391'."),
    search: str = typer.Option("", "--search"),
    max_results: int = typer.Option(200, "--max-results", min=1, max=1000000),
    base_url: str = typer.Option("https://api.openalex.org", "--base-url"),
    backoff: float = typer.Option(1.0, "--backoff", min=0.0, help="Seconds of the first retry wait (doubles)."),
    as_json: bool = JSON_OPT,
    batch_size: int = BATCH_OPT,
) -> None:
    """Ingest OpenAlex works from files, or from the API (key from PEERGRAPH_OPENALEX_API_KEY)."""
    from peergraph.ingest.sources.openalex import OpenAlexSource, read_openalex_file

    if paths:
        _exit(_run([read_openalex_file(p) for p in paths], as_json, batch_size))
        return
    if not (filter_ or search):
        raise typer.BadParameter("give files, or --filter / --search for the API")
    q = {"filter": filter_, "search": search, "max_results": max_results}
    cursor = _resume_point("openalex", q, "next_cursor") or "*"
    with OpenAlexSource(base_url=base_url, backoff=backoff) as src:
        pages = src.pages(filter=filter_ or None, search=search or None, cursor=cursor, max_results=max_results)
        _exit(_run(_paged("openalex", q, pages, "next_cursor"), as_json, batch_size))


@merges_app.command("show")
def merges_show(uid: str, as_json: bool = typer.Option(False, "--json")) -> None:
    """Why an entity is what it is: its source records and every merge decision about it."""
    from peergraph.ingest.merges import show

    with connect(load_settings()) as graph:
        explanation = show(graph, uid)
    if as_json:
        typer.echo(json.dumps(explanation.as_dict(), indent=2, default=str))
        return
    props = explanation.props
    typer.echo(f"{'/'.join(explanation.labels)} {uid}: {props.get('title') or props.get('name') or ''}")
    typer.echo(f"source records ({len(explanation.records)}):")
    for r in explanation.records:
        typer.echo(f"  {r['source']}:{r['record_id']}  ({r['role']})  {r['uid']}")
    typer.echo(f"decisions ({len(explanation.decisions)}):")
    for d in explanation.decisions:
        state = " [undone]" if d["undone"] else ""
        what = f"{d['source']}:{d['record_id']}" + (f" author #{d['position']}" if d["kind"] == "author" else "")
        typer.echo(f"  {d['uid']} {d['kind']}{state} score {d['score']:.2f} by {d['method']}: {what}")
        for reason in d["reasons"] or []:
            typer.echo(f"      - {reason}")


@merges_app.command("undo")
def merges_undo(decision: str = typer.Argument(..., help="A MergeDecision uid (md-...).")) -> None:
    """Split a merge back apart: the record or mention becomes its own entity again, with its own edges."""
    from peergraph.ingest.merges import undo

    with connect(load_settings()) as graph:
        result = undo(graph, decision)
    typer.echo(f"undone {result.kind} merge {result.decision}: {result.kept_uid} and {result.restored_uid} are apart")


def demo_items() -> Iterator[list[Item]]:
    from peergraph.ingest.sources import parse_atom, read_pages
    from peergraph.ingest.sources.openalex import read_openalex_file

    yield list(read_pages(sorted((DEMO / "pages").glob("*.txt"))))
    for path in sorted((DEMO / "arxiv").glob("*.xml")):
        page = parse_atom(path.read_bytes())
        yield list(page.records)
    for path in sorted((DEMO / "openalex").glob("*.json")):
        yield list(read_openalex_file(path))


@demo_app.command("load")
def demo_load(as_json: bool = JSON_OPT) -> None:
    """Load the demo data shipped inside the package (idempotent: a second load changes nothing).

    Trust scores are recomputed afterwards, so the first profile page already shows stored,
    explained figures (recomputing unchanged data gives identical scores).
    """
    from peergraph.trust.recompute import recompute

    _run(demo_items(), as_json, DEFAULT_BATCH)
    graph = _open()
    try:
        scores = recompute(graph)
    finally:
        graph.close()
    if not as_json:
        typer.echo(f"trust scores computed for {len(scores)} authors")

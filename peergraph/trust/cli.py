"""`peergraph trust ...`: recompute the scores, show one author's report."""

from __future__ import annotations

import json
from dataclasses import asdict

import typer
from rich.progress import Progress

from peergraph.errors import NotFound
from peergraph.store.driver import connect
from peergraph.store.settings import load_settings
from peergraph.trust.recompute import BATCH_SIZE, recompute
from peergraph.trust.report import trust_report

trust_app = typer.Typer(help="The trust score: recompute it, explain it (docs/trust.md).", no_args_is_help=True)


@trust_app.command("recompute")
def recompute_command(batch_size: int = typer.Option(BATCH_SIZE, "--batch-size", min=1, max=10_000)) -> None:
    """Recompute levels and scores of every author, in batches (same data, same scores)."""
    with connect(load_settings()) as graph, Progress(transient=True) as progress:
        task = progress.add_task("scoring authors", total=None)
        scores = recompute(graph, batch_size=batch_size,
                           progress=lambda done, total: progress.update(task, completed=done, total=total))
    bands: dict[str, int] = {}
    for s in scores:
        bands[s.band] = bands.get(s.band, 0) + 1
    summary = ", ".join(f"{name} {bands[name]}" for name in ("Emerging", "Developing", "Established", "Trusted")
                        if name in bands)
    typer.echo(f"recomputed {len(scores)} author(s): {summary or 'none'}")


@trust_app.command("show")
def show(author_id: str = typer.Argument(..., help="The author's uid."),
         as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """One author's score, band, level and every component with its evidence."""
    with connect(load_settings()) as graph:
        report = trust_report(graph, author_id)
    if report is None:
        raise NotFound(f"no author {author_id!r}; find uids with `peergraph cypher query`")
    if as_json:
        typer.echo(json.dumps(asdict(report), indent=2))
        return
    typer.echo(f"Trust {report.score} - {report.band}  Verification {report.verification_level}  "
               f"{'claimed' if report.claimed else 'unclaimed'}  ({report.formula_version}, {report.computed_at})")
    for c in report.components:
        typer.echo(f"  {c.name:<14} {c.points:5.1f} / {c.max_points:g}")
        for e in c.evidence:
            typer.echo(f"      - {e.description}  [{e.source}]")

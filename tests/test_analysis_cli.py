"""`peergraph cypher list|show|run|query` on the demo graph, through typer's runner and one real process."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

import analysis_graph
import pytest
from conftest import wipe
from typer.testing import CliRunner

from peergraph.analysis.guard import QueryRefused
from peergraph.cli import app
from peergraph.errors import BadInput, NotFound
from peergraph.store.driver import Graph
from peergraph.store.settings import Settings


@pytest.fixture(scope="module")
def cli(graph: Graph, store_settings: Settings) -> CliRunner:
    wipe(graph)
    analysis_graph.load(graph)
    return CliRunner()


def test_list_as_json_gives_name_purpose_and_params(cli: CliRunner) -> None:
    result = cli.invoke(app, ["cypher", "list", "--format", "json"])
    assert result.exit_code == 0, result.output
    queries = json.loads(result.stdout)
    assert len(queries) >= 12 and all(set(q) == {"name", "purpose", "params"} for q in queries)
    rising = next(q for q in queries if q["name"] == "rising_topics")
    assert [p["name"] for p in rising["params"]] == ["from_year", "to_year", "min_papers", "limit"]


def test_list_as_a_table(cli: CliRunner) -> None:
    result = cli.invoke(app, ["cypher", "list"])
    assert result.exit_code == 0
    assert "collaborators" in result.stdout and "author_uid, limit=25" in result.stdout


def test_show_prints_the_header_and_the_cypher(cli: CliRunner) -> None:
    result = cli.invoke(app, ["cypher", "show", "trust_distribution"])
    assert result.exit_code == 0
    assert result.stdout.startswith("name:    trust_distribution\npurpose: How trust is distributed")
    assert "mode:    read" in result.stdout and "MATCH (a:Author)" in result.stdout


def test_run_with_parameters_as_json(cli: CliRunner) -> None:
    result = cli.invoke(app, ["cypher", "run", "topic_bridges", "-p", "topic_a=Computing", "-p", "topic_b=Compilers",
                              "--format", "json"])
    assert result.exit_code == 0, result.output
    assert [r["uid"] for r in json.loads(result.stdout)] == ["a_grace", "a_js2"]


def test_run_as_csv_with_a_row_limit_warns_on_stderr(cli: CliRunner) -> None:
    result = cli.invoke(app, ["cypher", "run", "trust_distribution", "--format", "csv", "--limit", "2"])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["band"], r["level"]) for r in rows] == [("Trusted", "L2"), ("Trusted", "L1")]
    assert "warning: stopped after 2 rows (the row budget)" in result.stderr


def test_run_reports_bad_names_and_parameters(cli: CliRunner) -> None:
    result = cli.invoke(app, ["cypher", "run", "colaborators"])
    assert isinstance(result.exception, NotFound) and "did you mean collaborators" in str(result.exception)
    result = cli.invoke(app, ["cypher", "run", "collaborators"])
    assert isinstance(result.exception, BadInput) and "needs -p author_uid=<string>" in str(result.exception)
    result = cli.invoke(app, ["cypher", "run", "collaborators", "-p", "author_uid"])
    assert isinstance(result.exception, BadInput) and "key=value" in str(result.exception)


def test_query_runs_free_text_with_parameters(cli: CliRunner) -> None:
    result = cli.invoke(app, ["cypher", "query", "MATCH (a:Author) WHERE a.trust_score >= $min RETURN a.uid AS uid "
                              "ORDER BY uid", "-p", "min=75", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [{"uid": "a_ada"}, {"uid": "a_alan"}]


def test_query_refuses_a_write_before_connecting(cli: CliRunner) -> None:
    result = cli.invoke(app, ["cypher", "query", "MATCH (a:Author) DETACH DELETE a"])
    assert isinstance(result.exception, QueryRefused)
    assert "DETACH DELETE removes nodes" in str(result.exception)


def test_a_refused_write_is_one_line_on_stderr_and_exit_code_1(cli: CliRunner, graph: Graph) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "peergraph", "cypher", "query", "MATCH (p:Paper) SET p.title = 'pwned' RETURN p"],
        capture_output=True, text=True, env=dict(os.environ), timeout=60,
    )
    assert proc.returncode == 1
    assert proc.stderr.strip() == (
        "error: refused: SET writes properties or labels (line 1, column 17); the analysis runner only reads"
    )
    assert graph.read("MATCH (p:Paper {title: 'pwned'}) RETURN count(p) AS n") == [{"n": 0}]

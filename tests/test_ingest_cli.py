"""The ingest CLI end to end: report and exit code, merges show/undo, and kill-and-resume in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from conftest import FIXTURES, wipe
from test_ingest_pipeline import snapshot
from typer.testing import CliRunner

from peergraph.cli import app
from peergraph.store.driver import Graph

SAMPLES = [str(FIXTURES / "ingest" / "dblp_sample.jsonl"), str(FIXTURES / "ingest" / "acm_sample.jsonl")]
COMMAND = [sys.executable, "-m", "peergraph", "ingest", "file", *SAMPLES, "--source", "dblp-acm",
           "--batch-size", "15", "--json"]
runner = CliRunner()


def source_records(graph: Graph) -> int:
    return graph.read("MATCH (s:SourceRecord) RETURN count(s) AS n")[0]["n"]


def test_killed_run_resumes_to_the_same_graph_as_an_uninterrupted_run(graph: Graph) -> None:
    wipe(graph)
    done = subprocess.run(COMMAND, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["records_read"] == 300
    uninterrupted = snapshot(graph)

    wipe(graph)
    proc = subprocess.Popen(COMMAND, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while source_records(graph) == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        proc.kill()
        proc.wait()
    committed = source_records(graph)
    assert 0 < committed < 300, "the run should be killed after its first batch and before its last"
    assert committed % 15 == 0, "only whole batches are committed"

    resumed = subprocess.run(COMMAND, capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    assert json.loads(resumed.stdout)["unchanged"] == committed
    assert snapshot(graph) == uninterrupted


def test_report_lists_skipped_records_and_the_exit_code_says_so(graph: Graph, tmp_path: Path) -> None:
    wipe(graph)
    path = tmp_path / "two.jsonl"
    path.write_text(json.dumps({"id": "a", "title": "Scalable Entity Resolution with Blocking"}) + "\n{not json\n")
    result = runner.invoke(app, ["ingest", "file", str(path), "--source", "mine", "--json"])
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    assert report["new_papers"] == 1 and report["skipped"] == 1
    assert report["skipped_records"][0]["record_id"] == "line 2"
    again = runner.invoke(app, ["ingest", "file", str(path), "--source", "mine"])
    assert "unchanged" in again.stdout and "skipped mine:line 2" in again.stdout


def test_merges_show_and_undo_from_the_command_line(seed_graph: Graph) -> None:
    uid = seed_graph.read("MATCH (p:Paper {arxiv_id: '2202.11921'}) RETURN p.uid AS uid")[0]["uid"]
    shown = runner.invoke(app, ["merges", "show", uid])
    assert shown.exit_code == 0
    assert "Auto-scaling Vision Transformers without Training" in shown.stdout
    assert "abstract similarity" in shown.stdout
    decision = json.loads(runner.invoke(app, ["merges", "show", uid, "--json"]).stdout)["decisions"][0]["uid"]
    undone = runner.invoke(app, ["merges", "undo", decision])
    assert undone.exit_code == 0 and "are apart" in undone.stdout
    assert runner.invoke(app, ["merges", "undo", decision]).exit_code != 0
    assert runner.invoke(app, ["merges", "show", "no-such-uid"]).exit_code != 0


def test_arxiv_ingest_resumes_from_the_last_committed_page(graph: Graph) -> None:
    from replay_server import ReplayServer

    wipe(graph)
    with ReplayServer() as server:
        keys = [server.add_arxiv_recording(FIXTURES / "arxiv" / f"q_testing_s{s}_m10.json") for s in (0, 10, 20)]
        server.fail(keys[2], 503, 503, 503, 503, 503)  # the third page fails past every retry
        args = ["ingest", "arxiv", "--query", "testing", "--max-results", "30", "--page-size", "10",
                "--delay", "0", "--backoff", "0", "--base-url", server.url("/api/query"), "--json"]
        first = runner.invoke(app, args)
        assert first.exit_code != 0
        assert source_records(graph) == 20  # the two pages before the failure are committed
        second = runner.invoke(app, args)
        assert second.exit_code == 0, second.stdout
        assert json.loads(second.stdout)["records_read"] == 10  # only the missing page was fetched
        assert server.hits(keys[0]) == 1 and source_records(graph) == 30

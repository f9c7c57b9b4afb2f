"""How the analysis runner's budgets behave on the embedded store, against a runaway query.

On a graph of 30 cliques of 10 papers citing each other, `MATCH p=(a)-[:CITES*1..8]-(b) RETURN count(p)`
runs for minutes. Measured, with a fresh embedded store in a temporary folder:

- stop_s: from the call to BudgetExceeded, for a time budget of --timeout seconds;
- idle_after_s: from BudgetExceeded until the server's CPU use falls under 20% of a core (the work stopped);
- row_cap_s: a streaming runaway cut at 100 rows, from the call to the rows in hand and the server idle;
- overhead_ms: median extra time of runner.run_text over Graph.read for a one-row query (guard, worker
  thread, tag), over 50 runs.

    .venv/bin/python bench/analysis_budget.py [--timeout 2]
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

import psutil

from peergraph.analysis import runner
from peergraph.store import embedded
from peergraph.store.driver import connect, connect_reader
from peergraph.store.migrate import migrate
from peergraph.store.settings import load_settings

RESULTS = Path(__file__).parent / "results" / "analysis_budget.json"
RUNAWAY = "MATCH p = (a:Paper)-[:CITES*1..8]-(b) RETURN count(p) AS paths"
STREAMING = "MATCH p = (a:Paper)-[:CITES*1..8]-(b) RETURN a.uid AS a, b.uid AS b"


def wait_idle(proc: psutil.Process, limit_s: float = 30.0) -> float:
    start = time.monotonic()
    proc.cpu_percent()
    while time.monotonic() - start < limit_s:
        time.sleep(0.25)
        if proc.cpu_percent() < 20.0:
            return time.monotonic() - start
    return float("inf")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--timeout", type=float, default=2.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="peergraph-bench-") as home:
        settings = load_settings({"PEERGRAPH_HOME": home, "PEERGRAPH_HEAP": "512m"})
        info, _ = embedded.start(settings)
        try:
            proc = psutil.Process(info.pid)
            root = connect(settings)
            migrate(root)
            root.write("UNWIND range(0, 299) AS i CREATE (:Paper {uid: 'c' + toString(i), clique: i / 10})")
            root.write("MATCH (a:Paper), (b:Paper) WHERE a.clique = b.clique AND a.uid < b.uid CREATE (a)-[:CITES]->(b)")
            reader = connect_reader(settings)
            wait_idle(proc)

            start = time.monotonic()
            try:
                runner.run_text(reader, RUNAWAY, timeout=args.timeout)
                raise SystemExit("the runaway query finished within its budget; raise the path length")
            except runner.BudgetExceeded:
                stop_s = time.monotonic() - start
            idle_after_s = wait_idle(proc)

            start = time.monotonic()
            result = runner.run_text(reader, STREAMING, limit=100)
            rows_s = time.monotonic() - start
            row_cap_idle_s = wait_idle(proc)
            assert result.truncated and len(result.rows) == 100

            plain, guarded = [], []
            for _ in range(50):
                t = time.perf_counter()
                reader.read("MATCH (p:Paper {uid: 'c1'}) RETURN p.clique AS c")
                plain.append(time.perf_counter() - t)
                t = time.perf_counter()
                runner.run_text(reader, "MATCH (p:Paper {uid: 'c1'}) RETURN p.clique AS c")
                guarded.append(time.perf_counter() - t)
            figures = {
                "timeout_s": args.timeout,
                "stop_s": round(stop_s, 3),
                "idle_after_s": round(idle_after_s, 3),
                "row_cap_s": round(rows_s, 3),
                "row_cap_idle_after_s": round(row_cap_idle_s, 3),
                "plain_read_ms_median": round(1000 * statistics.median(plain), 2),
                "runner_ms_median": round(1000 * statistics.median(guarded), 2),
                "overhead_ms": round(1000 * (statistics.median(guarded) - statistics.median(plain)), 2),
                "store_usable_after": reader.read("MATCH (p:Paper) RETURN count(p) AS n")[0]["n"] == 300,
                "cpus": psutil.cpu_count(),
            }
            reader.close()
            root.close()
        finally:
            embedded.stop(Path(home))
    print(json.dumps(figures, indent=2))
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(figures, indent=2) + "\n")


if __name__ == "__main__":
    main()

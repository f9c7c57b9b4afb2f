"""Trust recompute at scale: time, memory and determinism of `peergraph trust recompute`.

    .venv/bin/python bench/trust_recompute.py [--papers 50000 --authors 75000] [--verified 0.01] [--home DIR]

Starts its own embedded store in a temporary PEERGRAPH_HOME, fills it with the seeded synthetic graph of
bench/graph_generator.py, marks a fraction of authors as verified claimants (the propagation seeds), then
runs the recompute twice: the first run's time per stage and peak memory, and whether the second run gives
identical scores. Writes bench/results/trust_recompute.json.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from graph_generator import generate  # noqa: E402

from peergraph.cypher_files import load  # noqa: E402
from peergraph.store import embedded  # noqa: E402
from peergraph.store.driver import connect  # noqa: E402
from peergraph.store.migrate import migrate  # noqa: E402
from peergraph.store.settings import load_settings  # noqa: E402
from peergraph.trust import recompute as rc  # noqa: E402
from peergraph.trust.propagation import propagate  # noqa: E402

CLAIMS = """UNWIND $rows AS row
MATCH (a:Author {uid: row.author})
CREATE (acc:Account {uid: row.account, email: row.account + '@bench.example', display_name: row.account,
                     password_hash: 'unused', role: 'user', disabled: false})
CREATE (acc)-[:MADE_CLAIM]->(:Claim {uid: 'claim-' + row.account, status: 'verified', method: 'curator',
                                     created_at: 0.0})-[:CLAIMS]->(a)"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--papers", type=int, default=50_000)
    ap.add_argument("--authors", type=int, default=75_000)
    ap.add_argument("--verified", type=float, default=0.01, help="fraction of authors with a verified claim")
    ap.add_argument("--home", type=Path)
    ap.add_argument("--heap", default="2g")
    args = ap.parse_args()
    home = args.home or Path(tempfile.mkdtemp(prefix="pg-bench-trust-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("PEERGRAPH_")}
    env.update(PEERGRAPH_HOME=str(home), PEERGRAPH_HEAP=args.heap)
    settings = load_settings(env)
    embedded.start(settings)
    try:
        graph = connect(settings)
        migrate(graph)
        if not graph.read("MATCH (a:Author) RETURN a LIMIT 1"):
            print(generate(graph, papers=args.papers, authors=args.authors))
            step = max(1, int(1 / args.verified))
            rows = [{"author": f"A{i}", "account": f"acc{i}"} for i in range(0, args.authors, step)]
            for start in range(0, len(rows), 2000):
                graph.write(CLAIMS, {"rows": rows[start:start + 2000]})
        process = psutil.Process()
        rss0 = process.memory_info().rss

        t0 = time.perf_counter()
        papers = [(r["year"], r["authors"]) for r in graph.read(load("trust/coauthor_papers"))]
        t_read = time.perf_counter() - t0
        network = rc.build_network(papers)
        t_network = time.perf_counter() - t0 - t_read
        verified = {r["uid"] for r in graph.read(load("trust/verified_authors"))}
        t1 = time.perf_counter()
        received = propagate(network.edges(), {u: 1.0 for u in sorted(verified)})
        t_propagate = time.perf_counter() - t1
        rss_peak = process.memory_info().rss

        t2 = time.perf_counter()
        first = rc.recompute(graph)
        t_full = time.perf_counter() - t2
        second = rc.recompute(graph)
        identical = [(s.uid, s.score, [c.as_dict() for c in s.components]) for s in first] == \
                    [(s.uid, s.score, [c.as_dict() for c in s.components]) for s in second]
        result = {
            "papers": args.papers, "authors": args.authors, "verified_authors": len(verified),
            "directed_edges": len(network.weights), "authors_receiving_trust": len(received),
            "seconds": {"read_coauthor_papers": round(t_read, 2), "build_network": round(t_network, 2),
                        "propagate": round(t_propagate, 2), "full_recompute": round(t_full, 2)},
            "authors_per_second": round(len(first) / t_full),
            "rss_growth_mb_for_network": round((rss_peak - rss0) / 2**20),
            "second_run_identical": identical,
            "bands": dict(Counter(s.band for s in first)),
            "levels": dict(Counter(s.level for s in first)),
        }
        print(json.dumps(result, indent=2))
        out = ROOT / "bench" / "results" / "trust_recompute.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(result, indent=2) + "\n")
        graph.close()
    finally:
        if args.home is None:
            embedded.stop(home)
            shutil.rmtree(home, ignore_errors=True)  # a store of its own, only for this run


if __name__ == "__main__":
    main()

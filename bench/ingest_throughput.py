"""End-to-end ingest throughput and memory, against plain batched UNWIND writes of the same graph.

For each size (100k and 300k generated records by default; bench/record_generator.py, seeded):
1. a child process streams the records through `peergraph.ingest.pipeline.ingest_records` into a
   fresh embedded store (a temporary PEERGRAPH_HOME) and reports records/s and its peak RSS
   (the Python process; the store is a separate JVM with a fixed heap);
2. the resulting graph is read back and written again into a wiped store by plain batched
   `UNWIND $rows AS r MERGE (n:Label {uid: r.uid}) SET n = r` and the same for edges, with no parsing
   or matching: `raw_records_per_s` is the input record count over that time;
3. with --also-create, once more with every edge CREATEd instead of MERGEd (`raw_create_records_per_s`). The embedded
   store's edge MERGE walks the start node's edges, which the plain MERGE write pays for prolific
   authors and ingest avoids for edges it knows are new (peergraph/ingest/fresh_edges.py); this is
   the stricter baseline, and both ratios are reported;
4. the Authors ingest made are scored against the generator's people (bench/generated_people.py):
   B-cubed precision (low: several people in one Author) and recall (low: one person split).

    .venv/bin/python bench/ingest_throughput.py [--sizes 100000 300000] [--batch-size 2000] [--also-create]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generated_people import author_quality, persons_of  # noqa: E402 (bench/ is on the path above)

RESULTS = Path(__file__).parent / "results" / "ingest_throughput.json"
LABELS = ("SourceRecord", "Paper", "Author", "Topic", "Venue", "Institution", "MergeDecision")


def child(size: int, batch_size: int) -> None:
    """Runs in its own process so its peak RSS is this size's alone."""
    from record_generator import generate

    from peergraph.ingest.pipeline import ingest_records
    from peergraph.store import embedded
    from peergraph.store.driver import connect
    from peergraph.store.migrate import migrate
    from peergraph.store.settings import load_settings

    settings = load_settings()
    store = embedded.read_pidfile(settings.home)
    if store is None:
        raise SystemExit(f"no embedded store runs in {settings.home}")
    graph = connect(settings, start_embedded=False)
    migrate(graph)
    # The store's CPU over the same window as ingest's own: not its start-up or this process's.
    started, cpu, store_cpu = time.perf_counter(), time.process_time(), process_cpu_s(store.pid)
    report = ingest_records(graph, generate(size), batch_size=batch_size)
    elapsed = time.perf_counter() - started
    print(json.dumps({"elapsed_s": elapsed, "cpu_s": time.process_time() - cpu,
                      "store_cpu_s": process_cpu_s(store.pid) - store_cpu, "peak_rss_mb": peak_rss_kb() / 1024,
                      **report.as_dict()}))


def process_cpu_s(pid: int) -> float:
    """CPU seconds (user + system) another process has used so far, from /proc/<pid>/stat."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def peak_rss_kb() -> int:
    """This process's own peak RSS. Linux carries `ru_maxrss` over an exec from the forked parent's
    image, so a child started by a parent holding an exported graph would report the parent's size
    (this made earlier runs report 778 MB at 100k and 2.4 GB at 300k); VmHWM belongs to the new image."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def export(graph: Any) -> tuple[dict[str, list[dict[str, Any]]], dict[tuple[str, str, str], list[dict[str, Any]]]]:
    nodes: dict[str, list[dict[str, Any]]] = {}
    for label in LABELS:
        nodes[label] = [r["p"] for r in graph.read(f"MATCH (n:{label}) RETURN properties(n) AS p")]
    edges: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for la in LABELS:
        rows = graph.read(
            f"MATCH (a:{la})-[r]->(b) RETURN a.uid AS a, type(r) AS t, labels(b)[0] AS lb, b.uid AS b, "
            "properties(r) AS p"
        )
        for r in rows:
            edges[(la, r["t"], r["lb"])].append({"a": r["a"], "b": r["b"], "p": r["p"]})
    return nodes, edges


def raw_write(graph: Any, nodes: dict[str, list[dict[str, Any]]],
              edges: dict[tuple[str, str, str], list[dict[str, Any]]], batch: int,
              edge_verb: str = "MERGE") -> tuple[float, dict[str, float]]:
    """Seconds for the whole plain write, and per node label / edge kind. `edge_verb` MERGE is the
    write shape ingest must use for edges that may exist; CREATE is what a writer that knows the
    store is empty can use, and ingest uses for the edges it knows are new."""
    started = time.perf_counter()
    parts: dict[str, float] = {}
    for label, rows in nodes.items():
        cypher = f"UNWIND $rows AS r MERGE (n:{label} {{uid: r.uid}}) SET n = r"
        part = time.perf_counter()
        for i in range(0, len(rows), batch):
            graph.write(cypher, {"rows": rows[i : i + batch]})
        parts[label] = round(time.perf_counter() - part, 2)
    for (la, t, lb), rows in edges.items():
        cypher = (
            f"UNWIND $rows AS r MATCH (a:{la} {{uid: r.a}}) MATCH (b:{lb} {{uid: r.b}}) "
            f"{edge_verb} (a)-[e:{t}]->(b) SET e = r.p"
        )
        part = time.perf_counter()
        for i in range(0, len(rows), batch):
            graph.write(cypher, {"rows": rows[i : i + batch]})
        parts[f"{la}-{t}->{lb}"] = round(time.perf_counter() - part, 2)
    return time.perf_counter() - started, parts


def wipe(graph: Any) -> None:
    while graph.write("MATCH (n) WITH n LIMIT 20000 DETACH DELETE n RETURN count(*) AS n")[0]["n"]:
        pass


def measure(size: int, batch_size: int, also_create: bool) -> dict[str, Any]:
    from peergraph.store import embedded
    from peergraph.store.driver import connect
    from peergraph.store.migrate import migrate
    from peergraph.store.settings import load_settings

    home = Path(tempfile.mkdtemp(prefix="peergraph-bench-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("PEERGRAPH_")}
    env.update(PEERGRAPH_HOME=str(home), PEERGRAPH_HEAP=os.environ.get("PEERGRAPH_HEAP", "2g"))
    settings = load_settings(env)
    store_pid = embedded.start(settings)[0].pid
    try:
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(size), "--batch-size", str(batch_size)],
            env=env, capture_output=True, text=True, check=True,
        )
        e2e = json.loads(out.stdout.strip().splitlines()[-1])
        graph = connect(settings, start_embedded=False)
        counts = graph.counts()
        nodes, edges = export(graph)
        # Scored here, not in the child: the truth would weigh on the child's peak memory.
        authors = author_quality(nodes, edges, persons_of(size))
        wipe(graph)
        migrate(graph)
        before, before_here = process_cpu_s(store_pid), time.process_time()
        raw_s, raw_parts = raw_write(graph, nodes, edges, batch_size)
        raw_cpu, raw_store_cpu = time.process_time() - before_here, process_cpu_s(store_pid) - before
        create: tuple[float, dict[str, float]] | None = None
        if also_create:
            wipe(graph)
            create = raw_write(graph, nodes, edges, batch_size, edge_verb="CREATE")
        graph.close()
    finally:
        embedded.stop(home)
        shutil.rmtree(home, ignore_errors=True)  # 1.6 GB after 300k records
    cores = len(os.sched_getaffinity(0))  # the cores this run may use, as nproc counts them
    return {
        "records": size,
        "records_per_s": round(size / e2e["elapsed_s"], 1),
        "raw_records_per_s": round(size / raw_s, 1),
        "ratio_vs_raw": round(raw_s / e2e["elapsed_s"], 3),
        "elapsed_s": round(e2e["elapsed_s"], 1),
        "raw_elapsed_s": round(raw_s, 1),
        "peak_rss_mb": round(e2e["peak_rss_mb"], 1),
        "cpu_s": {"ingest_python": round(e2e["cpu_s"], 1), "ingest_store": round(e2e["store_cpu_s"], 1),
                  "raw_python": round(raw_cpu, 1), "raw_store": round(raw_store_cpu, 1)},
        "cores": cores,
        "ratio_cpu_bound": round(raw_s / ((e2e["cpu_s"] + e2e["store_cpu_s"]) / cores), 3),
        "new_papers": e2e["new_papers"],
        "merged_papers": e2e["merged_papers"],
        "merged_authors": e2e["merged_authors"],
        "graph": counts,
        "authors_vs_people": authors,
        "raw_seconds_by_kind": raw_parts,
        # The same plain write with every edge CREATEd (the store is empty): the stricter baseline.
        **({"raw_create_records_per_s": round(size / create[0], 1),
            "ratio_vs_raw_create": round(create[0] / e2e["elapsed_s"], 3),
            "raw_create_seconds_by_kind": create[1]} if create else {}),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 300_000])
    parser.add_argument("--batch-size", type=int, default=2000)
    parser.add_argument("--child", type=int, default=0)
    parser.add_argument("--also-create", action="store_true",
                        help="also time the plain write with every edge CREATEd (the stricter baseline)")
    args = parser.parse_args()
    if args.child:
        child(args.child, args.batch_size)
        return
    runs = []
    for size in args.sizes:
        run = measure(size, args.batch_size, args.also_create)
        print(json.dumps(run, indent=2), flush=True)
        runs.append(run)
        # Written after every size, so a long run that is stopped keeps what it measured.
        result = summary(runs, args.batch_size)
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps({k: v for k, v in result.items() if k != "runs"}, indent=2))


def summary(runs: list[dict[str, Any]], batch_size: int) -> dict[str, Any]:
    small, large = runs[0], runs[-1]
    return {
        "records_per_s": large["records_per_s"],
        "raw_records_per_s": large["raw_records_per_s"],
        "ratio_vs_raw": large["ratio_vs_raw"],
        "ratio_cpu_bound": large["ratio_cpu_bound"],
        **{k: large[k] for k in ("raw_create_records_per_s", "ratio_vs_raw_create") if k in large},
        f"peak_rss_mb_{small['records'] // 1000}k": small["peak_rss_mb"],
        f"peak_rss_mb_{large['records'] // 1000}k": large["peak_rss_mb"],
        "memory_ratio": round(large["peak_rss_mb"] / small["peak_rss_mb"], 3),
        "authors_vs_people": large.get("authors_vs_people"),
        "batch_size": batch_size,
        "runs": runs,
    }


if __name__ == "__main__":
    main()

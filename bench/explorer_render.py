"""How the graph explorer copes with a few hundred nodes, in the system Chromium (headless).

Starts its own embedded store in a temporary PEERGRAPH_HOME, fills it with the synthetic graph of
bench/graph_generator.py (small: --papers, --authors), serves the app with uvicorn on 127.0.0.1, opens
/explore on the most prolific author and double-clicks (expands) papers and co-authors until at least
--nodes nodes are on screen. Measured:

- first_ready_ms: from navigation to the ego graph drawn (fetch, layout, render);
- expand_ms_p50 / expand_ms_p95: one expansion (GraphQL neighborhood, merge, placement, filter);
- frame_ms_p50 / frame_ms_p95 / fps while panning and zooming the full graph for 2 s (animation frames);
- filter_ms: hiding then showing every paper with the type filter;
- relayout_ms: "Re-arrange" over every node (a force layout up to 150 nodes, rings by type and degree past that);
- cose_150_ms: the force layout alone on the first 150 nodes, for comparison.

    .venv/bin/python bench/explorer_render.py [--nodes 300] [--papers 3000] [--authors 4500]

Writes bench/results/explorer_render.json.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import uvicorn

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent / "tests"))

from browser import CHROMIUM_ARGS, find_chromium  # noqa: E402
from graph_generator import generate  # noqa: E402

from peergraph.app import create_app  # noqa: E402
from peergraph.store import embedded  # noqa: E402
from peergraph.store.driver import connect  # noqa: E402
from peergraph.store.migrate import migrate  # noqa: E402
from peergraph.store.settings import load_settings  # noqa: E402

RESULTS = Path(__file__).parent / "results" / "explorer_render.json"

PAN_FRAMES = """async () => {
  const cy = window.peergraphExplorer.cy;
  const times = [];
  let last = performance.now();
  const end = last + 2000;
  let step = 0;
  while (performance.now() < end) {
    await new Promise(r => requestAnimationFrame(r));
    const now = performance.now();
    times.push(now - last);
    last = now;
    step += 1;
    cy.panBy({x: Math.sin(step / 10) * 12, y: Math.cos(step / 10) * 12});
    cy.zoom({level: cy.zoom() * (step % 40 < 20 ? 1.01 : 0.99), renderedPosition: {x: 300, y: 300}});
  }
  return times;
}"""


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def serve(app: Any) -> tuple[str, uvicorn.Server, threading.Thread]:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.02)
    return f"http://127.0.0.1:{sock.getsockname()[1]}", server, thread


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--nodes", type=int, default=300)
    parser.add_argument("--papers", type=int, default=3000)
    parser.add_argument("--authors", type=int, default=4500)
    args = parser.parse_args()
    chromium = find_chromium()
    if chromium is None:
        sys.exit("Chromium is not installed: apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="peergraph-bench-") as home:
        env = {k: v for k, v in os.environ.items() if not k.startswith("PEERGRAPH_")}
        env["PEERGRAPH_HOME"] = home
        settings = load_settings(env)
        embedded.start(settings)
        graph = connect(settings)
        try:
            migrate(graph)
            generate(graph, papers=args.papers, authors=args.authors, log=lambda *_: None)
            focus = graph.read(
                "MATCH (a:Author)-[:AUTHORED]->(p:Paper) WITH a, count(p) AS n ORDER BY n DESC LIMIT 1 RETURN a.uid AS uid"
            )[0]["uid"]
            base, server, thread = serve(create_app(graph=graph))
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                t0 = time.perf_counter()
                page.goto(f"{base}/explore?focus={focus}")
                page.wait_for_selector("#explorer[data-status='ready']", timeout=30_000)
                first_ready_ms = (time.perf_counter() - t0) * 1000
                expand_ms: list[float] = []
                tried: set[str] = set()
                while page.evaluate("window.peergraphExplorer.cy.nodes().length") < args.nodes and len(tried) < 200:
                    target = page.evaluate(
                        "tried => { const n = window.peergraphExplorer.cy.nodes(':not(.expanded):not(.center)')"
                        ".filter(n => (n.data('type') === 'PAPER' || n.data('type') === 'AUTHOR') && !tried.includes(n.id()))"
                        ".first(); return n.length ? n.id() : null; }",
                        sorted(tried),
                    )
                    if target is None:
                        break
                    tried.add(target)
                    t = time.perf_counter()
                    page.evaluate("id => window.peergraphExplorer.expand(window.peergraphExplorer.cy.getElementById(id))",
                                  target)
                    expand_ms.append((time.perf_counter() - t) * 1000)
                    if page.get_attribute("#explorer", "data-status") == "error":
                        sys.exit("expansion failed: " + page.inner_text("#explorer-status"))
                nodes = page.evaluate("window.peergraphExplorer.cy.nodes().length")
                edges = page.evaluate("window.peergraphExplorer.cy.edges().length")
                page.evaluate("window.peergraphExplorer.cy.fit()")
                frames = page.evaluate(PAN_FRAMES)
                filter_ms = page.evaluate(
                    """() => { const box = document.querySelector("#type-filter input[value='PAPER']");
                       const t = performance.now();
                       for (const on of [false, true]) { box.checked = on; box.dispatchEvent(new Event('change')); }
                       return performance.now() - t; }"""
                )
                relayout_ms = page.evaluate(
                    "() => { const t = performance.now(); window.peergraphExplorer.relayout(); return performance.now() - t; }"
                )
                cose_150_ms = page.evaluate(
                    """() => { const cy = window.peergraphExplorer.cy; const part = cy.nodes().slice(0, 150);
                       const t = performance.now();
                       part.union(part.edgesWith(part)).layout({name: 'cose', animate: false, randomize: false,
                         numIter: 400}).run();
                       return performance.now() - t; }"""
                )
                browser.close()
            server.should_exit = True
            thread.join(timeout=10)
        finally:
            graph.close()
            embedded.stop(Path(home))

    result = {
        "nodes": nodes, "edges": edges, "expansions": len(expand_ms),
        "first_ready_ms": round(first_ready_ms, 1),
        "expand_ms_p50": round(statistics.median(expand_ms), 1) if expand_ms else None,
        "expand_ms_p95": round(percentile(expand_ms, 0.95), 1) if expand_ms else None,
        "frame_ms_p50": round(statistics.median(frames), 1), "frame_ms_p95": round(percentile(frames, 0.95), 1),
        "fps": round(1000 / statistics.mean(frames), 1),
        "filter_ms": round(filter_ms, 1), "relayout_ms": round(relayout_ms, 1), "cose_150_ms": round(cose_150_ms, 1),
        "chromium": chromium, "papers": args.papers, "authors": args.authors,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    for key, value in result.items():
        print(f"{key:>16}: {value}")


if __name__ == "__main__":
    main()

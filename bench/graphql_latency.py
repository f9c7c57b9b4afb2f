"""GraphQL vs hand-written Cypher: latency (p50/p95) and throughput with 32 concurrent clients.

    .venv/bin/python bench/graphql_latency.py [--papers 100000 --authors 150000] [--home DIR] [--keep]

Starts its own embedded store in a temporary PEERGRAPH_HOME (or reuses --home), fills it with the
seeded synthetic graph of bench/graph_generator.py, then for sampled authors measures, side by side
in the same run and interleaved:
- through GraphQL: `schema.execute` in-process (Strawberry, per-request loaders, thread pool, limits);
- through the raw driver: the same Cypher statements with `driver.execute_query` (what a hand-written
  client would send), with the same pure slice assembly for the neighborhood walk.
Throughput: 32 concurrent HTTP clients against a uvicorn server on 127.0.0.1, vs 32 threads on the raw
driver, both running the same mix for a fixed time. Writes bench/results/graphql_latency.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from graph_generator import generate  # noqa: E402

from peergraph.cypher_files import load  # noqa: E402
from peergraph.network import collaboration  # noqa: E402
from peergraph.network.neighborhood import SliceBuilder, SliceNode  # noqa: E402
from peergraph.store import embedded  # noqa: E402
from peergraph.store.driver import connect  # noqa: E402
from peergraph.store.migrate import migrate  # noqa: E402
from peergraph.store.settings import load_settings  # noqa: E402

QUERIES = {
    "neighborhood": """query($id: ID!) { neighborhood(id: $id, depth: 2) {
        nodes { id type label year weight } edges { source target type weight } truncated { type count } } }""",
    "collaborators": """query($id: ID!) { collaborators(authorId: $id, first: 20) { totalCount closeCount
        edges { cursor node { author { id name } weight sharedPaperCount firstYear lastYear isClose } } } }""",
    "profile": """query($id: ID!) { profile(authorId: $id) { headline affiliation affiliationStatus openToCollaborate
        worksCount followersCount topicsCount closeCollaboratorsCount
        trust { score band verificationLevel claimed }
        works(first: 20) { totalCount edges { node { id type year title abstract } } } } }""",
}
EXPAND = {"PAPER": "api/expand_paper", "AUTHOR": "api/expand_author", "TOPIC": "api/expand_topic",
          "INSTITUTION": "api/expand_institution", "VENUE": "api/expand_venue"}


class Raw:
    """The hand-written side: the same Cypher through the official driver, nothing in between."""

    def __init__(self, uri: str, auth: tuple[str, str], database: str):
        import neo4j

        self.driver = neo4j.GraphDatabase.driver(uri, auth=auth, notifications_min_severity="OFF")
        self.db = database

    def q(self, name: str, params: dict) -> list[dict]:
        records, _, _ = self.driver.execute_query(load(name), params, database_=self.db, routing_="r")
        return [r.data() for r in records]

    def neighborhood(self, uid: str) -> int:
        c = self.q("api/node_kinds", {"keys": [uid]})[0]
        builder = SliceBuilder(SliceNode(c["uid"], c["kind"], c["label"], c["year"], 1.0), 25)
        frontier = [builder.center]
        for _ in range(2):
            by_kind = defaultdict(list)
            for n in frontier:
                by_kind[n.type].append(n.id)
            rows = []
            for k, uids in by_kind.items():
                rows += self.q(EXPAND[k], {"uids": uids, "scan": 25, "since": -10_000, "until": 10_000})
            frontier = builder.add_level(rows)
        return len(builder.nodes)

    def collaborators(self, uid: str) -> int:
        rows = self.q("api/collaborators", {"id": uid, "skip": 0, "limit": 20, "close_only": False,
                                            **collaboration.cypher_params()})
        return len(rows[0]["page"])

    def profile(self, uid: str) -> int:
        row = self.q("api/profile", {"id": uid, **collaboration.cypher_params()})[0]
        works = self.q("api/author_papers", {"keys": [{"uid": uid, "skip": 0, "limit": 20}]})
        return row["works"] + len(works)


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


async def latency(graph, raw: Raw, centers: list[str], rounds: int) -> dict:  # noqa: ANN001
    from peergraph.graphql.context import build_context
    from peergraph.graphql.schema import schema

    out = {}
    for name, query in QUERIES.items():
        gql: list[float] = []
        cy: list[float] = []
        for i in range(rounds + 5):
            uid = centers[i % len(centers)]
            order = ("gql", "raw") if i % 2 else ("raw", "gql")
            for side in order:
                t = time.perf_counter()
                if side == "gql":
                    result = await schema.execute(query, variable_values={"id": uid}, context_value=build_context(graph))
                    assert not result.errors, result.errors
                else:
                    await asyncio.to_thread(getattr(raw, name), uid)
                dt = (time.perf_counter() - t) * 1000
                if i >= 5:
                    (gql if side == "gql" else cy).append(dt)
        out[name] = {
            "graphql_p50_ms": round(statistics.median(gql), 2), "graphql_p95_ms": round(pct(gql, 95), 2),
            "cypher_p50_ms": round(statistics.median(cy), 2), "cypher_p95_ms": round(pct(cy, 95), 2),
            "p95_ratio": round(pct(gql, 95) / pct(cy, 95), 3), "samples": len(gql),
        }
        print(name, out[name], flush=True)
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class KeepAliveClient:
    """A minimal HTTP/1.1 keep-alive client on asyncio streams.

    The load generator shares the 2 CPU cores with the server and the store; httpx spends about a
    millisecond of CPU per request, which would be charged to the GraphQL side only (the raw side has
    no HTTP). This client spends a few microseconds: a pre-built request, Content-Length framing.
    """

    def __init__(self, host: str, port: int):
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def post(self, path: str, body: bytes) -> bytes:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        head = (f"POST {path} HTTP/1.1\r\nHost: {self.host}\r\nContent-Type: application/json\r\n"
                f"Content-Length: {len(body)}\r\n\r\n").encode()
        self.writer.write(head + body)
        assert self.reader is not None
        status = await self.reader.readline()
        length = 0
        while (line := await self.reader.readline()) not in (b"\r\n", b""):
            if line[:15].lower() == b"content-length:":
                length = int(line[15:])
        payload = await self.reader.readexactly(length)
        assert b" 200 " in status and b'"errors"' not in payload, payload[:300]
        return payload

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


async def http_throughput(host: str, port: int, centers: list[str], clients: int, seconds: float) -> float:
    names = list(QUERIES)
    bodies = {(n, c): json.dumps({"query": QUERIES[n], "variables": {"id": c}}).encode() for n in names for c in centers}
    done = 0
    stop = time.perf_counter() + seconds

    async def client(k: int) -> None:
        nonlocal done
        http = KeepAliveClient(host, port)
        i = k
        try:
            while time.perf_counter() < stop:
                await http.post("/graphql", bodies[(names[i % 3], centers[i % len(centers)])])
                done += 1
                i += 7
        finally:
            http.close()

    await asyncio.gather(*(client(k) for k in range(clients)))
    return done / seconds


def raw_throughput(raw: Raw, centers: list[str], clients: int, seconds: float) -> float:
    names = list(QUERIES)
    counts = [0] * clients
    stop = time.perf_counter() + seconds

    def client(k: int) -> None:
        i = k
        while time.perf_counter() < stop:
            getattr(raw, names[i % 3])(centers[i % len(centers)])
            counts[k] += 1
            i += 7

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(counts) / seconds


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--papers", type=int, default=100_000)
    ap.add_argument("--authors", type=int, default=150_000)
    ap.add_argument("--home", type=Path, help="reuse this PEERGRAPH_HOME (generated once, kept)")
    ap.add_argument("--rounds", type=int, default=60)
    ap.add_argument("--clients", type=int, default=32)
    ap.add_argument("--seconds", type=float, default=20.0)
    ap.add_argument("--heap", default="2g")
    args = ap.parse_args()

    home = args.home or Path(tempfile.mkdtemp(prefix="pg-bench-gql-"))
    home.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PEERGRAPH_")}
    env.update(PEERGRAPH_HOME=str(home), PEERGRAPH_HEAP=args.heap)
    settings = load_settings(env)
    info, _ = embedded.start(settings)
    server = None
    try:
        graph = connect(settings)
        migrate(graph)
        marker = home / "bench-graph.json"
        if not marker.exists():
            print(f"generating {args.papers} papers / {args.authors} authors in {home}", flush=True)
            stats = generate(graph, args.papers, args.authors)
            marker.write_text(json.dumps(stats))
        shape = json.loads(marker.read_text())
        rows = graph.read("MATCH (a:Author) WHERE COUNT { (a)-[:AUTHORED]->() } >= 4 RETURN a.uid AS uid LIMIT 3000")
        centers = random.Random(1).sample([r["uid"] for r in rows], min(40, len(rows)))
        # Trust figures are stored ahead of requests in a deployment (`peergraph trust recompute`); do the
        # same for the sampled authors so both sides read stored figures.
        from peergraph.trust.recompute import recompute

        t0 = time.perf_counter()
        if graph.read("MATCH (a:Author) WHERE a.uid IN $uids AND a.trust_score IS NULL RETURN count(a) AS n",
                      {"uids": centers})[0]["n"]:
            recompute(graph, only=centers)
        print(f"trust figures of {len(centers)} authors computed in {time.perf_counter() - t0:.1f}s", flush=True)
        raw = Raw(info.uri, ("root", embedded.root_password(home)), settings.database)

        results = asyncio.run(latency(graph, raw, centers, args.rounds))

        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "server:app", "--host", "127.0.0.1", "--port", str(port),
             "--log-level", "warning", "--no-access-log"], cwd=ROOT, env=env)
        url = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                if httpx.get(url + "/healthz", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        asyncio.run(http_throughput("127.0.0.1", port, centers, args.clients, 3))  # warm-up
        gql_rps = asyncio.run(http_throughput("127.0.0.1", port, centers, args.clients, args.seconds))
        raw_rps = raw_throughput(raw, centers, args.clients, args.seconds)
        out = {
            **results,
            "throughput_rps": round(gql_rps, 1), "raw_throughput_rps": round(raw_rps, 1),
            "throughput_ratio": round(gql_rps / raw_rps, 3), "clients": args.clients,
            "graph": shape, "store": "embedded-arcadedb",
            "method": "latency: in-process schema.execute vs driver.execute_query of the same Cypher, interleaved; "
                      "throughput: HTTP keep-alive clients to one uvicorn worker (uvloop, httptools) vs threads on the raw "
                      "driver, same query mix",
        }
        print(json.dumps(out, indent=2))
        dest = ROOT / "bench" / "results" / "graphql_latency.json"
        dest.parent.mkdir(exist_ok=True)
        dest.write_text(json.dumps(out, indent=2) + "\n")
        raw.driver.close()
        graph.close()
    finally:
        if server is not None:
            server.terminate()
            server.wait(10)
        if args.home is None:
            embedded.stop(home)
            shutil.rmtree(home, ignore_errors=True)  # a store of its own, only for this run


if __name__ == "__main__":
    main()

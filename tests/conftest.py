"""The test session starts one real embedded store (ArcadeDB over Bolt) in a temporary home and
stops it at the end. No mocks of the database: every test talks Bolt to a real server.

Fixtures:
- `store_settings`: Settings pointing at the session's embedded store.
- `graph`: an open `Graph` on it, schema migrated.
- `empty_graph`: the same, wiped of all nodes first (use it when a test needs a known graph).
- `seed_graph` (module): wiped, then the five seed pages (tests/fixtures/seeds) ingested by the pipeline.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from peergraph.store import embedded
from peergraph.store.driver import Graph, connect
from peergraph.store.migrate import migrate
from peergraph.store.settings import Settings, load_settings

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def store_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("peergraph-home")


@pytest.fixture(scope="session")
def store_settings(store_home: Path) -> Iterator[Settings]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PEERGRAPH_")}
    env["PEERGRAPH_HOME"] = str(store_home)
    env["PEERGRAPH_HEAP"] = "1g"
    settings = load_settings(env)
    embedded.start(settings)
    # Code under test that reads the environment (CLI, app factory) finds the same store.
    saved = {k: os.environ.get(k) for k in ("PEERGRAPH_HOME", "PEERGRAPH_NEO4J_URI")}
    os.environ["PEERGRAPH_HOME"] = str(store_home)
    os.environ.pop("PEERGRAPH_NEO4J_URI", None)
    try:
        yield settings
    finally:
        embedded.stop(store_home)
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@pytest.fixture(scope="session")
def graph(store_settings: Settings) -> Iterator[Graph]:
    g = connect(store_settings)
    migrate(g)
    try:
        yield g
    finally:
        g.close()


def wipe(graph: Graph) -> None:
    """Delete every node, in batches (the store is the session's own temporary one)."""
    while graph.write("MATCH (n) WITH n LIMIT 5000 DETACH DELETE n RETURN count(*) AS n")[0]["n"]:
        pass


@pytest.fixture
def empty_graph(graph: Graph) -> Graph:
    wipe(graph)
    return graph


SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def seed_graph(graph: Graph) -> Graph:
    """The store wiped, then the five seed pages ingested through the real pipeline (module-scoped).

    Result: As-ViT (arXiv 2202.11921) is one Paper with three SourceRecords; Xiaodan Song is one
    Author with the seven works of page 000.
    """
    from peergraph.ingest.pipeline import ingest_records
    from peergraph.ingest.sources import read_pages

    wipe(graph)
    ingest_records(graph, read_pages(SEEDS))
    return graph

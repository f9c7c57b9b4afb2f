"""The runner on the real embedded store: the database's own refusal of writes (the guard bypassed),
and the row and time budgets stopping a runaway query with the store usable right after.

The graph: 30 cliques of 10 papers citing each other (300 nodes, 1,350 CITES). Counting the paths of
length up to 8 in it takes the server minutes; the budgets must stop it within seconds.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import wipe

from peergraph.analysis import runner
from peergraph.analysis.guard import QueryRefused
from peergraph.analysis.runner import BudgetExceeded, QueryFailed
from peergraph.errors import BadInput, PeerGraphError
from peergraph.store.driver import Graph, connect_reader
from peergraph.store.settings import Settings

RUNAWAY_UNBOUNDED = "MATCH p = (a:Paper)-[:CITES*]-(b) RETURN count(p) AS paths"
RUNAWAY_BOUNDED = "MATCH p = (a:Paper)-[:CITES*1..8]-(b) RETURN count(p) AS paths"


@pytest.fixture(scope="module")
def cliques(graph: Graph) -> Graph:
    wipe(graph)
    graph.write("UNWIND range(0, 299) AS i CREATE (:Paper {uid: 'c' + toString(i), title: 'Clique paper', clique: i / 10})")
    graph.write("MATCH (a:Paper), (b:Paper) WHERE a.clique = b.clique AND a.uid < b.uid CREATE (a)-[:CITES]->(b)")
    return graph


@pytest.fixture(scope="module")
def reader(store_settings: Settings, cliques: Graph) -> Iterator[Graph]:
    g = connect_reader(store_settings)
    yield g
    g.close()


def running_analysis_queries(reader: Graph) -> list[str]:
    """The reader's analysis queries the server is still working on."""
    with reader.driver.session(database=reader.database) as session:
        rows = session.run("SHOW TRANSACTIONS").data()
    return [r["currentQuery"] for r in rows if runner.TAG_PREFIX in (r.get("currentQuery") or "")]


def state(graph: Graph) -> list[dict]:
    return graph.read(
        "MATCH (p:Paper) RETURN count(p) AS papers, count(p.flag) AS flagged, "
        "sum(CASE WHEN p:Retracted THEN 1 ELSE 0 END) AS retracted, count(p.title) AS titled, "
        "COUNT { ()-[:CITES]->() } AS cites"
    )


@pytest.mark.parametrize(
    "cypher",
    [
        "CREATE (p:Paper {uid: 'intruder'}) RETURN p.uid AS uid",
        "MERGE (p:Paper {uid: 'intruder'}) RETURN p.uid AS uid",
        "MATCH (p:Paper {uid: 'c1'}) SET p.flag = true RETURN p.flag AS flag",
        "MATCH (p:Paper {uid: 'c1'}) SET p:Retracted RETURN labels(p) AS labels",
        "MATCH (p:Paper {uid: 'c1'}) REMOVE p.title RETURN p.title AS title",
        "MATCH (p:Paper {uid: 'c2'})-[r:CITES]->() DELETE r RETURN count(*) AS n",
        "MATCH (p:Paper {uid: 'c3'}) DETACH DELETE p RETURN 1 AS done",
        "FOREACH (i IN [1] | CREATE (:Paper {uid: 'intruder'}))",
    ],
)
def test_a_write_that_slips_past_the_guard_fails_in_the_database(cypher: str, reader: Graph, graph: Graph) -> None:
    before = state(graph)
    with pytest.raises(QueryFailed, match="may only read .*Security.Forbidden"):
        runner.execute(reader, cypher)  # the low-level path: no guard
    assert state(graph) == before


def test_load_csv_that_slips_past_the_guard_fails_in_the_database(reader: Graph, tmp_path: Path) -> None:
    secret = tmp_path / "secret.csv"
    secret.write_text("password\nhunter2\n")
    with pytest.raises(QueryFailed, match="Security.Forbidden"):
        runner.execute(reader, f"LOAD CSV FROM 'file://{secret}' AS line RETURN line")


def test_the_guard_refuses_before_sending(reader: Graph) -> None:
    with pytest.raises(QueryRefused, match="CREATE writes"):
        runner.run_text(reader, "CREATE (p:Paper {uid: 'intruder'})")


def test_analysis_cypher_never_runs_as_the_root_user(graph: Graph) -> None:
    with pytest.raises(PeerGraphError, match="only as the read-only user peergraph_reader"):
        runner.execute(graph, "RETURN 1 AS one")


def test_the_time_budget_stops_a_runaway_unbounded_path_and_the_store_stays_usable(reader: Graph) -> None:
    with pytest.raises(BudgetExceeded, match=r"stopped after 1.5 s \(the time budget\)"):
        runner.execute(reader, RUNAWAY_UNBOUNDED, timeout=1.5)  # guard bypassed: the budget alone stops it
    assert running_analysis_queries(reader) == []  # the server stopped working on it, not just the client
    assert runner.run_text(reader, "MATCH (p:Paper) RETURN count(p) AS n").rows == [{"n": 300}]


def test_free_text_runaways_are_refused_or_stopped(reader: Graph) -> None:
    with pytest.raises(QueryRefused, match="no upper bound"):
        runner.run_text(reader, RUNAWAY_UNBOUNDED)
    with pytest.raises(BudgetExceeded, match="stopped after 1 s"):
        runner.run_text(reader, RUNAWAY_BOUNDED, timeout=1)
    assert running_analysis_queries(reader) == []
    assert runner.run_text(reader, "MATCH (p:Paper {uid: 'c7'}) RETURN p.clique AS clique").rows == [{"clique": 0}]


def test_the_row_budget_stops_streaming_and_the_server_stops_too(reader: Graph) -> None:
    result = runner.run_text(reader, "MATCH p = (a:Paper)-[:CITES*1..8]-(b) RETURN a.uid AS a, b.uid AS b", limit=5)
    assert len(result.rows) == 5 and result.columns == ["a", "b"]
    assert result.truncated
    assert result.notice == "stopped after 5 rows (the row budget); add LIMIT to the query or raise --limit"
    assert running_analysis_queries(reader) == []
    assert runner.run_text(reader, "MATCH (p:Paper) RETURN count(p) AS n").rows == [{"n": 300}]


def test_a_result_within_the_budget_is_not_truncated(reader: Graph) -> None:
    result = runner.run_text(reader, "MATCH (p:Paper) WHERE p.clique = $c RETURN p.uid AS uid ORDER BY uid",
                             {"c": 29}, limit=10)
    assert [r["uid"] for r in result.rows] == [f"c{i}" for i in range(290, 300)]
    assert not result.truncated and result.notice is None


@pytest.mark.parametrize(
    ("limit", "timeout", "message"),
    [(0, 5, "row limit must be between 1 and 100000"), (100_001, 5, "row limit"),
     (10, 0, "timeout must be more than 0 and at most 300"), (10, 301, "timeout")],
)
def test_budgets_out_of_range_are_refused(reader: Graph, limit: int, timeout: float, message: str) -> None:
    with pytest.raises(BadInput, match=message):
        runner.run_text(reader, "RETURN 1 AS one", limit=limit, timeout=timeout)


def test_database_errors_are_one_clear_line(reader: Graph) -> None:
    with pytest.raises(QueryFailed, match=r"the database rejected the query \(Neo.ClientError.Statement.SyntaxError\)"):
        runner.run_text(reader, "MATCH (p:Paper RETURN p")

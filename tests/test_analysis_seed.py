"""Every saved analysis query runs read-only on the seed graph: the five seed pages ingested by the real
pipeline (conftest's `seed_graph`), with parameters taken from that graph.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from peergraph.analysis import catalog, runner
from peergraph.store.driver import Graph, connect_reader
from peergraph.store.settings import Settings


@pytest.fixture(scope="module")
def reader(seed_graph: Graph, store_settings: Settings) -> Iterator[Graph]:
    g = connect_reader(store_settings)
    yield g
    g.close()


@pytest.fixture(scope="module")
def facts(seed_graph: Graph) -> dict[str, Any]:
    """The seed pages' one author (Xiaodan Song, seven works), its two most used topics, the span of years."""
    [song] = seed_graph.read("MATCH (a:Author) WHERE a.name = 'Xiaodan Song' RETURN a.uid AS uid")
    topics = seed_graph.read(
        "MATCH (:Paper)-[:HAS_TOPIC]->(t:Topic) RETURN t.label AS label, count(*) AS n ORDER BY n DESC, label LIMIT 2")
    [span] = seed_graph.read("MATCH (p:Paper) RETURN min(p.year) AS first, max(p.year) AS last")
    return {
        "author_uid": song["uid"], "from_uid": song["uid"], "to_uid": song["uid"],
        "topic_a": topics[0]["label"], "topic_b": topics[1]["label"],
        "from_year": span["first"], "to_year": span["last"],
    }


@pytest.mark.parametrize("name", [q.short_name for q in catalog.analysis_queries()])
def test_every_analysis_query_runs_on_the_seed_graph(name: str, reader: Graph, facts: dict[str, Any]) -> None:
    query = catalog.get(name)
    params = {p.name: facts[p.name] for p in query.params if p.required}
    result = runner.run_saved(reader, name, params, limit=500)
    for row in result.rows:
        assert list(row) == list(query.columns)


def test_the_seed_graph_gives_real_answers(reader: Graph, facts: dict[str, Any]) -> None:
    profile = runner.run_saved(reader, "author_topic_profile", {"author_uid": facts["author_uid"]}).rows
    assert {r["year"] for r in profile} and all(0 < r["share"] <= 1 for r in profile)
    audit = runner.run_saved(reader, "dedup_audit_papers", {}).rows
    assert audit[0]["sources"] >= 3  # As-ViT: one Paper built from three source records
    rising = runner.run_saved(reader, "rising_topics", {"from_year": facts["from_year"], "to_year": facts["to_year"]}).rows
    assert rising and rising[0]["change"] >= rising[-1]["change"]
    orphans = {r["check"]: r["count"] for r in runner.run_saved(reader, "orphan_nodes", {}).rows}
    assert orphans["paper without author"] > 0  # listing pages name only their own author

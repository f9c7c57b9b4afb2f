"""Schema migration, neomodel and raw Cypher on the same real store, and the store-difference seam."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from neo4j import exceptions as nx

from peergraph.schema import ALL_NODE_CLASSES, Author, Paper
from peergraph.store.compat import is_already_exists
from peergraph.store.driver import Graph, bind_neomodel, parameters
from peergraph.store.migrate import migrate, schema_names


def test_migrate_twice_is_a_no_op(graph: Graph) -> None:
    migrate(graph)
    before = schema_names(graph)
    migrate(graph)
    assert schema_names(graph) == before
    assert {"paper_uid", "author_orcid", "source_record_uid", "paper_year"} <= before


def test_db_migrate_command_twice(graph: Graph) -> None:
    for _ in range(2):
        result = subprocess.run([sys.executable, "-m", "peergraph", "db", "migrate"], capture_output=True, text=True,
                                env=dict(os.environ), timeout=120)
        assert result.returncode == 0, result.stderr
        assert "schema up to date" in result.stdout


def test_every_neomodel_unique_property_has_a_constraint(graph: Graph) -> None:
    from peergraph.cypher_files import load

    schema = load("schema")
    for cls in ALL_NODE_CLASSES:
        for name, prop in cls.defined_properties(aliases=False, rels=False).items():
            if getattr(prop, "unique_index", False) and cls.__name__ in ("Paper", "Author", "Institution"):
                assert f"(n:{cls.__name__}) REQUIRE n.{name} IS UNIQUE" in schema, (cls.__name__, name)


def test_neomodel_write_raw_read_and_back(empty_graph: Graph) -> None:
    bind_neomodel(empty_graph)
    paper = Paper(title="Auto-scaling Vision Transformers without Training", year=2022, arxiv_id="2202.11921").save()
    author = Author(name="Xiaodan Song", family="Song", given="Xiaodan").save()
    author.papers.connect(paper, {"position": 3, "confidence": 0.97, "method": "exact-name"})

    rows = empty_graph.read(
        "MATCH (a:Author)-[r:AUTHORED]->(p:Paper {arxiv_id: $id}) RETURN a.name AS name, r.position AS pos, "
        "r.confidence AS conf, p.uid AS uid",
        {"id": "2202.11921"},
    )
    assert rows == [{"name": "Xiaodan Song", "pos": 3, "conf": 0.97, "uid": paper.uid}]

    empty_graph.write("MERGE (p:Paper {uid: 'raw-1'}) SET p.title = $t, p.year = 2021", {"t": "Written by raw Cypher"})
    loaded = Paper.nodes.get(uid="raw-1")
    assert loaded.title == "Written by raw Cypher" and loaded.year == 2021


def test_duplicate_doi_is_refused_but_missing_dois_are_fine(empty_graph: Graph) -> None:
    empty_graph.write("CREATE (:Paper {uid: 'a'}), (:Paper {uid: 'b'}), (:Paper {uid: 'c', doi: '10.1/x'})")
    with pytest.raises(nx.ConstraintError):
        empty_graph.write("CREATE (:Paper {uid: 'd', doi: '10.1/x'})")


def test_the_seam_recognises_both_stores_already_exists_answers(graph: Graph) -> None:
    class Neo4jAnswer(Exception):
        code = "Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists"

    assert is_already_exists(Neo4jAnswer("An equivalent constraint already exists"))
    assert is_already_exists(Exception("ConstraintWithNameAlreadyExists: paper_uid"))
    assert not is_already_exists(Exception("Neo.ClientError.Statement.SyntaxError"))


def test_the_embedded_store_refuses_neo4j_fulltext_syntax(graph: Graph) -> None:
    """Documented difference: why search does not use FULLTEXT indexes (see store/compat.py)."""
    with pytest.raises(nx.Neo4jError):
        graph.write("CREATE FULLTEXT INDEX paper_text IF NOT EXISTS FOR (n:Paper) ON EACH [n.title, n.abstract]")


@pytest.mark.parametrize("size", [0, 1, 1000, 2501])
def test_a_packed_answer_reads_as_one_row_per_row(graph: Graph, size: int) -> None:
    # Ingest lookups pack a thousand rows to a record (cypher/README.md, "Packed answers"): the
    # rows come back whole, in order, with nulls and lists kept, however many records carry them.
    from peergraph.cypher_files import load

    packed = ("UNWIND range(1, $n) AS i WITH collect([i, 'paper ' + toString(i), CASE WHEN i % 2 = 0 THEN null "
              "ELSE [i, i + 1] END]) AS table UNWIND range(0, size(table) - 1, 1000) AS start "
              "RETURN ['n', 'title', 'pair'] AS columns, table[start..start + 1000] AS rows")
    rows = graph.read_table(packed, {"n": size})
    assert rows == [{"n": i, "title": f"paper {i}", "pair": None if i % 2 == 0 else [i, i + 1]}
                    for i in range(1, size + 1)]
    assert graph.read_table(load("ingest/existing_source_records"), {"uids": ["sr-nothing-here"]}) == []


def test_list_parameters_reach_the_store_whole_but_log_as_their_size(graph: Graph) -> None:
    rows = [{"uid": f"p{i}", "keys": [f"k{i}", f"k{i + 1}"], "nested": [[i, i + 1]]} for i in range(3)]
    params = parameters({"rows": rows, "limit": 2}, extra=["a", "b"])
    # The driver formats every RUN message with repr() for its debug log: a list says only its size.
    assert repr(params["rows"]) == "<list of 3>" and repr(params["extra"]) == "<list of 2>"
    assert params["limit"] == 2 and rows[0]["keys"] == ["k0", "k1"]
    found = graph.read("UNWIND $rows AS r RETURN r.uid AS uid, r.keys AS keys, r.nested AS nested, size($extra) AS n"
                       " LIMIT $limit", params)
    assert found == [{"uid": "p0", "keys": ["k0", "k1"], "nested": [[0, 1]], "n": 2},
                     {"uid": "p1", "keys": ["k1", "k2"], "nested": [[1, 2]], "n": 2}]

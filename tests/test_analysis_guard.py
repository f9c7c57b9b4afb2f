"""The guard: the first line of defence refuses every writing form before anything is sent.

Pure tests (no store): `guard.check` on literal Cypher. The database's own refusal, the second line
of defence, is tested in test_analysis_runner.py with the guard bypassed.
"""

from __future__ import annotations

import pytest

from peergraph.analysis import guard
from peergraph.analysis.guard import QueryRefused
from peergraph.errors import BadInput

WRITES = {
    "CREATE (n:Paper {uid: 'x'})": "CREATE writes",
    "MATCH (n) WITH n create (m)": "CREATE writes",
    "CREATE(n)": "CREATE writes",
    "MERGE (a:Author {uid: 'x'}) RETURN a": "MERGE writes",
    "MATCH (n:Paper) SET n.title = 'x'": "SET writes",
    "MATCH (n:Paper) SET n:Retracted": "SET writes",
    "MATCH (n:Paper) SET n += {x: 1}": "SET writes",
    "MATCH (n:Paper) DELETE n": "DELETE removes",
    "MATCH (n) DETACH DELETE n": "DETACH DELETE",
    "MATCH (n:Paper) REMOVE n.title": "REMOVE deletes",
    "MATCH (n:Paper) REMOVE n:Paper": "REMOVE deletes",
    "FOREACH (x IN [1, 2] | CREATE (:Paper))": "FOREACH",
    "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line": "LOAD CSV",
    "load csv with headers from 'http://127.0.0.1/x.csv' AS row RETURN row": "LOAD CSV",
    "CALL apoc.create.node(['Paper'], {uid: 'x'}) YIELD node RETURN node": "apoc.create.node creates",
    "CALL apoc.merge.node(['Paper'], {uid: 'x'}) YIELD node RETURN node": "apoc.merge.node merges",
    "CALL apoc.refactor.mergeNodes([]) YIELD node RETURN node": "rewrites the graph",
    "CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DETACH DELETE n', {})": "apoc.periodic.iterate runs Cypher",
    "CALL apoc.cypher.doIt('CREATE (n)', {}) YIELD value RETURN value": "runs Cypher text",
    "CALL `apoc.cypher.doIt`('CREATE (n)', {}) YIELD value RETURN value": "runs Cypher text",
    "RETURN apoc.cypher.runFirstColumnSingle('CREATE (n) RETURN n', {}) AS x": "function apoc.cypher",
    "CALL apoc.load.json('file:///etc/passwd') YIELD value RETURN value": "reads files or URLs",
    "CALL db.createLabel('Evil')": "db.createLabel creates",
    "CALL db.index.fulltext.createNodeIndex('i', ['Paper'], ['title'])": "db.index.fulltext.createNodeIndex",
    "CALL dbms.security.createUser('eve', 'pw', false)": "administers the server",
    "CALL something.unknown()": "not on the read allow-list",
    "MATCH (n) CALL { WITH n RETURN n.uid AS u } IN TRANSACTIONS OF 10 ROWS RETURN u": "IN TRANSACTIONS",
    "MATCH (n) CALL { WITH n RETURN n.uid AS u } IN 2 CONCURRENT TRANSACTIONS RETURN u": "IN TRANSACTIONS",
    "USE system SHOW USERS": "USE switches database",
    "DROP INDEX paper_year": "DROP changes",
    "CREATE INDEX x FOR (n:Paper) ON (n.title)": "CREATE writes",
    "ALTER USER neo4j SET PASSWORD 'x'": "ALTER changes",
    "GRANT ROLE admin TO eve": "GRANT changes",
    "TERMINATE TRANSACTIONS 'q1'": "TERMINATE stops",
    "STOP DATABASE peergraph": "STOP DATABASE",
    "CALL { CREATE (n) } RETURN 1": "CREATE writes",
    "MATCH (n) WHERE EXISTS { MATCH (n)-->(m) SET m.x = 1 } RETURN n": "SET writes",
}


@pytest.mark.parametrize("cypher", list(WRITES))
def test_every_write_form_is_refused_with_a_clear_message(cypher: str) -> None:
    with pytest.raises(QueryRefused) as err:
        guard.check(cypher)
    message = str(err.value)
    assert WRITES[cypher] in message
    assert message.startswith("refused: ") and "only reads" in message


def test_one_statement_at_a_time() -> None:
    with pytest.raises(QueryRefused, match=r"more than one statement; run one query at a time \(line 1, column 19\)$"):
        guard.check("MATCH (n) RETURN n; MATCH (m) DETACH DELETE m")


def test_the_message_says_where_the_write_is() -> None:
    with pytest.raises(QueryRefused, match=r"SET writes properties or labels \(line 2, column 1\)"):
        guard.check("MATCH (n:Paper {uid: 'p1'})\nSET n.title = 'x'")


READS = [
    "MATCH (p:Paper) RETURN 'CREATE (x)' AS text, \"DELETE\" AS also_text",
    "MATCH (p:Paper) RETURN 'it''s a SET' AS doubled_quote, 'a \\' MERGE (x)' AS escaped",
    "MATCH (p:Paper) // SET p.title = 'x' is only a comment\nRETURN p.uid",
    "MATCH (p:Paper) /* DETACH DELETE p */ RETURN p.uid",
    "MATCH (n:`CREATE`) RETURN n.set AS s, n.delete AS d, {remove: 1, merge: 2} AS m",
    "MATCH (a)-[:`SET`|CITES]->(b) RETURN count(*) AS n",
    "MATCH (p:Paper) WHERE p.title CONTAINS 'LOAD CSV' RETURN count(p) AS n",
    "CALL db.labels() YIELD label RETURN label",
    "CALL apoc.path.subgraphAll('x', {maxLevel: 2})",
    "MATCH (a:Author) CALL { WITH a MATCH (a)-[:AUTHORED]->(p) RETURN count(p) AS n } RETURN a.uid, n",
    "MATCH (a:Author) WHERE COUNT { (a)-[:AUTHORED]->() } > 2 AND EXISTS { (a)--() } RETURN a",
    "MATCH p = (a:Paper)-[:CITES*1..3]->(b:Paper) RETURN count(p) AS n",
    "MATCH p = shortestPath((a:Author)-[:AUTHORED*..10]-(b:Author)) RETURN length(p) AS n",
    "MATCH (a)-[:CITES*2]->(b) RETURN count(*) AS n",
    "MATCH ((a)-[:CITES]->(b)){1,3} RETURN count(*) AS n",
    "RETURN (1 + 2) * 3 AS arithmetic, [x IN range(1, 3) | x * 2] AS doubled",
    "MATCH (p:Paper) RETURN count(*) AS n;",
    "SHOW TRANSACTIONS",
    "EXPLAIN MATCH (n) RETURN n",
    "MATCH (n:Paper) RETURN n.uid AS uid, $uid AS given",
]


@pytest.mark.parametrize("cypher", READS)
def test_reads_pass_even_with_write_words_in_strings_comments_and_names(cypher: str) -> None:
    guard.check(cypher)


UNBOUNDED = [
    "MATCH p = (a:Paper)-[:CITES*]-(b) RETURN count(p)",
    "MATCH p = (a:Paper)-[:CITES*1..]-(b) RETURN count(p)",
    "MATCH p = (a:Paper)-[*]->(b) RETURN count(p)",
    "MATCH p = shortestPath((a)-[*]-(b)) RETURN p",
    "MATCH ((a)-[:CITES]->(b))+ RETURN count(*)",
    "MATCH (a)-[:CITES]->*(b) RETURN count(*)",
    "MATCH ((a)-[:CITES]->(b)){2,} RETURN count(*)",
]


@pytest.mark.parametrize("cypher", UNBOUNDED)
def test_unbounded_variable_length_patterns_are_refused(cypher: str) -> None:
    with pytest.raises(QueryRefused, match="no upper bound"):
        guard.check(cypher)


def test_bounds_above_the_maximum_are_refused() -> None:
    assert guard.MAX_PATH_LENGTH == 10
    guard.check("MATCH p = (a)-[:CITES*1..10]->(b) RETURN count(p)")
    with pytest.raises(QueryRefused, match="allows 11 hops; the most the runner allows is 10"):
        guard.check("MATCH p = (a)-[:CITES*1..11]->(b) RETURN count(p)")
    with pytest.raises(QueryRefused, match="allows 50 hops"):
        guard.check("MATCH ((a)-[:CITES]->(b)){1,50} RETURN count(*)")


@pytest.mark.parametrize(
    ("cypher", "message"),
    [("", "empty"), ("  ;  ", "empty"), ("RETURN 'open", "unterminated string"), ("/* open", "unterminated /*"),
     ("MATCH (`open) RETURN 1", "unterminated quoted name")],
)
def test_malformed_text_is_refused_clearly(cypher: str, message: str) -> None:
    with pytest.raises(BadInput, match=message):
        guard.check(cypher)

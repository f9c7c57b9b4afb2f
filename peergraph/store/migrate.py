"""Apply `cypher/schema.cypher`: constraints and indexes, idempotently on both stores."""

from __future__ import annotations

from dataclasses import dataclass

from neo4j import exceptions as nx

from peergraph.cypher_files import statements
from peergraph.store.compat import is_already_exists
from peergraph.store.driver import Graph


@dataclass(frozen=True)
class MigrationReport:
    applied: int
    existing: int


def migrate(graph: Graph) -> MigrationReport:
    applied = existing = 0
    for statement in statements("schema"):
        try:
            graph.write(statement)
            applied += 1
        except nx.ClientError as exc:
            if not is_already_exists(exc):
                raise
            existing += 1
    return MigrationReport(applied=applied, existing=existing)


def schema_names(graph: Graph) -> set[str]:
    """Names of the constraints and indexes the store reports."""
    names = {r["name"] for r in graph.read("SHOW CONSTRAINTS YIELD name RETURN name")}
    names |= {r["name"] for r in graph.read("SHOW INDEXES YIELD name RETURN name")}
    return names

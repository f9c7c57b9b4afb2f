"""Apply `cypher/schema.cypher` (constraints and indexes), then fill properties that a newer schema
indexes on nodes written before it, and re-key venues an older venue rule named
(`store.rekey_venues`): idempotently, on both stores."""

from __future__ import annotations

from dataclasses import dataclass

from neo4j import exceptions as nx

from peergraph.cypher_files import load, statements
from peergraph.store.compat import is_already_exists
from peergraph.store.driver import Graph
from peergraph.store.rekey_venues import rekey_venues

# Writes that complete older nodes; each touches only nodes still missing what it fills.
BACKFILLS = ("store/backfill_paper_pair_keys",)


@dataclass(frozen=True)
class MigrationReport:
    applied: int
    existing: int
    backfilled: int = 0
    venues_rekeyed: int = 0


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
    backfilled = sum(int(graph.write(load(name))[0]["filled"]) for name in BACKFILLS)
    return MigrationReport(applied=applied, existing=existing, backfilled=backfilled,
                           venues_rekeyed=rekey_venues(graph))


def schema_names(graph: Graph) -> set[str]:
    """Names of the constraints and indexes the store reports."""
    names = {r["name"] for r in graph.read("SHOW CONSTRAINTS YIELD name RETURN name")}
    names |= {r["name"] for r in graph.read("SHOW INDEXES YIELD name RETURN name")}
    return names

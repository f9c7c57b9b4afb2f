"""The Author properties ingest writes are named in Python (plan_authors.NODE_PROPERTIES), in the
neomodel schema and in several Cypher files that cannot import the Python mapping. These tests keep
them in step: a context property added to the planner but not to the undo queries would survive an
undo and give the split author its old partner's co-authors."""

from __future__ import annotations

import re

from peergraph.cypher_files import load
from peergraph.ingest.plan_authors import CONTEXT_CAPS, NODE_PROPERTIES
from peergraph.schema.nodes import Author

CONTEXT_PROPERTIES = {f"context_{kind}" for kind in CONTEXT_CAPS}


def removed_by(query: str) -> list[set[str]]:
    """The properties each REMOVE clause of a query removes (variable prefixes dropped)."""
    return [{p.strip().split(".", 1)[1] for p in clause.split(",")}
            for clause in re.findall(r"^REMOVE (.+)$", query, flags=re.MULTILINE)]


def test_every_property_the_planner_writes_is_in_the_schema() -> None:
    declared = set(Author.defined_properties(aliases=False, rels=False))
    assert set(NODE_PROPERTIES.values()) <= declared
    assert CONTEXT_PROPERTIES <= set(NODE_PROPERTIES.values())


def test_write_authors_documents_every_property_it_is_sent() -> None:
    header = "\n".join(line for line in load("ingest/write_authors").splitlines() if line.startswith("//"))
    assert [p for p in NODE_PROPERTIES.values() if p not in header] == []


def test_every_undo_drops_the_whole_stored_context() -> None:
    # An undone author keeps no cached context: author_candidates computes it again from its papers.
    for name, clauses in (("ingest/undo_author", 1), ("ingest/undo_bridge_author", 2)):
        removes = removed_by(load(name))
        assert len(removes) == clauses, name
        assert all(r == CONTEXT_PROPERTIES for r in removes), (name, removes)


def test_author_candidates_reads_every_stored_context_property() -> None:
    query = load("ingest/author_candidates")
    assert [p for p in sorted(CONTEXT_PROPERTIES) if f"a.{p}" not in query] == []

"""The schema: CoreQuery (queries.py) merged with the accounts and analysis roots, plus the limits.

`schema` is what `/graphql` serves and what pages execute server-side:
`await schema.execute(query, variable_values=..., context_value=build_context(graph, request))`.
"""

from __future__ import annotations

import importlib
import logging

import strawberry
from strawberry.tools import merge_types

from peergraph.graphql.extensions.limits import limit_extensions
from peergraph.graphql.queries import CoreQuery

log = logging.getLogger("peergraph.graphql")


def _optional(module: str, name: str) -> type | None:
    """A root type from a sibling module of the API (accounts, analysis)."""
    try:
        return getattr(importlib.import_module(module), name)
    except ModuleNotFoundError as exc:
        if exc.name != module:
            raise
        return None


def build_schema() -> strawberry.Schema:
    roots = [CoreQuery]
    for module, name in (("peergraph.graphql.accounts", "AccountQuery"), ("peergraph.graphql.analysis", "AnalysisQuery")):
        root = _optional(module, name)
        if root is not None:
            roots.append(root)
    query = merge_types("Query", tuple(roots))
    mutation = _optional("peergraph.graphql.accounts", "Mutation")
    return strawberry.Schema(query=query, mutation=mutation, extensions=limit_extensions())


schema = build_schema()

"""The schema: CoreQuery (queries.py) merged with the accounts and analysis roots, plus the limits.

`schema` is what `/graphql` serves and what pages execute server-side:
`await schema.execute(query, variable_values=..., context_value=build_context(graph, request))`.
"""

from __future__ import annotations

import importlib
import logging
from operator import attrgetter

import strawberry
from strawberry.tools import merge_types

from peergraph.graphql.execution import FastLeafExecutionContext, register_fast_types
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
    built = strawberry.Schema(query=query, mutation=mutation, extensions=limit_extensions(),
                              execution_context_class=FastLeafExecutionContext)
    _plain_attribute_fields(built)
    register_fast_types(built)
    return built


def _plain_attribute_fields(built: strawberry.Schema) -> None:
    """Resolve plain data fields of PeerGraph's own types with a bare attribute read.

    Strawberry wraps every field, even a plain attribute, in its own resolver that builds an Info
    object per field (about 5 us each); a slice of 200 nodes and 300 edges has ~2,500 such fields.
    Fields without a resolver, extensions or permissions gain nothing from the wrapper, so they get
    `getattr` directly. Fields with resolvers (connections, loaders) keep Strawberry's.
    """
    for name, gql_type in built._schema.type_map.items():
        definition = built.get_type_by_name(name)
        module = getattr(getattr(definition, "origin", None), "__module__", "")
        if not module.startswith("peergraph.graphql.types.") or not hasattr(definition, "fields"):
            continue
        for field in definition.fields:
            if field.base_resolver is None and not field.extensions and not field.permission_classes:
                gql_name = built.config.name_converter.get_graphql_name(field)
                if gql_name in gql_type.fields:
                    gql_type.fields[gql_name].resolve = _reader(field.python_name)


def _reader(attribute: str):  # noqa: ANN202
    get = attrgetter(attribute)
    return lambda source, info, **_: get(source)


schema = build_schema()

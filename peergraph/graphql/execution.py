"""A fast path in graphql-core's executor for objects made only of plain leaf fields.

graphql-core spends ~10 us per field (resolve info, path, completion); a neighborhood slice of 150
nodes and edges is ~700 such fields, i.e. most of what GraphQL adds on top of the Cypher. For
PeerGraph's own object types, the plain fields (a scalar or enum read from an attribute: no
arguments, no resolver, not a list) are planned once; when a selection asks only for planned fields,
`execute_fields` builds the object's dict directly: read the attribute, serialize it with the
field's own scalar/enum type. Anything else in the selection (`__typename`, an object or list
field, a null in a non-null field) falls back to the regular executor, which also reports errors.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Any

from graphql import GraphQLNonNull, GraphQLObjectType, get_nullable_type, is_leaf_type
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

# type name -> field name -> (read attribute, serialize, non-null)
Plan = dict[str, dict[str, tuple[Callable[[Any], Any], Callable[[Any], Any], bool]]]
_PLANS: Plan = {}


def register_fast_types(schema: Any) -> None:
    """Plan the plain fields of PeerGraph's object types (called once, when the schema is built)."""
    for name, gql_type in schema._schema.type_map.items():
        definition = schema.get_type_by_name(name)
        module = getattr(getattr(definition, "origin", None), "__module__", "")
        if not module.startswith("peergraph.graphql.types.") or not isinstance(gql_type, GraphQLObjectType):
            continue
        plan = {}
        for field in definition.fields:
            gql_name = schema.config.name_converter.get_graphql_name(field)
            gql_field = gql_type.fields.get(gql_name)
            if gql_field is None or field.base_resolver is not None or gql_field.args or field.extensions:
                continue
            leaf = get_nullable_type(gql_field.type)
            if is_leaf_type(leaf):
                plan[gql_name] = (attrgetter(field.python_name), leaf.serialize, isinstance(gql_field.type, GraphQLNonNull))
        if plan:
            _PLANS[name] = plan


class FastLeafExecutionContext(StrawberryGraphQLCoreExecutionContext):
    def execute_fields(self, parent_type, source_value, path, grouped_field_set, position_context):  # noqa: ANN001, ANN201
        plan = _PLANS.get(parent_type.name)
        if plan is not None:
            out = {}
            try:
                for response_name, details in grouped_field_set.items():
                    step = plan.get(details[0].node.name.value)
                    if step is None:
                        break
                    value = step[0](source_value)
                    if value is None:
                        if step[2]:
                            break
                        out[response_name] = None
                    else:
                        out[response_name] = step[1](value)
                else:
                    return out
            except Exception:  # noqa: S110 - a bad value: the regular path reports it with its path
                pass
        return super().execute_fields(parent_type, source_value, path, grouped_field_set, position_context)

"""A fast path in graphql-core's executor for objects made only of plain leaf fields.

graphql-core spends ~10 us per field (resolve info, path, completion); a neighborhood slice of 150
nodes and edges is ~700 such fields, i.e. most of what GraphQL adds on top of the Cypher. For the
types listed in FAST_TYPES (every field a scalar or enum read from an attribute, no arguments, no
resolver), `execute_fields` builds the object's dict directly: read the attribute, serialize it with
the field's own scalar/enum type. Anything else in the selection (`__typename`, a null in a
non-null field, an unknown field) falls back to the regular executor, which also reports errors.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Any

from graphql import GraphQLNonNull, get_named_type
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

FAST_TYPES = ("GraphNode", "GraphEdge", "TypeCount")

# type name -> field name -> (read attribute, serialize, non-null)
Plan = dict[str, dict[str, tuple[Callable[[Any], Any], Callable[[Any], Any], bool]]]
_PLANS: Plan = {}


def register_fast_types(schema: Any) -> None:
    """Build the plans of FAST_TYPES from a strawberry.Schema (called once, when it is built)."""
    for name in FAST_TYPES:
        definition = schema.get_type_by_name(name)
        gql_type = schema._schema.type_map[name]
        plan = {}
        for field in definition.fields:
            gql_name = schema.config.name_converter.get_graphql_name(field)
            gql_field = gql_type.fields[gql_name]
            if field.base_resolver is not None or gql_field.args:
                break
            plan[gql_name] = (attrgetter(field.python_name), get_named_type(gql_field.type).serialize,
                              isinstance(gql_field.type, GraphQLNonNull))
        else:
            _PLANS[name] = plan


class FastLeafExecutionContext(StrawberryGraphQLCoreExecutionContext):
    def execute_fields(self, parent_type, source_value, path, grouped_field_set, position_context):  # noqa: ANN001, ANN201
        plan = _PLANS.get(parent_type.name)
        if plan is not None:
            out = {}
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
        return super().execute_fields(parent_type, source_value, path, grouped_field_set, position_context)

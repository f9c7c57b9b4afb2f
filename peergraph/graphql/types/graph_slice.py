"""GraphSlice: the neighborhood of a node as plain nodes and edges (what the explorer draws)."""

from __future__ import annotations

import strawberry

from peergraph.graphql.types.node import NodeType


@strawberry.type
class GraphNode:
    id: strawberry.ID
    type: NodeType
    label: str | None
    year: int | None
    weight: float


@strawberry.type
class GraphEdge:
    source: strawberry.ID
    target: strawberry.ID
    type: str
    weight: float


@strawberry.type(description="How many nodes of a type were left out of the slice by the caps.")
class TypeCount:
    type: NodeType
    count: int


@strawberry.type
class GraphSlice:
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    truncated: list[TypeCount]

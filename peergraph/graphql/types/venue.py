"""Venue: a journal, conference or repository."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from peergraph.graphql.pagination import window
from peergraph.graphql.types.node import Node

if TYPE_CHECKING:
    from peergraph.graphql.types.paper import PaperConnection

PaperConnectionT = Annotated["PaperConnection", strawberry.lazy("peergraph.graphql.types.paper")]


@strawberry.type
class Venue(Node):
    id: strawberry.ID
    name: str
    kind: str | None

    @classmethod
    def from_row(cls, d: dict[str, Any]) -> Venue:
        return cls(id=d["uid"], name=d.get("name") or "", kind=d.get("kind"))

    @strawberry.field(description="Papers published there, newest first.")
    async def papers(self, info: strawberry.Info, first: int | None = 20, after: str | None = None) -> PaperConnectionT:
        from peergraph.graphql.types.paper import paper_connection

        skip, limit = window(first, after)
        rows, total = await info.context.loaders.page["venue_papers"].load((self.id, skip, limit))
        return paper_connection(rows, total, skip)

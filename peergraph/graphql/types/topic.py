"""Topic: an arXiv category, an OpenAlex concept or a keyword."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from peergraph.graphql.pagination import window
from peergraph.graphql.types.node import Node

if TYPE_CHECKING:
    from peergraph.graphql.types.paper import PaperConnection

PaperConnectionT = Annotated["PaperConnection", strawberry.lazy("peergraph.graphql.types.paper")]


@strawberry.type
class Topic(Node):
    id: strawberry.ID
    label: str
    scheme: str | None
    code: str | None

    @classmethod
    def from_row(cls, d: dict[str, Any]) -> Topic:
        return cls(id=d["uid"], label=d.get("label") or "", scheme=d.get("scheme"), code=d.get("code"))

    @strawberry.field(description="Papers with this topic, newest first.")
    async def papers(self, info: strawberry.Info, first: int | None = 20, after: str | None = None) -> PaperConnectionT:
        from peergraph.graphql.types.paper import paper_connection

        skip, limit = window(first, after)
        rows, total = await info.context.loaders.page["topic_papers"].load((self.id, skip, limit))
        return paper_connection(rows, total, skip)

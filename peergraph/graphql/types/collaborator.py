"""Collaborator: a co-author with the weight of peergraph.network.collaboration and what they share."""

from __future__ import annotations

import strawberry

from peergraph.graphql.pagination import window
from peergraph.graphql.types.author import Author
from peergraph.graphql.types.page_info import PageInfo
from peergraph.graphql.types.paper import PaperConnection, paper_connection
from peergraph.graphql.types.topic import Topic


@strawberry.type(description="A co-author. weight: see docs/graphql.md (fractional, damped, recency-weighted).")
class Collaborator:
    center_id: strawberry.Private[str]
    author: Author
    weight: float
    shared_paper_count: int
    first_year: int | None
    last_year: int | None
    is_close: bool

    @strawberry.field(description="The papers both wrote, newest first.")
    async def shared_papers(
        self, info: strawberry.Info, first: int | None = 20, after: str | None = None
    ) -> PaperConnection:
        skip, limit = window(first, after)
        rows, total = await info.context.loaders.shared_papers.load((self.center_id, self.author.id, skip, limit))
        return paper_connection(rows, total, skip)

    @strawberry.field(description="Topics of the shared papers, most frequent first (at most 10).")
    async def shared_topics(self, info: strawberry.Info) -> list[Topic]:
        rows = await info.context.loaders.shared_topics.load((self.center_id, self.author.id))
        return [Topic.from_row(r) for r in rows]


@strawberry.type
class CollaboratorEdge:
    node: Collaborator
    cursor: str


@strawberry.type
class CollaboratorConnection:
    edges: list[CollaboratorEdge]
    page_info: PageInfo
    total_count: int
    close_count: int

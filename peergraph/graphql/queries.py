"""`CoreQuery`: the read side of the API. Each resolver is one call into reads.py."""

from __future__ import annotations

import strawberry

from peergraph.graphql import reads
from peergraph.graphql.types.author import Author
from peergraph.graphql.types.collaborator import CollaboratorConnection
from peergraph.graphql.types.graph_slice import GraphSlice
from peergraph.graphql.types.institution import Institution
from peergraph.graphql.types.node import Node, NodeType
from peergraph.graphql.types.paper import Paper
from peergraph.graphql.types.profile import Profile
from peergraph.graphql.types.search import SearchConnection
from peergraph.graphql.types.topic import Topic
from peergraph.graphql.types.trust import TrustReport
from peergraph.graphql.types.venue import Venue

ID_HELP = "a uid, or an arXiv id / DOI (papers), ORCID (authors), ROR (institutions), OpenAlex id"


@strawberry.type
class CoreQuery:
    @strawberry.field(description=f"Any entity by id ({ID_HELP}); null when absent.")
    async def node(self, info: strawberry.Info, id: strawberry.ID) -> Node | None:
        return await reads.node(info.context, id)

    @strawberry.field(description="A paper by uid, arXiv id, DOI or OpenAlex id; null when absent.")
    async def paper(self, info: strawberry.Info, id: strawberry.ID) -> Paper | None:
        return await reads.entity(info.context, "PAPER", id)

    @strawberry.field(description="An author by uid, ORCID or OpenAlex id; null when absent.")
    async def author(self, info: strawberry.Info, id: strawberry.ID) -> Author | None:
        return await reads.entity(info.context, "AUTHOR", id)

    @strawberry.field
    async def topic(self, info: strawberry.Info, id: strawberry.ID) -> Topic | None:
        return await reads.entity(info.context, "TOPIC", id)

    @strawberry.field(description="An institution by uid or ROR id; null when absent.")
    async def institution(self, info: strawberry.Info, id: strawberry.ID) -> Institution | None:
        return await reads.entity(info.context, "INSTITUTION", id)

    @strawberry.field
    async def venue(self, info: strawberry.Info, id: strawberry.ID) -> Venue | None:
        return await reads.entity(info.context, "VENUE", id)

    @strawberry.field(description="Papers by title words, authors by name variants, topics, institutions; ranked.")
    async def search(
        self, info: strawberry.Info, query: str, types: list[NodeType] | None = None, first: int | None = 20,
        after: str | None = None,
    ) -> SearchConnection:
        return await reads.search(info.context, query, types, first, after)

    @strawberry.field(description="The ego graph around a node (depth 1..3), capped per type.")
    async def neighborhood(
        self, info: strawberry.Info, id: strawberry.ID, depth: int | None = 1, types: list[NodeType] | None = None,
        limit_per_type: int | None = 25, since: int | None = None, until: int | None = None,
    ) -> GraphSlice:
        return await reads.neighborhood(info.context, id, depth or 1, types, limit_per_type or 25, since, until)

    @strawberry.field(description="Co-authors by collaboration weight (see docs/graphql.md).")
    async def collaborators(
        self, info: strawberry.Info, author_id: strawberry.ID, first: int | None = 20, after: str | None = None,
        close_only: bool | None = False,
    ) -> CollaboratorConnection:
        return await reads.collaborators(info.context, author_id, first, after, bool(close_only))

    @strawberry.field
    async def trust(self, info: strawberry.Info, author_id: strawberry.ID) -> TrustReport | None:
        return await reads.trust(info.context, author_id)

    @strawberry.field(description="Everything the researcher page shows; null when absent.")
    async def profile(self, info: strawberry.Info, author_id: strawberry.ID) -> Profile | None:
        return await reads.profile(info.context, author_id)

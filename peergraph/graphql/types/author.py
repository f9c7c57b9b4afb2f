"""Author, and the connections that list an author's topics and institutions, or authors."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from peergraph.graphql.pagination import cursor_for, window
from peergraph.graphql.types.node import Node
from peergraph.graphql.types.page_info import PageInfo, page_info

if TYPE_CHECKING:
    from peergraph.graphql.types.institution import Institution
    from peergraph.graphql.types.paper import PaperConnection
    from peergraph.graphql.types.topic import Topic

PaperConnectionT = Annotated["PaperConnection", strawberry.lazy("peergraph.graphql.types.paper")]
TopicT = Annotated["Topic", strawberry.lazy("peergraph.graphql.types.topic")]
InstitutionT = Annotated["Institution", strawberry.lazy("peergraph.graphql.types.institution")]


@strawberry.type(description="A topic of an author's work, with how many of their papers carry it.")
class AuthorTopicEdge:
    node: TopicT
    cursor: str
    paper_count: int


@strawberry.type
class AuthorTopicConnection:
    edges: list[AuthorTopicEdge]
    page_info: PageInfo
    total_count: int


@strawberry.type(description="An affiliation: status is inferred, asserted or verified.")
class AffiliationEdge:
    node: InstitutionT
    cursor: str
    status: str | None
    year: int | None
    source: str | None


@strawberry.type
class AffiliationConnection:
    edges: list[AffiliationEdge]
    page_info: PageInfo
    total_count: int


@strawberry.type(description="A person who authored papers.")
class Author(Node):
    id: strawberry.ID
    name: str
    given: str | None
    family: str | None
    orcid: str | None
    openalex_id: str | None
    name_variants: list[str]
    headline: str | None
    open_to_collaborate: bool

    @classmethod
    def from_row(cls, d: dict[str, Any]) -> Author:
        return cls(
            id=d["uid"], name=d.get("name") or "", given=d.get("given"), family=d.get("family"),
            orcid=d.get("orcid"), openalex_id=d.get("openalex_id"), name_variants=d.get("name_variants") or [],
            headline=d.get("headline"), open_to_collaborate=bool(d.get("open_to_collaborate")),
        )

    @strawberry.field(description="The author's papers, newest first.")
    async def papers(self, info: strawberry.Info, first: int | None = 20, after: str | None = None) -> PaperConnectionT:
        from peergraph.graphql.types.paper import paper_connection

        skip, limit = window(first, after)
        rows, total = await info.context.loaders.page["author_papers"].load((self.id, skip, limit))
        return paper_connection(rows, total, skip)

    @strawberry.field(description="Topics of the author's papers, most frequent first.")
    async def topics(self, info: strawberry.Info, first: int | None = 20, after: str | None = None) -> AuthorTopicConnection:
        from peergraph.graphql.types.topic import Topic

        skip, limit = window(first, after)
        rows, total = await info.context.loaders.page["author_topics"].load((self.id, skip, limit))
        edges = [
            AuthorTopicEdge(node=Topic.from_row(r["node"]), cursor=cursor_for(skip + i), paper_count=r["paper_count"])
            for i, r in enumerate(rows)
        ]
        return AuthorTopicConnection(edges=edges, page_info=page_info(skip, len(edges), total), total_count=total)

    @strawberry.field(description="Institutions, verified and most recent first.")
    async def institutions(
        self, info: strawberry.Info, first: int | None = 20, after: str | None = None
    ) -> AffiliationConnection:
        from peergraph.graphql.types.institution import Institution

        skip, limit = window(first, after)
        rows, total = await info.context.loaders.page["author_institutions"].load((self.id, skip, limit))
        edges = [
            AffiliationEdge(node=Institution.from_row(r["node"]), cursor=cursor_for(skip + i), status=r["status"],
                            year=r["year"], source=r["source"])
            for i, r in enumerate(rows)
        ]
        return AffiliationConnection(edges=edges, page_info=page_info(skip, len(edges), total), total_count=total)


@strawberry.type
class AuthorEdge:
    node: Author
    cursor: str


@strawberry.type
class AuthorConnection:
    edges: list[AuthorEdge]
    page_info: PageInfo
    total_count: int


def author_connection(rows: list[dict[str, Any]], total: int, skip: int) -> AuthorConnection:
    edges = [AuthorEdge(node=Author.from_row(r), cursor=cursor_for(skip + i)) for i, r in enumerate(rows)]
    return AuthorConnection(edges=edges, page_info=page_info(skip, len(edges), total), total_count=total)

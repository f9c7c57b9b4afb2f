"""Paper, and the connections that list papers or a paper's authors and topics."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from peergraph.graphql.pagination import cursor_for, window
from peergraph.graphql.types.node import Node
from peergraph.graphql.types.page_info import PageInfo, page_info

if TYPE_CHECKING:
    from peergraph.graphql.types.author import Author
    from peergraph.graphql.types.topic import Topic
    from peergraph.graphql.types.venue import Venue

AuthorT = Annotated["Author", strawberry.lazy("peergraph.graphql.types.author")]
TopicT = Annotated["Topic", strawberry.lazy("peergraph.graphql.types.topic")]
VenueT = Annotated["Venue", strawberry.lazy("peergraph.graphql.types.venue")]


@strawberry.type(description="One author of a paper: byline position and how sure the attribution is.")
class AuthorshipEdge:
    node: AuthorT
    cursor: str
    position: int | None
    confidence: float | None
    method: str | None
    raw_name: str | None


@strawberry.type
class AuthorshipConnection:
    edges: list[AuthorshipEdge]
    page_info: PageInfo
    total_count: int


@strawberry.type
class PaperTopicEdge:
    node: TopicT
    cursor: str
    score: float | None
    source: str | None


@strawberry.type
class PaperTopicConnection:
    edges: list[PaperTopicEdge]
    page_info: PageInfo
    total_count: int


@strawberry.type(description="A work: preprint, article, conference paper.")
class Paper(Node):
    id: strawberry.ID
    title: str | None
    year: int | None
    date: str | None
    type: str | None
    abstract: str | None
    doi: str | None
    arxiv_id: str | None
    arxiv_version: int | None
    openalex_id: str | None

    @classmethod
    def from_row(cls, d: dict[str, Any]) -> Paper:
        return cls(
            id=d["uid"], title=d.get("title"), year=d.get("year"), date=d.get("date"), type=d.get("type"),
            abstract=d.get("abstract"), doi=d.get("doi"), arxiv_id=d.get("arxiv_id"),
            arxiv_version=d.get("arxiv_version"), openalex_id=d.get("openalex_id"),
        )

    @strawberry.field(description="Authors in byline order, with each attribution's confidence.")
    async def authors(self, info: strawberry.Info, first: int | None = 20, after: str | None = None) -> AuthorshipConnection:
        from peergraph.graphql.types.author import Author

        skip, limit = window(first, after)
        rows, total = await info.context.loaders.page["paper_authors"].load((self.id, skip, limit))
        edges = [
            AuthorshipEdge(node=Author.from_row(r["node"]), cursor=cursor_for(skip + i), position=r["position"],
                           confidence=r["confidence"], method=r["method"], raw_name=r["raw_name"])
            for i, r in enumerate(rows)
        ]
        return AuthorshipConnection(edges=edges, page_info=page_info(skip, len(edges), total), total_count=total)

    @strawberry.field
    async def topics(self, info: strawberry.Info, first: int | None = 20, after: str | None = None) -> PaperTopicConnection:
        from peergraph.graphql.types.topic import Topic

        skip, limit = window(first, after)
        rows, total = await info.context.loaders.page["paper_topics"].load((self.id, skip, limit))
        edges = [
            PaperTopicEdge(node=Topic.from_row(r["node"]), cursor=cursor_for(skip + i), score=r["score"], source=r["source"])
            for i, r in enumerate(rows)
        ]
        return PaperTopicConnection(edges=edges, page_info=page_info(skip, len(edges), total), total_count=total)

    @strawberry.field
    async def venue(self, info: strawberry.Info) -> VenueT | None:
        from peergraph.graphql.types.venue import Venue

        links = await info.context.loaders.paper_links.load(self.id)
        return Venue.from_row(links["venue"]) if links["venue"] else None

    @strawberry.field(description="Other versions of this work (preprint <-> published).")
    async def versions(self, info: strawberry.Info) -> list[Paper]:
        links = await info.context.loaders.paper_links.load(self.id)
        return [Paper.from_row(v) for v in links["versions"]]


@strawberry.type
class PaperEdge:
    node: Paper
    cursor: str


@strawberry.type
class PaperConnection:
    edges: list[PaperEdge]
    page_info: PageInfo
    total_count: int


def paper_connection(rows: list[dict[str, Any]], total: int, skip: int) -> PaperConnection:
    edges = [PaperEdge(node=Paper.from_row(r), cursor=cursor_for(skip + i)) for i, r in enumerate(rows)]
    return PaperConnection(edges=edges, page_info=page_info(skip, len(edges), total), total_count=total)

"""Search results: a ranked, paginated union of papers, authors, topics and institutions."""

from __future__ import annotations

from typing import Annotated

import strawberry

from peergraph.graphql.types.author import Author
from peergraph.graphql.types.institution import Institution
from peergraph.graphql.types.page_info import PageInfo
from peergraph.graphql.types.paper import Paper
from peergraph.graphql.types.topic import Topic

SearchResult = Annotated[Paper | Author | Topic | Institution, strawberry.union("SearchResult")]


@strawberry.type
class SearchEdge:
    node: SearchResult
    cursor: str
    score: float


@strawberry.type
class SearchConnection:
    edges: list[SearchEdge]
    page_info: PageInfo
    total_count: int

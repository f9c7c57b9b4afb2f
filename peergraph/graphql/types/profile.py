"""Profile: everything the researcher page shows about an author."""

from __future__ import annotations

import strawberry

from peergraph.graphql.pagination import window
from peergraph.graphql.types.author import Author
from peergraph.graphql.types.paper import PaperConnection, paper_connection
from peergraph.graphql.types.trust import TrustReport


@strawberry.type(description="affiliationStatus: not imported | inferred | asserted | verified.")
class Profile:
    author: Author
    headline: str | None
    affiliation: str | None
    affiliation_status: str
    open_to_collaborate: bool
    trust: TrustReport
    works_count: int
    followers_count: int
    topics_count: int
    close_collaborators_count: int

    @strawberry.field(description="Published works (type, year, venue, title, abstract), newest first.")
    async def works(self, info: strawberry.Info, first: int | None = 20, after: str | None = None) -> PaperConnection:
        skip, limit = window(first, after)
        rows, total = await info.context.loaders.page["author_papers"].load((self.author.id, skip, limit))
        return paper_connection(rows, total, skip)

"""Institution: a university, lab or company (ROR id when known)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from peergraph.graphql.pagination import window
from peergraph.graphql.types.node import Node

if TYPE_CHECKING:
    from peergraph.graphql.types.author import AuthorConnection

AuthorConnectionT = Annotated["AuthorConnection", strawberry.lazy("peergraph.graphql.types.author")]


@strawberry.type
class Institution(Node):
    id: strawberry.ID
    name: str
    ror: str | None
    country: str | None

    @classmethod
    def from_row(cls, d: dict[str, Any]) -> Institution:
        return cls(id=d["uid"], name=d.get("name") or "", ror=d.get("ror"), country=d.get("country"))

    @strawberry.field(description="Authors affiliated with the institution, by name.")
    async def authors(self, info: strawberry.Info, first: int | None = 20, after: str | None = None) -> AuthorConnectionT:
        from peergraph.graphql.types.author import author_connection

        skip, limit = window(first, after)
        rows, total = await info.context.loaders.page["institution_authors"].load((self.id, skip, limit))
        return author_connection(rows, total, skip)

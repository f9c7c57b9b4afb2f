"""Mount point of the GraphQL API on the Starlette app."""

from __future__ import annotations

from starlette.routing import BaseRoute


def graphql_routes() -> list[BaseRoute]:
    """Routes serving `/graphql`; filled in by the GraphQL API."""
    return []

"""Mount point of the GraphQL API on the Starlette app: `/graphql` (POST/GET), GraphiQL in a browser."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route
from strawberry.asgi import GraphQL

from peergraph.graphql.context import Context, build_context


class PeerGraphQL(GraphQL):
    async def get_context(self, request: Request, response: Response | Any = None) -> Context:
        return build_context(request.app.state.graph, request)


def graphql_routes() -> list[BaseRoute]:
    """Routes serving `/graphql`."""
    from peergraph.graphql.schema import schema

    app = PeerGraphQL(schema, graphql_ide="graphiql", allow_queries_via_get=True, multipart_uploads_enabled=False)
    return [Route("/graphql", app, methods=["GET", "POST"])]

"""A GraphQL client for the account tests: the real app (`create_app`) over ASGI, the real store behind it.

`local_app` serves only the accounts roots, for checking this module's schema on its own.
"""

from __future__ import annotations

from typing import Any

import strawberry
from starlette.applications import Starlette
from starlette.routing import Route
from starlette.testclient import TestClient
from strawberry.asgi import GraphQL

from peergraph.graphql.accounts import AccountQuery, Mutation
from peergraph.store.driver import Graph


def local_app(graph: Graph) -> Starlette:
    schema = strawberry.Schema(query=AccountQuery, mutation=Mutation)
    app = Starlette(routes=[Route("/graphql", GraphQL(schema), methods=["GET", "POST"])])
    app.state.graph = graph
    return app


def full_app(graph: Graph) -> Starlette:
    from peergraph.app import create_app

    return create_app(graph=graph)


class Api:
    def __init__(self, client: TestClient):
        self.client = client

    def __call__(self, query: str, token: str | None = None, **variables: Any) -> dict[str, Any]:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        response = self.client.post("/graphql", json={"query": query, "variables": variables}, headers=headers)
        body = response.json()
        assert "errors" not in body, body
        return body["data"]

    def sign_up(self, email: str, password: str = "correct horse battery", name: str = "") -> str:
        data = self("""mutation($e: String!, $p: String!, $n: String) {
            signUp(email: $e, password: $p, displayName: $n) { __typename ... on AuthPayload { token } } }""",
                    e=email, p=password, n=name or None)
        assert data["signUp"]["__typename"] == "AuthPayload", data
        return data["signUp"]["token"]

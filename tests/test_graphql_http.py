"""/graphql through the real Starlette app and HTTP: GraphiQL, limits that reject abuse while the
server keeps answering, masked unexpected errors, and a store outage followed by recovery."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from peergraph.app import create_app
from peergraph.store import embedded
from peergraph.store.driver import Graph
from peergraph.store.settings import Settings, load_settings
from tests.test_graphql_queries import load_small_graph

HEALTHY = '{ author(id: "a1") { name } }'


@pytest.fixture(scope="module")
def client(graph: Graph, store_settings: Settings):
    load_small_graph(graph)
    with TestClient(create_app(store_settings, graph=graph)) as c:
        yield c


def post(client: TestClient, query: str, **variables: object) -> dict:
    response = client.post("/graphql", json={"query": query, "variables": variables})
    assert response.status_code == 200, response.text
    return response.json()


def assert_still_healthy(client: TestClient) -> None:
    assert post(client, HEALTHY) == {"data": {"author": {"name": "Ada Lovelace"}}}


def test_post_and_get_answer_and_a_browser_gets_graphiql(client: TestClient) -> None:
    assert_still_healthy(client)
    got = client.get("/graphql", params={"query": '{ paper(id: "2001.00001") { title } }'})
    assert got.json() == {"data": {"paper": {"title": "Notes on the Analytical Engine"}}}
    page = client.get("/graphql", headers={"accept": "text/html"})
    assert page.status_code == 200 and "graphiql" in page.text.lower()


def test_too_deep_queries_are_rejected(client: TestClient) -> None:
    deep = '{ author(id: "a1") { papers { edges { node { authors { edges { node { papers { edges { node { authors ' \
           '{ edges { node { name } } } } } } } } } } } } } }'
    body = post(client, deep)
    assert body["data"] is None and "exceeds maximum operation depth" in body["errors"][0]["message"]
    assert_still_healthy(client)


def test_too_many_aliases_and_tokens_are_rejected(client: TestClient) -> None:
    aliases = "{ " + " ".join(f"a{i}: author(id: \"a1\") {{ name }}" for i in range(40)) + " }"
    assert "aliases" in post(client, aliases)["errors"][0]["message"].lower()
    tokens = "{ " + " ".join("__typename" for _ in range(3000)) + " }"
    assert "token" in post(client, tokens)["errors"][0]["message"].lower()
    assert_still_healthy(client)


def test_first_is_capped_and_nested_pages_cannot_multiply(client: TestClient) -> None:
    body = post(client, '{ author(id: "a1") { papers(first: 1000) { totalCount } } }')
    assert body["errors"][0]["message"] == "first must be between 0 and 100 (got 1000); page with `after`"
    nested = '{ search(query: "engine", first: 100) { edges { node { ... on Paper { authors(first: 100) ' \
             '{ edges { node { papers(first: 100) { totalCount } } } } } } } } }'
    assert "the limit is 10000" in post(client, nested)["errors"][0]["message"]
    hidden = 'query { search(query: "engine", first: 100) { edges { node { ...P } } } } ' \
             'fragment P on Paper { authors(first: 100) { edges { node { papers(first: 100) { totalCount } } } } }'
    assert "the limit is 10000" in post(client, hidden)["errors"][0]["message"]
    bad_cursor = post(client, '{ author(id: "a1") { papers(after: "nope") { totalCount } } }')
    assert "is not a cursor from this API" in bad_cursor["errors"][0]["message"]
    assert "depth must be between 1 and 3" in post(client, '{ neighborhood(id: "a1", depth: 9) { nodes { id } } }')[
        "errors"][0]["message"]
    assert_still_healthy(client)


def test_not_found_is_a_clear_error_and_unexpected_errors_are_masked(client: TestClient, graph: Graph) -> None:
    body = post(client, '{ collaborators(authorId: "nobody") { totalCount } }')
    assert body["errors"][0]["message"] == "no author has the id 'nobody'"
    # A paper whose year is not a number breaks the Int field: the cause stays in the log, not the response.
    graph.write("CREATE (:Paper {uid: 'broken', title: 'Broken', year: 'soon'})")
    try:
        broken = post(client, '{ paper(id: "broken") { title year } }')
        assert broken["errors"][0]["message"] == "Unexpected error."
        assert "soon" not in str(broken)
    finally:
        graph.write("MATCH (p:Paper {uid: 'broken'}) DETACH DELETE p")
    assert_still_healthy(client)


def test_a_store_outage_gives_a_clear_error_and_the_next_request_after_recovery_succeeds(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PEERGRAPH_")}
    env["PEERGRAPH_HOME"] = str(tmp_path / "home")
    settings = load_settings(env)
    embedded.start(settings)
    try:
        with TestClient(create_app(settings)) as client:
            query = '{ author(id: "nobody") { name } }'
            assert post(client, query) == {"data": {"author": None}}
            embedded.stop(settings.home)
            down = post(client, query)
            assert down["data"] == {"author": None}
            assert down["errors"][0]["message"] == "the graph store is unavailable right now; retry in a moment"
            embedded.start(settings)
            assert post(client, query) == {"data": {"author": None}}
    finally:
        embedded.stop(settings.home)

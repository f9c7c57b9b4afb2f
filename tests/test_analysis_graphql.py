"""`savedQueries` and `runSavedQuery` over HTTP on the real app (create_app), demo graph behind it:
signed-in accounts only, read-only user, budgets, expected failures as schema types.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import analysis_graph
import pytest
from conftest import wipe
from starlette.testclient import TestClient

from peergraph.app import create_app
from peergraph.graphql import analysis
from peergraph.store import embedded
from peergraph.store.driver import Graph

RUN = """query($name: String!, $params: JSON, $limit: Int! = 100, $timeout: Float) {
  runSavedQuery(name: $name, params: $params, limit: $limit, timeoutSeconds: $timeout) {
    __typename
    ... on AnalysisResult { name columns rows rowCount truncated notice }
    ... on NotAuthorizedError { message }
    ... on InvalidInputError { message }
    ... on NotFoundError { message }
    ... on QueryRefusedError { message }
    ... on BudgetExceededError { message }
    ... on QueryFailedError { message }
    ... on BusyError { message }
  }
}"""


@pytest.fixture(scope="module")
def client(graph: Graph) -> Iterator[TestClient]:
    wipe(graph)
    analysis_graph.load(graph)
    with TestClient(create_app(graph=graph)) as c:
        yield c


@pytest.fixture(scope="module")
def token(client: TestClient) -> str:
    body = post(client, """mutation { signUp(email: "analyst@example.org", password: "correct horse battery",
        displayName: "Ana Lyst") { __typename ... on AuthPayload { token } } }""")
    return body["data"]["signUp"]["token"]


def post(client: TestClient, query: str, token: str | None = None, **variables: Any) -> dict[str, Any]:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    response = client.post("/graphql", json={"query": query, "variables": variables}, headers=headers)
    assert response.status_code == 200
    return response.json()


def run(client: TestClient, token: str | None, name: str, **variables: Any) -> dict[str, Any]:
    body = post(client, RUN, token, name=name, **variables)
    assert "errors" not in body, body
    return body["data"]["runSavedQuery"]


def test_anonymous_callers_are_refused(client: TestClient) -> None:
    body = post(client, "{ savedQueries { name } }")
    assert body["data"] is None
    assert body["errors"][0]["message"].startswith("log in first")
    result = run(client, None, "trust_distribution")
    assert result["__typename"] == "NotAuthorizedError" and "log in first" in result["message"]


def test_saved_queries_lists_the_library_with_parameters(client: TestClient, token: str) -> None:
    body = post(client, "{ savedQueries { name purpose params { name type required default } columns } }", token)
    queries = {q["name"]: q for q in body["data"]["savedQueries"]}
    assert len(queries) >= 12
    collaborators = queries["collaborators"]
    assert collaborators["params"][:2] == [
        {"name": "author_uid", "type": "string", "required": True, "default": None},
        {"name": "limit", "type": "int", "required": False, "default": 25},
    ]
    assert collaborators["columns"] == ["uid", "name", "shared_papers", "first_year", "last_year", "weight", "close"]


def test_run_saved_query_returns_rows(client: TestClient, token: str) -> None:
    result = run(client, token, "collaborators", params={"author_uid": "a_alan"})
    assert result["__typename"] == "AnalysisResult"
    assert result["rowCount"] == 3 and not result["truncated"] and result["notice"] is None
    assert [(r["uid"], r["close"]) for r in result["rows"]] == [("a_ada", True), ("a_grace", False), ("a_john", False)]
    assert result["columns"][:3] == ["uid", "name", "shared_papers"]


def test_the_row_budget_truncates_and_says_so(client: TestClient, token: str) -> None:
    result = run(client, token, "trust_distribution", limit=2)
    assert result["rowCount"] == 2 and result["truncated"]
    assert result["notice"].startswith("stopped after 2 rows")


def test_the_time_budget_stops_a_query(client: TestClient, token: str) -> None:
    result = run(client, token, "orphan_nodes", timeout=0.001)
    assert result["__typename"] == "BudgetExceededError"
    assert result["message"].startswith("stopped after 0.001 s (the time budget)")


@pytest.mark.parametrize(
    ("name", "variables", "typename", "message"),
    [
        ("colaborators", {}, "NotFoundError", "did you mean collaborators"),
        ("../accounts/create_account", {}, "NotFoundError", "no saved analysis query"),
        ("collaborators", {}, "InvalidInputError", "needs -p author_uid"),
        ("collaborators", {"params": {"author_uid": "a_alan", "limit": "many"}}, "InvalidInputError", "must be a int"),
        ("collaborators", {"params": {"uid": "a_alan"}}, "InvalidInputError", "takes no parameter uid"),
        ("collaborators", {"params": ["a_alan"]}, "InvalidInputError", "params must be an object"),
        ("trust_distribution", {"limit": 5000}, "InvalidInputError", "limit must be between 1 and 1000"),
        ("trust_distribution", {"timeout": -1.0}, "InvalidInputError", "timeoutSeconds must be more than 0"),
    ],
)
def test_expected_failures_are_schema_types(client: TestClient, token: str, name: str, variables: dict,
                                            typename: str, message: str) -> None:
    result = run(client, token, name, **variables)
    assert result["__typename"] == typename
    assert message in result["message"]


def test_queries_run_as_the_read_only_user(client: TestClient, token: str) -> None:
    run(client, token, "trust_distribution")
    assert analysis._reader().user == embedded.READER_USER

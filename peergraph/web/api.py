"""The pages' only way to data: GraphQL documents executed in-process against the API's schema.

The pages never run Cypher. They execute the same schema that `/graphql` serves, with the same
context (so the same limits, loaders and authorization apply), and turn a failed result into
one of three page errors a person understands: not found, store unavailable, or a generic failure.
"""

from __future__ import annotations

import logging
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request

from peergraph.errors import BadInput, NotFound, StoreUnavailable

log = logging.getLogger("peergraph.web")

WORKS_PAGE_SIZE = 20
PANEL_LIMIT_PER_TYPE = 12

# Page sizes are literals in the documents, not variables: the API's result-size limit reads them to
# bound the request (a variable counts as the maximum page size).
PROFILE_QUERY = """
query ProfilePage($id: ID!, $after: String) {
  profile(authorId: $id) {
    author { id name }
    headline
    affiliation
    affiliationStatus
    openToCollaborate
    trust {
      score band verificationLevel claimed formulaVersion computedAt
      components { name points maxPoints evidence { description source } }
    }
    worksCount followersCount topicsCount closeCollaboratorsCount
    works(first: %(first)d, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id title abstract year type venue { name } } }
    }
  }
  neighborhood(id: $id, depth: 2, limitPerType: %(panel)d) {
    nodes { id type label year weight }
    edges { source target type weight }
    truncated { type count }
  }
}
"""

NEIGHBORHOOD_QUERY = """
query ExplorerSlice($id: ID!, $since: Int, $until: Int) {
  neighborhood(id: $id, depth: 1, limitPerType: 25, since: $since, until: $until) {
    nodes { id type label year weight }
    edges { source target type weight }
    truncated { type count }
  }
}
"""

SEARCH_QUERY = """
query ExplorerSearch($query: String!) {
  search(query: $query, first: 20) {
    edges {
      score
      node {
        __typename
        ... on Author { id name }
        ... on Paper { id title year }
        ... on Topic { id label }
        ... on Institution { id name }
      }
    }
  }
}
"""


def profile_query() -> str:
    return PROFILE_QUERY % {"first": WORKS_PAGE_SIZE, "panel": PANEL_LIMIT_PER_TYPE}


class PageError(Exception):
    """A failure shown to a person as an error page with this status, title and explanation."""

    def __init__(self, status: int, title: str, message: str):
        super().__init__(message)
        self.status = status
        self.title = title
        self.message = message


def not_found(what: str) -> PageError:
    return PageError(404, "Not found", f"There is no {what} here. It may have been merged into another record.")


STORE_DOWN = PageError(
    503,
    "PeerGraph is temporarily unavailable",
    "The graph store is not answering right now. Please try again in a minute.",
)

FAILED = PageError(
    500,
    "Something went wrong",
    "This page could not be built. The problem has been logged; please try again later.",
)


async def _store_reachable(request: Request) -> bool:
    try:
        await run_in_threadpool(request.app.state.graph.read, "RETURN 1 AS ok")
    except Exception:
        return False
    return True


async def execute(request: Request, document: str, variables: dict[str, Any]) -> dict[str, Any]:
    """Run `document` with the API's schema and context; the data, or a PageError."""
    from peergraph.graphql.context import build_context
    from peergraph.graphql.schema import schema

    try:
        result = await schema.execute(
            document,
            variable_values=variables,
            context_value=build_context(request.app.state.graph, request),
        )
    except Exception as exc:  # the schema masks resolver errors; this is anything outside them
        log.warning("page query failed before resolving: %s", type(exc).__name__)
        raise (FAILED if await _store_reachable(request) else STORE_DOWN) from exc
    if result.errors:
        originals = [e.original_error for e in result.errors]
        if any(isinstance(o, NotFound) for o in originals):
            raise not_found("record with this id")
        bad = next((o for o in originals if isinstance(o, BadInput)), None)
        if bad is not None:
            raise PageError(400, "That link does not look right", str(bad)[:300])
        log.warning("page query returned errors: %s", "; ".join(e.message for e in result.errors)[:500])
        # Masked errors say nothing about their cause, so ask the store directly whether it is up.
        if any(isinstance(o, StoreUnavailable) for o in originals) or not await _store_reachable(request):
            raise STORE_DOWN
        if result.data is None:
            raise FAILED
    return result.data or {}

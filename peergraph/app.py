"""The Starlette application: built by `create_app`, one graph driver opened in the lifespan.

Routes: `/healthz`, `/graphql` (the API and GraphiQL), and the web pages (`/authors/{id}`,
`/explore`) from `peergraph.web`.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from peergraph.errors import PeerGraphError
from peergraph.store.driver import Graph, connect
from peergraph.store.settings import Settings, load_settings

log = logging.getLogger("peergraph.app")


async def healthz(request: Request) -> JSONResponse:
    graph: Graph = request.app.state.graph
    try:
        counts = await run_in_threadpool(graph.counts)
    except PeerGraphError as exc:
        return JSONResponse({"status": "unavailable", "store": graph.kind, "reason": str(exc)}, status_code=503)
    except Exception as exc:  # the driver's own errors while the store restarts
        log.warning("health check failed: %s", type(exc).__name__)
        return JSONResponse(
            {"status": "unavailable", "store": graph.kind, "reason": f"graph store error ({type(exc).__name__})"},
            status_code=503,
        )
    return JSONResponse({"status": "ok", "store": graph.kind, "database": graph.database, **counts})


def create_app(settings: Settings | None = None, graph: Graph | None = None) -> Starlette:
    """Build the app. Pass `graph` to share an open driver (tests); otherwise one is opened at start-up."""
    from peergraph.accounts.routes import account_routes
    from peergraph.graphql.app import graphql_routes
    from peergraph.web.routes import web_routes

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        owned = graph is None
        app.state.graph = graph or await run_in_threadpool(connect, settings or load_settings())
        try:
            yield
        finally:
            if owned:
                app.state.graph.close()

    routes = [Route("/healthz", healthz), *graphql_routes(), *web_routes(), *account_routes()]
    return Starlette(routes=routes, lifespan=lifespan)

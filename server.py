"""The ASGI entry point: `uvicorn server:app` (or `peergraph serve`)."""

from peergraph.app import create_app

app = create_app()

"""`/healthz` through the real app: 200 with counts, 503 while the store is down, 200 after it returns."""

from __future__ import annotations

import os
from pathlib import Path

from starlette.testclient import TestClient

from peergraph.app import create_app
from peergraph.store import embedded
from peergraph.store.settings import load_settings


def test_healthz_follows_the_store_down_and_back(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PEERGRAPH_")}
    env["PEERGRAPH_HOME"] = str(tmp_path / "home")
    settings = load_settings(env)
    embedded.start(settings)
    try:
        with TestClient(create_app(settings)) as client:
            ok = client.get("/healthz")
            assert ok.status_code == 200
            body = ok.json()
            assert body["status"] == "ok" and body["store"] == "embedded-arcadedb"
            assert body["nodes"] == {} and body["relationships"] == {}

            embedded.stop(settings.home)
            down = client.get("/healthz")
            assert down.status_code == 503
            assert "cannot reach the graph store" in down.json()["reason"]

            embedded.start(settings)
            assert client.get("/healthz").status_code == 200
    finally:
        embedded.stop(settings.home)

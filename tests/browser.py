"""Helpers for the page tests: a real uvicorn server on 127.0.0.1 and the system Chromium.

The browser is Debian's `chromium` (apt-get install -y chromium), launched by Playwright through
`executable_path`; Playwright never downloads a browser of its own. Without Chromium the browser
tests are skipped with the reason, except when the CI environment variable is set: then they fail.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from starlette.applications import Starlette

from peergraph.store.driver import Graph

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "test-output" / "screenshots"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


SEVEN_WORKS = (
    "Auto-scaling Vision Transformers without Training",
    "Token Dropping for Efficient BERT Pretraining",
    "BigNAS: Scaling Up Neural Architecture Search with Big Single-Stage Models",
    "Go Wide, Then Narrow: Efficient Training of Deep Thin Networks",
    "Large Batch Optimization for Deep Learning: Training BERT in 76 minutes",
    "MobileBERT: a Compact Task-Agnostic BERT for Resource-Limited Devices",
    "SpineNet: Learning Scale-Permuted Backbone for Recognition and Localization",
)


def author_uid(graph: Graph, name: str) -> str:
    rows = graph.read("MATCH (a:Author {name: $name}) RETURN a.uid AS uid", {"name": name})
    assert len(rows) == 1, f"expected one author named {name}, found {len(rows)}"
    return rows[0]["uid"]


def find_chromium() -> str | None:
    """The system Chromium: $PEERGRAPH_CHROMIUM, else `chromium` (or `chromium-browser`) on PATH."""
    configured = os.environ.get("PEERGRAPH_CHROMIUM")
    if configured:
        return configured if Path(configured).exists() else None
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


def require_chromium() -> str:
    path = find_chromium()
    if path is None:
        configured = os.environ.get("PEERGRAPH_CHROMIUM")
        where = f"PEERGRAPH_CHROMIUM={configured} does not exist" if configured else "Chromium is not installed"
        reason = f"{where} (apt-get install -y chromium); the browser tests need it"
        if os.environ.get("CI"):
            pytest.fail(reason + " and CI is set, so they may not be skipped")
        pytest.skip(reason)
    return path


@contextlib.contextmanager
def live_server(app: Starlette) -> Iterator[str]:
    """Serve `app` with uvicorn on a free loopback port in a thread; yields the base URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_level="warning", lifespan="on", access_log=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


def screenshot_path(name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS / name

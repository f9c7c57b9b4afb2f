"""A small real HTTP server on 127.0.0.1 that replays recorded responses, for network-source tests.

Responses are looked up by request path + query (parameters sorted, empty ones dropped, so
`?search_query=&id_list=x` and `?id_list=x` are one recording). It can inject failures (e.g. two 503s
before the recording) and slow answers (to exercise client timeouts), and logs every request.

    with ReplayServer() as server:
        server.add_arxiv_recording(Path("tests/fixtures/arxiv/q_testing_s0_m10.json"))
        server.fail("/api/query?search_query=testing&start=0&max_results=10", 503)
        ... ArxivSource(base_url=server.url("/api/query"), delay=0) ...
"""

from __future__ import annotations

import json
import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit


def request_key(url: str) -> str:
    """Path plus sorted non-empty query parameters of a URL or path."""
    parts = urlsplit(url)
    params = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if v != "")
    return parts.path + ("?" + urlencode(params) if params else "")


@dataclass
class Recording:
    body: bytes
    status: int = 200
    content_type: str = "application/atom+xml; charset=utf-8"


class ReplayServer:
    def __init__(self) -> None:
        self.recordings: dict[str, Recording] = {}
        self.failures: dict[str, deque[int]] = defaultdict(deque)
        self.delays: dict[str, deque[float]] = defaultdict(deque)
        self.log: list[str] = []  # request keys in arrival order
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    # -- set-up -----------------------------------------------------------------------------------
    def add(self, url: str, body: bytes, status: int = 200,
            content_type: str = "application/atom+xml; charset=utf-8") -> str:
        key = request_key(url)
        self.recordings[key] = Recording(body, status, content_type)
        return key

    def add_arxiv_recording(self, path: Path) -> str:
        """A recording of arxiv.py's harness: {"url", "status_code", "body"}; the body holds the UTF-8
        response bytes decoded as latin-1, so encoding it back as latin-1 gives the exact bytes."""
        rec = json.loads(path.read_text(encoding="utf-8"))
        return self.add(rec["url"], rec["body"].encode("latin-1"), rec["status_code"])

    def fail(self, url: str, *statuses: int) -> None:
        """The next requests for `url` answer these statuses (in order) before the recording."""
        self.failures[request_key(url)].extend(statuses)

    def slow(self, url: str, seconds: float, times: int = 1) -> None:
        """The next `times` requests for `url` wait `seconds` before answering."""
        self.delays[request_key(url)].extend([seconds] * times)

    def url(self, path: str = "") -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}{path}"

    def hits(self, url: str) -> int:
        key = request_key(url)
        return sum(1 for k in self.log if k == key)

    # -- lifecycle --------------------------------------------------------------------------------
    def __enter__(self) -> ReplayServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def _answer(self, key: str) -> tuple[float, Recording]:
        with self._lock:
            self.log.append(key)
            delay = self.delays[key].popleft() if self.delays[key] else 0.0
            if self.failures[key]:
                status = self.failures[key].popleft()
                return delay, Recording(f"injected HTTP {status}".encode(), status, "text/plain")
            found = self.recordings.get(key)
        if found is None:
            return delay, Recording(f"no recording for {key}".encode(), 404, "text/plain")
        return delay, found

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (the http.server API name)
                delay, rec = server._answer(request_key(self.path))
                if delay:
                    time.sleep(delay)
                try:
                    self.send_response(rec.status)
                    self.send_header("Content-Type", rec.content_type)
                    self.send_header("Content-Length", str(len(rec.body)))
                    self.end_headers()
                    self.wfile.write(rec.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client timed out and left: that is what a slow answer tests

            def log_message(self, format: str, *args: object) -> None:
                pass

        return Handler

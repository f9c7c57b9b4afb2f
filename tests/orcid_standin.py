"""A small real HTTP server on 127.0.0.1 standing in for ORCID's OAuth 2.0 endpoints.

- GET /oauth/authorize?client_id&response_type=code&scope=/authenticate&redirect_uri&state: the
  researcher "signs in" (as `signed_in`) and is redirected to redirect_uri?code=...&state=..., as ORCID does.
- POST /oauth/token (form: client_id, client_secret, grant_type=authorization_code, code, redirect_uri):
  answers like ORCID, {"access_token", "token_type": "bearer", "refresh_token", "expires_in", "scope",
  "name", "orcid"}; codes are single-use, and a wrong client secret, code or redirect URI gets
  HTTP 400/401 with {"error", "error_description"}.
"""

from __future__ import annotations

import json
import secrets
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlparse


class OrcidStandIn:
    def __init__(self, client_id: str, client_secret: str):
        self.client_id = client_id
        self.client_secret = client_secret
        self.signed_in = ("0000-0002-1825-0097", "Josiah Carberry")
        self.codes: dict[str, tuple[str, str, str]] = {}  # code -> (redirect_uri, orcid, name)
        self.token_requests = 0
        standin = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:  # keep test output clean
                pass

            def _json(self, status: int, body: dict) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json;charset=UTF-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                url = urlparse(self.path)
                q = {k: v[0] for k, v in parse_qs(url.query).items()}
                if url.path != "/oauth/authorize":
                    return self._json(404, {"error": "not_found"})
                if q.get("client_id") != standin.client_id or q.get("response_type") != "code":
                    return self._json(400, {"error": "invalid_request", "error_description": "bad client or type"})
                code = secrets.token_urlsafe(6)
                standin.codes[code] = (q.get("redirect_uri", ""), *standin.signed_in)
                self.send_response(302)
                self.send_header("Location", f"{q['redirect_uri']}?{urlencode({'code': code, 'state': q['state']})}")
                self.end_headers()

            def do_POST(self) -> None:
                if urlparse(self.path).path != "/oauth/token":
                    return self._json(404, {"error": "not_found"})
                length = int(self.headers.get("Content-Length") or 0)
                form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
                standin.token_requests += 1
                if form.get("client_id") != standin.client_id or form.get("client_secret") != standin.client_secret:
                    return self._json(401, {"error": "invalid_client", "error_description": "Client not found"})
                grant = standin.codes.pop(form.get("code", ""), None)
                if form.get("grant_type") != "authorization_code" or grant is None:
                    return self._json(400, {"error": "invalid_grant",
                                            "error_description": f"Invalid authorization code: {form.get('code')}"})
                if grant[0] != form.get("redirect_uri"):
                    return self._json(400, {"error": "invalid_grant", "error_description": "Redirect URI mismatch."})
                self._json(200, {"access_token": secrets.token_hex(16), "token_type": "bearer",
                                 "refresh_token": secrets.token_hex(16), "expires_in": 631138518,
                                 "scope": "/authenticate", "name": grant[2], "orcid": grant[1]})

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> OrcidStandIn:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

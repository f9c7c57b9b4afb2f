"""Signed, expiring tokens for links and OAuth state (HMAC-SHA256 with the app's secret key).

The key is PEERGRAPH_SECRET_KEY, or else a random key generated once into PEERGRAPH_HOME/app.secret
(mode 0600). A signed token says which claim it is for and until when; single use is enforced by the
caller, which stores the hash of the token's nonce and clears it when the token is used.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import time
from functools import cache
from pathlib import Path

from peergraph.errors import BadInput


@cache
def secret_key() -> bytes:
    env = os.environ.get("PEERGRAPH_SECRET_KEY")
    if env:
        return env.encode()
    home = Path(os.environ.get("PEERGRAPH_HOME") or "./.peergraph").expanduser().resolve()
    home.mkdir(parents=True, exist_ok=True)
    path = home / "app.secret"
    if not path.exists():
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(secrets.token_urlsafe(48))
        except FileExistsError:
            pass
    return path.read_text(encoding="utf-8").strip().encode()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def sign(purpose: str, subject: str, ttl_s: int, now: float | None = None) -> tuple[str, str]:
    """A token binding `purpose` and `subject` until now+ttl, and the nonce to store (hashed) for single use."""
    nonce = secrets.token_urlsafe(16)
    body = _b64(json.dumps({"p": purpose, "s": subject, "e": int((now or time.time()) + ttl_s), "n": nonce}).encode())
    mac = _b64(hmac.new(secret_key(), body.encode(), hashlib.sha256).digest())
    return f"{body}.{mac}", nonce


def verify(token: str, purpose: str, now: float | None = None) -> tuple[str, str]:
    """(subject, nonce) of a valid token for `purpose`; BadInput when forged, expired or malformed."""
    if len(token) > 2048 or token.count(".") != 1:
        raise BadInput("the link is malformed; request a new one")
    body, mac = token.split(".")
    expected = _b64(hmac.new(secret_key(), body.encode(), hashlib.sha256).digest())
    if not hmac.compare_digest(mac, expected):
        raise BadInput("the link's signature is invalid; request a new one")
    try:
        data = json.loads(_unb64(body))
    except ValueError:
        raise BadInput("the link is malformed; request a new one") from None
    if data.get("p") != purpose:
        raise BadInput("the link is not valid for this action")
    if int(data.get("e", 0)) < (now or time.time()):
        raise BadInput("the link has expired; request a new one")
    return str(data["s"]), str(data["n"])


def nonce_hash(nonce: str) -> str:
    return hashlib.sha256(nonce.encode()).hexdigest()

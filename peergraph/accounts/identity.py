"""Sign-up, log-in, log-out and bearer tokens. Accounts are Account nodes in the graph.

Tokens are opaque random strings handed to the client once; the graph keeps only their SHA-256
hash (a stolen database does not yield usable tokens), with an expiry. Log-in failures are
rate-limited per e-mail and per client address.
"""

from __future__ import annotations

import hashlib
import logging
import re
import secrets
import time
import uuid
from dataclasses import dataclass

from neo4j import exceptions as nx

from peergraph.accounts import passwords
from peergraph.accounts.errors import BadInput, EmailTaken, LoginFailed, RateLimited
from peergraph.accounts.ratelimit import login_client_failures, login_failures, signups
from peergraph.cypher_files import load
from peergraph.store.driver import Graph

log = logging.getLogger("peergraph.accounts")

TOKEN_TTL_S = 14 * 24 * 3600
EMAIL_RE = re.compile(r"^[^@\s]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,63}$")
ROLES = ("user", "curator", "admin")


@dataclass(frozen=True)
class AccountData:
    uid: str
    email: str
    display_name: str
    role: str

    @property
    def is_curator(self) -> bool:
        return self.role in ("curator", "admin")


@dataclass(frozen=True)
class Session:
    token: str  # shown to the client once, never stored or logged
    expires_at: float
    account: AccountData


def normalize_email(email: str) -> str:
    value = (email or "").strip().lower()
    if not EMAIL_RE.match(value):
        raise BadInput("enter a valid e-mail address, like name@example.org")
    return value


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _account(row: dict) -> AccountData:
    return AccountData(uid=row["uid"], email=row["email"], display_name=row["display_name"] or "", role=row["role"])


def create_account(graph: Graph, email: str, password: str, display_name: str = "", role: str = "user") -> AccountData:
    """A new account; EmailTaken when the e-mail is in use, BadInput for a weak password or bad e-mail."""
    email = normalize_email(email)
    passwords.check_strength(password)
    if role not in ROLES:
        raise BadInput(f"role must be one of {', '.join(ROLES)}")
    display_name = (display_name or "").strip()[:120] or email.split("@")[0]
    if graph.read(load("accounts/account_by_email"), {"email": email}):
        raise EmailTaken("an account with this e-mail already exists; log in instead")
    uid = f"acc-{uuid.uuid4().hex}"
    try:
        graph.write(load("accounts/create_account"), {
            "uid": uid, "email": email, "display_name": display_name,
            "password_hash": passwords.hash_password(password), "role": role, "now": time.time(),
        })
    except nx.ConstraintError:
        raise EmailTaken("an account with this e-mail already exists; log in instead") from None
    log.info("account created uid=%s role=%s", uid, role)
    return AccountData(uid=uid, email=email, display_name=display_name, role=role)


def issue_token(graph: Graph, account: AccountData, ttl_s: int = TOKEN_TTL_S) -> Session:
    token = secrets.token_urlsafe(32)
    now = time.time()
    graph.write(load("accounts/create_token"), {
        "account_uid": account.uid, "uid": f"tok-{uuid.uuid4().hex}", "token_hash": token_hash(token),
        "now": now, "expires_at": now + ttl_s,
    })
    return Session(token=token, expires_at=now + ttl_s, account=account)


def sign_up(graph: Graph, email: str, password: str, display_name: str = "", client: str = "") -> Session:
    """A new account and its first session; at most SIGNUPS_PER_CLIENT_HOUR per client address."""
    wait = signups.retry_after(client) if client else 0
    if wait:
        raise RateLimited(f"too many new accounts from this address; try again in {wait} seconds", retry_after=wait)
    session = issue_token(graph, create_account(graph, email, password, display_name))
    if client:
        signups.record(client)
    return session


def log_in(graph: Graph, email: str, password: str, client: str = "") -> Session:
    """A new session; LoginFailed for a wrong e-mail or password, RateLimited after repeated failures
    (per e-mail, and per client address)."""
    key_email = f"email:{(email or '').strip().lower()[:320]}"
    wait = max(login_failures.retry_after(key_email), login_client_failures.retry_after(client) if client else 0)
    if wait:
        raise RateLimited(f"too many failed log-ins; try again in {wait} seconds", retry_after=wait)
    rows = graph.read(load("accounts/account_by_email"), {"email": (email or "").strip().lower()})
    row = rows[0] if rows else None
    # Verify against a dummy hash for unknown e-mails so timing does not reveal which accounts exist.
    ok = passwords.verify_password(row["password_hash"] if row else passwords.DUMMY_HASH, password or "")
    if not row or not ok or row["disabled"]:
        login_failures.record(key_email)
        if client:
            login_client_failures.record(client)
        log.info("log-in failed")
        raise LoginFailed("wrong e-mail or password")
    login_failures.reset(key_email)
    if passwords.needs_rehash(row["password_hash"]):
        graph.write(load("accounts/set_password_hash"),
                    {"uid": row["uid"], "password_hash": passwords.hash_password(password)})
    log.info("log-in uid=%s", row["uid"])
    return issue_token(graph, _account(row))


def account_for_token(graph: Graph, token: str) -> AccountData | None:
    """The account behind a bearer token, or None when it is unknown, expired or logged out."""
    if not token or len(token) > 200:
        return None
    rows = graph.read(load("accounts/account_by_token"), {"token_hash": token_hash(token), "now": time.time()})
    return _account(rows[0]) if rows else None


def log_out(graph: Graph, token: str) -> bool:
    rows = graph.write(load("accounts/delete_token"), {"token_hash": token_hash(token)})
    return bool(rows and rows[0]["deleted"])


def account_by_uid(graph: Graph, uid: str) -> AccountData | None:
    rows = graph.read(load("accounts/account_by_uid"), {"uid": uid})
    return _account(rows[0]) if rows else None


def set_role(graph: Graph, email: str, role: str) -> AccountData:
    if role not in ROLES:
        raise BadInput(f"role must be one of {', '.join(ROLES)}")
    rows = graph.write(load("accounts/set_role"), {"email": normalize_email(email), "role": role})
    if not rows:
        from peergraph.accounts.errors import NotFound

        raise NotFound(f"no account with e-mail {email}; create it with `peergraph accounts create`")
    found = account_by_uid(graph, rows[0]["uid"])
    assert found is not None
    return found

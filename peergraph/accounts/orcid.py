"""Claim verification by ORCID sign-in: the OAuth 2.0 authorization-code flow.

1. `start_orcid_claim` opens (or reuses) the account's pending claim and returns ORCID's authorize
   URL; its `state` is a signed, expiring, single-use token naming the claim.
2. ORCID sends the browser back to the redirect URI with `code` and `state`;
   `complete_orcid_claim` checks the state, exchanges the code at ORCID's token endpoint (the
   response names the signed-in ORCID iD) and verifies the claim when that iD is the author's.
   A different iD rejects the claim; an author record without an ORCID leaves it pending, with the
   iD recorded as evidence for a curator.

Settings (environment): PEERGRAPH_ORCID_BASE_URL (default https://orcid.org; the sandbox is
https://sandbox.orcid.org), PEERGRAPH_ORCID_CLIENT_ID, PEERGRAPH_ORCID_CLIENT_SECRET,
PEERGRAPH_PUBLIC_URL (default http://127.0.0.1:8000; the redirect URI is
<public>/accounts/orcid/callback unless PEERGRAPH_ORCID_REDIRECT_URI is set).
"""

from __future__ import annotations

import json
import logging
import os
import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

import httpx
from tenacity import retry, retry_if_exception_type, stop_after_attempt, wait_exponential

from peergraph.accounts import claims, signing
from peergraph.accounts.errors import BadInput, Forbidden
from peergraph.accounts.identity import AccountData
from peergraph.cypher_files import load
from peergraph.errors import PeerGraphError
from peergraph.store.driver import Graph

log = logging.getLogger("peergraph.accounts.orcid")

STATE_TTL_S = 15 * 60
PURPOSE = "orcid-claim"
ORCID_RE = re.compile(r"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$")


@dataclass(frozen=True)
class OrcidConfig:
    base_url: str
    client_id: str
    client_secret: str = field(repr=False)
    redirect_uri: str

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> OrcidConfig:
        env = dict(os.environ if env is None else env)
        public = (env.get("PEERGRAPH_PUBLIC_URL") or "http://127.0.0.1:8000").rstrip("/")
        return cls(
            base_url=(env.get("PEERGRAPH_ORCID_BASE_URL") or "https://orcid.org").rstrip("/"),
            client_id=env.get("PEERGRAPH_ORCID_CLIENT_ID") or "",
            client_secret=env.get("PEERGRAPH_ORCID_CLIENT_SECRET") or "",
            redirect_uri=env.get("PEERGRAPH_ORCID_REDIRECT_URI") or f"{public}/accounts/orcid/callback",
        )

    def require(self) -> None:
        if not self.client_id or not self.client_secret:
            raise BadInput("ORCID sign-in is not configured: set PEERGRAPH_ORCID_CLIENT_ID and "
                           "PEERGRAPH_ORCID_CLIENT_SECRET (register a client at orcid.org/developer-tools)")


class OrcidUnavailable(PeerGraphError):
    """ORCID's token endpoint could not be reached or answered with an error."""


def valid_orcid(value: str) -> bool:
    """Format and ISO 7064 11,2 check digit, as ORCID defines them."""
    if not ORCID_RE.match(value or ""):
        return False
    digits = value.replace("-", "")
    total = 0
    for ch in digits[:-1]:
        total = (total + int(ch)) * 2
    check = (12 - total % 11) % 11
    return digits[-1] == ("X" if check == 10 else str(check))


def authorize_url(config: OrcidConfig, state: str) -> str:
    query = urlencode({"client_id": config.client_id, "response_type": "code", "scope": "/authenticate",
                       "redirect_uri": config.redirect_uri, "state": state})
    return f"{config.base_url}/oauth/authorize?{query}"


@retry(retry=retry_if_exception_type(httpx.ConnectError), stop=stop_after_attempt(3),
       wait=wait_exponential(multiplier=0.2, max=2), reraise=True)
def _post_token(config: OrcidConfig, code: str) -> httpx.Response:
    # Only connection failures are retried: an authorization code is single-use once it reached ORCID.
    return httpx.post(f"{config.base_url}/oauth/token", timeout=10.0, headers={"Accept": "application/json"},
                      data={"client_id": config.client_id, "client_secret": config.client_secret,
                            "grant_type": "authorization_code", "code": code, "redirect_uri": config.redirect_uri})


def exchange_code(config: OrcidConfig, code: str) -> tuple[str, str]:
    """(orcid iD, name) of the person who signed in; the access token is discarded unlogged."""
    if not code or len(code) > 256:
        raise BadInput("the ORCID authorization code is missing or malformed")
    try:
        response = _post_token(config, code)
    except httpx.HTTPError as exc:
        raise OrcidUnavailable(f"cannot reach ORCID at {config.base_url} ({type(exc).__name__}); try again") from None
    if response.status_code != 200:
        raise BadInput(f"ORCID refused the sign-in (HTTP {response.status_code}); start the ORCID claim again")
    try:
        body = response.json()
    except ValueError:
        raise OrcidUnavailable("ORCID's token endpoint did not answer JSON") from None
    orcid = str(body.get("orcid") or "")
    if not valid_orcid(orcid):
        raise OrcidUnavailable("ORCID's answer carries no valid ORCID iD")
    return orcid, str(body.get("name") or "")


def start_orcid_claim(graph: Graph, account: AccountData, author_uid: str,
                      config: OrcidConfig | None = None) -> tuple[claims.ClaimData, str]:
    """The pending claim and the URL to send the browser to."""
    config = config or OrcidConfig.from_env()
    config.require()
    claim = claims.claim_author(graph, account, author_uid, method="orcid")
    if claim.status == "verified":
        raise BadInput("you already hold the verified claim on this author")
    state, nonce = signing.sign(PURPOSE, claim.uid, STATE_TTL_S)
    graph.write(load("accounts/set_claim_pending"), {
        "uid": claim.uid, "method": "orcid", "nonce_hash": signing.nonce_hash(nonce),
        "evidence": json.dumps({"orcid_sign_in": "started"})})
    return claims.get_claim(graph, claim.uid), authorize_url(config, state)


def complete_orcid_claim(graph: Graph, code: str, state: str, account: AccountData | None = None,
                         config: OrcidConfig | None = None) -> claims.ClaimData:
    """Finish the flow. `account`, when given (GraphQL), must be the claim's; the browser callback
    passes None and relies on the signed single-use state, which only the claimant received."""
    config = config or OrcidConfig.from_env()
    config.require()
    claim_uid, nonce = signing.verify(state, PURPOSE)
    row = claims.claim_row(graph, claim_uid)
    if account is not None and row["account_uid"] != account.uid:
        raise Forbidden("this ORCID sign-in was started by another account")
    if row["status"] != "pending" or row["nonce_hash"] != signing.nonce_hash(nonce):
        raise BadInput("this ORCID sign-in link was already used or replaced; start the ORCID claim again")
    orcid, name = exchange_code(config, code)
    evidence = {"orcid_sign_in": orcid, "orcid_name": name, "author_orcid": row["author_orcid"]}
    if row["author_orcid"] and row["author_orcid"].upper() == orcid.upper():
        return claims.verify(graph, claim_uid, "orcid", evidence, "orcid")
    if row["author_orcid"]:
        log.info("claim %s: ORCID sign-in does not match the author's ORCID", claim_uid)
        claims.reject(graph, AccountData(uid="orcid", email="", display_name="ORCID", role="curator"), claim_uid,
                      f"signed in with ORCID {orcid}, but the author record's ORCID is {row['author_orcid']}")
        return claims.get_claim(graph, claim_uid)
    # No ORCID on the record: the sign-in is evidence, the decision a curator's.
    graph.write(load("accounts/set_claim_pending"), {
        "uid": claim_uid, "method": "orcid", "nonce_hash": "", "evidence": json.dumps(evidence, sort_keys=True)})
    return claims.get_claim(graph, claim_uid)

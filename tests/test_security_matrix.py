"""Every mutation against every kind of caller: only the intended cells succeed.

Callers: anonymous; a stranger (an account with no claims); a colleague (another account, verified
claimant of a co-author of the target); the owner (verified claimant of the target author); a curator;
an admin. Each cell runs on state prepared for it, so cells do not depend on each other's outcome.
Secrets (passwords, tokens, password hashes) never appear in logs, and never in responses except the
token handed to the caller by signUp/logIn.
"""

from __future__ import annotations

import logging
import socket
import time
from urllib.parse import parse_qs, urlparse

import httpx
import pytest
from accounts_api import full_app
from accounts_world import PASSWORD
from aiosmtpd.controller import Controller
from conftest import wipe
from orcid_standin import OrcidStandIn
from starlette.testclient import TestClient
from trust_graphs import add_authors, add_papers

from peergraph.accounts import identity, mail, orcid, signing
from peergraph.accounts.ratelimit import reset_all

ACTORS = ("anonymous", "stranger", "colleague", "curator", "admin", "owner")  # owner last: see completeOrcidClaim
ACCOUNTS = set(ACTORS) - {"anonymous"}
EXPECTED = {
    "signUp": set(ACTORS), "logIn": set(ACTORS), "logOut": ACCOUNTS,
    "claimAuthor": {"owner"}, "startOrcidClaim": ACCOUNTS, "completeOrcidClaim": {"owner"},
    "requestEmailClaim": ACCOUNTS, "confirmEmailClaim": set(ACTORS),
    "approveClaim": {"curator", "admin"}, "rejectClaim": {"curator", "admin"},
    "follow": ACCOUNTS, "unfollow": ACCOUNTS, "setOpenToCollaborate": {"owner"},
    "inviteToCollaborate": {"colleague"}, "vouch": {"colleague"},
}
MUTATIONS = {
    "signUp": ('mutation($e: String!) { signUp(email: $e, password: "a long enough password") { __typename } }',
               "AuthPayload"),
    "logIn": ("mutation($e: String!, $p: String!) { logIn(email: $e, password: $p) { __typename } }", "AuthPayload"),
    "logOut": ("mutation { logOut { __typename } }", "LogOutResult"),
    "claimAuthor": ("mutation($a: ID!) { claimAuthor(authorId: $a) { __typename } }", "Claim"),
    "startOrcidClaim": ("mutation($a: ID!) { startOrcidClaim(authorId: $a) { __typename } }", "OrcidClaimStart"),
    "completeOrcidClaim": ("mutation($c: String!, $s: String!) { completeOrcidClaim(code: $c, state: $s) "
                           "{ __typename ... on Claim { status } } }", "Claim"),
    "requestEmailClaim": ("mutation($a: ID!, $e: String!) { requestEmailClaim(authorId: $a, email: $e) "
                          "{ __typename } }", "Claim"),
    "confirmEmailClaim": ("mutation($t: String!) { confirmEmailClaim(token: $t) { __typename } }", "Claim"),
    "approveClaim": ("mutation($c: ID!) { approveClaim(claimId: $c) { __typename } }", "Claim"),
    "rejectClaim": ('mutation($c: ID!) { rejectClaim(claimId: $c, reason: "not this person") { __typename } }',
                    "Claim"),
    "follow": ("mutation($a: ID!) { follow(authorId: $a) { __typename } }", "FollowResult"),
    "unfollow": ("mutation($a: ID!) { unfollow(authorId: $a) { __typename } }", "FollowResult"),
    "setOpenToCollaborate": ("mutation($a: ID!) { setOpenToCollaborate(authorId: $a, open: true) { __typename } }",
                             "OpenToCollaborateResult"),
    "inviteToCollaborate": ('mutation($a: ID!) { inviteToCollaborate(authorId: $a, message: "Shall we write '
                            'the sequel?") { __typename } }', "Invitation"),
    "vouch": ("mutation($a: ID!) { vouch(authorId: $a) { __typename } }", "VouchResult"),
}
SIGNED_IN_ORCID = "0000-0002-1825-0097"


def claim(graph, account_email: str, author: str, uid: str, status: str = "pending", nonce_hash: str = "") -> None:
    graph.write("""MATCH (acc:Account {email: $email}), (a:Author {uid: $author})
                   CREATE (acc)-[:MADE_CLAIM]->(:Claim {uid: $uid, status: $status, method: 'curator',
                          created_at: 1.0, nonce_hash: $nonce})-[:CLAIMS]->(a)""",
                {"email": account_email, "author": author, "uid": uid, "status": status, "nonce": nonce_hash})


@pytest.fixture(scope="module")
def matrix(graph):
    wipe(graph)
    reset_all()
    mail.confirmation_mails._events.clear()
    per_actor = [f"{kind}-{actor}" for actor in ACTORS for kind in ("start", "email", "approve", "reject", "confirm")]
    add_authors(graph, [{"uid": "target", "name": "Tara Target", "orcid": "0000-0001-5109-3700"},
                        {"uid": "colleague-author", "name": "Colin League"},
                        {"uid": "orcid-target", "name": "Josiah Carberry", "orcid": SIGNED_IN_ORCID}]
                + [{"uid": uid, "name": uid} for uid in per_actor])
    add_papers(graph, [{"uid": "shared", "title": "Together", "year": 2022, "authors": ["target", "colleague-author"]}])
    graph.write("""CREATE (i:Institution {uid: 'inst', name: 'Example University', domains: ['uni.example']})
                   WITH i MATCH (a:Author) WHERE a.uid STARTS WITH 'email-'
                   CREATE (a)-[:AFFILIATED_WITH {source: 'test', status: 'asserted'}]->(i)""")
    for actor in (*ACCOUNTS, "claimant"):
        identity.create_account(graph, f"{actor}@example.org", PASSWORD, actor.title(),
                                role=actor if actor in ("curator", "admin") else "user")
    claim(graph, "owner@example.org", "target", "claim-owner", status="verified")
    claim(graph, "colleague@example.org", "colleague-author", "claim-colleague", status="verified")
    confirm_tokens = {}
    for actor in ACTORS:
        claim(graph, "claimant@example.org", f"approve-{actor}", f"claim-approve-{actor}")
        claim(graph, "claimant@example.org", f"reject-{actor}", f"claim-reject-{actor}")
        token, nonce = signing.sign(mail.PURPOSE, f"claim-confirm-{actor}", 600)
        claim(graph, "claimant@example.org", f"confirm-{actor}", f"claim-confirm-{actor}", nonce_hash=signing.nonce_hash(nonce))
        confirm_tokens[actor] = token
    return confirm_tokens


@pytest.fixture
def services(monkeypatch):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    class Sink:
        async def handle_DATA(self, server, session, envelope):
            return "250 OK"

    smtp = Controller(Sink(), hostname="127.0.0.1", port=port)
    smtp.start()
    with OrcidStandIn("APP-MATRIX", "matrix-secret") as standin:
        monkeypatch.setenv("PEERGRAPH_ORCID_BASE_URL", standin.base_url)
        monkeypatch.setenv("PEERGRAPH_ORCID_CLIENT_ID", "APP-MATRIX")
        monkeypatch.setenv("PEERGRAPH_ORCID_CLIENT_SECRET", "matrix-secret")
        monkeypatch.setenv("PEERGRAPH_PUBLIC_URL", "http://testserver")
        monkeypatch.setenv("PEERGRAPH_SMTP_HOST", "127.0.0.1")
        monkeypatch.setenv("PEERGRAPH_SMTP_PORT", str(port))
        try:
            yield standin
        finally:
            smtp.stop()


def test_only_the_intended_cells_succeed_and_no_secret_leaks(graph, matrix, services, caplog):
    caplog.set_level(logging.DEBUG)
    tokens = {actor: identity.log_in(graph, f"{actor}@example.org", PASSWORD).token for actor in ACCOUNTS}
    owner = identity.account_for_token(graph, tokens["owner"])
    _, url = orcid.start_orcid_claim(graph, owner, "orcid-target")
    back = parse_qs(urlparse(httpx.get(url).headers["location"]).query)
    code, state = back["code"][0], back["state"][0]
    caplog.clear()  # what the test's own "browser" logged above is not PeerGraph's
    responses: list[str] = []
    handed_out: list[str] = []
    results: dict[str, set[str]] = {}
    with TestClient(full_app(graph)) as client:
        schema_mutations = client.post("/graphql", json={"query": "{ __schema { mutationType { fields { name } } } }"})
        names = {f["name"] for f in schema_mutations.json()["data"]["__schema"]["mutationType"]["fields"]}
        assert names == set(MUTATIONS), "every mutation of the schema must be in the matrix"
        for name, (query, success) in MUTATIONS.items():
            results[name] = set()
            for actor in ACTORS:
                token = tokens.get(actor)
                if name == "logOut" and token:  # a session of its own, so other cells keep theirs
                    token = identity.log_in(graph, f"{actor}@example.org", PASSWORD).token
                variables = {
                    "e": f"new-{actor}-{time.time_ns()}@example.org" if name == "signUp"
                    else f"{actor}@uni.example" if name == "requestEmailClaim"
                    else "stranger@example.org" if actor == "anonymous" else f"{actor}@example.org",
                    "p": PASSWORD, "a": {"startOrcidClaim": f"start-{actor}", "requestEmailClaim": f"email-{actor}"}
                    .get(name, "target"),
                    "c": {"approveClaim": f"claim-approve-{actor}", "rejectClaim": f"claim-reject-{actor}"}.get(name, code),
                    "s": state, "t": matrix[actor],
                }
                headers = {"Authorization": f"Bearer {token}"} if token else {}
                response = client.post("/graphql", json={"query": query, "variables": variables}, headers=headers)
                body = response.json()
                assert "errors" not in body, (name, actor, body)
                outcome = body["data"][name]
                if outcome["__typename"] == success and outcome.get("status", "verified") == "verified":
                    results[name].add(actor)
                if name in ("signUp", "logIn"):
                    handed_out.append(response.text)
                else:
                    responses.append(response.text)
    assert results == EXPECTED
    text = "\n".join(responses)
    logs = caplog.text
    for token in tokens.values():
        assert token not in text and token not in logs
    assert PASSWORD not in text and PASSWORD not in logs and "$argon2" not in text + "".join(handed_out)
    assert "matrix-secret" not in logs and "matrix-secret" not in text
    assert code not in logs and state not in logs

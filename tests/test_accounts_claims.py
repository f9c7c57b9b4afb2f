"""Claims: curator approval, ORCID sign-in (against a local ORCID stand-in), e-mail confirmation
(through a local SMTP server), conflicts, and L3 by vouches. All through the app, on the real store."""

from __future__ import annotations

import email
import email.policy
import re
import socket
from urllib.parse import parse_qs, urlparse

import httpx
import pytest
from accounts_api import Api, full_app
from accounts_world import build, session
from aiosmtpd.controller import Controller
from conftest import wipe
from orcid_standin import OrcidStandIn
from starlette.testclient import TestClient

from peergraph.accounts import mail
from peergraph.accounts.ratelimit import reset_all

CLAIM_FIELDS = """__typename ... on Claim { id status method authorId evidence { key value } reason }
  ... on ClaimConflictError { message authorId } ... on InvalidInputError { message }
  ... on NotAuthorizedError { message } ... on NotFoundError { message }"""
CLAIM = "mutation($a: ID!) { claimAuthor(authorId: $a) { %s } }" .replace("%s", CLAIM_FIELDS)
APPROVE = "mutation($c: ID!) { approveClaim(claimId: $c) { %s } }" .replace("%s", CLAIM_FIELDS)
REJECT = "mutation($c: ID!, $r: String!) { rejectClaim(claimId: $c, reason: $r) { %s } }" .replace("%s", CLAIM_FIELDS)
LEVEL = "MATCH (a:Author {uid: $uid}) RETURN a.verification_level AS level, a.trust_score AS score"


@pytest.fixture(scope="module")
def world(graph):
    wipe(graph)
    reset_all()
    build(graph)
    with TestClient(full_app(graph)) as client:
        yield Api(client), client


def level(graph, uid):
    return graph.read(LEVEL, {"uid": uid})[0]["level"]


def test_a_curator_approves_a_claim_and_a_second_claimant_gets_a_conflict(graph, world):
    api, _ = world
    alice, bob = session(graph, "alice@example.org"), session(graph, "bob@example.org")
    curator = session(graph, "curator@example.org", role="curator")
    first = api(CLAIM, alice, a="hopper")["claimAuthor"]
    early_rival = api(CLAIM, bob, a="hopper")["claimAuthor"]
    assert first["status"] == early_rival["status"] == "pending" and first["id"] != early_rival["id"]
    pending = api("{ pendingClaims { __typename ... on ClaimList { claims { id authorName } } } }", curator)
    assert {c["id"] for c in pending["pendingClaims"]["claims"]} >= {first["id"], early_rival["id"]}
    refused = api("{ pendingClaims { __typename } }", alice)["pendingClaims"]["__typename"]
    assert refused == "NotAuthorizedError"

    approved = api(APPROVE, curator, c=first["id"])["approveClaim"]
    assert approved["status"] == "verified" and approved["method"] == "curator"
    assert level(graph, "hopper") == "L2"
    # The rival's earlier pending claim cannot be approved on top: a conflict, nothing changes.
    clash = api(APPROVE, curator, c=early_rival["id"])["approveClaim"]
    assert clash["__typename"] == "ClaimConflictError" and clash["authorId"] == "hopper"
    # A new claim by someone else is refused outright and not recorded.
    carol = session(graph, "carol@example.org")
    assert api(CLAIM, carol, a="hopper")["claimAuthor"]["__typename"] == "ClaimConflictError"
    assert not graph.read("MATCH (:Account {email: 'carol@example.org'})-[:MADE_CLAIM]->(c) RETURN c")
    owners = graph.read("MATCH (acc:Account)-[:MADE_CLAIM]->(:Claim {status: 'verified'})-[:CLAIMS]->"
                        "(:Author {uid: 'hopper'}) RETURN acc.email AS e")
    assert owners == [{"e": "alice@example.org"}]
    rejected = api(REJECT, curator, c=early_rival["id"], r="Alice verified first; Bob's papers differ")["rejectClaim"]
    assert rejected["status"] == "rejected" and "Alice" in rejected["reason"]
    # The owner claiming again just gets the verified claim back.
    assert api(CLAIM, alice, a="hopper")["claimAuthor"]["id"] == first["id"]


def test_orcid_sign_in_verifies_a_claim_with_the_authors_orcid(graph, world, monkeypatch):
    api, client = world
    with OrcidStandIn("APP-PEERGRAPH", "s3cret-client") as orcid_server:
        monkeypatch.setenv("PEERGRAPH_ORCID_BASE_URL", orcid_server.base_url)
        monkeypatch.setenv("PEERGRAPH_ORCID_CLIENT_ID", "APP-PEERGRAPH")
        monkeypatch.setenv("PEERGRAPH_ORCID_CLIENT_SECRET", "s3cret-client")
        monkeypatch.setenv("PEERGRAPH_PUBLIC_URL", "http://testserver")
        josiah = session(graph, "josiah@example.org")
        start = api("""mutation { startOrcidClaim(authorId: "carberry") { __typename
                    ... on OrcidClaimStart { authorizeUrl claim { id status method } } } }""", josiah)
        start = start["startOrcidClaim"]
        assert start["claim"]["status"] == "pending" and start["authorizeUrl"].startswith(orcid_server.base_url)
        # The browser goes to ORCID, signs in, and is redirected back with a code.
        redirect = httpx.get(start["authorizeUrl"], follow_redirects=False)
        assert redirect.status_code == 302
        back = urlparse(redirect.headers["location"])
        assert back.path == "/accounts/orcid/callback"
        page = client.get(f"{back.path}?{back.query}")
        assert page.status_code == 200 and "Claim verified" in page.text
        claims = api("{ myClaims { ... on ClaimList { claims { id status method evidence { key value } } } } }", josiah)
        claim = claims["myClaims"]["claims"][0]
        assert claim["status"] == "verified" and claim["method"] == "orcid"
        assert {"key": "orcid_sign_in", "value": "0000-0002-1825-0097"} in claim["evidence"]
        assert level(graph, "carberry") == "L2"
        # The state is single-use: replaying the redirect changes nothing.
        replay = client.get(f"{back.path}?{back.query}")
        assert replay.status_code == 400 and "already" in replay.text

        # Signed in as someone else: the claim is rejected, with the reason.
        orcid_server.signed_in = ("0000-0002-9079-593X", "Someone Else")
        mallory = session(graph, "mallory@example.org")
        start = api('mutation { startOrcidClaim(authorId: "noorcid") { ... on OrcidClaimStart { authorizeUrl } } }',
                    mallory)["startOrcidClaim"]
        code_state = parse_qs(urlparse(httpx.get(start["authorizeUrl"]).headers["location"]).query)
        done = api("mutation($c: String!, $s: String!) { completeOrcidClaim(code: $c, state: $s) { %s } }"
                   .replace("%s", CLAIM_FIELDS), mallory, c=code_state["code"][0], s=code_state["state"][0])["completeOrcidClaim"]
        # The record has no ORCID: the sign-in is kept as evidence and a curator decides.
        assert done["status"] == "pending"
        assert {"key": "orcid_sign_in", "value": "0000-0002-9079-593X"} in done["evidence"]

        lovelace_claimant = session(graph, "not-ada@example.org")
        graph.write("MATCH (a:Author {uid: 'lovelace'}) SET a.orcid = '0000-0003-1415-9269'")
        start = api('mutation { startOrcidClaim(authorId: "lovelace") { ... on OrcidClaimStart { authorizeUrl } } }',
                    lovelace_claimant)["startOrcidClaim"]
        code_state = parse_qs(urlparse(httpx.get(start["authorizeUrl"]).headers["location"]).query)
        # Another account cannot finish someone else's sign-in.
        stolen = api("mutation($c: String!, $s: String!) { completeOrcidClaim(code: $c, state: $s) { __typename } }",
                     mallory, c=code_state["code"][0], s=code_state["state"][0])["completeOrcidClaim"]
        assert stolen["__typename"] == "NotAuthorizedError"
        mismatch = api("mutation($c: String!, $s: String!) { completeOrcidClaim(code: $c, state: $s) { %s } }"
                       .replace("%s", CLAIM_FIELDS), lovelace_claimant, c=code_state["code"][0],
                       s=code_state["state"][0])["completeOrcidClaim"]
        assert mismatch["status"] == "rejected" and "0000-0003-1415-9269" in mismatch["reason"]
        graph.write("MATCH (a:Author {uid: 'lovelace'}) REMOVE a.orcid")


class Inbox:
    def __init__(self):
        self.messages: list[email.message.Message] = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
        return "250 Message accepted for delivery"


def test_email_confirmation_at_an_institution_domain_verifies_a_claim(graph, world, monkeypatch):
    api, client = world
    inbox = Inbox()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        monkeypatch.setenv("PEERGRAPH_SMTP_HOST", "127.0.0.1")
        monkeypatch.setenv("PEERGRAPH_SMTP_PORT", str(port))
        monkeypatch.setenv("PEERGRAPH_SMTP_FROM", "PeerGraph <claims@peergraph.test>")
        monkeypatch.setenv("PEERGRAPH_PUBLIC_URL", "http://testserver")
        mail.confirmation_mails._events.clear()
        nora = session(graph, "nora@example.org")
        request = "mutation($a: ID!, $e: String!) { requestEmailClaim(authorId: $a, email: $e) { %s } }" .replace("%s", CLAIM_FIELDS)
        wrong = api(request, nora, a="noorcid", e="nora@gmail.com")["requestEmailClaim"]
        assert wrong["__typename"] == "InvalidInputError" and "brown.edu" in wrong["message"]
        assert inbox.messages == []
        sent = api(request, nora, a="noorcid", e="Nora@CS.Brown.edu")["requestEmailClaim"]
        assert sent["status"] == "pending" and sent["method"] == "email"
        assert len(inbox.messages) == 1 and inbox.messages[0]["To"] == "nora@cs.brown.edu"
        link = re.search(r"http://testserver(/accounts/confirm-email)#(token=\S+)", inbox.messages[0].get_content())
        assert link
        # Opening the link shows a button (the token stays in the fragment); a scanner's GET confirms nothing.
        form = client.get(link.group(1))
        assert form.status_code == 200 and "<form" in form.text and "location.hash" in form.text
        assert level(graph, "noorcid") != "L2"
        token = parse_qs(link.group(2))["token"][0]
        done = client.post("/accounts/confirm-email", data={"token": token})
        assert done.status_code == 200 and "Claim verified" in done.text, done.text
        assert level(graph, "noorcid") == "L2"
        assert client.post("/accounts/confirm-email", data={"token": token}).status_code == 400
        forged = client.post("/accounts/confirm-email", data={"token": token[:-3] + "AAA"})
        assert forged.status_code == 400 and "signature" in forged.text
    finally:
        controller.stop()


def test_two_verified_coauthors_vouching_make_l3(graph, world):
    api, _ = world
    curator = session(graph, "curator@example.org", role="curator")
    tokens = {}
    for uid in ("lovelace", "babbage"):
        tokens[uid] = session(graph, f"{uid}@example.org")
        claim = api(CLAIM, tokens[uid], a=uid)["claimAuthor"]
        assert api(APPROVE, curator, c=claim["id"])["approveClaim"]["status"] == "verified"
    vouch = "mutation($a: ID!) { vouch(authorId: $a) { __typename ... on VouchResult { vouches } } }"
    # Alice is hopper's verified claimant: the first test makes her so, and run alone this test does
    # (claiming again gives the owner her verified claim back).
    alice = session(graph, "alice@example.org")
    mine = api(CLAIM, alice, a="hopper")["claimAuthor"]
    if mine["status"] == "pending":
        assert api(APPROVE, curator, c=mine["id"])["approveClaim"]["status"] == "verified"
    assert level(graph, "hopper") == "L2"
    assert api(vouch, tokens["lovelace"], a="hopper")["vouch"]["vouches"] == 1
    assert level(graph, "hopper") == "L2"
    assert api(vouch, tokens["babbage"], a="hopper")["vouch"]["vouches"] == 2
    assert level(graph, "hopper") == "L3"
    # Not a co-author: refused. Vouching for yourself: refused.
    assert api(vouch, alice, a="stranger")["vouch"]["__typename"] == "NotAuthorizedError"
    assert api(vouch, alice, a="hopper")["vouch"]["__typename"] == "InvalidInputError"


def test_two_concurrent_approvals_verify_exactly_one_claim(graph, world):
    from concurrent.futures import ThreadPoolExecutor

    from peergraph.accounts import claims, identity
    from peergraph.accounts.errors import ClaimConflict

    graph.write("CREATE (:Author {uid: 'contested', name: 'Con Tested'})")
    racers = []
    for name in ("racer1", "racer2", "racer3"):
        session(graph, f"{name}@example.org")
        account = identity.log_in(graph, f"{name}@example.org", "correct horse battery").account
        racers.append(claims.claim_author(graph, account, "contested").uid)
    curator = identity.account_for_token(graph, session(graph, "curator@example.org", role="curator"))

    def approve(uid):
        try:
            return claims.approve(graph, curator, uid).status
        except ClaimConflict:
            return "conflict"

    with ThreadPoolExecutor(3) as pool:
        outcomes = sorted(pool.map(approve, racers))
    assert outcomes == ["conflict", "conflict", "verified"]
    verified = graph.read("MATCH (:Author {uid: 'contested'})<-[:CLAIMS]-(c:Claim {status: 'verified'}) RETURN c.uid AS u")
    assert len(verified) == 1

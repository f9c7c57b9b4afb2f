"""Follows, open-to-collaborate, invitations with the inbox and the per-sender limit, through the app."""

from __future__ import annotations

import time

import pytest
from accounts_api import Api, full_app
from accounts_world import build, session
from conftest import wipe
from starlette.testclient import TestClient

from peergraph.accounts import identity, network
from peergraph.accounts.errors import RateLimited

INVITE = """mutation($a: ID!, $m: String!) { inviteToCollaborate(authorId: $a, message: $m) { __typename
  ... on Invitation { id toAuthorName senderName senderAuthorName }
  ... on InvalidInputError { message } ... on NotAuthorizedError { message }
  ... on RateLimitedError { retryAfterSeconds } } }"""
INBOX = """{ inbox { __typename ... on InvitationList { invitations { message senderName senderAuthorName
  toAuthorId } } } }"""


def verify(graph, email: str, author: str) -> None:
    graph.write("""MATCH (acc:Account {email: $email}), (a:Author {uid: $author})
                   CREATE (acc)-[:MADE_CLAIM]->(:Claim {uid: 'c-' + $author, status: 'verified', method: 'curator',
                          created_at: 1.0})-[:CLAIMS]->(a)""", {"email": email, "author": author})


@pytest.fixture(scope="module")
def world(graph):
    wipe(graph)
    build(graph)
    tokens = {name: session(graph, f"{name}@example.org", name=name.title())
              for name in ("grace", "ada", "fan", "newcomer")}
    verify(graph, "grace@example.org", "hopper")
    verify(graph, "ada@example.org", "lovelace")
    with TestClient(full_app(graph)) as client:
        yield Api(client), tokens


def test_follow_and_unfollow_count_followers(world):
    api, t = world
    state = "query($a: ID!) { followState(authorId: $a) { ... on FollowResult { followers following } } }"
    assert api(state, a="babbage")["followState"] == {"followers": 0, "following": False}
    follow = "mutation($a: ID!) { follow(authorId: $a) { ... on FollowResult { followers following } } }"
    assert api(follow, t["fan"], a="babbage")["follow"] == {"followers": 1, "following": True}
    assert api(follow, t["fan"], a="babbage")["follow"]["followers"] == 1  # following twice is still once
    assert api(follow, t["grace"], a="babbage")["follow"]["followers"] == 2
    assert api(state, t["fan"], a="babbage")["followState"] == {"followers": 2, "following": True}
    unfollow = "mutation($a: ID!) { unfollow(authorId: $a) { ... on FollowResult { followers following } } }"
    assert api(unfollow, t["fan"], a="babbage")["unfollow"] == {"followers": 1, "following": False}
    missing = api("mutation { follow(authorId: \"nobody\") { __typename } }", t["fan"])
    assert missing["follow"]["__typename"] == "NotFoundError"


def test_only_the_verified_claimant_sets_open_to_collaborate(graph, world):
    api, t = world
    mutation = "mutation($o: Boolean!) { setOpenToCollaborate(authorId: \"hopper\", open: $o) { __typename } }"
    assert api(mutation, t["ada"], o=True)["setOpenToCollaborate"]["__typename"] == "NotAuthorizedError"
    assert api(mutation, t["grace"], o=True)["setOpenToCollaborate"]["__typename"] == "OpenToCollaborateResult"
    assert graph.read("MATCH (a:Author {uid: 'hopper'}) RETURN a.open_to_collaborate AS o")[0]["o"] is True


def test_invitations_go_from_verified_accounts_to_claimed_authors_and_land_in_the_inbox(world):
    api, t = world
    message = "Would you like to work on compilers for the Analytical Engine?"
    unverified = api(INVITE, t["newcomer"], a="hopper", m=message)["inviteToCollaborate"]
    assert unverified["__typename"] == "NotAuthorizedError" and "L2" in unverified["message"]
    unclaimed = api(INVITE, t["ada"], a="babbage", m=message)["inviteToCollaborate"]
    assert unclaimed["__typename"] == "InvalidInputError" and "not claimed" in unclaimed["message"]
    empty = api(INVITE, t["ada"], a="hopper", m="   ")["inviteToCollaborate"]
    assert empty["__typename"] == "InvalidInputError"
    sent = api(INVITE, t["ada"], a="hopper", m=message)["inviteToCollaborate"]
    assert sent["__typename"] == "Invitation" and sent["toAuthorName"] == "Grace Hopper"
    assert sent["senderAuthorName"] == "Ada Lovelace"
    inbox = api(INBOX, t["grace"])["inbox"]["invitations"]
    assert inbox == [{"message": message, "senderName": "Ada", "senderAuthorName": "Ada Lovelace",
                      "toAuthorId": "hopper"}]
    assert api(INBOX, t["ada"])["inbox"]["invitations"] == []
    assert api(INBOX)["inbox"]["__typename"] == "NotAuthorizedError"


def test_invitations_are_rate_limited_per_sender(graph, world):
    api, t = world
    ada = identity.account_for_token(graph, t["ada"])
    already = len(graph.read("MATCH (i:Invitation)-[:SENT_BY]->(:Account {email: 'ada@example.org'}) RETURN i"))
    for i in range(network.INVITES_PER_DAY - already):
        network.invite(graph, ada, "hopper", f"Follow-up number {i}")
    limited = api(INVITE, t["ada"], a="hopper", m="One more?")["inviteToCollaborate"]
    assert limited["__typename"] == "RateLimitedError" and 0 < limited["retryAfterSeconds"] <= 24 * 3600
    # A day later the window has moved on.
    tomorrow = time.time() + 24 * 3600 + 1
    assert network.invite(graph, ada, "hopper", "A new day", now=tomorrow).message == "A new day"
    with pytest.raises(RateLimited):
        for i in range(network.INVITES_PER_DAY):
            network.invite(graph, ada, "hopper", f"Flood {i}", now=tomorrow)

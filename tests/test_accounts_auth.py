"""Sign-up, log-in, log-out and bearer tokens through GraphQL, on the real store."""

from __future__ import annotations

import logging

import pytest
from accounts_api import Api, full_app
from conftest import wipe
from starlette.testclient import TestClient

from peergraph.accounts.identity import token_hash
from peergraph.accounts.ratelimit import reset_all

LOG_IN = """mutation($e: String!, $p: String!) { logIn(email: $e, password: $p) {
  __typename ... on AuthPayload { token expiresAt account { id email role } }
  ... on RateLimitedError { retryAfterSeconds } ... on LoginFailedError { message } } }"""
ME = "{ me { id email displayName role } }"


@pytest.fixture(scope="module")
def api(graph):
    wipe(graph)
    reset_all()
    with TestClient(full_app(graph)) as client:
        yield Api(client)


def test_sign_up_returns_a_working_token_stored_only_as_its_hash(api, graph):
    token = api.sign_up("Ada@Example.org", name="Ada Lovelace")
    me = api(ME, token)["me"]
    assert me["email"] == "ada@example.org" and me["displayName"] == "Ada Lovelace" and me["role"] == "user"
    stored = graph.read("MATCH (t:AccessToken) RETURN t.token_hash AS h")
    assert {r["h"] for r in stored} == {token_hash(token)}
    assert graph.read("MATCH (a:Account {email: 'ada@example.org'}) RETURN a.password_hash AS h")[0]["h"].startswith(
        "$argon2id$")


def test_sign_up_refuses_a_taken_email_and_a_short_password(api):
    taken = api('mutation { signUp(email: "ada@example.org", password: "another long one") { __typename } }')
    assert taken["signUp"]["__typename"] == "EmailTakenError"
    weak = api('mutation { signUp(email: "bob@example.org", password: "short") { __typename '
               '... on InvalidInputError { message } } }')
    assert weak["signUp"]["__typename"] == "InvalidInputError" and "10 characters" in weak["signUp"]["message"]


def test_log_in_and_log_out(api):
    data = api(LOG_IN, e="ada@example.org", p="correct horse battery")["logIn"]
    assert data["__typename"] == "AuthPayload" and data["account"]["email"] == "ada@example.org"
    token = data["token"]
    assert api(ME, token)["me"]["email"] == "ada@example.org"
    assert api("mutation { logOut { __typename ... on LogOutResult { ok } } }", token)["logOut"]["ok"] is True
    assert api(ME, token)["me"] is None
    assert api("mutation { logOut { __typename } }")["logOut"]["__typename"] == "NotAuthorizedError"


def test_anonymous_and_forged_tokens_are_nobody(api):
    assert api(ME)["me"] is None
    assert api(ME, "not-a-real-token")["me"] is None


def test_log_in_failures_are_rate_limited_and_secrets_stay_out_of_logs(api, caplog):
    api.sign_up("victim@example.org", password="the right password 42")
    caplog.set_level(logging.DEBUG)
    kinds = [api(LOG_IN, e="victim@example.org", p=f"guess number {i}")["logIn"]["__typename"] for i in range(6)]
    assert kinds == ["LoginFailedError"] * 5 + ["RateLimitedError"]
    # Even the right password is refused while the limit holds.
    blocked = api(LOG_IN, e="victim@example.org", p="the right password 42")["logIn"]
    assert blocked["__typename"] == "RateLimitedError" and blocked["retryAfterSeconds"] > 0
    reset_all()
    ok = api(LOG_IN, e="victim@example.org", p="the right password 42")["logIn"]
    assert ok["__typename"] == "AuthPayload"
    text = caplog.text
    assert "the right password 42" not in text and "guess number" not in text and ok["token"] not in text


def test_expired_tokens_stop_working(api, graph):
    from peergraph.accounts import identity

    account = identity.log_in(graph, "ada@example.org", "correct horse battery").account
    expired = identity.issue_token(graph, account, ttl_s=-1)
    assert identity.account_for_token(graph, expired.token) is None
    assert api(ME, expired.token)["me"] is None


def test_sign_ups_are_rate_limited_per_client(api):
    reset_all()
    kinds = [api('mutation($e: String!) { signUp(email: $e, password: "long enough password") { __typename } }',
                 e=f"crowd{i}@example.org")["signUp"]["__typename"] for i in range(11)]
    assert kinds == ["AuthPayload"] * 10 + ["RateLimitedError"]
    reset_all()

"""The operator commands: `peergraph accounts create --admin`, `peergraph claims list|approve|reject`,
`peergraph trust recompute|show`, against the session's real store."""

from __future__ import annotations

import json

import pytest
from accounts_world import build, session
from conftest import wipe
from typer.testing import CliRunner

from peergraph.accounts import identity
from peergraph.accounts.errors import ClaimConflict
from peergraph.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def world(graph):
    wipe(graph)
    build(graph)
    return graph


def test_create_an_admin_from_the_command_line(world):
    result = runner.invoke(app, ["accounts", "create", "root@example.org", "--admin", "--password-stdin"],
                           input="a very long admin password\n")
    assert result.exit_code == 0, result.output
    assert "created admin account root@example.org" in result.output
    assert "a very long admin password" not in result.output
    assert identity.log_in(world, "root@example.org", "a very long admin password").account.role == "admin"
    again = runner.invoke(app, ["accounts", "create", "root@example.org", "--password-stdin"], input="x" * 12 + "\n")
    assert isinstance(again.exception, identity.EmailTaken)
    promoted = runner.invoke(app, ["accounts", "role", "root@example.org", "curator"])
    assert promoted.exit_code == 0 and "now curator" in promoted.output


def test_list_approve_and_reject_claims(world):
    from peergraph.accounts import claims

    session(world, "first@example.org")
    session(world, "second@example.org")
    first = claims.claim_author(world, identity.log_in(world, "first@example.org", "correct horse battery").account,
                                "babbage")
    second = claims.claim_author(world, identity.log_in(world, "second@example.org", "correct horse battery").account,
                                 "babbage")
    listed = runner.invoke(app, ["claims", "list", "--json"])
    assert listed.exit_code == 0
    assert {c["claim"] for c in json.loads(listed.output)} == {first.uid, second.uid}
    approved = runner.invoke(app, ["claims", "approve", first.uid])
    assert approved.exit_code == 0 and "verified" in approved.output
    conflict = runner.invoke(app, ["claims", "approve", second.uid])
    assert isinstance(conflict.exception, ClaimConflict)
    rejected = runner.invoke(app, ["claims", "reject", second.uid, "--reason", "different person"])
    assert rejected.exit_code == 0 and "rejected (different person)" in rejected.output
    assert runner.invoke(app, ["claims", "list"]).output.strip() == "no pending claims"


def test_trust_recompute_and_show(world):
    result = runner.invoke(app, ["trust", "recompute", "--batch-size", "2"])
    assert result.exit_code == 0 and "recomputed 6 author(s)" in result.output
    shown = runner.invoke(app, ["trust", "show", "babbage"])
    assert shown.exit_code == 0
    assert "Verification L2" in shown.output and "claimed" in shown.output and "identity" in shown.output
    as_json = json.loads(runner.invoke(app, ["trust", "show", "babbage", "--json"]).output)
    assert as_json["verification_level"] == "L2" and len(as_json["components"]) == 5

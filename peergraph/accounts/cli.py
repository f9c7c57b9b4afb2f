"""`peergraph accounts ...` and `peergraph claims ...`: operator commands (they act with store access,
as the "cli" curator)."""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime

import typer

from peergraph.accounts import claims, identity
from peergraph.accounts.identity import AccountData
from peergraph.store.driver import connect
from peergraph.store.settings import load_settings

accounts_app = typer.Typer(help="Accounts: create administrators and curators, set roles.", no_args_is_help=True)
claims_app = typer.Typer(help="Author claims awaiting a curator: list, approve, reject.", no_args_is_help=True)

OPERATOR = AccountData(uid="cli", email="", display_name="command line", role="admin")


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    return typer.prompt("Password", hide_input=True, confirmation_prompt=True)


@accounts_app.command("create")
def create(
    email: str = typer.Argument(..., help="The account's e-mail (its log-in)."),
    admin: bool = typer.Option(False, "--admin", help="Give the account the admin role."),
    curator: bool = typer.Option(False, "--curator", help="Give the account the curator role."),
    name: str = typer.Option("", "--name", help="Display name."),
    password_stdin: bool = typer.Option(False, "--password-stdin", help="Read the password from standard input."),
) -> None:
    """Create an account (prompts for the password, which is never echoed or logged)."""
    role = "admin" if admin else "curator" if curator else "user"
    password = _password(password_stdin)
    with connect(load_settings()) as graph:
        account = identity.create_account(graph, email, password, name, role=role)
    typer.echo(f"created {account.role} account {account.email} ({account.uid})")


@accounts_app.command("role")
def role(email: str = typer.Argument(...), new_role: str = typer.Argument(..., metavar="ROLE",
                                                                           help="user, curator or admin")) -> None:
    """Change an account's role."""
    with connect(load_settings()) as graph:
        account = identity.set_role(graph, email, new_role)
    typer.echo(f"{account.email} is now {account.role}")


def _when(ts: float | None) -> str:
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%d %H:%M") if ts else ""


@claims_app.command("list")
def list_claims(
    limit: int = typer.Option(100, "--limit", help="At most this many."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Pending claims, oldest first, with their evidence."""
    with connect(load_settings()) as graph:
        pending = claims.pending(graph, limit)
    if as_json:
        typer.echo(json.dumps([{"claim": c.uid, "author": c.author_uid, "author_name": c.author_name,
                                "account": c.account_uid, "account_name": c.account_name, "method": c.method,
                                "evidence": c.evidence or {}, "created": _when(c.created_at)} for c in pending],
                              indent=2))
        return
    if not pending:
        typer.echo("no pending claims")
        return
    for c in pending:
        evidence = ", ".join(f"{k}={v}" for k, v in sorted((c.evidence or {}).items()))
        typer.echo(f"{c.uid}  {_when(c.created_at)}  {c.account_name} -> {c.author_name} ({c.author_uid})"
                   f"  [{c.method}]  {evidence}")


@claims_app.command("approve")
def approve(claim_id: str = typer.Argument(..., help="The claim's id, from `peergraph claims list`.")) -> None:
    """Verify a pending claim (refused if the author already has a verified claimant)."""
    with connect(load_settings()) as graph:
        claim = claims.approve(graph, OPERATOR, claim_id)
    typer.echo(f"{claim.uid}: verified; {claim.account_name} is the claimant of {claim.author_name}")


@claims_app.command("reject")
def reject(claim_id: str = typer.Argument(...),
           reason: str = typer.Option(..., "--reason", help="Why; shown to the claimant.")) -> None:
    """Reject a pending claim with a reason."""
    with connect(load_settings()) as graph:
        claim = claims.reject(graph, OPERATOR, claim_id, reason)
    typer.echo(f"{claim.uid}: rejected ({claim.reason})")

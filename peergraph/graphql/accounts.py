"""Accounts in the GraphQL API: `AccountQuery` (me, inbox, pending claims) and `Mutation`.

The schema composes `CoreQuery` with `AccountQuery` (strawberry merge_types) and uses `Mutation`
from here. Every mutation checks who is calling first (`peergraph.graphql.auth`) and returns a
union of its success type and expected-error types, so a client can tell "not allowed",
"conflict" or "rate-limited" apart without parsing messages; unexpected failures stay masked.
Secrets (passwords, tokens) are only ever inputs, except the token that logIn/signUp hand out once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Annotated, Any

import strawberry
from starlette.concurrency import run_in_threadpool

from peergraph.accounts import identity
from peergraph.accounts.errors import (
    BadInput,
    ClaimConflict,
    EmailTaken,
    Forbidden,
    LoginFailed,
    NotAuthenticated,
    NotFound,
    RateLimited,
)
from peergraph.graphql.auth import bearer_token, client_address, current_account, graph_of, request_of
from peergraph.graphql.auth import require_account as _require_account

log = logging.getLogger("peergraph.graphql.accounts")


def iso(ts: float | None) -> str | None:
    return datetime.fromtimestamp(ts, UTC).isoformat() if ts is not None else None


@strawberry.type(description="A PeerGraph account (the caller's own; e-mail is visible only to its owner).")
class Account:
    id: strawberry.ID
    display_name: str
    role: str
    email: str | None = None


@strawberry.type(description="A new session: send `Authorization: Bearer <token>` with later requests.")
class AuthPayload:
    token: str
    expires_at: str
    account: Account


@strawberry.type
class LogOutResult:
    ok: bool


@strawberry.type(description="The caller is anonymous or may not do this.")
class NotAuthorizedError:
    message: str


@strawberry.type(description="An argument is missing or malformed.")
class InvalidInputError:
    message: str


@strawberry.type(description="No entity with that id.")
class NotFoundError:
    message: str


@strawberry.type(description="Wrong e-mail or password (which one is not said).")
class LoginFailedError:
    message: str


@strawberry.type(description="An account with this e-mail exists.")
class EmailTakenError:
    message: str


@strawberry.type(description="Too many attempts; wait retryAfterSeconds.")
class RateLimitedError:
    message: str
    retry_after_seconds: int


@strawberry.type(description="Another account already holds the verified claim on this author: nothing changed.")
class ClaimConflictError:
    message: str
    author_id: strawberry.ID


ERROR_TYPES: dict[type, Callable[[Any], Any]] = {
    NotAuthenticated: lambda e: NotAuthorizedError(message=str(e)),
    Forbidden: lambda e: NotAuthorizedError(message=str(e)),
    BadInput: lambda e: InvalidInputError(message=str(e)),
    NotFound: lambda e: NotFoundError(message=str(e)),
    LoginFailed: lambda e: LoginFailedError(message=str(e)),
    EmailTaken: lambda e: EmailTakenError(message=str(e)),
    RateLimited: lambda e: RateLimitedError(message=str(e), retry_after_seconds=e.retry_after),
    ClaimConflict: lambda e: ClaimConflictError(message=str(e), author_id=strawberry.ID(e.author_id)),
}


def as_error(exc: Exception) -> Any:
    for kind, make in ERROR_TYPES.items():
        if isinstance(exc, kind):
            return make(exc)
    raise exc


async def call(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run a blocking service function off the event loop."""
    return await run_in_threadpool(fn, *args, **kwargs)


def account_type(data: identity.AccountData, own: bool = True) -> Account:
    return Account(id=strawberry.ID(data.uid), display_name=data.display_name, role=data.role,
                   email=data.email if own else None)


def auth_payload(session: identity.Session) -> AuthPayload:
    return AuthPayload(token=session.token, expires_at=iso(session.expires_at) or "",
                       account=account_type(session.account))


SignUpResult = Annotated[AuthPayload | InvalidInputError | EmailTakenError, strawberry.union("SignUpResult")]
LogInResult = Annotated[
    AuthPayload | LoginFailedError | RateLimitedError | InvalidInputError, strawberry.union("LogInResult")
]
LogOutOutcome = Annotated[LogOutResult | NotAuthorizedError, strawberry.union("LogOutOutcome")]


async def require_account(info: strawberry.Info) -> identity.AccountData:
    return await _require_account(info)


@strawberry.type
class AccountQuery:
    @strawberry.field(description="The calling account, or null when anonymous.")
    async def me(self, info: strawberry.Info) -> Account | None:
        account = await current_account(info)
        return account_type(account) if account else None


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Create an account and log in. Passwords need at least 10 characters.")
    async def sign_up(self, info: strawberry.Info, email: str, password: str,
                      display_name: str | None = None) -> SignUpResult:
        try:
            return auth_payload(await call(identity.sign_up, graph_of(info), email, password, display_name or ""))
        except (BadInput, EmailTaken) as exc:
            return as_error(exc)

    @strawberry.mutation(description="Log in; repeated failures are rate-limited per e-mail and client.")
    async def log_in(self, info: strawberry.Info, email: str, password: str) -> LogInResult:
        try:
            return auth_payload(await call(identity.log_in, graph_of(info), email, password, client_address(info)))
        except (LoginFailed, RateLimited, BadInput) as exc:
            return as_error(exc)

    @strawberry.mutation(description="Log out: the bearer token of this request stops working.")
    async def log_out(self, info: strawberry.Info) -> LogOutOutcome:
        try:
            await require_account(info)
        except NotAuthenticated as exc:
            return as_error(exc)
        token = bearer_token(request_of(info))
        assert token is not None
        return LogOutResult(ok=await call(identity.log_out, graph_of(info), token))

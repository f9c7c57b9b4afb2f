"""The GraphQL types of accounts, claims, follows and invitations, the expected-error types, and the
conversions from the services' dataclasses. Resolvers live in `peergraph.graphql.accounts`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Annotated, Any

import strawberry

from peergraph.accounts import claims, identity, mail, network, orcid
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


@strawberry.type(description="ORCID or the mail server could not be reached; nothing changed, try again.")
class ServiceUnavailableError:
    message: str


ERROR_TYPES: dict[type, Callable[[Any], Any]] = {
    NotAuthenticated: lambda e: NotAuthorizedError(message=str(e)),
    Forbidden: lambda e: NotAuthorizedError(message=str(e)),
    BadInput: lambda e: InvalidInputError(message=str(e)),
    NotFound: lambda e: NotFoundError(message=str(e)),
    LoginFailed: lambda e: LoginFailedError(message=str(e)),
    EmailTaken: lambda e: EmailTakenError(message=str(e)),
    RateLimited: lambda e: RateLimitedError(message=str(e), retry_after_seconds=e.retry_after),
    ClaimConflict: lambda e: ClaimConflictError(message=str(e), author_id=strawberry.ID(e.author_uid)),
    orcid.OrcidUnavailable: lambda e: ServiceUnavailableError(message=str(e)),
    mail.MailUnavailable: lambda e: ServiceUnavailableError(message=str(e)),
}
EXPECTED = tuple(ERROR_TYPES)


def as_error(exc: Exception) -> Any:
    for kind, make in ERROR_TYPES.items():
        if isinstance(exc, kind):
            return make(exc)
    raise exc


def account_type(data: identity.AccountData, own: bool = True) -> Account:
    return Account(id=strawberry.ID(data.uid), display_name=data.display_name, role=data.role,
                   email=data.email if own else None)


def auth_payload(session: identity.Session) -> AuthPayload:
    return AuthPayload(token=session.token, expires_at=iso(session.expires_at) or "",
                       account=account_type(session.account))


@strawberry.type(description="One piece of evidence stored with a claim.")
class ClaimEvidence:
    key: str
    value: str


@strawberry.type(description="An account's claim to be the person behind an author record.")
class Claim:
    id: strawberry.ID
    status: str
    method: str
    author_id: strawberry.ID
    author_name: str
    account_name: str
    evidence: list[ClaimEvidence]
    reason: str | None
    created_at: str | None
    decided_at: str | None


@strawberry.type
class ClaimList:
    claims: list[Claim]


@strawberry.type(description="Send the browser to authorizeUrl; ORCID redirects back to the callback.")
class OrcidClaimStart:
    claim: Claim
    authorize_url: str


@strawberry.type
class FollowResult:
    author_id: strawberry.ID
    followers: int
    following: bool


@strawberry.type
class OpenToCollaborateResult:
    author_id: strawberry.ID
    open_to_collaborate: bool


@strawberry.type(description="An invitation to collaborate, as its sender or recipient sees it.")
class Invitation:
    id: strawberry.ID
    message: str
    created_at: str
    to_author_id: strawberry.ID
    to_author_name: str
    sender_name: str
    sender_author_id: strawberry.ID | None
    sender_author_name: str | None


@strawberry.type
class InvitationList:
    invitations: list[Invitation]


@strawberry.type
class VouchResult:
    author_id: strawberry.ID
    vouches: int


def claim_type(c: claims.ClaimData) -> Claim:
    return Claim(
        id=strawberry.ID(c.uid), status=c.status, method=c.method, author_id=strawberry.ID(c.author_uid),
        author_name=c.author_name, account_name=c.account_name,
        evidence=[ClaimEvidence(key=k, value=str(v)) for k, v in sorted((c.evidence or {}).items())],
        reason=c.reason, created_at=iso(c.created_at), decided_at=iso(c.decided_at))


def invitation_type(i: network.InvitationData) -> Invitation:
    return Invitation(
        id=strawberry.ID(i.uid), message=i.message, created_at=iso(i.created_at) or "",
        to_author_id=strawberry.ID(i.to_author_uid), to_author_name=i.to_author_name or "",
        sender_name=i.sender_name or "",
        sender_author_id=strawberry.ID(i.sender_author_uid) if i.sender_author_uid else None,
        sender_author_name=i.sender_author_name)


def follow_type(f: network.FollowState) -> FollowResult:
    return FollowResult(author_id=strawberry.ID(f.author_uid), followers=f.followers, following=f.following)


Errors = NotAuthorizedError | NotFoundError | InvalidInputError
SignUpResult = Annotated[
    AuthPayload | InvalidInputError | EmailTakenError | RateLimitedError, strawberry.union("SignUpResult")
]
LogInResult = Annotated[
    AuthPayload | LoginFailedError | RateLimitedError | InvalidInputError, strawberry.union("LogInResult")
]
LogOutOutcome = Annotated[LogOutResult | NotAuthorizedError, strawberry.union("LogOutOutcome")]
ClaimResult = Annotated[
    Claim | ClaimConflictError | RateLimitedError | ServiceUnavailableError | Errors, strawberry.union("ClaimResult")
]
OrcidStartResult = Annotated[
    OrcidClaimStart | ClaimConflictError | Errors, strawberry.union("OrcidStartResult")
]
ClaimListResult = Annotated[ClaimList | NotAuthorizedError, strawberry.union("ClaimListResult")]
InboxResult = Annotated[InvitationList | NotAuthorizedError, strawberry.union("InboxResult")]
FollowOutcome = Annotated[FollowResult | Errors, strawberry.union("FollowOutcome")]
OpenToCollaborateOutcome = Annotated[OpenToCollaborateResult | Errors, strawberry.union("OpenToCollaborateOutcome")]
InviteResult = Annotated[Invitation | RateLimitedError | Errors, strawberry.union("InviteResult")]
VouchOutcome = Annotated[VouchResult | Errors, strawberry.union("VouchOutcome")]

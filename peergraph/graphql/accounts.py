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


async def call(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run a blocking service function off the event loop."""
    return await run_in_threadpool(fn, *args, **kwargs)


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


async def require_account(info: strawberry.Info) -> identity.AccountData:
    return await _require_account(info)


async def author_uid(info: strawberry.Info, raw: strawberry.ID) -> str:
    """The uid of the author named by any id form the API accepts (uid, ORCID, OpenAlex id).

    Uses the request's entity loader when the composed schema provides one; an unknown id comes back
    unchanged, and the service then answers NotFound.
    """
    loaders = getattr(info.context, "loaders", None)
    if loaders is not None and "author" in getattr(loaders, "entity", {}):
        row = await loaders.entity["author"].load(str(raw))
        if row:
            return str(row["uid"])
    return str(raw)


async def as_account(info: strawberry.Info, fn: Callable[..., Any], *args: Any,
                     wrap: Callable[[Any], Any] = lambda x: x) -> Any:
    """Run `fn(graph, account, *args)` for the calling account; expected failures become error types."""
    try:
        account = await require_account(info)
        return wrap(await call(fn, graph_of(info), account, *args))
    except EXPECTED as exc:
        return as_error(exc)


async def _inbox(info: strawberry.Info, limit: int) -> Any:
    return await as_account(info, network.inbox, limit,
                            wrap=lambda xs: InvitationList(invitations=[invitation_type(i) for i in xs]))


@strawberry.type
class AccountQuery:
    @strawberry.field(description="The calling account, or null when anonymous.")
    async def me(self, info: strawberry.Info) -> Account | None:
        account = await current_account(info)
        return account_type(account) if account else None

    @strawberry.field(description="The calling account's claims, newest first.")
    async def my_claims(self, info: strawberry.Info) -> ClaimListResult:
        return await as_account(info, lambda g, a: claims.of_account(g, a.uid),
                                wrap=lambda cs: ClaimList(claims=[claim_type(c) for c in cs]))

    @strawberry.field(description="Invitations to the authors the caller has verified, newest first.")
    async def inbox(self, info: strawberry.Info, limit: int = 50) -> InboxResult:
        return await _inbox(info, limit)

    @strawberry.field(description="Same as inbox.")
    async def my_inbox(self, info: strawberry.Info, limit: int = 50) -> InboxResult:
        return await _inbox(info, limit)

    @strawberry.field(description="Claims awaiting a decision, oldest first (curators and admins).")
    async def pending_claims(self, info: strawberry.Info, limit: int = 100) -> ClaimListResult:
        def run(graph: Any, account: identity.AccountData) -> list[claims.ClaimData]:
            if not account.is_curator:
                raise Forbidden("pending claims are for curators")
            return claims.pending(graph, limit)

        return await as_account(info, run, wrap=lambda cs: ClaimList(claims=[claim_type(c) for c in cs]))

    @strawberry.field(description="An author's follower count and whether the caller follows it.")
    async def follow_state(self, info: strawberry.Info, author_id: strawberry.ID) -> FollowOutcome:
        try:
            account = await current_account(info)
            return follow_type(await call(network.follow_state, graph_of(info), await author_uid(info, author_id), account))
        except EXPECTED as exc:
            return as_error(exc)


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Create an account and log in. Passwords need at least 10 characters.")
    async def sign_up(self, info: strawberry.Info, email: str, password: str,
                      display_name: str | None = None) -> SignUpResult:
        try:
            return auth_payload(await call(identity.sign_up, graph_of(info), email, password, display_name or "",
                                           client_address(info)))
        except (BadInput, EmailTaken, RateLimited) as exc:
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

    @strawberry.mutation(description="Claim an author record; a curator decides. Conflict if already claimed.")
    async def claim_author(self, info: strawberry.Info, author_id: strawberry.ID) -> ClaimResult:
        return await as_account(info, claims.claim_author, await author_uid(info, author_id), wrap=claim_type)

    @strawberry.mutation(description="Claim an author by ORCID sign-in: returns the URL to send the browser to.")
    async def start_orcid_claim(self, info: strawberry.Info, author_id: strawberry.ID) -> OrcidStartResult:
        return await as_account(info, orcid.start_orcid_claim, await author_uid(info, author_id),
                                wrap=lambda r: OrcidClaimStart(claim=claim_type(r[0]), authorize_url=r[1]))

    @strawberry.mutation(description="Finish an ORCID claim with the code and state ORCID redirected back with.")
    async def complete_orcid_claim(self, info: strawberry.Info, code: str, state: str) -> ClaimResult:
        return await as_account(info, lambda g, a: orcid.complete_orcid_claim(g, code, state, account=a),
                                wrap=claim_type)

    @strawberry.mutation(description="Claim an author by e-mail at one of its institutions' domains: a link is sent.")
    async def request_email_claim(self, info: strawberry.Info, author_id: strawberry.ID, email: str) -> ClaimResult:
        return await as_account(info, mail.request_email_claim, await author_uid(info, author_id), email, wrap=claim_type)

    @strawberry.mutation(description="Confirm an e-mail claim with the token from the link (the link is the proof).")
    async def confirm_email_claim(self, info: strawberry.Info, token: str) -> ClaimResult:
        try:
            return claim_type(await call(mail.confirm_email_claim, graph_of(info), token))
        except EXPECTED as exc:
            return as_error(exc)

    @strawberry.mutation(description="Verify a pending claim (curators and admins).")
    async def approve_claim(self, info: strawberry.Info, claim_id: strawberry.ID) -> ClaimResult:
        return await as_account(info, claims.approve, str(claim_id), wrap=claim_type)

    @strawberry.mutation(description="Reject a pending claim with a reason (curators and admins).")
    async def reject_claim(self, info: strawberry.Info, claim_id: strawberry.ID, reason: str) -> ClaimResult:
        return await as_account(info, claims.reject, str(claim_id), reason, wrap=claim_type)

    @strawberry.mutation(description="Follow an author.")
    async def follow(self, info: strawberry.Info, author_id: strawberry.ID) -> FollowOutcome:
        return await as_account(info, network.follow, await author_uid(info, author_id), wrap=follow_type)

    @strawberry.mutation(description="Stop following an author.")
    async def unfollow(self, info: strawberry.Info, author_id: strawberry.ID) -> FollowOutcome:
        return await as_account(info, network.unfollow, await author_uid(info, author_id), wrap=follow_type)

    @strawberry.mutation(description="Say whether the author is open to collaborate (its verified claimant only).")
    async def set_open_to_collaborate(self, info: strawberry.Info, author_id: strawberry.ID,
                                      open: bool) -> OpenToCollaborateOutcome:
        return await as_account(
            info, network.set_open_to_collaborate, await author_uid(info, author_id), open,
            wrap=lambda v: OpenToCollaborateResult(author_id=author_id, open_to_collaborate=v))

    @strawberry.mutation(description="Invite a claimed author to collaborate (needs your own verified claim, L2+).")
    async def invite_to_collaborate(self, info: strawberry.Info, author_id: strawberry.ID,
                                    message: str) -> InviteResult:
        return await as_account(info, network.invite, await author_uid(info, author_id), message, wrap=invitation_type)

    @strawberry.mutation(description="Vouch for a co-author of your verified author (two vouches make L3).")
    async def vouch(self, info: strawberry.Info, author_id: strawberry.ID) -> VouchOutcome:
        return await as_account(info, network.vouch, await author_uid(info, author_id),
                                wrap=lambda n: VouchResult(author_id=author_id, vouches=n))

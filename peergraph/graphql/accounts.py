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
from typing import Any

import strawberry
from starlette.concurrency import run_in_threadpool

from peergraph.accounts import claims, identity, mail, network, orcid
from peergraph.accounts.errors import (
    BadInput,
    EmailTaken,
    Forbidden,
    LoginFailed,
    NotAuthenticated,
    RateLimited,
)
from peergraph.graphql.account_types import (
    EXPECTED,
    Account,
    ClaimConflictError,
    ClaimList,
    ClaimListResult,
    ClaimResult,
    FollowOutcome,
    InboxResult,
    InvalidInputError,
    InvitationList,
    InviteResult,
    LogInResult,
    LogOutOutcome,
    LogOutResult,
    NotAuthorizedError,
    NotFoundError,
    OpenToCollaborateOutcome,
    OpenToCollaborateResult,
    OrcidClaimStart,
    OrcidStartResult,
    RateLimitedError,
    ServiceUnavailableError,
    SignUpResult,
    VouchOutcome,
    VouchResult,
    account_type,
    as_error,
    auth_payload,
    claim_type,
    follow_type,
    invitation_type,
)
from peergraph.graphql.auth import bearer_token, client_address, current_account, graph_of, request_of
from peergraph.graphql.auth import require_account as _require_account

log = logging.getLogger("peergraph.graphql.accounts")

# The error types are shared with the other roots of the API (peergraph.graphql.analysis imports them from here).
__all__ = ["AccountQuery", "ClaimConflictError", "InvalidInputError", "Mutation", "NotAuthorizedError",
           "NotFoundError", "RateLimitedError", "ServiceUnavailableError"]


async def call(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run a blocking service function off the event loop."""
    return await run_in_threadpool(fn, *args, **kwargs)




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

"""Expected failures of account operations; the GraphQL layer turns each into a schema error type."""

from __future__ import annotations

from peergraph.errors import BadInput, NotFound, PeerGraphError

__all__ = [
    "BadInput", "ClaimConflict", "EmailTaken", "Forbidden", "LoginFailed", "NotAuthenticated", "NotFound",
    "RateLimited",
]


class NotAuthenticated(PeerGraphError):
    """No valid bearer token came with the request."""


class Forbidden(PeerGraphError):
    """The account is known but may not do this."""


class LoginFailed(PeerGraphError):
    """Wrong e-mail or password (deliberately not saying which)."""


class EmailTaken(PeerGraphError):
    """An account with this e-mail already exists."""


class RateLimited(PeerGraphError):
    """Too many attempts; `retry_after` says how many seconds to wait."""

    def __init__(self, message: str, retry_after: int):
        super().__init__(message)
        self.retry_after = retry_after


class ClaimConflict(PeerGraphError):
    """Another account already holds the verified claim on this author."""

    def __init__(self, message: str, author_uid: str):
        super().__init__(message)
        self.author_uid = author_uid

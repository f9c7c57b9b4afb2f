"""The one root exception type. Every message says what went wrong and what to do next."""


class PeerGraphError(Exception):
    """Base of every error PeerGraph raises on purpose."""


class StoreUnavailable(PeerGraphError):
    """The graph store cannot be reached (down, wrong URI, refused connection)."""


class StoreAuthError(PeerGraphError):
    """The graph store refused the credentials."""


class EmbeddedStoreError(PeerGraphError):
    """The embedded ArcadeDB server could not be started or managed."""


class NotFound(PeerGraphError):
    """An entity asked for by id does not exist."""


class BadInput(PeerGraphError):
    """A value supplied by a user or a source is malformed."""

"""People using PeerGraph: accounts, their tokens, claims of author records, invitations."""

from neomodel import (
    BooleanProperty,
    DateTimeProperty,
    RelationshipTo,
    StringProperty,
    StructuredNode,
    UniqueIdProperty,
)

from peergraph.schema.nodes import Author

ROLES = ("user", "curator", "admin")
CLAIM_STATES = ("pending", "verified", "rejected")


class Account(StructuredNode):
    uid = UniqueIdProperty()
    email = StringProperty(required=True, unique_index=True)
    display_name = StringProperty()
    password_hash = StringProperty(required=True)  # argon2id; the password itself is never stored
    role = StringProperty(default="user", choices={r: r for r in ROLES})
    created_at = DateTimeProperty(default_now=True)
    disabled = BooleanProperty(default=False)

    follows = RelationshipTo(Author, "FOLLOWS")
    claims = RelationshipTo("Claim", "MADE_CLAIM")
    tokens = RelationshipTo("AccessToken", "HAS_TOKEN")
    # A verified (L2+) account vouching that a co-author is who the record says (counts toward L3).
    vouches = RelationshipTo(Author, "VOUCHED_FOR")


class AccessToken(StructuredNode):
    """An opaque bearer token, stored only as its SHA-256 hash."""

    uid = UniqueIdProperty()
    token_hash = StringProperty(required=True, unique_index=True)
    created_at = DateTimeProperty(default_now=True)
    expires_at = DateTimeProperty(required=True)


class Claim(StructuredNode):
    """An account's claim to be the person behind an Author record."""

    uid = UniqueIdProperty()
    status = StringProperty(default="pending", choices={s: s for s in CLAIM_STATES})
    method = StringProperty()  # "orcid", "email", "curator"
    evidence = StringProperty()
    created_at = DateTimeProperty(default_now=True)
    decided_at = DateTimeProperty()
    decided_by = StringProperty()  # uid of the curator/admin account, or "orcid"/"email" for self-service
    reason = StringProperty()  # why a claim was rejected
    nonce_hash = StringProperty()  # SHA-256 of the pending single-use link/OAuth-state nonce; cleared on use

    author = RelationshipTo(Author, "CLAIMS")


class Invitation(StructuredNode):
    uid = UniqueIdProperty()
    message = StringProperty(required=True)
    created_at = DateTimeProperty(default_now=True)

    sender = RelationshipTo(Account, "SENT_BY")
    to_author = RelationshipTo(Author, "INVITES")

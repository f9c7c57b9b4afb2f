"""The graph's schema as neomodel classes: the source of truth for labels, properties and relationships.

neomodel is used for schema-level code and small, one-row operations (accounts, claims). Bulk
writes (ingest) and API reads use hand-written Cypher from `cypher/` instead, because neomodel
turns both into one query per row.
"""

from peergraph.schema.accounts import AccessToken, Account, Claim, Invitation
from peergraph.schema.nodes import (
    Author,
    Institution,
    MergeDecision,
    Paper,
    SourceRecord,
    Topic,
    Venue,
)
from peergraph.schema.relationships import (
    Affiliation,
    Authorship,
    DerivedFrom,
    TopicAssignment,
)

ALL_NODE_CLASSES = (
    Paper, Author, Topic, Institution, Venue, SourceRecord, MergeDecision,
    Account, AccessToken, Claim, Invitation,
)
ENTITY_LABELS = ("Paper", "Author", "Topic", "Institution", "Venue")

__all__ = [
    "ALL_NODE_CLASSES", "ENTITY_LABELS", "Account", "AccessToken", "Affiliation", "Author", "Authorship",
    "Claim", "DerivedFrom", "Institution", "Invitation", "MergeDecision", "Paper", "SourceRecord", "Topic",
    "TopicAssignment", "Venue",
]

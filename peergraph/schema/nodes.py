"""Research entities and provenance. Every node has a stable `uid`.

Identifiers are stored normalized: `doi` lower-case without resolver prefix, `arxiv_id` without
version (the version is `arxiv_version`), `openalex_id` like "W2741809807", `orcid` like
"0000-0002-1825-0097", `ror` like "https://ror.org/00f54p054" reduced to "00f54p054".
The `*_key` properties are normalized forms used for lookup and blocking.
"""

from neomodel import (
    ArrayProperty,
    BooleanProperty,
    DateTimeProperty,
    FloatProperty,
    IntegerProperty,
    JSONProperty,
    RelationshipFrom,
    RelationshipTo,
    StringProperty,
    StructuredNode,
    UniqueIdProperty,
)

from peergraph.schema.relationships import Affiliation, Authorship, DerivedFrom, TopicAssignment


class SourceRecord(StructuredNode):
    """One ingested raw record: where it came from and a hash of its payload."""

    uid = UniqueIdProperty()
    source = StringProperty(required=True, index=True)  # source name, e.g. "arxiv", "openalex", "pages:000"
    record_id = StringProperty(required=True)  # the record's id in that source
    payload_hash = StringProperty(required=True)
    fetched_at = DateTimeProperty(default_now=True)
    payload = StringProperty()  # the raw record as JSON text (bounded in size by the parser)


class Venue(StructuredNode):
    uid = UniqueIdProperty()
    name = StringProperty(required=True)
    name_key = StringProperty(index=True)
    kind = StringProperty()  # "conference", "journal", "repository"
    derived_from = RelationshipTo(SourceRecord, "DERIVED_FROM", model=DerivedFrom)


class Topic(StructuredNode):
    uid = UniqueIdProperty()
    label = StringProperty(required=True)
    label_key = StringProperty(index=True)
    scheme = StringProperty()  # "arxiv", "openalex", "keyword"
    code = StringProperty()  # e.g. "cs.CV"


class Institution(StructuredNode):
    uid = UniqueIdProperty()
    name = StringProperty(required=True)
    name_key = StringProperty(index=True)
    ror = StringProperty(unique_index=True)
    country = StringProperty()
    domains = ArrayProperty(StringProperty())  # e-mail domains, used to verify claims by e-mail
    derived_from = RelationshipTo(SourceRecord, "DERIVED_FROM", model=DerivedFrom)


class Paper(StructuredNode):
    uid = UniqueIdProperty()
    title = StringProperty()
    title_key = StringProperty(index=True)
    # Blocking keys (peergraph.ingest.block): first, last and longest title words, the three pairs of
    # those; abstract start.
    title_head_key = StringProperty(index=True)
    title_tail_key = StringProperty(index=True)
    title_long_key = StringProperty(index=True)
    title_head_tail_key = StringProperty(index=True)
    title_head_long_key = StringProperty(index=True)
    title_tail_long_key = StringProperty(index=True)
    abstract_key = StringProperty(index=True)
    abstract = StringProperty()
    year = IntegerProperty(index=True)
    date = StringProperty()  # ISO date, as precise as the source gives it
    type = StringProperty()  # "preprint", "journal", "conference", "other"
    doi = StringProperty(unique_index=True)
    arxiv_id = StringProperty(unique_index=True)
    arxiv_version = IntegerProperty()
    openalex_id = StringProperty(unique_index=True)
    keywords = ArrayProperty(StringProperty())
    comment = StringProperty()

    published_in = RelationshipTo(Venue, "PUBLISHED_IN")
    topics = RelationshipTo(Topic, "HAS_TOPIC", model=TopicAssignment)
    cites = RelationshipTo("Paper", "CITES")
    version_of = RelationshipTo("Paper", "VERSION_OF")  # preprint -> published version
    authors = RelationshipFrom("Author", "AUTHORED", model=Authorship)
    derived_from = RelationshipTo(SourceRecord, "DERIVED_FROM", model=DerivedFrom)


class Author(StructuredNode):
    uid = UniqueIdProperty()
    name = StringProperty(required=True)
    given = StringProperty()
    family = StringProperty()
    initials = StringProperty()
    name_key = StringProperty(index=True)  # ascii lower "family|first-initial", the blocking key
    name_variants = ArrayProperty(StringProperty())
    # "family|first-given" of the fullest name, or the block when only initials are known: a spelled-out
    # mention is looked up by it, since two different spelled-out given names never merge.
    full_key = StringProperty(index=True)
    # Ingest's matching context, newest first and capped (see cypher/ingest/author_candidates.cypher):
    # kept on the node so a batch looks its candidates up without walking every paper they wrote.
    context_coauthors = ArrayProperty(StringProperty())
    context_topics = ArrayProperty(StringProperty())
    context_venues = ArrayProperty(StringProperty())
    context_affiliations = ArrayProperty(StringProperty())
    context_listings = ArrayProperty(StringProperty())
    context_titles = ArrayProperty(StringProperty())
    # uids of authors an undone author bridge split this one from: ingest never bridges them again.
    split_from = ArrayProperty(StringProperty())
    orcid = StringProperty(unique_index=True)
    openalex_id = StringProperty(unique_index=True)
    headline = StringProperty()
    open_to_collaborate = BooleanProperty(default=False)
    # Trust figures, written by `peergraph trust recompute` (see docs/trust.md).
    verification_level = StringProperty(default="L0")
    trust_score = IntegerProperty()
    trust_band = StringProperty()
    trust_components = JSONProperty()
    trust_formula_version = StringProperty()
    trust_computed_at = DateTimeProperty()
    collab_trust = FloatProperty()

    papers = RelationshipTo(Paper, "AUTHORED", model=Authorship)
    institutions = RelationshipTo(Institution, "AFFILIATED_WITH", model=Affiliation)
    derived_from = RelationshipTo(SourceRecord, "DERIVED_FROM", model=DerivedFrom)


class MergeDecision(StructuredNode):
    """Why two records became one entity: kept so `peergraph merges show|undo` can explain and split."""

    uid = UniqueIdProperty()
    kind = StringProperty(required=True)  # "paper", "author", "author-bridge", "institution", "version"
    score = FloatProperty()
    method = StringProperty()
    reasons = ArrayProperty(StringProperty())
    entity_uid = StringProperty(index=True)  # the entity the record (or mention) was merged into
    target_uid = StringProperty()  # for "version": the published paper
    source_record_uid = StringProperty()  # the SourceRecord whose merge this decision records
    position = IntegerProperty()  # for "author": the mention's position in that record
    snapshot = StringProperty()  # JSON of what the record contributed, so `merges undo` can rebuild it
    created_at = DateTimeProperty(default_now=True)
    undone = BooleanProperty(default=False)
    undone_at = FloatProperty()  # epoch seconds, written by `peergraph merges undo`

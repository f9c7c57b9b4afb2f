"""Relationship property models."""

from neomodel import ArrayProperty, FloatProperty, IntegerProperty, StringProperty, StructuredRel


class Authorship(StructuredRel):
    """(Author)-[:AUTHORED]->(Paper): `position` is 0-based author order; `confidence` 0..1 and
    `method` (e.g. "orcid", "exact-name", "name+coauthors") say how sure the attribution is."""

    position = IntegerProperty(required=True)
    confidence = FloatProperty(default=1.0)
    method = StringProperty(default="imported")
    raw_name = StringProperty()
    source_records = ArrayProperty(StringProperty())  # uids of the SourceRecords asserting this edge


class TopicAssignment(StructuredRel):
    """(Paper)-[:HAS_TOPIC]->(Topic): `source` is "arxiv-category", "keyword", "openalex" or "keyphrase"."""

    score = FloatProperty(default=1.0)
    # neomodel reserves the attribute name `source`; the property in the graph is still `source`.
    origin = StringProperty(required=True, db_property="source")
    source_records = ArrayProperty(StringProperty())  # uids of the SourceRecords asserting this edge


class Affiliation(StructuredRel):
    """(Author)-[:AFFILIATED_WITH]->(Institution): `status` is "inferred", "asserted" or "verified"."""

    origin = StringProperty(required=True, db_property="source")
    year = IntegerProperty()
    status = StringProperty(default="inferred", choices={s: s for s in ("inferred", "asserted", "verified")})


class DerivedFrom(StructuredRel):
    """(entity)-[:DERIVED_FROM]->(SourceRecord): which raw record an entity was built from."""

    role = StringProperty()  # e.g. "paper", "author#2", "venue"

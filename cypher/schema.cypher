// PeerGraph's constraints and indexes. Applied by `peergraph db migrate`; every statement is
// `IF NOT EXISTS`, so running it twice is a no-op on Neo4j 5 and on the embedded store.
// Uniqueness constraints also give each property an index used by MERGE and lookups.

CREATE CONSTRAINT paper_uid IF NOT EXISTS FOR (n:Paper) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT paper_doi IF NOT EXISTS FOR (n:Paper) REQUIRE n.doi IS UNIQUE;
CREATE CONSTRAINT paper_arxiv_id IF NOT EXISTS FOR (n:Paper) REQUIRE n.arxiv_id IS UNIQUE;
CREATE CONSTRAINT paper_openalex_id IF NOT EXISTS FOR (n:Paper) REQUIRE n.openalex_id IS UNIQUE;
CREATE CONSTRAINT author_uid IF NOT EXISTS FOR (n:Author) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT author_orcid IF NOT EXISTS FOR (n:Author) REQUIRE n.orcid IS UNIQUE;
CREATE CONSTRAINT author_openalex_id IF NOT EXISTS FOR (n:Author) REQUIRE n.openalex_id IS UNIQUE;
CREATE CONSTRAINT topic_uid IF NOT EXISTS FOR (n:Topic) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT institution_uid IF NOT EXISTS FOR (n:Institution) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT institution_ror IF NOT EXISTS FOR (n:Institution) REQUIRE n.ror IS UNIQUE;
CREATE CONSTRAINT venue_uid IF NOT EXISTS FOR (n:Venue) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT source_record_uid IF NOT EXISTS FOR (n:SourceRecord) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT account_uid IF NOT EXISTS FOR (n:Account) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT account_email IF NOT EXISTS FOR (n:Account) REQUIRE n.email IS UNIQUE;
CREATE CONSTRAINT access_token_hash IF NOT EXISTS FOR (n:AccessToken) REQUIRE n.token_hash IS UNIQUE;
CREATE CONSTRAINT claim_uid IF NOT EXISTS FOR (n:Claim) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT invitation_uid IF NOT EXISTS FOR (n:Invitation) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT merge_decision_uid IF NOT EXISTS FOR (n:MergeDecision) REQUIRE n.uid IS UNIQUE;
CREATE INDEX paper_year IF NOT EXISTS FOR (n:Paper) ON (n.year);
CREATE INDEX paper_title_key IF NOT EXISTS FOR (n:Paper) ON (n.title_key);
CREATE INDEX paper_title_head_key IF NOT EXISTS FOR (n:Paper) ON (n.title_head_key);
CREATE INDEX paper_title_tail_key IF NOT EXISTS FOR (n:Paper) ON (n.title_tail_key);
CREATE INDEX paper_title_long_key IF NOT EXISTS FOR (n:Paper) ON (n.title_long_key);
CREATE INDEX paper_title_head_tail_key IF NOT EXISTS FOR (n:Paper) ON (n.title_head_tail_key);
CREATE INDEX paper_title_head_long_key IF NOT EXISTS FOR (n:Paper) ON (n.title_head_long_key);
CREATE INDEX paper_title_tail_long_key IF NOT EXISTS FOR (n:Paper) ON (n.title_tail_long_key);
CREATE INDEX paper_abstract_key IF NOT EXISTS FOR (n:Paper) ON (n.abstract_key);
CREATE INDEX merge_decision_entity IF NOT EXISTS FOR (n:MergeDecision) ON (n.entity_uid);
CREATE INDEX author_name_key IF NOT EXISTS FOR (n:Author) ON (n.name_key);
CREATE INDEX author_full_key IF NOT EXISTS FOR (n:Author) ON (n.full_key);
CREATE INDEX topic_label_key IF NOT EXISTS FOR (n:Topic) ON (n.label_key);
CREATE INDEX institution_name_key IF NOT EXISTS FOR (n:Institution) ON (n.name_key);
CREATE INDEX venue_name_key IF NOT EXISTS FOR (n:Venue) ON (n.name_key);
CREATE INDEX source_record_key IF NOT EXISTS FOR (n:SourceRecord) ON (n.source, n.record_id)

// Purpose: Stored authors who could be the people named in a batch, with the context author matching
//   weighs. A spelled-out mention ("Wei Wang") can only be an author of that full name or one known by
//   initials alone, so it is looked up by full key; an initials mention ("W. Wang") needs its whole block.
// Parameters:
//   $full_keys (list<string>): "family|first-given" keys of spelled-out mentions, plus their blocks
//     (an author known only by initials has its block as full key).
//   $name_keys (list<string>): "family|first-initial" blocks of initials-only mentions.
//   $orcids (list<string>): normalized ORCIDs.
//   $openalex_ids (list<string>): OpenAlex author ids.
// Returns: columns (list<string>), rows (list<list>: rows, each in the order of columns), a thousand rows to
//   a record (Graph.read_table); the columns are uid (string), name (string), given (string), family (string),
//   variants (list<string>), orcid (string), openalex_id (string), coauthors (list<string>), topics (list<string>),
//   venues (list<string>), affiliations (list<string>), listings (list<string>),
//   titles (list<string>: its papers' titles, as match_authors.subject_key keeps them or, computed here, as
//   title keys), full_key (string),
//   name_key (string),
//   context_stored (boolean: the context comes from the node, not computed here),
//   titles_stored (boolean: the titles come from the node; an author written before ingest kept them has
//   the rest of its context stored, not these),
//   claimed (boolean: someone claims this author or it is verified above L0; ingest never bridges it),
//   split_from (list<string>: authors an undone bridge split it from; never bridged with it again)
// Ingest keeps each author's context on the node (newest first, capped), so this is one index lookup
// per key; an author without it (written before ingest kept it, or split by `merges undo`) gets it
// computed from the graph here, capped the same way (topics: those a source assigned, as
// topics.matching_keys keeps them).
// Mode: read
CALL {
  UNWIND $full_keys AS k MATCH (a:Author {full_key: k}) RETURN a
  UNION UNWIND $name_keys AS k MATCH (a:Author {name_key: k}) RETURN a
  UNION UNWIND $orcids AS k MATCH (a:Author {orcid: k}) RETURN a
  UNION UNWIND $openalex_ids AS k MATCH (a:Author {openalex_id: k}) RETURN a
}
WITH DISTINCT a
WITH collect([a.uid, a.name, a.given, a.family,
  coalesce(a.name_variants, []), a.orcid, a.openalex_id,
  CASE WHEN a.context_coauthors IS NULL
    THEN apoc.coll.toSet([(a)-[:AUTHORED]->(:Paper)<-[:AUTHORED]-(c:Author) WHERE c.uid <> a.uid | c.name_key])[..100]
    ELSE a.context_coauthors END,
  CASE WHEN a.context_topics IS NULL
    THEN apoc.coll.toSet([(a)-[:AUTHORED]->(:Paper)-[h:HAS_TOPIC]->(t:Topic) WHERE h.source <> 'keyphrase' | t.label_key])[..50]
    ELSE a.context_topics END,
  CASE WHEN a.context_venues IS NULL
    THEN apoc.coll.toSet([(a)-[:AUTHORED]->(:Paper)-[:PUBLISHED_IN]->(v:Venue) | v.name_key])[..20]
    ELSE a.context_venues END,
  CASE WHEN a.context_affiliations IS NULL
    THEN apoc.coll.toSet([(a)-[:AFFILIATED_WITH]->(i:Institution) | coalesce(i.ror, i.name_key)])[..20]
    ELSE a.context_affiliations END,
  coalesce(a.context_listings, []),
  CASE WHEN a.context_titles IS NULL
    THEN apoc.coll.toSet([(a)-[:AUTHORED]->(p:Paper) WHERE p.title_key IS NOT NULL | p.title_key])[..10]
    ELSE a.context_titles END,
  a.full_key, a.name_key,
  a.context_coauthors IS NOT NULL, a.context_titles IS NOT NULL,
  (coalesce(a.verification_level, 'L0') <> 'L0' OR EXISTS { (:Claim)-[:CLAIMS]->(a) }),
  coalesce(a.split_from, [])]) AS table
// A thousand rows to a record: see "Packed answers" in cypher/README.md.
UNWIND range(0, size(table) - 1, 1000) AS start
RETURN ['uid', 'name', 'given', 'family', 'variants', 'orcid', 'openalex_id', 'coauthors', 'topics', 'venues',
    'affiliations', 'listings', 'titles', 'full_key', 'name_key', 'context_stored', 'titles_stored', 'claimed',
    'split_from'] AS columns, table[start..start + 1000] AS rows

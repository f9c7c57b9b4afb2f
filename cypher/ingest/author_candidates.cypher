// Purpose: Stored authors who could be the people named in a batch: same blocking name key, ORCID or
//   OpenAlex id, each with the context author matching weighs (co-authors, topics, venues, affiliations).
// Parameters:
//   $name_keys (list<string>): "family|first-initial" keys.
//   $orcids (list<string>): normalized ORCIDs.
//   $openalex_ids (list<string>): OpenAlex author ids.
//   $paper_uids (list<string>): the batch's papers (an author already on one of them is strong evidence).
// Returns: uid (string), name (string), given (string), family (string), variants (list<string>),
//   orcid (string), openalex_id (string), coauthors (list<string>), topics (list<string>),
//   venues (list<string>), affiliations (list<string>), listings (list<string>), papers (list<string>)
// Context lists are distinct and capped: a prolific author's context stays small per batch.
// Mode: read
CALL {
  UNWIND $name_keys AS k MATCH (a:Author {name_key: k}) RETURN a
  UNION UNWIND $orcids AS k MATCH (a:Author {orcid: k}) RETURN a
  UNION UNWIND $openalex_ids AS k MATCH (a:Author {openalex_id: k}) RETURN a
}
RETURN DISTINCT a.uid AS uid, a.name AS name, a.given AS given, a.family AS family,
  coalesce(a.name_variants, []) AS variants, a.orcid AS orcid, a.openalex_id AS openalex_id,
  apoc.coll.toSet([(a)-[:AUTHORED]->(:Paper)<-[:AUTHORED]-(c:Author) WHERE c.uid <> a.uid | c.name_key])[..100]
    AS coauthors,
  apoc.coll.toSet([(a)-[:AUTHORED]->(:Paper)-[:HAS_TOPIC]->(t:Topic) | t.label_key])[..50] AS topics,
  apoc.coll.toSet([(a)-[:AUTHORED]->(:Paper)-[:PUBLISHED_IN]->(v:Venue) | v.name_key])[..20] AS venues,
  apoc.coll.toSet([(a)-[:AFFILIATED_WITH]->(i:Institution) | coalesce(i.ror, i.name_key)])[..20] AS affiliations,
  apoc.coll.toSet([(a)-[:DERIVED_FROM]->(s:SourceRecord) | s.source])[..20] AS listings,
  [(a)-[:AUTHORED]->(p) WHERE p.uid IN $paper_uids | p.uid] AS papers

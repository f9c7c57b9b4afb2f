// Purpose: Stored authors who could be the people named in a batch: same blocking name key, ORCID or
//   OpenAlex id, each with the context author matching weighs (co-authors, topics, venues, affiliations).
// Parameters:
//   $name_keys (list<map>): {key: "family|first-initial", givens: first given names (lower case) the
//     batch's mentions spell out under that key}. Per key at most $per_key authors are read: those whose
//     first given name is one of `givens` first, then the most prolific; this bounds a batch's
//     candidates however many namesakes the graph has gathered.
//   $per_key (int): cap of authors per name key.
//   $orcids (list<string>): normalized ORCIDs.
//   $openalex_ids (list<string>): OpenAlex author ids.
//   $paper_uids (list<string>): the batch's papers (an author already on one of them is strong evidence).
// Returns: uid (string), name (string), given (string), family (string), variants (list<string>),
//   orcid (string), openalex_id (string), coauthors (list<string>), topics (list<string>),
//   venues (list<string>), affiliations (list<string>), listings (list<string>), papers (list<string>)
// Context lists are distinct and capped: a prolific author's context stays small per batch.
// Mode: read
CALL {
  UNWIND $name_keys AS k
  CALL {
    WITH k
    MATCH (a:Author {name_key: k.key})
    WITH a, CASE WHEN toLower(split(coalesce(a.given, ''), ' ')[0]) IN k.givens THEN 1 ELSE 0 END AS same,
         COUNT { (a)-[:AUTHORED]->() } AS n
    RETURN a ORDER BY same DESC, n DESC LIMIT $per_key
  }
  RETURN a
  UNION UNWIND $paper_uids AS u MATCH (:Paper {uid: u})<-[:AUTHORED]-(a:Author) RETURN a
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

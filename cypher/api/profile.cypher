// Purpose: Everything the researcher page shows about one author, in one round trip: the author,
//   the best affiliation and its status, counts of works, followers and topics, whether a verified
//   claim exists, the stored trust figures, and the number of close collaborators (the same
//   definition as close_collaborator_counts.cypher and peergraph.network.collaboration.is_close).
// Parameters:
//   $id (string, required): the author's uid, ORCID or OpenAlex id (normalized).
//   $hyper_authors (int, required), $half_life (float, required), $unknown_recency (float, required),
//   $close_min_shared (int, required), $close_min_weight (float, required): collaboration.cypher_params().
// Returns: node (map), affiliation (string), affiliation_status (string), works (int), followers (int),
//   topics (int), claimed (bool), trust (map), close_collaborators (int). No row when no author has that id.
// Mode: read
OPTIONAL MATCH (x:Author {uid: $id})
OPTIONAL MATCH (y:Author {orcid: $id})
OPTIONAL MATCH (z:Author {openalex_id: $id})
WITH coalesce(x, y, z) AS a
WHERE a IS NOT NULL
CALL {
  WITH a
  CALL { WITH a MATCH (a)-[:AUTHORED]->(q:Paper) RETURN max(q.year) AS ref }
  OPTIONAL MATCH (a)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(c:Author)
  WHERE c <> a AND NOT EXISTS { (p)-[:VERSION_OF]->(:Paper) }
  WITH c, p, ref, COUNT { (p)<-[:AUTHORED]-(:Author) } AS n
  WITH c, count(p) AS shared, sum(CASE WHEN n < 2 THEN 0.0 ELSE (1.0 / (n - 1))
           * (CASE WHEN n > $hyper_authors THEN toFloat($hyper_authors) / n ELSE 1.0 END)
           * (CASE WHEN p.year IS NULL OR ref IS NULL THEN $unknown_recency
                   ELSE 0.5 ^ ((CASE WHEN ref - p.year > 0 THEN ref - p.year ELSE 0 END) / $half_life) END) END) AS weight
  RETURN count(CASE WHEN c IS NOT NULL AND shared >= $close_min_shared AND weight >= $close_min_weight THEN 1 END) AS close_n
}
OPTIONAL MATCH (a)-[r:AFFILIATED_WITH]->(i:Institution)
WITH a, close_n, r, i ORDER BY CASE r.status WHEN 'verified' THEN 0 WHEN 'asserted' THEN 1 ELSE 2 END, r.year DESC, i.uid
WITH a, close_n, head(collect(CASE WHEN i IS NULL THEN null ELSE [i.name, coalesce(r.status, 'inferred')] END)) AS aff
RETURN a {.uid, .name, .given, .family, .orcid, .openalex_id, .name_variants, .headline, .open_to_collaborate} AS node,
  aff[0] AS affiliation, coalesce(aff[1], 'not imported') AS affiliation_status,
  COUNT { (a)-[:AUTHORED]->(:Paper) } AS works,
  COUNT { (:Account)-[:FOLLOWS]->(a) } AS followers,
  COUNT { MATCH (a)-[:AUTHORED]->(:Paper)-[:HAS_TOPIC]->(t:Topic) RETURN DISTINCT t } AS topics,
  EXISTS { (:Claim {status: 'verified'})-[:CLAIMS]->(a) } AS claimed,
  a {.verification_level, .trust_score, .trust_band, .trust_components, .trust_formula_version,
     .trust_computed_at} AS trust, close_n AS close_collaborators

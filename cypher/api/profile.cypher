// Purpose: Everything the researcher page shows about one author, in one round trip: the author,
//   the best affiliation and its status, counts of works, followers and topics, whether a verified
//   claim exists, and the stored trust figures. (Close collaborators: close_collaborator_counts.)
// Parameters:
//   $uid (string, required): the author's uid.
// Returns: node (map), affiliation (string), affiliation_status (string), works (int), followers (int),
//   topics (int), claimed (bool), trust (map)
// Mode: read
MATCH (a:Author {uid: $uid})
OPTIONAL MATCH (a)-[r:AFFILIATED_WITH]->(i:Institution)
WITH a, r, i ORDER BY CASE r.status WHEN 'verified' THEN 0 WHEN 'asserted' THEN 1 ELSE 2 END, r.year DESC, i.uid
WITH a, head(collect(CASE WHEN i IS NULL THEN null ELSE [i.name, coalesce(r.status, 'inferred')] END)) AS aff
RETURN a {.uid, .name, .given, .family, .orcid, .openalex_id, .name_variants, .headline, .open_to_collaborate} AS node,
  aff[0] AS affiliation, coalesce(aff[1], 'not imported') AS affiliation_status,
  COUNT { (a)-[:AUTHORED]->(:Paper) } AS works,
  COUNT { (:Account)-[:FOLLOWS]->(a) } AS followers,
  COUNT { MATCH (a)-[:AUTHORED]->(:Paper)-[:HAS_TOPIC]->(t:Topic) RETURN DISTINCT t } AS topics,
  EXISTS { (:Claim {status: 'verified'})-[:CLAIMS]->(a) } AS claimed,
  a {.verification_level, .trust_score, .trust_band, .trust_components, .trust_formula_version,
     .trust_computed_at} AS trust

// Purpose: Each paper's venue and its other versions (preprint <-> published, both directions).
// Parameters:
//   $keys (list<string>, required): paper uids.
// Returns: uid (string), venue (map), versions (list<map>)
// Mode: read
UNWIND $keys AS k
MATCH (q:Paper {uid: k})
OPTIONAL MATCH (q)-[:PUBLISHED_IN]->(v:Venue)
WITH k, q, head(collect(v {.uid, .name, .kind})) AS venue
RETURN k AS uid, venue,
  [(q)-[:VERSION_OF]-(p:Paper) | p {.uid, .title, .year, .date, .type, .abstract, .doi, .arxiv_id, .arxiv_version, .openalex_id}] AS versions

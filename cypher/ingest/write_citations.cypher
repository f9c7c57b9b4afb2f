// Purpose: CITES edges from a batch's papers to cited works already in the graph, found by identifier
//   (a cited work ingested later is linked when a record citing it is ingested again or updated).
// Parameters:
//   $rows (list<map>): {paper, doi, arxiv_id, openalex_id} (one identifier set per row).
// Returns: written (int)
// Mode: write
UNWIND $rows AS r
MATCH (p:Paper {uid: r.paper})
CALL {
  WITH r
  MATCH (t:Paper {doi: r.doi}) RETURN t
  UNION
  WITH r
  MATCH (t:Paper {arxiv_id: r.arxiv_id}) RETURN t
  UNION
  WITH r
  MATCH (t:Paper {openalex_id: r.openalex_id}) RETURN t
}
WITH p, t
WHERE t.uid <> p.uid
MERGE (p)-[:CITES]->(t)
RETURN count(*) AS written

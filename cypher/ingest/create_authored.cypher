// Purpose: AUTHORED edges onto Papers this batch creates (from records never read before), so none
//   can exist yet: created without MERGE's walk over the author's edges (ingest/fresh_edges.py).
// Parameters:
//   $rows (list<map>): {author, paper, position, confidence, method, raw_name, records}.
// Returns: written (int)
// Mode: write
UNWIND $rows AS r
MATCH (a:Author {uid: r.author})
MATCH (p:Paper {uid: r.paper})
CREATE (a)-[:AUTHORED {position: r.position, confidence: r.confidence, method: r.method, raw_name: r.raw_name,
                       source_records: r.records}]->(p)
RETURN count(*) AS written

// Purpose: PUBLISHED_IN edges from stored papers (or papers made from records read before), merged.
//   The Venues exist, each deriving from the SourceRecord that first named it: write_venue_nodes runs
//   first; edges from new papers are create_venue_edges.
// Parameters:
//   $rows (list<map>): {uid (the venue), paper}.
// Returns: written (int)
// Mode: write
UNWIND $rows AS r
MATCH (v:Venue {uid: r.uid})
MATCH (p:Paper {uid: r.paper})
MERGE (p)-[:PUBLISHED_IN]->(v)
RETURN count(*) AS written

// Purpose: PUBLISHED_IN edges from Papers this batch creates (from records never read before), so none
//   can exist yet: created without MERGE's walk (ingest/fresh_edges.py). The Venues exist:
//   write_venue_nodes runs first.
// Parameters:
//   $rows (list<map>): {uid (the venue), paper, records}, one per (paper, venue).
// Returns: written (int)
// Mode: write
UNWIND $rows AS r
MATCH (p:Paper {uid: r.paper})
MATCH (v:Venue {uid: r.uid})
CREATE (p)-[:PUBLISHED_IN]->(v)
RETURN count(*) AS written

// Purpose: Link Institutions to SourceRecords this batch creates (so no such edge can exist yet): created
//   without MERGE's walk over a large institution's edges (ingest/fresh_edges.py).
// Parameters:
//   $rows (list<map>): {uid, record}, each pair once.
// Returns: written (int)
// Mode: write
UNWIND $rows AS r
MATCH (i:Institution {uid: r.uid})
MATCH (s:SourceRecord {uid: r.record})
CREATE (i)-[:DERIVED_FROM {role: 'institution'}]->(s)
RETURN count(*) AS written

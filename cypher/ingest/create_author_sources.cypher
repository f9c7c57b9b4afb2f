// Purpose: Link Authors to SourceRecords this batch creates (so no such edge can exist yet): created
//   without MERGE's walk over a prolific author's edges (ingest/fresh_edges.py).
// Parameters:
//   $rows (list<map>): {uid, mentions: list of {record, role}}.
// Returns: written (int)
// Mode: write
UNWIND $rows AS r
MATCH (a:Author {uid: r.uid})
WITH a, r
UNWIND r.mentions AS m
MATCH (s:SourceRecord {uid: m.record})
CREATE (a)-[:DERIVED_FROM {role: m.role}]->(s)
RETURN count(*) AS written

// Purpose: Venues (one per normalized name) with PUBLISHED_IN from their papers and DERIVED_FROM.
// Parameters:
//   $rows (list<map>): {uid, name, name_key, kind, paper, record}.
// Returns: written (int)
// Mode: write
UNWIND $rows AS r
MERGE (v:Venue {uid: r.uid})
ON CREATE SET v.name = r.name, v.name_key = r.name_key, v.kind = r.kind
WITH v, r
MATCH (p:Paper {uid: r.paper})
MATCH (s:SourceRecord {uid: r.record})
MERGE (p)-[:PUBLISHED_IN]->(v)
MERGE (v)-[:DERIVED_FROM {role: 'venue'}]->(s)
RETURN count(*) AS written

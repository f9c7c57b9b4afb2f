// Purpose: Venues (one per normalized name) with PUBLISHED_IN from their papers. A venue derives from
//   the SourceRecord that first named it (a venue named by thousands of records would otherwise become
//   a supernode of DERIVED_FROM edges); each paper's own DERIVED_FROM says which records named it.
// Parameters:
//   $rows (list<map>): {uid, name, name_key, kind, paper, record}.
// Returns: written (int)
// Mode: write
UNWIND $rows AS r
MERGE (v:Venue {uid: r.uid})
ON CREATE SET v.name = r.name, v.name_key = r.name_key, v.kind = r.kind
WITH v, r
MATCH (p:Paper {uid: r.paper})
MERGE (p)-[:PUBLISHED_IN]->(v)
WITH v, r
WHERE NOT EXISTS { (v)-[:DERIVED_FROM]->(:SourceRecord) }
MATCH (s:SourceRecord {uid: r.record})
MERGE (v)-[:DERIVED_FROM {role: 'venue'}]->(s)
RETURN count(*) AS written

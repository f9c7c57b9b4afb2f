// Purpose: The Venues a batch names (one per normalized name), each once, before the PUBLISHED_IN edges
//   (create_venue_edges, write_venues). A venue derives from the SourceRecord that first named it (a
//   venue named by thousands of records would otherwise become a supernode of DERIVED_FROM edges); each
//   paper's own DERIVED_FROM says which records named it.
// Parameters:
//   $rows (list<map>): {uid, name, name_key, kind, record}, one per venue (the record: the batch's first
//     naming it).
// Returns: written (int)
// Mode: write
UNWIND $rows AS r
MERGE (v:Venue {uid: r.uid})
ON CREATE SET v.name = r.name, v.name_key = r.name_key, v.kind = r.kind
WITH v, r
WHERE NOT EXISTS { (v)-[:DERIVED_FROM]->(:SourceRecord) }
MATCH (s:SourceRecord {uid: r.record})
MERGE (v)-[:DERIVED_FROM {role: 'venue'}]->(s)
RETURN count(*) AS written

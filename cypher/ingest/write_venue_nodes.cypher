// Purpose: The Venues a batch names (one per normalized name), each once, before the PUBLISHED_IN edges
//   onto the batch's new papers are created (create_venue_edges). A venue derives from the SourceRecord
//   that first named it, as in write_venues.
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

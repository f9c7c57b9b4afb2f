// Purpose: Link Authors to the SourceRecords of a batch that mention them, where the record was read
//   before (its payload changed), so the link may exist already.
// Parameters:
//   $rows (list<map>): {uid, mentions: list of {record, role}}.
// Returns: written (int)
// Mode: write
UNWIND $rows AS r
MATCH (a:Author {uid: r.uid})
WITH a, r
UNWIND r.mentions AS m
MATCH (s:SourceRecord {uid: m.record})
MERGE (a)-[:DERIVED_FROM {role: m.role}]->(s)
RETURN count(*) AS written

// Purpose: Link stored Authors whose properties a batch leaves as they are to the SourceRecords of
//   the batch that mention them.
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

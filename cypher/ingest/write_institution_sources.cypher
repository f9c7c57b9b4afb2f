// Purpose: Link Institutions to the SourceRecords of a batch that were read before (their payload
//   changed), so the link may exist already.
// Parameters:
//   $rows (list<map>): {uid, record}.
// Returns: written (int)
// Mode: write
UNWIND $rows AS r
MATCH (i:Institution {uid: r.uid})
MATCH (s:SourceRecord {uid: r.record})
MERGE (i)-[:DERIVED_FROM {role: 'institution'}]->(s)
RETURN count(*) AS written

// Purpose: Which of a batch's SourceRecords are already in the graph (the ingest checkpoint), with their
//   payload hashes: a record already there with the same hash was fully written by an earlier batch.
// Parameters:
//   $uids (list<string>): SourceRecord uids.
// Returns: columns (list<string>), rows (list<list>: rows, each in the order of columns), a thousand rows to
//   a record (Graph.read_table); the columns are uid (string), payload_hash (string)
// Mode: read
UNWIND $uids AS u
MATCH (s:SourceRecord {uid: u})
WITH collect([s.uid, s.payload_hash]) AS table
// A thousand rows to a record: see "Packed answers" in cypher/README.md.
UNWIND range(0, size(table) - 1, 1000) AS start
RETURN ['uid', 'payload_hash'] AS columns, table[start..start + 1000] AS rows

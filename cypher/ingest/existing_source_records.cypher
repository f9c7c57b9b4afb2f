// Purpose: Which of a batch's SourceRecords are already in the graph (the ingest checkpoint), with their
//   payload hashes: a record already there with the same hash was fully written by an earlier batch.
// Parameters:
//   $uids (list<string>): SourceRecord uids.
// Returns: columns (list<string>), rows (list<list>: one per row, in the order of columns), packed into
//   one record (Graph.read_table); the columns are uid (string), payload_hash (string)
// Mode: read
UNWIND $uids AS u
MATCH (s:SourceRecord {uid: u})
RETURN ['uid', 'payload_hash'] AS columns, collect([s.uid, s.payload_hash]) AS rows

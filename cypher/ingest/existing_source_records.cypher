// Purpose: Which of a batch's SourceRecords are already in the graph (the ingest checkpoint), with their
//   payload hashes: a record already there with the same hash was fully written by an earlier batch.
// Parameters:
//   $uids (list<string>): SourceRecord uids.
// Returns: uid (string), payload_hash (string)
// Mode: read
UNWIND $uids AS u
MATCH (s:SourceRecord {uid: u})
RETURN s.uid AS uid, s.payload_hash AS payload_hash

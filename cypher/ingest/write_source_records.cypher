// Purpose: Create or update the SourceRecords of a batch (one per raw record).
// Parameters:
//   $rows (list<map>): {uid, source, record_id, payload_hash, payload, fetched_at}.
// Returns: written (int)
// Mode: write
UNWIND $rows AS r
MERGE (s:SourceRecord {uid: r.uid})
SET s.source = r.source, s.record_id = r.record_id, s.payload_hash = r.payload_hash, s.payload = r.payload,
    s.fetched_at = coalesce(s.fetched_at, r.fetched_at)
RETURN count(*) AS written

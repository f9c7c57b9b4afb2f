// Purpose: Create the SourceRecords of a batch that the graph has never held (the batch's checkpoint
//   lookup found none of them), without MERGE's index lookup of what cannot be there
//   (ingest/fresh_edges.py). Records read before are write_source_records.
// Parameters:
//   $rows (list<map>): {uid, source, record_id, payload_hash, payload, fetched_at}.
// Returns: written (int)
// Mode: write
UNWIND $rows AS r
CREATE (s:SourceRecord {uid: r.uid})
SET s.source = r.source, s.record_id = r.record_id, s.payload_hash = r.payload_hash, s.payload = r.payload,
    s.fetched_at = r.fetched_at
RETURN count(*) AS written

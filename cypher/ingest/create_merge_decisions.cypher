// Purpose: MergeDecisions about records never read before (a paper's record joining it, an author
//   mention's attribution): their uids hash the record, so none can exist yet, and they are created
//   without MERGE's lookup. Decisions that do not name a fresh record go through write_merge_decisions.
// Parameters:
//   $rows (list<map>): {uid, kind, score, method, reasons, entity_uid, target_uid, source_record_uid,
//     position, snapshot, created_at}.
// Returns: written (int)
// Mode: write
UNWIND $rows AS r
CREATE (m:MergeDecision {uid: r.uid})
SET m.kind = r.kind, m.score = r.score, m.method = r.method, m.reasons = r.reasons,
    m.entity_uid = r.entity_uid, m.target_uid = r.target_uid,
    m.source_record_uid = r.source_record_uid, m.position = r.position, m.snapshot = r.snapshot,
    m.created_at = r.created_at, m.undone = false
RETURN count(*) AS written

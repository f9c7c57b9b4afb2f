// Purpose: The MergeDecisions about an entity (it absorbed a record or mention, or is one end of a
//   VERSION_OF), or the one decision with that uid.
// Parameters:
//   $uid (string): an entity uid or a MergeDecision uid.
// Returns: uid (string), kind (string), score (float), method (string), reasons (list<string>),
//   entity_uid (string), target_uid (string), source_record_uid (string), record_id (string),
//   source (string), position (int), snapshot (string), undone (bool)
// Mode: read
MATCH (m:MergeDecision)
WHERE m.uid = $uid OR m.entity_uid = $uid OR m.target_uid = $uid
OPTIONAL MATCH (s:SourceRecord {uid: m.source_record_uid})
RETURN m.uid AS uid, m.kind AS kind, m.score AS score, m.method AS method, m.reasons AS reasons,
  m.entity_uid AS entity_uid, m.target_uid AS target_uid, m.source_record_uid AS source_record_uid,
  s.record_id AS record_id, s.source AS source, m.position AS position, m.snapshot AS snapshot,
  coalesce(m.undone, false) AS undone
ORDER BY m.created_at, m.uid

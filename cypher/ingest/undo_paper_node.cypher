// Purpose: Undo a paper merge, step 1: recreate the record's own Paper and move the record's
//   DERIVED_FROM to it.
// Parameters:
//   $entity_uid (string): the paper the record was merged into.
//   $new_uid (string): the uid of the paper the record becomes again.
//   $props (map): the record's own paper properties (from the decision's snapshot).
//   $record_uid (string): the SourceRecord.
// Returns: uid (string)
// Mode: write
MATCH (p:Paper {uid: $entity_uid})
MATCH (s:SourceRecord {uid: $record_uid})
MERGE (q:Paper {uid: $new_uid})
SET q += $props
WITH p, q, s
OPTIONAL MATCH (p)-[d:DERIVED_FROM]->(s)
DELETE d
MERGE (q)-[:DERIVED_FROM {role: 'paper'}]->(s)
RETURN q.uid AS uid

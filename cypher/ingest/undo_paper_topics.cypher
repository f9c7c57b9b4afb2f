// Purpose: Undo a paper merge, step 3: HAS_TOPIC edges the record asserted move to the record's own paper.
// Parameters:
//   $entity_uid (string): the merged paper.
//   $new_uid (string): the record's own paper.
//   $record_uid (string): the SourceRecord.
// Returns: moved (int)
// Mode: write
MATCH (p:Paper {uid: $entity_uid})-[e:HAS_TOPIC]->(t:Topic)
WHERE $record_uid IN e.source_records
MATCH (q:Paper {uid: $new_uid})
MERGE (q)-[f:HAS_TOPIC]->(t)
SET f.score = e.score, f.source = e.source, f.source_records = [$record_uid]
SET e.source_records = [x IN e.source_records WHERE x <> $record_uid]
WITH e
WHERE size(e.source_records) = 0
DELETE e
RETURN count(*) AS moved

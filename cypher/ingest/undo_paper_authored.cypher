// Purpose: Undo a paper merge, step 2: AUTHORED edges the record asserted move to the record's own paper;
//   an edge no other record asserts is removed from the merged paper.
// Parameters:
//   $entity_uid (string): the merged paper.
//   $new_uid (string): the record's own paper.
//   $record_uid (string): the SourceRecord.
// Returns: moved (int)
// Mode: write
MATCH (a:Author)-[e:AUTHORED]->(p:Paper {uid: $entity_uid})
WHERE $record_uid IN e.source_records
MATCH (q:Paper {uid: $new_uid})
MERGE (a)-[f:AUTHORED]->(q)
SET f.position = e.position, f.confidence = e.confidence, f.method = e.method, f.raw_name = e.raw_name,
    f.source_records = [$record_uid]
SET e.source_records = [x IN e.source_records WHERE x <> $record_uid]
WITH e
WHERE size(e.source_records) = 0
DELETE e
RETURN count(*) AS moved

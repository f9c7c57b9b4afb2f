// Purpose: Undo a paper merge, step 4: venues named by the record move to the record's own paper (the
//   merged paper keeps a venue that another of its records also names).
// Parameters:
//   $entity_uid (string): the merged paper.
//   $new_uid (string): the record's own paper.
//   $record_uid (string): the SourceRecord.
// Returns: moved (int)
// Mode: write
MATCH (p:Paper {uid: $entity_uid})-[e:PUBLISHED_IN]->(v:Venue)-[:DERIVED_FROM]->(:SourceRecord {uid: $record_uid})
MATCH (q:Paper {uid: $new_uid})
MERGE (q)-[:PUBLISHED_IN]->(v)
WITH p, e, v, [(p)-[:DERIVED_FROM]->(o:SourceRecord)<-[:DERIVED_FROM]-(v) WHERE o.uid <> $record_uid | o.uid] AS others
WHERE size(others) = 0
DELETE e
RETURN count(*) AS moved

// Purpose: Topics (one per canonical label key) and HAS_TOPIC edges keeping score, source and the
//   asserting SourceRecords.
// Parameters:
//   $rows (list<map>): {uid, label, label_key, scheme, code, paper, score, source, record}.
// Returns: written (int)
// Mode: write
UNWIND $rows AS r
MERGE (t:Topic {uid: r.uid})
ON CREATE SET t.label = r.label, t.label_key = r.label_key, t.scheme = r.scheme, t.code = r.code
WITH t, r
MATCH (p:Paper {uid: r.paper})
MERGE (p)-[e:HAS_TOPIC]->(t)
ON CREATE SET e.score = r.score, e.source = r.source, e.source_records = [r.record]
ON MATCH SET e.source_records = CASE WHEN r.record IN e.source_records THEN e.source_records
                                     ELSE e.source_records + [r.record] END
RETURN count(*) AS written

// Purpose: AUTHORED edges with position, confidence, method and raw name; `source_records` lists every
//   SourceRecord asserting the edge (so an undone merge can remove exactly its own assertions).
// Parameters:
//   $rows (list<map>): {author, paper, position, confidence, method, raw_name, record}.
// Returns: written (int)
// Mode: write
UNWIND $rows AS r
MATCH (a:Author {uid: r.author})
MATCH (p:Paper {uid: r.paper})
MERGE (a)-[e:AUTHORED]->(p)
ON CREATE SET e.position = r.position, e.confidence = r.confidence, e.method = r.method, e.raw_name = r.raw_name,
              e.source_records = [r.record]
ON MATCH SET e.source_records = CASE WHEN r.record IN e.source_records THEN e.source_records
                                     ELSE e.source_records + [r.record] END
RETURN count(*) AS written

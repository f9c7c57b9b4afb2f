// Purpose: AUTHORED edges with position, confidence, method and raw name; `source_records` lists every
//   SourceRecord asserting the edge (so an undone merge can remove exactly its own assertions).
// Parameters:
//   $rows (list<map>): {author, paper, position, confidence, method, raw_name, records}.
// Returns: written (int)
// Mode: write
UNWIND $rows AS r
MATCH (a:Author {uid: r.author})
MATCH (p:Paper {uid: r.paper})
MERGE (a)-[e:AUTHORED]->(p)
ON CREATE SET e.position = r.position, e.confidence = r.confidence, e.method = r.method, e.raw_name = r.raw_name,
              e.source_records = r.records
ON MATCH SET e.source_records = e.source_records + [x IN r.records WHERE NOT x IN e.source_records]
RETURN count(*) AS written

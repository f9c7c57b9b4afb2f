// Purpose: HAS_TOPIC edges onto stored papers (or papers made from records read before), merged: the
//   edge keeps its score and source and gains the asserting SourceRecord. The Topics exist:
//   write_topic_nodes runs first; edges onto new papers are create_topic_edges.
// Parameters:
//   $rows (list<map>): {uid (the topic), paper, score, source, record}.
// Returns: written (int)
// Mode: write
UNWIND $rows AS r
MATCH (t:Topic {uid: r.uid})
MATCH (p:Paper {uid: r.paper})
MERGE (p)-[e:HAS_TOPIC]->(t)
ON CREATE SET e.score = r.score, e.source = r.source, e.source_records = [r.record]
ON MATCH SET e.source_records = CASE WHEN r.record IN e.source_records THEN e.source_records
                                     ELSE e.source_records + [r.record] END
RETURN count(*) AS written

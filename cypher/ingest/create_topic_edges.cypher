// Purpose: HAS_TOPIC edges onto Papers this batch creates (from records never read before), so none can
//   exist yet: created without MERGE's walk over the paper's edges (ingest/fresh_edges.py). The Topics
//   exist: write_topic_nodes runs first.
// Parameters:
//   $rows (list<map>): {uid (the topic), paper, score, source, records}, one per (paper, topic).
// Returns: written (int)
// Mode: write
UNWIND $rows AS r
MATCH (p:Paper {uid: r.paper})
MATCH (t:Topic {uid: r.uid})
CREATE (p)-[:HAS_TOPIC {score: r.score, source: r.source, source_records: r.records}]->(t)
RETURN count(*) AS written

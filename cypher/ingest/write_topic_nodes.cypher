// Purpose: The Topics a batch names (one per canonical label key), each once, before the HAS_TOPIC edges
//   (create_topic_edges, write_topics).
// Parameters:
//   $rows (list<map>): {uid, label, label_key, scheme, code}, one per topic.
// Returns: written (int)
// Mode: write
UNWIND $rows AS r
MERGE (t:Topic {uid: r.uid})
ON CREATE SET t.label = r.label, t.label_key = r.label_key, t.scheme = r.scheme, t.code = r.code
RETURN count(*) AS written

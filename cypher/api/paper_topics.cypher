// Purpose: A page of each paper's topics, highest score first.
// Parameters:
//   $keys (list<map>, required): {uid, skip, limit} per page asked for (one DataLoader batch).
// Returns: uid (string), skip (int), limit (int), page (list<map>), total (int)
// Mode: read
UNWIND $keys AS k
MATCH (p:Paper {uid: k.uid})
CALL { WITH p MATCH (p)-[r:HAS_TOPIC]->(t:Topic) WITH t, r ORDER BY r.score DESC, t.uid RETURN collect([t, r]) AS rows }
WITH k, rows, k.skip AS s, k.skip + k.limit AS e
RETURN k.uid AS uid, k.skip AS skip, k.limit AS limit, size(rows) AS total,
  [x IN rows[s..e] | {node: {uid: x[0].uid, label: x[0].label, scheme: x[0].scheme, code: x[0].code}, score: x[1].score, source: x[1].source}] AS page

// Purpose: A page of each author's topics, the most frequent in their papers first.
// Parameters:
//   $keys (list<map>, required): {uid, skip, limit} per page asked for (one DataLoader batch).
// Returns: uid (string), skip (int), limit (int), page (list<map>), total (int)
// Mode: read
UNWIND $keys AS k
MATCH (a:Author {uid: k.uid})
CALL { WITH a MATCH (a)-[:AUTHORED]->(:Paper)-[:HAS_TOPIC]->(t:Topic) WITH t, count(*) AS n ORDER BY n DESC, t.uid
       RETURN collect([t, n]) AS rows }
WITH k, rows, k.skip AS s, k.skip + k.limit AS e
RETURN k.uid AS uid, k.skip AS skip, k.limit AS limit, size(rows) AS total,
  [x IN rows[s..e] | {node: {uid: x[0].uid, label: x[0].label, scheme: x[0].scheme, code: x[0].code}, paper_count: x[1]}] AS page

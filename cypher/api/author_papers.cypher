// Purpose: A page of each author's papers, newest first.
// Parameters:
//   $keys (list<map>, required): {uid, skip, limit} per page asked for (one DataLoader batch).
// Returns: uid (string), skip (int), limit (int), page (list<map>), total (int)
// Mode: read
UNWIND $keys AS k
MATCH (a:Author {uid: k.uid})
CALL { WITH a MATCH (a)-[:AUTHORED]->(p:Paper) WITH p ORDER BY p.year DESC, p.uid RETURN collect(p) AS rows }
WITH k, rows, k.skip AS s, k.skip + k.limit AS e
RETURN k.uid AS uid, k.skip AS skip, k.limit AS limit, size(rows) AS total,
  [p IN rows[s..e] | p {.uid, .title, .year, .date, .type, .abstract, .doi, .arxiv_id, .arxiv_version, .openalex_id}] AS page

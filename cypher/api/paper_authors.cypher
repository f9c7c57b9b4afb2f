// Purpose: A page of each paper's authors in byline order, with the attribution's confidence and method.
// Parameters:
//   $keys (list<map>, required): {uid, skip, limit} per page asked for (one DataLoader batch).
// Returns: uid (string), skip (int), limit (int), page (list<map>), total (int)
// Mode: read
UNWIND $keys AS k
MATCH (p:Paper {uid: k.uid})
CALL { WITH p MATCH (a:Author)-[r:AUTHORED]->(p) WITH a, r ORDER BY r.position, a.uid RETURN collect([a, r]) AS rows }
WITH k, rows, k.skip AS s, k.skip + k.limit AS e
RETURN k.uid AS uid, k.skip AS skip, k.limit AS limit, size(rows) AS total,
  [x IN rows[s..e] | {node: {uid: x[0].uid, name: x[0].name, given: x[0].given, family: x[0].family, orcid: x[0].orcid, openalex_id: x[0].openalex_id, name_variants: x[0].name_variants, headline: x[0].headline, open_to_collaborate: x[0].open_to_collaborate},
   position: x[1].position, confidence: x[1].confidence, method: x[1].method, raw_name: x[1].raw_name}] AS page

// Purpose: A page of each author's institutions, verified and most recent affiliations first.
// Parameters:
//   $keys (list<map>, required): {uid, skip, limit} per page asked for (one DataLoader batch).
// Returns: uid (string), skip (int), limit (int), page (list<map>), total (int)
// Mode: read
UNWIND $keys AS k
MATCH (a:Author {uid: k.uid})
CALL { WITH a MATCH (a)-[r:AFFILIATED_WITH]->(i:Institution)
       WITH i, r ORDER BY CASE r.status WHEN 'verified' THEN 0 WHEN 'asserted' THEN 1 ELSE 2 END, r.year DESC, i.uid
       RETURN collect([i, r]) AS rows }
WITH k, rows, k.skip AS s, k.skip + k.limit AS e
RETURN k.uid AS uid, k.skip AS skip, k.limit AS limit, size(rows) AS total,
  [x IN rows[s..e] | {node: {uid: x[0].uid, name: x[0].name, ror: x[0].ror, country: x[0].country}, status: x[1].status, year: x[1].year, source: x[1].source}] AS page

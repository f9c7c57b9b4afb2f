// Purpose: A page of each institution's affiliated authors, by name.
// Parameters:
//   $keys (list<map>, required): {uid, skip, limit} per page asked for (one DataLoader batch).
// Returns: uid (string), skip (int), limit (int), page (list<map>), total (int)
// Mode: read
UNWIND $keys AS k
MATCH (i:Institution {uid: k.uid})
CALL { WITH i MATCH (a:Author)-[:AFFILIATED_WITH]->(i) WITH DISTINCT a ORDER BY a.name, a.uid RETURN collect(a) AS rows }
WITH k, rows, k.skip AS s, k.skip + k.limit AS e
RETURN k.uid AS uid, k.skip AS skip, k.limit AS limit, size(rows) AS total,
  [a IN rows[s..e] | a {.uid, .name, .given, .family, .orcid, .openalex_id, .name_variants, .headline, .open_to_collaborate}] AS page

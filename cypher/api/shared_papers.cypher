// Purpose: A page of the papers two authors share, newest first (Collaborator.sharedPapers); like the
//   collaboration weight, a preprint superseded by its published version (VERSION_OF) is not counted again.
// Parameters:
//   $keys (list<map>, required): {uid, other, skip, limit}: the author, the co-author and the page.
// Returns: uid (string), other (string), skip (int), limit (int), page (list<map>), total (int)
// Mode: read
UNWIND $keys AS k
MATCH (a:Author {uid: k.uid})
CALL { WITH a, k MATCH (a)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(c:Author) WHERE c.uid = k.other AND NOT EXISTS { (p)-[:VERSION_OF]->(:Paper) }
       WITH DISTINCT p ORDER BY p.year DESC, p.uid RETURN collect(p) AS rows }
WITH k, rows, k.skip AS s, k.skip + k.limit AS e
RETURN k.uid AS uid, k.other AS other, k.skip AS skip, k.limit AS limit, size(rows) AS total,
  [p IN rows[s..e] | p {.uid, .title, .year, .date, .type, .abstract, .doi, .arxiv_id, .arxiv_version, .openalex_id}] AS page

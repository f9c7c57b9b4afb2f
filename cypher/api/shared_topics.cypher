// Purpose: The topics of the papers two authors share, most frequent first, at most $limit per pair.
// Parameters:
//   $keys (list<map>, required): {uid, other}: the author and the co-author.
//   $limit (int, required): at most this many topics per pair.
// Returns: uid (string), other (string), topics (list<map>)
// Mode: read
UNWIND $keys AS k
MATCH (a:Author {uid: k.uid})
CALL { WITH a, k MATCH (a)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(c:Author) WHERE c.uid = k.other AND NOT EXISTS { (p)-[:VERSION_OF]->(:Paper) }
       MATCH (p)-[:HAS_TOPIC]->(t:Topic) WITH t, count(DISTINCT p) AS n ORDER BY n DESC, t.uid
       RETURN collect(t {.uid, .label, .scheme, .code}) AS rows }
RETURN k.uid AS uid, k.other AS other, rows[0..$limit] AS topics

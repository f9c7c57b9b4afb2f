// Purpose: Pairs of institutions that collaborate most: papers co-written by authors affiliated with
//   each (affiliations of any status and year), counting each work once (superseded preprints skipped).
// Parameters:
//   $limit (int, default 20): at most this many pairs.
// Returns: uid_a (string), name_a (string), uid_b (string), name_b (string), papers (int),
//   authors_a (int), authors_b (int): how many of each institution's authors took part.
// Mode: read
MATCH (ia:Institution)<-[:AFFILIATED_WITH]-(x:Author)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(y:Author)-[:AFFILIATED_WITH]->(ib:Institution)
WHERE ia.uid < ib.uid AND NOT EXISTS { (p)-[:VERSION_OF]->(:Paper) }
WITH ia, ib, count(DISTINCT p) AS papers, count(DISTINCT x) AS authors_a, count(DISTINCT y) AS authors_b
RETURN ia.uid AS uid_a, ia.name AS name_a, ib.uid AS uid_b, ib.name AS name_b, papers, authors_a, authors_b
ORDER BY papers DESC, authors_a + authors_b DESC, uid_a, uid_b
LIMIT $limit

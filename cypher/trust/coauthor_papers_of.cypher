// Purpose: Year and author uids of every paper of the given authors (their local co-authorship).
// Parameters: $uids (list<string>, required): author uids.
// Returns: year (int), authors (list<string>).
// Mode: read
MATCH (x:Author)-[:AUTHORED]->(p:Paper)
WHERE x.uid IN $uids
WITH DISTINCT p
MATCH (a:Author)-[:AUTHORED]->(p)
WITH p, collect(DISTINCT a.uid) AS authors
RETURN p.year AS year, authors

// Purpose: Each paper's year and author uids: the input of collaboration weights and trust propagation.
// Parameters: none
// Returns: year (int), authors (list<string>).
// Mode: read
MATCH (a:Author)-[:AUTHORED]->(p:Paper)
WITH p, collect(DISTINCT a.uid) AS authors
RETURN p.year AS year, authors

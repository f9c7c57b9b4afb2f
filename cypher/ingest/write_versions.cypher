// Purpose: VERSION_OF from a preprint to its published version.
// Parameters:
//   $rows (list<map>): {preprint, published}.
// Returns: written (int)
// Mode: write
UNWIND $rows AS r
MATCH (a:Paper {uid: r.preprint})
MATCH (b:Paper {uid: r.published})
MERGE (a)-[:VERSION_OF]->(b)
RETURN count(*) AS written

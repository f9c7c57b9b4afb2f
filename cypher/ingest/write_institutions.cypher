// Purpose: Institutions (by ROR id, else by matched name) with AFFILIATED_WITH from authors (their DERIVED_FROM
//   links: create/write_institution_sources).
// Parameters:
//   $rows (list<map>): {uid, name, name_key, ror, author, year, source, record}.
// Returns: written (int)
// Mode: write
UNWIND $rows AS r
MERGE (i:Institution {uid: r.uid})
ON CREATE SET i.name = r.name, i.name_key = r.name_key, i.ror = r.ror
WITH i, r
MATCH (a:Author {uid: r.author})
MERGE (a)-[e:AFFILIATED_WITH]->(i)
ON CREATE SET e.source = r.source, e.year = r.year, e.status = 'inferred'
RETURN count(*) AS written

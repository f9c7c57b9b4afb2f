// Purpose: Institutions (by ROR id, else by matched name) with AFFILIATED_WITH from authors and DERIVED_FROM.
// Parameters:
//   $rows (list<map>): {uid, name, name_key, ror, author, year, source, record}.
// Returns: written (int)
// Mode: write
UNWIND $rows AS r
MERGE (i:Institution {uid: r.uid})
ON CREATE SET i.name = r.name, i.name_key = r.name_key, i.ror = r.ror
WITH i, r
MATCH (a:Author {uid: r.author})
MATCH (s:SourceRecord {uid: r.record})
MERGE (a)-[e:AFFILIATED_WITH]->(i)
ON CREATE SET e.source = r.source, e.year = r.year, e.status = 'inferred'
MERGE (i)-[:DERIVED_FROM {role: 'institution'}]->(s)
RETURN count(*) AS written

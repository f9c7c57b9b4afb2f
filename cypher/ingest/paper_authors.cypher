// Purpose: The authors already on the stored papers a batch's records attach to: another source listing
//   a compatible name on the very same paper is strong evidence that it is the same person.
// Parameters:
//   $paper_uids (list<string>): uids of stored papers the batch's records were matched to.
// Returns: columns (list<string>), rows (list<list>: rows, each in the order of columns), a thousand rows to
//   a record (Graph.read_table); the columns are paper (string), author (string)
// Mode: read
UNWIND $paper_uids AS u
MATCH (p:Paper {uid: u})<-[:AUTHORED]-(a:Author)
WITH collect([p.uid, a.uid]) AS table
// A thousand rows to a record: see "Packed answers" in cypher/README.md.
UNWIND range(0, size(table) - 1, 1000) AS start
RETURN ['paper', 'author'] AS columns, table[start..start + 1000] AS rows

// Purpose: Which of a batch's candidate authors already share a paper with another of them: two authors on
//   one author list are two people, so ingest never bridges them into one.
// Parameters:
//   $uids (list<string>): uids of candidate authors (those sharing a name block with another candidate).
// Returns: columns (list<string>), rows (list<list>: rows, each in the order of columns), a thousand rows to
//   a record (Graph.read_table); the columns are author (string), papers (list<string>: for each author of
//   $uids in its name block it shares a paper with, one such paper: the smallest uid, the same on both sides,
//   so the lists stay short for prolific authors)
// Mode: read
UNWIND $uids AS u
MATCH (a:Author {uid: u})-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(b:Author)
WHERE b.uid IN $uids AND b.uid <> u AND b.name_key = a.name_key
WITH a, b, min(p.uid) AS witness
WITH a.uid AS author, collect(witness) AS papers
WITH collect([author, papers]) AS table
// A thousand rows to a record: see "Packed answers" in cypher/README.md.
UNWIND range(0, size(table) - 1, 1000) AS start
RETURN ['author', 'papers'] AS columns, table[start..start + 1000] AS rows
